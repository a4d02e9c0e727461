"""Import profiles as typed models: which header names map to which canonical field, and how
each field's text is parsed. The profiles themselves are YAML files in ``profiles/``."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

RecordKind = Literal[
    "patent", "patent_event", "patent_transaction", "trademark", "gi", "copyright",
    "software_copyright", "plant_variety", "market_entity", "stat_long", "stat_wide", "official_list",
]

# How a field's text becomes a value; each parser is implemented in _parsers.py / SQL.
Parser = Literal[
    "text", "int", "amount", "bool", "date", "year", "application_number", "publication_number",
    "uscc", "region_code", "postcode", "address", "party_list", "person_list", "ipc", "ipc_list",
    "nice_list", "patent_type", "legal_status", "trademark_status", "country", "trademark_number", "list",
]

_SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")


class FieldSpec(BaseModel):
    """One canonical field: the header names it goes by and how to parse it."""

    model_config = ConfigDict(extra="forbid")

    synonyms: list[str] = Field(min_length=1)
    parser: Parser = "text"
    required: bool = False
    # A value that is present but does not parse rejects the row (for fields the record cannot
    # stand without once the column is there, e.g. a patent's filing date).
    strict: bool = False
    note: str | None = None
    # A regex most values of the column must fully match for this profile to fit a table; it
    # tells apart layouts whose headers look alike (a patent 申请号 from a plant-variety 申请号).
    expect: str | None = None


class Profile(BaseModel):
    """A source layout: one export format of one system, for one record kind."""

    model_config = ConfigDict(extra="forbid")

    id: str
    title_zh: str
    title_en: str
    record_kind: RecordKind
    source: str
    fields: dict[str, FieldSpec]
    constants: dict[str, str] = Field(default_factory=dict)
    # Header names that single this layout out from its siblings (e.g. incoPat's 标准化申请人).
    markers: list[str] = Field(default_factory=list)
    # A base profile is only extended, never matched; ``extends`` names the base whose fields
    # this profile inherits (its own synonyms come first).
    abstract: bool = False
    extends: str | None = None

    @field_validator("id")
    @classmethod
    def _snake(cls, v: str) -> str:
        if not _SNAKE.match(v):
            raise ValueError(f"profile id must be snake_case, got {v!r}")
        return v

    @property
    def required_fields(self) -> list[str]:
        return [k for k, f in self.fields.items() if f.required]


def header_key(text: str) -> str:
    """Comparable form of a header cell: no spaces, ASCII brackets, lower case."""
    t = text.strip().translate(_HEADER_TABLE).lower()
    return re.sub(r"\s+", "", t)


_HEADER_TABLE = str.maketrans({"（": "(", "）": ")", "【": "(", "】": ")", "：": ":", "／": "/", "\u3000": " ",
                               "［": "(", "］": ")", "[": "(", "]": ")"})
