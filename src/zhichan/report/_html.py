"""HTML (Jinja2 template report.html.j2 + report.css) and PDF (WeasyPrint, from the same HTML) writers.
Figures are copied next to the HTML so that the folder is self-contained and works offline."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2

from zhichan.report._model import Figure, Report, Section, Table
from zhichan.report._templates import heading_number, template_text

FINDINGS = "主要发现"


def _view(rep: Report, out_dir: Path) -> dict:
    """The report as plain dicts for the template, numbered like the DOCX."""
    counters = {"table": 0, "figure": 0}
    contents = []
    figdir = out_dir / "figures"

    def block(b):
        if isinstance(b, Table):
            counters["table"] += 1
            return {"kind": "table", "n": counters["table"], "caption": b.caption, "headers": list(b.columns.values()),
                    "rows": b.cells(), "note": b.note}
        if isinstance(b, Figure):
            counters["figure"] += 1
            figdir.mkdir(parents=True, exist_ok=True)
            target = figdir / Path(b.path).name
            if Path(b.path).resolve() != target.resolve():
                shutil.copyfile(b.path, target)
            return {"kind": "figure", "n": counters["figure"], "caption": b.caption, "note": b.note,
                    "src": f"figures/{target.name}"}
        return {"kind": "text", "text": str(b)}

    def section(s: Section, level: int, index: int | None, anchor: str) -> dict:
        number = heading_number(level, index) if index is not None else ""
        if level <= 2:
            contents.append({"level": level, "text": number + s.title, "anchor": anchor})
        return {"level": level, "number": number, "title": s.title, "anchor": anchor,
                "blocks": [block(b) for b in s.blocks],
                "sections": [section(c, level + 1, j, f"{anchor}-{j}") for j, c in enumerate(s.sections, start=1)]}

    start = 1
    if rep.findings:
        contents.append({"level": 1, "text": heading_number(1, 1) + FINDINGS, "anchor": "s-findings"})
        start = 2
    sections = [section(s, 1, i, f"s{i}") for i, s in enumerate(rep.sections, start=start)]
    appendix = [section(s, 1, None, f"a{i}") for i, s in enumerate(rep.appendix, start=1)]
    return {"r": rep, "sections": sections, "appendix": appendix, "contents": contents,
            "findings_heading": (heading_number(1, 1) + FINDINGS) if rep.findings else FINDINGS}


def render_html(rep: Report, out_dir: Path, *, templates: Path | None = None) -> str:
    env = jinja2.Environment(autoescape=jinja2.select_autoescape(["html", "j2"]), undefined=jinja2.StrictUndefined)
    tpl = env.from_string(template_text("report.html.j2", templates))
    return tpl.render(css=template_text("report.css", templates), **_view(rep, Path(out_dir)))


def write_html(rep: Report, path: Path, *, templates: Path | None = None) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(rep, path.parent, templates=templates), "utf-8")
    return path


def write_pdf(html_path: Path, path: Path) -> Path:
    """Typeset the written HTML (its figures beside it) as PDF."""
    import weasyprint

    path = Path(path)
    weasyprint.HTML(filename=str(html_path), base_url=str(Path(html_path).parent)).write_pdf(str(path))
    return path
