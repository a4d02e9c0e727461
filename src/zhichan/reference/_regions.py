"""Administrative divisions of every vintage (GB/T 2260), with code changes over time.

The packaged tables come from the national place-name database and a year-by-year diff of the
GB/T 2260 code lists (see data/PROVENANCE.md). Change events carry a year only, so a date maps to
the code list of the end of its year: events of year Y apply to any date in Y.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable

from zhichan._packaged import read_csv_rows
from zhichan.errors import ReferenceDataError

LEVELS = ("province", "prefecture", "county", "township")

# Change types after which the old code no longer names the unit it named before.
_MOVING_TYPES = {
    "同名改码", "撤县设市", "撤县设区", "撤地设市", "撤市设区", "撤区设区", "撤旗设区",
    "撤销", "更名", "区划调整", "划转",
}


@dataclass(frozen=True, slots=True)
class Region:
    """One administrative unit in one vintage (a code with one name over an interval of years)."""

    code: str
    name: str
    level: str
    parent_code: str | None
    valid_from: int | None
    valid_to: int | None

    @property
    def is_current(self) -> bool:
        return self.valid_to is None


@dataclass(frozen=True, slots=True)
class RegionChange:
    """A recorded change of a division (rename, merger, new code, abolition …)."""

    seq: int
    year: int
    type: str
    level: int
    old_code: str | None
    old_name: str | None
    new_code: str | None
    new_name: str | None
    doc_no: str | None
    detail: str | None = None


def _int(s: str) -> int | None:
    return int(s) if s else None


def _year(at: dt.date | int | str | None) -> int:
    if at is None:
        return 9999
    if isinstance(at, int):
        return at
    if isinstance(at, str):
        return dt.date.fromisoformat(at).year
    return at.year


def code_prefix(code: str) -> str:
    """The leading digits every code inside ``code`` shares: 500000 → '50', 510100 → '5101',
    500111 → '500111', the nation 000000 → '' (so ``c.startswith(code_prefix(r))`` tests
    "c lies in r")."""
    n = len(str(code).rstrip("0"))
    return str(code)[: n + n % 2]


def _code6(code: str) -> str:
    code = str(code).strip()
    if len(code) in (9, 12) and code.isdigit():
        return code[:6]
    return code


class RegionCatalogue:
    """Lazily loaded divisions: ``get``, ``children``, ``path``, ``current_code`` and friends."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    @cached_property
    def _vintages(self) -> dict[str, list[Region]]:
        out: dict[str, list[Region]] = {}
        for r in read_csv_rows("regions.csv"):
            reg = Region(r["code"], r["name"], r["level"], r["parent_code"] or None,
                         _int(r["valid_from"]), _int(r["valid_to"]))
            out.setdefault(reg.code, []).append(reg)
        for regs in out.values():
            regs.sort(key=lambda x: (x.valid_to is None, x.valid_to or 0))
        return out

    @cached_property
    def _current(self) -> dict[str, Region]:
        return {c: regs[-1] for c, regs in self._vintages.items() if regs[-1].is_current}

    @cached_property
    def _children(self) -> dict[str, list[Region]]:
        out: dict[str, list[Region]] = {}
        for reg in self._current.values():
            if reg.parent_code:
                out.setdefault(reg.parent_code, []).append(reg)
        for regs in out.values():
            regs.sort(key=lambda x: x.code)
        return out

    @cached_property
    def changes(self) -> tuple[RegionChange, ...]:
        """All recorded changes in source order (by year)."""
        return tuple(
            RegionChange(int(r["seq"]), int(r["year"]), r["type"], int(r["level"]),
                         r["old_code"] or None, r["old_name"] or None,
                         r["new_code"] or None, r["new_name"] or None, r["doc_no"] or None,
                         r["detail"] or None)
            for r in read_csv_rows("region_changes.csv")
        )

    @cached_property
    def _changes_from(self) -> dict[str, list[RegionChange]]:
        out: dict[str, list[RegionChange]] = {}
        for ch in self.changes:
            if ch.old_code and ch.type in _MOVING_TYPES:
                out.setdefault(ch.old_code, []).append(ch)
        return out

    # -- lookups -------------------------------------------------------------------------------

    def __contains__(self, code: str) -> bool:
        return _code6(code) in self._vintages

    def get(self, code: str, at: dt.date | int | str | None = None) -> Region:
        """The unit a code names (today, or in the year of ``at``); unknown codes raise."""
        c = _code6(code)
        regs = self._vintages.get(c)
        if not regs:
            raise ReferenceDataError(
                f"未知的行政区划代码 unknown region code: {code}",
                expected="GB/T 2260 六位代码，如 500111 (a 6-digit GB/T 2260 code)",
                found=str(code),
                fix="核对代码；历史代码可用 regions.current_code() 映射到现行代码",
            )
        if at is None:
            return regs[-1]
        y = _year(at)
        for reg in regs:
            if (reg.valid_from is None or reg.valid_from <= y) and (reg.valid_to is None or y < reg.valid_to):
                return reg
        return regs[-1] if y >= (regs[-1].valid_from or 0) else regs[0]

    def vintages(self, code: str) -> list[Region]:
        """Every recorded name of a code, oldest first."""
        self.get(code)
        return list(self._vintages[_code6(code)])

    def is_current(self, code: str) -> bool:
        return _code6(code) in self._current

    def all(self, level: str | None = None, current: bool = True) -> list[Region]:
        """Units of one level (or all), current ones by default, sorted by code."""
        if level is not None and level not in LEVELS[:3]:
            raise ReferenceDataError(f"未知层级 unknown level: {level}", expected="province, prefecture, county")
        pool: Iterable[Region] = (
            self._current.values() if current else (r for regs in self._vintages.values() for r in regs)
        )
        return sorted((r for r in pool if level is None or r.level == level), key=lambda r: (r.code, r.valid_from or 0))

    def children(self, code: str) -> list[Region]:
        """Current direct children; municipality districts hang directly under the province."""
        self.get(code)
        return list(self._children.get(_code6(code), []))

    def descendants(self, code: str) -> list[Region]:
        """All current units below a code, breadth first."""
        out, queue = [], [_code6(code)]
        while queue:
            kids = self._children.get(queue.pop(0), [])
            out.extend(kids)
            queue.extend(k.code for k in kids)
        return out

    def path(self, code: str, at: dt.date | int | str | None = None) -> list[Region]:
        """The chain province → … → unit for a code."""
        reg = self.get(code, at)
        chain = [reg]
        seen = {reg.code}
        while reg.parent_code and reg.parent_code not in seen:
            parent_code = reg.parent_code
            if parent_code not in self._vintages:
                # Virtual parents such as 500100 市辖区 are not units; step up to the province.
                parent_code = parent_code[:2] + "0000"
                if parent_code in seen or parent_code not in self._vintages:
                    break
            reg = self.get(parent_code, at)
            chain.append(reg)
            seen.add(reg.code)
        return chain[::-1]

    def province_of(self, code: str) -> str:
        return _code6(code)[:2] + "0000"

    # -- history -------------------------------------------------------------------------------

    def current_code(self, old_code: str, at: dt.date | int | str | None = None) -> str | None:
        """Follow recorded changes from ``old_code`` to the code in force at ``at`` (default: now).

        Returns None when the unit was abolished without a recorded successor and no parent is
        known. An abolished unit without a successor maps to its parent's code.
        """
        code = _code6(old_code)
        self.get(code)
        limit = _year(at)
        after = (-1, -1)
        for _ in range(50):  # chains are short; the bound guards against cycles in noisy data
            step = next(
                (ch for ch in self._changes_from.get(code, [])
                 if (ch.year, ch.seq) > after and ch.year <= limit),
                None,
            )
            if step is None:
                return code
            after = (step.year, step.seq)
            if step.new_code:
                code = step.new_code
            elif (successor := self._same_name_successor(step)) is not None:
                code = successor
            elif step.type == "撤销":
                parent = self.get(code, step.year - 1).parent_code
                if not parent or parent not in self._vintages:
                    return None
                code = parent
        return code

    @cached_property
    def _created_by_name(self) -> dict[str, list[RegionChange]]:
        out: dict[str, list[RegionChange]] = {}
        for ch in self.changes:
            if ch.new_code and ch.new_name:
                out.setdefault(ch.new_name, []).append(ch)
        return out

    def _same_name_successor(self, step: RegionChange) -> str | None:
        """A unit abolished with no recorded successor often reappears under a new code the same
        year (e.g. 莱芜市 379004 → prefecture-level 371200 in 1992): follow that re-creation."""
        if step.new_code or not step.old_name or not step.old_code:
            return None
        for ch in self._created_by_name.get(step.old_name, []):
            if (ch.new_code != step.old_code and ch.new_code[:2] == step.old_code[:2]
                    and step.year <= ch.year <= step.year + 1):
                return ch.new_code
        return None

    def townships(self, county_code: str) -> list[tuple[str, str]]:
        """(9-digit code, name) of the township-level units of a current county."""
        return list(self._townships.get(_code6(county_code), []))

    @cached_property
    def _townships(self) -> dict[str, list[tuple[str, str]]]:
        out: dict[str, list[tuple[str, str]]] = {}
        for r in read_csv_rows("townships.csv.gz"):
            out.setdefault(r["county_code"], []).append((r["code"], r["name"]))
        return out

    def township_rows(self) -> list[tuple[str, str, str]]:
        """(code, name, county_code) for every township, for loading the store."""
        return [(c, n, k) for k, towns in self._townships.items() for c, n in towns]


regions = RegionCatalogue()
