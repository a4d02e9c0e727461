"""Packaged boundaries: counts, known codes, centroids, shared borders and size."""

from __future__ import annotations

from importlib import resources

import numpy as np
import pytest
import shapely

from zhichan.errors import ReferenceDataError
from zhichan.reference import _boundaries as b


def test_counts_per_level():
    # 境界线 line features are dropped; municipalities, HK, Macao and Taiwan appear whole in
    # the prefecture file, as in the source
    assert len(b.boundary_codes("province")) == 34
    assert len(b.boundary_codes("prefecture")) == 375
    assert len(b.boundary_codes("county")) == 2891 + 3  # + 3 dissolved from predecessors


def test_known_codes_and_levels():
    assert "500111" in b.boundary_codes("county")
    assert "500000" in b.boundary_codes("province")
    assert "510100" in b.boundary_codes("prefecture")
    assert b.boundary_level("500111") == "county"
    assert b.boundary_level("500000") == "province"
    assert b.boundary_level("510100") == "prefecture"
    # prefecture-level city without counties sits in the county file too, and vice versa
    assert b.boundary_level("441900") == "prefecture"
    assert b.boundary_level("441900", "county") == "county"
    assert b.boundary_level("469001") == "county"  # 五指山市, province-administered
    assert b.boundary_name("500111") == "大足区"
    assert b.boundary_name("510100") == "成都市"
    assert b.geometry("156500111").equals(b.geometry(500111))  # gb and int forms


def test_small_urban_districts_keep_valid_shapes():
    for code, name, approx_km2 in (("110101", "东城区", 42), ("310101", "黄浦区", 20)):
        geom = b.geometry(code)
        assert geom.is_valid and not geom.is_empty
        assert b.boundary_name(code) == name
        lon, lat = b.centroid(code)
        km2 = geom.area * 111.32**2 * np.cos(np.radians(lat))
        assert approx_km2 * 0.8 < km2 < approx_km2 * 1.25


def test_centroid_inside_and_near_known_coordinates():
    geom = b.geometry("500111")
    inside = b.centroid("500111")
    true = b.centroid("500111", kind="centroid")
    assert geom.covers(shapely.Point(inside))
    assert abs(true[0] - 105.7) < 0.1 and abs(true[1] - 29.65) < 0.1
    assert abs(inside[0] - 105.7) < 0.15 and abs(inside[1] - 29.65) < 0.15


def test_every_inside_point_lies_in_its_polygon():
    for level in b.BOUNDARY_LEVELS:
        pts = b.centroids(level)
        assert set(pts) == b.boundary_codes(level)
        codes = sorted(pts)
        geoms = np.array([b.geometry(c, level) for c in codes])
        points = shapely.points([pts[c] for c in codes])
        assert shapely.covers(geoms, points).all(), level


def test_neighbours_share_a_border():
    dazu, tongliang = b.geometry("500111"), b.geometry("500151")
    shared = dazu.intersection(tongliang)
    assert shared.geom_type in ("LineString", "MultiLineString")
    assert shared.length > 0.3  # about 40 km of common border
    assert shared.area == 0
    # Sichuan/Chongqing at province level, 成都/德阳 at prefecture level
    assert b.geometry("510000").intersection(b.geometry("500000")).length > 5
    assert b.geometry("510100").intersection(b.geometry("510600")).length > 0.5


def test_chongqing_counties_form_a_gapless_coverage():
    from zhichan.reference import regions

    # today's units only: the pre-2025 江北区/渝北区 are shipped too, for historical maps
    codes = sorted(c for c in b.boundary_codes("county") if c.startswith("50") and regions.is_current(c))
    geoms = np.array([b.geometry(c) for c in codes])
    union = shapely.union_all(geoms)
    overlap = shapely.area(geoms).sum() - union.area
    assert abs(overlap) < 1e-9 * union.area
    holes = sum(shapely.Polygon(r).area for p in shapely.get_parts(union) for r in p.interiors)
    assert holes < 1e-6 * union.area
    province = b.geometry("500000")  # simplified separately, so only nearly equal
    assert abs(union.area - province.area) < 0.005 * province.area
    assert union.symmetric_difference(province).area < 0.01 * province.area


def test_feature_collection_and_fresh_copies():
    fc = b.feature_collection("county", ["500111", "500151"])
    assert fc["type"] == "FeatureCollection"
    props = [f["properties"] for f in fc["features"]]
    assert props[0] == {"code": "500111", "name": "大足区", "level": "county"}
    fc["features"][0]["properties"]["name"] = "changed"
    assert b.boundary_name("500111") == "大足区"
    full = b.feature_collection("province")
    assert len(full["features"]) == 34


def test_unknown_and_malformed_codes_raise():
    with pytest.raises(ReferenceDataError) as info:
        b.geometry("653132")  # 岑岭县 postdates the boundaries, with no recorded predecessor
    assert "653132" in str(info.value) and info.value.fix
    with pytest.raises(ReferenceDataError):
        b.centroid("12345")
    with pytest.raises(ReferenceDataError):
        b.boundary_codes("city")  # type: ignore[arg-type]
    with pytest.raises(ReferenceDataError):
        b.feature_collection("county", ["999999"])


def test_total_shipped_size_under_8_mb():
    data = resources.files("zhichan.reference").joinpath("data")
    names = [p.name for p in data.iterdir()
             if p.name.startswith(("boundaries", "centroids"))]
    assert len(names) == 4
    assert sum(len(data.joinpath(n).read_bytes()) for n in names) <= 8 * 1024 * 1024


def test_merged_county_dissolved_from_predecessors():
    """两江新区 (2025) is the union of 江北区 and 渝北区, sharing borders with its neighbours."""
    from zhichan.reference import centroid, geometry

    new = geometry("500157")
    old = shapely.union_all([geometry("500105"), geometry("500112")])
    assert abs(new.area - old.area) < 1e-9
    assert new.intersection(geometry("500109")).length > 0.1  # borders 北碚区
    assert geometry("500157").contains(shapely.Point(*centroid("500157")))
