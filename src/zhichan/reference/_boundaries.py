"""Packaged administrative boundaries (simplified, shared borders kept) and centroids.

Three levels: ``province``, ``prefecture`` and ``county``, each a gzip GeoJSON file built by
``scripts/reference/build_boundaries.py``. A level is read on first use and cached. Features
carry ``code`` (6-digit GB/T 2260), ``name`` and ``level``; coordinates are CGCS2000 lon/lat.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from functools import cache
from importlib import resources
from typing import Any, Literal

import shapely
from shapely.geometry import shape

from zhichan.errors import ReferenceDataError

__all__ = [
    "BOUNDARY_LEVELS",
    "BoundaryLevel",
    "boundary_codes",
    "boundary_level",
    "boundary_name",
    "centroid",
    "centroids",
    "feature_collection",
    "geometry",
]

BoundaryLevel = Literal["province", "prefecture", "county"]
BOUNDARY_LEVELS: tuple[BoundaryLevel, ...] = ("province", "prefecture", "county")

_FIX_LEVEL = "使用 province、prefecture 或 county use one of province, prefecture, county"


def _data(name: str) -> bytes:
    return resources.files("zhichan.reference").joinpath("data", name).read_bytes()


def _check_level(level: str) -> BoundaryLevel:
    if level not in BOUNDARY_LEVELS:
        raise ReferenceDataError(
            "未知的边界层级 unknown boundary level",
            where="zhichan.reference boundaries",
            expected="province | prefecture | county",
            found=repr(level),
            fix=_FIX_LEVEL,
        )
    return level  # type: ignore[return-value]


def _clean_code(code: object) -> str:
    """Accept 6-digit codes, ints, ``156``-prefixed 9-digit and 12-digit codes."""
    text = str(code).strip()
    if len(text) == 9 and text.startswith("156"):
        text = text[3:]
    elif len(text) == 12 and text.endswith("000000"):
        text = text[:6]
    if len(text) != 6 or not text.isdigit():
        raise ReferenceDataError(
            "行政区划代码格式不对 malformed region code",
            where="zhichan.reference boundaries",
            expected="6 位数字代码 a 6-digit GB/T 2260 code, e.g. 500111",
            found=repr(code),
            fix="检查代码 check the code",
        )
    return text


@cache
def _text(level: BoundaryLevel) -> str:
    return gzip.decompress(_data(f"boundaries_{level}.geojson.gz")).decode("utf-8")


@cache
def _features(level: BoundaryLevel) -> dict[str, dict[str, Any]]:
    doc = json.loads(_text(level))
    return {f["properties"]["code"]: f for f in doc["features"]}


@cache
def _centroid_table() -> dict[tuple[str, str], tuple[str, float, float, float, float]]:
    reader = csv.DictReader(io.StringIO(_data("centroids.csv").decode("utf-8")))
    return {
        (r["level"], r["code"]): (
            r["name"], float(r["lon"]), float(r["lat"]),
            float(r["centroid_lon"]), float(r["centroid_lat"]),
        )
        for r in reader
    }


def boundary_codes(level: BoundaryLevel) -> frozenset[str]:
    """The 6-digit codes that have a boundary at ``level``."""
    return frozenset(_features(_check_level(level)))


def _inferred_order(code: str) -> tuple[BoundaryLevel, ...]:
    # Code shape first; then the other levels, because the source puts municipalities in the
    # prefecture file and prefecture-level cities without counties (东莞 441900) in the
    # county file.
    if code.endswith("0000"):
        return ("province", "prefecture", "county")
    if code.endswith("00"):
        return ("prefecture", "county", "province")
    return ("county", "prefecture", "province")


def boundary_level(code: object, level: BoundaryLevel | None = None) -> BoundaryLevel:
    """The level whose file holds ``code``: ``level`` if given, else inferred from the code."""
    text = _clean_code(code)
    order = (_check_level(level),) if level is not None else _inferred_order(text)
    for lvl in order:
        if text in _features(lvl):
            return lvl
    raise ReferenceDataError(
        "没有该行政区划的边界 no boundary for this region code",
        where=f"zhichan.reference boundaries ({' / '.join(order)})",
        expected="边界数据中的代码 a code present in the packaged boundaries (pre-2023)",
        found=text,
        fix="新设或更名的区划可能缺失；可用 boundary_codes() 查看，或自行提供官方边界 "
        "new codes may be missing; see boundary_codes() or supply official boundaries",
    )


@cache
def _geometry(level: BoundaryLevel, code: str) -> shapely.Geometry:
    return shape(_features(level)[code]["geometry"])


def geometry(code: object, level: BoundaryLevel | None = None) -> shapely.Geometry:
    """The simplified (Multi)Polygon of a region."""
    text = _clean_code(code)
    return _geometry(boundary_level(text, level), text)


def boundary_name(code: object, level: BoundaryLevel | None = None) -> str:
    """The region name as spelled in the boundary source (may predate renames)."""
    text = _clean_code(code)
    return str(_features(boundary_level(text, level))[text]["properties"]["name"])


def feature_collection(level: BoundaryLevel, codes: Any = None) -> dict[str, Any]:
    """A fresh GeoJSON FeatureCollection of a level, optionally only ``codes``."""
    lvl = _check_level(level)
    if codes is None:
        return json.loads(_text(lvl))  # parse anew: callers may mutate the result
    if isinstance(codes, (str, int)):  # a single code, not an iterable of characters
        codes = [codes]
    wanted = [_clean_code(c) for c in codes]
    feats = _features(lvl)
    for c in wanted:
        if c not in feats:
            boundary_level(c, lvl)  # raises the standard error
    chosen = [feats[c] for c in dict.fromkeys(wanted)]
    return {"type": "FeatureCollection", "features": json.loads(json.dumps(chosen))}


def centroid(
    code: object,
    level: BoundaryLevel | None = None,
    *,
    kind: Literal["inside", "centroid"] = "inside",
) -> tuple[float, float]:
    """``(lon, lat)`` of a region: ``inside`` is a point on the shipped polygon (default,
    safe for labels and point-in-polygon), ``centroid`` the true area centroid."""
    text = _clean_code(code)
    lvl = boundary_level(text, level)
    row = _centroid_table()[(lvl, text)]
    return (row[1], row[2]) if kind == "inside" else (row[3], row[4])


def centroids(
    level: BoundaryLevel, *, kind: Literal["inside", "centroid"] = "inside"
) -> dict[str, tuple[float, float]]:
    """``{code: (lon, lat)}`` for every region of a level (see :func:`centroid`)."""
    lvl = _check_level(level)
    pick = (1, 2) if kind == "inside" else (3, 4)
    return {
        code: (row[pick[0]], row[pick[1]])
        for (row_level, code), row in _centroid_table().items()
        if row_level == lvl
    }
