"""Orchestration: calibrate, create parties, stream every file, write DEMO_README.md."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from zhichan.demo import _other
from zhichan.demo._calibrate import calibrate, rng_for
from zhichan.demo._parties import PartyPool
from zhichan.demo._patents import (
    CNIPA_HEADER,
    EVENTS_HEADER,
    INCOPAT_HEADER,
    PATSNAP_HEADER,
    TRANSACTIONS_HEADER,
    generate_patents,
)
from zhichan.demo._trademarks import TRADEMARK_HEADER, generate_trademarks
from zhichan.demo._writers import SYNTHETIC_NOTE, CsvOut, XlsxOut

__all__ = ["FILES", "DemoManifest", "generate_demo"]

# file name -> intended import profile
FILES = {
    "synthetic_cnipa_patents.csv": "cnipa_patent",
    "synthetic_incopat_patents.xlsx": "incopat_patent",
    "synthetic_patsnap_patents.csv": "patsnap_patent",
    "synthetic_patent_legal_events.csv": "patent_legal_events",
    "synthetic_patent_transactions.csv": "patent_transactions",
    "synthetic_trademarks.csv": "trademarks",
    "synthetic_geographical_indications.csv": "geographical_indications",
    "synthetic_copyrights.xlsx": "copyrights",
    "synthetic_software_copyrights.csv": "software_copyrights",
    "synthetic_plant_varieties.xlsx": "plant_varieties",
    "synthetic_market_entities.xlsx": "market_entities",
    "synthetic_statistics_long.csv": "statistics_long",
    "synthetic_statistics_wide.xlsx": "statistics_wide",
    "synthetic_official_lists.xlsx": "official_lists",
}


@dataclass
class DemoManifest:
    """What ``generate_demo`` wrote: files with their profiles and row counts, calibration, plants."""

    region: str
    region_name: str
    scale: str
    seed: int
    out: str
    factor: float
    files: dict[str, dict] = field(default_factory=dict)  # name -> {profile, rows}
    targets: dict[str, int] = field(default_factory=dict)  # "year:type" -> generated applications
    dirty_rows: list[dict] = field(default_factory=list)
    planted: dict[str, list] = field(default_factory=dict)
    app_numbers: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1, default=str)


def generate_demo(region: str = "500000", scale: str = "small", seed: int = 7, out: Path | str = Path("demo-sources"),
                  ) -> DemoManifest:
    """Write the demo region's source files into ``out`` and return the manifest."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    plan = calibrate(region, scale)
    pool = PartyPool(rng_for(seed, "parties"), plan.districts, max(len(plan.districts) * 3, plan.patents // 8))
    m = DemoManifest(region, plan.region_name, scale, seed, str(out), plan.factor)
    p = out
    w = {
        "cnipa": CsvOut(p / "synthetic_cnipa_patents.csv", CNIPA_HEADER),
        "patsnap": CsvOut(p / "synthetic_patsnap_patents.csv", PATSNAP_HEADER, encoding="gbk"),
        "events": CsvOut(p / "synthetic_patent_legal_events.csv", EVENTS_HEADER, bom=True),
        "transactions": CsvOut(p / "synthetic_patent_transactions.csv", TRANSACTIONS_HEADER),
        "incopat": XlsxOut(p / "synthetic_incopat_patents.xlsx"),
        "pool": pool, "_last_cnipa": None,
    }
    w["incopat"].sheet("incoPat", INCOPAT_HEADER)
    stats = generate_patents(plan, pool, seed, w, keep_numbers=scale == "small")
    for k in ("cnipa", "patsnap", "events", "transactions", "incopat"):
        w[k].close()
    m.dirty_rows = [{**d, "file": "synthetic_cnipa_patents.csv"} for d in stats.dirty]
    m.planted.update(stats.planted)
    m.app_numbers = stats.app_numbers
    for (year, ptype), n in sorted(plan.targets.items()):
        m.targets[f"{year}:{ptype}"] = n

    tm = CsvOut(p / "synthetic_trademarks.csv", TRADEMARK_HEADER)
    marks = generate_trademarks(plan, pool, seed, tm)
    tm.close()
    m.planted.update(marks["planted"])
    gi = CsvOut(p / "synthetic_geographical_indications.csv", _other.GI_HEADER)
    gis = _other.write_gis(plan, seed, gi)
    gi.close()
    cx = XlsxOut(p / "synthetic_copyrights.xlsx")
    cx.sheet("作品登记公告", ["序号", "登记号", "作品名称", "作品类别", "著作权人", "著作权人地址", "创作完成日期", "登记日期"])
    _other.write_copyrights(plan, pool, seed, cx, max(20, plan.patents * 3 // 10))
    cx.close()
    sw = CsvOut(p / "synthetic_software_copyrights.csv",
                ["登记号", "分类号", "软件全称", "软件简称", "版本号", "著作权人", "首次发表日期", "登记日期"], bom=True)
    _other.write_software(plan, pool, seed, sw, max(20, plan.patents * 4 // 10))
    sw.close()
    pv = XlsxOut(p / "synthetic_plant_varieties.xlsx")
    pv.sheet("品种权申请与授权", ["申请号", "申请日", "品种名称", "属或者种", "申请人", "通讯地址", "培育人", "品种权号", "授权日"])
    _other.write_plant_varieties(plan, pool, seed, pv)
    pv.close()
    me = XlsxOut(p / "synthetic_market_entities.xlsx")
    me.sheet("市场主体名录", ["统一社会信用代码", "名称", "类型", "法定代表人", "注册资本(万元)", "成立日期", "住所", "登记机关",
                          "登记状态", "行业代码"])
    _other.write_market_entities(plan, pool, seed, me)
    me.close()
    sl = CsvOut(p / "synthetic_statistics_long.csv", ["地区", "年份", "指标", "数值", "单位", "数据来源"])
    _other.write_statistics_long(plan, stats, sl)
    sl.close()
    sx = XlsxOut(p / "synthetic_statistics_wide.xlsx")
    _other.write_statistics_wide(plan, stats, sx)
    sx.close()
    ol = XlsxOut(p / "synthetic_official_lists.xlsx")
    m.planted.update({f"list_{k}": v for k, v in _other.write_official_lists(plan, pool, stats, marks, ol).items()})
    ol.close()
    rows = {**{k: v for k, v in stats.rows.items()}, "trademarks": marks["rows"]}
    for name, prof in FILES.items():
        m.files[name] = {"profile": prof}
    m.files["synthetic_cnipa_patents.csv"]["rows"] = rows.get("cnipa", 0)
    m.files["synthetic_incopat_patents.xlsx"]["rows"] = rows.get("incopat", 0)
    m.files["synthetic_patsnap_patents.csv"]["rows"] = rows.get("patsnap", 0)
    m.files["synthetic_geographical_indications.csv"].update(gis)
    _readme(m, plan, p)
    (p / "demo_manifest.json").write_text(m.to_json(), encoding="utf-8")
    return m


def _readme(m: DemoManifest, plan, p: Path) -> None:
    lines = [
        f"# 演示数据 demo data — {m.region_name} ({m.region})", "",
        SYNTHETIC_NOTE, "",
        (f"规模 scale: {m.scale}；随机种子 seed: {m.seed}；缩放系数 scale factor: {m.factor:.6g}"
         f"（生成专利数 = 公开的全省分年分类型国内专利申请量 × 本地区份额 {plan.share:.4f} × 缩放系数）"), "",
        "## 哪些是真实的 what is real", "",
        "- 行政区划、乡镇街道名称（国家地名信息库，随包发布的参考数据）",
        "- 全省分年专利申请/授权/有效量、R&D 经费、植物新品种、人口（中国科技统计年鉴、国家统计局）：",
        "  统计长表中“真实公开统计”的行，以及专利、植物新品种的分年总量（按缩放系数缩放后）",
        "- 专利名称与 IPC 小类（9,740 件真实中国专利，lxingy3/chinese-patent-ipc-classifier）",
        "- 地理标志名称、证书号与持有人（本省在随包样本中有记录时）", "",
        "## 哪些是合成的 what is generated", "",
        "- 所有企业、个人、地址门牌、统一社会信用代码（校验位正确，3–8 位为所在区县代码）、申请号（校验位正确）",
        "- 日期、法律状态与法律事件、转让/许可/质押、商标、著作权、软件著作权、品种权、市场主体、官方名单",
        "- 区县分配：按区县乡镇级单位数加权（启发式），不是真实的区县统计",
        "- 预置的监管线索：近似重复申请系列、关联主体商标囤积、摹仿驰名商标；以及若干导入时应报告的脏数据行", "",
        "## 文件 files", "", "| 文件 file | 导入模板 profile |", "|---|---|",
        *[f"| {name} | {info['profile']} |" for name, info in m.files.items()], "",
        "脏数据行 dirty rows (expected import issues):", "",
        *[f"- {d['file']} 第{d['row']}行 {d['column']}: {d['code']}" for d in m.dirty_rows], "",
    ]
    (p / "DEMO_README.md").write_text("\n".join(lines), encoding="utf-8")
