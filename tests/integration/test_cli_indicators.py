"""``zhichan indicators`` and ``zhichan plan`` on the demo workspace, through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from zhichan.demo import run_demo
from zhichan.measures import compute_indicators, drill_down
from zhichan.store import open_database

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory):
    return run_demo("500000", "small", 7, tmp_path_factory.mktemp("demo") / "ws").workspace


def _zc(*args):
    # a wide terminal, so that Chinese names are not folded across table lines
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "zhichan.cli", *args], capture_output=True, text=True, env=env)


def test_indicators_json_one_object_per_result(demo_ws):
    r = _zc("indicators", "-w", str(demo_ws), "--indicator", "valid_patents", "--indicator",
            "invention_patents_per_10k_pop", "--region", "500000", "--level", "county", "--period", "2022-2023",
            "--json")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert {"indicator", "region", "period", "value", "numerator", "denominator"} <= set(rows[0])
    assert {r["indicator"] for r in rows} == {"valid_patents", "invention_patents_per_10k_pop"}
    assert {r["period"] for r in rows} == {2022, 2023}
    dazu = next(r for r in rows if r["region"] == "500111" and r["period"] == 2023
                and r["indicator"] == "invention_patents_per_10k_pop")
    assert dazu["value"] == pytest.approx(10_000 * dazu["numerator"] / (dazu["denominator"] * 10_000))
    # the counties add up to the municipality (every Chongqing party is placed in a county)
    vp = [r for r in rows if r["indicator"] == "valid_patents" and r["period"] == 2023]
    assert sum(r["numerator"] for r in vp) == vp[0]["parent_value"]


def test_numbers_match_the_drill_down(demo_ws):
    db = open_database(demo_ws / "zhichan.duckdb")
    try:
        df = compute_indicators(db, ["valid_trademarks", "ip_pledge_amount"], periods=[2022], regions=["500000"])
        for row in df.itertuples():
            rows = drill_down(db, row.indicator, "500000", 2022)
            assert rows["value"].sum() == pytest.approx(row.numerator)
            assert row.numerator > 0
    finally:
        db.close()


def test_indicators_xlsx_and_table(demo_ws, tmp_path):
    out = tmp_path / "ind.xlsx"
    r = _zc("indicators", "-w", str(demo_ws), "--period", "2023", "--xlsx", str(out))
    assert r.returncode == 0, r.stderr
    assert "有效专利量" in r.stdout
    wb = load_workbook(out)
    assert wb.sheetnames == ["指标结果", "指标口径"]
    head = [c.value for c in wb["指标结果"][1]]
    assert head[:8] == ["指标代码", "指标名称", "单位", "地区代码", "地区", "层级", "年份", "数值"]
    assert wb["指标结果"].max_row == 1 + 18  # one row per indicator


def test_drill_cli(demo_ws, tmp_path):
    out = tmp_path / "drill.xlsx"
    r = _zc("indicators", "drill", "valid_patents", "-w", str(demo_ws), "--region", "500111", "--period", "2023",
            "--xlsx", str(out), "--json", "--limit", "3")
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.splitlines()) == 3
    assert "明细记录" in load_workbook(out).sheetnames


def test_bad_region_is_a_user_error(demo_ws):
    r = _zc("indicators", "-w", str(demo_ws), "--region", "999999")
    assert r.returncode == 2
    assert "未知的地区" in r.stderr


def test_plan_status(demo_ws, tmp_path):
    r = _zc("plan", "status", "dazu_ip_plan_2021_2025", "-w", str(demo_ws), "--as-of", "2024-01-01", "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    targets = {t["target_id"]: t for t in doc["targets"]}
    assert set(targets) >= {"madrid_applications", "ip_pledge_amount", "ip_protection_satisfaction"}
    assert targets["ip_protection_satisfaction"]["status"] == "no_data"  # reported by hand, none reported
    madrid = targets["madrid_applications"]
    assert madrid["latest_year"] == 2023 and madrid["status"] in {"achieved", "on_track", "at_risk", "off_track"}
    r = _zc("plan", "status", "dazu_ip_plan_2021_2025", "-w", str(demo_ws), "--as-of", "2024-01-01",
            "--xlsx", str(tmp_path / "p.xlsx"))
    assert r.returncode == 0 and "马德里" in r.stdout
    assert load_workbook(tmp_path / "p.xlsx").sheetnames == ["目标进度", "任务进展", "牵头单位汇总"]


def test_plan_list_and_check():
    r = _zc("plan", "list", "--json")
    assert r.returncode == 0
    ids = {json.loads(line)["id"] for line in r.stdout.splitlines()}
    assert {"dazu_ip_plan_2021_2025", "chongqing_ip_strategy_2014_2020", "shandong_ip_plan_2021_2025",
            "sichuan_ip_work_points_2021"} <= ids
    assert _zc("plan", "check").returncode == 0


def test_demo_writes_indicator_and_plan_outputs(demo_ws):
    outs = {p.name for p in (demo_ws / "outputs").iterdir()}
    assert "indicators-500000.xlsx" in outs
    assert "plan-dazu_ip_plan_2021_2025.xlsx" in outs and "plan-chongqing_ip_strategy_2014_2020.json" in outs


def test_demo_writes_maps_and_all_three_reports(demo_ws):
    maps = {p.name for p in (demo_ws / "outputs" / "maps").iterdir()}
    assert {"map-invention_patents_per_10k_pop-500000.png", "map-invention_patents_per_10k_pop-500000.html",
            "map-lisa-invention_patents_per_10k_pop-500000.png", "map-flows-500000.png"} <= maps
    reports = {p.name for p in (demo_ws / "outputs" / "reports").iterdir()}
    for name in ("annual-500000-2023", "layout-500000-2023", "plan-dazu_ip_plan_2021_2025"):
        assert {f"{name}.docx", f"{name}.html", f"{name}.pdf"} <= reports, name


def test_region_group_cli(demo_ws):
    r = _zc("regions", "group", "liangjiang", "500105", "500112", "500157", "--name", "两江新区", "-w", str(demo_ws))
    assert r.returncode == 0, r.stderr
    r = _zc("indicators", "-w", str(demo_ws), "-r", "liangjiang", "-i", "valid_patents", "-p", "2023", "--json")
    row = json.loads(r.stdout)
    r2 = _zc("indicators", "-w", str(demo_ws), "-r", "500157", "-i", "valid_patents", "-p", "2023", "--json")
    assert row["level"] == "group" and row["numerator"] >= json.loads(r2.stdout)["numerator"] > 0


def test_reported_value_reaches_indicator_and_plan(demo_ws):
    r = _zc("indicators", "report", "ip_protection_satisfaction", "--value", "81.5", "--source", "区满意度调查（测试）",
            "-r", "500111", "-p", "2023", "-w", str(demo_ws))
    assert r.returncode == 0, r.stderr
    r = _zc("indicators", "-w", str(demo_ws), "-r", "500111", "-i", "ip_protection_satisfaction", "-p", "2023", "--json")
    row = json.loads(r.stdout)
    assert row["value"] == 81.5 and row["source"] == "reported: 区满意度调查（测试）"
    r = _zc("plan", "status", "dazu_ip_plan_2021_2025", "-w", str(demo_ws), "--as-of", "2024-01-01", "--json")
    sat = next(t for t in json.loads(r.stdout)["targets"] if t["target_id"] == "ip_protection_satisfaction")
    assert sat["latest_value"] == 81.5 and sat["status"] == "achieved"  # target ≥ 80
    bad = _zc("indicators", "report", "valid_patents", "--value", "1", "--source", "x", "-p", "2023", "-w", str(demo_ws))
    assert bad.returncode == 2 and "不接受人工填报" in bad.stderr


def test_report_and_evaluate_commands(demo_ws, tmp_path):
    r = _zc("report", "annual", "-w", str(demo_ws), "--out", str(tmp_path), "--formats", "docx,html")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "annual-500000-2023.docx").is_file() and (tmp_path / "annual-500000-2023.html").is_file()
    r = _zc("report", "plan", "dazu_ip_plan_2021_2025", "-w", str(demo_ws), "--as-of", "2024-1-1")
    assert r.returncode == 2 and "日期格式不对" in r.stderr
    r = _zc("evaluate", "catalogue", "-w", str(demo_ws), "--json")
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert rows and {"unit", "field", "label", "evidence", "rta"} <= set(rows[0])
    assert {x["label"] for x in rows} <= {"重点发展", "巩固提升", "培育提升", "引导调整"}
    r = _zc("evaluate", "provinces", "--runs", "50", "--json")
    top = json.loads(r.stdout.splitlines()[0])
    assert top["name"] == "北京市" and top["rank"] == 1
