"""Address → region resolver: match names, keep only consistent chains, refuse to guess.

The text is normalised (full-width → ASCII, spaces and postcodes removed), scanned for
leftmost-longest names (``_resolver_gazetteer``), and each name extends the hypotheses it is
consistent with (a county must lie inside the province/prefecture already matched). A name
consistent with nothing starts a new, weaker hypothesis; bare short forms followed by 路/街/大道 …
are street names and are skipped. The best-scoring chain wins; when several differ by less than
``_TIE`` the answer falls back to their common parent, or to None with low confidence, so an
ambiguous county is never returned confidently.

Public API: ``resolve_address``, ``resolve_many``, ``ResolvedRegion``, ``ResolvedBatch``.
"""

from __future__ import annotations

from typing import Iterable, Sequence
from unicodedata import is_normalized, normalize

from zhichan.errors import UserError
from zhichan.ingest._resolver_foreign import NON_MAINLAND, latin_region
from zhichan.ingest._resolver_gazetteer import (
    COUNTY,
    FOREIGN,
    TOWN,
    W_TOWNSHIP,
    Gazetteer,
    gazetteer,
)
from zhichan.ingest._resolver_postcode import province_of_postcode, strip_postcode
from zhichan.ingest._resolver_types import COLUMNS, ResolvedBatch, ResolvedRegion
from zhichan.reference import regions

__all__ = ["ResolvedBatch", "ResolvedRegion", "resolve_address", "resolve_many"]

_WINDOW = 40  # region names sit at the start; scanning the whole text only adds false hits
_TIE = 0.25  # chains closer than this are indistinguishable
_LATE_ROOT = 0.5  # a name inconsistent with what came before counts half
_W_USCC, _W_HINT, _W_POST = 1.0, 0.5, 0.3

_GAP = 10  # once some name matched, this many unmatched characters end the region part
_COUNTRY_PREFIXES = ("中华人民共和国", "中国", "中國")

# A bare short form followed by these is a street, village or institution, not a region:
# 北京路, 黄山大道, 中山大学, 长安镇 ….
_NEXT1 = frozenset("路街巷弄道村镇乡里")
_NEXT2 = frozenset({
    "大道", "大街", "大学", "大厦", "大桥", "大楼", "大院", "大酒", "广场", "花园", "小区",
    "公园", "饭店", "宾馆", "酒店", "医院", "银行", "中学", "小学", "商场", "新村", "机场",
    "学院",
})  # not 工业/科技/公司: 苏州工业园区 and 深圳科技公司 still say where they are
_DIRS = frozenset("东西南北中")
_RANK = {"province": 0, "prefecture": 1, "county": 2}
_FULL_NEXT1 = frozenset("路街巷弄")


def _is_street(s: str, end: int, short: bool) -> bool:
    nxt = s[end:end + 3]
    if not nxt:
        return False
    c = nxt[0]
    if short:
        if c in _NEXT1 or nxt[:2] in _NEXT2:
            return True
        if c in _DIRS and len(nxt) > 1 and (nxt[1] in "路街道巷" or nxt[1:3] in ("大街", "大道")):
            return True
        return False
    return c in _FULL_NEXT1


def _normalise(text: str) -> str:
    # NFKC folds full-width digits, letters and the ideographic space; the check is cheap.
    s = text if is_normalized("NFKC", text) else normalize("NFKC", text)
    if " " in s or "\t" in s or "\n" in s or "\r" in s:
        s = "".join(s.split())
    return s


class _Resolver:
    """Holds the gazetteer and the per-code output rows; ``core`` resolves one address."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.units = gaz.units
        self.anc = {c: u.ancestors for c, u in gaz.units.items()}
        self.heads, self.entries = gaz.heads, gaz.entries
        # Output fields per code, shared by every result with that code.
        self.rows: dict[str | None, tuple] = {None: (None, None, None, None, None)}
        for c, u in gaz.units.items():
            self.rows[c] = (u.name, u.level, u.province_code, u.prefecture_code, u.county_code)

    # -- helpers -----------------------------------------------------------------------------

    def row(self, code: str | None, conf: float, dom: bool, reason: str) -> tuple:
        r = self.rows[code]
        return (code, r[0], r[1], conf, dom, reason, r[2], r[3], r[4])

    def label(self, code: str) -> str:
        names = [r.name for r in regions.path(code)]
        return f"{code} {''.join(names)}"

    def common_parent(self, codes: Iterable[str]) -> str | None:
        inter: set[str] | None = None
        for c in codes:
            chain = set(self.anc[c]) | {c}
            inter = chain if inter is None else inter & chain
        if not inter:
            return None
        return max(inter, key=lambda c: _RANK[self.units[c].level])

    def evidence_code(self, code: str | None) -> str | None:
        """Today's unit for a code given as evidence (USCC authority, hint), or None."""
        if not code or len(code) < 6 or not code[:6].isdigit():
            return None
        c = code[:6]
        if c in self.units:
            return c
        if c not in regions:
            return None
        cur = regions.current_code(c)
        return cur if cur in self.units else None

    # -- the core ----------------------------------------------------------------------------

    def core(self, text: str, uscc: str | None, postcode: str | None, hint: str | None) -> tuple:
        """The output row (code, name, level, confidence, domestic, reason, province,
        prefecture, county) for one address."""
        s = _normalise(text) if text else ""
        if s.isascii() and any(ch.isalpha() for ch in s):
            code, dom, reason = latin_region(s)
            return self.row(code, 0.9 if code or not dom else 0.1, dom, reason)
        if s and (s[0].isdigit() or s[0] in "[(【〔<《" or "邮" in s):
            s, found = strip_postcode(s)
            postcode = postcode or found
        if s[:1] == "中":
            for p in _COUNTRY_PREFIXES:
                if s.startswith(p):
                    s = s[len(p):]
                    break
        anc, heads, entries = self.anc, self.heads, self.entries
        hyps: list[list] = []  # [code, score, level mask, matched names]
        i, n, stop = 0, min(len(s), _WINDOW), len(s)
        last = -1  # end of the last accepted name; -1: none yet
        while i < n - 1:
            # Leftmost-longest match at i: only the alias lengths that start with these 2 chars.
            lens = heads.get(s[i:i + 2])
            if lens is None:
                i += 1
                if hyps and i - last > _GAP:
                    break  # past the region part: street names would only add false hits
                continue
            for ln in lens:
                entry = entries.get(s[i:i + ln])
                if entry is not None:
                    break
            else:
                i += 1
                continue
            ln = len(entry[3])  # a slice past the end may have matched a shorter name
            start, i = i, i + ln
            if entry[0] or s[i - 1] == "市":
                ln, entry = self._better_split(s, start, ln, entry)
                i = start + ln
            kind, short, cands, alias = entry
            factor = 1.0
            if i < stop and not (start == last and not short) and _is_street(s, i, short):
                # A full name right after another is not a street (桃城区路北街道). Right after a
                # matched name a prefecture still counts (怀化花园路 is in 怀化), but a county name
                # there is a street (沧州新华街, 深圳市光明北路).
                if start != last or kind:
                    continue
                cands = tuple(c for c in cands if c[1] != COUNTY)
                if not cands:
                    continue
                factor = 0.5
            last = i
            if kind:
                if kind == FOREIGN:
                    if not hyps and start <= 1:
                        return self.row(None, 0.9, False, f"外国地址 foreign address: {alias}")
                else:
                    self._township(hyps, cands, alias, start)
                continue
            new: list[list] = []
            used = deep = False
            for h in hyps:
                hc = h[0]
                grown = False
                for code, bit, w, parents in cands:
                    if hc in parents:
                        new.append([code, h[1] + w * factor, h[2] | bit, h[3] + (alias,)])
                        grown = True
                        if bit == COUNTY and not short:
                            deep = True
                if grown:
                    used = True
                    continue
                for code, bit, w, _ in cands:
                    if code == hc or code in anc[hc]:
                        if not h[2] & bit:
                            h[1] += w * factor
                            h[2] |= bit
                            h[3] += (alias,)
                        used = True
                        break
                new.append(h)
            if not used:
                f = (_LATE_ROOT if hyps else 1.0) * factor
                for code, bit, w, _ in cands:
                    new.append([code, w * f, bit, (alias,)])
            hyps = new
            if deep:
                break  # a county reached through its parents: the rest is street and house
        return self._decide(hyps, uscc, postcode, hint)

    def _better_split(self, s: str, i: int, ln: int, entry: tuple) -> tuple[int, tuple]:
        """Rare cases where the longest match at i is not the best one.

        A township name hiding a region name (庆阳镇原县: 庆阳 + 镇原县, not 庆阳镇 + 原县), and a
        name whose final 市 opens the next name (青岛市南区: 青岛 + 市南区).
        """
        entries, heads = self.entries, self.heads
        if entry[0]:  # township or foreign: prefer a shorter region name at the same place
            for ln2 in heads[s[i:i + 2]]:
                if ln2 < ln:
                    e2 = entries.get(s[i:i + ln2])
                    if e2 is not None and not e2[0]:
                        return ln2, e2
            return ln, entry
        j = i + ln - 1
        if s[j + 1:j + 2] not in ("南", "北", "中"):
            return ln, entry
        for ln2 in heads.get(s[j:j + 2], ()):
            e2 = entries.get(s[j:j + ln2])
            if e2 is not None and ln2 >= 3 and not e2[0] and not e2[1]:
                e1 = entries.get(s[i:j])
                if e1 is not None and not e1[0]:
                    return ln - 1, e1
        return ln, entry

    def _township(self, hyps: list[list], cands: tuple, alias: str, start: int) -> None:
        """A township name: refines a hypothesis without a county when it points at exactly one
        county inside it, and confirms a county hypothesis that contains it."""
        if not hyps:
            if len(cands) == 1 and start <= 4:
                hyps.append([cands[0][0], W_TOWNSHIP, TOWN, (alias,)])
            return
        for i, h in enumerate(hyps):
            hc, mask = h[0], h[2]
            if mask & TOWN:
                continue
            if mask & COUNTY:
                if any(c == hc for c, _, _, _ in cands):
                    hyps[i] = [hc, h[1] + W_TOWNSHIP, mask | TOWN, h[3] + (alias,)]
                continue
            hit = [c for c, _, _, p in cands if hc in p or c == hc]
            if len(hit) == 1:
                hyps[i] = [hit[0], h[1] + W_TOWNSHIP, mask | TOWN, h[3] + (alias,)]

    def _decide(self, hyps: list[list], uscc: str | None, postcode: str | None,
                hint: str | None) -> tuple:
        anc = self.anc
        u = self.evidence_code(uscc.strip()[2:8]) if uscc else None
        post_prov = province_of_postcode(postcode) if postcode else None
        if not hyps:
            if u:
                return self.row(u, 0.65, u not in NON_MAINLAND,
                                f"地址未含区划，按信用代码登记机关 {u} (from USCC authority)")
            if post_prov:
                return self.row(post_prov, 0.4, post_prov not in NON_MAINLAND,
                                f"仅邮编 {postcode} (postcode only)")
            return self.row(None, 0.0, True, "未匹配到行政区划 (no region name found)")
        if u or hint or post_prov:
            for h in hyps:
                hc = h[0]
                if u:
                    if hc == u or u in anc[hc] or hc in anc[u]:
                        h[1] += _W_USCC
                    elif hc[:4] == u[:4]:
                        h[1] += _W_USCC / 2
                    elif hc[:2] == u[:2]:
                        h[1] += _W_USCC / 4
                if hint and (hc == hint or hint in anc[hc] or hc in anc[hint]):
                    h[1] += _W_HINT
                if post_prov and hc[:2] == post_prov[:2]:
                    h[1] += _W_POST
        if len(hyps) == 1:
            best = hyps[0]
            margin = 9.0
        else:
            hyps.sort(key=lambda h: -h[1])
            best = hyps[0]
            tied = [h for h in hyps if best[1] - h[1] < _TIE]
            codes = {h[0] for h in tied}
            if len(codes) > 1:
                return self._ambiguous(codes, tied)
            rival = next((h for h in hyps if h[0] != best[0] and h[0] not in anc[best[0]]
                          and best[0] not in anc[h[0]]), None)
            margin = best[1] - rival[1] if rival else 9.0
        code, score, mask, names = best
        conf = 0.97 if score >= 3.5 else 0.93 if score >= 2.8 else 0.88 if score >= 1.9 else 0.8 if score >= 1.5 else 0.7
        if mask & TOWN and not mask & COUNTY:
            conf = min(conf, 0.75)
        if margin < 0.6:
            conf = round(conf - 0.1, 2)
        reason = "匹配 matched: " + " > ".join(names)
        if u and (u == code or u in anc[code]):
            reason += f"; 信用代码登记机关一致 USCC authority {u} agrees"
        if hint and (hint == code or hint in anc[code]):
            reason += f"; 提示区划一致 hint {hint} agrees"
        if post_prov and code[:2] == post_prov[:2]:
            reason += f"; 邮编一致 postcode {postcode} agrees"
        if u and code in anc[u]:
            reason += f"; 按信用代码登记机关细化 refined by USCC to {u}"
            code, conf = u, min(conf, 0.85)
        return self.row(code, conf, code not in NON_MAINLAND, reason)

    def _ambiguous(self, codes: set[str], tied: list[list]) -> tuple:
        parent = self.common_parent(codes)
        cands = " | ".join(self.label(c) for c in sorted(codes))
        names = " > ".join(tied[0][3])
        if parent:
            return self.row(parent, 0.6, parent not in NON_MAINLAND,
                            f"歧义，取共同上级 ambiguous ({names}), common parent {parent}: {cands}")
        return self.row(None, 0.2, True, f"歧义 ambiguous ({names}): {cands}")


_resolver: _Resolver | None = None


def _get() -> _Resolver:
    global _resolver
    if _resolver is None:
        _resolver = _Resolver(gazetteer())
    return _resolver


def _check_hint(hint: str | None) -> str | None:
    if hint is None:
        return None
    r = _get()
    code = r.evidence_code(str(hint).strip())
    if code is None:
        regions.get(str(hint).strip())  # raises the standard unknown-code error
        raise UserError(f"提示区划已撤销且无继任 hint region has no current unit: {hint}")
    return code


def resolve_address(text: str, *, uscc: str | None = None, postcode: str | None = None,
                    hint: str | None = None) -> ResolvedRegion:
    """Resolve one address to today's region (county where the text supports it)."""
    r = _get()
    return ResolvedRegion(text, *r.core(text or "", uscc, postcode, _check_hint(hint)))


def _column(values: Sequence[str | None] | str | None, n: int, what: str) -> Sequence[str | None]:
    if values is None or isinstance(values, str):
        return [values] * n
    if len(values) != n:
        raise UserError(
            f"{what} 的长度与地址数不符 {what} length differs from the number of addresses",
            expected=str(n), found=str(len(values)),
            fix=f"为每个地址给出一个 {what}（可为 None）",
        )
    return values


def resolve_many(addresses: Sequence[str], *, uscc: Sequence[str | None] | None = None,
                 postcode: Sequence[str | None] | None = None,
                 hint: Sequence[str | None] | str | None = None) -> ResolvedBatch:
    """Resolve many addresses at once; identical inputs are resolved only once.

    ``uscc`` and ``postcode`` are per-address columns (or None); ``hint`` is one code for all or
    a column. Returns column lists (``ResolvedBatch``) in input order.
    """
    r = _get()
    n = len(addresses)
    core = r.core
    if uscc is None and postcode is None and (hint is None or isinstance(hint, str)):
        h = _check_hint(hint)
        memo: dict[str, tuple] = {}
        for a in addresses:
            if a not in memo:
                memo[a] = core(a or "", None, None, h)
        keys: Iterable = addresses
    else:
        us, pcs = _column(uscc, n, "uscc"), _column(postcode, n, "postcode")
        checked = {x: _check_hint(x) for x in set(_column(hint, n, "hint"))}
        hs = [checked[x] for x in _column(hint, n, "hint")]
        keys = list(zip(addresses, us, pcs, hs))
        memo = {}
        for k in keys:
            if k not in memo:
                memo[k] = core(k[0] or "", k[1], k[2], k[3])
    if not addresses:
        return ResolvedBatch(*([] for _ in COLUMNS), distinct=0)
    cols = [list(c) for c in zip(*[memo[k] for k in keys])]
    return ResolvedBatch(list(addresses), *cols, distinct=len(memo))
