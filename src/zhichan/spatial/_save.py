"""``save_map``: a map figure to PNG (for DOCX), SVG, PDF or interactive HTML, by file suffix."""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

from zhichan.errors import UserError

__all__ = ["MAP_FORMATS", "save_map"]

MAP_FORMATS = (".png", ".svg", ".pdf", ".html")


def save_map(fig: Figure, path: str | Path, *, dpi: int | None = None) -> Path:
    """Write ``fig`` (from ``choropleth``, ``lisa_map`` …) to ``path``; the suffix picks the format.

    ``.html`` writes the interactive ECharts variant of the same map (self-contained, offline).
    """
    import matplotlib as mpl

    out = Path(path)
    suffix = out.suffix.lower()
    if suffix not in MAP_FORMATS:
        raise UserError("不支持的地图文件格式 unsupported map file type", where=str(out),
                        expected=" ".join(MAP_FORMATS), found=suffix or "无后缀 no suffix", fix="例如 --out map.png")
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".html":
        from zhichan.spatial._html import map_html

        spec = getattr(fig, "zhichan_spec", None)
        if spec is None:
            raise UserError("该图没有交互版 this figure has no interactive variant", where=str(out),
                            fix="用 choropleth()/lisa_map()/hotspot_map()/bivariate_choropleth() 生成的图")
        out.write_text(map_html(spec), encoding="utf-8")
        return out
    rc = getattr(fig, "_zhichan_rc", {})
    with mpl.rc_context(rc):
        fig.savefig(out, dpi=dpi or fig.dpi, facecolor="white", metadata=_metadata(suffix))
    return out


def _metadata(suffix: str) -> dict | None:
    # fixed metadata keeps SVG/PDF output byte-stable across runs
    if suffix == ".svg":
        return {"Date": None, "Creator": "zhichan"}
    if suffix == ".pdf":
        return {"CreationDate": None, "Creator": "zhichan"}
    return {"Software": "zhichan"}
