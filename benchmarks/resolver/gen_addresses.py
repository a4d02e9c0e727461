"""Deterministic generator of distinct, realistic addresses for the throughput benchmark.

Styles follow patent and enterprise registers: full chains, omitted province, short forms,
postcode prefixes, township and village parts, building and room numbers.
"""

from __future__ import annotations

import random

from zhichan.reference import regions

_STREET_BASES = (
    "人民", "解放", "建设", "和平", "胜利", "长江", "黄河", "科技", "工业", "创业", "学府",
    "文化", "东风", "五一", "迎宾", "滨江", "青年", "朝阳", "光明", "幸福", "友谊", "团结",
    "新华", "中山", "延安", "北京", "南京", "高新", "金融", "世纪", "天府", "珠江", "花园",
    "民主", "复兴", "振兴", "湖滨", "府前", "体育", "开发", "兴业", "锦绣", "金桥", "启航",
)
_STREET_SUFFIXES = ("路", "大道", "街", "东路", "西路", "南路", "北路", "中路", "大街", "巷")
_BUILDINGS = ("大厦", "科技园", "产业园", "广场", "中心", "工业园", "创新园", "商务楼")


def _short(name: str) -> str:
    for suf in ("特别行政区", "自治区", "省", "市"):
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name


def generate(n: int = 60_000, seed: int = 20240611) -> list[str]:
    """``n`` distinct mainland addresses, the same list for the same seed."""
    return [a for a, _code, _style in generate_with_truth(n, seed)]


def generate_with_truth(n: int = 60_000, seed: int = 20240611) -> list[tuple[str, str, str]]:
    """(address, code of the unit it was generated from, style) triples."""
    rnd = random.Random(seed)
    counties = [r for r in regions.all("county") if r.code[:2] not in ("71", "81", "82")]
    prefectures = [r for r in regions.all("prefecture")]
    out: dict[str, tuple[str, str]] = {}
    while len(out) < n:
        if rnd.random() < 0.9:
            unit = rnd.choice(counties)
        else:
            unit = rnd.choice(prefectures)
        chain = regions.path(unit.code)
        prov = chain[0]
        mid = [r for r in chain[1:] if r.level == "prefecture"]
        street = (rnd.choice(_STREET_BASES) + rnd.choice(_STREET_SUFFIXES)
                  + f"{rnd.randint(1, 999)}号")
        tail = ""
        r = rnd.random()
        if r < 0.3:
            tail = rnd.choice(_BUILDINGS) + f"{rnd.randint(1, 30)}楼{rnd.randint(101, 2999)}室"
        elif r < 0.45:
            towns = regions.townships(unit.code)
            if towns:
                street = rnd.choice(towns)[1] + rnd.choice(_STREET_BASES) + "村" + f"{rnd.randint(1, 99)}组"
        style = rnd.random()
        leaf = chain[-1].name if unit.level == "county" else ""
        pref = mid[0].name if mid else ""
        if style < 0.45:
            kind, text = "full", prov.name + pref + leaf
        elif style < 0.65:
            kind, text = "no-province", (pref or prov.name) + leaf
        elif style < 0.8:
            kind, text = "short", _short(prov.name) + (_short(pref) if pref else "") + leaf
        elif style < 0.9:
            kind, text = "postcode", f"{rnd.randint(100000, 859999)} " + prov.name + pref + leaf
        else:
            kind, text = "county-only", leaf or pref or prov.name
        out.setdefault(text + street + tail, (unit.code, kind))
    return [(a, code, kind) for a, (code, kind) in out.items()]


if __name__ == "__main__":  # pragma: no cover
    for a in generate(20):
        print(a)
