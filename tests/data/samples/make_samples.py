"""Generate the per-profile import samples in this folder (except cnipa_patent_sample.csv, a real
CNIPA-style export kept as found).

Run from the repository root:  .venv/bin/python tests/data/samples/make_samples.py

Records are synthetic: companies and people are fictitious (public bodies and the geographical
indication names are real), numbers carry computed check characters unless a row is deliberately
wrong. Every file holds a few rows that must be rejected or warned; README.md lists them and
tests/integration/test_import_profiles.py pins the exact outcome. Re-running rewrites the files
(XLSX zip timestamps change, so re-run only when a sample must change, and update the tests).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from zhichan.ids import application_check_char, org_code_check_char, uscc_check_char

HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2024, 3, 18, 9, 0, 0)


# -- identifiers -----------------------------------------------------------------------------------
def app(digits: str, prefix: str = "CN") -> str:
    """A valid application number with its check character, e.g. CN202110345678.2."""
    return f"{prefix}{digits}.{application_check_char(digits)}"


def bad_app(digits: str, prefix: str = "CN") -> str:
    """The same number with a wrong check character (the next one in 0-9X)."""
    chars = "0123456789X"
    good = application_check_char(digits)
    return f"{prefix}{digits}.{chars[(chars.index(good) + 1) % 11]}"


def uscc(kind: str, region: str, org8: str) -> str:
    """A valid USCC: 9 + kind (1 enterprise, 2 individual business, 3 cooperative) + region +
    organisation code (8 + its check) + check character."""
    body = f"9{kind}{region}{org8}{org_code_check_char(org8)}"
    return body + uscc_check_char(body)


def bad_uscc_check(code: str) -> str:
    charset = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    return code[:17] + charset[(charset.index(code[17]) + 1) % 31]


# -- writers ---------------------------------------------------------------------------------------
def write_csv(name: str, header: list[str], rows: list[list[object]], *, encoding: str = "utf-8",
              bom: bool = False) -> None:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if c is None else c for c in r])
    data = buf.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    (HERE / name).write_bytes(data)


def _workbook():
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "zhichan tests"
    return wb


def _put_rows(ws, start_row: int, rows: list[list[object]]) -> None:
    for i, r in enumerate(rows):
        for j, v in enumerate(r, 1):
            if v is None or v == "":
                continue
            cell = ws.cell(row=start_row + i, column=j, value=v)
            if isinstance(v, dt.date):
                cell.number_format = "yyyy-mm-dd"


def _save(wb, name: str) -> None:
    wb.properties.modified = FIXED_TIME
    wb.save(HERE / name)


D = dt.date

# Shared parties (fictitious companies in Chongqing districts and Sichuan).
ZUHANG = "重庆足航精密机械有限公司"            # 大足区
ZUHANG_ADDR = "重庆市大足区龙水镇五金大道18号"
RONGYU = "重庆荣昱农牧科技有限公司"            # 荣昌区
RONGYU_ADDR = "重庆市荣昌区昌州街道海棠大道6号"
YONGXIN = "重庆永信电子科技有限公司"           # 永川区
YONGXIN_ADDR = "重庆市永川区兴龙大道1号"
SHUXIN = "成都蜀芯微电子有限公司"              # 四川省成都市武侯区
SHUXIN_ADDR = "四川省成都市武侯区科华北路65号"


# -- cnipa_patent (companion with deliberate errors) -----------------------------------------------
def cnipa_errors() -> None:
    src = HERE / "cnipa_patent_sample.csv"
    with open(src, encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    assert len(header) == 61

    def row(**kv: object) -> list[object]:
        out = []
        for h in header:
            out.append(kv.get(h, "0" if h in ("失效日期", "审查时长", "实质审查日", "优先权数量", "引证数",
                                                 "专利转移次数", "许可次数", "质押次数") else ""))
        return out

    good = dict(序号=1, 申请日="20220415", 公开日="20220819", 授权公告日="20220819", 申请人=ZUHANG,
                发明人="张伟;李娜", 申请号=app("202220912345"), 公开号="CN216912345U", 授权公告号="CN216912345U",
                专利类型="实用新型", 专利名称="一种五金件冲压定位装置", 授权名称="一种五金件冲压定位装置",
                申请摘要="本实用新型公开了一种五金件冲压定位装置。", 申请人地址="402360" + ZUHANG_ADDR,
                法律状态="有权-审定授权", 主分类号="B21D43/00", 分类号="B21D43/00;B21D37/10", 国省代码="重庆(50)",
                专利代理人="刘一", 专利代理机构="重庆双马专利代理事务所（普通合伙）", 第一发明人="张伟", 第一权利人=ZUHANG,
                申请人类型="企业", 当前发明人="张伟;李娜", 当前权利人=ZUHANG, 当前著录项联系人通讯地址=ZUHANG_ADDR)
    rows = [
        row(**good),
        # 3: check character wrong (typed .X for .0 style slip)
        row(**{**good, "序号": 2, "申请号": bad_app("202220923456"), "专利名称": "一种冲压模具快换结构"}),
        # 4: grant date before filing date (columns swapped when the table was merged)
        row(**{**good, "序号": 3, "申请号": app("202110387654"), "申请日": "20220310", "授权公告日": "20211105",
               "专利类型": "发明公开;发明授权", "专利名称": "一种锶盐提纯方法", "主分类号": "C01F11/00",
               "分类号": "C01F11/00", "公开号": "CN113012345A", "授权公告号": "CN113012345B"}),
        # 5: the first record again (export pages overlapped)
        row(**{**good, "序号": 4}),
        # 6: valid pending invention filed by a university in 永川区 with a co-applicant
        row(**{**good, "序号": 5, "申请号": app("202310456789"), "申请日": "20230418", "公开日": "20230725",
               "授权公告日": "0", "授权公告号": "", "公开号": "CN116478901A", "专利类型": "发明公开",
               "申请人": "重庆文理学院;" + YONGXIN, "第一权利人": "重庆文理学院", "当前权利人": "重庆文理学院;" + YONGXIN,
               "申请人地址": "402160重庆市永川区红河大道319号", "当前著录项联系人通讯地址": "重庆市永川区红河大道319号",
               "法律状态": "审中-实质审查", "主分类号": "G06Q10/06", "分类号": "G06Q10/06;G06Q50/02",
               "专利名称": "一种茶园智能灌溉调度方法", "申请人类型": "大专院校"}),
    ]
    write_csv("cnipa_patent_errors.csv", header, rows, encoding="utf-8")


# -- incopat_patent: XLSX with a merged title row above the header ---------------------------------
INCOPAT_HEADER = ["标题", "摘要", "申请号", "申请日", "公开(公告)号", "公开(公告)日", "申请人", "标准化申请人",
                  "申请人地址", "中国申请人地市", "中国申请人区县", "申请人国别代码", "发明人", "IPC主分类", "IPC",
                  "当前权利人", "代理机构", "代理人", "法律状态", "简单同族", "扩展同族", "被引证次数", "权利要求数量",
                  "专利类型", "授权日", "失效日"]


def incopat() -> None:
    def rec(title, no, filed, pub, pub_date, applicants, address, city, county, country, inventors, ipc_main,
            ipcs, owners, status, family, cited, claims, ptype, granted=None, lapsed=None,
            agency="重庆双马专利代理事务所(普通合伙)", agent="刘一"):
        return [title, f"{title}，结构简单，成本低。", no, filed, pub, pub_date, applicants, applicants.upper(),
                address, city, county, country, inventors, ipc_main, ipcs, owners, agency, agent, status,
                family, family, cited, claims, ptype, granted, lapsed]

    a1 = app("202110345678")
    rows = [
        # 3: granted invention, two applicants (company in 大足区 + 重庆大学)
        rec("一种精密五金件激光切割方法", a1, D(2021, 3, 29), "CN113042345B", D(2023, 5, 16),
            f"{ZUHANG}; 重庆大学", ZUHANG_ADDR, "重庆市", "大足区", "CN", "张伟; 李娜; 王强", "B23K 26/38",
            "B23K 26/38; B23K 26/70; B23K 37/04", f"{ZUHANG}; 重庆大学", "授权",
            "CN113042345A; CN113042345B", 3, 8, "发明授权", granted=D(2023, 5, 16)),
        # 4: utility model in 荣昌区
        rec("一种生猪自动饲喂槽", app("202220456789"), D(2022, 2, 28), "CN217012345U", D(2022, 7, 22),
            RONGYU, RONGYU_ADDR, "重庆市", "荣昌区", "CN", "陈刚", "A01K 5/02", "A01K 5/02", RONGYU, "授权",
            "CN217012345U", 0, 6, "实用新型", granted=D(2022, 7, 22)),
        # 5: design in 永川区
        rec("智能音箱", app("202330123456"), D(2023, 3, 6), "CN308123456S", D(2023, 8, 1),
            YONGXIN, YONGXIN_ADDR, "重庆市", "永川区", "CN", "赵敏", None, None, YONGXIN, "授权",
            "CN308123456S", 0, 1, "外观设计", granted=D(2023, 8, 1)),
        # 6: pending invention
        rec("一种锶渣资源化利用方法", app("202310567890"), D(2023, 5, 12), "CN116536789A", D(2023, 8, 4),
            "重庆大足红蝶锶业有限公司", "重庆市大足区龙水镇工业园区", "重庆市", "大足区", "CN", "周杰; 吴敏",
            "C01F 11/00", "C01F 11/00; C22B 7/04", "重庆大足红蝶锶业有限公司", "实质审查",
            "CN116536789A", 0, 10, "发明申请"),
        # 7: utility model lapsed for unpaid annuities
        rec("一种刀具刃口打磨夹具", app("201920654321"), D(2019, 5, 8), "CN209876543U", D(2020, 1, 3),
            ZUHANG, ZUHANG_ADDR, "重庆市", "大足区", "CN", "张伟", "B24B 3/54", "B24B 3/54; B24B 41/06", ZUHANG,
            "未缴年费", "CN209876543U", 1, 5, "实用新型", granted=D(2020, 1, 3), lapsed=D(2022, 5, 8)),
        # 8: PCT national phase (type digit 8) by a Japanese applicant: foreign, no region warning
        rec("二次电池用负极材料", app("202180012345"), D(2021, 1, 20), "CN114901234A", D(2022, 8, 12),
            "株式会社东洋电池", "日本国东京都千代田区丸之内一丁目1番1号", None, None, "JP", "山田太郎",
            "H01M 4/587", "H01M 4/587; H01M 10/0525", "株式会社东洋电池", "公开", "JP2020012345A; CN114901234A",
            2, 12, "发明申请", agency="中国国际贸易促进委员会专利商标事务所", agent="王丽"),
        # 9: wrong check character
        rec("一种刀柄快速夹紧装置", bad_app("202220998877"), D(2022, 6, 1), "CN218123456U", D(2022, 12, 20),
            ZUHANG, ZUHANG_ADDR, "重庆市", "大足区", "CN", "张伟", "B23B 31/10", "B23B 31/10", ZUHANG, "授权",
            "CN218123456U", 0, 4, "实用新型", granted=D(2022, 12, 20)),
        # 10: grant date earlier than filing date
        rec("一种饲料发酵罐", app("202220765432"), D(2022, 9, 15), "CN218765432U", D(2021, 12, 20),
            RONGYU, RONGYU_ADDR, "重庆市", "荣昌区", "CN", "陈刚", "C12M 1/02", "C12M 1/02", RONGYU, "授权",
            "CN218765432U", 0, 7, "实用新型", granted=D(2021, 12, 20)),
        # 11: the row-3 patent again (two result pages overlapped)
        rec("一种精密五金件激光切割方法", a1, D(2021, 3, 29), "CN113042345B", D(2023, 5, 16),
            f"{ZUHANG}; 重庆大学", ZUHANG_ADDR, "重庆市", "大足区", "CN", "张伟; 李娜; 王强", "B23K 26/38",
            "B23K 26/38; B23K 26/70; B23K 37/04", f"{ZUHANG}; 重庆大学", "授权",
            "CN113042345A; CN113042345B", 3, 8, "发明授权", granted=D(2023, 5, 16)),
        # 12: an IPC symbol with letter O for zero (G06Q 1O/06): warned, row kept
        rec("一种五金产品仓储管理方法", app("202210876543"), D(2022, 7, 7), "CN115123456A", D(2022, 9, 30),
            ZUHANG, ZUHANG_ADDR, "重庆市", "大足区", "CN", "李娜", "G06Q 10/08", "G06Q 10/08; G06Q 1O/06",
            ZUHANG, "实质审查", "CN115123456A", 0, 9, "发明申请"),
    ]
    wb = _workbook()
    ws = wb.active
    ws.title = "incoPat"
    ws.cell(row=1, column=1, value="incoPat 检索结果导出（检索式：AP-ADD=(重庆市)；导出日期：2024-03-18；共 10 条）")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(INCOPAT_HEADER))
    _put_rows(ws, 2, [INCOPAT_HEADER])
    _put_rows(ws, 3, rows)
    _save(wb, "incopat_patent_sample.xlsx")


# -- patsnap_patent: GBK CSV -----------------------------------------------------------------------
PATSNAP_HEADER = ["公开(公告)号", "申请号", "申请日", "公开(公告)日", "标题", "摘要", "申请(专利权)人",
                  "当前申请(专利权)人", "发明人", "IPC分类号", "IPC主分类号", "申请(专利权)人地址", "专利类型",
                  "简单法律状态", "法律状态/事件", "授权日", "预估到期日", "简单同族", "权利要求数量",
                  "被引用专利数量", "代理机构", "代理人"]


def patsnap() -> None:
    rows = [
        # 2: granted invention in 成都市武侯区
        ["CN113456789B", app("202110612345"), "2021-06-08", "2023-03-14", "一种低功耗射频前端芯片", "摘要略。",
         SHUXIN, SHUXIN, "刘洋 | 孙磊", "H03F 3/19 | H03F 1/02", "H03F 3/19", SHUXIN_ADDR, "发明授权",
         "有效", "授权", "2023-03-14", "2041-06-08", "CN113456789A | CN113456789B", 10, 4,
         "成都九鼎天元知识产权代理有限公司", "王芳"],
        # 3: utility model in 大足区, since transferred to a company in 荣昌区
        ["CN216543210U", app("202122345678"), "2021-09-17", "2022-04-05", "一种汽车摩托车配件检具", "摘要略。",
         ZUHANG, RONGYU, "张伟", "G01B 5/00", "G01B 5/00", ZUHANG_ADDR, "实用新型",
         "有效", "授权 | 权利转移", "2022-04-05", "2031-09-17", "CN216543210U", 6, 0,
         "重庆双马专利代理事务所(普通合伙)", "刘一"],
        # 4: design, lapsed
        ["CN306789012S", app("202130234567"), "2021-04-21", "2021-08-10", "包装盒（冬菜）", "摘要略。",
         "重庆市大足区龙水镇张记食品加工厂", "重庆市大足区龙水镇张记食品加工厂", "张强", None, None,
         "重庆市大足区龙水镇南街12号", "外观设计", "失效", "未缴年费", "2021-08-10", "2036-04-21", "CN306789012S",
         1, 0, None, None],
        # 5: pending invention of a Sichuan university
        ["CN116012345A", app("202310098765"), "2023-02-01", "2023-04-28", "一种页岩气井压裂液回收处理方法",
         "摘要略。", "西南石油大学", "西南石油大学", "李明 | 高峰", "E21B 43/26 | C02F 9/00", "E21B 43/26",
         "四川省成都市新都区新都大道8号", "发明申请", "审中", "实质审查", None, "2043-02-01", "CN116012345A",
         12, 0, None, None],
        # 6: type column says invention but the number says utility model: warned, kept
        ["CN218901234U", app("202222987654"), "2022-11-09", "2023-03-31", "一种饲喂槽清洗装置", "摘要略。",
         RONGYU, RONGYU, "陈刚", "A01K 5/01", "A01K 5/01", RONGYU_ADDR, "发明申请", "有效", "授权",
         "2023-03-31", "2032-11-09", "CN218901234U", 5, 0, None, None],
        # 7: applicant missing (required): rejected
        ["CN115987654A", app("202211234567"), "2022-10-12", "2023-01-13", "一种工业机器人关节减速器",
         "摘要略。", None, None, "赵磊", "F16H 1/32", "F16H 1/32", None, "发明申请", "审中", "实质审查",
         None, "2042-10-12", "CN115987654A", 9, 0, None, None],
        # 8: grant date 2023-02-30 does not exist: warned, kept without grant date
        ["CN218345678U", app("202222456780"), "2022-08-22", "2023-02-30", "一种果蔬清洗机", "摘要略。",
         YONGXIN, YONGXIN, "赵敏", "A23N 12/02", "A23N 12/02", YONGXIN_ADDR, "实用新型", "有效", "授权",
         "2023-02-30", "2032-08-22", "CN218345678U", 3, 0, None, None],
    ]
    write_csv("patsnap_patent_sample.csv", PATSNAP_HEADER, rows, encoding="gbk")


# -- patent_legal_events: UTF-8 CSV with BOM -------------------------------------------------------
def legal_events() -> None:
    lapsed = app("201920654321")
    header = ["申请号", "法律状态公告日", "事件代码", "法律状态", "描述信息"]
    rows = [
        [lapsed, "2022-05-10", "CF01", "未缴年费专利权终止", "IPC(主分类)：B24B 3/54；申请日：20190508；授权公告日：20200103；终止日期：20210508"],
        [lapsed, "2022-09-16", "RR01", "专利权的恢复", "IPC(主分类)：B24B 3/54；专利权恢复"],
        [app("202122345678"), "2022-11-08", "TR01", "专利权的转移",
         f"登记生效日：20221104；变更事项：专利权人；变更前权利人：{ZUHANG}；变更后权利人：{RONGYU}"],
        [app("201821234560"), "2019-06-21", "AV01", "避免重复授权放弃专利权", "放弃生效日：20190621"],
        [app("201220345671"), "2022-07-29", "CX01", "专利权有效期届满", "期限届满日期：20220728"],
        [app("201620123457"), "2021-03-12", "IW01", "专利权的全部无效", "无效宣告决定号：48123"],
        [app("202310567890"), "2023-11-24", None, "发明专利申请驳回理由通知", "第一次审查意见通知书后的驳回理由通知"],
        # 9: check character wrong
        [bad_app("202010111222"), "2023-01-06", "CF01", "未缴年费专利权终止", ""],
        # 10: announcement date missing (required)
        [app("202020333444"), "", "CF01", "未缴年费专利权终止", ""],
    ]
    write_csv("patent_legal_events_sample.csv", header, rows, encoding="utf-8", bom=True)


# -- patent_transactions: UTF-8 CSV, amounts in 万元 ------------------------------------------------
def transactions() -> None:
    header = ["专利号", "登记类型", "登记号", "生效日", "转让人", "受让人", "受让人地址", "金额(万元)", "解除日期",
              "许可类型"]
    rows = [
        # 2: pledge of 500 万元, released a year later
        [app("202110345678", "ZL"), "专利权质押", "Y2023500000123", "2023-04-12", ZUHANG,
         "重庆农村商业银行股份有限公司大足支行", "重庆市大足区龙岗街道五星大道中段88号", "500", "2024-04-11", None],
        # 3: exclusive licence to a company in 永川区, fee 20 万元
        [app("202220456789", "ZL"), "专利实施许可合同备案", "X2023500000045", "2023-08-01", RONGYU, YONGXIN,
         YONGXIN_ADDR, "20", None, "独占许可"],
        # 4: transfer to a company in 荣昌区
        [app("202122345678", "ZL"), "专利权转让", None, "2022-11-04", ZUHANG, RONGYU, RONGYU_ADDR, None, None, None],
        # 5: pledge with a thousands separator, still open
        [app("202310567890", "ZL"), "专利申请权质押", "Y2024500000007", "2024-01-18", "重庆大足红蝶锶业有限公司",
         "重庆三峡银行股份有限公司大足支行", "重庆市大足区棠香街道二环南路", "1,200", None, None],
        # 6: an ordinary licence that already ended
        [app("202110612345", "ZL"), "专利实施许可", "X2022510000321", "2022-05-20", SHUXIN,
         "重庆永信电子科技有限公司", YONGXIN_ADDR, "8.5", "2023-05-19", "普通许可"],
        # 7: a preservation order is no registration type this profile handles: rejected
        [app("202220456789", "ZL"), "专利权保全", "B2023500000002", "2023-09-05", RONGYU, None, None, None,
         None, None],
        # 8: check character wrong
        [bad_app("202120777888", "ZL"), "专利权质押", "Y2023500000200", "2023-06-30", ZUHANG,
         "重庆农村商业银行股份有限公司大足支行", None, "300", None, None],
    ]
    write_csv("patent_transactions_sample.csv", header, rows, encoding="utf-8")


# -- trademarks: UTF-8 CSV -------------------------------------------------------------------------
def trademarks() -> None:
    header = ["注册号", "国际分类", "商标名称", "申请人名称(中文)", "申请人地址(中文)", "申请日期", "初审公告日期",
              "注册公告日期", "专用权期限", "商标状态", "是否马德里", "代理组织", "商品服务"]
    rows = [
        ["12345678", "7", "足航", ZUHANG, ZUHANG_ADDR, "2013-03-20", "2014-03-13", "2014-06-14", "2034-06-13",
         "注册商标", "否", "重庆双马知识产权代理有限公司", "金属加工机械;冲床"],
        ["23456789", "第31类", "荣昱", RONGYU, RONGYU_ADDR, "2017-04-11", "2017-12-20", "2018-03-21", "2028-03-20",
         "注册商标", "否", None, "活动物;饲料"],
        ["34567890", "9;35", "永信智联", YONGXIN, YONGXIN_ADDR, "2023-10-09", None, None, None, "申请中", "否",
         None, "智能音箱;广告"],
        ["45678901", "30", "足味坊", "重庆市大足区龙水镇张记食品加工厂", "重庆市大足区龙水镇南街12号", "2019-06-03",
         "2020-01-06", "2020-04-07", "2030-04-06", "商标无效", "否", None, "调味品"],
        ["56789012", "9；42", "蜀芯", SHUXIN, SHUXIN_ADDR, "2020-08-17", "2021-03-27", "2021-06-28", "2031-06-27",
         "注册商标", "是", "成都九鼎天元知识产权代理有限公司", "集成电路;技术研究"],
        # 7: Nice class 46 does not exist
        ["67890123", "46", "足航精工", ZUHANG, ZUHANG_ADDR, "2022-02-14", None, None, None, "申请中", "否", None,
         "五金工具"],
        # 8: registration announced before the application was filed
        ["78901234", "29", "荣昌卤白鹅", RONGYU, RONGYU_ADDR, "2021-05-10", "2020-11-13", "2020-02-13",
         "2030-02-12", "注册商标", "否", None, "肉"],
        # 9: row 2 again
        ["12345678", "7", "足航", ZUHANG, ZUHANG_ADDR, "2013-03-20", "2014-03-13", "2014-06-14", "2034-06-13",
         "注册商标", "否", "重庆双马知识产权代理有限公司", "金属加工机械;冲床"],
    ]
    write_csv("trademarks_sample.csv", header, rows, encoding="utf-8")


# -- geographical_indications: UTF-8 CSV -----------------------------------------------------------
def gis() -> None:
    header = ["产品名称", "保护类型", "证书编号", "申请单位", "省份", "地市", "保护范围", "批准日期"]
    rows = [
        ["涪陵榨菜", "地理标志产品", "GI-2003-073", None, "重庆市", "涪陵区", "重庆市涪陵区现辖行政区域", "2003-06-18"],
        ["奉节脐橙", "地理标志证明商标", "TM-2004-1234567", "奉节县脐橙产业发展中心", "重庆市", "奉节县",
         "重庆市奉节县现辖行政区域", "2004-09-14"],
        ["荣昌猪", "农产品地理标志", "AGI00123", "重庆市荣昌区畜牧技术推广站", "重庆市", "荣昌区",
         "重庆市荣昌区现辖行政区域", "2009-12-23"],
        ["郫县豆瓣", "地理标志产品", "GI-2005-032", None, "四川省", "成都市郫都区", "四川省成都市郫都区现辖行政区域",
         "2005-03-23"],
        ["五常大米", "地理标志产品", "GI-2003-012", None, "黑龙江省", "哈尔滨市五常市", "黑龙江省五常市现辖行政区域",
         "2003-03-12"],
        # 7: product name missing (required): rejected
        [None, "农产品地理标志", "AGI00999", "重庆市永川区茶叶技术推广站", "重庆市", "永川区", None, "2015-07-01"],
        # 8: no province/city, protection area names only towns: the holder's region cannot be resolved
        ["石柱黄连", "地理标志产品", "GI-2004-101", "石柱黄连产业协会", None, None, "黄水镇、冷水镇、枫木镇等乡镇",
         "2004-07-08"],
    ]
    write_csv("geographical_indications_sample.csv", header, rows, encoding="utf-8")


# -- copyrights: XLSX, one sheet, dates as real Excel dates ----------------------------------------
def copyrights() -> None:
    header = ["序号", "登记号", "作品名称", "作品类别", "著作权人", "著作权人地址", "创作完成日期", "登记日期"]
    rows = [
        [1, "渝作登字-2023-F-00001234", "大足石刻千手观音数字线描图", "美术作品", "重庆足迹文化传媒有限公司",
         "重庆市大足区棠香街道昌州大道中段", D(2022, 10, 8), D(2023, 2, 14)],
        [2, "渝作登字-2023-A-00002345", "荣昌夏布织造技艺口述史", "文字作品", "张伟", "重庆市荣昌区昌元街道",
         D(2022, 12, 1), D(2023, 3, 2)],
        [3, "国作登字-2023-I-00345678", "川西林盘四季", "摄影作品", "成都锦里影像工作室", "四川省成都市武侯区",
         D(2023, 1, 15), D(2023, 4, 20)],
        # 5: completion date 2023年2月30日 does not exist: warned, kept
        [4, "渝作登字-2023-F-00003456", "永川秀芽品牌标识", "美术作品", YONGXIN, YONGXIN_ADDR, "2023年2月30日",
         D(2023, 5, 9)],
        # 6: row 2 again
        [5, "渝作登字-2023-F-00001234", "大足石刻千手观音数字线描图", "美术作品", "重庆足迹文化传媒有限公司",
         "重庆市大足区棠香街道昌州大道中段", D(2022, 10, 8), D(2023, 2, 14)],
        # 7: registration number missing: rejected
        [6, None, "龙水五金小镇宣传片", "电影和以类似摄制电影方法创作的作品", ZUHANG, ZUHANG_ADDR,
         D(2023, 3, 1), D(2023, 6, 12)],
    ]
    wb = _workbook()
    ws = wb.active
    ws.title = "作品登记公告"
    _put_rows(ws, 1, [header])
    _put_rows(ws, 2, rows)
    _save(wb, "copyrights_sample.xlsx")


# -- software_copyrights: UTF-8 CSV with BOM (CPCC announcement columns) ---------------------------
def software() -> None:
    header = ["登记号", "分类号", "软件全称", "软件简称", "版本号", "著作权人", "首次发表日期", "登记日期"]
    rows = [
        ["2023SR0123456", "30200-0000", "大足五金产业链协同管理平台", "五金协同", "V1.0", ZUHANG, "2022-12-20",
         "2023-01-31"],
        ["2023SR0234567", "30100-6300", "生猪养殖环境智能监测系统", None, "V2.1", RONGYU, "2023-01-16",
         "2023-02-22"],
        ["2022SR1345678", "30200-0000", "茶园灌溉调度软件", "灌溉调度", "V1.0", f"重庆文理学院;{YONGXIN}",
         "2022-08-01", "2022-10-11"],
        # 5: first publication 2023-02-29 does not exist (2023 is no leap year): warned, kept
        ["2023SR0345678", "30200-6500", "射频芯片参数测试软件", None, "V3.0.2", SHUXIN, "2023-02-29", "2023-03-28"],
        # 6: row 2 again
        ["2023SR0123456", "30200-0000", "大足五金产业链协同管理平台", "五金协同", "V1.0", ZUHANG, "2022-12-20",
         "2023-01-31"],
        # 7: registration number missing: rejected
        [None, "30200-0000", "龙水刀具在线选型系统", None, "V1.0", ZUHANG, "2023-04-03", "2023-05-16"],
    ]
    write_csv("software_copyrights_sample.csv", header, rows, encoding="utf-8", bom=True)


# -- plant_varieties: XLSX ------------------------------------------------------------------------
def plant_varieties() -> None:
    header = ["申请号", "申请日", "品种名称", "属或者种", "申请人", "通讯地址", "培育人", "品种权号", "授权日"]
    rows = [
        ["20231001234", D(2023, 2, 10), "渝香优7号", "水稻", "重庆市农业科学院", "重庆市九龙坡区白市驿镇农科大道",
         "李华、王军", None, None],
        ["20201004567", D(2020, 3, 2), "荣玉168", "玉米", f"{RONGYU};重庆市农业科学院", RONGYU_ADDR, "陈刚",
         "CNA20201004567", D(2022, 11, 30)],
        ["20221009876", D(2022, 6, 21), "永秀1号", "茶树", "重庆市永川区茶叶技术推广站", "重庆市永川区中山路",
         "周敏", None, None],
        ["20211012345", D(2021, 9, 14), "川农优528", "水稻", "四川农业大学", "四川省成都市温江区惠民路211号",
         "刘勇、孙强", "CNA20211012345", D(2023, 6, 2)],
        # 6: row 2 again
        ["20201004567", D(2020, 3, 2), "荣玉168", "玉米", f"{RONGYU};重庆市农业科学院", RONGYU_ADDR, "陈刚",
         "CNA20201004567", D(2022, 11, 30)],
        # 7: application date written as 2023.13.01: warned, kept without a date
        ["20231005678", "2023.13.01", "足丰糯1号", "水稻", "重庆市大足区农业技术推广中心", "重庆市大足区棠香街道",
         "王强", None, None],
        # 8: application number missing: rejected
        [None, D(2023, 4, 4), "渝薯9号", "甘薯", "西南大学", "重庆市北碚区天生路2号", "张林", None, None],
    ]
    wb = _workbook()
    ws = wb.active
    ws.title = "品种权申请与授权"
    _put_rows(ws, 1, [header])
    _put_rows(ws, 2, rows)
    _save(wb, "plant_varieties_sample.xlsx")


# -- market_entities: XLSX -------------------------------------------------------------------------
USCC_ZUHANG = uscc("1", "500111", "MA5U7A1B")
USCC_RONGYU = uscc("1", "500153", "MA60XK3C")
USCC_YONGXIN = uscc("1", "500118", "MA5YH2LD")
USCC_SHUXIN = uscc("1", "510107", "MA61TQ4E")
USCC_NOODLE = uscc("2", "500153", "L4P9R0J2")
USCC_COOP = uscc("3", "500118", "MA60C7R8")
USCC_CLOSED = uscc("1", "500111", "7562301K")
USCC_PILOT = bad_uscc_check(uscc("1", "500111", "MA5U8B2C"))


def market_entities() -> None:
    header = ["统一社会信用代码", "名称", "类型", "法定代表人", "注册资本(万元)", "成立日期", "住所", "登记机关",
              "登记状态", "行业代码"]
    rows = [
        [USCC_ZUHANG, ZUHANG, "有限责任公司(自然人投资或控股)", "张伟", "500", D(2016, 5, 12), ZUHANG_ADDR,
         "重庆市大足区市场监督管理局", "存续", "C3484"],
        [USCC_RONGYU, RONGYU, "有限责任公司(自然人独资)", "陈刚", "1000", D(2018, 8, 3), RONGYU_ADDR,
         "重庆市荣昌区市场监督管理局", "存续", "A0313"],
        [USCC_NOODLE, "荣昌区昌元街道张记小面馆", "个体工商户", "张丽", None, D(2019, 11, 20),
         "重庆市荣昌区昌元街道玉屏路3号", "重庆市荣昌区市场监督管理局昌元市场监督管理所", "存续", "H6220"],
        [USCC_COOP, "重庆市永川区云岭茶叶种植专业合作社", "农民专业合作社", "周敏", "200", D(2014, 4, 9),
         "重庆市永川区茶山竹海街道", "重庆市永川区市场监督管理局", "存续", "A0164"],
        [USCC_CLOSED, "重庆大足区宏达刀具厂", "有限责任公司", "王强", "50", D(2003, 7, 1),
         "重庆市大足区龙水镇南街", "重庆市大足区市场监督管理局", "注销", "C3321"],
        [USCC_SHUXIN, SHUXIN, "其他有限责任公司", "刘洋", "3,000", D(2015, 1, 6), SHUXIN_ADDR,
         "成都市武侯区市场监督管理局", "存续（在营、开业、在册）", "C3973"],
        # 8: check character does not match (an early pilot code or a typo): warned, kept with the code
        [USCC_PILOT, "重庆龙水五金交易市场管理有限公司", "有限责任公司", "赵磊", "800", D(2014, 9, 30),
         "重庆市大足区龙水镇五金大道1号", "重庆市大足区市场监督管理局", "存续", "L7221"],
        # 9: letter O in the code: not a USCC, warned, kept without a code
        ["91500111MA5UO0000X", "重庆足下鞋业有限公司", "有限责任公司", "孙磊", "100", D(2017, 3, 15),
         "重庆市大足区龙岗街道", "重庆市大足区市场监督管理局", "存续", "C1952"],
        # 10: row 2's code again
        [USCC_ZUHANG, ZUHANG, "有限责任公司(自然人投资或控股)", "张伟", "500", D(2016, 5, 12), ZUHANG_ADDR,
         "重庆市大足区市场监督管理局", "存续", "C3484"],
        # 11: name missing (required)
        [USCC_YONGXIN, None, "有限责任公司", "赵敏", "300", D(2020, 6, 18), YONGXIN_ADDR,
         "重庆市永川区市场监督管理局", "存续", "C3951"],
    ]
    wb = _workbook()
    ws = wb.active
    ws.title = "市场主体名录"
    _put_rows(ws, 1, [header])
    _put_rows(ws, 2, rows)
    _save(wb, "market_entities_sample.xlsx")


# -- statistics_long: UTF-8 CSV --------------------------------------------------------------------
def statistics_long() -> None:
    header = ["地区", "年份", "指标", "数值", "单位", "数据来源"]
    rows = [
        ["全国", "2023", "专利授权量", "3612000", "件", "国家知识产权局年报"],
        ["重庆", "2023", "专利申请量", "78012", "件", "重庆市知识产权局"],
        ["四川", "2023", "专利申请量", "156034", "件", "四川省知识产权服务促进中心"],
        ["重庆市", "2022", "年末常住人口", "3213.34", "万人", "重庆统计年鉴2023"],
        ["大足区", "2023年", "有效发明专利量", "1234", "件", "重庆市知识产权局"],
        ["荣昌区", "2023", "地区生产总值", "920.5", "亿元", "荣昌区统计公报"],
        # 8: not a region
        ["川渝地区", "2023", "专利申请量", "234046", "件", "测算"],
        # 9: not a known metric
        ["永川区", "2023", "专利转化率", "12.5", "%", "永川区科技局"],
        # 10: year written in Chinese numerals
        ["江津区", "二〇二三", "专利申请量", "3456", "件", "江津区统计公报"],
        # 11: row 3 restated with a corrected value (the later row wins)
        ["重庆", "2023", "专利申请量", "78015", "件", "重庆市知识产权局（更正）"],
    ]
    write_csv("statistics_long_sample.csv", header, rows, encoding="utf-8")


# -- statistics_wide: XLSX yearbook layout, two sheets ---------------------------------------------
def statistics_wide() -> None:
    wb = _workbook()
    ws = wb.active
    ws.title = "2023年专利统计"
    ws.cell(row=1, column=1, value="2023年各区县专利统计")
    ws.merge_cells("A1:D1")
    _put_rows(ws, 2, [["地区", "专利申请量(件)", "专利授权量(件)", "有效发明专利量(件)"]])
    _put_rows(ws, 3, [
        ["全市", 78012, 51234, 30567],
        ["大足区", 2456, 1789, 1234],
        ["荣昌区", 1890, 1402, 876],
        ["永川区", 3120, 2210, "不详"],
        ["璧山区", 2765, 1980, "—"],
        ["合计", 88243, 58615, 32677],
    ])
    ws2 = wb.create_sheet("专利申请量")
    _put_rows(ws2, 1, [["地区", 2019, 2020, 2021, 2022, 2023]])
    _put_rows(ws2, 2, [
        ["大足区", 1502, 1688, 1903, 2210, 2456],
        ["荣昌区", 1105, 1302, 1498, 1701, 1890],
        ["永川区", 2301, 2588, 2790, 2987, 3120],
        ["万盛经开区", 1012, 1120, 1230, 1302, 1411],
        ["双桥经开区", 301, 322, 356, 389, 402],
    ])
    _save(wb, "statistics_wide_sample.xlsx")


# -- official_lists: XLSX, two lists on two sheets -------------------------------------------------
USCC_HONGDIE = uscc("1", "500111", "20285910")


def official_lists() -> None:
    wb = _workbook()
    ws = wb.active
    ws.title = "驰名商标"
    _put_rows(ws, 1, [["序号", "商标", "注册号", "核定使用商品类别", "企业名称", "所在地区", "认定年度"]])
    _put_rows(ws, 2, [
        [1, "足航", "12345678", "第7类", ZUHANG, "重庆市大足区", 2023],
        [2, "荣昱", "23456789", "第31类", RONGYU, "重庆市荣昌区", 2023],
        [3, "蜀芯", "56789012", "第9类", SHUXIN, "四川省成都市", 2022],
        # 5: year missing (required)
        [4, "足味坊", "45678901", "第30类", "重庆市大足区龙水镇张记食品加工厂", "重庆市大足区", None],
    ])
    ws2 = wb.create_sheet("知识产权优势企业")
    _put_rows(ws2, 1, [["序号", "企业名称", "统一社会信用代码", "所在地区", "认定年度", "级别"]])
    _put_rows(ws2, 2, [
        [1, ZUHANG, USCC_ZUHANG, "重庆市大足区", "2023", "国家级"],
        [2, "重庆大足红蝶锶业有限公司", USCC_HONGDIE, "重庆市大足区", "2023", "国家级"],
        [3, RONGYU, USCC_RONGYU, "重庆市荣昌区", "2022年", "市级"],
        # 5: check character does not match: warned, kept
        [4, "重庆龙水五金交易市场管理有限公司", USCC_PILOT, "重庆市大足区", "2023", "市级"],
        # 6: year in Chinese numerals
        [5, YONGXIN, USCC_YONGXIN, "重庆市永川区", "二〇二三年", "市级"],
    ])
    _save(wb, "official_lists_sample.xlsx")


def main() -> None:
    cnipa_errors()
    incopat()
    patsnap()
    legal_events()
    transactions()
    trademarks()
    gis()
    copyrights()
    software()
    plant_varieties()
    market_entities()
    statistics_long()
    statistics_wide()
    official_lists()


if __name__ == "__main__":
    main()
