"""The polygons a map draws: a region's subdivisions at one level, from the packaged boundaries or
a user file (GeoJSON, or Shapefile/GeoPackage through geopandas) with a code column."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape

from zhichan.errors import UserError
from zhichan.reference import code_prefix, regions
from zhichan.reference._boundaries import (
    BOUNDARY_LEVELS,
    boundary_codes,
    boundary_level,
    feature_collection,
)

__all__ = ["NATION", "Basemap", "default_level", "load_basemap", "normalise_code"]

NATION = "000000"
MUNICIPALITIES = ("110000", "120000", "310000", "500000")
LEVEL_ZH = {"province": "省（区、市）", "prefecture": "市（州）", "county": "区县"}


@dataclass
class Basemap:
    """Regions to draw: ``codes`` in order, their ``names`` and lon/lat ``geoms``; ``derived`` maps a
    code dissolved from predecessors (两江新区 500157 ← 500105, 500112) to those predecessors."""

    level: str
    region: str
    codes: list[str]
    names: dict[str, str]
    geoms: dict[str, shapely.Geometry]
    source: str = "packaged"
    derived: dict[str, tuple[str, ...]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    @property
    def national(self) -> bool:
        return self.region == NATION

    def region_name(self) -> str:
        if self.region == NATION:
            return "全国"
        try:
            return regions.get(self.region).name
        except Exception:  # noqa: BLE001 - user codes may be unknown to the catalogue
            return self.region

    def subset(self, codes: Iterable[str]) -> Basemap:
        keep = [c for c in self.codes if c in set(codes)]
        return Basemap(self.level, self.region, keep, {c: self.names[c] for c in keep},
                       {c: self.geoms[c] for c in keep}, self.source,
                       {k: v for k, v in self.derived.items() if k in keep}, list(self.missing))

    def without_overlaps(self, has_value: set[str] | None = None) -> Basemap:
        """Drop the predecessors of a derived unit, or the derived unit when only its
        predecessors carry values (a table of old codes)."""
        drop: set[str] = set()
        for new, olds in self.derived.items():
            present = [o for o in olds if o in self.geoms]
            if not present:
                continue
            if has_value is not None and new not in has_value and any(o in has_value for o in present):
                drop.add(new)
            else:
                drop.update(present)
        return self.subset([c for c in self.codes if c not in drop])


def normalise_code(code: object) -> str:
    """Codes as 6-digit text: ints, ``156``-prefixed and 12-digit forms accepted."""
    text = str(code).strip()
    text = text.removesuffix(".0")
    if len(text) == 9 and text.startswith("156"):
        text = text[3:]
    elif len(text) == 12 and text.isdigit():
        text = text[:6]
    return text


def default_level(region: str) -> str:
    """The level below ``region``: provinces of the nation, counties of a municipality …"""
    region = normalise_code(region)
    if region == NATION:
        return "province"
    if region in MUNICIPALITIES or (region.endswith("00") and not region.endswith("0000")):
        return "county"
    if region.endswith("0000"):
        return "prefecture"
    return "county"


def _check_level(level: str) -> None:
    if level not in BOUNDARY_LEVELS:
        raise UserError("未知的地图层级 unknown map level", expected="province | prefecture | county",
                        found=repr(level), fix="--level county")


def _packaged_codes(level: str, region: str) -> tuple[list[str], list[str]]:
    at_level = boundary_codes(level)  # type: ignore[arg-type]
    if region == NATION:
        return sorted(at_level), []
    if region not in regions:
        raise UserError(f"未知的地区 unknown region: {region}", expected="6 位行政区划代码 a GB/T 2260 code",
                        found=region, fix="用 zhichan regions resolve 查代码")
    reg = regions.get(region)
    if reg.level == level:
        return [region], []
    prefix = region[:2] if reg.level == "province" else region[:4]
    picked = {c for c in at_level if c.startswith(prefix)}
    missing = []
    for r in regions.descendants(region):
        if r.level == level and r.code not in picked:
            try:
                boundary_level(r.code)
                picked.add(r.code)
            except UserError:
                missing.append(r.code)
    return sorted(picked), missing


def _packaged(level: str, region: str) -> Basemap:
    codes, missing = _packaged_codes(level, region)
    by_file: dict[str, list[str]] = {}
    for c in codes:
        by_file.setdefault(level if c in boundary_codes(level) else boundary_level(c), []).append(c)  # type: ignore[arg-type]
    names, geoms, derived = {}, {}, {}
    for lvl, cs in by_file.items():
        for f in feature_collection(lvl, cs)["features"]:  # type: ignore[arg-type]
            p = f["properties"]
            geoms[p["code"]] = shape(f["geometry"])
            names[p["code"]] = _current_name(p["code"], p["name"])
            if p.get("derived_from"):
                derived[p["code"]] = tuple(p["derived_from"].split(","))
    return Basemap(level, region, codes, names, geoms, "packaged", derived, missing)


def _current_name(code: str, fallback: str) -> str:
    try:
        return regions.get(code).name
    except Exception:  # noqa: BLE001 - historical codes keep the boundary source's name
        return fallback


def _user_features(path: Path) -> list[dict[str, Any]]:
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json"):
        doc = json.loads(path.read_text("utf-8-sig"))
        return doc["features"] if doc.get("type") == "FeatureCollection" else [doc]
    try:
        import geopandas as gpd
    except ImportError:  # pragma: no cover - geopandas ships with libpysal
        raise UserError("读取该格式需要 geopandas reading this format needs geopandas", found=str(path),
                        fix="转成 GeoJSON 或安装 geopandas") from None
    frame = gpd.read_file(path)
    if frame.crs is not None and frame.crs.is_projected:
        frame = frame.to_crs(4326)
    return json.loads(frame.to_json())["features"]


def _from_file(path: Path, level: str, region: str, code_column: str, name_column: str | None) -> Basemap:
    if not path.is_file():
        raise UserError("找不到边界文件 boundary file not found", found=str(path), fix="检查路径 check the path")
    feats = _user_features(path)
    if feats and code_column not in (feats[0].get("properties") or {}):
        cols = sorted((feats[0].get("properties") or {}).keys())
        raise UserError("边界文件缺少代码列 boundary file lacks the code column", where=str(path),
                        expected=code_column, found="、".join(cols) or "无属性 no properties",
                        fix="用 --code-column 指定区划代码所在的列 name the column holding region codes")
    codes, names, geoms = [], {}, {}
    for f in feats:
        props = f.get("properties") or {}
        code = normalise_code(props[code_column])
        if f.get("geometry") is None or code in geoms:
            continue
        geom = shapely.make_valid(shape(f["geometry"]))
        codes.append(code)
        geoms[code] = geom
        names[code] = str(props.get(name_column) or "") if name_column else ""
        if not names[code]:
            names[code] = _current_name(code, code)
    if region != NATION:
        prefix = code_prefix(region)
        codes = [c for c in codes if c.startswith(prefix)] or codes
    return Basemap(level, region, codes, names, {c: geoms[c] for c in codes}, str(path))


def load_basemap(level: str | None = None, region: str = NATION, *, boundaries: str | Path | None = None,
                 code_column: str = "code", name_column: str | None = "name") -> Basemap:
    """The subdivisions of ``region`` at ``level`` (default: the level below it).

    ``boundaries``: a GeoJSON/Shapefile/GeoPackage with region codes in ``code_column`` instead of
    the packaged boundaries; its features within ``region`` (by code prefix) are drawn.
    """
    region = normalise_code(region or NATION)
    level = level or default_level(region)
    _check_level(level)
    if boundaries is not None:
        return _from_file(Path(boundaries), level, region, code_column, name_column)
    return _packaged(level, region)


def level_label(level: str) -> str:
    """Chinese name of the units of a level, for titles: 区县, 市（州）, 省（区、市）."""
    return LEVEL_ZH.get(level, level)
