"""Applicant/party name normaliser: one stable grouping key per party, its legal form and kind.

Patent and trademark exports spell one applicant many ways (widths, brackets, spaces,
'有限责任公司' vs '有限公司', 'Co., Ltd.' vs 'CO LTD', a trailing '(CN)'). ``name_norm`` is the
key that groups them: letters and digits only, upper-case Latin, legal form canonicalised,
pure country/region qualifiers dropped. Branches (分公司) keep their own key.

Nothing here raises on odd input: empty or blank text gives ``EMPTY`` (key '', kind 'other').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from zhichan.ingest._names_forms import (
    PREFIX_FORMS,
    detect_form,
    ends_with_org_word,
    starts_with_form,
    zh_canon,
)
from zhichan.ingest._names_kind import KIND_LABELS_ZH, KINDS, classify
from zhichan.ingest._names_text import clean, compact, has_cjk, strip_qualifiers, to_display

__all__ = [
    "EMPTY",
    "KINDS",
    "KIND_LABELS_ZH",
    "LEGAL_FORMS",
    "NormalisedName",
    "name_key",
    "normalise_name",
    "party_kind",
    "split_applicants",
]

LEGAL_FORMS = (
    "ltd", "joint_stock", "corporation", "company", "partnership",
    "sole_proprietorship", "branch", "cooperative",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class NormalisedName:
    """One party name, cleaned.

    display: readable form (half-width Latin, （） around CJK names, single spaces);
    name_norm: grouping key; stem: the key without its legal-form token;
    legal_form: one of LEGAL_FORMS or None; kind: one of KINDS;
    kind_reason: what decided the kind ('marker:大学', 'form:有限公司', 'person:surname' …).
    """

    display: str
    name_norm: str
    stem: str
    legal_form: str | None
    kind: str
    kind_reason: str


EMPTY = NormalisedName("", "", "", None, "other", "empty")

# Bracketed words that are the organisational form itself, kept when brackets are dropped.
_FORM_WORDS = frozenset(("有限合伙", "普通合伙", "特殊普通合伙", "个人独资"))
_GROUP = re.compile(r"\(([^()]*)\)")


def _keep_form_word(m: re.Match[str]) -> str:
    return m.group(1) if m.group(1) in _FORM_WORDS else ""


def _without_brackets(q: str) -> str:
    # Bracketed parts are qualifiers (中铁二局集团（成都）有限公司): the kind comes from the rest.
    if "(" not in q:
        return q
    t = _GROUP.sub(_keep_form_word, q).strip()
    return t or q


def _key_parts(q: str) -> tuple[str, str | None, str | None, str | None]:
    u = q.upper()
    if u.startswith("THE "):  # 'The Regents of …' and 'Regents of …' are one party
        u = u[4:]
    head, token, form = detect_form(u)
    stem = compact(head)
    if not stem.isascii():
        stem = zh_canon(stem)
    if token is None:
        for prefix, pform in PREFIX_FORMS:
            if stem.startswith(prefix) and len(stem) > len(prefix):
                return stem[len(prefix) :], prefix, pform, stem
    return stem, token, form, stem + (token or "")


@lru_cache(maxsize=1 << 17)  # as zhichan.reference: bounded memory on huge imports
def _normalise(text: str) -> NormalisedName:
    s = clean(text)
    if not s:
        return EMPTY
    q = strip_qualifiers(s)
    stem, token, form, key = _key_parts(q)
    cjk = has_cjk(q)
    kind, reason = classify(_without_brackets(q), token, cjk) if key else ("other", "empty")
    return NormalisedName(to_display(s), key, stem, form, kind, reason)


def normalise_name(text: object) -> NormalisedName:
    """Normalise one applicant/party name; cached, never raises (None/NaN count as empty)."""
    if not isinstance(text, str):
        if text is None or text != text:  # NaN from spreadsheets and data frames
            return EMPTY
        text = str(text)
    return _normalise(text)


def name_key(text: object) -> str:
    """The grouping key ``name_norm`` of ``text``; '' for empty names."""
    return normalise_name(text).name_norm


def party_kind(text: object) -> str:
    """enterprise, university, institute, government, individual or other."""
    return normalise_name(text).kind


# Applicant lists: 'A;B', 'A；B', 'A、B', 'A|B', one per line.
_OPEN = frozenset("(（[［【〔{｛<＜《〈「『")
_CLOSE = frozenset(")）]］】〕}｝>＞》〉」』")
_SEP_RE = re.compile(r"[;；、|｜\n\r,，]")
_LIST_SEPS = frozenset(";；、|｜\n\r")


def split_applicants(text: object) -> list[str]:
    """Split an applicant list on ; ； 、 | and line breaks, never inside brackets.

    Commas split only between names: after a CJK character (北京大学,清华大学) or after a
    complete Latin name ending in a legal form or organisation word, unless what follows is
    itself a legal form -- so 'Samsung Electronics Co., Ltd.' and 'Hitachi, Ltd.' stay whole.
    """
    if not isinstance(text, str) or not text:
        return []
    if _SEP_RE.search(text) is None:
        s = text.strip()
        return [s] if s else []
    parts: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in _LIST_SEPS or ch in ",，"):
            if ch in ",，":
                left = text[start:i].rstrip()
                if not left:
                    continue
                if not has_cjk(left[-1]) and (
                    not ends_with_org_word(left) or starts_with_form(text[i + 1 :])
                ):
                    continue
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p for p in (p.strip(" \t\u3000,，") for p in parts) if p]
