"""Text clean-up shared by the identifier parsers: full-width to half-width, spaces, dashes."""

from __future__ import annotations

import re

__all__ = ["to_halfwidth", "compact"]


def _build_table() -> dict[int, int | None]:
    table: dict[int, int | None] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
    table[0x3000] = ord(" ")  # ideographic space
    # Dots seen between an application number and its check character in exports and OCR.
    table[0x3002] = ord(".")  # 。
    table[0xFF61] = ord(".")  # ｡ half-width ideographic full stop
    table[0x00B7] = ord(".")  # ·
    table[0x2022] = ord(".")  # •
    # Dash look-alikes: normalised to '-' so that one regex can drop them.
    for cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63):
        table[cp] = ord("-")
    # Zero-width characters and the BOM that spreadsheets leave behind.
    for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):
        table[cp] = None
    return table


_HALFWIDTH = _build_table()
_SPACES_DASHES = re.compile(r"[\s\-_]+")


def to_halfwidth(s: str) -> str:
    """Map full-width ASCII, the ideographic space and dot look-alikes to plain ASCII."""
    if s.isascii():
        return s
    return s.translate(_HALFWIDTH)


def compact(s: str) -> str:
    """Half-width, upper-case, with whitespace, dashes and underscores removed."""
    s = to_halfwidth(s)
    return _SPACES_DASHES.sub("", s).upper()
