"""Patent publication / grant numbers with kind codes, checked in depth for CN documents.

CNIPA numbering (EPO numbering notes, ZC 0007): 8 digits 1985–1988 (the application number,
type digit third), 7 digits 1989–2007 and 9 digits since (type digit first): 1 invention,
2 utility model, 3 design. Kind codes: A application publication; B examined application
(before 1993) or granted invention (since 2010-04-01); C granted invention (1993–2010) or
partial invalidation (since 2010, C1–C7); U utility model (pre-grant before 1993, grant since
2010); Y utility model (1993–2010) or partial invalidation (since 2010, Y1–Y7); D design
(1993–2010); S design (pre-grant before 1993, grant since 2010). Digit suffixes 8/9 are
corrections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhichan.ids._problem import Problem, raise_problem
from zhichan.ids._text import compact

__all__ = [
    "PublicationNumber",
    "KIND_CODE_TYPES",
    "parse_publication_number",
    "normalise_publication_number",
]

# kind letter -> the patent type it can only belong to
KIND_CODE_TYPES = {
    "A": "invention",
    "B": "invention",
    "C": "invention",
    "U": "utility_model",
    "Y": "utility_model",
    "S": "design",
    "D": "design",
}
_TYPE_DIGITS = {"1": "invention", "2": "utility_model", "3": "design"}

# (kind letter, era) -> meaning; era "old" = 7/8-digit numbers (before Aug 2007), "new" = 9 digits.
_MEANINGS = {
    ("A", "old"): "发明专利申请公开 invention application publication",
    ("A", "new"): "发明专利申请公布 invention application publication",
    ("B", "old"): "发明专利申请审定公告(1993年前) examined invention application (before 1993)",
    ("B", "new"): "发明专利授权公告 granted invention",
    ("C", "old"): "发明专利授权公告 granted invention",
    ("C", "new"): "发明专利授权公告(2010年前)或部分无效宣告(2010年起) "
    "granted invention (before 2010) or partial invalidation (since 2010)",
    ("U", "old"): "实用新型专利申请公告(1993年前) utility model publication (before 1993)",
    ("U", "new"): "实用新型专利授权公告 granted utility model",
    ("Y", "old"): "实用新型专利授权公告 granted utility model",
    ("Y", "new"): "实用新型专利授权公告(2010年前)或部分无效宣告(2010年起) "
    "granted utility model (before 2010) or partial invalidation (since 2010)",
    ("D", "old"): "外观设计专利授权公告 granted design",
    ("D", "new"): "外观设计专利授权公告(2010年前) granted design (before 2010)",
    ("S", "old"): "外观设计专利申请公告(1993年前) design publication (before 1993)",
    ("S", "new"): "外观设计专利授权公告 granted design",
}
_INVALIDATION = {
    "C": "发明专利部分无效宣告 partial invalidation of an invention patent",
    "Y": "实用新型专利部分无效宣告 partial invalidation of a utility model",
    "S": "外观设计专利部分无效宣告 partial invalidation of a design",
}

_PUB = re.compile(r"([A-Z]{2})?([0-9]{4,13})([A-Z][0-9]?)?")


@dataclass(frozen=True, slots=True)
class PublicationNumber:
    """A parsed publication number; ``normalised`` is e.g. ``"CN102345678A"``."""

    country: str
    number: str
    kind_code: str | None
    patent_type: str | None
    """Implied by the number and kind code (CN only): invention, utility_model or design."""
    kind_meaning: str | None
    warnings: tuple[str, ...] = ()

    @property
    def normalised(self) -> str:
        """Country, number and kind code, no spaces."""
        return f"{self.country}{self.number}{self.kind_code or ''}"


def _parse_cn(number: str, kind: str | None, warnings: list[str]) -> PublicationNumber | Problem:
    n = len(number)
    if n == 9 or n == 7:
        type_digit, era = number[0], ("new" if n == 9 else "old")
    elif n == 8:
        # 1985–1988 documents reused the application number: year (85–88), type, serial.
        if not "85" <= number[:2] <= "88":
            return Problem(
                "impossible-year",
                f"8位公开号年份不可能 impossible year in an 8-digit number: {number[:2]}",
                expected="85–88",
            )
        type_digit, era = number[2], "old"
    else:
        return Problem(
            "wrong-length",
            f"公开号位数错误 wrong number of digits: {n}",
            expected="9 digits (since 2007), 7 (1989–2007) or 8 (1985–1988)",
        )
    num_type = _TYPE_DIGITS.get(type_digit)
    if num_type is None:
        return Problem(
            "unknown-type",
            f"未知专利类型位 unknown type digit in the number: {type_digit}",
            expected="1 发明, 2 实用新型, 3 外观设计",
        )
    if kind is None:
        warnings.append("kind-missing: 缺少文献种类代码 kind code missing")
        return PublicationNumber("CN", number, None, num_type, None, tuple(warnings))
    letter, suffix = kind[0], kind[1:]
    kind_type = KIND_CODE_TYPES.get(letter)
    if kind_type is None:
        return Problem(
            "unknown-kind",
            f"未知文献种类代码 unknown kind code: {kind}",
            expected="A, B, C, U, Y, S or D",
        )
    if kind_type != num_type:
        return Problem(
            "kind-mismatch",
            f"号码与种类代码不一致 number and kind code disagree: number says {num_type}, "
            f"kind {letter} says {kind_type}",
            fix="核对号码首位与种类代码 check the first digit and the kind code",
        )
    if suffix in ("8", "9"):
        meaning = "更正 correction"
    elif suffix and letter in _INVALIDATION:
        meaning = _INVALIDATION[letter]
    else:
        meaning = _MEANINGS[(letter, era)]
    return PublicationNumber("CN", number, kind, num_type, meaning, tuple(warnings))


def _parse(value: str) -> PublicationNumber | Problem:
    if not isinstance(value, str):
        return Problem("not-text", f"不是文本 not text: {type(value).__name__}")
    t = compact(value)
    if not t:
        return Problem("empty", "空值 empty value", expected="e.g. CN102345678A")
    m = _PUB.fullmatch(t)
    if m is None:
        return Problem(
            "bad-format",
            f"公开号格式错误 not a publication number: {t!r}",
            expected="country code, digits, kind code, e.g. CN102345678A",
        )
    country, number, kind = m.groups()
    warnings: list[str] = []
    if country is None:
        country = "CN"
        warnings.append("country-missing: 缺少国别代码，按CN处理 country code missing, read as CN")
    if country != "CN":
        warnings.append(
            f"not-cn: 非中国文献，未深入校验 not a CN document, checked for shape only ({country})"
        )
        return PublicationNumber(country, number, kind, None, None, tuple(warnings))
    return _parse_cn(number, kind, warnings)


def parse_publication_number(value: str) -> PublicationNumber:
    """Parse e.g. ``"CN 102345678 B"``; raise InvalidIdentifierError if bad or inconsistent."""
    result = _parse(value)
    if isinstance(result, Problem):
        raise_problem(result, value, where="专利公开(公告)号 publication number")
    return result  # type: ignore[return-value]


def normalise_publication_number(value: str) -> str | None:
    """``"CN102345678A"`` style, or None when ``value`` is not a valid publication number."""
    result = _parse(value)
    return None if isinstance(result, Problem) else result.normalised
