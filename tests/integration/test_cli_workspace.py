"""`zhichan init` and `zhichan status` through a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration


def zhichan(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "zhichan.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **(env or {})}, timeout=120)


def test_init_then_status_json(tmp_path):
    ws = tmp_path / "ws"
    r = zhichan("init", str(ws), "--region", "500111")
    assert r.returncode == 0, r.stderr
    assert "已创建工作区" in r.stdout
    r = zhichan("status", "--workspace", str(ws), "--json")
    st = json.loads(r.stdout)
    assert st["region"] == "500111" and st["schema_version"] >= 1
    assert st["tables"]["region_change"] > 5000
    # the environment variable stands in for --workspace
    r = zhichan("status", "--json", env={"ZHICHAN_WORKSPACE": str(ws)})
    assert json.loads(r.stdout)["workspace"] == str(ws.resolve())


def test_status_outside_workspace_is_a_clear_user_error(tmp_path):
    r = zhichan("status", cwd=tmp_path, env={"ZHICHAN_WORKSPACE": ""})
    assert r.returncode == 2
    assert "不是 zhichan 工作区" in r.stderr and "zhichan init" in r.stderr
