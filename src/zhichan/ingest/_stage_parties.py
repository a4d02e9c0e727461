"""Names and addresses of a table's mentions, resolved in Python once per distinct value.

The work is pure Python (name normaliser, region resolver), so it runs in a worker thread while
the store writes the rights: DuckDB lets go of the GIL while it executes, and the two overlap.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from zhichan import store
from zhichan.ingest._issues import make_issue
from zhichan.ingest._names import normalise_name
from zhichan.ingest._report import ImportReport
from zhichan.ingest._resolver import resolve_many


def _names(names: list[str]) -> list[tuple]:
    out = []
    for raw in names:
        n = normalise_name(raw)
        out.append((raw, n.display or raw, n.name_norm, n.kind))
    return out


def _regions(combos: list[tuple]) -> tuple[list[tuple], dict[str, str]]:
    if not combos:
        return [], {}
    batch = resolve_many([c[0] for c in combos], postcode=[c[1] for c in combos], hint=[c[2] for c in combos],
                         uscc=[c[3] for c in combos])
    rows, unresolved = [], {}
    for combo, res in zip(combos, batch):
        rows.append((store.region_key(*combo), res.code, res.confidence, res.domestic))
        if res.code is None and res.domestic:
            unresolved[combo[0]] = res.reason
    return rows, unresolved


class PartyStage:
    """Started on the distinct mention keys (``stg_key``); ``finish`` loads ``stg_name`` and
    ``stg_region`` and reports the addresses that resolve to no region."""

    def __init__(self, db) -> None:
        store.stage_mention_keys(db)
        names = [r[0] for r in store.distinct_values(db, "stg_key", ["raw_name"]) if r[0]]
        combos = [r for r in store.distinct_values(db, "stg_key", ["address", "postcode", "hint", "uscc"]) if r[0]]
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zhichan-resolve")
        self._job: Future = self._pool.submit(lambda: (_names(names), _regions(combos)))

    def finish(self, db, report: ImportReport, table, column: str) -> set[int]:
        """Load the results; returns the rows warned for an unresolvable address."""
        try:
            name_rows, (region_rows, unresolved) = self._job.result()
        finally:
            self._pool.shutdown()
        store.load_staging(db, "stg_name", None)
        db.insert_rows("stg_name", ["raw_name", "display", "name_norm", "kind"], name_rows)
        store.load_staging(db, "stg_region", None)
        db.insert_rows("stg_region", ["rkey", "region_code", "confidence", "domestic"], region_rows)
        warned = set()
        if unresolved:
            hits = db.query("SELECT DISTINCT row_no, address FROM stg_mention WHERE address IN (SELECT unnest(?))",
                            [list(unresolved)])
            for row_no, address in sorted(hits):
                warned.add(row_no)
                report.issues.append(make_issue("unresolvable-address", file=table.file, sheet=table.sheet,
                                                row=row_no, column=column, value=address, reason=unresolved[address]))
        return warned
