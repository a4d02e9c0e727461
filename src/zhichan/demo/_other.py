"""The other registers: geographical indications (real names of the province where the packaged
sample has them), copyrights, software copyrights, plant varieties (calibrated on the published
provincial figures), the market-entity register, yearbook-style statistics (long and wide) and
official lists."""

from __future__ import annotations

import datetime as dt

from zhichan._packaged import read_csv_rows
from zhichan.demo._calibrate import YEARS, Plan, rng_for
from zhichan.demo._parties import PartyPool, address_styles, make_uscc, person_name
from zhichan.ingest import resolve_address
from zhichan.reference import province_statistic, statistics_rows

__all__ = [
    "write_copyrights",
    "write_gis",
    "write_market_entities",
    "write_official_lists",
    "write_plant_varieties",
    "write_software",
    "write_statistics_long",
    "write_statistics_wide",
]

GI_HEADER = ["产品名称", "保护类型", "证书编号", "申请单位", "省份", "地市", "保护范围", "批准日期", "来源"]
WORK_TYPES = ("美术作品", "文字作品", "摄影作品", "音乐作品", "视听作品", "图形作品")
CROPS = ("水稻", "玉米", "小麦", "茶树", "柑橘", "油菜", "大豆", "马铃薯")
STAT_NAMES = {"patent_applications": "专利申请量", "invention_applications": "发明专利申请量",
              "utility_model_applications": "实用新型专利申请量", "design_applications": "外观设计专利申请量",
              "patent_grants": "专利授权量", "invention_grants": "发明专利授权量", "utility_model_grants": "实用新型专利授权量",
              "design_grants": "外观设计专利授权量", "valid_patents": "有效专利量", "valid_invention_patents": "有效发明专利量",
              "population": "年末常住人口", "rd_expenditure": "R&D经费支出", "rd_intensity": "R&D经费投入强度",
              "plant_variety_applications": "植物新品种申请量", "plant_variety_grants": "植物新品种授权量",
              "market_entities": "市场主体数量"}
TYPE_METRIC = {"invention": "发明专利申请量", "utility_model": "实用新型专利申请量", "design": "外观设计专利申请量"}


def _real_gis(province_name: str) -> list[dict]:
    return [r for r in read_csv_rows("gi.csv.gz", "zhichan.demo") if r["province"] == province_name]


def write_gis(plan: Plan, seed: int, w) -> dict:
    """Real GI registrations of the province (names, holders, certificates as published); generated,
    clearly marked names when the packaged sample has none."""
    rng = rng_for(seed, "gi")
    prov = plan.districts[0].province_name
    real = _real_gis(prov)
    for r in real:
        city = r["district"] or r["city"]
        w.write([r["name"], r["gi_type"].split("(")[0], r["cert_no"] or None, r["holder"] or None, prov, city or None,
                 f"{prov}{r['city']}{r['district']}现辖行政区域" if r["city"] else None,
                 f"{r['year']}-01-01" if r["year"] else None, "真实公告 " + r["source_url"]])
    made = 0
    if len(real) < 3:
        for d in plan.districts[: max(3, len(plan.districts) // 8)]:
            product = rng.choice(("茶叶", "柑橘", "花椒", "黑猪", "蜂蜜", "大米"))
            w.write([f"{d.name[:2]}{product}", "农产品地理标志", f"AGI-DEMO-{made + 1:04d}",
                     f"{d.name}农业技术推广中心", prov, d.name, f"{prov}{d.prefecture_name or ''}{d.name}现辖行政区域",
                     f"{rng.randint(2010, 2023)}-06-01", "演示虚构名称（generated, not a real GI）"])
            made += 1
    return {"real": len(real), "generated": made}


def write_copyrights(plan: Plan, pool: PartyPool, seed: int, w, n: int) -> None:
    rng = rng_for(seed, "copyrights")
    short = plan.districts[0].province_name[0]
    abbr = {"重": "渝", "四": "川", "山": "鲁"}.get(short, short)
    for i in range(n):
        d = rng.choice(plan.districts)
        p = pool.pick(d)
        reg = dt.date(rng.choice(YEARS), 1, 1) + dt.timedelta(days=rng.randrange(365))
        kind = rng.choice(WORK_TYPES)
        w.write([i + 1, f"{abbr}作登字-{reg.year}-{'FAIG'[i % 4]}-{i + 1:08d}", f"{d.name[:2]}{rng.choice(('风光', '印象', '标识', '故事'))}{i + 1}",
                 kind, p.name, address_styles(p, rng), reg - dt.timedelta(days=rng.randint(20, 300)), reg])


def write_software(plan: Plan, pool: PartyPool, seed: int, w, n: int) -> None:
    rng = rng_for(seed, "software")
    orgs = pool.all_organisations()
    for i in range(n):
        p = rng.choice(orgs)
        reg = dt.date(rng.choice(YEARS), 1, 1) + dt.timedelta(days=rng.randrange(365))
        name = f"{p.name[2:4]}{rng.choice(('生产管理', '智能监测', '数据分析', '仓储调度', '质量追溯'))}系统"
        w.write([f"{reg.year}SR{i + 1:07d}", "30200-0000", name, None, f"V{rng.randint(1, 3)}.{rng.randint(0, 9)}",
                 p.name, (reg - dt.timedelta(days=rng.randint(10, 200))).isoformat(), reg.isoformat()])


def write_plant_varieties(plan: Plan, pool: PartyPool, seed: int, w) -> int:
    """Applications per year = published provincial figure × share × scale factor (rounded)."""
    rng = rng_for(seed, "plant")
    inst = [p for ps in pool.institutions.values() for p in ps] or pool.all_organisations()
    n_all = 0
    for year in YEARS:
        pub = province_statistic(plan.districts[0].province_code, year, "plant_variety_applications") or 0
        # at least one a year where the province published any, so small demos still show the kind
        for _ in range(max(1 if pub else 0, round(pub * plan.share * plan.factor))):
            n_all += 1
            p = rng.choice(inst)
            filed = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
            app = f"{year}{rng.choice('15')}{n_all:06d}"
            granted = filed + dt.timedelta(days=rng.randint(500, 1200)) if rng.random() < 0.5 else None
            if granted and granted > dt.date(2024, 3, 31):
                granted = None
            w.write([app, filed, f"{p.district.name[:1]}{rng.choice('丰香优糯')}{rng.randint(1, 999)}号", rng.choice(CROPS),
                     p.name, p.address, "、".join(person_name(rng) for _ in range(2)),
                     f"CNA{app}" if granted else None, granted])
    return n_all


def write_market_entities(plan: Plan, pool: PartyPool, seed: int, w) -> int:
    rng = rng_for(seed, "entities")
    n = 0
    for p in pool.all_organisations():
        w.write([p.uscc, p.name, "有限责任公司" if p.kind == "enterprise" else "事业单位", person_name(rng),
                 str(rng.choice((50, 100, 500, 1000, 3000))), dt.date(p.founded, 1, 1) + dt.timedelta(days=rng.randrange(365)),
                 p.address, f"{p.district.prefecture_name or p.district.province_name}{p.district.name}市场监督管理局",
                 "存续", "C" + str(rng.randint(1311, 4390))])
        n += 1
    for d in plan.districts:  # individual businesses and cooperatives
        for k in range(max(2, d.weight // 2)):
            kind = "个体工商户" if k % 4 else "农民专业合作社"
            town = d.townships[k % len(d.townships)] if d.townships else ""
            name = f"{d.name}{town}{person_name(rng)}{'小吃店' if kind == '个体工商户' else '种植专业合作社'}"
            w.write([make_uscc(rng, d.code, "2" if kind == "个体工商户" else "3"), name, kind, person_name(rng), None,
                     dt.date(rng.randint(2005, 2023), 1, 1), f"{d.province_name}{d.prefecture_name or ''}{d.name}{town}",
                     f"{d.name}市场监督管理局", "存续", "H6220"])
            n += 1
    return n


def write_statistics_long(plan: Plan, stats, w) -> int:
    """Real published provincial rows, then generated district rows summed from the demo patents."""
    prov = plan.districts[0].province_code
    pname = plan.districts[0].province_name
    n = 0
    for r in statistics_rows(province_code=prov):
        # population comes scaled below, so that per-10k figures of the scaled-down records make sense
        if r.metric in STAT_NAMES and r.year in YEARS and r.metric != "population":
            w.write([pname, r.year, STAT_NAMES[r.metric], _num(r.value), r.unit, "真实公开统计 " + r.source])
            n += 1
    n += _write_scaled_denominators(plan, w)
    for d in plan.districts:
        for year in YEARS:
            for ptype, metric in TYPE_METRIC.items():
                w.write([d.name if d.prefecture_name is None else f"{d.prefecture_name}{d.name}", year, metric,
                         stats.applications[(d.code, year, ptype)], "件", "演示合成（由本目录合成专利汇总 synthetic）"])
                n += 1
    return n


def _write_scaled_denominators(plan: Plan, w) -> int:
    """Population and market entities of the region and each district, scaled like the records:
    the province's published population × the district's share × the demo's scale factor.
    Market entities per person rise from 0.041 (2010) to 0.130 (2023), as national totals did
    (about 0.55 and 1.84 亿户 over 13.4 and 14.1 亿人)."""
    prov = plan.districts[0].province_code
    all_weight = sum(d.weight for d in plan.districts) / plan.share
    note = "演示合成：按省年末常住人口×区县权重×演示规模缩放 synthetic, scaled"
    n = 0
    for year in YEARS:
        pop = province_statistic(prov, year, "population")
        if not pop:
            continue
        density = 0.041 + (0.130 - 0.041) * (year - 2010) / 13
        total_pop = total_ent = 0.0
        for d in plan.districts:
            d_pop = round(pop * d.weight / all_weight * plan.factor, 2)
            d_ent = round(d_pop * 10_000 * density)
            total_pop += d_pop
            total_ent += d_ent
            label = d.name if d.prefecture_name is None else f"{d.prefecture_name}{d.name}"
            w.write([label, year, STAT_NAMES["population"], _num(d_pop), "万人", note])
            w.write([label, year, STAT_NAMES["market_entities"], _num(d_ent), "户", note])
            n += 2
        w.write([plan.region_name, year, STAT_NAMES["population"], _num(round(total_pop, 2)), "万人", note])
        w.write([plan.region_name, year, STAT_NAMES["market_entities"], _num(total_ent), "户", note])
        n += 2
    return n


def write_statistics_wide(plan: Plan, stats, x) -> None:
    x.sheet("2023年区县专利统计", ["地区", "专利申请量(件)", "专利授权量(件)", "发明专利申请量(件)"])
    for d in plan.districts:
        apps = sum(stats.applications[(d.code, 2023, t)] for t in TYPE_METRIC)
        grants = sum(stats.grants[(d.code, 2023, t)] for t in TYPE_METRIC)
        x.write([_label(d), apps, grants, stats.applications[(d.code, 2023, "invention")]])
    x.sheet("专利申请量", ["地区", *YEARS])
    for d in plan.districts:
        x.write([_label(d), *(sum(stats.applications[(d.code, y, t)] for t in TYPE_METRIC) for y in YEARS)])


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(v)


def _label(d) -> str:
    return d.name if d.prefecture_name is None else f"{d.prefecture_name}{d.name}"


def write_official_lists(plan: Plan, pool: PartyPool, patents, marks, x) -> dict:
    """Well-known marks, IP-advantage enterprises and China Patent Award winners, drawn from the
    generated records (synthetic lists)."""
    by_name = {p.name: p for p in pool.all_organisations()}
    x.sheet("知识产权优势企业", ["序号", "企业名称", "统一社会信用代码", "所在地区", "认定年度", "级别"])
    top = [n for n, _ in sorted(patents.holders.items(), key=lambda kv: (-kv[1], kv[0])) if n in by_name][:10]
    for i, name in enumerate(top, 1):
        p = by_name[name]
        x.write([i, name, p.uscc, p.district.province_name + (p.district.prefecture_name or "") + p.district.name,
                 2023, "省级" if i > 3 else "国家级"])
    x.sheet("驰名商标", ["序号", "商标", "注册号", "核定使用商品类别", "企业名称", "所在地区", "认定年度"])
    tops = [n for n, _ in sorted(marks["holders"].items(), key=lambda kv: (-kv[1], kv[0])) if n in by_name][:3]
    for i, name in enumerate(tops, 1):
        p = by_name[name]
        x.write([i, name[2:4], None, None, name, p.district.province_name + p.district.name, 2022])
    x.sheet("中国专利奖", ["序号", "专利号", "专利名称", "专利权人", "奖项", "年度"])
    awards = patents.award_candidates[:5]
    grades = ("中国专利金奖", "中国专利银奖", "中国专利优秀奖", "中国专利优秀奖", "中国专利优秀奖")
    for i, (number, title, holder) in enumerate(awards, 1):
        x.write([i, number, title, holder, grades[i - 1], 2023])
    return {"advantage": top, "well_known": tops, "patent_award": [a[0] for a in awards]}


def check_resolvable(text: str) -> bool:
    return resolve_address(text).code is not None
