"""Import problems as typed records, collected into a report rather than raised one by one.

Every issue type is registered here once (code, severity, Chinese title, message template, hint),
so the error catalogue in docs/ can be generated from ``ISSUE_TYPES``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class IssueType:
    """A kind of import problem; ``template`` is formatted with the issue's fields."""

    code: str
    severity: str
    title_zh: str
    template: str
    hint: str


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in one place of one input file."""

    code: str
    severity: str
    message: str
    hint: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


ISSUE_TYPES: dict[str, IssueType] = {}


def register(code: str, severity: str, title_zh: str, template: str, hint: str) -> IssueType:
    """Add an issue type; codes are kebab-case and unique."""
    if code in ISSUE_TYPES:
        raise ValueError(f"duplicate issue type {code}")
    if severity not in SEVERITIES:
        raise ValueError(f"bad severity {severity}")
    t = IssueType(code, severity, title_zh, template, hint)
    ISSUE_TYPES[code] = t
    return t


def make_issue(code: str, *, file: str | None = None, sheet: str | None = None, row: int | None = None,
               column: str | None = None, value: Any = None, severity: str | None = None,
               **fields: Any) -> Issue:
    """Build an issue of a registered type, filling its message template."""
    t = ISSUE_TYPES[code]
    shown = None if value is None else str(value)
    if shown is not None and len(shown) > 200:
        shown = shown[:200] + "…"
    message = t.template.format(value=shown, column=column, row=row, sheet=sheet, **fields)
    return Issue(code, severity or t.severity, message, t.hint.format(**fields) if fields else t.hint,
                 file, sheet, row, column, shown)


# -- file-level problems (readers) ---------------------------------------------------------------
register("file-empty", "error", "空文件", "文件为空或没有任何数据行 the file holds no data rows",
         "确认导出是否成功，重新导出后再导入 (re-export the data)")
register("file-unreadable", "error", "文件无法读取", "无法读取文件 cannot read the file: {reason}",
         "确认文件完整且格式正确；若为 XLSX，用 Excel 打开后另存为 (open in Excel and save again)")
register("file-too-large-uncompressed", "error", "疑似压缩炸弹",
         "XLSX 解压后体积异常 ({size} 字节，压缩比 {ratio}) the XLSX expands abnormally",
         "该文件可能是恶意构造的；请从原始系统重新导出 (re-export from the source system)")
register("encoding-guessed", "info", "编码推断", "按 {encoding} 编码读取 read as {encoding}",
         "如有乱码，请以 UTF-8 另存 (save as UTF-8 if text looks garbled)")
register("encoding-replaced", "warning", "编码错误字符",
         "第 {row} 行含无法按 {encoding} 解码的字节，已替换为 � (undecodable bytes replaced)",
         "检查该行文字；必要时以 UTF-8 重新导出")
register("header-not-found", "error", "未找到表头",
         "前 {scanned} 行中未找到可识别的表头 no recognisable header row in the first {scanned} rows",
         "确认文件含列名行（如 申请号、申请日）；或用 --profile 指定导入模板")
register("duplicate-header", "warning", "重复列名", "列名 “{column}” 出现多次，使用第一列 (duplicate header; the first is used)",
         "删除或重命名重复的列")
register("blank-row", "info", "空行", "第 {row} 行为空行，已跳过 (blank row skipped)", "无需处理")
register("totals-row", "info", "合计行", "第 {row} 行为合计/小计行，已跳过 (totals row skipped)", "无需处理")
register("ragged-row", "warning", "列数不符",
         "第 {row} 行有 {found} 列，表头有 {expected} 列 (row has a different number of cells)",
         "检查该行是否有多余的分隔符或缺失的引号")
register("excel-error-cell", "warning", "Excel 错误值", "单元格为 Excel 错误值 {value} (Excel error value)",
         "在 Excel 中修正该公式后重新导出")
register("formula-cell", "info", "公式单元格", "单元格含公式，使用缓存的计算结果 (formula: cached value used)",
         "如结果为空，请在 Excel 中重新计算并保存")
register("csv-injection", "warning", "疑似公式注入",
         "值以 =、+、-、@ 开头，可能被表格软件当作公式执行 (possible CSV injection)",
         "已原样保存为文本；导出报表时会加前导单引号")
register("field-too-long", "warning", "字段过长", "字段长度 {length} 超过上限 {limit}，已截断 (field truncated)",
         "检查该单元格是否误含整段文本或二进制内容")
