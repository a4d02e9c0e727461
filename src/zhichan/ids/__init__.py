"""Identifiers: CN patent application and publication numbers, USCC, region codes, trademarks.

Each kind has ``parse_*`` (typed, frozen result; raises
:class:`zhichan.errors.InvalidIdentifierError` with a Chinese-first reason) and
``normalise_*`` (the canonical string or None, for bulk imports). :func:`check` detects the
kind and never raises on bad values. The parsers are plain functions over precompiled
regexes so that importers can call them on millions of rows.
"""

from __future__ import annotations

from zhichan.ids._application import (
    PATENT_TYPE_LABELS,
    ApplicationNumber,
    application_check_char,
    normalise_application_number,
    parse_application_number,
    verify_application_number,
)
from zhichan.ids._check import KIND_LABELS, KINDS, CheckResult, check, detect_kind
from zhichan.ids._publication import (
    KIND_CODE_TYPES,
    PublicationNumber,
    normalise_publication_number,
    parse_publication_number,
)
from zhichan.ids._region_code import (
    PROVINCE_PREFIXES,
    RegionCode,
    normalise_region_code,
    parse_region_code,
    region_code_level,
)
from zhichan.ids._text import compact, to_halfwidth
from zhichan.ids._trademark import (
    TrademarkNumber,
    normalise_trademark_number,
    parse_trademark_number,
)
from zhichan.ids._uscc import (
    USCC_AUTHORITIES,
    USCC_CHARSET,
    Uscc,
    normalise_uscc,
    org_code_check_char,
    parse_uscc,
    uscc_check_char,
)

__all__ = [
    # application numbers
    "ApplicationNumber",
    "PATENT_TYPE_LABELS",
    "application_check_char",
    "normalise_application_number",
    "parse_application_number",
    "verify_application_number",
    # publication numbers
    "KIND_CODE_TYPES",
    "PublicationNumber",
    "normalise_publication_number",
    "parse_publication_number",
    # unified social credit codes
    "USCC_AUTHORITIES",
    "USCC_CHARSET",
    "Uscc",
    "normalise_uscc",
    "org_code_check_char",
    "parse_uscc",
    "uscc_check_char",
    # region codes
    "PROVINCE_PREFIXES",
    "RegionCode",
    "normalise_region_code",
    "parse_region_code",
    "region_code_level",
    # trademark numbers
    "TrademarkNumber",
    "normalise_trademark_number",
    "parse_trademark_number",
    # any identifier
    "CheckResult",
    "KINDS",
    "KIND_LABELS",
    "check",
    "detect_kind",
    # text helpers
    "compact",
    "to_halfwidth",
]
