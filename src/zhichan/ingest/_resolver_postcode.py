"""Postal codes: strip them from address text and read a province out of them.

China Post codes are six digits; the first two identify the province-level postal region
(a few provinces span several prefixes). That is weak evidence, used only to break ties and as a
last resort, never to override the address text. 999077 / 999078 are the international codes
used for Hong Kong and Macao.
"""

from __future__ import annotations

import re

_PREFIX_PROVINCE: dict[str, str] = {}
for _prov, _prefixes in {
    "110000": "10", "120000": "30", "130000": "05 06 07", "140000": "03 04",
    "150000": "01 02", "210000": "11 12", "220000": "13", "230000": "15 16",
    "310000": "20", "320000": "21 22", "330000": "31 32", "340000": "23 24",
    "350000": "35 36", "360000": "33 34", "370000": "25 26 27", "410000": "45 46 47",
    "420000": "43 44", "430000": "41 42", "440000": "51 52", "450000": "53 54",
    "460000": "57", "500000": "40", "510000": "61 62 63 64", "520000": "55 56",
    "530000": "65 66 67", "540000": "85 86", "610000": "71 72", "620000": "73 74",
    "630000": "81", "640000": "75", "650000": "83 84",
}.items():
    for _p in _prefixes.split():
        _PREFIX_PROVINCE[_p] = _prov

_SPECIAL = {"999077": "810000", "999078": "820000"}

# A postcode at the very start, bare or bracketed: "400020 重庆…", "[400020]…", "(100191)…".
_LEADING = re.compile(r"^[\[(【〔<《]?\s*(\d{6})\s*[\])】〕>》]?[\s,，:：]*")
# A labelled postcode anywhere: "邮编：400020", "邮政编码 400020".
_LABELLED = re.compile(r"[(\[（【]?邮(?:政)?编(?:码)?[\s:：]*(\d{6})[)\]）】]?[\s,，;；]*")


def province_of_postcode(postcode: str | None) -> str | None:
    """The province code a six-digit postal code belongs to, or None."""
    if not postcode:
        return None
    pc = postcode.strip()
    if len(pc) != 6 or not pc.isdigit():
        return None
    return _SPECIAL.get(pc) or _PREFIX_PROVINCE.get(pc[:2])


def strip_postcode(text: str) -> tuple[str, str | None]:
    """Remove a leading or labelled postcode from normalised text; return (text, postcode)."""
    found: str | None = None
    if text and (text[0].isdigit() or text[0] in "[(【〔<《"):
        m = _LEADING.match(text)
        if m:
            found = m.group(1)
            text = text[m.end():]
    if "邮" in text:
        m = _LABELLED.search(text)
        if m:
            found = found or m.group(1)
            text = text[: m.start()] + text[m.end():]
    return text, found
