"""JSON Lines reader: one object per line, keys become columns, values become text."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, Iterator

from ._issues import make_issue, register
from ._read_common import (
    RowGate,
    SourceRow,
    SourceTable,
    clean_header,
    column_labels,
    duplicate_header_issues,
    empty_table,
    open_guess,
)
from ._sniff import MARK_ERRORS

JSONL_KEY_SCAN = 1000   # header = union of the keys of the first this-many objects

register("jsonl-bad-line", "error", "JSON 行无法解析",
         "第 {row} 行不是合法的 JSON 对象，已跳过：{reason} (bad JSON line skipped)",
         "检查该行的引号、逗号和括号；每行必须是一个完整的 JSON 对象 (one JSON object per line)")
register("jsonl-new-key", "warning", "表头外的键",
         "第 {row} 行出现前面各行没有的键 “{column}”，其值未导入 (key not in the header: value not imported)",
         "让所有行使用相同的键，或把该键加入文件开头的记录中 (use the same keys on every line)")


class _Num(str):
    """A JSON number kept as its source text (no 1.50 → 1.5, no big-int float rounding)."""


def _parse(line: str) -> Any:
    return json.loads(line, parse_int=_Num, parse_float=_Num, parse_constant=_Num)


def render(value: Any) -> str | None:
    """Cell text of a JSON value: strings as is, numbers as written, nested values as JSON."""
    if value is None:
        return None
    if isinstance(value, str):
        return str(value) if isinstance(value, _Num) else value
    if value is True:
        return "TRUE"
    if value is False:
        return "FALSE"
    return _dump(value)


def _dump(value: Any) -> str:
    if isinstance(value, _Num):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {_dump(v)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_dump(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def read_jsonl(path: Path, file: str) -> list[SourceTable]:
    """One table for a JSON Lines file; bad lines are reported and skipped."""
    guess, issues = open_guess(path, file)
    if guess is None:
        return issues
    text = io.TextIOWrapper(open(path, "rb"), encoding=guess.encoding, errors=MARK_ERRORS)
    head: list[tuple[int, str]] = []
    keys: dict[str, int] = {}
    objects = 0
    lines = enumerate(text, 1)
    try:
        for lineno, line in lines:
            head.append((lineno, line))
            if not line.strip():
                continue
            try:
                obj = _parse(line)
            except ValueError:
                continue                      # reported when streamed
            if isinstance(obj, dict):
                objects += 1
                for k in obj:
                    keys.setdefault(k, len(keys))
            if objects >= JSONL_KEY_SCAN:
                break
    except (OSError, UnicodeError) as exc:
        text.close()
        issues.append(make_issue("file-unreadable", file=file, reason=str(exc)))
        return [empty_table(file, None, issues, encoding=guess.encoding)]
    headers = [clean_header(k) for k in keys]
    issues.extend(duplicate_header_issues(headers, file=file, sheet=None, row=0))
    table = SourceTable(file, None, 0, headers, guess.encoding, None, iter(()), issues,
                        _closer=text.close)
    gate = RowGate(table, column_labels(headers, lambda i: f"#{i + 1}"), short_is_ragged=False,
                   extra_sep=" | ", encoding=guess.encoding)
    table.rows = _rows(table, gate, keys, head, lines, text)
    return [table]


def _rows(table: SourceTable, gate: RowGate, keys: dict[str, int], head: list[tuple[int, str]],
          lines: Iterator[tuple[int, str]], text: io.TextIOWrapper) -> Iterator[SourceRow]:
    n = len(keys)
    issues = table.issues
    try:
        for lineno, line in _chain(head, lines):
            if not line.strip():
                gate.pending.append(lineno)
                continue
            try:
                obj = _parse(line)
                if not isinstance(obj, dict):
                    raise ValueError(f"不是对象 not an object but {type(obj).__name__}")
            except ValueError as exc:
                if gate.pending:
                    gate.flush()
                table.rows_seen += 1
                gate.skipped += 1
                issues.append(make_issue("jsonl-bad-line", file=table.file, row=lineno,
                                         value=line.strip(), reason=str(exc)))
                continue
            cells: list[str | None] = [None] * n
            for k, v in obj.items():
                i = keys.get(k)
                if i is None:
                    issues.append(make_issue("jsonl-new-key", file=table.file, row=lineno,
                                             column=k, value=render(v)))
                else:
                    cells[i] = render(v)
            checked = gate.check(lineno, cells)
            if checked is not None:
                yield SourceRow(lineno, checked)
    except (OSError, UnicodeError) as exc:
        issues.append(make_issue("file-unreadable", file=table.file, reason=str(exc)))
    finally:
        text.close()
    gate.finish()


def _chain(head: list[tuple[int, str]],
           rest: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    yield from head
    yield from rest
