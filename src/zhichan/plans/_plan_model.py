"""Plans as typed models: targets on indicators and tasks with lead units. The plans themselves are
YAML files (``seeds/`` and a user folder); the registry reads and checks them.

Target kinds:

- ``stock``: the indicator's level at the end of the deadline year (valid patents, a per-10k ratio,
  a survey score);
- ``annual``: the yearly flow in the deadline year (e.g. 30,000 copyright registrations a year);
- ``cumulative``: the sum of the yearly flows from ``cumulative_from`` (default: the plan's first
  year) through the deadline year (e.g. Madrid applications over the five years).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

TaskStatus = Literal["not_started", "in_progress", "done", "delayed", "cancelled"]
TargetKind = Literal["stock", "cumulative", "annual"]
Direction = Literal["at_least", "at_most"]

TASK_STATUSES: tuple[str, ...] = ("not_started", "in_progress", "done", "delayed", "cancelled")
# A task in one of these is no longer open, so it cannot be overdue.
CLOSED_STATUSES = frozenset({"done", "cancelled"})

_SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")


def _snake(v: str) -> str:
    if not _SNAKE.match(v):
        raise ValueError(f"id must be snake_case (a-z, 0-9, _), got {v!r}")
    return v


class Period(BaseModel):
    """The plan's years, both included (2021–2025)."""

    model_config = ConfigDict(extra="forbid")

    start: int = Field(ge=1949, le=2100)
    end: int = Field(ge=1949, le=2100)


class Source(BaseModel):
    """Where the plan's text comes from, and what of it was checked."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1)
    url: str | None = None
    # What was verified against the document (or a reprint of it) and what was not.
    note: str | None = None


class Target(BaseModel):
    """A quantified goal on one indicator."""

    model_config = ConfigDict(extra="forbid")

    id: str
    # An indicator id or alias of zhichan.measures' registry.
    indicator: str
    # Default: the plan's region.
    region_code: str | None = Field(default=None, pattern=r"^\d{6}$")
    baseline_year: int | None = Field(default=None, ge=1949, le=2100)
    # The plan's stated starting value; None when the document gives none.
    baseline_value: float | None = None
    target_value: float
    deadline_year: int = Field(ge=1949, le=2100)
    kind: TargetKind = "stock"
    # For cumulative targets: the first year summed (default: the plan's first year).
    cumulative_from: int | None = Field(default=None, ge=1949, le=2100)
    direction: Direction = "at_least"
    unit: str = Field(min_length=1)
    note: str | None = None
    # The plan's own sentence (or table row) that sets the target.
    source_quote: str | None = None

    @field_validator("id")
    @classmethod
    def _snake_id(cls, v: str) -> str:
        return _snake(v)


class StatusUpdate(BaseModel):
    """A task's status from a date on, with what shows it."""

    model_config = ConfigDict(extra="forbid")

    date: dt.date
    status: TaskStatus
    evidence: str | None = None
    note: str | None = None


class Task(BaseModel):
    """A work item with the units answerable for it."""

    model_config = ConfigDict(extra="forbid")

    id: str
    title: str = Field(min_length=1)
    # Left unconstrained so that a missing lead unit is reported by its own rule with a line.
    lead_units: list[str] = Field(default_factory=list)
    co_units: list[str] = Field(default_factory=list)
    due: dt.date | None = None
    category: str | None = None
    updates: list[StatusUpdate] = Field(default_factory=list)
    note: str | None = None
    # The plan's own wording of the task.
    source_quote: str | None = None

    @field_validator("id")
    @classmethod
    def _snake_id(cls, v: str) -> str:
        return _snake(v)

    def status_at(self, at: dt.date) -> str:
        """The status of the latest update on or before ``at`` (``not_started`` if none)."""
        current = "not_started"
        for u in sorted(self.updates, key=lambda u: u.date):
            if u.date <= at:
                current = u.status
        return current


class Plan(BaseModel):
    """One plan document: who issued it, for which region and years, its targets and tasks."""

    model_config = ConfigDict(extra="forbid")

    id: str
    title_zh: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    region_code: str = Field(pattern=r"^\d{6}$")
    region_name: str = Field(min_length=1)
    issuer: str = Field(min_length=1)
    doc_no: str | None = None
    doc_date: dt.date | None = None
    period: Period
    source: Source
    note: str | None = None
    targets: list[Target] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _snake_id(cls, v: str) -> str:
        return _snake(v)

    def target(self, target_id: str) -> Target:
        """The target with this id."""
        for t in self.targets:
            if t.id == target_id:
                return t
        raise KeyError(target_id)

    def target_region(self, target: Target) -> str:
        return target.region_code or self.region_code

    def cumulative_start(self, target: Target) -> int:
        return target.cumulative_from or self.period.start
