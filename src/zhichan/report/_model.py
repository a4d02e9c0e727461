"""The report model: what a report says, independent of the format it is written in. Builders
fill it from measures, plans and analyses; the DOCX, HTML and PDF writers only lay it out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd


@dataclass
class Table:
    """A table with a caption; ``columns`` maps frame columns to the Chinese headers shown."""

    caption: str
    frame: pd.DataFrame
    columns: dict[str, str]
    # number formats per column: Python format specs (e.g. ",.2f") or "auto" (whole numbers
    # without decimals); others print as they are
    formats: dict[str, str] = field(default_factory=dict)
    note: str = ""

    def cells(self) -> list[list[str]]:
        """The body as text, formatted."""
        out = []
        for row in self.frame[list(self.columns)].itertuples(index=False, name=None):
            out.append([_fmt(v, self.formats.get(c)) for c, v in zip(self.columns, row)])
        return out


@dataclass
class Figure:
    """A chart or map already rendered to an image file (PNG for DOCX/PDF; SVG optional)."""

    caption: str
    path: Path
    note: str = ""
    width_cm: float = 15.0


@dataclass
class Section:
    """A numbered section: its blocks (paragraph text, tables, figures) in order, and subsections."""

    title: str
    blocks: list = field(default_factory=list)  # str | Table | Figure
    sections: list["Section"] = field(default_factory=list)

    def add(self, block) -> "Section":
        self.blocks.append(block)
        return self

    def sub(self, title: str) -> "Section":
        s = Section(title)
        self.sections.append(s)
        return s


@dataclass
class Report:
    """A whole report: cover, key findings (sentences filled from computed facts), sections and an
    appendix of definitions and sources."""

    kind: str
    title: str
    subtitle: str
    issuer: str
    date: str
    findings: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    appendix: list[Section] = field(default_factory=list)
    note: str = ""  # e.g. that the data are synthetic
    facts: dict = field(default_factory=dict)  # the numbers behind the findings, for tests and audits

    def section(self, title: str) -> Section:
        s = Section(title)
        self.sections.append(s)
        return s

    def tables(self) -> list[Table]:
        return [b for s in _walk(self.sections + self.appendix) for b in s.blocks if isinstance(b, Table)]

    def figures(self) -> list[Figure]:
        return [b for s in _walk(self.sections + self.appendix) for b in s.blocks if isinstance(b, Figure)]


def _walk(sections: list[Section]):
    for s in sections:
        yield s
        yield from _walk(s.sections)


def _fmt(v, spec: str | None) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return "—"
    if spec == "auto":  # whole numbers without decimals, others with two
        spec = ",.0f" if isinstance(v, (int, float)) and float(v).is_integer() else ",.2f"
    if spec:
        try:
            return format(v, spec)
        except (TypeError, ValueError):
            return str(v)
    if isinstance(v, float) and v.is_integer():
        return f"{int(v):,}"
    return str(v)
