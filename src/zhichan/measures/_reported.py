"""Recording hand-reported indicator values, checked against the registry and the regions."""

from __future__ import annotations

import math

from zhichan.errors import UserError
from zhichan.measures._indicator_registry import IndicatorRegistry, default_indicators
from zhichan.store import set_reported


def report_value(db, indicator: str, region: str, period: int, value: float, source: str, *,
                 note: str | None = None, registry: IndicatorRegistry | None = None) -> str:
    """Store a value reported by hand for ``indicator`` (id or alias) and return its id."""
    ind = (registry or default_indicators()).get(indicator)
    if ind.numerator.source != "reported":
        raise UserError(
            f"指标 {ind.id} 由记录或统计计算，不接受人工填报 this indicator is computed, not reported",
            where=f"indicator {ind.id}",
            expected="人工填报类指标，例如 ip_protection_satisfaction",
            found=f"numerator.source = {ind.numerator.source}",
            fix="导入原始记录或统计数据 (import the records or statistics instead)",
        )
    if not (isinstance(value, (int, float)) and math.isfinite(value)):
        raise UserError("填报值无效 invalid value", expected="有限数值 a finite number", found=repr(value),
                        fix="--value 82.5")
    if not source or not source.strip():
        raise UserError("填报值须注明来源 a reported value needs its source", where=f"{ind.id} {region} {period}",
                        fix='--source "2023年全市知识产权保护社会满意度调查报告"')
    code = str(region).strip()
    if not db.scalar("SELECT count(*) > 0 FROM region WHERE code = ?", [code]):
        raise UserError(f"未知的地区 unknown region: {code}", expected="6位行政区划代码", found=code,
                        fix="用 zhichan regions resolve 查代码")
    if not 1949 <= int(period) <= 2100:
        raise UserError("统计期超出范围 period out of range", expected="1949–2100", found=str(period), fix="--period 2023")
    set_reported(db, ind.id, code, int(period), float(value), source.strip(), note)
    return ind.id
