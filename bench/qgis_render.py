#!/usr/bin/python3
"""bench/qgis_render.py: the QGIS (3.22, PyQGIS) peer of
`sespm-map render --open WARDS --by area --within all --width W --height H --no-labels -o OUT.png`.

Whole process, headless: start QgsApplication (QT_QPA_PLATFORM=offscreen), load the polygon file
with the OGR provider, classify the polygons by their area in British National Grid
(EPSG:27700) into 5 quantile classes with a graduated renderer and a light-to-dark blue colour
ramp, white outlines, reproject the map to EPSG:27700 (QgsMapSettings.destinationCrs), render
W x H with QgsMapRendererParallelJob and save a PNG.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/qgis_render.py WARDS.geojson OUT.png [W H]
Run it with Debian's /usr/bin/python3 (python3-qgis is installed for that interpreter only).
Environment: QGIS_JOB=sequential uses QgsMapRendererSequentialJob instead; QGIS_TIMING=1 prints
the seconds spent in each phase to stderr (import, init, load, classify, render, save).
"""
import os
import sys
import time

T0 = time.perf_counter()

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsClassificationQuantile,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsMapRendererParallelJob,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def mark(phase, _last=[T0]):
    if os.environ.get("QGIS_TIMING") == "1":
        now = time.perf_counter()
        sys.stderr.write(f"qgis_render.py: {phase} {now - _last[0]:.3f} s\n")
        _last[0] = now


def main(argv):
    if len(argv) not in (3, 5):
        sys.stderr.write(__doc__)
        return 2
    src, out = argv[1], argv[2]
    width, height = (int(argv[3]), int(argv[4])) if len(argv) == 5 else (1600, 1000)

    mark("import")
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    mark("init")
    try:
        layer = QgsVectorLayer(src, "wards", "ogr")
        if not layer.isValid():
            sys.stderr.write(f"qgis_render.py: cannot open {src}\n")
            return 1
        project = QgsProject.instance()
        project.addMapLayer(layer)
        bng = QgsCoordinateReferenceSystem("EPSG:27700")
        mark("load")

        # Area in EPSG:27700 square metres (planar, as sespm-map computes it), whatever the
        # layer's CRS. Quantile classes: 5, from the values of all features.
        expr = (
            f"area(transform($geometry, '{layer.crs().authid()}', 'EPSG:27700'))"
            if layer.crs() != bng
            else "area($geometry)"
        )
        renderer = QgsGraduatedSymbolRenderer(expr)
        renderer.setClassificationMethod(QgsClassificationQuantile())
        renderer.setSourceSymbol(
            QgsFillSymbol.createSimple(
                {"color": "#9ecae1", "outline_color": "#ffffff", "outline_width": "0.1"}
            )
        )
        renderer.setSourceColorRamp(QgsGradientColorRamp(QColor("#f7fbff"), QColor("#08306b")))
        renderer.updateClasses(layer, 5)
        if len(renderer.ranges()) != 5:
            sys.stderr.write(f"qgis_render.py: {len(renderer.ranges())} classes, expected 5\n")
            return 1
        layer.setRenderer(renderer)
        mark("classify")

        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setDestinationCrs(bng)
        settings.setOutputSize(QSize(width, height))
        settings.setBackgroundColor(QColor("#dde8f2"))
        to_bng = QgsCoordinateTransform(layer.crs(), bng, project)
        settings.setExtent(to_bng.transformBoundingBox(layer.extent()))

        job_class = (
            QgsMapRendererSequentialJob
            if os.environ.get("QGIS_JOB") == "sequential"
            else QgsMapRendererParallelJob
        )
        job = job_class(settings)
        job.start()
        job.waitForFinished()
        image = job.renderedImage()
        mark("render")
        if image.isNull() or not image.save(out, "PNG"):
            sys.stderr.write(f"qgis_render.py: cannot write {out}\n")
            return 1
        mark("save")
        errors = job.errors()
        if errors:
            for e in errors:
                sys.stderr.write(f"qgis_render.py: {e.layerID}: {e.message}\n")
            return 1
        return 0
    finally:
        app.exitQgis()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
