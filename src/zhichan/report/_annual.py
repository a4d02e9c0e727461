"""The annual IP development report (年度知识产权发展状况报告) of a region: built from the
indicators, the subdivisions and the plans concerning the region, following annual.yaml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from zhichan.errors import UserError
from zhichan.measures import compute_indicators, default_indicators
from zhichan.plans import plans_within
from zhichan.reference import code_prefix, regions
from zhichan.report import _findings as F
from zhichan.report._charts import bar_chart, composition_chart, trend_chart
from zhichan.report._model import Figure, Report, Section, Table
from zhichan.report._plan_report import plan_section
from zhichan.report._sources import definitions_section
from zhichan.report._templates import template_yaml

SUBDIVISION = {"country": "province", "province": "county", "prefecture": "county"}
OVERVIEW_COLUMNS = {"title_zh": "指标", "value": "数值", "unit": "单位", "yoy_pct": "同比(%)",
                    "parent_value": "上级地区", "rank": "同级排名"}


def build_annual_report(db, region: str, year: int, workdir: Path, *, templates: Path | None = None,
                        note: str = "", owner_rule: str | None = None, home: str | None = None) -> Report:
    """The report model for ``region`` and ``year``; charts are written under ``workdir``.
    ``home``: the workspace's region — ranks among peers are reported only for regions inside it
    (a workspace holds its own region's records, not its peers')."""
    spec = template_yaml("annual.yaml", templates)
    words = template_yaml("findings.yaml", templates)
    reg = default_indicators()
    wanted = list(dict.fromkeys(i for s in spec["sections"] for i in s.get("indicators", [])
                                ) | dict.fromkeys(spec.get("key_indicators", [])))
    years = list(range(year - int(spec.get("trend_years", 10)) + 1, year + 1))
    frame = compute_indicators(db, wanted, periods=years, regions=[region], owner_rule=owner_rule)
    if frame.empty:
        raise UserError("没有可报告的指标 nothing to report", where=f"{region} {year}", fix="先导入数据 import data first")
    head = frame.iloc[0]
    name, level = str(head["region_name"]), str(head["level"])
    parent_name = _parent_name(frame)
    sub_level = SUBDIVISION.get(level)
    subs = (compute_indicators(db, spec.get("spread_indicators", []), periods=[year - 1, year], regions=[region],
                               level=sub_level, owner_rule=owner_rule) if sub_level else frame.iloc[0:0])
    fill = {"region": name, "year": year}
    rep = Report("annual", spec["title"].format(**fill), spec.get("subtitle", "").format(**fill),
                 spec.get("issuer", "").format(**fill), dt.date.today().isoformat(), note=note)
    rep.facts = {"region": region, "year": year, "indicators": frame, "subdivisions": subs}
    for ind in spec.get("key_indicators", []):
        ind = reg.get(ind).id
        for sentence in (F.change_sentence(words, frame, ind, region, name, year),
                         F.parent_sentence(words, frame, ind, region, name, year, parent_name)):
            if sentence:
                rep.findings.append(sentence)
    inside = home is not None and region != home and region.startswith(code_prefix(home))
    for ind in spec.get("spread_indicators", []):
        s = F.rank_sentence(words, frame, reg.get(ind).id, region, name, year, parent_name) if inside else None
        if s:
            rep.findings.append(s)
        s = F.spread_sentence(words, subs, reg.get(ind).id, year)
        if s:
            rep.findings.append(s)
    figdir = Path(workdir)
    for sec in spec["sections"]:
        kind = sec.get("content")
        inds = [reg.get(i).id for i in sec.get("indicators", [])]
        s = rep.section(sec["title"])
        if kind == "overview":
            _overview(s, frame, inds, year, name)
        elif kind == "trend":
            _trends(s, frame, inds, region, name, figdir)
            if sec.get("composition"):
                _composition(s, db, region, year, name, figdir, owner_rule)
        elif kind == "subdivisions":
            _subdivisions(s, subs if set(inds) <= set(subs["indicator"]) else _more_subs(db, inds, region, year,
                                                                                              sub_level, owner_rule),
                          inds, year, name, sub_level, figdir, note)
        elif kind == "plans":
            plans = plans_within(region)
            if not plans:
                s.add("本地区暂无录入的规划目标。")
            for plan in plans:
                progress = plan_section(s.sub(plan.title_zh), db, plan, as_of=dt.date(year + 1, 1, 1),
                                        owner_rule=owner_rule)
                rep.findings.extend(F.plan_sentences(words, plan.title_zh, progress.targets_, year))
        else:
            raise UserError(f"未知的章节内容类型 unknown section content: {kind}", where="annual.yaml",
                            expected="overview、trend、subdivisions、plans", found=str(kind), fix="改为上述之一")
    rep.appendix.append(definitions_section(frame["indicator"].unique().tolist(), db))
    return rep


def _parent_name(frame: pd.DataFrame) -> str:
    parent = frame.iloc[0]["parent"]
    return regions.get(parent).name if isinstance(parent, str) and parent in regions else ""


def _overview(s: Section, frame: pd.DataFrame, inds: list[str], year: int, name: str) -> None:
    rows = frame[(frame["period"] == year) & frame["indicator"].isin(inds)].copy()
    rows["order"] = rows["indicator"].map({k: i for i, k in enumerate(inds)})
    rows = rows.sort_values("order")
    rows["rank"] = [f"{int(r)}/{int(p)}" if r == r and p else "—" for r, p in zip(rows["rank"], rows["peers"])]
    s.add(f"{year}年{name}主要知识产权指标如表所示；数值按各指标口径（见附录）由入库记录、统计数据或填报值计算。")
    s.add(Table(f"{name}{year}年主要知识产权指标", rows, OVERVIEW_COLUMNS,
                {"value": "auto", "yoy_pct": ".1f", "parent_value": "auto"}))


def _trends(s: Section, frame: pd.DataFrame, inds: list[str], region: str, name: str, figdir: Path) -> None:
    for ind in inds:
        rows = frame[(frame["indicator"] == ind) & (frame["region"] == region)].sort_values("period")
        if rows["value"].notna().sum() == 0:
            continue
        title, unit = rows.iloc[0]["title_zh"], rows.iloc[0]["unit"]
        first, last = rows.dropna(subset=["value"]).iloc[[0, -1]].itertuples()
        s.add(f"{name}{title}由{first.period}年的{F.num(first.value)}{unit}变为{last.period}年的"
              f"{F.num(last.value)}{unit}。")
        path = trend_chart({name: dict(zip(rows["period"], rows["value"]))}, figdir / f"trend-{ind}.png",
                           title=f"{name}{title}", unit=unit)
        s.add(Figure(f"{name}{title}（{rows['period'].min()}—{rows['period'].max()}年）", path))


KIND_ZH = {"invention": "发明专利", "utility_model": "实用新型", "design": "外观设计"}


def _composition(s: Section, db, region: str, year: int, name: str, figdir: Path, owner_rule) -> None:
    """Valid patents by type: the valid_patents indicator split by kind (same rules, set-based)."""
    from zhichan.measures import IndicatorRegistry

    base = default_indicators().get("valid_patents")
    parts = {k: base.model_copy(update={"id": f"valid_{k}", "title_zh": z, "example": None,
                                        "numerator": base.numerator.model_copy(update={"kinds": [k]})})
             for k, z in KIND_ZH.items()}
    reg = IndicatorRegistry(parts, [])
    df = compute_indicators(db, list(parts), periods=[year], regions=[region], registry=reg, owner_rule=owner_rule)
    got = dict(zip(df["indicator"], df["numerator"]))
    counts = {z: got.get(f"valid_{k}", 0.0) for k, z in KIND_ZH.items()}
    total = sum(counts.values())
    if not total:
        return
    s.add(f"{year}年末，{name}有效专利中，" + "，".join(f"{k}{F.num(v)}件（{v / total:.1%}）" for k, v in counts.items()) + "。")
    s.add(Figure(f"{name}{year}年末有效专利构成", composition_chart(counts, figdir / f"composition-{year}.png",
                                                             title=f"{name}有效专利构成（{year}年末）"), width_cm=11))


def _more_subs(db, inds, region, year, level, owner_rule):
    return compute_indicators(db, inds, periods=[year - 1, year], regions=[region], level=level, owner_rule=owner_rule)


def _map(rows: pd.DataFrame, ind: str, year: int, level: str, figdir: Path, note: str) -> Path | None:
    """A choropleth of the subdivisions (None where the boundaries do not cover them)."""
    from zhichan.errors import UserError as _UserError
    from zhichan.spatial import choropleth, save_map

    try:
        fig = choropleth(rows, indicator=ind, period=year, level=level, note=note or None, labels="auto")
    except _UserError:
        return None
    return save_map(fig, figdir / f"map-{ind}-{year}.png")


def _subdivisions(s: Section, subs: pd.DataFrame, inds: list[str], year: int, name: str, level: str | None,
                  figdir: Path, note: str = "") -> None:
    if level is None or subs.empty:
        s.add("本地区没有下级行政区划可比较。")
        return
    lv = F.LEVEL_ZH.get(level, "地区")
    for ind in inds:
        rows = subs[(subs["indicator"] == ind) & (subs["period"] == year)].dropna(subset=["value"])
        if rows.empty:
            continue
        rows = rows.sort_values("value", ascending=False)
        title, unit = rows.iloc[0]["title_zh"], rows.iloc[0]["unit"]
        path = bar_chart(rows["region_name"].tolist(), rows["value"].tolist(), figdir / f"bars-{ind}.png",
                         title=f"{year}年各{lv}{title}", unit=unit, reference=rows.iloc[0]["parent_value"],
                         reference_label=f"{name}整体")
        s.add(Figure(f"{year}年各{lv}{title}", path))
        mapped = _map(rows, ind, year, level, figdir, note)
        if mapped is not None:
            s.add(Figure(f"{year}年各{lv}{title}分布图", mapped, note="行政区划边界为简化示意"))
        s.add(Table(f"{year}年各{lv}{title}排名", rows.head(10),
                    {"rank": "排名", "region_name": lv, "value": f"数值（{unit}）", "yoy_pct": "同比(%)"},
                    {"rank": ".0f", "value": "auto", "yoy_pct": ".1f"}, note="列出前10位"))
