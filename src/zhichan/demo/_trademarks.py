"""Trademarks: Nice classes, 中国商标网-style statuses, Madrid flags, 专用权期限 = registration + 10
years; planted hoarding by related applicants and marks copying well-known marks."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from zhichan.demo._calibrate import Plan, rng_for
from zhichan.demo._events import EXPORT_DATE
from zhichan.demo._parties import BRAND, PartyPool, address_styles

__all__ = ["TRADEMARK_HEADER", "generate_trademarks"]

TRADEMARK_HEADER = ["注册号", "国际分类", "商标名称", "申请人名称(中文)", "申请人地址(中文)", "申请日期", "初审公告日期",
                    "注册公告日期", "专用权期限", "商标状态", "是否马德里", "代理组织", "商品服务"]
GOODS = {7: "金属加工机械;冲床", 9: "计算机软件;智能音箱", 29: "肉;腌制蔬菜", 30: "调味品;茶", 31: "活动物;新鲜水果",
         33: "白酒;果酒", 35: "广告;替他人推销", 42: "技术研究;软件设计", 11: "灯;空调", 12: "汽车;摩托车",
         16: "纸;印刷品", 25: "服装;鞋", 32: "啤酒;饮料", 43: "餐馆;住所代理", 5: "药品;医用营养品"}
WELL_KNOWN = ("茅台", "格力", "华为", "五粮液", "老干妈", "海尔")
COPY_FORMS = ("{}", "{}酒业", "{}智能", "{}电器", "小{}", "{}王")


def _later(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def generate_trademarks(plan: Plan, pool: PartyPool, seed: int, w) -> dict:
    """Write plan.trademarks rows (plus the planted cases) to ``w``; returns counts and planted names."""
    rng = rng_for(seed, "trademarks")
    number = rng.randint(8_000_000, 9_000_000)
    holders: Counter = Counter()
    planted: dict[str, list] = {"hoarding_group": [], "copied_marks": []}
    years = list(range(2010, 2024))
    orgs = pool.all_organisations()
    dists = plan.districts

    def row(party, mark: str, cls: int, filed: dt.date, madrid: bool = False) -> None:
        nonlocal number
        number += rng.randint(1, 50)
        pub = filed + dt.timedelta(days=rng.randint(180, 330))
        reg = pub + dt.timedelta(days=91)
        fate = rng.random()
        if reg > EXPORT_DATE:
            status, pub_s, reg_s, exp = ("初审公告" if pub <= EXPORT_DATE else "申请中"), (
                pub.isoformat() if pub <= EXPORT_DATE else None), None, None
        elif fate < 0.08:
            status, pub_s, reg_s, exp = "驳回", None, None, None
        else:
            exp = _later(reg, 10) - dt.timedelta(days=1)
            status = "注册商标" if exp >= EXPORT_DATE else "商标已失效"
            if fate > 0.97:
                status = "商标无效"
            pub_s, reg_s = pub.isoformat(), reg.isoformat()
        w.write([str(number), str(cls), mark, party.name, address_styles(party, rng), filed.isoformat(), pub_s,
                 reg_s, exp.isoformat() if exp else None, status, "是" if madrid else "否",
                 rng.choice(("", "重庆猪八戒知识产权服务有限公司", "北京集佳知识产权代理有限公司")) or None,
                 GOODS.get(cls, "商品;服务")])
        holders[party.name] += 1

    classes = sorted(GOODS)
    for _ in range(plan.trademarks):
        d = rng.choices(dists, weights=[x.weight for x in dists])[0]
        party = pool.pick(d)
        mark = "".join(rng.choice(BRAND) for _ in range(rng.choice((2, 2, 3))))
        row(party, mark, rng.choice(classes), dt.date(rng.choice(years), 1, 1) + dt.timedelta(days=rng.randrange(365)),
            madrid=party.kind == "enterprise" and rng.random() < 0.01)
    # hoarding: three related companies file one invented mark in many classes within weeks
    d = dists[0]
    group = [pool._enterprise(d) for _ in range(3)]
    mark = "".join(rng.choice(BRAND) for _ in range(2)) + "优品"
    for i, cls in enumerate(range(1, 46)):
        row(group[i % 3], mark, cls, dt.date(2021, 5, 10) + dt.timedelta(days=i))
    planted["hoarding_group"] = [p.name for p in group]
    # marks copying well-known marks
    for i, wk in enumerate(WELL_KNOWN):
        party = rng.choice(orgs) if i % 2 else pool.individual(rng.choice(dists))
        form = COPY_FORMS[i % len(COPY_FORMS)]
        row(party, form.format(wk), rng.choice((33, 11, 9, 30)), dt.date(2022, 8, 1) + dt.timedelta(days=i * 7))
        planted["copied_marks"].append(form.format(wk))
    return {"rows": w.rows, "holders": holders, "planted": planted}
