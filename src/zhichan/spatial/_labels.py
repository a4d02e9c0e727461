"""Short region names for map labels: 重庆市 → 重庆, 石柱土家族自治县 → 石柱县, 新疆维吾尔自治区 → 新疆."""

from __future__ import annotations

__all__ = ["short_name"]

# 55 minority nationalities, longest first so that 土家 wins over 土
_PEOPLES = sorted(
    ["蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各"], key=len, reverse=True)
_SUFFIX = {"自治县": "县", "自治旗": "旗", "自治州": "州", "自治区": ""}


def _strip_peoples(stem: str) -> str:
    changed = True
    while changed and stem.endswith("族"):
        changed = False
        for p in _PEOPLES:
            if stem.endswith(p + "族") and len(stem) > len(p) + 2:
                stem = stem[: -len(p) - 1]
                changed = True
                break
    return stem


def short_name(name: str, level: str | None = None) -> str:
    """The name as a map label. Provinces lose 省/市/自治区/特别行政区; autonomous units their peoples."""
    if name == "新疆维吾尔自治区":  # the only people named without 族 in a unit name
        return "新疆"
    for suffix, repl in _SUFFIX.items():
        if name.endswith(suffix):
            stem = _strip_peoples(name[: -len(suffix)])
            return stem + (repl if level != "province" else "")
    if level == "province":
        for suffix in ("特别行政区", "省", "市"):
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                return name[: -len(suffix)]
    if level == "prefecture" and name.endswith("市") and len(name) > 2:
        return name[:-1]
    if level == "prefecture" and name.endswith("地区") and len(name) > 3:
        return name[:-2]
    return name
