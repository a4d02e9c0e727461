"""Indicator definitions as typed models. The definitions themselves are YAML files in
``indicators/``; the registry reads and checks them.

An indicator's value is ``scale × numerator / (denominator × denominator.scale)``, or
``scale × numerator`` when it has no denominator. E.g. invention patents per 10,000 people:
population is stored in 万人 (denominator scale 10,000 turns it into persons) and the indicator's
scale is 10,000 ("per 10k"); a share in percent has scale 100; an amount summed in yuan and shown
in 亿元 has scale 1e-8.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

# The kinds of ``ip_right.kind`` (store/migrations/001_canonical.sql).
RightKind = Literal[
    "invention", "utility_model", "design", "trademark", "gi_product", "gi_trademark", "gi_agricultural",
    "copyright", "software_copyright", "plant_variety", "ic_layout",
]
# The high-value criteria of DOMAIN.md §1, counted as a union (each patent once).
HighValueCriterion = Literal["sei", "foreign_family_grant", "maintained_over_10_years", "high_pledge", "award"]
Attribution = Literal["first_owner_address", "cnipa_2021_split", "applicant_address"]

_SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")


class HighValue(BaseModel):
    """The five-criteria rule for high-value invention patents (a union)."""

    model_config = ConfigDict(extra="forbid")

    criteria: list[HighValueCriterion] = Field(min_length=1)
    # Patent years count from the filing date; "maintained more than 10 years" = year 11 or later.
    min_patent_year: int = Field(default=11, ge=1)
    # A pledge counts when its registered amount reaches this (configurable, DOMAIN.md §1).
    pledge_threshold_cny: float = Field(default=10_000_000, gt=0)
    sei_concordance: str = "ipc_sei_2021"  # reference/data/ipc_sei_2021.csv.gz
    award_lists: list[str] = Field(default_factory=lambda: ["china_patent_award", "national_sci_tech_award"])


class Filters(BaseModel):
    """Which rights (or events on them) a rights term counts; ``None`` means "no condition"."""

    model_config = ConfigDict(extra="forbid")

    # Mainland owners only: Hong Kong, Macao, Taiwan and foreign owners are excluded.
    domestic_owner: bool | None = None
    pct: bool | None = None
    madrid: bool | None = None
    # True: rights granted by an office other than CNIPA (``ip_right.office != 'CN'``).
    foreign_office: bool | None = None
    high_value: HighValue | None = None
    # Count rights on an official list (``recognition.list_id``), e.g. well_known_marks.
    recognition: str | None = None
    # Count or sum legal events of these kinds instead of rights (e.g. pledge registrations).
    event_kinds: list[str] = Field(default_factory=list)


class Term(BaseModel):
    """A numerator or denominator: counted from rights, read from statistics, or reported by hand."""

    model_config = ConfigDict(extra="forbid")

    source: Literal["rights", "stat", "reported"]
    # rights
    kinds: list[RightKind] = Field(default_factory=list)
    # period_end: a stock (valid at the end of the period); in_period: a flow (dated within it).
    valid_at: Literal["period_end", "in_period"] | None = None
    # For flows: which date places a right or event in the period.
    count_by: Literal["application_date", "grant_date", "event_date"] | None = None
    measure: Literal["count", "sum_amount"] = "count"
    filters: Filters = Field(default_factory=Filters)
    # stat
    metric: str | None = None
    # Multiplier from the stored unit to the base unit (population in 万人 × 10,000 = persons).
    scale: float = 1.0
    note: str | None = None


class Example(BaseModel):
    """A reference value to check the computation against (published, derived or a plan target)."""

    model_config = ConfigDict(extra="forbid")

    value: float
    region: str
    region_code: str | None = None
    period: int = Field(ge=1949, le=2100)
    source: str = Field(min_length=1)
    # published: an official figure; derived: computed from published totals; target: a plan's target
    # (used where no official figure is at hand, so the value is a scale check, not a computed result).
    kind: Literal["published", "derived", "target"] = "published"
    numerator: float | None = None
    denominator: float | None = None
    note: str | None = None


class Indicator(BaseModel):
    """One indicator: what it counts, how it is attributed to a region, and where it comes from."""

    model_config = ConfigDict(extra="forbid")

    id: str
    title_zh: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    unit: str = Field(min_length=1)
    # Left optional in the schema so that a missing one is reported by its own rule with a line.
    definition_zh: str | None = None
    definition_en: str | None = None
    numerator: Term
    denominator: Term | None = None
    scale: float = 1.0
    attribution: Attribution = "first_owner_address"
    snapshot: Literal["legal", "known"] = "legal"
    direction: Literal["higher_better", "lower_better"] = "higher_better"
    source_zh: str = Field(min_length=1)
    example: Example | None = None
    # Other ids plans use for the same figure (e.g. madrid_applications).
    aliases: list[str] = Field(default_factory=list)
    # Reported by hand (``reported`` table), never computed.
    plan_only: bool = False
    note: str | None = None

    @field_validator("id")
    @classmethod
    def _snake(cls, v: str) -> str:
        if not _SNAKE.match(v):
            raise ValueError(f"indicator id must be snake_case, got {v!r}")
        return v

    def compute(self, numerator: float, denominator: float | None = None) -> float:
        """The indicator's value from its numerator and (stored-unit) denominator."""
        if self.denominator is None:
            return self.scale * numerator
        if denominator is None:
            raise ValueError(f"{self.id} needs a denominator")
        return self.scale * numerator / (denominator * self.denominator.scale)
