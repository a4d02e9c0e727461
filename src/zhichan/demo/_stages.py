"""Analysis stages of the demo's main job, run after the import: indicators for the region and
its subdivisions, and the progress of the seed plans that concern the region."""

from __future__ import annotations

import datetime as dt
import json

from zhichan.demo._calibrate import YEARS


def indicators_stage(ws, manifest) -> str:
    """Every indicator for the region and its counties over the demo years → outputs/ XLSX."""
    from zhichan.measures import compute_indicators
    from zhichan.report import write_indicator_workbook

    years = list(YEARS)
    region = manifest.region
    top = compute_indicators(ws.db, periods=years, regions=[region], owner_rule=ws.config.attribution_rule)
    counties = compute_indicators(ws.db, periods=[years[-1]], regions=[region], level="county",
                                  owner_rule=ws.config.attribution_rule)
    out = write_indicator_workbook(ws.outputs / f"indicators-{region}.xlsx", top)
    write_indicator_workbook(ws.outputs / f"indicators-{region}-county-{years[-1]}.xlsx", counties)
    have = top[(top["period"] == years[-1]) & top["value"].notna()]
    return f"{have['indicator'].nunique()} 项指标有值 (of {top['indicator'].nunique()}), {len(counties)} 个区县结果 → {out.name}"


def plans_stage(ws, manifest) -> str:
    """Progress of each seed plan whose region lies in the demo region → outputs/ XLSX and JSON."""
    from zhichan.plans import PlanProgress, plan_actuals, plan_status, plans_within
    from zhichan.report import write_plan_workbook

    done = []
    as_of = dt.date(YEARS[-1] + 1, 1, 1)  # the demo's data end with its last year
    for plan in plans_within(manifest.region):
        actuals = plan_actuals(ws.db, plan, as_of=as_of, owner_rule=ws.config.attribution_rule)
        prog = PlanProgress(plan, as_of=as_of).fit(actuals)
        write_plan_workbook(ws.outputs / f"plan-{plan.id}.xlsx", prog)
        (ws.outputs / f"plan-{plan.id}.json").write_text(
            json.dumps(plan_status(plan, actuals, as_of=as_of), ensure_ascii=False, indent=1, default=str), "utf-8")
        done.append(f"{plan.id}: " + "、".join(f"{k} {v}" for k, v in prog.summary_["targets"].items() if v))
    if done:
        done.append(f"演示记录按 {manifest.factor:.3g} 缩放，绝对量目标与之不可比 (records are scaled; absolute targets are not)")
    return "；".join(done) or "无涉及本地区的规划 no seed plan for this region"


def reports_stage(ws, manifest) -> str:
    """The annual report and the layout report of the region and a briefing per seed plan →
    outputs/reports (DOCX, HTML, PDF)."""
    from zhichan.plans import plans_within
    from zhichan.report import (
        build_annual_report,
        build_layout_report,
        build_plan_report,
        write_report,
    )

    out = ws.outputs / "reports"
    note = "本报告所用微观记录为演示用合成数据，数值不代表真实情况。"
    year = YEARS[-1]
    rep = build_annual_report(ws.db, manifest.region, year, out / "figures", note=note,
                              owner_rule=ws.config.attribution_rule, home=manifest.region)
    written = [write_report(rep, out, f"annual-{manifest.region}-{year}")["docx"].name]
    lay = build_layout_report(ws.db, manifest.region, year, out / "figures", note=note,
                              owner_rule=ws.config.attribution_rule)
    written.append(write_report(lay, out, f"layout-{manifest.region}-{year}")["docx"].name)
    for plan in plans_within(manifest.region):
        brief = build_plan_report(ws.db, plan.id, out / "figures", as_of=dt.date(year + 1, 1, 1), note=note,
                                  owner_rule=ws.config.attribution_rule)
        written.append(write_report(brief, out, f"plan-{plan.id}")["docx"].name)
    return f"{len(written)} 份报告（DOCX、HTML、PDF）→ outputs/reports: " + "、".join(written)


def maps_stage(ws, manifest) -> str:
    """Choropleths of key indicators by county and a LISA cluster map → outputs/maps (PNG, HTML)."""
    from zhichan.demo._writers import SYNTHETIC_NOTE
    from zhichan.spatial import flow_map, rights_flows, save_map, write_demo_maps

    paths = write_demo_maps(ws.db, ws.outputs / "maps", region=manifest.region, note=SYNTHETIC_NOTE)
    flows = rights_flows(ws.db, years=(YEARS[0], YEARS[-1]), level="county", region=manifest.region)
    if len(flows[flows["origin"] != flows["destination"]]):
        fig = flow_map(flows, level="county", region=manifest.region, note=SYNTHETIC_NOTE,
                       title=f"专利权转让与许可流向（{YEARS[0]}—{YEARS[-1]}年）")
        paths.append(save_map(fig, ws.outputs / "maps" / f"map-flows-{manifest.region}.png"))
    return f"{len(paths)} 张地图 maps → outputs/maps"
