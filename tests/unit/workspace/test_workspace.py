"""Workspaces: init creates config + migrated database; open finds the folder from option, env, cwd."""

from __future__ import annotations

import tomllib

import pytest

from zhichan.errors import ReferenceDataError, WorkspaceError
from zhichan.store import LATEST_VERSION
from zhichan.workspace import init_workspace, open_workspace, resolve_workspace_dir


def test_init_creates_config_database_and_outputs(tmp_path):
    root = tmp_path / "ws"
    with init_workspace(root, name="大足区知识产权局", region="500111000000") as ws:
        st = ws.status()
    cfg = tomllib.loads((root / "zhichan.toml").read_text("utf-8"))
    assert cfg["workspace"] == {"name": "大足区知识产权局", "region": "500111", "created": cfg["workspace"]["created"]}
    assert cfg["database"]["engine"] == "duckdb"
    assert (root / "zhichan.duckdb").is_file() and (root / "outputs").is_dir()
    assert st["schema_version"] == LATEST_VERSION
    assert st["tables"]["region"] > 40_000 and st["tables"]["ip_right"] == 0


def test_init_refuses_existing_workspace_and_unknown_region(tmp_path):
    init_workspace(tmp_path / "a").close()
    with pytest.raises(WorkspaceError):
        init_workspace(tmp_path / "a")
    with pytest.raises(ReferenceDataError):
        init_workspace(tmp_path / "b", region="999999")
    assert not (tmp_path / "b").exists()


def test_open_resolves_option_then_env_then_cwd(tmp_path, monkeypatch):
    init_workspace(tmp_path / "ws").close()
    monkeypatch.setenv("ZHICHAN_WORKSPACE", str(tmp_path / "ws"))
    assert resolve_workspace_dir(None) == (tmp_path / "ws").resolve()
    assert resolve_workspace_dir(tmp_path / "other") == (tmp_path / "other").resolve()
    with open_workspace() as ws:
        assert ws.config.name == "ws"
    monkeypatch.delenv("ZHICHAN_WORKSPACE")
    monkeypatch.chdir(tmp_path / "ws")
    assert resolve_workspace_dir(None) == (tmp_path / "ws").resolve()


def test_open_non_workspace_says_how_to_fix(tmp_path):
    with pytest.raises(WorkspaceError) as info:
        open_workspace(tmp_path)
    assert "zhichan init" in info.value.fix


def test_broken_config_reported_with_location(tmp_path):
    init_workspace(tmp_path / "ws").close()
    (tmp_path / "ws" / "zhichan.toml").write_text("[workspace\nname=", encoding="utf-8")
    with pytest.raises(WorkspaceError) as info:
        open_workspace(tmp_path / "ws")
    assert info.value.where.endswith("zhichan.toml")
