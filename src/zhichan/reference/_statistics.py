"""Published provincial statistics (patents, R&D, plant varieties, population), packaged as
``statistics.csv.gz`` by ``scripts/reference/build_statistics.py``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from zhichan._packaged import read_csv_rows

__all__ = ["StatisticRow", "province_statistic", "statistics_rows"]

NATIONAL = "000000"


@dataclass(frozen=True)
class StatisticRow:
    """One published value: province (000000 = 全国), year, metric id, value, unit, source."""

    province_code: str
    year: int
    metric: str
    value: float
    unit: str
    source: str


@lru_cache(maxsize=1)
def _rows() -> tuple[StatisticRow, ...]:
    return tuple(StatisticRow(r["province_code"], int(r["year"]), r["metric"], float(r["value"]), r["unit"],
                              r["source"]) for r in read_csv_rows("statistics.csv.gz"))


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, int, str], float]:
    return {(r.province_code, r.year, r.metric): r.value for r in _rows()}


def statistics_rows(metric: str | None = None, province_code: str | None = None) -> list[StatisticRow]:
    """All packaged rows, optionally for one metric and/or one province."""
    return [r for r in _rows() if (metric is None or r.metric == metric)
            and (province_code is None or r.province_code == province_code)]


def province_statistic(code: str, year: int, metric: str) -> float | None:
    """The published value for a province code (or 000000 / 全国), year and metric; None if absent.

    Any code inside a province (e.g. a county 500111) gives its province's value.
    """
    code = str(code).strip()
    if code in ("全国", "", "0", NATIONAL):
        key = NATIONAL
    else:
        key = code[:2] + "0000"
    return _index().get((key, int(year), metric))
