"""Classes, labels, values, basemaps and the CJK font: the parts of a map below the drawing."""

from __future__ import annotations

import importlib
import json

import mapclassify
import numpy as np
import pandas as pd
import pytest

from zhichan.errors import UserError
from zhichan.reference import regions
from zhichan.spatial import (
    as_map_values,
    cjk_font,
    classify,
    default_level,
    load_basemap,
    missing_glyphs,
)
from zhichan.spatial._labels import short_name


def test_public_api_is_consistent():
    mod = importlib.import_module("zhichan.spatial")
    assert len(set(mod.__all__)) == len(mod.__all__)
    assert all(hasattr(mod, name) for name in mod.__all__)


def test_schemes_match_mapclassify():
    y = np.array([1, 2, 2, 3, 5, 8, 13, 21, 34, 55, np.nan], dtype=float)
    q = classify(y, "quantiles", 5)
    assert q.yb[-1] == -1 and q.k == 5
    np.testing.assert_allclose(q.bins, mapclassify.Quantiles(y[:-1], k=5).bins)
    fj = classify(y, "natural_breaks", 3)
    np.testing.assert_allclose(fj.bins, mapclassify.FisherJenks(y[:-1], k=3).bins)
    ei = classify(y, "equal_interval", 4)
    np.testing.assert_allclose(ei.bins, mapclassify.EqualInterval(y[:-1], k=4).bins)
    man = classify(y, "manual", breaks=[5, 20, 60])
    assert man.bins == (5.0, 20.0, 60.0) and man.counts == [5, 2, 3]
    assert man.labels[0] == "1 – 5"


def test_few_distinct_values_and_bad_input():
    assert classify(np.array([1.0, 1.0, 2.0, 2.0]), "quantiles", 5).k == 2
    assert classify(np.array([3.0, 3.0, 3.0]), "quantiles", 5).k == 1
    with pytest.raises(UserError, match="unknown classification scheme"):
        classify(np.arange(5.0), "jenks")
    with pytest.raises(UserError, match="manual classes need breaks"):
        classify(np.arange(5.0), "manual")


@pytest.mark.parametrize("name, level, short", [
    ("重庆市", "province", "重庆"), ("新疆维吾尔自治区", "province", "新疆"), ("广西壮族自治区", "province", "广西"),
    ("香港特别行政区", "province", "香港"), ("石柱土家族自治县", "county", "石柱县"),
    ("秀山土家族苗族自治县", "county", "秀山县"), ("凉山彝族自治州", "prefecture", "凉山州"),
    ("互助土族自治县", "county", "互助县"), ("成都市", "prefecture", "成都"), ("渝中区", "county", "渝中区"),
])
def test_short_names(name, level, short):
    assert short_name(name, level) == short


def test_values_from_indicator_frame_and_tables():
    df = pd.DataFrame({"indicator": ["a", "a", "b"], "title_zh": ["甲", "甲", "乙"], "unit": ["件", "件", "个"],
                       "region": ["500101", "500102", "500101"], "region_name": ["万州区", "涪陵区", "万州区"],
                       "period": [2023, 2023, 2023], "value": [1.0, None, 3.0]})
    mv = as_map_values(df, indicator="a")
    assert mv.title == "甲" and mv.unit == "件" and mv.period == 2023 and np.isnan(mv.values["500102"])
    with pytest.raises(UserError, match="several indicators"):
        as_map_values(df)
    assert as_map_values({500101: 2, "156500102": 3}).values.to_dict() == {"500101": 2.0, "500102": 3.0}
    assert as_map_values(pd.DataFrame({"code": ["500101"], "count": [4]})).values["500101"] == 4.0


def test_basemaps():
    assert default_level("000000") == "province" and default_level("510000") == "prefecture"
    assert default_level("500000") == "county" and default_level("510100") == "county"
    cq = load_basemap("county", "500000")
    assert cq.derived["500157"] == ("500105", "500112")
    current = cq.without_overlaps()
    assert len(current.codes) == len([r for r in regions.children("500000") if r.level == "county"]) == 37
    old = cq.without_overlaps({"500105", "500112", "500101"})  # a table of old codes keeps them
    assert "500157" not in old.codes and "500105" in old.codes
    assert len(load_basemap("prefecture", "510000").codes) == 21
    assert len(load_basemap("province").codes) == 34


def test_user_geojson_and_shapefile(tmp_path):
    from zhichan.reference import feature_collection

    fc = feature_collection("county", ["500101", "500102", "500103"])
    for f in fc["features"]:
        f["properties"] = {"gb": "156" + f["properties"]["code"], "mc": f["properties"]["name"]}
    path = tmp_path / "b.geojson"
    path.write_text(json.dumps(fc, ensure_ascii=False), "utf-8")
    bm = load_basemap("county", "500000", boundaries=path, code_column="gb", name_column="mc")
    assert bm.codes == ["500101", "500102", "500103"] and bm.names["500101"] == "万州区"
    with pytest.raises(UserError, match="lacks the code column"):
        load_basemap("county", "500000", boundaries=path)
    gpd = pytest.importorskip("geopandas")
    shp = tmp_path / "b.shp"
    gpd.read_file(path).to_file(shp, encoding="utf-8")
    assert load_basemap("county", "500000", boundaries=shp, code_column="gb").codes == bm.codes


def test_cjk_font_covers_every_region_name_and_map_text():
    font = cjk_font()
    names = "".join(r.name for r in regions.all()) + "".join(r.name for r in regions.all(current=False))
    words = ("图例无数据分级分位数自然断点等间距自定义级北千米南海诸岛数据来源行政区划边界为简化示意不作为划界依据"
             "高低集聚异常不显著热点冷点置信局部空间自相关聚类图各区县市州省（区、市）年：，。·–—≤")
    assert missing_glyphs(names + words, font) == set()
    assert missing_glyphs("\U000F0000", font) == {"\U000F0000"}  # a private-use character is missing indeed
