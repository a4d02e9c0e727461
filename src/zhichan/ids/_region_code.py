"""GB/T 2260 administrative division codes (6 digits) and their 9/12-digit township/village forms.

Only the structure is checked here; whether a code exists (or existed) is a question for the
reference data in ``zhichan.reference``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhichan.ids._problem import Problem, raise_problem
from zhichan.ids._text import compact

__all__ = [
    "RegionCode",
    "PROVINCE_PREFIXES",
    "parse_region_code",
    "normalise_region_code",
    "region_code_level",
]

PROVINCE_PREFIXES: dict[str, str] = {
    "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
    "21": "辽宁省", "22": "吉林省", "23": "黑龙江省",
    "31": "上海市", "32": "江苏省", "33": "浙江省", "34": "安徽省", "35": "福建省", "36": "江西省",
    "37": "山东省",
    "41": "河南省", "42": "湖北省", "43": "湖南省", "44": "广东省", "45": "广西壮族自治区",
    "46": "海南省",
    "50": "重庆市", "51": "四川省", "52": "贵州省", "53": "云南省", "54": "西藏自治区",
    "61": "陕西省", "62": "甘肃省", "63": "青海省", "64": "宁夏回族自治区",
    "65": "新疆维吾尔自治区",
    "71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区",
}

_CODE = re.compile(r"[0-9]{6}(?:[0-9]{3}(?:[0-9]{3})?)?")


@dataclass(frozen=True, slots=True)
class RegionCode:
    """A structurally valid division code; ``normalised`` drops all-zero township/village parts."""

    normalised: str
    level: str
    """``province``, ``prefecture``, ``county``, ``township`` or ``village``."""
    province_code: str
    prefecture_code: str | None
    county_code: str
    """The first 6 digits."""
    prefecture_kind: str | None
    """``city`` (01–20), ``area`` (21–50: 地区/州/盟), ``direct_county_group`` (90),
    ``municipality_part`` (in 北京/天津/上海/重庆) or ``other``."""
    county_kind: str | None
    """Coarse, from the digits only: ``district`` (01–18), ``county`` (21–80), ``county_city``
    (81–99) or ``other``; renamed units keep old digits, so use the reference data for truth."""
    warnings: tuple[str, ...] = ()

    @property
    def province_name(self) -> str:
        """Chinese name of the province-level unit."""
        return PROVINCE_PREFIXES[self.province_code[:2]]


_MUNICIPALITIES = frozenset({"11", "12", "31", "50"})


def _prefecture_kind(pv: str, pp: str) -> str:
    if pv in _MUNICIPALITIES:
        return "municipality_part"  # 01 市辖区, 02 县: a grouping, not a prefecture
    n = int(pp)
    if 1 <= n <= 20:
        return "city"
    if 21 <= n <= 50:
        return "area"
    if n == 90:
        return "direct_county_group"
    return "other"


def _county_kind(cc: str) -> str:
    n = int(cc)
    if 1 <= n <= 18:
        return "district"
    if 21 <= n <= 80:
        return "county"
    if n >= 81:
        return "county_city"
    return "other"


def _parse(value: str) -> RegionCode | Problem:
    if not isinstance(value, str):
        value = str(value) if isinstance(value, int) else value
        if not isinstance(value, str):
            return Problem("not-text", f"不是文本 not text: {type(value).__name__}")
    t = compact(value)
    if not t:
        return Problem("empty", "空值 empty value", expected="e.g. 310110")
    if _CODE.fullmatch(t) is None:
        if not t.isdigit():
            return Problem("bad-characters", f"区划代码只含数字 digits only: {t!r}",
                           expected="6, 9 or 12 digits")
        return Problem("wrong-length", f"区划代码位数错误 wrong number of digits: {len(t)}",
                       expected="6 digits (9 or 12 for townships and villages)")
    pv, pp, cc = t[:2], t[2:4], t[4:6]
    if pv not in PROVINCE_PREFIXES:
        return Problem("unknown-province", f"省级代码不存在 no such province prefix: {pv}",
                       expected="11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82")
    township, village = t[6:9], t[9:12]
    if village and village != "000":
        normalised, level = t, "village"
    elif township and township != "000":
        normalised, level = t[:9], "township"
    else:
        normalised = t[:6]
        if cc != "00":
            level = "county"
        else:
            level = "province" if pp == "00" else "prefecture"
    if pp == "00" and cc != "00":
        return Problem("bad-structure",
                       f"地级位为00而县级位非00 prefecture digits 00 with county digits {cc}",
                       expected="ends in 0000 (province), 00 (prefecture) or a full county code")
    if pp == "00" and level in ("township", "village"):
        return Problem(
            "bad-structure", "乡镇代码缺少地级位 township code without prefecture digits"
        )
    if level in ("township", "village") and village and township == "000":
        return Problem("bad-structure", "村级代码缺少乡级位 village code without township digits")
    return RegionCode(
        normalised=normalised,
        level=level,
        province_code=pv + "0000",
        prefecture_code=None if pp == "00" else pv + pp + "00",
        county_code=t[:6],
        prefecture_kind=None if pp == "00" else _prefecture_kind(pv, pp),
        county_kind=None if cc == "00" else _county_kind(cc),
    )


def parse_region_code(value: str) -> RegionCode:
    """Parse a 6/9/12-digit division code; raise InvalidIdentifierError if malformed."""
    result = _parse(value)
    if isinstance(result, Problem):
        raise_problem(result, value, where="行政区划代码 region code")
    return result  # type: ignore[return-value]


def normalise_region_code(value: str) -> str | None:
    """6 digits (9/12 only when the township/village part is non-zero), or None if malformed."""
    result = _parse(value)
    return None if isinstance(result, Problem) else result.normalised


def region_code_level(value: str) -> str:
    """``province``, ``prefecture``, ``county``, ``township`` or ``village``; raises if bad."""
    return parse_region_code(value).level
