"""A CJK font for map text: found among the installed fonts, or given as a file.

Maps carry Chinese titles, legends and names; a Latin-only font would draw them as empty boxes
("tofu"). The first installed family of ``CJK_FAMILIES`` wins; ``$ZHICHAN_CJK_FONT`` (a .ttf,
.otf or .ttc file) overrides. On Debian/Ubuntu: ``apt-get install fonts-noto-cjk``.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from zhichan.errors import UserError

__all__ = ["CJK_FAMILIES", "CjkFont", "cjk_font", "map_style", "missing_glyphs", "rc_params"]

CJK_FAMILIES = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC", "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB", "Sarasa Gothic SC",
    "Droid Sans Fallback", "AR PL UMing CN",
)
ENV_VAR = "ZHICHAN_CJK_FONT"


@dataclass(frozen=True)
class CjkFont:
    """The chosen font: matplotlib family name, file and face index within a collection."""

    family: str
    path: str
    index: int = 0


def _manager():
    from matplotlib import font_manager

    return font_manager.fontManager


@cache
def _from_file(path: str) -> CjkFont:

    if not Path(path).is_file():
        raise UserError("找不到指定的中文字体文件 CJK font file not found", where=f"${ENV_VAR}", found=path,
                        expected="一个 .ttf/.otf/.ttc 字体文件 a font file", fix=f"检查路径，或取消 {ENV_VAR}")
    _manager().addfont(path)
    entries = [f for f in _manager().ttflist if f.fname == path]
    if not entries:
        raise UserError("无法读取字体文件 cannot read the font file", where=f"${ENV_VAR}", found=path,
                        fix="换一个 TrueType/OpenType 字体 use a TrueType/OpenType font")
    sc = [f for f in entries if f.name.endswith(" SC")] or entries
    return CjkFont(sc[0].name, path, getattr(sc[0], "index", 0) or 0)


@cache
def _installed() -> CjkFont | None:
    by_name: dict[str, object] = {}
    for f in _manager().ttflist:
        if f.weight in (400, "normal", "regular") and f.style == "normal":
            by_name.setdefault(f.name, f)
    for f in _manager().ttflist:
        by_name.setdefault(f.name, f)
    for family in CJK_FAMILIES:
        f = by_name.get(family)
        if f is not None:
            return CjkFont(family, f.fname, getattr(f, "index", 0) or 0)  # type: ignore[attr-defined]
    return None


def cjk_font() -> CjkFont:
    """The font maps use; raises a ``UserError`` telling how to install one when none is found."""
    env = os.environ.get(ENV_VAR)
    if env:
        return _from_file(env)
    found = _installed()
    if found is None:
        raise UserError(
            "没有可用的中文字体，地图中的汉字无法显示 no CJK font found for map text",
            where="matplotlib 字体列表 matplotlib's font list",
            expected="、".join(CJK_FAMILIES[:5]) + " 等 etc.",
            found="无 none",
            fix=f"安装 install: apt-get install fonts-noto-cjk（或 fonts-wqy-microhei），"
                f"或设置 ${ENV_VAR}=字体文件路径 (path to a .ttf/.otf/.ttc)",
        )
    return found


def rc_params() -> dict[str, object]:
    """matplotlib settings for a map: the CJK font first, DejaVu Sans as fallback; SVG text as paths."""
    font = cjk_font()
    return {
        "font.family": [font.family, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "svg.fonttype": "path",
        "pdf.fonttype": 42,
    }


def map_style(fn):
    """Decorator: build the figure under the map font settings (text takes its font when made)."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        import matplotlib as mpl

        with mpl.rc_context(rc_params()):
            return fn(*args, **kwargs)

    return wrapper


@cache
def _cmap(path: str, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTCollection, TTFont

    if path.lower().endswith((".ttc", ".otc")):
        font = TTCollection(path, lazy=True).fonts[index]
    else:
        font = TTFont(path, lazy=True)
    return frozenset(font.getBestCmap())


def missing_glyphs(text: str, font: CjkFont | None = None) -> set[str]:
    """The characters of ``text`` (whitespace aside) that ``font`` (default: the map font) lacks."""
    f = font or cjk_font()
    cmap = _cmap(f.path, f.index)
    return {ch for ch in set(text) if not ch.isspace() and ord(ch) not in cmap}
