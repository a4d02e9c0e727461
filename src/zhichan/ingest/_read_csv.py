"""Streaming CSV/TSV reader: encoding and delimiter sniffing, header detection, cheap row checks."""

from __future__ import annotations

import csv
import io
import re
from itertools import chain
from pathlib import Path
from typing import Iterator

from ._issues import Issue, make_issue
from ._read_common import (
    FIELD_LIMIT,
    HEADER_SCAN_RECORD_CAP,
    SLOW_FIRST,
    DirectCsv,
    HeaderScore,
    RowGate,
    SourceRow,
    SourceTable,
    choose_header,
    clean_header,
    column_labels,
    duplicate_header_issues,
    empty_table,
    finish_headers,
    is_blank,
    open_guess,
    title_text,
)
from ._sniff import (
    DECODE_MARK,
    MARK_ERRORS,
    MARKS_MADE,
    SAMPLE_BYTES,
    EncodingGuess,
    sniff_delimiter,
)

# A runaway quote would otherwise swallow the rest of the file into one field; beyond this the csv
# module raises and the reader reports where it stopped.
CSV_FIELD_HARD_LIMIT = 16 << 20
if csv.field_size_limit() < CSV_FIELD_HARD_LIMIT:
    csv.field_size_limit(CSV_FIELD_HARD_LIMIT)

_JOIN = "\x00"
# On the fast path a row is joined once; this finds a cell starting with an injection character.
_SUSPECT = re.compile(f"{_JOIN}[-=+@]")


def read_csv(path: Path, file: str, *, header_score: HeaderScore | None,
             max_header_scan: int) -> list[SourceTable]:
    """One table for a delimited text file (issues instead of exceptions for broken files)."""
    guess, issues = open_guess(path, file)
    if guess is None:
        return issues
    truncated = path.stat().st_size > SAMPLE_BYTES
    delimiter = sniff_delimiter(guess.sample, truncated=truncated or len(guess.sample) >= 1 << 16)
    marks_before = MARKS_MADE[0]
    raw = open(path, "rb")
    try:
        text = io.TextIOWrapper(raw, encoding=guess.encoding, errors=MARK_ERRORS, newline="")
        reader = csv.reader(text, delimiter=delimiter)
        return [_open_table(path, file, guess, delimiter, text, reader, issues,
                            header_score, max_header_scan, marks_before)]
    except BaseException:
        raw.close()
        raise


def _open_table(path: Path, file: str, guess: EncodingGuess, delimiter: str, text: io.TextIOWrapper,
                reader: Iterator[list[str]], issues: list[Issue], header_score: HeaderScore | None,
                max_header_scan: int, marks_before: int) -> SourceTable:
    enc = guess.encoding
    # buffer the head: every record up to max_header_scan non-blank ones
    buffered: list[list[str]] = []
    scanned: list[list[str]] = []
    scanned_at: list[int] = []
    eof = False
    try:
        while len(scanned) < max_header_scan and len(buffered) < HEADER_SCAN_RECORD_CAP:
            rec = next(reader, None)
            if rec is None:
                eof = True
                break
            buffered.append(rec)
            if not is_blank(rec):
                scanned.append([clean_header(c) for c in rec])
                scanned_at.append(len(buffered) - 1)
    except (csv.Error, OSError, UnicodeError) as exc:
        text.close()
        issues.append(_unreadable(file, len(buffered) + 1, exc))
        return empty_table(file, None, issues, encoding=enc, delimiter=delimiter)
    if not scanned:
        text.close()
        issues.append(make_issue("file-empty", file=file))
        return empty_table(file, None, issues, encoding=enc, delimiter=delimiter)
    pick = choose_header(scanned, header_score)
    if pick is None:
        text.close()
        issues.append(make_issue("header-not-found", file=file, scanned=len(scanned)))
        return empty_table(file, None, issues, encoding=enc, delimiter=delimiter)
    at = scanned_at[pick]
    header_row = at + 1
    headers = finish_headers(scanned[pick])
    marked = next((c for c in buffered[at] if DECODE_MARK in c), None)
    if marked is not None:
        issues.append(make_issue("encoding-replaced", file=file, row=header_row, encoding=enc,
                                 value=marked.replace(DECODE_MARK, "\ufffd")))
    issues.extend(duplicate_header_issues(headers, file=file, sheet=None, row=header_row))
    rest = buffered[at + 1:]
    if eof and is_blank([c for rec in rest for c in rec]):
        issues.append(make_issue("file-empty", file=file))
    table = SourceTable(file, None, header_row, headers, enc, delimiter, iter(()), issues,
                        title=title_text(scanned[:pick]), _closer=text.close)
    labels = column_labels(headers, lambda i: f"第{i + 1}列")
    gate = RowGate(table, labels, short_is_ragged=True, extra_sep=delimiter,
                   encoding=enc)
    table.rows = _rows(table, gate, chain(rest, reader), header_row, text, marks_before)
    if (enc in ("utf-8", "utf-8-sig") and not guess.guessed and MARKS_MADE[0] == marks_before
            and len(buffered[at]) == len(headers)
            and not any("\n" in c or "\r" in c for rec in buffered[:at + 1] for c in rec)):
        # one line per record up to the header: the store can read the rows itself (_direct)
        fresh = RowGate(table, labels, short_is_ragged=True, extra_sep=delimiter, encoding=enc)
        table.direct = DirectCsv(str(path), delimiter, header_row, fresh, marks_before)
    return table


def _unreadable(file: str, record: int, exc: BaseException) -> Issue:
    return make_issue("file-unreadable", file=file, row=record,
                      reason=f"第 {record} 条记录附近 near record {record}: {exc}")


def _rows(table: SourceTable, gate: RowGate, records: Iterator[list[str]], header_row: int,
          text: io.TextIOWrapper, marks_before: int) -> Iterator[SourceRow]:
    """The hot loop: one join and one regex search per ordinary row, full checks otherwise.

    Rows are scanned for the undecodable-byte mark only once the decoder has made one.
    """
    n = gate.n
    recno = header_row
    slow_first = SLOW_FIRST
    suspect = _SUSPECT.search
    join = _JOIN.join
    limit = FIELD_LIMIT
    check = gate.check
    marks, mark = MARKS_MADE, DECODE_MARK
    try:
        for rec in records:
            recno += 1
            if len(rec) == n and rec[0] and rec[0][0] not in slow_first:
                joined = join(rec)
                if len(joined) <= limit and not suspect(joined) and (
                        marks[0] == marks_before or mark not in joined):
                    if gate.pending:
                        gate.flush()
                    table.rows_seen += 1
                    yield SourceRow(recno, rec)  # type: ignore[arg-type]
                    continue
            cells = check(recno, rec)  # type: ignore[arg-type]
            if cells is not None:
                yield SourceRow(recno, cells)
    except (csv.Error, OSError, UnicodeError) as exc:
        table.issues.append(_unreadable(table.file, recno + 1, exc))
    finally:
        text.close()
    gate.finish()
