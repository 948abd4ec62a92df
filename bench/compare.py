#!/usr/bin/env python3
"""compare.py: helpers for bench/run.sh (Python 3 stdlib only).

  compare.py median HYPERFINE.json NAME     median seconds of the command named NAME
  compare.py dispersal OURS.geojson PEER.geojson
                                            per-district measures: ours vs the ogr2ogr join
  compare.py counts OURS.csv PEER.csv       code,count per area: totals and differing areas
  compare.py areas OURS.geojson PEER.geojson
                                            area_km2 per feature (matched by code)
  compare.py parts FILE.geojson             polygon parts and holes over all features
"""
import csv
import json
import sys


def median(path, name):
    for r in json.load(open(path))["results"]:
        if r["command"] == name:
            print(f"{r['median']:.4f}")
            return
    sys.exit(f"compare.py: no command named {name!r} in {path}")


def features(path, key="code"):
    return {f["properties"][key]: f["properties"] for f in json.load(open(path))["features"]}


def same(a, b, tol=1e-6):
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= tol * max(1.0, abs(float(a)))


def dispersal(ours_path, peer_path):
    ours, peer = features(ours_path), features(peer_path)
    cols = ["population", "dispersed", "per_10k", "cluster_limit", "headroom", "share_of_limit_pct"]
    bad = []
    for code in sorted(set(ours) | set(peer)):
        o, p = ours.get(code), peer.get(code)
        if o is None or p is None:
            bad.append(f"{code}: only in {'peer' if o is None else 'ours'}")
            continue
        for c in cols:
            if not same(o.get(c), p.get(c)):
                bad.append(f"{code} {c}: ours {o.get(c)} peer {p.get(c)}")
    with_fig = sum(1 for o in ours.values() if o.get("dispersed") is not None)
    print(f"  features: ours {len(ours)}, peer {len(peer)}; with a dispersal figure: ours {with_fig}, "
          f"peer {sum(1 for p in peer.values() if p.get('dispersed') is not None)}")
    print(f"  values differing ({', '.join(cols)}): {len(bad)}" + "".join(f"\n    {b}" for b in bad[:5]))


def read_counts(path):
    with open(path, newline="") as f:
        return {r["code"]: int(r["count"]) for r in csv.DictReader(f)}


def counts(ours_path, peer_path):
    ours, peer = read_counts(ours_path), read_counts(peer_path)
    diff = [c for c in sorted(set(ours) | set(peer)) if ours.get(c) != peer.get(c)]
    print(f"  areas: ours {len(ours)}, peer {len(peer)}; points counted: ours {sum(ours.values())}, "
          f"peer {sum(peer.values())}; areas whose count differs: {len(diff)}"
          + "".join(f"\n    {c}: ours {ours.get(c)} peer {peer.get(c)}" for c in diff[:5]))


def areas(ours_path, peer_path):
    ours, peer = features(ours_path), features(peer_path)
    common = set(ours) & set(peer)
    worst = max((abs(ours[c]["area_km2"] - peer[c]["area_km2"]), c) for c in common)
    print(f"  features: ours {len(ours)}, peer {len(peer)}, matched by code {len(common)}; total area_km2: "
          f"ours {sum(o['area_km2'] for o in ours.values()):.1f}, peer {sum(p['area_km2'] for p in peer.values()):.1f}; "
          f"largest difference {worst[0]:.4f} km2 ({worst[1]})")


def parts(path):
    n_parts = n_holes = 0
    for f in json.load(open(path))["features"]:
        g = f["geometry"] or {"type": "MultiPolygon", "coordinates": []}
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        n_parts += len(polys)
        n_holes += sum(len(p) - 1 for p in polys)
    print(f"{n_parts} parts, {n_holes} holes", end="")


if __name__ == "__main__":
    cmds = {"median": median, "dispersal": dispersal, "counts": counts, "areas": areas, "parts": parts}
    if len(sys.argv) < 2 or sys.argv[1] not in cmds:
        sys.exit(__doc__)
    cmds[sys.argv[1]](*sys.argv[2:])
