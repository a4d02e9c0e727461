"""Content sniffing for input files: container kind, text encoding and CSV delimiter.

Everything here looks at a bounded sample of the file (``SAMPLE_BYTES``), never at the whole.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

SAMPLE_BYTES = 1 << 20          # bytes read to decide the encoding
ASCII_SCAN_LIMIT = 64 << 20     # an ASCII-only head: look this far for the first non-ASCII byte
DELIMITER_SAMPLE_CHARS = 64 << 10
DELIMITERS = (",", "\t", ";", "|")

# Undecodable bytes become this noncharacter while streaming, so a row that *got* a replacement is
# told apart from a row whose raw text already contained U+FFFD; readers swap it for U+FFFD.
DECODE_MARK = "\ufdd0"
MARK_ERRORS = "zhichan-mark"
# Bumped on every replacement (any file): a reader whose count moved checks rows for the mark;
# untouched files never pay for that check.
MARKS_MADE = [0]


def _mark_errors(exc: UnicodeError) -> tuple[str, int]:
    if isinstance(exc, UnicodeDecodeError):
        MARKS_MADE[0] += 1
        return DECODE_MARK, exc.end
    raise exc


try:
    codecs.lookup_error(MARK_ERRORS)
except LookupError:
    codecs.register_error(MARK_ERRORS, _mark_errors)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),   # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab/LF/CR/FF/VT/ESC: neither UTF-8 nor GB18030 text contains them
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True, slots=True)
class EncodingGuess:
    """The codec to stream a text file with; ``guessed`` means no BOM or valid UTF-8 proved it."""

    encoding: str
    guessed: bool
    sample: str            # decoded head of the file (for delimiter / kind sniffing)


def sniff_kind(path: Path) -> str:
    """'xlsx', 'xls' (OLE2: legacy or encrypted), 'html', 'jsonl', 'json', 'empty' or 'text'."""
    with open(path, "rb") as f:
        head = f.read(4096)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "xlsx"
    if head.startswith(OLE2_MAGIC):
        return "xls"
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        return "empty" if not _has_more_than_whitespace(path) else "text"
    low = _decode_head(head).lstrip("\ufeff \t\r\n").lower()
    if low.startswith(("<!doctype html", "<html", "<table", "<?xml")) or (
            low.startswith("<") and ("<table" in low or "urn:schemas-microsoft-com:office" in low)):
        return "html"
    if path.suffix.lower() in (".jsonl", ".ndjson") or low.startswith("{"):
        return "jsonl"
    if low.startswith("["):
        return "json"
    return "text"


def _decode_head(head: bytes) -> str:
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return head.decode(enc, errors="replace")
    if head.count(0) > len(head) // 4:
        return head.decode(_utf16_without_bom(head) or "latin-1", errors="replace")
    return head.decode("utf-8", errors="replace")


def _has_more_than_whitespace(path: Path) -> bool:
    with open(path, "rb") as f:
        while chunk := f.read(1 << 16):
            if chunk.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
                return True
    return False


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 without BOM shows NULs in every other byte for ASCII/Latin text."""
    even, odd = sample[0::2], sample[1::2]
    if not even or not odd:
        return None
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _count_decode_errors(data: bytes, encoding: str, final: bool) -> tuple[int, int]:
    """(replacement events, non-ASCII characters decoded fine) for ``data`` under ``encoding``."""
    text = codecs.getincrementaldecoder(encoding)(errors=MARK_ERRORS).decode(data, final)
    bad = text.count(DECODE_MARK)
    return bad, len(text) - len(text.encode("ascii", "ignore")) - bad


def detect_encoding(path: Path) -> EncodingGuess | str:
    """Pick the codec for a text file, or return a reason string when it looks binary."""
    with open(path, "rb") as f:
        head = f.read(SAMPLE_BYTES)
        whole = len(head) < SAMPLE_BYTES
        for bom, enc in _BOMS:
            if head.startswith(bom):
                return EncodingGuess(enc, False, _sample_text(head, enc, whole))
        utf16 = _utf16_without_bom(head[:65536])
        if utf16:
            return EncodingGuess(utf16, True, _sample_text(head, utf16, whole))
        probe = head[:65536]
        if len(probe) - len(probe.translate(None, _CONTROL_BYTES)) > 0.01 * len(probe):
            return "二进制文件，不是文本表格 binary content, not a text table"
        probe, probe_whole = head, whole
        if head.isascii() and not whole:
            # the first non-ASCII byte decides; start the probe at a line break so no char is cut
            probe, probe_whole = _first_non_ascii_window(f, head)
    if probe.isascii():
        return EncodingGuess("utf-8", False, _sample_text(head, "utf-8", whole))
    bad, good = _count_decode_errors(probe, "utf-8", probe_whole)
    if bad == 0 or good >= 4 * bad:
        # a few broken bytes in otherwise valid UTF-8: keep UTF-8, rows get encoding-replaced
        return EncodingGuess("utf-8", False, _sample_text(head, "utf-8", whole))
    return EncodingGuess("gb18030", True, _sample_text(head, "gb18030", whole))


def _first_non_ascii_window(f: io.BufferedIOBase, head: bytes) -> tuple[bytes, bool]:
    """Bytes from the line holding the first non-ASCII byte, and whether that is all there is."""
    read = len(head)
    while read < ASCII_SCAN_LIMIT:
        chunk = f.read(SAMPLE_BYTES)
        if not chunk:
            return b"", True
        read += len(chunk)
        if not chunk.isascii():
            first = next(i for i, b in enumerate(chunk) if b > 127)
            start = chunk.rfind(b"\n", 0, first) + 1
            rest = chunk[start:] + f.read(SAMPLE_BYTES // 2)
            return rest, len(rest) < SAMPLE_BYTES // 2
    return b"", True


def _sample_text(head: bytes, encoding: str, whole: bool) -> str:
    dec = codecs.getincrementaldecoder(encoding)(errors=MARK_ERRORS)
    cut = DELIMITER_SAMPLE_CHARS * 4
    return dec.decode(head[:cut], whole and len(head) <= cut)


def sniff_delimiter(sample: str, truncated: bool = True) -> str:
    """The candidate delimiter that splits the sample's records most consistently into >1 fields.

    csv.Sniffer guesses badly on Chinese text, so each candidate is tried with the csv module
    (quotes respected) and scored by how many records share the most common field count.
    """
    sample = sample[:DELIMITER_SAMPLE_CHARS]
    best, best_key = ",", (0.0, 0)
    for rank, delim in enumerate(DELIMITERS):
        try:
            records = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delim))
        except csv.Error:
            continue
        if truncated and len(records) > 1:
            records = records[:-1]          # the sample may end inside the last record
        counts = [len(r) for r in records[:200] if any(c.strip() for c in r)]
        if not counts:
            continue
        mode = max(set(counts), key=lambda c: (counts.count(c), c))
        if mode <= 1:
            continue
        share = counts.count(mode) / len(counts)
        key = (round(share, 1), mode)
        if key > best_key:
            best, best_key = delim, key
    return best
