#!/usr/bin/python3
"""bench/qgis_layout.py: the QGIS (3.22, PyQGIS) peer of `sespm-map report`: a print layout of the
South East's districts exported to PDF, as a GIS officer would make one for board papers.

Whole process, headless (QT_QPA_PLATFORM=offscreen): start QgsApplication, load the districts
GeoJSON (`sespm-map export --layer dispersal --within E12000008`, so the figures are the same),
classify share_of_limit_pct into 5 quantile classes (graduated renderer, orange-red ramp), and
lay out an A4 page: title, map (EPSG:27700), legend, scale bar in km, north arrow, attribution.
With a sub-regions file (`export --geography subregion`) as the atlas coverage layer it exports
one page per sub-region (an atlas of 4 pages), each zoomed to its group.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/qgis_layout.py DISTRICTS.geojson OUT.pdf [SUBREGIONS.geojson]
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication, QgsClassificationQuantile, QgsCoordinateReferenceSystem, QgsFillSymbol,
    QgsGradientColorRamp, QgsGraduatedSymbolRenderer, QgsLayout, QgsLayoutExporter,
    QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemPicture,
    QgsLayoutItemScaleBar, QgsLayoutPoint, QgsLayoutSize, QgsPrintLayout, QgsProject,
    QgsRectangle, QgsUnitTypes, QgsVectorLayer, QgsCoordinateTransform,
)
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

MM = QgsUnitTypes.LayoutMillimeters


def styled_districts(path):
    layer = QgsVectorLayer(path, "Share of the cluster limit (%)", "ogr")
    if not layer.isValid():
        raise SystemExit(f"qgis_layout.py: cannot read {path}")
    ramp = QgsGradientColorRamp(QColor("#fee8c8"), QColor("#b30000"))
    symbol = QgsFillSymbol.createSimple({"outline_color": "white", "outline_width": "0.1"})
    renderer = QgsGraduatedSymbolRenderer("share_of_limit_pct")
    renderer.setClassificationMethod(QgsClassificationQuantile())
    renderer.setSourceSymbol(symbol)
    renderer.setSourceColorRamp(ramp)
    renderer.updateClasses(layer, 5)
    layer.setRenderer(renderer)
    return layer


def add_label(layout, text, x, y, w, h, size):
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    label.setFont(QFont("DejaVu Sans", size))
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(x, y, MM))
    label.attemptResize(QgsLayoutSize(w, h, MM))
    return label


def build_layout(project, layer, extent):
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 page
    add_label(layout, "Asylum dispersal against the cluster limit, South East", 10, 8, 190, 12, 16)
    m = QgsLayoutItemMap(layout)
    m.setCrs(QgsCoordinateReferenceSystem("EPSG:27700"))
    m.setLayers([layer])
    layout.addLayoutItem(m)
    m.attemptMove(QgsLayoutPoint(10, 22, MM))
    m.attemptResize(QgsLayoutSize(190, 150, MM))
    m.setExtent(extent)
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(m)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(10, 175, MM))
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(m)
    bar.setUnits(QgsUnitTypes.DistanceKilometers)
    bar.setNumberOfSegments(2)
    bar.setUnitsPerSegment(25)
    bar.setUnitLabel("km")
    layout.addLayoutItem(bar)
    bar.attemptMove(QgsLayoutPoint(120, 175, MM))
    arrow = QgsLayoutItemPicture(layout)
    arrow.setPicturePath("/usr/share/qgis/svg/arrows/NorthArrow_02.svg")
    layout.addLayoutItem(arrow)
    arrow.attemptMove(QgsLayoutPoint(185, 25, MM))
    arrow.attemptResize(QgsLayoutSize(12, 12, MM))
    add_label(layout, "Boundaries: Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
                      "Figures: Home Office Asy_D11; ONS mid-2024 population estimates.", 10, 270, 190, 15, 7)
    return layout, m


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write(__doc__)
        return 2
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:27700"))
    layer = styled_districts(argv[1])
    project.addMapLayer(layer)
    to_bng = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:27700"), project)
    layout, m = build_layout(project, layer, to_bng.transformBoundingBox(layer.extent()))
    exporter = QgsLayoutExporter(layout)
    settings = QgsLayoutExporter.PdfExportSettings()
    if len(argv) == 4:  # an atlas: one page per sub-region
        groups = QgsVectorLayer(argv[3], "subregions", "ogr")
        project.addMapLayer(groups, False)
        atlas = layout.atlas()
        atlas.setCoverageLayer(groups)
        atlas.setEnabled(True)
        m.setAtlasDriven(True)
        m.setAtlasMargin(0.05)
        result, error = QgsLayoutExporter.exportToPdf(atlas, argv[2], settings)
    else:
        result = exporter.exportToPdf(argv[2], settings)
        error = ""
    app.exitQgis()
    if result != QgsLayoutExporter.Success:
        sys.stderr.write(f"qgis_layout.py: export failed ({result}) {error}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
