"""``zhichan ids check`` through a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}  # wide enough that the table does not truncate
    return subprocess.run(
        [sys.executable, "-m", "zhichan.cli", "ids", "check", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env=env,
    )


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_json_lines_all_valid() -> None:
    values = ["ZL 2012 2 0687633.0", "91310110666007217T", "CN 102345678 B", "500111000000"]
    p = _run("--json", *values)
    assert p.returncode == 0, p.stderr
    rows = _lines(p.stdout)
    assert [r["kind"] for r in rows] == [
        "application_number", "uscc", "publication_number", "region_code"
    ]
    for r in rows:
        assert {"input", "kind", "normalised", "valid", "reason", "warnings"} <= r.keys()
        assert r["valid"] is True and r["reason"] is None
    app, uscc, pub, region = rows
    assert app["input"] == "ZL 2012 2 0687633.0"
    assert app["normalised"] == "201220687633.0"
    assert (app["patent_type"], app["pct"], app["year"], app["check_char"]) == (
        "utility_model", False, 2012, "0"
    )
    assert uscc["region_code"] == "310110" and uscc["org_type"] == "企业"
    assert pub["normalised"] == "CN102345678B" and pub["kind_code"] == "B"
    assert region["normalised"] == "500111" and region["level"] == "county"


def test_invalid_value_exits_1_with_reason() -> None:
    p = _run("--json", "201220687633.0", "201220687633.5")
    assert p.returncode == 1
    ok, bad = _lines(p.stdout)
    assert ok["valid"] is True
    assert bad["valid"] is False and bad["normalised"] is None
    assert bad["reason"] == "校验位错误 check character mismatch: expected 0, found 5"


def test_stdin_and_forced_kind() -> None:
    stdin = "201220687633\n\n２０１２２０６８７６３３．０\n"
    p = _run("--json", "--kind", "application_number", stdin=stdin)
    assert p.returncode == 0, p.stderr
    rows = _lines(p.stdout)
    assert len(rows) == 2
    assert rows[0]["warnings"][0].startswith("check-missing")
    assert {r["normalised"] for r in rows} == {"201220687633.0"}


def test_uscc_pilot_warning_is_still_valid() -> None:
    p = _run("--json", "91310110666007217X")
    assert p.returncode == 0
    (row,) = _lines(p.stdout)
    assert row["valid"] is True and row["check_ok"] is False
    assert row["warnings"][0].startswith("uscc-check-mismatch")


def test_table_output() -> None:
    p = _run("201220687633.0", "hello")
    assert p.returncode == 1
    assert "专利申请号" in p.stdout and "201220687633.0" in p.stdout
    assert "未识别" in p.stdout


def test_unknown_kind_is_a_user_error() -> None:
    p = _run("--kind", "isbn", "123")
    assert p.returncode == 2
    assert "isbn" in p.stderr


def test_table_escapes_markup() -> None:
    p = _run("[red]x[/red]")
    assert p.returncode == 1
    assert "[red]x[/red]" in p.stdout
