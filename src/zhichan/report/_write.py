"""Writing a report model in every format: DOCX first, HTML beside it, PDF from the HTML."""

from __future__ import annotations

from pathlib import Path

from zhichan.errors import UserError
from zhichan.report._docx import write_docx
from zhichan.report._html import write_html, write_pdf
from zhichan.report._model import Report

FORMATS = ("docx", "html", "pdf")


def write_report(rep: Report, out_dir: Path, name: str, *, formats=FORMATS, templates: Path | None = None) -> dict:
    """Write ``rep`` as ``out_dir/name.{docx,html,pdf}``; returns {format: path}."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UserError("未知的报告格式 unknown report format", expected="docx、html、pdf", found="、".join(unknown),
                        fix="--formats docx,html,pdf")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    if "docx" in formats:
        paths["docx"] = write_docx(rep, out / f"{name}.docx", templates=templates)
    if "html" in formats or "pdf" in formats:
        html = write_html(rep, out / f"{name}.html", templates=templates)
        if "html" in formats:
            paths["html"] = html
        if "pdf" in formats:
            paths["pdf"] = write_pdf(html, out / f"{name}.pdf")
    return paths
