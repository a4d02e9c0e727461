"""Unified social credit codes (统一社会信用代码, GB 32100-2015) and the GB 11714 code inside."""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import mul

from zhichan.ids._problem import Problem, raise_problem
from zhichan.ids._region_code import PROVINCE_PREFIXES
from zhichan.ids._text import compact

__all__ = [
    "Uscc",
    "USCC_CHARSET",
    "USCC_AUTHORITIES",
    "uscc_check_char",
    "org_code_check_char",
    "parse_uscc",
    "normalise_uscc",
]

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(USCC_CHARSET)}
# bytes.translate tables turning characters into their values, so sums run in C.
_VALUE_BYTES = bytes(_VALUE.get(chr(b), 0) for b in range(256))
_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_SHAPE = re.compile(r"[0-9A-HJ-NP-RTUW-Y]{18}")

# GB 11714 organisation code: letters count A=10 … Z=35.
_ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ORG_VALUE_BYTES = bytes(
    _ORG_ALPHABET.index(chr(b)) if chr(b) in _ORG_ALPHABET else 0 for b in range(256)
)
_ORG_BODY = re.compile(r"[0-9A-Z]{8}")
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)

# Position 1 (registration authority) -> (name, {position 2: organisation type}), GB 32100 annex A.
USCC_AUTHORITIES: dict[str, tuple[str, dict[str, str]]] = {
    "1": (
        "机构编制",
        {"1": "机关", "2": "事业单位", "3": "中央编办直接管理机构编制的群众团体", "9": "其他"},
    ),
    "2": ("外交", {"1": "外国常驻新闻机构", "9": "其他"}),
    "3": (
        "司法行政",
        {"1": "律师执业机构", "2": "公证处", "3": "基层法律服务所", "4": "司法鉴定机构",
         "5": "仲裁委员会", "9": "其他"},
    ),
    "4": ("文化", {"1": "外国在华文化中心", "9": "其他"}),
    "5": ("民政", {"1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他"}),
    "6": ("旅游", {"1": "外国旅游部门常驻代表机构", "2": "港澳台地区旅游部门常驻内地(大陆)代表机构",
                 "9": "其他"}),
    "7": ("宗教", {"1": "宗教活动场所", "2": "宗教院校", "9": "其他"}),
    "8": ("工会", {"1": "基层工会", "9": "其他"}),
    "9": ("工商(市场监管)", {"1": "企业", "2": "个体工商户", "3": "农民专业合作社"}),
    "A": ("中央军委改革和编制办公室", {"1": "军队事业单位", "9": "其他"}),
    "N": ("农业", {"1": "组级集体经济组织", "2": "村级集体经济组织", "3": "乡镇级集体经济组织",
                 "9": "其他"}),
    "Y": ("其他", {"1": "其他"}),
}


@dataclass(frozen=True, slots=True)
class Uscc:
    """A well-formed USCC; ``check_ok`` False means a legal-looking code failing the check."""

    code: str
    check_ok: bool
    expected_check_char: str
    authority_code: str
    authority: str | None
    org_type_code: str
    org_type: str | None
    region_code: str
    """Positions 3–8: GB/T 2260 code of the registering authority (100000 = national)."""
    org_code: str
    """Positions 9–17: the GB 11714 organisation code."""
    org_code_check_ok: bool
    warnings: tuple[str, ...] = ()

    @property
    def normalised(self) -> str:
        """The 18 upper-case characters."""
        return self.code

    @property
    def check_char(self) -> str:
        """Position 18 as found."""
        return self.code[17]


def _check(first17: str) -> str:
    total = sum(map(mul, first17.encode("ascii").translate(_VALUE_BYTES), _WEIGHTS))
    return USCC_CHARSET[(31 - total % 31) % 31]


def uscc_check_char(first17: str) -> str:
    """Check character of the first 17 characters of a USCC."""
    t = compact(first17) if isinstance(first17, str) else ""
    if len(t) != 17 or any(c not in _VALUE for c in t):
        raise_problem(
            Problem("wrong-shape", "需要17个代码字符 17 code characters needed",
                    expected="17 characters from 0-9 A-H J-N P Q R T U W X Y"),
            first17,
        )
    return _check(t)


def _org_check(first8: str) -> str:
    """Check of 8 characters already known to be 0-9 A-Z."""
    total = sum(map(mul, first8.encode("ascii").translate(_ORG_VALUE_BYTES), _ORG_WEIGHTS))
    r = 11 - total % 11
    return "X" if r == 10 else "0" if r == 11 else str(r)


def org_code_check_char(first8: str) -> str:
    """GB 11714 check character of an 8-character organisation code body."""
    t = compact(first8) if isinstance(first8, str) else ""
    if _ORG_BODY.fullmatch(t) is None:
        raise_problem(
            Problem("wrong-shape", "需要8位组织机构代码本体 8 organisation-code characters needed",
                    expected="8 characters 0-9 A-Z"),
            first8,
        )
    return _org_check(t)


def _parse(value: str) -> Uscc | Problem:
    if not isinstance(value, str):
        return Problem("not-text", f"不是文本 not text: {type(value).__name__}")
    t = compact(value)
    if not t:
        return Problem("empty", "空值 empty value", expected="e.g. 91310110666007217T")
    if len(t) != 18:
        return Problem(
            "wrong-length",
            f"统一社会信用代码应为18位 a USCC has 18 characters, found {len(t)}",
            expected="18 characters",
        )
    if _SHAPE.fullmatch(t) is None:
        bad = "".join(sorted({c for c in t if c not in _VALUE}))
        return Problem(
            "bad-characters",
            f"含不允许的字符 characters outside the code set: {bad!r}",
            expected="0-9 A-H J-N P Q R T U W X Y (no I O Z S V)",
            fix="常见错误: 字母O应为数字0 common slip: letter O for digit 0",
        )
    warnings: list[str] = []
    expected = _check(t[:17])
    check_ok = expected == t[17]
    if not check_ok:
        warnings.append(
            f"uscc-check-mismatch: 校验位不符(应为{expected})，可能为早期试点代码 "
            f"check character mismatch (expected {expected}), possibly an early pilot code"
        )
    authority = USCC_AUTHORITIES.get(t[0])
    org_type = authority[1].get(t[1]) if authority else None
    if authority is None:
        warnings.append(
            f"uscc-unknown-authority: 未知登记管理部门代码 unknown authority code {t[0]}"
        )
    elif org_type is None:
        warnings.append(f"uscc-unknown-org-type: 未知机构类别代码 unknown organisation type {t[1]}")
    if t[2:4] not in PROVINCE_PREFIXES and t[2:8] != "100000":  # 100000: national registrations
        warnings.append(
            f"uscc-region-unknown: 登记机关区划代码不存在 no such region prefix {t[2:8]}"
        )
    org_code = t[8:17]
    org_ok = _org_check(org_code[:8]) == org_code[8]
    return Uscc(
        code=t,
        check_ok=check_ok,
        expected_check_char=expected,
        authority_code=t[0],
        authority=authority[0] if authority else None,
        org_type_code=t[1],
        org_type=org_type,
        region_code=t[2:8],
        org_code=org_code,
        org_code_check_ok=org_ok,
        warnings=tuple(warnings),
    )


def parse_uscc(value: str) -> Uscc:
    """Parse a USCC; wrong length or characters raise, a check mismatch only warns."""
    result = _parse(value)
    if isinstance(result, Problem):
        raise_problem(result, value, where="统一社会信用代码 USCC")
    return result  # type: ignore[return-value]


def normalise_uscc(value: str) -> str | None:
    """The 18 upper-case characters, or None when ``value`` is not a well-formed USCC."""
    # A check mismatch does not invalidate a USCC, so the shape alone decides.
    t = compact(value) if isinstance(value, str) else ""
    return t if _SHAPE.fullmatch(t) else None
