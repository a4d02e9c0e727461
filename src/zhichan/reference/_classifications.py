"""Packaged classifications: Nice classes, WIPO technology fields and CNIPA SEI 2021.

Tables are read on first use and cached; IPC look-ups go through dicts keyed by subclass and
main group, so mapping a million IPC symbols takes seconds. Files are built by
``scripts/reference/build_classifications.py``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from zhichan._packaged import read_csv_rows
from zhichan.errors import ReferenceDataError
from zhichan.reference._ipc import IpcCode, normalise_ipc

__all__ = [
    "NiceClass",
    "SeiIndustry",
    "SeiRule",
    "TechField",
    "classification_rows",
    "concordance_rows",
    "nice_class",
    "nice_classes",
    "sei_industries",
    "sei_of",
    "sei_rules",
    "sei_rules_of",
    "tech_field",
    "tech_fields",
]


@dataclass(frozen=True, slots=True)
class NiceClass:
    """One Nice class; ``title_zh`` is the 2016 Chinese class heading."""

    number: int
    title_zh: str
    title_en: str  # USPTO short title
    kind: Literal["goods", "services"]
    short_zh: str  # the customary four-character name, e.g. 科学仪器


@dataclass(frozen=True, slots=True)
class TechField:
    """One of the 35 WIPO technology fields (Schmoch 2008) and its sector."""

    number: int
    name_en: str
    name_zh: str
    sector: str  # English sector name, e.g. "Electrical engineering"
    sector_zh: str
    sector_number: int  # 1..5


@dataclass(frozen=True, slots=True)
class SeiIndustry:
    """A strategic emerging industry: level 1 (``"1"``) or level 2 (``"1.1"``)."""

    code: str
    name_zh: str
    parent: str | None
    level: int


@dataclass(frozen=True, slots=True)
class SeiRule:
    """A row of the CNIPA 2021 table: an SEI code with its industry keywords (may be empty)."""

    rule_id: int
    code: str
    keywords: str


def _rows(name: str) -> list[dict[str, str]]:
    return list(read_csv_rows(name))


# --- Nice -------------------------------------------------------------------------------


@cache
def nice_classes() -> tuple[NiceClass, ...]:
    """The 45 Nice classes in order."""
    rows = _rows("nice_classes.csv")
    return tuple(
        NiceClass(int(r["number"]), r["title_zh"], r["title_en"],
                  "goods" if r["kind"] == "goods" else "services", r["short_zh"])
        for r in rows
    )


def nice_class(number: int | str) -> NiceClass:
    """Nice class ``number`` (1–45); accepts ``9``, ``"09"`` or ``"第9类"``."""
    text = str(number).strip().removeprefix("第").removesuffix("类")
    if text.isdigit() and 1 <= int(text) <= 45:
        return nice_classes()[int(text) - 1]
    raise ReferenceDataError(
        "未知的尼斯分类 unknown Nice class",
        where="zhichan.reference.nice_class",
        expected="1–45 的整数 an integer from 1 to 45",
        found=repr(number),
        fix="商品为 1–34 类，服务为 35–45 类 goods are classes 1–34, services 35–45",
    )


# --- WIPO technology fields --------------------------------------------------------------


@cache
def tech_fields() -> tuple[TechField, ...]:
    """The 35 technology fields in order."""
    return tuple(
        TechField(int(r["number"]), r["name_en"], r["name_zh"], r["sector_en"],
                  r["sector_zh"], int(r["sector_number"]))
        for r in _rows("tech_fields.csv")
    )


@cache
def _tech_index() -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    whole: dict[str, int] = {}
    groups: dict[tuple[str, str], int] = {}
    for r in _rows("ipc_tech_fields.csv"):
        if r["main_group"]:
            groups[(r["subclass"], r["main_group"])] = int(r["field"])
        else:
            whole[r["subclass"]] = int(r["field"])
    return whole, groups


@lru_cache(maxsize=1 << 17)
def _tech_field_of(code: IpcCode) -> TechField | None:
    whole, groups = _tech_index()
    number = groups.get((code.subclass, code.group_number)) or whole.get(code.subclass)
    return tech_fields()[number - 1] if number else None


def tech_field(ipc: str | IpcCode) -> TechField | None:
    """The technology field of an IPC symbol, or ``None`` if unparsable or not covered
    (e.g. post-2016 subclasses such as H10B, or A61K groups outside the table)."""
    code = normalise_ipc(ipc)
    return _tech_field_of(code) if code is not None else None


# --- CNIPA strategic emerging industries (SEI 2021) --------------------------------------


@cache
def sei_industries() -> tuple[SeiIndustry, ...]:
    """The 9 top-level and 40 second-level strategic emerging industries."""
    return tuple(
        SeiIndustry(r["code"], r["name_zh"], r["parent"] or None, int(r["level"]))
        for r in _rows("sei_industries.csv")
    )


@cache
def sei_rules() -> tuple[SeiRule, ...]:
    """The 321 rules of the 2021 table (each a keyword row under one SEI code)."""
    return tuple(
        SeiRule(int(r["rule_id"]), r["code"], r["keywords"]) for r in _rows("sei_rules.csv")
    )


@cache
def _sei_index() -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = defaultdict(list)
    for r in _rows("ipc_sei_2021.csv.gz"):
        index[r["ipc"]].append(int(r["rule_id"]))
    return {k: tuple(sorted(v)) for k, v in index.items()}


def _sei_keys(code: IpcCode) -> list[str]:
    """Listed codes that cover ``code``, most specific first: itself, its main group,
    its subclass, its class (C08, G16 are listed at class level)."""
    keys = [code.symbol]
    if code.main_group and code.main_group != code.symbol:
        keys.append(code.main_group)
    if code.main_group:
        keys.append(code.subclass)
    keys.append(code.ipc_class)
    return keys


@lru_cache(maxsize=1 << 17)
def _sei_rules_of(code: IpcCode, most_specific: bool) -> tuple[int, ...]:
    index = _sei_index()
    found: set[int] = set()
    for key in _sei_keys(code):
        hit = index.get(key)
        if hit:
            found.update(hit)
            if most_specific:
                break
    return tuple(sorted(found))


@cache
def _rule_code() -> dict[int, str]:
    return {r.rule_id: r.code for r in sei_rules()}


@lru_cache(maxsize=1 << 17)
def _sei_of(code: IpcCode, most_specific: bool) -> tuple[str, ...]:
    codes = {_rule_code()[rid] for rid in _sei_rules_of(code, most_specific)}
    return tuple(sorted(codes, key=lambda c: tuple(int(p) for p in c.split("."))))


def sei_rules_of(ipc: str | IpcCode, *, most_specific: bool = False) -> list[int]:
    """Rule ids of the 2021 table that cover an IPC symbol (see :func:`sei_of`)."""
    code = normalise_ipc(ipc)
    return list(_sei_rules_of(code, most_specific)) if code is not None else []


def sei_of(ipc: str | IpcCode, *, most_specific: bool = False) -> list[str]:
    """SEI codes (``"1.1"`` …) of an IPC symbol, sorted; empty if none or unparsable.

    A listed subclass covers all its groups and a listed main group all its subgroups, so by
    default the rules of every listed prefix are combined (the table lists, e.g., H04B for
    1.1 and H04B 7/00 for other codes). ``most_specific=True`` keeps only the longest
    listed prefix.
    """
    code = normalise_ipc(ipc)
    return list(_sei_of(code, most_specific)) if code is not None else []


# --- rows for the database ---------------------------------------------------------------


def classification_rows() -> Iterator[dict[str, Any]]:
    """Rows ``scheme, code, title_zh, title_en, parent`` for schemes ``nice``,
    ``tech_field`` (sectors ``S1``–``S5`` are the parents of fields ``1``–``35``) and
    ``sei`` (``"1"``–``"9"`` parents of ``"1.1"`` …). Missing titles are ``None``."""
    for n in nice_classes():
        yield {"scheme": "nice", "code": str(n.number), "title_zh": n.title_zh,
               "title_en": n.title_en or None, "parent": None}
    seen: set[int] = set()
    for f in tech_fields():
        if f.sector_number not in seen:
            seen.add(f.sector_number)
            yield {"scheme": "tech_field", "code": f"S{f.sector_number}",
                   "title_zh": f.sector_zh, "title_en": f.sector, "parent": None}
    for f in tech_fields():
        yield {"scheme": "tech_field", "code": str(f.number), "title_zh": f.name_zh,
               "title_en": f.name_en, "parent": f"S{f.sector_number}"}
    for s in sei_industries():
        yield {"scheme": "sei", "code": s.code, "title_zh": s.name_zh, "title_en": None,
               "parent": s.parent}


def _like(code: str) -> str:
    """SQL LIKE pattern over canonical symbols: a class, subclass or main group covers
    everything below it (``H04B%``, ``A01B 1/%``)."""
    if " " not in code:
        return code + "%"
    return code[: code.index("/") + 1] + "%"


def concordance_rows() -> Iterator[dict[str, Any]]:
    """Rows ``from_scheme, from_code, to_scheme, to_code, weight``.

    ``from_scheme='ipc'``: ``from_code`` is one canonical IPC subgroup symbol, matched exactly.
    ``from_scheme='ipc_pattern'``: ``from_code`` is a SQL LIKE pattern over canonical symbols
    (``F21H%``, ``A61K 31/%``) standing for a whole subclass, class or main group. Weight is
    1.0: membership, not fractional counting (an IPC symbol may belong to several SEI codes).
    """
    whole, groups = _tech_index()
    pats = [(f"{sc}%", n) for sc, n in whole.items()]
    pats += [(f"{sc} {mg}/%", n) for (sc, mg), n in groups.items()]
    for pattern, number in sorted(pats):
        yield {"from_scheme": "ipc_pattern", "from_code": pattern,
               "to_scheme": "tech_field", "to_code": str(number), "weight": 1.0}
    rule_code = _rule_code()
    pairs: set[tuple[str, str, str]] = set()
    for ipc, rule_ids in _sei_index().items():
        main = " " not in ipc or ipc.endswith("/00")
        scheme, key = ("ipc_pattern", _like(ipc)) if main else ("ipc", ipc)
        pairs.update((scheme, key, rule_code[r]) for r in rule_ids)
    for scheme, key, sei in sorted(pairs):
        yield {"from_scheme": scheme, "from_code": key, "to_scheme": "sei", "to_code": sei,
               "weight": 1.0}
