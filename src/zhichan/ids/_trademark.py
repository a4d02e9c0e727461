"""Trademark registration / application numbers: digits with an optional letter suffix."""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhichan.ids._problem import Problem, raise_problem
from zhichan.ids._text import compact

__all__ = ["TrademarkNumber", "parse_trademark_number", "normalise_trademark_number"]

# Madrid designations are often written with a G prefix; "第 12345678 号" in running text.
_TM = re.compile(r"(?:第)?(G)?0*([1-9][0-9]{0,8})([A-Z])?(?:号)?")
_LABEL = re.compile(r"(?:商标注册号|注册号|申请号|商标号)[:.]?")


@dataclass(frozen=True, slots=True)
class TrademarkNumber:
    """A trademark number; ``normalised`` is e.g. ``"12345678"`` or ``"G1234567"``."""

    digits: str
    suffix: str | None
    international: bool
    """True with the G prefix of Madrid (international) registrations."""
    warnings: tuple[str, ...] = ()

    @property
    def normalised(self) -> str:
        """Prefix, digits and suffix, no spaces, leading zeros dropped."""
        return f"{'G' if self.international else ''}{self.digits}{self.suffix or ''}"


def _parse(value: str) -> TrademarkNumber | Problem:
    if not isinstance(value, str):
        return Problem("not-text", f"不是文本 not text: {type(value).__name__}")
    t = compact(value)
    if not t:
        return Problem("empty", "空值 empty value", expected="e.g. 12345678")
    m = _TM.fullmatch(t) or _TM.fullmatch(_LABEL.sub("", t, count=1))
    if m is None:
        return Problem(
            "bad-format",
            f"商标号格式错误 not a trademark number: {t!r}",
            expected="1–9 digits, optionally a letter suffix or a G prefix",
        )
    g, digits, suffix = m.groups()
    return TrademarkNumber(digits, suffix, g is not None)


def parse_trademark_number(value: str) -> TrademarkNumber:
    """Parse a trademark number; raise InvalidIdentifierError if it is not one."""
    result = _parse(value)
    if isinstance(result, Problem):
        raise_problem(result, value, where="商标号 trademark number")
    return result  # type: ignore[return-value]


def normalise_trademark_number(value: str) -> str | None:
    """Digits (plus suffix / G prefix), or None when ``value`` is not a trademark number."""
    result = _parse(value)
    return None if isinstance(result, Problem) else result.normalised
