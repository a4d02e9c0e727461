"""Charts for reports (matplotlib, PNG): trend lines, bars, composition; Chinese text in a CJK font
found on the machine (Noto Sans CJK from the Debian package fonts-noto-cjk, or another)."""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display on servers

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from zhichan.errors import UserError  # noqa: E402

# Preferred CJK families, in order; the first one installed is used.
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
                "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "PingFang SC")
PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#a5a5a5")


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """The CJK font family used for charts; a clear error when none is installed."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for fam in CJK_FAMILIES:
        if fam in installed:
            return fam
    raise UserError(
        "未找到中文字体，图表中的中文无法显示 no CJK font installed",
        expected="任一中文字体 one of: " + "、".join(CJK_FAMILIES),
        found="无 none",
        fix="安装字体 install one, e.g. `apt-get install fonts-noto-cjk`",
    )


def _style():
    fam = cjk_font()
    plt.rcParams.update({"font.family": "sans-serif", "font.sans-serif": [fam, "DejaVu Sans"],
                         "axes.unicode_minus": False, "figure.dpi": 150, "savefig.dpi": 150,
                         "axes.spines.top": False, "axes.spines.right": False})


def _save(fig, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        # a missing glyph would silently print boxes: make it an error instead
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing.*")
        fig.savefig(path, bbox_inches="tight")
    plt.close(fig)
    return path


def trend_chart(series: dict[str, dict[int, float]], path: Path, *, title: str, unit: str) -> Path:
    """Lines over years: ``series`` maps a label to {year: value}."""
    _style()
    fig, ax = plt.subplots(figsize=(7.2, 3.6))
    for i, (label, points) in enumerate(series.items()):
        years = sorted(y for y, v in points.items() if v == v)
        ax.plot(years, [points[y] for y in years], marker="o", ms=3.5, lw=1.8, color=PALETTE[i % len(PALETTE)],
                label=label)
    ax.set_title(title, fontsize=11)
    ax.set_ylabel(unit)
    ax.grid(axis="y", alpha=0.3)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    if len(series) > 1:
        ax.legend(frameon=False, fontsize=8)
    return _save(fig, path)


def bar_chart(labels: list[str], values: list[float], path: Path, *, title: str, unit: str,
              highlight: str | None = None, reference: float | None = None, reference_label: str = "") -> Path:
    """Horizontal bars, sorted as given; ``highlight`` marks one label, ``reference`` draws a line."""
    _style()
    fig, ax = plt.subplots(figsize=(7.2, max(2.5, 0.22 * len(labels) + 1)))
    colours = [PALETTE[1] if lab == highlight else PALETTE[0] for lab in labels]
    ax.barh(range(len(labels)), values, color=colours)
    ax.set_yticks(range(len(labels)), labels, fontsize=7.5)
    ax.invert_yaxis()
    if reference is not None and reference == reference:
        ax.axvline(reference, color=PALETTE[2], lw=1.2, ls="--")
        ax.text(reference, -0.8, f" {reference_label}", color=PALETTE[2], fontsize=8, va="bottom")
    ax.set_xlabel(unit)
    ax.set_title(title, fontsize=11)
    ax.grid(axis="x", alpha=0.3)
    return _save(fig, path)


def composition_chart(parts: dict[str, float], path: Path, *, title: str) -> Path:
    """Shares of a whole as a ring."""
    _style()
    fig, ax = plt.subplots(figsize=(5.0, 3.6))
    vals = [v for v in parts.values() if v and v > 0]
    labels = [k for k, v in parts.items() if v and v > 0]
    ax.pie(vals, labels=labels, colors=PALETTE[: len(vals)], autopct="%1.1f%%", startangle=90,
           wedgeprops={"width": 0.45}, textprops={"fontsize": 8})
    ax.set_title(title, fontsize=11)
    return _save(fig, path)
