"""Workspace: one folder = config (zhichan.toml) + database (zhichan.duckdb) + outputs/."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from zhichan.errors import WorkspaceError
from zhichan.store import LATEST_VERSION, Database, open_database, schema_version

__all__ = ["Workspace", "WorkspaceConfig", "init_workspace", "open_workspace", "resolve_workspace_dir"]

CONFIG_NAME = "zhichan.toml"
ENV_VAR = "ZHICHAN_WORKSPACE"
DEFAULT_DB = "zhichan.duckdb"


@dataclass(frozen=True)
class WorkspaceConfig:
    """What zhichan.toml holds."""

    name: str
    region: str | None = None
    engine: str = "duckdb"
    database: str = DEFAULT_DB
    created: str = field(default_factory=lambda: dt.date.today().isoformat())
    attribution_rule: str = "first_owner_address"

    def to_toml(self) -> str:
        region = f'"{self.region}"' if self.region else '""'
        return (
            "# zhichan 工作区配置 workspace configuration\n"
            "[workspace]\n"
            f'name = "{_escape(self.name)}"\n'
            f"region = {region}  # 本地区行政区划代码 home region (GB/T 2260)\n"
            f'created = "{self.created}"\n\n'
            "[database]\n"
            f'engine = "{self.engine}"\n'
            f'path = "{_escape(self.database)}"\n\n'
            "[indicators]\n"
            f'attribution_rule = "{self.attribution_rule}"  # 地区归属规则 region attribution rule\n'
        )


def _escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')


class Workspace:
    """An opened workspace; ``db`` is its migrated database."""

    def __init__(self, root: Path, config: WorkspaceConfig, db: Database) -> None:
        self.root = root
        self.config = config
        self.db = db

    @property
    def outputs(self) -> Path:
        path = self.root / "outputs"
        path.mkdir(exist_ok=True)
        return path

    def status(self) -> dict:
        """Schema version and row counts of the canonical tables."""
        counts = {t: self.db.scalar(f"SELECT count(*) FROM {t}") for t in self.db.tables()
                  if t not in ("schema_version", "meta")}
        return {
            "workspace": str(self.root),
            "name": self.config.name,
            "region": self.config.region,
            "database": str(self.root / self.config.database),
            "schema_version": schema_version(self.db),
            "latest_schema_version": LATEST_VERSION,
            "tables": counts,
        }

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def resolve_workspace_dir(option: str | Path | None = None) -> Path:
    """The workspace folder: the option, else $ZHICHAN_WORKSPACE, else the current folder."""
    if option:
        return Path(option).expanduser().resolve()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser().resolve()
    return Path.cwd().resolve()


def read_config(root: Path) -> WorkspaceConfig:
    path = root / CONFIG_NAME
    if not path.is_file():
        raise WorkspaceError(
            f"不是 zhichan 工作区 not a zhichan workspace: {root}",
            where=str(root),
            expected=f"目录中有 {CONFIG_NAME} (a folder holding {CONFIG_NAME})",
            found="没有配置文件 no config file",
            fix=f"先运行 zhichan init {root}，或用 --workspace / ${ENV_VAR} 指定工作区",
        )
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise WorkspaceError(
            f"工作区配置文件无法解析 cannot parse {CONFIG_NAME}",
            where=str(path),
            expected="TOML",
            found=str(exc),
            fix="修正该文件的语法，或删除后重新 zhichan init",
        ) from exc
    ws, dbc = data.get("workspace", {}), data.get("database", {})
    engine = dbc.get("engine", "duckdb")
    if engine != "duckdb":
        raise WorkspaceError(
            f"不支持的数据库引擎 unsupported engine: {engine}",
            where=f"{path} [database] engine",
            expected="duckdb",
            found=engine,
            fix='将 engine 设为 "duckdb"',
        )
    return WorkspaceConfig(
        name=ws.get("name") or root.name,
        region=ws.get("region") or None,
        engine=engine,
        database=dbc.get("path", DEFAULT_DB),
        created=ws.get("created", ""),
        attribution_rule=data.get("indicators", {}).get("attribution_rule", "first_owner_address"),
    )


def init_workspace(root: str | Path, *, name: str | None = None, region: str | None = None) -> Workspace:
    """Create a workspace folder (config, database with the current schema, outputs/)."""
    root = Path(root).expanduser().resolve()
    if (root / CONFIG_NAME).exists():
        raise WorkspaceError(
            f"工作区已存在 a workspace already exists here: {root}",
            where=str(root / CONFIG_NAME),
            fix="直接使用它（--workspace），或换一个目录 (use it, or choose another folder)",
        )
    if region is not None:
        from zhichan.reference import regions

        regions.get(region)  # unknown codes raise a ReferenceDataError with a fix
        region = regions.get(region).code
    root.mkdir(parents=True, exist_ok=True)
    config = WorkspaceConfig(name=name or root.name, region=region)
    (root / CONFIG_NAME).write_text(config.to_toml(), encoding="utf-8")
    (root / "outputs").mkdir(exist_ok=True)
    return Workspace(root, config, open_database(root / config.database))


def open_workspace(root: str | Path | None = None, *, read_only: bool = False) -> Workspace:
    """Open an existing workspace, applying pending schema migrations."""
    path = resolve_workspace_dir(root)
    config = read_config(path)
    return Workspace(path, config, open_database(path / config.database, read_only=read_only))
