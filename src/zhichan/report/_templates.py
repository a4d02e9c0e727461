"""Report templates as data: structures (annual.yaml), sentence templates (findings.yaml), DOCX
layout (docx.yaml) and the HTML template. Packaged defaults, overridable by a folder of the same
files (an office's own wording and layout)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from zhichan.errors import UserError

_PACKAGE = "zhichan.report"


def template_text(name: str, folder: Path | None = None) -> str:
    """The text of template ``name``: from ``folder`` when it has one, else the packaged one."""
    if folder is not None and (Path(folder) / name).is_file():
        return (Path(folder) / name).read_text("utf-8")
    return resources.files(_PACKAGE).joinpath("templates", name).read_text("utf-8")


def template_yaml(name: str, folder: Path | None = None) -> dict:
    text = template_text(name, folder)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise UserError(f"报告模板格式错误 template is not valid YAML: {name}",
                        where=f"{name}:{(mark.line + 1) if mark else '?'}", found=str(exc).splitlines()[0],
                        fix="检查缩进与引号 (check indentation and quotes)") from None
    if not isinstance(data, dict):
        raise UserError(f"报告模板应为映射 template must be a mapping: {name}", where=name, fix="参照内置模板")
    return data


def heading_number(level: int, index: int) -> str:
    """Official-document numbering: 一、 （一） 1. （1） for levels 1–4 (index from 1)."""
    if level == 1:
        return f"{_chinese_numeral(index)}、"
    if level == 2:
        return f"（{_chinese_numeral(index)}）"
    if level == 3:
        return f"{index}."
    return f"（{index}）"


_DIGITS = "零一二三四五六七八九"


def _chinese_numeral(n: int) -> str:
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    return str(n)
