"""Values an office reports by hand (survey scores, figures from other departments): one per
indicator, region and year, with the source and a note."""

from __future__ import annotations

import math


def set_reported(db, indicator_id: str, region_code: str, period: int, value: float, source: str,
                 note: str | None = None) -> None:
    """Insert or replace one reported value (callers check the indicator and the region)."""
    if not math.isfinite(value):
        raise ValueError("a reported value must be finite")
    db.execute(
        """INSERT INTO reported (indicator_id, region_code, period, value, source, note)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (indicator_id, region_code, period) DO UPDATE
           SET value = excluded.value, source = excluded.source, note = excluded.note,
               reported_at = now()::TIMESTAMP""",
        [indicator_id, region_code, int(period), float(value), source, note],
    )
