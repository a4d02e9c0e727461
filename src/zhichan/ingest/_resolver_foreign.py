"""Hong Kong, Macao, Taiwan and foreign-country markers for the address resolver."""

from __future__ import annotations

HK, MO, TW = "810000", "820000", "710000"
NON_MAINLAND = frozenset({HK, MO, TW})

# Extra names that point at the three province-level units outside the mainland system.
# Weights follow the gazetteer: 2.0 = unmistakable, 1.2 = short/district name.
SAR_ALIASES: tuple[tuple[str, str, float], ...] = (
    ("香港", HK, 2.0), ("中国香港", HK, 2.0), ("香港特区", HK, 2.0), ("九龙", HK, 1.2),
    ("新界", HK, 1.2), ("尖沙咀", HK, 1.2), ("铜锣湾", HK, 1.2), ("湾仔", HK, 1.2),
    ("沙田", HK, 1.2), ("荃湾", HK, 1.2), ("中环", HK, 1.2), ("观塘", HK, 1.2),
    ("澳门", MO, 2.0), ("澳門", MO, 2.0), ("中国澳门", MO, 2.0), ("氹仔", MO, 1.2),
    ("路环", MO, 1.2),
    ("台湾", TW, 2.0), ("臺灣", TW, 2.0), ("台灣", TW, 2.0), ("中国台湾", TW, 2.0),
    ("台北", TW, 1.6), ("臺北", TW, 1.6), ("新北", TW, 1.6), ("桃园市", TW, 1.6),
    ("台中", TW, 1.6), ("臺中", TW, 1.6), ("台南", TW, 1.6), ("臺南", TW, 1.6),
    ("高雄", TW, 1.6), ("新竹", TW, 1.6), ("基隆", TW, 1.6), ("嘉义", TW, 1.6),
    ("嘉義", TW, 1.6), ("彰化", TW, 1.6), ("屏东", TW, 1.6), ("屏東", TW, 1.6),
    ("花莲", TW, 1.6), ("花蓮", TW, 1.6), ("宜兰", TW, 1.6), ("宜蘭", TW, 1.6),
    ("苗栗", TW, 1.6), ("南投", TW, 1.6), ("云林", TW, 1.6), ("雲林", TW, 1.6),
    ("台东", TW, 1.6), ("臺東", TW, 1.6), ("澎湖", TW, 1.6),
)

# Country names (Chinese) that open foreign addresses in patent and enterprise registers.
FOREIGN_NAMES: tuple[str, ...] = (
    "日本", "日本国", "美国", "美利坚合众国", "韩国", "大韩民国", "朝鲜民主主义人民共和国",
    "德国", "德意志联邦共和国", "法国", "英国", "大不列颠", "意大利", "瑞士", "瑞典", "荷兰",
    "比利时", "卢森堡", "奥地利", "丹麦", "芬兰", "挪威", "冰岛", "爱尔兰", "西班牙", "葡萄牙",
    "希腊", "波兰", "捷克", "匈牙利", "罗马尼亚", "保加利亚", "斯洛伐克", "斯洛文尼亚",
    "克罗地亚", "塞尔维亚", "乌克兰", "白俄罗斯", "俄罗斯", "俄罗斯联邦", "土耳其", "以色列",
    "沙特阿拉伯", "阿联酋", "阿拉伯联合酋长国", "卡塔尔", "伊朗", "埃及", "南非", "尼日利亚",
    "肯尼亚", "印度", "巴基斯坦", "孟加拉", "斯里兰卡", "尼泊尔", "新加坡", "马来西亚", "泰国",
    "越南", "菲律宾", "印度尼西亚", "印尼", "柬埔寨", "缅甸", "老挝", "蒙古国", "哈萨克斯坦",
    "乌兹别克斯坦", "加拿大", "墨西哥", "巴西", "阿根廷", "智利", "秘鲁", "哥伦比亚",
    "委内瑞拉", "古巴", "澳大利亚", "澳洲", "新西兰", "列支敦士登", "摩纳哥", "马耳他",
    "塞浦路斯", "开曼群岛", "英属维尔京群岛", "英属维京群岛", "百慕大", "巴巴多斯", "萨摩亚",
    "毛里求斯", "巴拿马", "爱沙尼亚", "拉脱维亚", "立陶宛",
)

# Latin-script markers, matched on the lower-cased text.
_LATIN_HK = ("hong kong", "hongkong", "kowloon")
_LATIN_MO = ("macau", "macao")
_LATIN_TW = ("taiwan", "taipei", "hsinchu", "kaohsiung", "taichung")
_LATIN_CN = ("china", "p.r.c", "prc")


def latin_region(text: str) -> tuple[str | None, bool, str]:
    """(code, domestic, reason) for an address with no Chinese characters."""
    low = text.lower()
    if any(k in low for k in _LATIN_HK):
        return HK, False, "拉丁字母地址含 Hong Kong (latin script, Hong Kong)"
    if any(k in low for k in _LATIN_MO):
        return MO, False, "拉丁字母地址含 Macao (latin script, Macao)"
    if any(k in low for k in _LATIN_TW):
        return TW, False, "拉丁字母地址含 Taiwan (latin script, Taiwan)"
    if any(k in low for k in _LATIN_CN):
        return None, True, "拉丁字母的中国地址，未解析到区划 (latin-script Chinese address, unresolved)"
    if not low.strip():
        return None, False, "空地址 (empty address)"
    return None, False, "拉丁字母的外国地址 (latin-script foreign address)"
