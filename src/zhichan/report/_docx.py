"""DOCX writer (python-docx) in Chinese official-document conventions where practical: A4 with
GB/T 9704 margins, title and body fonts, headings numbered 一、（一）1.（1）, page numbers in the
footer, captions above tables (表n) and below figures (图n). Layout values come from docx.yaml."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from zhichan.report._model import Figure, Report, Section, Table
from zhichan.report._templates import heading_number, template_yaml


class _Writer:
    def __init__(self, layout: dict) -> None:
        self.l = layout
        self.doc = Document()
        self.tables = 0
        self.figures = 0
        self._page()
        self._base_styles()

    # -- layout ----------------------------------------------------------------------------------

    def _page(self) -> None:
        p = self.l["page"]
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Mm(p["width_mm"]), Mm(p["height_mm"])
        sec.top_margin, sec.bottom_margin = Mm(p["top_mm"]), Mm(p["bottom_mm"])
        sec.left_margin, sec.right_margin = Mm(p["left_mm"]), Mm(p["right_mm"])
        sec.different_first_page_header_footer = True  # no page number on the cover
        footer = sec.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._font(footer.add_run("— "), "body", 14)
        _field(footer, "PAGE")
        self._font(footer.add_run(" —"), "body", 14)

    def _base_styles(self) -> None:
        normal = self.doc.styles["Normal"]
        normal.font.name = self.l["fonts"]["latin"]
        normal.font.size = Pt(self.l["sizes_pt"]["body"])
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), self.l["fonts"]["body"])
        for level in (1, 2, 3):
            st = self.doc.styles[f"Heading {level}"]
            st.font.color.rgb = None
            st.font.bold = level != 2
            st.font.italic = False

    def _font(self, run, role: str, size: float | None = None, bold: bool | None = None):
        run.font.name = self.l["fonts"]["latin"]
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), self.l["fonts"][role])
        run.font.size = Pt(size or self.l["sizes_pt"].get(role, self.l["sizes_pt"]["body"]))
        if bold is not None:
            run.font.bold = bold
        return run

    def para(self, text: str, *, role: str = "body", align=None, indent: bool = True, size=None, bold=None,
             style: str | None = None):
        p = self.doc.add_paragraph(style=style)
        fmt = p.paragraph_format
        fmt.line_spacing = Pt(self.l["line_spacing_pt"])
        if indent and role == "body":
            fmt.first_line_indent = Pt(self.l["sizes_pt"]["body"] * self.l["first_line_indent_chars"])
        if align is not None:
            p.alignment = align
        self._font(p.add_run(text), role, size, bold)
        return p

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- blocks ----------------------------------------------------------------------------------

    def heading(self, text: str, level: int) -> None:
        role = f"heading{min(level, 3)}"
        p = self.doc.add_heading(level=min(level, 3))
        p.paragraph_format.line_spacing = Pt(self.l["line_spacing_pt"])
        p.paragraph_format.first_line_indent = Pt(self.l["sizes_pt"]["body"] * 2) if level > 1 else None
        self._font(p.add_run(text), role, bold=level != 2)

    def table(self, t: Table) -> None:
        self.tables += 1
        self.para(f"表{self.tables}  {t.caption}", role="table", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
                  size=self.l["sizes_pt"]["caption"], bold=True)
        cells = t.cells()
        tab = self.doc.add_table(rows=1 + len(cells), cols=len(t.columns))
        tab.style = "Table Grid"
        tab.alignment = WD_TABLE_ALIGNMENT.CENTER
        for j, head in enumerate(t.columns.values()):
            self._cell(tab.cell(0, j), head, bold=True)
        for i, row in enumerate(cells, start=1):
            for j, value in enumerate(row):
                self._cell(tab.cell(i, j), value)
        if t.note:
            self.para(f"注：{t.note}", role="table", indent=False, size=self.l["sizes_pt"]["table"])

    def _cell(self, cell, text: str, bold: bool = False) -> None:
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._font(p.add_run(str(text)), "table", bold=bold)

    def figure(self, f: Figure) -> None:
        self.figures += 1
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run().add_picture(str(f.path), width=Cm(min(f.width_cm, 15.5)))
        self.para(f"图{self.figures}  {f.caption}", role="table", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
                  size=self.l["sizes_pt"]["caption"], bold=True)
        if f.note:
            self.para(f"注：{f.note}", role="table", indent=False, size=self.l["sizes_pt"]["table"])

    def section(self, s: Section, level: int, index: int) -> None:
        self.heading(f"{heading_number(level, index)}{s.title}", level)
        for b in s.blocks:
            if isinstance(b, Table):
                self.table(b)
            elif isinstance(b, Figure):
                self.figure(b)
            else:
                self.para(str(b))
        for i, sub in enumerate(s.sections, start=1):
            self.section(sub, level + 1, i)


def _field(paragraph, instr: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def write_docx(rep: Report, path: Path, *, templates: Path | None = None) -> Path:
    """Write ``rep`` as DOCX and return the path."""
    w = _Writer(template_yaml("docx.yaml", templates))
    sizes = w.l["sizes_pt"]
    for _ in range(3):
        w.para("", indent=False)
    w.para(rep.title, role="title", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, size=sizes["title"])
    if rep.subtitle:
        w.para(rep.subtitle, role="heading2", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, size=sizes["subtitle"])
    for _ in range(6):
        w.para("", indent=False)
    w.para(rep.issuer, role="heading2", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    w.para(rep.date, role="heading2", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    if rep.note:
        w.para(rep.note, role="table", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, size=sizes["table"])
    w.page_break()
    w.para("目  录", role="heading1", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    entries = [(f"{heading_number(1, 1)}主要发现", 1)] if rep.findings else []
    for i, s in enumerate(rep.sections, start=1 + bool(rep.findings)):
        entries.append((f"{heading_number(1, i)}{s.title}", 1))
        entries += [(f"{heading_number(2, j)}{sub.title}", 2) for j, sub in enumerate(s.sections, start=1)]
    entries += [(s.title, 1) for s in rep.appendix]
    for text, level in entries:
        w.para(("    " if level == 2 else "") + text, indent=False)
    w.doc.add_section(WD_SECTION.NEW_PAGE)
    start = 1
    if rep.findings:
        w.heading(f"{heading_number(1, 1)}主要发现", 1)
        for i, sentence in enumerate(rep.findings, start=1):
            w.para(f"{i}. {sentence}")
        start = 2
    for i, s in enumerate(rep.sections, start=start):
        w.section(s, 1, i)
    for s in rep.appendix:
        w.heading(s.title, 1)
        for b in s.blocks:
            w.table(b) if isinstance(b, Table) else w.para(str(b))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    w.doc.save(path)
    return path
