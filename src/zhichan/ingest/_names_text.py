"""Character-level clean-up of party names: widths, brackets, dots, spaces, qualifiers, lists."""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "CJK",
    "clean",
    "compact",
    "has_cjk",
    "strip_qualifiers",
    "to_display",
]

# Han, kana, Hangul and the CJK compatibility blocks. Punctuation (U+3000-U+3004) is left out
# on purpose: 、。 are separators, not part of a name.
CJK = (
    "\u2e80-\u2fdf\u3005-\u3007\u3040-\u30fa\u30fc-\u30ff\u3100-\u312f\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
_CJK_RE = re.compile(f"[{CJK}]")


def _build_table() -> dict[int, int | str | None]:
    # Applied after NFKC, which has already folded full-width ASCII and （） to half-width.
    table: dict[int, int | str | None] = {}
    for ch in "[{【〔〖〘〚⦅":
        table[ord(ch)] = "("
    for ch in "]}】〕〗〙〛⦆":
        table[ord(ch)] = ")"
    for cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2E3A, 0x2E3B, 0xFE58):
        table[cp] = "-"
    # Middle dots of minority and foreign names (阿卜杜·热合曼) come in many look-alikes.
    for cp in (0x00B7, 0x0387, 0x2022, 0x2027, 0x2219, 0x22C5, 0x30FB, 0x2E31, 0x16EB):
        table[cp] = "·"
    for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD):
        table[cp] = None
    for cp in list(range(0x00, 0x20)) + [0x7F]:
        table[cp] = " "
    return table


_TABLE = _build_table()
_CJK_DOT = re.compile(f"(?<=[{CJK}])\\.(?=[{CJK}])")  # 阿卜杜.热合曼 (from a full-width ．)
_SPACE_CJK = re.compile(f" (?=[{CJK}()·])|(?<=[{CJK}()·]) ")
_SPACE_PAREN = re.compile(r"(?<=[(·]) | (?=[)·])")
# Leading/trailing junk: any non-word character except opening/closing brackets and quotes;
# a trailing '.' survives only after a Latin letter (Inc., Co., Ltd.).
_LEAD = re.compile(r"^(?:[^\w(《“‘「『\"']|_)+")
_TRAIL = re.compile(r"(?:[^\w)》”’」』\"'.]|_|(?<![A-Za-z])\.)+$")
_NONWORD = re.compile(r"[\W_]+")
_EMPTY_PARENS = re.compile(r"\(\s*\)")


def has_cjk(s: str) -> bool:
    """True when ``s`` holds at least one Han, kana or Hangul character."""
    return not s.isascii() and _CJK_RE.search(s) is not None


def _balance(s: str) -> str:
    # Drop unmatched ')' and close unmatched '(' so display brackets always pair up.
    out: list[str] = []
    depth = 0
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                continue
            depth -= 1
        out.append(ch)
    return "".join(out) + ")" * depth


def clean(text: str) -> str:
    """NFKC, one bracket/dash/dot style, single spaces only between non-CJK words, no edge junk.

    Brackets come out as ASCII ``()``; :func:`to_display` turns them full-width for CJK names.
    """
    s = unicodedata.normalize("NFKC", text)
    if not s.isascii():
        s = s.translate(_TABLE)
        if "(株)" in s:  # ㈱ after NFKC: the Japanese abbreviation of 株式会社
            s = s.replace("(株)", "株式会社")
    s = " ".join(s.split())
    if "(" in s or ")" in s:
        # One well-formed pair is the common case; anything else gets the full scan.
        if not (s.count("(") == s.count(")") == 1 and s.find("(") < s.find(")")):
            s = _balance(s)
        while "(" in s:  # '( )', '(())': nested empty brackets go from the inside out
            s, n = _EMPTY_PARENS.subn("", s)
            if not n:
                break
        s = " ".join(s.split())
    if " " in s:
        s = (_SPACE_CJK if has_cjk(s) else _SPACE_PAREN).sub("", s)
    if "." in s and not s.isascii():
        s = _CJK_DOT.sub("·", s)
    s = _LEAD.sub("", s)
    return _TRAIL.sub("", s)


def to_display(cleaned: str) -> str:
    """Full-width （） in names with CJK text, as official registrations write them."""
    if "(" in cleaned and has_cjk(cleaned):
        return cleaned.replace("(", "（").replace(")", "）")
    return cleaned


def compact(s: str) -> str:
    """Only letters and digits: no spaces, punctuation, brackets or dots."""
    return _NONWORD.sub("", s)


# Pure country/region qualifiers that databases append: 'XX有限公司（CN）', 'LG Electronics Inc. [KR]'.
# 'SA' (société anonyme) and 'AB' (aktiebolag) are missing on purpose: they are legal forms.
_COUNTRY_CODES = frozenset(
    "CN US JP KR DE FR GB UK CH NL SE FI DK NO IT ES AT BE CA AU IN SG HK MO TW IL RU BR IE LU "
    "NZ ZA MX TR AE MY TH VN ID PH PL CZ HU PT GR EP WO KY VG BM LI MC CY MT IR EG AR CL UA BY KZ "
    "CHN USA JPN KOR DEU FRA GBR TWN HKG".split()
)
_ZH_COUNTRIES = frozenset(
    "中国 中国大陆 中华人民共和国 香港 中国香港 澳门 中国澳门 台湾 中国台湾 美国 日本 韩国 德国 法国 英国 "
    "瑞士 荷兰 瑞典 芬兰 丹麦 挪威 意大利 西班牙 奥地利 比利时 加拿大 澳大利亚 新加坡 印度 以色列 "
    "俄罗斯 爱尔兰 卢森堡 开曼群岛 英属维尔京群岛 百慕大".split()
)
# Provinces and large cities written without 省/市; other places are caught by their suffix.
_ZH_PLACES = frozenset(
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 "
    "海南 四川 贵州 云南 陕西 甘肃 青海 内蒙古 广西 西藏 宁夏 新疆 深圳 广州 成都 武汉 杭州 南京 西安 "
    "苏州 厦门 青岛 大连 宁波 沈阳 长沙 郑州 济南 合肥 福州 昆明 哈尔滨 长春 石家庄 太原 南昌 南宁 "
    "贵阳 兰州 海口 乌鲁木齐 呼和浩特 银川 西宁 拉萨 无锡 东莞 佛山 珠海 常州 烟台 绵阳 两江新区".split()
)
_ZH_PLACE_SUFFIX = re.compile(r"[\u4e00-\u9fff]{1,8}(?:省|市|区|县|州|自治区|特别行政区)")
# A registered Chinese enterprise name must end with its organisational form, so a bracket
# after one of these is an annotation of the export, not part of the name.
_ZH_FORM_END = re.compile(r"(?:公司|集团|厂|企业|会社|合伙|合作社)$")


def _is_qualifier(inner: str, head: str) -> bool:
    if inner.upper() in _COUNTRY_CODES or inner in _ZH_COUNTRIES:
        return True
    if inner.startswith(("原", "曾用名")):  # 'XX有限公司（原XX厂）': former-name annotation
        return True
    if _ZH_FORM_END.search(head):
        return inner in _ZH_PLACES or _ZH_PLACE_SUFFIX.fullmatch(inner) is not None
    return False


def strip_qualifiers(s: str) -> str:
    """Drop trailing bracketed country codes, country names and post-form place annotations."""
    while s.endswith(")"):
        i = s.rfind("(")
        if i <= 0:
            break
        inner = s[i + 1 : -1]
        head = s[:i].rstrip()
        if ")" in inner or not head or not _is_qualifier(inner.strip(), head):
            break
        s = head
    return s
