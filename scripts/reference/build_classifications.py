"""Build the packaged classification tables (Nice, WIPO technology fields, CNIPA SEI 2021).

Sources in ``classifications/``: ``nice_classes_zh_2016.csv``, ``ipc_technology_fields_wipo.csv``
(Schmoch 2008 concordance as kept in PatentsView), ``sei_2021.jsonl`` and
``ipc_sei_2021.jsonl`` (CNIPA 2021 SEI ↔ IPC reference table, via roy-tian/cn-patent-ipc).

Writes ``nice_classes.csv``, ``tech_fields.csv``, ``ipc_tech_fields.csv``,
``sei_industries.csv``, ``sei_rules.csv`` and ``ipc_sei_2021.csv.gz`` into
``src/zhichan/reference/data``.
Run: ``.venv/bin/python scripts/reference/build_classifications.py``.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import csv_bytes, parse_args, write_output  # noqa: E402

# USPTO short class titles (37 CFR 6.1), the usual English short headings of the Nice classes.
NICE_EN = (
    "Chemicals", "Paints", "Cosmetics and cleaning preparations", "Lubricants and fuels",
    "Pharmaceuticals", "Metal goods", "Machinery", "Hand tools",
    "Electrical and scientific apparatus", "Medical apparatus",
    "Environmental control apparatus", "Vehicles", "Firearms", "Jewelry",
    "Musical instruments", "Paper goods and printed matter", "Rubber goods", "Leather goods",
    "Nonmetallic building materials", "Furniture and articles not otherwise classified",
    "Housewares and glass", "Cordage and fibers", "Yarns and threads", "Fabrics", "Clothing",
    "Fancy goods", "Floor coverings", "Toys and sporting goods", "Meats and processed foods",
    "Staple foods", "Natural agricultural products", "Light beverages", "Wines and spirits",
    "Smokers' articles", "Advertising and business", "Insurance and financial",
    "Building construction and repair", "Telecommunications", "Transportation and storage",
    "Treatment of materials", "Education and entertainment", "Computer and scientific",
    "Hotels and restaurants", "Medical, beauty and agricultural", "Personal and legal",
)

# Chinese renderings of the WIPO sectors and fields as used in CNIPA/WIPO Chinese reports.
SECTOR_ZH = {"Electrical engineering": "电气工程", "Instruments": "仪器", "Chemistry": "化学",
             "Mechanical engineering": "机械工程", "Other fields": "其他领域"}
FIELD_ZH = (
    "电机、电气装置、电能", "视听技术", "电信", "数字通信", "基础通信程序", "计算机技术",
    "管理用信息技术方法", "半导体", "光学", "测量", "生物材料分析", "控制", "医学技术",
    "有机精细化学", "生物技术", "药品", "高分子化学、聚合物", "食品化学", "基础材料化学",
    "材料、冶金", "表面技术、涂层", "微观结构和纳米技术", "化学工程", "环境技术", "装卸",
    "机床", "发动机、泵、涡轮机", "纺织和造纸机械", "其他专用机械", "热工过程和器具",
    "机械元件", "运输", "家具、游戏", "其他消费品", "土木工程",
)

# Top level of 《战略性新兴产业分类(2018)》, which the 2021 IPC table follows; the source
# lists only the 40 second-level codes.
SEI_SECTORS = {
    "1": "新一代信息技术产业", "2": "高端装备制造产业", "3": "新材料产业", "4": "生物产业",
    "5": "新能源汽车产业", "6": "新能源产业", "7": "节能环保产业", "8": "数字创意产业",
    "9": "相关服务业",
}
# Names truncated in the source dump, corrected from the official classification.
SEI_NAME_FIX = {"5.4": ("新能源汽车相关服", "新能源汽车相关服务")}

_PATTERN = re.compile(r"^([A-H]\d\d[A-Z])(?:\s*(\d{1,4})/)?%$")
_SEI_IPC = re.compile(r"^([A-H]\d\d)([A-Z])?(?:(\d{1,4})/(\d{2,6}))?$")


def build_nice(src: Path) -> None:
    rows = list(csv.DictReader(src.open(encoding="utf-8-sig")))
    assert [int(r["class_no"]) for r in rows] == list(range(1, 46)), "expected classes 1..45"
    out = [(int(r["class_no"]), "goods" if int(r["class_no"]) <= 34 else "services",
            r["short_name_zh"].strip(), r["heading_zh"].strip(), NICE_EN[i])
           for i, r in enumerate(rows)]
    write_output("nice_classes.csv",
                 csv_bytes(("number", "kind", "short_zh", "title_zh", "title_en"), out))


def build_tech_fields(src: Path) -> None:
    rows = list(csv.DictReader(src.open(encoding="utf-8-sig")))
    fields: dict[int, tuple[str, str]] = {}
    patterns: dict[tuple[str, str], tuple[int, str]] = {}
    for r in rows:
        num = int(r["Field_number"])
        assert fields.setdefault(num, (r["Sector_en"], r["Field_en"])) == (
            r["Sector_en"], r["Field_en"]), f"field {num} named twice"
        m = _PATTERN.match(r["IPC_code"])
        assert m, f"unexpected pattern {r['IPC_code']!r}"
        key = (m.group(1), str(int(m.group(2))) if m.group(2) else "")
        assert key not in patterns, f"duplicate pattern {key}"
        note = " ".join(x for x in (r["Remark"], r["Updated_on"]) if x).strip()
        patterns[key] = (num, note)
    assert sorted(fields) == list(range(1, 36))
    # A subclass is listed either whole or group by group, never both: no precedence needed.
    whole = {sc for sc, mg in patterns if not mg}
    assert not any(mg and sc in whole for sc, mg in patterns), "subclass listed both ways"
    sectors = list(dict.fromkeys(s for s, _ in fields.values()))
    out = [(n, sectors.index(s) + 1, s, SECTOR_ZH[s], name, FIELD_ZH[n - 1])
           for n, (s, name) in sorted(fields.items())]
    write_output("tech_fields.csv", csv_bytes(
        ("number", "sector_number", "sector_en", "sector_zh", "name_en", "name_zh"), out))
    pat_rows = [(sc, mg, num, note) for (sc, mg), (num, note) in
                sorted(patterns.items(), key=lambda kv: (kv[0][0], int(kv[0][1] or 0)))]
    write_output("ipc_tech_fields.csv",
                 csv_bytes(("subclass", "main_group", "field", "note"), pat_rows))
    print(f"  {len(fields)} fields in {len(sectors)} sectors, {len(pat_rows)} IPC patterns")


def _canonical(ipc: str) -> str:
    """``A01B1/02`` -> ``A01B 1/02``; class (``C08``) and subclass codes pass unchanged."""
    m = _SEI_IPC.match(ipc)
    assert m, f"unexpected IPC code {ipc!r} in SEI table"
    head = m.group(1) + (m.group(2) or "")
    if not m.group(3):
        return head
    assert m.group(2), ipc
    return f"{head} {int(m.group(3))}/{m.group(4)}"


def build_sei(sei_src: Path, map_src: Path) -> None:
    rules = [json.loads(line) for line in sei_src.open(encoding="utf-8") if line.strip()]
    names: dict[str, str] = {}
    for r in rules:
        name = r["seiName"].strip()
        wrong, right = SEI_NAME_FIX.get(r["seiCode"], (None, None))
        name = right if name == wrong else name
        assert names.setdefault(r["seiCode"], name) == name, f"{r['seiCode']} named twice"
    ind = [(code, None, name, 1) for code, name in SEI_SECTORS.items()]
    ind += [(code, code.split(".")[0], name, 2) for code, name in names.items()]
    assert all(c.split(".")[0] in SEI_SECTORS for c in names)
    write_output("sei_industries.csv", csv_bytes(("code", "parent", "name_zh", "level"), ind))
    write_output("sei_rules.csv", csv_bytes(
        ("rule_id", "code", "keywords"),
        [(r["id"], r["seiCode"], (r["keywords"] or "").strip()) for r in rules]))

    ids = {r["id"] for r in rules}
    pairs = set()
    for line in map_src.open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            assert r["seiId"] in ids, f"unknown SEI rule {r['seiId']}"
            pairs.add((_canonical(r["ipcCode"].strip()), int(r["seiId"])))
    out = sorted(pairs)
    write_output("ipc_sei_2021.csv.gz", csv_bytes(("ipc", "rule_id"), out), compress=True)
    unused = sorted(ids - {rid for _, rid in pairs})
    print(f"  {len(names)} SEI codes, {len(rules)} rules ({len(unused)} unmapped: {unused}), "
          f"{len(out)} IPC→rule pairs over {len({i for i, _ in out})} IPC codes")


def main() -> None:
    shared = parse_args(__doc__.splitlines()[0]) / "classifications"
    build_nice(shared / "nice_classes_zh_2016.csv")
    build_tech_fields(shared / "ipc_technology_fields_wipo.csv")
    build_sei(shared / "sei_2021.jsonl", shared / "ipc_sei_2021.jsonl")


if __name__ == "__main__":
    main()
