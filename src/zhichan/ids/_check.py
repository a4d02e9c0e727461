"""One entry point for any identifier: detect its kind, check it, never raise on bad values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from zhichan.errors import InvalidIdentifierError
from zhichan.ids import _application, _publication, _region_code, _trademark, _uscc
from zhichan.ids._application import PATENT_TYPE_LABELS
from zhichan.ids._problem import Problem
from zhichan.ids._text import compact

__all__ = ["CheckResult", "KINDS", "KIND_LABELS", "check", "detect_kind"]

KINDS = ("application_number", "publication_number", "uscc", "region_code", "trademark_number")
KIND_LABELS = {
    "application_number": "专利申请号",
    "publication_number": "专利公开(公告)号",
    "uscc": "统一社会信用代码",
    "region_code": "行政区划代码",
    "trademark_number": "商标号",
    "unknown": "未识别",
}
_ALIASES = {
    "application": "application_number", "app": "application_number",
    "publication": "publication_number", "pub": "publication_number",
    "region": "region_code", "trademark": "trademark_number", "tm": "trademark_number",
}

_USCC_LIKE = re.compile(r"[0-9A-Z]{18}")
_APP_DOTTED = re.compile(r"(?:CN)?\.?(?:[0-9]{12}|[0-9]{8})\.[0-9X]?")
_NEW_APP = re.compile(r"[0-9]{12}[0-9X]?")
_PUB_LIKE = re.compile(r"[A-Z]{2}[0-9]{4,13}(?:[A-Z][0-9]?)?|[0-9]{9}[A-Z][0-9]?")
_OLD_APP_LIKE = re.compile(r"(?:8[5-9]|9[0-9]|0[0-3])[12389][0-9]{5}[0-9X]?")
_TM_LIKE = re.compile(r"(?:第)?G?[0-9]{1,9}[A-Z]?(?:号)?")


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Outcome of :func:`check`; ``reason`` is None when valid."""

    input: str
    kind: str
    normalised: str | None
    valid: bool
    reason: str | None = None
    reason_code: str | None = None
    warnings: tuple[str, ...] = ()
    details: dict[str, Any] = field(default_factory=dict, hash=False)

    def to_dict(self) -> dict[str, Any]:
        """Flat JSON-ready dict: the fixed keys, then the kind-specific details."""
        out: dict[str, Any] = {
            "input": self.input,
            "kind": self.kind,
            "normalised": self.normalised,
            "valid": self.valid,
            "reason": self.reason,
            "reason_code": self.reason_code,
            "warnings": list(self.warnings),
        }
        out.update(self.details)
        return out


def detect_kind(value: str) -> str:
    """Guess the identifier kind from its shape; ``"unknown"`` when nothing fits.

    Bare digit strings are ambiguous: 12 digits starting 19/20 read as an application number,
    other 12/9/6-digit strings with a real province prefix as a region code, 8/9 digits shaped
    like a pre-2003 application number as one, the rest as trademark numbers. Pass ``kind``
    to :func:`check` to override.
    """
    t = compact(value) if isinstance(value, str) else ""
    if not t:
        return "unknown"
    n = len(t)
    if n == 18 and _USCC_LIKE.fullmatch(t):
        return "uscc"
    if t.startswith("ZL") or _APP_DOTTED.fullmatch(t):
        return "application_number"
    cn = t.startswith("CN")
    body = t[2:] if cn else t
    if _NEW_APP.fullmatch(body) and (cn or len(body) == 13 or body[:2] in ("19", "20")):
        return "application_number"
    if _OLD_APP_LIKE.fullmatch(body):
        # Bare 9 digits are an old application number only if the check passes; else they
        # are more likely a trademark number.
        if len(body) == 8 or body[-1] == "X" or not isinstance(_application._parse(body), Problem):
            return "application_number"
    if cn or _PUB_LIKE.fullmatch(t):
        return "publication_number"
    if t.isdigit():
        if n in (6, 9, 12) and t[:2] in _region_code.PROVINCE_PREFIXES:
            return "region_code"
        return "trademark_number" if n <= 9 else "unknown"
    if _TM_LIKE.fullmatch(t):
        return "trademark_number"
    if n == 18:
        return "uscc"  # 18 characters with some outside the set: report why
    return "unknown"


def _application_details(a: _application.ApplicationNumber) -> dict[str, Any]:
    return {
        "patent_type": a.patent_type,
        "patent_type_label": PATENT_TYPE_LABELS[a.patent_type],
        "pct": a.pct,
        "year": a.year,
        "check_char": a.check_char,
        "check_supplied": a.check_supplied,
        "old_format": a.old_format,
        "serial": a.serial,
        "prefix": a.prefix,
    }


def _publication_details(p: _publication.PublicationNumber) -> dict[str, Any]:
    return {
        "country": p.country,
        "number": p.number,
        "kind_code": p.kind_code,
        "patent_type": p.patent_type,
        "patent_type_label": PATENT_TYPE_LABELS.get(p.patent_type or ""),
        "kind_meaning": p.kind_meaning,
    }


def _uscc_details(u: _uscc.Uscc) -> dict[str, Any]:
    return {
        "check_char": u.check_char,
        "check_ok": u.check_ok,
        "expected_check_char": u.expected_check_char,
        "authority_code": u.authority_code,
        "authority": u.authority,
        "org_type_code": u.org_type_code,
        "org_type": u.org_type,
        "region_code": u.region_code,
        "org_code": u.org_code,
        "org_code_check_ok": u.org_code_check_ok,
    }


def _region_details(r: _region_code.RegionCode) -> dict[str, Any]:
    return {
        "level": r.level,
        "province_code": r.province_code,
        "province_name": r.province_name,
        "prefecture_code": r.prefecture_code,
        "county_code": r.county_code,
        "prefecture_kind": r.prefecture_kind,
        "county_kind": r.county_kind,
    }


def _trademark_details(m: _trademark.TrademarkNumber) -> dict[str, Any]:
    return {"digits": m.digits, "suffix": m.suffix, "international": m.international}


_PARSERS = {
    "application_number": (_application._parse, _application_details),
    "publication_number": (_publication._parse, _publication_details),
    "uscc": (_uscc._parse, _uscc_details),
    "region_code": (_region_code._parse, _region_details),
    "trademark_number": (_trademark._parse, _trademark_details),
}


def _resolve_kind(kind: str) -> str:
    k = _ALIASES.get(kind, kind)
    if k not in _PARSERS:
        raise InvalidIdentifierError(
            f"未知标识符类型 unknown identifier kind: {kind}",
            expected=", ".join(KINDS),
        )
    return k


def check(value: str, kind: str | None = None) -> CheckResult:
    """Check ``value`` as ``kind`` (detected when None); bad values give ``valid=False``.

    Raises only for an unknown ``kind`` name, which is a caller error.
    """
    text = value if isinstance(value, str) else "" if value is None else str(value)
    k = detect_kind(text) if kind is None else _resolve_kind(kind)
    if k == "unknown":
        reason = (
            "空值 empty value"
            if not text.strip()
            else "无法识别的标识符 unrecognised identifier (give --kind to force one)"
        )
        code = "unrecognised" if text.strip() else "empty"
        return CheckResult(text, "unknown", None, False, reason, code)
    parse, details = _PARSERS[k]
    result = parse(text)
    if isinstance(result, Problem):
        return CheckResult(text, k, None, False, result.message, result.code)
    return CheckResult(
        text, k, result.normalised, True, None, None, result.warnings, details(result)
    )
