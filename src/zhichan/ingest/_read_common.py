"""Shared parts of the readers: row and table records, header detection and per-row checks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

from ._issues import Issue, make_issue
from ._sniff import DECODE_MARK

FIELD_LIMIT = 32_767            # Excel's cell limit; longer fields are truncated and reported
HEADER_MIN_SHARE = 0.6          # a header row fills at least this share of the widest scanned row
HEADER_SCAN_RECORD_CAP = 10_000  # blank rows do not count towards max_header_scan; this bounds them

HeaderScore = Callable[[list[str]], float]


@dataclass(slots=True)
class SourceRow:
    """One data row: ``row`` is the number the user sees (Excel row / CSV record number)."""

    row: int
    cells: list[str | None]


@dataclass(slots=True, eq=False)
class DirectCsv:
    """What loading a CSV table's rows directly in the store needs (see ``_direct``): set by the
    CSV reader when the head of the file allows it (UTF-8, one line per record up to the header,
    no trailing empty header cells); ``gate`` is a fresh row checker for the rows it sends back."""

    path: str
    delimiter: str
    header_row: int
    gate: RowGate
    marks_before: int
    loaded: int | None = None      # rows in the store's raw table once the load succeeded


@dataclass(slots=True, eq=False)
class SourceTable:
    """One table of one file (a CSV/JSONL file or an XLSX sheet); ``rows`` streams lazily.

    ``issues`` and ``rows_seen`` grow while ``rows`` is iterated. ``header_row`` is 0 when the file
    has no header line (JSON Lines) or none was found. ``title`` holds the text of the rows above
    the header.
    """

    file: str
    sheet: str | None
    header_row: int
    headers: list[str]
    encoding: str | None
    delimiter: str | None
    rows: Iterator[SourceRow]
    issues: list[Issue]
    rows_seen: int = 0
    # text of the title rows above the header (e.g. "2023年各区县专利统计"), which name a
    # yearbook table's year or metric
    title: str = ""
    direct: DirectCsv | None = field(default=None, repr=False)
    _closer: Callable[[], None] | None = field(default=None, repr=False)

    def close(self) -> None:
        """Stop iterating and release the file handle early (also done at the end of ``rows``)."""
        close = getattr(self.rows, "close", None)
        if close is not None:
            close()
        if self._closer is not None:
            self._closer()
            self._closer = None


def title_text(rows_above: Sequence[list[str]]) -> str:
    """The non-empty cells of the rows above the header, in order, as one line."""
    return " ".join(c.strip() for row in rows_above for c in row if c and c.strip())


def empty_table(file: str, sheet: str | None, issues: list[Issue], *, encoding: str | None = None,
                delimiter: str | None = None, headers: list[str] | None = None,
                header_row: int = 0) -> SourceTable:
    """A table without rows, carrying the issues that explain why."""
    return SourceTable(file, sheet, header_row, headers or [], encoding, delimiter, iter(()),
                       issues)


# -- headers --------------------------------------------------------------------------------------
_WS = re.compile(r"\s+")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f"
_CJK_GAP = re.compile(f"(?<=[{_CJK}]) | (?=[{_CJK}])")


def clean_header(text: object) -> str:
    """Header text as matched by profiles: no BOM / zero-width chars, whitespace collapsed.

    Whitespace (incl. full-width spaces and line breaks inside the cell) collapses to one space,
    and a space next to a CJK character is dropped: "申请\\n日期" and "申 请 号" mean 申请日期 / 申请号.
    """
    if text is None:
        return ""
    s = str(text).replace("\ufeff", "").replace("\u200b", "").replace(DECODE_MARK, "\ufffd")
    s = _WS.sub(" ", s).strip()
    if " " in s:
        s = _CJK_GAP.sub("", s)
    return s


def choose_header(scanned: Sequence[list[str]], header_score: HeaderScore | None) -> int | None:
    """Index of the header among the scanned (cleaned, non-blank) rows, or None.

    With a scorer the best positive score wins (first on ties). Without one: the first row filling
    ≥ 60 % of the widest row whose cells are mostly text; else the first such wide row with any
    text (year columns like 2019/2020 in yearbooks).
    """
    if header_score is not None:
        best_i, best = None, 0.0
        for i, cells in enumerate(scanned):
            score = header_score(cells)
            if score > best:
                best_i, best = i, score
        return best_i
    counts = [sum(1 for c in cells if c) for cells in scanned]
    widest = max(counts, default=0)
    fallback = None
    for i, cells in enumerate(scanned):
        filled = counts[i]
        if filled == 0 or filled < HEADER_MIN_SHARE * widest:
            continue
        text = sum(1 for c in cells if c and any(ch.isalpha() for ch in c))
        if text * 2 > filled:
            return i
        if fallback is None and text:
            fallback = i
    return fallback


def finish_headers(cells: list[str]) -> list[str]:
    """Drop trailing empty header cells (trailing delimiters, styled empty Excel columns)."""
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


def duplicate_header_issues(headers: list[str], *, file: str, sheet: str | None,
                            row: int) -> list[Issue]:
    seen: set[str] = set()
    reported: set[str] = set()
    out = []
    for name in headers:
        if name and name in seen and name not in reported:
            reported.add(name)
            out.append(make_issue("duplicate-header", file=file, sheet=sheet, row=row, column=name))
        seen.add(name)
    return out


# -- rows -----------------------------------------------------------------------------------------
_TOTALS = re.compile(r"(?:合计|总计|小计|共计|总合计|全部合计|累计)(?:[:：(（].*)?"
                     r"|(?:grand ?)?total[s]?:?|sub-?total:?|sum:?", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
# Plain signed numbers and dash placeholders start with - or + but are no formula.
_BENIGN = re.compile(r"\s*(?:[-+]\s*(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?%?|[-\u2014]+)\s*")
INJECTION_FIRST = frozenset("=+-@")
# First characters that send a CSV row to the full checks (blank? totals? injection? mark?).
SLOW_FIRST = frozenset(" \t\r\n\u3000\xa0=+-@合总小共累TtSsGg" + DECODE_MARK)


def is_blank(cells: Sequence[str | None]) -> bool:
    return not any(c and not c.isspace() for c in cells)


def is_totals(cells: Sequence[str | None]) -> bool:
    """The first non-empty cell says 合计 / 总计 / 小计 / 共计 / Total …"""
    for c in cells:
        if c and not c.isspace():
            return bool(_TOTALS.fullmatch(_SPACE.sub("", c)))
    return False


def is_injection(cell: str) -> bool:
    return cell[0] in INJECTION_FIRST and not _BENIGN.fullmatch(cell)


class RowGate:
    """Full per-row checks and bookkeeping shared by the readers.

    Blank rows are held back and reported only when more content follows, so trailing empty
    lines / styled empty Excel rows at the end are ignored silently.
    """

    def __init__(self, table: SourceTable, labels: list[str], *, short_is_ragged: bool,
                 extra_sep: str, encoding: str | None = None) -> None:
        self.table = table
        self.issues = table.issues
        self.labels = labels
        self.n = len(labels)
        self.short_is_ragged = short_is_ragged
        self.extra_sep = extra_sep
        self.encoding = encoding
        self.pending: list[int] = []
        self.skipped = 0

    def _issue(self, code: str, row: int, **kw: object) -> None:
        t = self.table
        self.issues.append(make_issue(code, file=t.file, sheet=t.sheet, row=row, **kw))

    def flush(self) -> None:
        for r in self.pending:
            self._issue("blank-row", r)
        self.table.rows_seen += len(self.pending)
        self.skipped += len(self.pending)
        self.pending.clear()

    def check(self, row: int, cells: list[str | None]) -> list[str | None] | None:
        """Checked, padded/truncated cells of a row, or None when the row is skipped."""
        if is_blank(cells):
            self.pending.append(row)
            return None
        if self.pending:
            self.flush()
        self.table.rows_seen += 1
        if is_totals(cells):
            self.skipped += 1
            self._issue("totals-row", row, value=next(c for c in cells if c and not c.isspace()))
            return None
        if self.encoding is not None:
            self._unmark(row, cells)
        n = self.n
        if len(cells) != n:
            cells = self._fit(row, cells)
        for i, c in enumerate(cells):
            if not c:
                continue
            if len(c) > FIELD_LIMIT:
                self._issue("field-too-long", row, column=self.labels[i], value=c,
                            length=len(c), limit=FIELD_LIMIT)
                cells[i] = c = c[:FIELD_LIMIT]
            if c[0] in INJECTION_FIRST and is_injection(c):
                self._issue("csv-injection", row, column=self.labels[i], value=c)
        return cells

    def _unmark(self, row: int, cells: list[str | None]) -> None:
        first = None
        for i, c in enumerate(cells):
            if c and DECODE_MARK in c:
                cells[i] = c.replace(DECODE_MARK, "\ufffd")
                if first is None:
                    first = i
        if first is not None:
            self._issue("encoding-replaced", row, encoding=self.encoding,
                        column=self.labels[first] if first < self.n else None, value=cells[first])

    def _fit(self, row: int, cells: list[str | None]) -> list[str | None]:
        n = self.n
        if len(cells) < n:
            if self.short_is_ragged:
                self._issue("ragged-row", row, found=len(cells), expected=n)
            return cells + [None] * (n - len(cells))
        extra = cells[n:]
        if not is_blank(extra):
            # nothing may be lost silently: the extra text goes into the issue
            sep = self.extra_sep
            shown = sep.join("" if c is None else c for c in extra).rstrip(sep)
            self._issue("ragged-row", row, found=len(cells), expected=n, value=shown)
        return cells[:n]

    def finish(self) -> None:
        """End of rows: a table that yielded no data row is reported empty."""
        if self.table.rows_seen - self.skipped == 0 and not any(
                i.code == "file-empty" for i in self.issues):
            self._issue("file-empty", None)  # type: ignore[arg-type]


def column_labels(headers: list[str], fallback: Callable[[int], str]) -> list[str]:
    """Names for issues: the header text, else a positional name."""
    return [h or fallback(i) for i, h in enumerate(headers)]


def open_guess(path, file: str):
    """The encoding guess of a text file and its first issues, or a finished unreadable table."""
    from ._sniff import detect_encoding  # local: _sniff imports nothing of ours, keep it that way

    guess = detect_encoding(path)
    if isinstance(guess, str):
        return None, [empty_table(file, None, [make_issue("file-unreadable", file=file, reason=guess)])]
    issues: list[Issue] = []
    if guess.guessed:
        issues.append(make_issue("encoding-guessed", file=file, encoding=guess.encoding))
    return guess, issues
