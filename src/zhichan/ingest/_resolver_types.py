"""Result records of the address resolver: one address, and a column-wise batch."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator


@dataclass(frozen=True, slots=True)
class ResolvedRegion:
    """Where one address lies.

    ``code`` is today's GB/T 2260 code at the finest level the text supports (county, else
    prefecture, else province) or None; ``confidence`` is in [0, 1]; ``domestic`` is False for
    Hong Kong, Macao, Taiwan and foreign addresses; ``reason`` says which names matched or why
    the answer is coarse (ambiguous candidates are listed there).
    """

    input: str
    code: str | None
    name: str | None
    level: str | None
    confidence: float
    domestic: bool
    reason: str
    province_code: str | None = None
    prefecture_code: str | None = None
    county_code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "code": self.code,
            "name": self.name,
            "level": self.level,
            "confidence": self.confidence,
            "domestic": self.domestic,
            "reason": self.reason,
            "province_code": self.province_code,
            "prefecture_code": self.prefecture_code,
            "county_code": self.county_code,
        }


COLUMNS = (
    "input", "code", "name", "level", "confidence", "domestic", "reason",
    "province_code", "prefecture_code", "county_code",
)


@dataclass(frozen=True, slots=True)
class ResolvedBatch:
    """Column-wise results of ``resolve_many``: one list per field, all of the same length."""

    input: list[str]
    code: list[str | None]
    name: list[str | None]
    level: list[str | None]
    confidence: list[float]
    domestic: list[bool]
    reason: list[str]
    province_code: list[str | None]
    prefecture_code: list[str | None]
    county_code: list[str | None]
    distinct: int = field(default=0)  # how many distinct inputs were actually resolved

    def __len__(self) -> int:
        return len(self.input)

    def __getitem__(self, i: int) -> ResolvedRegion:
        return ResolvedRegion(*(getattr(self, c)[i] for c in COLUMNS))

    def __iter__(self) -> Iterator[ResolvedRegion]:
        for i in range(len(self.input)):
            yield self[i]

    def columns(self) -> dict[str, list[Any]]:
        """The columns as a dict of lists (ready for DuckDB, Arrow or pandas)."""
        return {c: getattr(self, c) for c in COLUMNS}
