"""Legal-status strings and event codes from patent exports, normalised (DOMAIN.md §2).

Exports write statuses with prefixes and variants ("专利权的终止(未缴年费专利权终止)",
"有权-审定授权", "审中-实审"); we match the inner phrase, most specific first. "驳回理由通知" is an
office action (the application is still pending), not a rejection.
"""

from __future__ import annotations

import re
from functools import lru_cache

# CNIPA legal-event codes → canonical event kinds (legal_event.kind).
EVENT_CODES: dict[str, str] = {
    "AV01": "abandonment", "CF01": "lapse", "CX01": "expiry", "IW01": "invalidation",
    "IP01": "partial_invalidation", "RR01": "restoration", "TR01": "transfer",
    "CP01": "owner_change", "CP02": "address_change", "CP03": "owner_change",
    "EE01": "licence", "EC01": "licence_end", "EM01": "licence_change",
    "PE01": "pledge", "PC01": "pledge_end", "PM01": "pledge_change",
    "PP01": "preservation", "PD01": "preservation_end", "GR01": "grant", "GR02": "grant",
}

# (phrase, status, event kind); checked in order, so specific phrases come before general ones.
_PHRASES: tuple[tuple[str, str, str | None], ...] = (
    ("驳回理由通知", "pending", None),
    ("部分无效", "valid", "partial_invalidation"),
    ("全部无效", "invalidated", "invalidation"),
    ("宣告无效", "invalidated", "invalidation"),
    ("无效宣告", "invalidated", "invalidation"),
    ("未缴年费", "lapsed", "lapse"),
    ("年费终止", "lapsed", "lapse"),
    ("期限届满", "expired", "expiry"),
    ("届满终止", "expired", "expiry"),
    ("届满", "expired", "expiry"),
    ("恢复", "valid", "restoration"),
    ("权利的恢复", "valid", "restoration"),
    ("主动放弃", "abandoned", "abandonment"),
    ("放弃专利权", "abandoned", "abandonment"),
    ("避免重复授权", "abandoned", "abandonment"),
    ("放弃", "abandoned", "abandonment"),
    ("视为撤回", "withdrawn", "withdrawal"),
    ("撤回", "withdrawn", "withdrawal"),
    ("驳回", "rejected", "rejection"),
    ("转移", "valid", "transfer"),
    ("转让", "valid", "transfer"),
    ("质押", "valid", "pledge"),
    ("许可", "valid", "licence"),
    ("变更", "valid", "owner_change"),
    ("终止", "lapsed", "lapse"),
    ("失效", "lapsed", "lapse"),
    ("授权", "valid", "grant"),
    ("有权", "valid", None),
    ("维持", "valid", None),
    ("实质审查", "pending", None),
    ("实审", "pending", None),
    ("审中", "pending", None),
    ("公开", "pending", None),
    ("公布", "pending", None),
    ("无权", "lapsed", None),
    ("有效", "valid", None),  # PatSnap 简单法律状态 / incoPat 有效性
    ("无效", "lapsed", None),
)

STATUSES = ("valid", "pending", "lapsed", "expired", "invalidated", "abandoned", "withdrawn", "rejected")
_CODE = re.compile(r"\b([A-Z]{2}\d{2})\b")


@lru_cache(maxsize=4096)
def normalise_status(text: str | None) -> str | None:
    """The status a status string states (one of STATUSES), or None when it says nothing known."""
    t = (text or "").strip()
    if not t:
        return None
    for phrase, status, _ in _PHRASES:
        if phrase in t:
            return status
    return None


@lru_cache(maxsize=4096)
def event_kind(code: str | None, text: str | None = None) -> str | None:
    """The canonical event kind of an event code (e.g. CF01) or, failing that, of its text."""
    c = (code or "").strip().upper()
    if c in EVENT_CODES:
        return EVENT_CODES[c]
    m = _CODE.search((text or "").upper())
    if m and m.group(1) in EVENT_CODES:
        return EVENT_CODES[m.group(1)]
    t = (text or "").strip()
    for phrase, _, kind in _PHRASES:
        if phrase in t:
            return kind  # None for phrases that are no event, e.g. 驳回理由通知 (an office action)
    return None


_TM_STATUS = (("无效", "invalidated"), ("注销", "cancelled"), ("撤销", "revoked"), ("销亡", "lapsed"),
              ("驳回", "rejected"), ("不予注册", "rejected"), ("申请中", "pending"), ("初审", "pending"),
              ("等待", "pending"), ("审查", "pending"), ("注册", "valid"), ("有效", "valid"))


def trademark_status(text: str | None) -> str | None:
    t = (text or "").strip()
    for phrase, status in _TM_STATUS:
        if phrase in t:
            return status
    return None
