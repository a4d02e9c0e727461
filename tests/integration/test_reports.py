"""Reports on the demo workspace: DOCX opened with python-docx, PDF text extracted and rendered
(poppler), the DOCX converted by LibreOffice headless; numbers match the measures."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from zhichan.demo import run_demo
from zhichan.measures import compute_indicators
from zhichan.report import build_annual_report, build_layout_report, build_plan_report, write_report
from zhichan.report._charts import cjk_font
from zhichan.store import open_database

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    ws = run_demo("500000", "small", 7, tmp_path_factory.mktemp("demo") / "ws").workspace
    out = tmp_path_factory.mktemp("reports")
    db = open_database(ws / "zhichan.duckdb")
    try:
        annual = build_annual_report(db, "500000", 2023, out / "figures", note="演示合成数据", home="500000")
        paths = write_report(annual, out, "annual")
        county = build_annual_report(db, "500111", 2023, out / "figures-c", home="500000")
        plan = build_plan_report(db, "dazu_ip_plan_2021_2025", out / "figures-p", as_of=dt.date(2024, 1, 1))
        plan_paths = write_report(plan, out, "plan")
        layout = build_layout_report(db, "500000", 2023, out / "figures-l")
        layout_paths = write_report(layout, out, "layout")
        truth = compute_indicators(db, ["invention_patents_per_10k_pop", "valid_patents"], periods=[2023],
                                   regions=["500000"])
    finally:
        db.close()
    return {"annual": annual, "paths": paths, "county": county, "plan": plan, "plan_paths": plan_paths,
            "layout": layout, "layout_paths": layout_paths,
            "truth": truth.set_index("indicator")}


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_docx_structure_and_conventions(reports):
    doc = Document(str(reports["paths"]["docx"]))
    texts = [p.text for p in doc.paragraphs]
    assert texts[3] == "重庆市2023年知识产权发展状况报告"
    assert "目  录" in texts
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:6] == ["一、主要发现", "二、总体情况", "三、知识产权创造", "四、区域分布", "五、知识产权运用", "六、规划目标进展"]
    assert any(h.startswith("（一）") for h in headings) and headings[-1] == "附录：指标说明与数据来源"
    sec = doc.sections[0]
    assert round(sec.page_width.mm) == 210 and round(sec.page_height.mm) == 297 and round(sec.top_margin.mm) == 37
    assert 'w:instr="PAGE"' in sec.footer._element.xml
    captions = [t for t in texts if t.startswith(("表", "图")) and "  " in t]
    assert any(c.startswith("表1  ") for c in captions) and any(c.startswith("图1  ") for c in captions)
    assert len(doc.inline_shapes) == len(reports["annual"].figures()) >= 6
    assert sum("分布图" in f.caption for f in reports["annual"].figures()) == 3  # maps of the subdivisions


def test_numbers_match_the_measures(reports):
    text = _docx_text(reports["paths"]["docx"])
    truth = reports["truth"]
    per10k = truth.loc["invention_patents_per_10k_pop", "value"]
    valid = truth.loc["valid_patents", "value"]
    assert f"每万人口发明专利拥有量为{per10k:,.2f}件/万人" in text
    assert f"有效专利量为{valid:,.0f}件" in text
    assert f"{valid:,.0f}" in _cells_of(reports["paths"]["docx"], "有效专利量")


def _cells_of(path: Path, label: str) -> list[str]:
    doc = Document(str(path))
    for t in doc.tables:
        for row in t.rows:
            if row.cells[0].text == label:
                return [c.text for c in row.cells]
    return []


def test_findings_are_template_sentences(reports):
    f = reports["annual"].findings
    assert any(s.startswith("2023年，重庆市每万人口发明专利拥有量为") for s in f)
    assert any("到期未完成" in s for s in f)  # the 2014–2020 strategy
    assert not any("在全国各省份中" in s for s in f)  # no ranks among peers the workspace does not hold
    assert any(s.startswith("在重庆市各区县中，大足区") for s in reports["county"].findings)


def test_pdf_text_and_render(reports, tmp_path):
    pdf = reports["paths"]["pdf"]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "重庆市2023年知识产权发展状况报告" in text and "主要发现" in text
    valid = reports["truth"].loc["valid_patents", "value"]
    assert f"{valid:,.0f}" in text
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    from PIL import Image

    img = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    dark = sum(img.histogram()[:128])
    assert dark > 200  # the cover has text on it (CJK glyphs, not empty boxes: the text extracts above)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "CJK" in fonts  # Chinese set in a CJK font


def test_libreoffice_converts_the_docx(reports, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is installed by .ci/run (libreoffice-writer-nogui)"
    for key in ("paths", "plan_paths", "layout_paths"):
        r = subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                            str(reports[key]["docx"])], capture_output=True, text=True, timeout=180)
        assert r.returncode == 0, r.stderr
        out = tmp_path / (Path(reports[key]["docx"]).stem + ".pdf")
        assert out.is_file() and out.stat().st_size > 10_000


def test_plan_briefing(reports):
    text = _docx_text(reports["plan_paths"]["docx"])
    assert "《大足区贯彻落实重庆市知识产权保护和运用“十四五”规划实施意见（2021—2025年）》实施情况简报" in text
    assert "目标进展" in text and "马德里商标国际注册申请量" in text
    html = Path(reports["plan_paths"]["html"]).read_text("utf-8")
    assert "<table>" in html and "figures/" in html and "http" not in html.split("<body>")[1][:2000]


def test_charts_use_a_cjk_font():
    assert "CJK" in cjk_font() or cjk_font() in ("WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimHei")


def test_layout_report(reports):
    text = _docx_text(reports["layout_paths"]["docx"])
    la = reports["layout"].facts["layout"]
    assert "重庆市知识产权区域布局分析报告" in text and "区域技术领域导向目录" in text and "耦合协调" in text
    n = int((la.catalogue_["label"] == "重点发展").sum())
    assert f"重点发展{n}项" in text
    key = la.catalogue_[la.catalogue_["label"] == "重点发展"].iloc[0]
    assert key["evidence"] in text  # every catalogue entry printed with its evidence
    cc = reports["layout"].facts["coupling"]
    assert cc["D"].between(0, 1).all() and len(cc) >= 30


def test_composition_adds_up(reports):
    import re

    text = _docx_text(reports["paths"]["docx"])
    m = re.search(r"有效专利中，发明专利([\d,]+)件.*?实用新型([\d,]+)件.*?外观设计([\d,]+)件", text)
    assert m, "the composition sentence"
    parts = sum(int(g.replace(",", "")) for g in m.groups())
    assert parts == reports["truth"].loc["valid_patents", "numerator"]
