"""Copy the packaged reference data into a workspace database (region, classification …).

The copy is refreshed whenever the packaged files change: their digest is kept in ``meta``.
"""

from __future__ import annotations

import hashlib
from contextlib import ExitStack
from importlib import resources

from zhichan.store._database import Database

_REGION_FILES = ("regions.csv", "region_changes.csv", "townships.csv.gz")


def _data(name: str):
    return resources.files("zhichan.reference").joinpath("data").joinpath(name)


def reference_digest() -> str:
    """A digest of every packaged reference file (changes when the package's data changes)."""
    h = hashlib.sha256()
    folder = resources.files("zhichan.reference").joinpath("data")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file():
            h.update(entry.name.encode())
            h.update(entry.read_bytes())
    return h.hexdigest()


def sync_reference(db: Database, *, force: bool = False) -> bool:
    """Load or refresh the reference tables; returns True when it (re)loaded them."""
    digest = reference_digest()
    if not force and db.scalar("SELECT value FROM meta WHERE key = 'reference_digest'") == digest:
        return False
    with db.transaction(), ExitStack() as stack:
        paths = {n: stack.enter_context(resources.as_file(_data(n))) for n in _REGION_FILES}
        for table in ("region", "region_change", "classification", "concordance"):
            db.execute(f"DELETE FROM {table}")
        db.load_csv(
            "region", ["code", "vintage", "name", "level", "parent_code", "valid_from", "valid_to"],
            paths["regions.csv"],
            select="code, row_number() OVER (PARTITION BY code ORDER BY coalesce(valid_to, '9999'), name),"
                   " name, level, nullif(parent_code, ''), nullif(valid_from, '')::INTEGER,"
                   " nullif(valid_to, '')::INTEGER",
        )
        # the nation, for national totals in statistics tables (全国)
        db.execute("INSERT INTO region (code, vintage, name, level) VALUES ('000000', 1, '全国', 'country')")
        db.load_csv(
            "region", ["code", "vintage", "name", "level", "parent_code"], paths["townships.csv.gz"],
            select="code, 1, name, 'township', county_code",
        )
        db.load_csv(
            "region_change",
            ["seq", "year", "type", "old_code", "old_name", "new_code", "new_name", "doc_no", "detail"],
            paths["region_changes.csv"],
            select="seq::INTEGER, year::INTEGER, type, nullif(old_code, ''), nullif(old_name, ''),"
                   " nullif(new_code, ''), nullif(new_name, ''), nullif(doc_no, ''), nullif(detail, '')",
        )
        _load_classifications(db)
        db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('reference_digest', ?)", [digest]
        )
    return True


def _load_classifications(db: Database) -> None:
    from zhichan.reference import classification_rows, concordance_rows

    cls_cols = ["scheme", "code", "title_zh", "title_en", "parent"]
    db.insert_rows("classification", cls_cols, ([r.get(c) for c in cls_cols] for r in classification_rows()))
    con_cols = ["from_scheme", "from_code", "to_scheme", "to_code", "weight"]
    db.insert_rows("concordance", con_cols, ([r.get(c) for c in con_cols] for r in concordance_rows()))
