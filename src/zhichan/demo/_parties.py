"""Synthetic applicants of the demo region: enterprises with valid USCCs whose positions 3–8 are
their district's code, universities and institutes, individuals; addresses in the styles real
exports use (full chain, province omitted, postcode prefix, short forms)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from zhichan.demo._calibrate import District
from zhichan.ids import org_code_check_char, uscc_check_char

__all__ = ["Party", "PartyPool", "make_uscc", "person_name"]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉建国志红文斌俊峰林琳欣宇浩凯婷雪梅健波晨旭东亮宁倩"
BRAND = "足航荣昱永信渝丰川润鑫源恒达汇通宏远瑞祥金桥天成华创博智中科嘉禾聚力新锐德隆盛世海川云帆长江巴蜀锦程齐鲁泰山蓝海星辰"
TRADES = ("精密机械", "电子科技", "新材料科技", "生物科技", "汽车零部件", "智能装备", "农业开发", "食品",
          "信息技术", "环保科技", "五金制品", "医药科技", "化工", "建材", "光电科技", "模具", "机器人", "纺织")
FORMS = ("有限公司", "有限责任公司", "股份有限公司", "科技有限公司")
ROADS = ("工业园路", "科技大道", "创业路", "兴业大道", "人民路", "建设路", "滨江路", "五金大道", "学府路", "中山路")
ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# first postal-code prefix of a province (China Post); a leading postcode is weak evidence only
POSTCODE = {"11": "10", "12": "30", "13": "05", "14": "03", "15": "01", "21": "11", "22": "13", "23": "15",
            "31": "20", "32": "21", "33": "31", "34": "23", "35": "35", "36": "33", "37": "25", "41": "45",
            "42": "43", "43": "41", "44": "51", "45": "53", "46": "57", "50": "40", "51": "61", "52": "55",
            "53": "65", "54": "85", "61": "71", "62": "73", "63": "81", "64": "75", "65": "83"}


@dataclass
class Party:
    """An applicant: name, kind, USCC (organisations), district and a canonical full address."""

    name: str
    kind: str  # enterprise, university, institute, individual
    uscc: str | None
    district: District
    address: str
    township: str
    street: str
    group: str | None = None  # planted related-applicant group id
    founded: int = 2005


def make_uscc(rng: random.Random, district_code: str, kind_digit: str = "1", dept: str = "9") -> str:
    """A valid 18-character USCC registered in ``district_code``."""
    org8 = "MA" + "".join(rng.choice(ORG_CHARS[:10] + "ABCDEFGH") for _ in range(6))
    body = f"{dept}{kind_digit}{district_code}{org8}{org_code_check_char(org8)}"
    return body + uscc_check_char(body)


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _short(name: str) -> str:
    for suffix in ("土家族苗族自治县", "苗族土家族自治县", "土家族自治县", "自治县", "新区", "区", "县", "市"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _province_short(name: str) -> str:
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def address_styles(p: Party, rng: random.Random) -> str:
    """The party's address as one of the styles exports use (all resolvable to its district)."""
    d = p.district
    chain = d.province_name + (d.prefecture_name or "") + d.name
    style = rng.random()
    tail = f"{p.township}{p.street}"
    if style < 0.45:
        return chain + tail
    if style < 0.65:  # postcode prefix, as in CNIPA 申请人地址
        return POSTCODE.get(d.code[:2], "10") + f"{rng.randrange(10000):04d}" + chain + tail
    if style < 0.85:  # province omitted (prefecture-level structures) or 重庆大足区 style
        if d.prefecture_name:
            return d.prefecture_name + d.name + tail
        return _province_short(d.province_name) + d.name + tail
    return _province_short(d.province_name) + "省" * (d.province_name.endswith("省")) + (d.prefecture_name or "") \
        + d.name + tail  # 四川省成都市… written without 市/省 variations, full county name kept


class PartyPool:
    """All parties, created deterministically from one random stream."""

    def __init__(self, rng: random.Random, districts: list[District], n_enterprises: int) -> None:
        self.rng = rng
        self.names: set[str] = set()
        self.enterprises: dict[str, list[Party]] = {}
        self.institutions: dict[str, list[Party]] = {}
        weights = [d.weight for d in districts]
        from zhichan.demo._calibrate import allocate

        for d, n in zip(districts, allocate(max(n_enterprises, len(districts)), weights)):
            self.enterprises[d.code] = [self._enterprise(d) for _ in range(max(1, n))]
            self.institutions[d.code] = []
        # universities and institutes in the most populous districts
        for d in sorted(districts, key=lambda d: (-d.weight, d.code))[: max(2, len(districts) // 4)]:
            city = _short(d.prefecture_name or d.name) if d.prefecture_name else _province_short(d.province_name)
            town = d.townships[0] if d.townships else d.name
            self.institutions[d.code].append(self._org(f"{city}{_short(d.name)}科技职业学院", "university", d, "12"))
            self.institutions[d.code].append(self._org(f"{city}市{_short(d.name)}农业科学研究所" if d.prefecture_name
                                                       else f"{city}市{d.name}农业科学研究所", "institute", d, "12"))
            del town

    def _place(self, d: District) -> tuple[str, str]:
        town = self.rng.choice(d.townships) if d.townships else ""
        return town, f"{self.rng.choice(ROADS)}{self.rng.randint(1, 299)}号"

    def _enterprise(self, d: District) -> Party:
        prefix = _short(d.prefecture_name) if d.prefecture_name else _province_short(d.province_name)
        while True:
            trade, form = self.rng.choice(TRADES), self.rng.choice(FORMS)
            if trade.endswith("科技") and form.startswith("科技"):
                form = form[2:]
            name = prefix + "".join(self.rng.choice(BRAND) for _ in range(2)) + trade + form
            if name not in self.names:
                break
        self.names.add(name)
        town, street = self._place(d)
        chain = d.province_name + (d.prefecture_name or "") + d.name
        return Party(name, "enterprise", make_uscc(self.rng, d.code), d, chain + town + street, town, street,
                     founded=self.rng.randint(1995, 2020))

    def _org(self, name: str, kind: str, d: District, dept: str) -> Party:
        self.names.add(name)
        town, street = self._place(d)
        chain = d.province_name + (d.prefecture_name or "") + d.name
        body_dept, kind_digit = dept[0], dept[1]
        return Party(name, kind, make_uscc(self.rng, d.code, kind_digit, body_dept), d, chain + town + street, town,
                     street, founded=1980)

    def individual(self, d: District) -> Party:
        town, street = self._place(d)
        chain = d.province_name + (d.prefecture_name or "") + d.name
        return Party(person_name(self.rng), "individual", None, d, chain + town + street, town, street)

    def pick(self, d: District) -> Party:
        """An applicant in district d: mostly enterprises, some institutions, some individuals."""
        x = self.rng.random()
        if x < 0.08 and self.institutions[d.code]:
            return self.rng.choice(self.institutions[d.code])
        if x < 0.18:
            return self.individual(d)
        return self.rng.choice(self.enterprises[d.code])

    def all_organisations(self) -> list[Party]:
        out = []
        for code in sorted(self.enterprises):
            out.extend(self.enterprises[code])
            out.extend(self.institutions[code])
        return out
