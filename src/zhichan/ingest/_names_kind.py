"""Party kind in the CNIPA statistical categories, from organisation markers and name shape.

Chinese organisation names are head-final ('重庆大学科技园发展有限公司' is a company,
'重庆医科大学附属第一医院' a hospital), so the marker that ends furthest right decides; among
markers ending at the same place the longest wins (科学院 over 学院, 研究所 over 所).
"""

from __future__ import annotations

import re

from zhichan.ingest._names_text import CJK

__all__ = ["KINDS", "KIND_LABELS_ZH", "classify"]

KINDS = ("enterprise", "university", "institute", "government", "individual", "other")
# CNIPA statistics labels; 'government' is 机关团体 (agencies, associations, public institutions).
KIND_LABELS_ZH = {
    "enterprise": "企业",
    "university": "大专院校",
    "institute": "科研单位",
    "government": "机关团体",
    "individual": "个人",
    "other": "其他",
}

_MARKERS: dict[str, tuple[str, ...]] = {
    "enterprise": (
        "公司 集团 集團 企业 厂 廠 合作社 商行 经营部 门市部 营业部 事业部 服务部 销售部 工作室 "
        "店 商店 超市 酒店 饭店 药房 诊所 门诊部 事务所 农场 牧场 养殖场 种植场 场 矿 银行 "
        "有限合伙 普通合伙 合伙企业 个人独资 个体工商户 个体户 会社 會社 商社 制作所 製作所 "
        "社 行 作坊 投资中心 宾馆 饭馆 餐馆 面馆 茶馆 照相馆 酒馆 菜馆 馆 电影院 剧院 餐厅"
    ).split(),
    "university": (
        "大学 大學 学院 學院 学校 學校 研究生院 高等专科学校 专科学校 职业技术学院 书院"
    ).split(),
    "institute": (
        "研究所 研究院 研究總院 研究总院 研究中心 研发中心 技术中心 工程中心 工程技术中心 "
        "检测中心 测试中心 科学院 工程院 实验室 實驗室 设计院 设计研究院 规划院 勘察院 "
        "研究室 试验站 实验站 试验场 所 院 科研院"
    ).split(),
    # Hospitals are counted as 机关团体 (public institutions), even when a university runs
    # them: '重庆医科大学附属第一医院' is a hospital. Schools below college level likewise.
    "government": (
        "局 委员会 委員會 委 人民政府 政府 办事处 办公室 办公厅 厅 部 署 处 站 中心 协会 協會 "
        "学会 學會 研究会 联合会 商会 基金会 促进会 联盟 医院 醫院 卫生院 保健院 疗养院 养老院 "
        "福利院 部队 军区 支队 大队 总队 海关 法院 检察院 派出所 卫生所 管理所 监狱 博物馆 "
        "图书馆 档案馆 纪念馆 科技馆 文化馆 美术馆 展览馆 气象台 电视台 广播电台 中学 小学 幼儿园 党校 社区 "
        "居委会 村委会 管委会 红十字会 疾病预防控制中心 服务中心 中学校 小学校"
    ).split(),
}
# 厅 is both 办公厅 (government) and 餐厅 (enterprise): the specific words above disambiguate,
# a bare 厅 counts as government (教育厅, 科技厅).
_KIND_OF: dict[str, str] = {}
for _kind in ("enterprise", "university", "institute", "government"):
    for _m in _MARKERS[_kind]:
        _KIND_OF[_m] = _kind
# Searched on the reversed name: the first hit is the marker ending furthest right, and
# longest-first alternation prefers 科学院 to 学院.
_MARKER_RE = re.compile(
    "|".join(re.escape(m[::-1]) for m in sorted(_KIND_OF, key=len, reverse=True))
)

_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
    "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓"
    "古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣"
    "巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冒蔺楼满闻"
    "位厉伊仝区郜阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿狄计索宣晋相初门云容敬扈晁芮都普阙浦戈伏鹿"
    "薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇哈湛宾戎勾茅利於呼居揭干但尉冶斯元"
    "束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 西门 南宫 独孤 "
    "澹台 百里 呼延 万俟 申屠 太史 钟离 闻人 赫连 东郭 左丘 拓跋 完颜 公羊 濮阳 淳于 单于 仲孙 乐正 "
    "漆雕 公冶 宗政 谷梁 巫马 羊舌 梁丘 鲜于 闾丘 司空 亓官 司寇 颛孙 段干 第五".split()
)
_HAN_NAME = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]{2,4}")
_DOTTED_NAME = re.compile(f"[{CJK}]{{1,12}}(?:·[{CJK}]{{1,12}}){{1,4}}")


def _cjk_kind(s: str) -> tuple[str, str] | None:
    t = s.replace(" ", "")
    m = _MARKER_RE.search(t[::-1])
    marker = m.group()[::-1] if m else ""
    if _HAN_NAME.fullmatch(t):
        compound = t[:2] in _COMPOUND_SURNAMES
        surname = compound or t[0] in _SURNAMES
        # Short personal names may end in a character that is also a marker (李学会, 王建行):
        # real organisations with such markers always have longer names.
        if not marker or (
            surname and (len(marker) == 1 or (marker != "公司" and (len(t) <= 3 or compound)))
        ):
            return "individual", "person:surname" if surname else "person:pattern"
    elif (not marker or len(marker) == 1) and _DOTTED_NAME.fullmatch(t):
        return "individual", "person:dotted"
    if marker:
        return _KIND_OF[marker], "marker:" + marker
    return None


_LATIN_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        # Hospitals first: 'Seoul National University Hospital' is a hospital, as in Chinese.
        ("government", r"\b(?:HOSPITALS?|CLINIC|MEDICAL CENT(?:ER|RE))\b"),
        (
            "university",
            r"\b(?:UNIVERSIT\w*|UNIV|COLLEGE|POLYTECHNIC|POLITECNICO|HOCHSCHULE|[EÉ]COLE|"
            r"SCHOOL|INSTITUTE OF (?:SCIENCE AND )?TECHNOLOGY)\b",
        ),
        (
            "institute",
            r"\b(?:INSTITUTES?|INSTITUT|INSTITUUT|INSTITUTO|ISTITUTO|LABORATORY|"
            r"RESEARCH (?:CENT(?:ER|RE)|ORGANI[SZ]ATION)|ACADEMY OF SCIENCES?|CNRS|"
            r"FRAUNHOFER|MAX PLANCK|COMMISSARIAT|CENTRE NATIONAL|FORSCHUNGSZENTRUM)\b",
        ),
        (
            "government",
            r"\b(?:MINISTRY|MINIST[EÈ]RE|DEPARTMENT|GOVERNMENT|AGENCY|ADMINISTRATION|"
            r"COMMISSION|ASSOCIATION|SOCIETY|FOUNDATION|COUNCIL|OFFICE|BUREAU|AUTHORITY|"
            r"SECRETARY|REPRESENTED BY|STATE OF|CITY OF|REPUBLIC|NAVY|ARMY|AIR FORCE)\b",
        ),
        (
            "enterprise",
            r"\b(?:GROUP|HOLDINGS?|INDUSTR\w*|TECHNOLOG(?:Y|IES)|TECH|ELECTRONICS?|ELECTRIC|"
            r"SYSTEMS?|SOLUTIONS|PHARMA\w*|CHEMICALS?|MOTORS?|ENTERPRISES?|TRADING|BANK|"
            r"MANUFACTURING|INTERNATIONAL|SERVICES|NETWORKS?|SOFTWARE|ENERGY|DEVICES|"
            r"INSTRUMENTS|MACHINERY|PRODUCTS|LABORATORIES|LABS|PUBL|\w*AKTIEBOLAG\w*)\b",
        ),
    )
)
_LATIN_PERSON = re.compile(r"[^\W\d_][^\W\d_'’\-]*\.?(?:[\s,]+[^\W\d_][^\W\d_'’\-]*\.?){1,4}")


_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")


def _latin_kind(u: str) -> tuple[str, str] | None:
    for kind, rx in _LATIN_RULES:
        m = rx.search(u)
        if m:
            return kind, "latin:" + m.group()
    if _LATIN_PERSON.fullmatch(u):
        return "individual", "person:latin"
    return None


def classify(s: str, form_token: str | None, cjk: bool) -> tuple[str, str]:
    """(kind, reason) for a cleaned, qualifier-free name; ``form_token`` from detect_form."""
    if form_token is not None:
        return "enterprise", "form:" + form_token
    if cjk:
        found = _cjk_kind(s)
        if found:
            return found
    if _LATIN_LETTER.search(s):
        found = _latin_kind(s.upper())
        if found:
            return found
    return "other", "no-marker"
