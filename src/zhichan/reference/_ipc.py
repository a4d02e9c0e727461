"""IPC symbol normaliser: many spellings in, one canonical ``G06F 17/30`` form out.

Accepted: ``G06F 17/30``, ``G06F17/30``, ``G06F  17/30``, full-width characters, lower case,
the 14-character fixed-width form ``G06F0017300000``, trailing junk such as ``(2006.01)``,
and a bare subclass ``G06F``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from zhichan.errors import InvalidIdentifierError

__all__ = ["IpcCode", "normalise_ipc"]

# subclass, then optionally main group "/" subgroup; anything after is ignored (edition tags)
_FREE = re.compile(r"([A-H])\s*(\d)\s*(\d)\s*([A-Z])(?:[\s\-]*(\d{1,4})\s*/\s*(\d{1,6}))?")
# fixed width used by EPO/CNIPA data: 4-digit main group, 6-digit left-aligned subgroup
_FIXED = re.compile(r"([A-H]\d\d[A-Z])(\d{4})(\d{6})")


@dataclass(frozen=True, slots=True)
class IpcCode:
    """A normalised IPC symbol; ``main_group`` and ``subgroup`` are empty for a subclass."""

    symbol: str  # "G06F 17/30" or "G06F"
    subclass: str  # "G06F"
    main_group: str  # "G06F 17/00", or "" for a bare subclass
    group_number: str  # "17", or ""
    subgroup: str  # "30", or ""

    @property
    def section(self) -> str:
        return self.subclass[0]

    @property
    def ipc_class(self) -> str:
        return self.subclass[:3]

    @property
    def is_main_group(self) -> bool:
        return self.subgroup == "00"


def _make(subclass: str, group: str | None, sub: str | None) -> IpcCode | None:
    if group is None:
        return IpcCode(subclass, subclass, "", "", "")
    number = str(int(group))
    if number == "0":
        return None
    sub = sub.rstrip("0") if sub else ""
    sub = sub.ljust(2, "0")  # "/0" and "/000000" are both the main group "/00"
    return IpcCode(f"{subclass} {number}/{sub}", subclass, f"{subclass} {number}/00", number, sub)


@lru_cache(maxsize=1 << 17)
def _parse(text: str) -> IpcCode | None:
    s = unicodedata.normalize("NFKC", text).strip().upper()
    m = _FIXED.fullmatch(s.replace(" ", ""))
    if m:
        return _make(m.group(1), m.group(2), m.group(3))
    m = _FREE.match(s)
    if not m:
        return None
    rest = s[m.end():]
    # "G06F17/30" followed by letters or digits would be a different, unrecognised symbol
    if rest and (rest[0].isalnum() or (m.group(5) is None and rest.lstrip()[:1].isdigit())):
        return None
    subclass = m.group(1) + m.group(2) + m.group(3) + m.group(4)
    return _make(subclass, m.group(5), m.group(6))


def normalise_ipc(text: object, *, strict: bool = False) -> IpcCode | None:
    """Parse an IPC symbol; ``None`` if it is not one (or raise when ``strict``)."""
    if isinstance(text, IpcCode):
        return text
    result = _parse(text) if isinstance(text, str) else None
    if result is None and strict:
        raise InvalidIdentifierError(
            "无法识别的 IPC 分类号 unrecognised IPC symbol",
            where="zhichan.reference.normalise_ipc",
            expected="如 e.g. G06F 17/30, G06F17/30, G06F0017300000 或 or G06F",
            found=repr(text),
            fix="检查分类号的部、类、小类、大组/小组 check section, class, subclass, group/subgroup",
        )
    return result
