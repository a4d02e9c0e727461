"""The regional layout report (区域知识产权布局分析报告): technology fields by subdivision,
specialisation, the guidance catalogue, and the coupling of IP creation with the industry base."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from zhichan.evaluate import LayoutAnalysis, coupling_coordination, normalise
from zhichan.measures import compute_indicators
from zhichan.reference import regions
from zhichan.report import _findings as F
from zhichan.report._charts import bar_chart
from zhichan.report._model import Figure, Report, Table
from zhichan.report._sources import definitions_section

LABELS = ["重点发展", "巩固提升", "培育提升", "引导调整"]


def build_layout_report(db, region: str, year: int, workdir: Path, *, level: str = "county", window: int = 3,
                        fields: str = "tech_field", note: str = "", owner_rule: str | None = None) -> Report:
    la = LayoutAnalysis(region, level=level, year=year, window=window, fields=fields).fit(db)
    name = regions.get(region).name if region in regions else region
    lv = F.LEVEL_ZH.get(level, "地区")
    rep = Report("layout", f"{name}知识产权区域布局分析报告", f"（{year - window + 1}—{year}年专利申请）",
                 f"{name}知识产权工作主管部门", dt.date.today().isoformat(), note=note)
    units, cat = la.units_.sort_values("filings", ascending=False), la.catalogue_
    fig = Path(workdir)
    # overview
    s = rep.section("总体布局")
    s.add(f"{year - window + 1}—{year}年，{name}各{lv}共申请发明和实用新型专利{F.num(units['filings'].sum())}件"
          f"（按第一申请人所在地、主分类号所属技术领域统计，跨领域专利按份额计）。")
    s.add(Figure(f"各{lv}专利申请量（{year - window + 1}—{year}年）",
                 bar_chart(units["name"].tolist(), units["filings"].tolist(), fig / "layout-filings.png",
                           title=f"各{lv}专利申请量", unit="件")))
    s.add(Table(f"各{lv}专利申请与优势领域", units.reset_index(),
                {"name": lv, "filings": "申请量", "growth": "较前期增长", "top_fields": "优势领域（RTA前三）"},
                {"filings": "auto", "growth": ".0%"}))
    # specialisation
    s = rep.section("技术领域专业化")
    top = cat[cat["count"] >= 3].sort_values("rta", ascending=False).head(15)
    s.add("显示性技术优势指数 RTA = (本地区该领域申请量/本地区申请总量)/(全部地区该领域申请量/申请总量)，"
          "大于1表示专业化程度高于平均水平。")
    s.add(Table("专业化程度最高的地区与领域", top, {"unit_name": lv, "field_name": "技术领域", "count": "申请量",
                                              "rta": "RTA", "growth": "增长率"},
                {"count": "auto", "rta": ".2f", "growth": ".0%"}))
    # catalogue
    s = rep.section("区域技术领域导向目录")
    counts = cat["label"].value_counts()
    s.add("按规则（zhichan/evaluate/catalogue_rules.yaml，可由各地调整）对每个地区×技术领域分类：" +
          "，".join(f"{lab}{int(counts.get(lab, 0))}项" for lab in LABELS) + f"；申请过少的{int(counts.get('数据不足', 0))}项不作判断。")
    for lab in ("重点发展", "培育提升"):
        rows = cat[cat["label"] == lab].sort_values(["unit", "rta"], ascending=[True, False])
        if len(rows):
            s.add(Table(f"导向目录：{lab}", rows, {"unit_name": lv, "field_name": "技术领域", "evidence": "依据"}))
    # quality
    s = rep.section("知识产权质量")
    q = _quality(db, region, level, year, owner_rule)
    s.add("高价值发明专利占比 = 每万人口高价值发明专利拥有量 / 每万人口发明专利拥有量（同一口径，见附录）；"
          "质押融资为当年登记金额。")
    s.add(Table(f"各{lv}知识产权质量（{year}年）", q.sort_values("hv_share", ascending=False),
                {"name": lv, "valid_inventions": "有效发明专利", "hv_share": "高价值占比", "pledge": "质押金额（亿元）"},
                {"valid_inventions": "auto", "hv_share": ".1%", "pledge": ".2f"}))
    # coupling
    s = rep.section("知识产权创造与产业基础的耦合协调")
    cc = _coupling(db, region, level, year, owner_rule)
    if cc is None:
        s.add("缺少人口或市场主体统计，暂不能计算耦合协调度。")
    else:
        s.add("知识产权创造子系统：每万人口发明专利拥有量、每万户市场主体有效商标拥有量；产业基础子系统：每万人市场主体数。"
              "两者各自极差标准化后等权合成，耦合协调度 D = √(C·T)（标准模型）。")
        s.add(Table(f"各{lv}耦合协调度（{year}年）", cc.sort_values("D", ascending=False),
                    {"name": lv, "ip": "知识产权创造", "industry": "产业基础", "C": "耦合度C", "D": "协调度D",
                     "grade": "协调等级"}, {"ip": ".3f", "industry": ".3f", "C": ".3f", "D": ".3f"}))
        best = cc.sort_values("D", ascending=False).iloc[0]
        rep.findings.append(f"知识产权创造与产业基础耦合协调度最高的{lv}是{best['name']}（D={best['D']:.3f}，{best['grade']}）。")
    rep.findings.insert(0, f"{year - window + 1}—{year}年，{name}各{lv}专利申请量最多的是{units.iloc[0]['name']}"
                           f"（{F.num(units.iloc[0]['filings'])}件）。")
    rep.findings.insert(1, "导向目录中，" + "，".join(f"{lab}{int(counts.get(lab, 0))}项" for lab in LABELS) + "。")
    if len(top):
        t0 = top.iloc[0]
        rep.findings.insert(2, f"专业化程度最高的是{t0['unit_name']}的{t0['field_name']}（RTA {t0['rta']:.2f}）。")
    rep.facts = {"layout": la, "coupling": cc}
    rep.appendix.append(definitions_section(["invention_patents_per_10k_pop", "valid_trademarks_per_10k_entities"], db))
    return rep


def _coupling(db, region, level, year, owner_rule) -> pd.DataFrame | None:
    ind = compute_indicators(db, ["invention_patents_per_10k_pop", "valid_trademarks_per_10k_entities"],
                             periods=[year], regions=[region], level=level, owner_rule=owner_rule)
    wide = ind.pivot_table(index="region", columns="indicator", values="value", aggfunc="first")
    stat = db.frame("""SELECT region_code AS region,
                              max(value) FILTER (WHERE metric = 'market_entities') AS entities,
                              max(value) FILTER (WHERE metric = 'population') AS population
                       FROM stat WHERE period = ? GROUP BY region_code""", [year]).set_index("region")
    wide = wide.join(stat, how="inner").dropna()
    if len(wide) < 3:
        return None
    wide["entities_per_10k"] = wide["entities"] / wide["population"]  # population in 万人
    cols = ["invention_patents_per_10k_pop", "valid_trademarks_per_10k_entities", "entities_per_10k"]
    u = normalise(wide[cols], "minmax", {c: 1 for c in cols}, low=0.0, high=1.0)
    sub = pd.DataFrame({"ip": u[cols[:2]].mean(axis=1), "industry": u[cols[2]]})
    out = sub.join(coupling_coordination(sub).to_frame())
    names = ind.drop_duplicates("region").set_index("region")["region_name"]
    out.insert(0, "name", names.reindex(out.index))
    return out


def _quality(db, region, level, year, owner_rule) -> pd.DataFrame:
    ids = ["invention_patents_per_10k_pop", "high_value_invention_patents_per_10k_pop", "ip_pledge_amount"]
    ind = compute_indicators(db, ids, periods=[year], regions=[region], level=level, owner_rule=owner_rule)
    num = ind.pivot_table(index="region", columns="indicator", values="numerator", aggfunc="first")
    val = ind.pivot_table(index="region", columns="indicator", values="value", aggfunc="first")
    out = pd.DataFrame({"valid_inventions": num["invention_patents_per_10k_pop"],
                        "hv_share": num["high_value_invention_patents_per_10k_pop"]
                        / num["invention_patents_per_10k_pop"].where(num["invention_patents_per_10k_pop"] > 0),
                        "pledge": val["ip_pledge_amount"]})
    out.insert(0, "name", ind.drop_duplicates("region").set_index("region")["region_name"].reindex(out.index))
    return out
