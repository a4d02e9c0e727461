"""``zhichan regions`` through a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "zhichan.cli", "regions", *args],
        input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=60, env=env,
    )


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_resolve_json_arguments() -> None:
    p = _run("resolve", "--json", "江苏省南京市鼓楼区汉口路22号", "江苏省鼓楼区", "日本东京都")
    assert p.returncode == 0, p.stderr
    rows = _lines(p.stdout)
    assert [r["code"] for r in rows] == ["320106", "320000", None]
    for r in rows:
        assert {"input", "code", "name", "level", "confidence", "domestic", "reason"} <= set(r)
    assert rows[0]["level"] == "county" and rows[0]["domestic"] is True
    assert rows[2]["domestic"] is False


def test_resolve_stdin_and_hint() -> None:
    p = _run("resolve", "--json", "--hint", "220000", stdin="朝阳区\n\n深圳南山\n")
    assert p.returncode == 0, p.stderr
    assert [r["code"] for r in _lines(p.stdout)] == ["220104", "440305"]


def test_resolve_table() -> None:
    p = _run("resolve", "深圳市南山区科技园")
    assert p.returncode == 0, p.stderr
    assert "440305" in p.stdout and "代码" in p.stdout


def test_show_and_current_code() -> None:
    p = _run("show", "310103")
    assert p.returncode == 0, p.stderr
    assert "卢湾区" in p.stdout and "310101" in p.stdout
    p = _run("show", "--json", "320100")
    row = _lines(p.stdout)[0]
    assert row["children"] > 5 and row["path"][0]["code"] == "320000"
    p = _run("current-code", "--json", "371200")
    assert _lines(p.stdout)[0]["code"] == "370116"
    p = _run("current-code", "--json", "371200", "--at", "2010-06-01")
    assert _lines(p.stdout)[0]["code"] == "371200"


def test_bad_codes_exit_2() -> None:
    assert _run("show", "12").returncode == 2
    assert _run("show", "999999").returncode == 2
    assert _run("resolve", "--hint", "abc", "北京").returncode == 2
