"""Maps rendered for real: province (all China), prefecture (Sichuan) and county (Chongqing) levels,
PNG/SVG/HTML, the CJK font without tofu, the CLI commands and the demo maps."""

from __future__ import annotations

import json
import re
import warnings
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest
import typer
from PIL import Image
from typer.testing import CliRunner

from zhichan.reference import boundary_codes
from zhichan.spatial import (
    LocalMoran,
    bivariate_choropleth,
    choropleth,
    flow_map,
    lisa_map,
    point_map,
    save_map,
    write_demo_maps,
)
from zhichan.spatial._canvas import LEGEND_ANCHOR, MAP_BOX

pytestmark = pytest.mark.integration


def _values(level: str, prefix: str = "", seed: int = 1) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    return {c: float(rng.gamma(2.0, 10.0)) for c in sorted(boundary_codes(level)) if c.startswith(prefix)}


def _render(fig, path):
    """Save with warnings as errors: a missing glyph would fail here."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        save_map(fig, path)
    return path


def _ink(img: Image.Image, box: tuple[float, float, float, float]) -> np.ndarray:
    """Pixels of a figure-fraction box (left, bottom, right, top), as an array."""
    w, h = img.size
    l, b, r, t = box
    return np.asarray(img.convert("RGB").crop((int(l * w), int((1 - t) * h), int(r * w), int((1 - b) * h))))


def _check_png(path, k: int, n_regions: int):
    img = Image.open(path)
    assert img.size == (1200, 1050)
    px = np.asarray(img.convert("RGB")).reshape(-1, 3)
    colours = {tuple(c) for c in np.unique(px, axis=0)}
    assert len(colours) > 50  # map, labels, antialiasing: far from blank
    title = _ink(img, (0.1, 0.92, 0.9, 0.99))
    assert (title < 100).all(axis=2).sum() > 500  # dark title text
    legend = _ink(img, (LEGEND_ANCHOR[0], LEGEND_ANCHOR[1], 0.99, 0.5))
    non_white = (legend < 245).any(axis=2)
    assert non_white.sum() > 2000  # legend swatches and text
    swatches = {tuple(c) for c in legend.reshape(-1, 3)}
    assert len(swatches) >= k
    mapped = _ink(img, (MAP_BOX[0], MAP_BOX[1], MAP_BOX[0] + MAP_BOX[2], MAP_BOX[1] + MAP_BOX[3]))
    assert (mapped < 245).any(axis=2).mean() > 0.15  # the map fills a good part of its box


def test_province_map_of_china(tmp_path):
    fig = choropleth(_values("province"), level="province", region="000000", scheme="natural_breaks", k=5,
                     cmap="cividis", title="各省（区、市）示例指标", note="示例数据，非真实统计。", source="测试")
    spec = fig.zhichan_spec
    assert len(spec.basemap.codes) == 34 and spec.extra["classes"].k == 5
    assert any(t.get_text() == "南海诸岛" for ax in fig.axes[0].child_axes for t in ax.texts)  # the customary inset
    _check_png(_render(fig, tmp_path / "china.png"), 5, 34)


def test_prefecture_map_of_sichuan(tmp_path):
    fig = choropleth(_values("prefecture", "51"), level="prefecture", region="510000", scheme="quantiles", k=4,
                     cmap="Blues", note="示例数据。")
    assert len(fig.zhichan_spec.basemap.codes) == 21
    assert fig.zhichan_spec.title.startswith("四川省各市（州）")
    _check_png(_render(fig, tmp_path / "sichuan.png"), 4, 21)


def test_county_map_of_chongqing_all_formats(tmp_path):
    vals = _values("county", "50")
    vals.pop("500105"), vals.pop("500112")  # merged into 两江新区 500157 in 2025
    vals["500101"] = float("nan")
    fig = choropleth(vals, level="county", region="500000", scheme="manual", breaks=[10, 20, 30, 60],
                     title="重庆市各区县示例", note="演示数据：微观记录为合成数据。")
    spec = fig.zhichan_spec
    assert len(spec.basemap.codes) == 37 and spec.legend[-1][0] == "无数据（1）"
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"合川区", "万州区", "北"} <= texts and "石柱县" in texts  # small urban districts may yield
    _check_png(_render(fig, tmp_path / "cq.png"), 4, 37)
    svg = _render(fig, tmp_path / "cq.svg")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg") and len(root.findall(".//{http://www.w3.org/2000/svg}path")) > 37
    page = _render(fig, tmp_path / "cq.html").read_text("utf-8")
    assert "echarts" in page and "registerMap" in page and "500157" in page
    assert not re.search(r"<script[^>]+src=|https?://[^\"'\s]*\.js", page)  # nothing fetched
    blob = json.loads(re.search(r"const spec = (\{.*?\});\n", page, re.DOTALL).group(1).replace("<\\/", "</"))
    assert len(blob["geojson"]["features"]) == 37 and len(blob["pieces"]) == 4
    assert "合成数据" in page


def test_county_map_of_all_china_is_unlabelled_and_quick(tmp_path):
    fig = choropleth(_values("county"), level="county", scheme="natural_breaks", labels="auto")
    assert len(fig.zhichan_spec.basemap.codes) > 2800
    assert not fig.axes[0].texts or all(t.get_text() in {"北", "千米"} or t.get_text().replace(".", "").isdigit()
                                        for t in fig.axes[0].texts)


def test_stat_bivariate_point_and_flow_maps(tmp_path):
    vals = _values("county", "50")
    res = LocalMoran(seed=1, permutations=99).fit(vals)
    _render(lisa_map(res, note="示例"), tmp_path / "lisa.png")
    assert "LISA" in _render(lisa_map(res), tmp_path / "lisa.html").read_text("utf-8")
    other = _values("county", "50", seed=2)
    bi = bivariate_choropleth(vals, other, x_label="知识产权", y_label="研发", title="匹配")
    assert len(set(bi.zhichan_spec.colours.values())) > 4
    _render(bi, tmp_path / "bi.png")
    _render(point_map(vals, title="点"), tmp_path / "pt.png")
    flows = pd.DataFrame({"origin": ["500103", "500101", "500103"], "destination": ["500101", "500103", "500101"],
                          "value": [3, 1, 2]})
    fig = flow_map(flows, level="county", region="500000")
    assert len([p for p in fig.axes[0].patches if type(p).__name__ == "FancyArrowPatch"]) == 2  # pairs summed
    _render(fig, tmp_path / "flow.png")


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory):
    from zhichan.demo import run_demo

    return run_demo("500000", "small", 7, tmp_path_factory.mktemp("demo") / "ws").workspace


def _cli():
    from zhichan.cli import _spatial

    app = typer.Typer()
    _spatial.register(app)
    return app


def test_cli_map_and_spatial(demo_ws, tmp_path):
    runner = CliRunner()
    out = tmp_path / "m.png"
    r = runner.invoke(_cli(), ["map", "invention_patents_per_10k_pop", "-w", str(demo_ws), "--region", "500000",
                               "--level", "county", "--period", "2023", "--out", str(out), "--scheme", "natural_breaks",
                               "--k", "4"])
    assert r.exit_code == 0, r.output
    assert Image.open(out).size == (1200, 1050)
    r = runner.invoke(_cli(), ["spatial", "moran", "valid_trademarks", "-w", str(demo_ws), "--period", "2023",
                               "--seed", "1", "--permutations", "99", "--json"])
    assert r.exit_code == 0, r.output
    row = json.loads(r.output.strip().splitlines()[-1])
    assert row["n"] == 37 and -1 <= row["I"] <= 1 and row["permutations"] == 99
    lisa_png = tmp_path / "lisa.png"
    r = runner.invoke(_cli(), ["spatial", "lisa", "valid_trademarks", "-w", str(demo_ws), "--period", "2023",
                               "--seed", "1", "--permutations", "99", "--json", "--out", str(lisa_png)])
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in r.output.strip().splitlines()]
    assert len(rows) == 37 and {x["cluster"] for x in rows} <= {"HH", "LL", "HL", "LH", "ns"} and lisa_png.exists()
    r = runner.invoke(_cli(), ["spatial", "hotspot", "valid_trademarks", "-w", str(demo_ws), "--period", "2023",
                               "--weights", "knn", "--k", "5", "--permutations", "99", "--seed", "2"])
    assert r.exit_code == 0, r.output
    assert "k近邻" in r.output


def test_write_demo_maps(demo_ws, tmp_path):
    from zhichan.workspace import open_workspace

    with open_workspace(demo_ws, read_only=True) as ws:
        paths = write_demo_maps(ws.db, tmp_path, region="500000", note="演示数据：合成数据。")
    names = {p.name for p in paths}
    assert "map-invention_patents_per_10k_pop-500000.png" in names and "map-valid_trademarks-500000.html" in names
    assert any(n.startswith("map-lisa-") for n in names)
    assert all(p.stat().st_size > 10_000 for p in paths)


def test_rights_flows_from_transfers_and_licences(tmp_path):
    """Flows by hand: a patent moving from 大足区 to 渝中区, a licence from 渝中区 to 万州区."""
    from datetime import date

    from zhichan.spatial import flow_map, rights_flows, save_map
    from zhichan.store import open_database

    db = open_database(tmp_path / "f.duckdb")
    for pid, code in (("a", "500111"), ("b", "500103"), ("c", "500101")):
        db.execute("INSERT INTO party (party_id, name, name_norm, kind, region_code) VALUES (?, ?, ?, 'enterprise', ?)",
                   [pid, pid, pid, code])
    db.execute("INSERT INTO ip_right (right_id, kind, office, application_no, application_date, grant_date) "
               "VALUES ('r', 'invention', 'CN', 'r', DATE '2015-01-01', DATE '2017-01-01')")
    db.execute("INSERT INTO right_party (right_id, party_id, role, seq, valid_from, valid_to) VALUES "
               "('r', 'a', 'owner', 1, DATE '2017-01-01', DATE '2020-05-01'), ('r', 'b', 'owner', 1, DATE '2020-05-01', NULL),"
               "('r', 'c', 'licensee', 1, DATE '2021-03-01', NULL)")
    f = rights_flows(db, years=(2015, 2023), level="county", region="500000").set_index(["origin", "destination"])
    assert f.loc[("500111", "500103"), "value"] == 1 and f.loc[("500103", "500101"), "value"] == 1
    assert rights_flows(db, years=(2021, 2023), level="county", kinds=("transfer",)).empty
    prov = rights_flows(db, years=(2015, 2023), level="province")
    assert prov.to_dict("records") == [{"origin": "500000", "destination": "500000", "value": 2}]
    out = save_map(flow_map(f.reset_index(), level="county", region="500000", title="流向"), tmp_path / "f.png")
    assert out.stat().st_size > 10_000
    db.close()
