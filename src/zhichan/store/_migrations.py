"""Schema migrations: numbered SQL files applied in order, each recorded in ``schema_version``."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import resources

from zhichan.errors import SchemaError
from zhichan.store._database import Database

_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def available_migrations() -> list[Migration]:
    """The migrations shipped with this zhichan, by version."""
    folder = resources.files("zhichan.store").joinpath("migrations")
    out = []
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if m:
            out.append(Migration(int(m.group(1)), m.group(2), entry.read_text("utf-8")))
    out.sort(key=lambda m: m.version)
    versions = [m.version for m in out]
    if versions != list(range(1, len(out) + 1)):
        raise SchemaError("迁移文件编号不连续 migration files are not numbered 001, 002, …", found=str(versions))
    return out


LATEST_VERSION = len(available_migrations())


def schema_version(db: Database) -> int:
    """The version recorded in the database (0 for a new database)."""
    if "schema_version" not in db.tables():
        return 0
    return db.scalar("SELECT coalesce(max(version), 0) FROM schema_version")


def migrate(db: Database) -> list[Migration]:
    """Apply pending migrations, each in its own transaction; return what was applied."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL,"
        " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    current = schema_version(db)
    shipped = available_migrations()
    if current > len(shipped):
        raise SchemaError(
            "数据库的结构版本比本程序新 the database schema is newer than this zhichan",
            where=db.path,
            expected=f"≤ {len(shipped)}",
            found=str(current),
            fix="升级 zhichan 后再打开 (upgrade zhichan)",
        )
    applied = []
    for mig in shipped[current:]:
        with db.transaction():
            db.execute_script(_without_comments(mig.sql))
            db.execute("INSERT INTO schema_version (version, name, checksum) VALUES (?, ?, ?)",
                       [mig.version, mig.name, mig.checksum])
        applied.append(mig)
    return applied


def _without_comments(sql: str) -> str:
    return "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--")) + "\n"
