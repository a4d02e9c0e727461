"""The name index behind the address resolver: every name and short form of every vintage.

Built once, lazily, from ``zhichan.reference.regions``: current and historical names of
provinces, prefectures and counties (historical names point at today's unit via
``regions.current_code``), short forms (深圳, 恩施州, 石柱县, 内蒙古 …), township names as weak
evidence, and markers for Hong Kong, Macao, Taiwan and foreign countries. Matching is a
leftmost-longest walk over dict look-ups keyed by each name's first two characters.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cached_property

from zhichan.ingest._resolver_foreign import FOREIGN_NAMES, SAR_ALIASES
from zhichan.reference import Region, RegionChange, regions

# Level bits: a hypothesis records which levels it has seen as a bit mask.
PROV, PREF, COUNTY, TOWN = 1, 2, 4, 8
LEVEL_BIT = {"province": PROV, "prefecture": PREF, "county": COUNTY}
BIT_LEVEL = {PROV: "province", PREF: "prefecture", COUNTY: "county"}

# Entry kinds.
REGION, TOWNSHIP, FOREIGN = 0, 1, 2

# Weights: a full name (with its administrative suffix) is strong evidence, a bare short form
# weaker; a province short form beats a same-spelled prefecture (海南 → 海南省, not 海南州).
W_FULL = 2.0
W_SUFFIXED_SHORT = 1.8  # 恩施州, 石柱县: a suffix, but not the official one
W_SHORT = 1.2
W_SHORT_PROVINCE = 1.6
W_HISTORICAL = 0.1  # subtracted: a current name wins over an old one only when nothing else counts
W_TOWNSHIP = 0.8

_SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区",
    "矿区", "省", "市", "县", "区", "旗", "盟",
)
_ETHNIC = (
    "土家族|苗族|藏族|羌族|彝族|壮族|布依族|侗族|瑶族|白族|哈尼族|傣族|傈僳族|佤族|拉祜族|"
    "纳西族|景颇族|布朗族|普米族|怒族|独龙族|德昂族|阿昌族|基诺族|蒙古族|蒙古|回族|维吾尔族|"
    "维吾尔|哈萨克族|哈萨克|柯尔克孜族|柯尔克孜|锡伯族|塔吉克族|塔吉克|乌孜别克族|俄罗斯族|"
    "鄂温克族|鄂伦春族|达斡尔族|赫哲族|满族|朝鲜族|畲族|黎族|水族|仫佬族|毛南族|仡佬族|京族|"
    "土族|撒拉族|东乡族|保安族|裕固族|门巴族|珞巴族|高山族|各族|壮"
)
_AUTONOMOUS = re.compile(rf"^(.{{2,}}?)(?:{_ETHNIC})*自治(州|县|旗|区)$")
# Names that are placeholders, not units.
# Change types after which the old code no longer names the unit (as in zhichan.reference).
_MOVING_TYPES = frozenset({
    "同名改码", "撤县设市", "撤县设区", "撤地设市", "撤市设区", "撤区设区", "撤旗设区",
    "撤销", "更名", "区划调整", "划转", "码位改派",
})
# Vintages retired before this year lose any name a current unit also uses.
_RECENT = 2005
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """Today's unit a code resolves to, with its chain of ancestors."""

    code: str
    name: str
    level: str
    province_code: str | None
    prefecture_code: str | None
    county_code: str | None
    ancestors: frozenset[str]


# A candidate is (code, level bit, weight, accepted parents); an entry is
# (kind, is_short, candidates, alias). Accepted parents are today's ancestors plus, for an old
# name, the province it used to belong to (四川省涪陵市 is today's 重庆市涪陵区).
Candidate = tuple[str, int, float, frozenset[str]]
Entry = tuple[int, bool, tuple[Candidate, ...], str]


def short_forms(name: str, province: bool = False) -> list[tuple[str, float]]:
    """Short forms of an official name with their weights (full name not included)."""
    out: list[tuple[str, float]] = []
    m = _AUTONOMOUS.match(name)
    if m:
        base, kind = m.group(1), m.group(2)
        if kind == "区":  # 内蒙古自治区, 广西壮族自治区 → 内蒙古, 广西, 广西壮族
            out.append((base, W_SHORT_PROVINCE))
            if name[:-3] != base:
                out.append((name[:-3], W_SHORT_PROVINCE))
        else:  # 恩施土家族苗族自治州 → 恩施州, 恩施; 石柱土家族自治县 → 石柱县, 石柱
            out.append((base + kind, W_SUFFIXED_SHORT))
            out.append((base + "自治" + kind, W_SUFFIXED_SHORT))
            out.append((base, W_SHORT))
        return out
    for suf in _SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            out.append((name[: -len(suf)], W_SHORT_PROVINCE if province else W_SHORT))
            break
    return out


class Gazetteer:
    """Alias → candidates, per-code unit info, and a scanner over the aliases."""

    def __init__(self) -> None:
        self.units: dict[str, UnitInfo] = {}
        self.entries: dict[str, Entry] = {}
        self.max_len = 0
        self._build_units()
        self._build_entries()
        self._build_heads()

    # -- units -------------------------------------------------------------------------------

    def _build_units(self) -> None:
        for reg in regions.all(current=True):
            if reg.level not in LEVEL_BIT:
                continue
            chain = regions.path(reg.code)
            by_level = {r.level: r.code for r in chain}
            self.units[reg.code] = UnitInfo(
                reg.code, reg.name, reg.level, by_level.get("province"), by_level.get("prefecture"),
                by_level.get("county"), frozenset(r.code for r in chain[:-1]),
            )

    # -- history -----------------------------------------------------------------------------

    def _today(self, reg: Region) -> str | None:
        """Today's unit for a retired vintage, or None when the record is too noisy to trust.

        Two walks (ours from the vintage's own end, and ``regions.current_code``) usually agree;
        when they do not, the one whose name keeps the old base name wins (涪陵市 → 涪陵区), else
        the coarser one if nested, else nothing.
        """
        mine = self._successor(reg)
        try:
            theirs = regions.current_code(reg.code)
        except Exception:
            theirs = None
        if theirs not in self.units:
            theirs = None
        if mine == theirs or theirs is None:
            return mine
        if mine is None:
            return theirs if self._same_base(reg.name, theirs) else None
        if self._same_base(reg.name, theirs) and not self._same_base(reg.name, mine):
            return theirs
        if self._same_base(reg.name, mine):
            return mine
        if mine in self.units[theirs].ancestors:
            return mine
        if theirs in self.units[mine].ancestors:
            return theirs
        return None

    def _same_base(self, old_name: str, code: str) -> bool:
        def base(n: str) -> str:
            forms = short_forms(n)
            return forms[-1][0] if forms else n
        return base(old_name) == base(self.units[code].name)

    def _successor(self, reg: Region) -> str | None:
        """Today's unit for a retired vintage, following changes from the year it ended.

        ``regions.current_code`` follows a code from its first recorded change; codes were reused
        (449001 was 潮州市 until 1991, then 顺德市), so a vintage must start from its own end.
        """
        by_code = self._changes_by_code
        code, after, first = reg.code, ((reg.valid_to or 0) - 1, 1 << 30), True
        for _ in range(30):
            step = next((ch for ch in by_code.get(code, ())
                         if (ch.year, ch.seq) > after and (not first or ch.old_name in (None, reg.name))),
                        None)
            if step is None:
                break
            first = False
            after = (step.year, step.seq)
            if step.new_code:
                code = step.new_code
                continue
            # Abolished without a recorded successor: the unit that held it.
            try:
                parent = regions.get(code, step.year - 1).parent_code
            except Exception:
                return None
            if not parent:
                return None
            if parent not in regions:
                parent = parent[:2] + "0000"
            return regions.current_code(parent) if parent in regions else None
        if code == reg.code:
            # No recorded change: trust the code only if the next vintage follows on directly.
            later = [v for v in regions.vintages(code) if (v.valid_from or 0) >= (reg.valid_to or 0)]
            if not later or later[0].valid_from != reg.valid_to:
                return None
        return code if code in self.units else None

    @cached_property
    def _changes_by_code(self) -> dict[str, list[RegionChange]]:
        out: dict[str, list[RegionChange]] = {}
        for ch in regions.changes:
            if ch.old_code and ch.type in _MOVING_TYPES:
                out.setdefault(ch.old_code, []).append(ch)
        for lst in out.values():
            lst.sort(key=lambda ch: (ch.year, ch.seq))
        return out

    # -- aliases -----------------------------------------------------------------------------

    def _build_entries(self) -> None:
        region_alias: dict[str, dict[str, tuple[int, float, frozenset[str]]]] = {}

        def add(alias: str, code: str, weight: float, old_prov: str | None = None) -> None:
            if len(alias) < 2 or code not in self.units:
                return
            unit = self.units[code]
            bit = LEVEL_BIT[unit.level]
            slot = region_alias.setdefault(alias, {})
            parents = unit.ancestors
            if old_prov and old_prov != unit.province_code and old_prov in self.units:
                parents = parents | {old_prov}
            old = slot.get(code)
            if old is not None:
                parents = parents | old[2]
            slot[code] = (bit, max(weight, old[1]) if old else weight, parents)

        full_names: set[str] = set()
        suffixed: set[str] = set()
        vintages = [r for r in regions.all(current=False)
                    if r.level in LEVEL_BIT and r.name not in _PLACEHOLDERS]
        # Names of today's units, full and short: an old vintage must not steal them, because
        # codes get reused and old names drift (512724 石柱县 of 1982 is not today's 石柱).
        current_aliases = {r.name for r in vintages if r.is_current}
        current_aliases |= {a for r in vintages if r.is_current for a, _ in short_forms(r.name)}
        for reg in vintages:
            target = reg.code if reg.is_current else self._today(reg)
            if target is None:
                continue
            old = not reg.is_current and (reg.valid_to or 0) < _RECENT
            penalty = 0.0 if reg.is_current else W_HISTORICAL
            province = self.units[target].level == "province" if target in self.units else False
            for alias, w in [(reg.name, W_FULL), *short_forms(reg.name, province)]:
                if old and alias in current_aliases:
                    continue
                if alias == reg.name:
                    full_names.add(alias)
                elif w == W_SUFFIXED_SHORT:
                    suffixed.add(alias)
                add(alias, target, w - penalty, reg.code[:2] + "0000")
        for alias, code, weight in SAR_ALIASES:
            add(alias, code, weight)

        def is_short(alias: str) -> bool:
            return alias not in full_names and alias not in suffixed

        for alias, slot in region_alias.items():
            cands = tuple(sorted(((c, b, w, p) for c, (b, w, p) in slot.items()), key=lambda x: -x[2]))
            self.entries[alias] = (REGION, is_short(alias), cands, alias)

        # Townships: weak evidence for the county when the address skips it.
        town_alias: dict[str, list[str]] = {}
        for _code, name, county in regions.township_rows():
            if len(name) >= 3 and name not in self.entries and county in self.units:
                lst = town_alias.setdefault(name, [])
                if county not in lst:
                    lst.append(county)
        for name, counties in town_alias.items():
            cands = tuple((c, TOWN, W_TOWNSHIP, self.units[c].ancestors) for c in counties)
            self.entries[name] = (TOWNSHIP, False, cands, name)

        for name in FOREIGN_NAMES:
            if name not in self.entries:
                self.entries[name] = (FOREIGN, False, (), name)
        self.max_len = max(len(a) for a in self.entries)

    # -- scanning ----------------------------------------------------------------------------

    def _build_heads(self) -> None:
        """First two characters → the alias lengths starting with them, longest first.

        The resolver walks the text once and, where two characters open some alias, tries only
        those lengths: leftmost-longest matching at a few dict look-ups per name. (A C
        Aho–Corasick automaton over the 38k names was measured slower here: the matches sit at
        the start of the text, and the walk stops once a county is reached.)
        """
        heads: dict[str, set[int]] = {}
        for alias in self.entries:
            heads.setdefault(alias[:2], set()).add(len(alias))
        self.heads = {h: tuple(sorted(ls, reverse=True)) for h, ls in heads.items()}

    def scan(self, text: str) -> list[tuple[int, int, Entry]]:
        """Leftmost-longest, non-overlapping matches in ``text`` as (start, end, entry)."""
        heads, entries = self.heads, self.entries
        out: list[tuple[int, int, Entry]] = []
        i, n = 0, len(text)
        while i < n - 1:
            lens = heads.get(text[i : i + 2])
            if lens is not None:
                for ln in lens:
                    e = entries.get(text[i : i + ln])
                    if e is not None:
                        ln = len(e[3])  # a slice past the end may match a shorter name
                        out.append((i, i + ln, e))
                        i += ln
                        break
                else:
                    i += 1
            else:
                i += 1
        return out


_lock = threading.Lock()
_gazetteer: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use (well under a second) and cached."""
    global _gazetteer
    if _gazetteer is None:
        with _lock:
            if _gazetteer is None:
                _gazetteer = Gazetteer()
    return _gazetteer
