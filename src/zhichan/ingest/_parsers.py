"""Field parsers: one cell's text → a typed value, or the issue code that explains why not.

Each parser returns ``(value, problem)`` where problem is ``None`` or ``(issue_code, fields)``.
Parsers are cached on the text because exports repeat values (dates, names, classes) heavily.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any, Callable

from zhichan.errors import InvalidIdentifierError
from zhichan.ids import (
    normalise_publication_number,
    normalise_trademark_number,
    parse_application_number,
    parse_uscc,
    to_halfwidth,
)
from zhichan.ingest._issues import register
from zhichan.ingest._legal_status import normalise_status, trademark_status
from zhichan.ingest._names import split_applicants
from zhichan.reference import normalise_ipc

Problem = tuple[str, dict[str, Any]] | None
Result = tuple[Any, Problem]

register("bad-application-number", "error", "申请号无法识别",
         "申请号 “{value}” 无法识别 (not recognised)：{reason}",
         "核对申请号；格式如 201220687633.0（12 位数字 + 校验位）或 93100001.X")
register("bad-check-digit", "error", "申请号校验位错误",
         "申请号 “{value}”：{reason}",
         "核对申请号是否录入错误；校验位按 GB/T 规则由前 12 位计算")
register("unparseable-date", "warning", "日期无法解析",
         "“{value}” 不是可识别的日期 (unparseable date)",
         "使用 2021-03-15、20210315、2021/3/15、2021年3月15日 或 2021.03.15 等格式")
register("date-out-of-range", "warning", "日期超出范围",
         "日期 {value} 不在 1900 年至今的合理范围内 (implausible date)", "核对年份")
register("bad-number", "warning", "数值无法解析", "“{value}” 不是数值 (not a number)",
         "只填数字，可带千分位逗号或“万元/亿元”单位")
register("bad-uscc", "warning", "统一社会信用代码无效",
         "统一社会信用代码 “{value}” 无效：{reason} (invalid USCC); 已忽略该代码",
         "核对 18 位代码（不含 I、O、Z、S、V）")
register("uscc-check-mismatch", "warning", "信用代码校验位不符",
         "统一社会信用代码 “{value}” 校验位不符，可能为早期试点代码 (check mismatch, possibly an early pilot code)",
         "如非试点代码，请核对录入")
register("unknown-ipc", "warning", "IPC 分类号无法识别",
         "“{value}” 不是有效的 IPC 分类号 (unknown IPC symbol)", "格式如 G06F 17/30 或 G06F17/30")
register("bad-nice-class", "error", "尼斯分类无效",
         "“{value}” 不是 1–45 的尼斯分类 (not a Nice class 1–45)", "填写类别号，如 9、35 或 第9类")
register("bad-trademark-number", "error", "商标注册号无效",
         "“{value}” 不是商标注册号/申请号 (not a trademark number)", "注册号为数字，如 12345678")
register("unknown-patent-type", "warning", "专利类型无法识别",
         "专利类型 “{value}” 无法识别 (unknown patent type)", "应为 发明、实用新型 或 外观设计")
register("bad-year", "error", "年份无效", "“{value}” 不是年份 (not a year)", "填写四位年份，如 2023")
register("bad-bool", "warning", "是/否值无法识别", "“{value}” 不是 是/否 (not a yes/no value)",
         "填写 是 或 否")

# -- text ---------------------------------------------------------------------------------------


def parse_text(s: str | None) -> Result:
    t = (s or "").strip()
    return (t or None), None


@lru_cache(maxsize=65536)
def parse_int(s: str | None) -> Result:
    t = to_halfwidth((s or "").strip()).replace(",", "")
    if not t:
        return None, None
    try:
        f = float(t)
    except ValueError:
        return None, ("bad-number", {})
    return (int(f) if f == int(f) else None), (None if f == int(f) else ("bad-number", {}))


_UNIT = re.compile(r"^([-+]?[\d.]+)\s*(亿元|亿|万元|万|元)?$")


@lru_cache(maxsize=65536)
def parse_amount(s: str | None, scale: float | None = None) -> Result:
    """A number in yuan; ``scale`` (from a header such as 金额(万元)) applies when the cell has no unit."""
    t = to_halfwidth((s or "").strip()).replace(",", "").replace("，", "")
    if t in ("", "-", "--", "—", "…", "...", "/"):
        return None, None  # yearbooks mark "no data" this way
    m = _UNIT.match(t)
    if not m:
        return None, ("bad-number", {})
    try:
        v = float(m.group(1))
    except ValueError:
        return None, ("bad-number", {})
    unit = m.group(2)
    factor = {"亿元": 1e8, "亿": 1e8, "万元": 1e4, "万": 1e4, "元": 1.0}[unit] if unit else (scale or 1.0)
    return v * factor, None


_TRUE = frozenset(("是", "有", "y", "yes", "true", "1", "√", "马德里"))
_FALSE = frozenset(("否", "无", "n", "no", "false", "0", "×", ""))


def parse_bool(s: str | None) -> Result:
    t = (s or "").strip().lower()
    if t in _TRUE:
        return True, None
    if t in _FALSE:
        return False, None
    return None, ("bad-bool", {})


# -- dates --------------------------------------------------------------------------------------

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
    re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"),
)
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_TODAY = dt.date.today()


@lru_cache(maxsize=65536)
def parse_date(s: str | None) -> Result:
    t = to_halfwidth((s or "").strip())
    if t in ("", "0", "-", "--", "—", "/", "无", "未发表", "不详"):
        return None, None  # CNIPA exports write 0 for "no date"; CPCC writes 未发表
    if "至" in t:  # a period such as 专用权期限 “2014-06-14至2024-06-13”: its end
        return parse_date(t.rsplit("至", 1)[1])
    for pat in _DATE_PATTERNS:
        m = pat.match(t)
        if m:
            try:
                d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None, ("unparseable-date", {})
            if not dt.date(1900, 1, 1) <= d <= _TODAY + dt.timedelta(days=366 * 30):
                return None, ("date-out-of-range", {})
            return d, None
    if t.isdigit() and 5 <= len(t) <= 5:  # an Excel serial day number that lost its format
        d = _EXCEL_EPOCH + dt.timedelta(days=int(t))
        return d, None
    return None, ("unparseable-date", {})


@lru_cache(maxsize=4096)
def parse_year(s: str | None) -> Result:
    t = to_halfwidth((s or "").strip()).removesuffix("年").removesuffix("年度")
    if t.endswith(".0"):
        t = t[:-2]
    if len(t) == 4 and t.isdigit() and 1949 <= int(t) <= 2100:
        return int(t), None
    return None, ("bad-year", {})


# -- identifiers --------------------------------------------------------------------------------


def parse_application(s: str | None) -> Result:
    t = (s or "").strip()
    if not t:
        return None, None
    try:
        return parse_application_number(t).normalised, None
    except InvalidIdentifierError as exc:
        code = "bad-check-digit" if getattr(exc, "reason_code", "") == "check-mismatch" else "bad-application-number"
        return None, (code, {"reason": exc.what})


def parse_publication(s: str | None) -> Result:
    t = (s or "").strip()
    return (normalise_publication_number(t) or t or None), None


def parse_uscc_field(s: str | None) -> Result:
    t = (s or "").strip()
    if not t:
        return None, None
    try:
        u = parse_uscc(t)
    except InvalidIdentifierError as exc:
        return None, ("bad-uscc", {"reason": exc.what})
    return u.normalised, (("uscc-check-mismatch", {}) if not u.check_ok else None)


def parse_trademark(s: str | None) -> Result:
    t = (s or "").strip()
    if not t:
        return None, None
    n = normalise_trademark_number(t)
    return (n, None) if n else (None, ("bad-trademark-number", {}))


def parse_six_digits(s: str | None) -> Result:
    t = to_halfwidth((s or "").strip())
    return (t if len(t) == 6 and t.isdigit() else None), None


# -- classifications ----------------------------------------------------------------------------

_SPLIT = re.compile(r"\s*[;；,，、|\n]\s*")


@lru_cache(maxsize=65536)
def parse_ipc(s: str | None) -> Result:
    t = (s or "").strip()
    if not t:
        return None, None
    code = normalise_ipc(t)
    return (code.symbol, None) if code else (None, ("unknown-ipc", {}))


@lru_cache(maxsize=65536)
def parse_ipc_list(s: str | None) -> Result:
    out, bad = [], None
    for part in _SPLIT.split((s or "").strip()):
        if part:
            code = normalise_ipc(part)
            if code:
                out.append(code.symbol)
            else:
                bad = ("unknown-ipc", {})
    return tuple(dict.fromkeys(out)) or None, bad


_NICE = re.compile(r"^第?0*(\d{1,2})类?$")


@lru_cache(maxsize=4096)
def parse_nice_list(s: str | None) -> Result:
    out = []
    for part in _SPLIT.split(to_halfwidth((s or "").strip())):
        if not part:
            continue
        m = _NICE.match(part.removesuffix(".0"))
        if not m or not 1 <= int(m.group(1)) <= 45:
            return None, ("bad-nice-class", {})
        out.append(int(m.group(1)))
    return tuple(dict.fromkeys(out)) or None, None


_PATENT_TYPES = {"发明": "invention", "发明专利": "invention", "发明申请": "invention", "发明授权": "invention",
                 "实用新型": "utility_model", "实用新型专利": "utility_model", "新型": "utility_model",
                 "外观设计": "design", "外观设计专利": "design", "外观": "design",
                 "invention": "invention", "utility model": "utility_model", "design": "design"}


@lru_cache(maxsize=1024)
def parse_patent_type(s: str | None) -> Result:
    t = (s or "").strip()
    if not t:
        return None, None
    first = _SPLIT.split(t)[0]  # "发明公开;发明授权": the publications of one invention
    kind = _PATENT_TYPES.get(first) or _PATENT_TYPES.get(first.lower())
    if kind is None:
        kind = next((k for stem, k in (("发明", "invention"), ("实用新型", "utility_model"), ("外观", "design"))
                     if stem in first), None)
    return kind, (None if kind else ("unknown-patent-type", {}))


# -- lists --------------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def parse_party_list(s: str | None) -> Result:
    return tuple(split_applicants(s or "")) or None, None


@lru_cache(maxsize=65536)
def parse_list(s: str | None) -> Result:
    return tuple(p for p in _SPLIT.split((s or "").strip()) if p) or None, None


def parse_legal_status(s: str | None) -> Result:
    return normalise_status(s), None


def parse_trademark_status(s: str | None) -> Result:
    return trademark_status(s), None


PARSERS: dict[str, Callable[[str | None], Result]] = {
    "text": parse_text, "int": parse_int, "amount": parse_amount, "bool": parse_bool,
    "date": parse_date, "year": parse_year, "application_number": parse_application,
    "publication_number": parse_publication, "uscc": parse_uscc_field, "region_code": parse_six_digits,
    "postcode": parse_six_digits, "address": parse_text, "party_list": parse_party_list,
    "person_list": parse_list, "ipc": parse_ipc, "ipc_list": parse_ipc_list, "nice_list": parse_nice_list,
    "patent_type": parse_patent_type, "legal_status": parse_legal_status, "country": parse_text,
    "trademark_status": parse_trademark_status,
    "trademark_number": parse_trademark, "list": parse_list,
}
