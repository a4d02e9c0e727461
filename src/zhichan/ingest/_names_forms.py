"""Legal-form suffixes (有限公司, 股份有限公司, Co., Ltd., GmbH …) and their canonical key tokens."""

from __future__ import annotations

import re

__all__ = [
    "PREFIX_FORMS",
    "detect_form",
    "ends_with_org_word",
    "starts_with_form",
    "zh_canon",
]

# variant (letters only, upper-case) -> (token written into name_norm, legal_form).
# Chinese: 有限公司 and 有限责任公司 are one company written two ways (Company Law has only
# 有限责任公司 and 股份有限公司; 股份公司 is shorthand for the latter), so they share a token.
# 公司 alone is kept apart: pre-2018 state-owned 'XX集团公司' are a different registration.
_ZH_FORMS: dict[str, tuple[str, str]] = {
    "股份有限公司": ("股份有限公司", "joint_stock"),
    "股份公司": ("股份有限公司", "joint_stock"),
    "有限责任公司": ("有限公司", "ltd"),
    "有限責任公司": ("有限公司", "ltd"),
    "责任有限公司": ("有限公司", "ltd"),
    "有限公司": ("有限公司", "ltd"),
    "公司": ("公司", "company"),
    # A branch is its own party: the token keeps it apart from the parent company.
    "分公司": ("分公司", "branch"),
    "分厂": ("分厂", "branch"),
    "分店": ("分店", "branch"),
    "分行": ("分行", "branch"),
    "支行": ("支行", "branch"),
    "分所": ("分所", "branch"),
    "特殊普通合伙": ("特殊普通合伙", "partnership"),
    "普通合伙": ("普通合伙", "partnership"),
    "有限合伙": ("有限合伙", "partnership"),
    "合伙企业": ("合伙企业", "partnership"),
    "个人独资企业": ("个人独资企业", "sole_proprietorship"),
    "个人独资": ("个人独资", "sole_proprietorship"),
    "合作社": ("合作社", "cooperative"),
    "株式会社": ("株式会社", "joint_stock"),
    "株式會社": ("株式会社", "joint_stock"),
    "有限会社": ("有限会社", "ltd"),
    "合同会社": ("合同会社", "ltd"),
    "주식회사": ("주식회사", "joint_stock"),
    "유한회사": ("유한회사", "ltd"),
}
# Spelled-out and abbreviated Latin forms map to one token; 'Co., Ltd.' and 'Ltd.' stay apart
# because both occur as distinct registered names.
_LATIN_FORMS: dict[str, tuple[str, str]] = {
    "LTD": ("LTD", "ltd"),
    "LIMITED": ("LTD", "ltd"),
    "COLTD": ("COLTD", "ltd"),
    "COLIMITED": ("COLTD", "ltd"),
    "COMPANYLTD": ("COLTD", "ltd"),
    "COMPANYLIMITED": ("COLTD", "ltd"),
    "PTELTD": ("PTELTD", "ltd"),
    "PTELIMITED": ("PTELTD", "ltd"),
    "PTYLTD": ("PTYLTD", "ltd"),
    "PTYLIMITED": ("PTYLTD", "ltd"),
    "PVTLTD": ("PVTLTD", "ltd"),
    "PRIVATELIMITED": ("PVTLTD", "ltd"),
    "SDNBHD": ("SDNBHD", "ltd"),
    "LLC": ("LLC", "ltd"),
    "GMBH": ("GMBH", "ltd"),
    "BV": ("BV", "ltd"),
    "SRL": ("SRL", "ltd"),
    "SARL": ("SARL", "ltd"),
    "SPZOO": ("SPZOO", "ltd"),
    "AG": ("AG", "joint_stock"),
    "AKTIENGESELLSCHAFT": ("AG", "joint_stock"),
    "SA": ("SA", "joint_stock"),
    "SPA": ("SPA", "joint_stock"),
    "SAS": ("SAS", "joint_stock"),
    "NV": ("NV", "joint_stock"),
    "SE": ("SE", "joint_stock"),
    "PLC": ("PLC", "joint_stock"),
    "KK": ("KK", "joint_stock"),
    "KABUSHIKIKAISHA": ("KK", "joint_stock"),
    "AB": ("AB", "joint_stock"),
    "ASA": ("ASA", "joint_stock"),
    "AS": ("AS", "joint_stock"),
    "OYJ": ("OYJ", "joint_stock"),
    "OY": ("OY", "joint_stock"),
    "KGAA": ("KGAA", "joint_stock"),
    "INC": ("INC", "corporation"),
    "INCORPORATED": ("INC", "corporation"),
    "CORP": ("CORP", "corporation"),
    "CORPORATION": ("CORP", "corporation"),
    "CO": ("CO", "company"),
    "COMPANY": ("CO", "company"),
    "LP": ("LP", "partnership"),
    "LLP": ("LLP", "partnership"),
    "KG": ("KG", "partnership"),
    "GMBHCOKG": ("GMBHCOKG", "partnership"),
}
_FORMS = {**_ZH_FORMS, **_LATIN_FORMS}

# Japanese/Korean names may carry the form in front: 株式会社村田製作所.
PREFIX_FORMS: tuple[tuple[str, str], ...] = (
    ("株式会社", "joint_stock"),
    ("有限会社", "ltd"),
    ("주식회사", "joint_stock"),
)

# The name is matched reversed, so one anchored re.match tries every form at the end at once.
# Any non-word characters may sit between letters ('Co., Ltd.', 'S.A.', 'A/S', '（有限合伙）').
_GAP = r"[\W_]*"
# A Latin form must start a word. The test only looks at what compaction keeps or at an
# immediate space/comma, which is what keeps name_key idempotent on its own output.
_BOUNDARY = r"(?=[\s,(]|[\W_]*(?:(?![\x00-\x7f])\w|$))"


def _alt(variant: str) -> str:
    body = _GAP.join(re.escape(c) for c in reversed(variant))
    return body + _BOUNDARY if variant.isascii() else body


_FORM_RE = re.compile(
    _GAP + "(?:" + "|".join(_alt(v) for v in sorted(_FORMS, key=len, reverse=True)) + ")"
)
_NONWORD = re.compile(r"[\W_]+")
_ZH_CANON = (("有限责任公司", "有限公司"), ("有限責任公司", "有限公司"),
             ("责任有限公司", "有限公司"), ("股份公司", "股份有限公司"),
             ("株式會社", "株式会社"))  # fmt: skip


def detect_form(u: str) -> tuple[str, str | None, str | None]:
    """Split upper-cased ``u`` into (text before the form, key token, legal_form)."""
    m = _FORM_RE.match(u[::-1])
    if m is None:
        return u, None, None
    token, form = _FORMS[_NONWORD.sub("", m.group())[::-1]]
    return u[: len(u) - m.end()], token, form


def zh_canon(s: str) -> str:
    """Canonical legal-form spelling anywhere in a compact key (parents named inside branches)."""
    for old, new in _ZH_CANON:
        if old in s:
            s = s.replace(old, new)
    return s


_ORG_END = re.compile(
    r"(?:UNIVERSITY|INSTITUTE|COLLEGE|HOSPITAL|LABORATORY|LABORATORIES|FOUNDATION|"
    r"ASSOCIATION|GROUP|CENTER|CENTRE|SCHOOL|ACADEMY)\W*$"
)
_FORM_START = re.compile(
    r"\s*(?:CO|COMPANY|LTD|LIMITED|INC|INCORPORATED|CORP|CORPORATION|LLC|PLC|GMBH|AG|"
    r"S\.?A|KG|LP|LLP|KK|N\.?V|B\.?V|PTE|PTY)\b\.?",
    re.IGNORECASE,
)


def ends_with_org_word(s: str) -> bool:
    """True if a Latin name ends in a legal form or an organisation word (list splitting)."""
    u = s.upper()
    return detect_form(u)[1] is not None or _ORG_END.search(u) is not None


def starts_with_form(s: str) -> bool:
    """True if ``s`` begins with a Latin legal form ('Ltd.' after 'Co.,')."""
    return _FORM_START.match(s) is not None
