"""Derive the packaged provincial statistics from ../shared/data/statistics/.

Writes src/zhichan/reference/data/statistics.csv.gz: one row per (province_code, year, metric) with
value, unit and source. Province names are mapped to GB/T 2260 codes (000000 for 全国); the OCR
typos of the yearbook scans (四藏/两藏, 浙汀, 江四/江两, 山两, names with spaces) are mapped to their
provinces and the region aggregate 尔部地区 (东部地区) is dropped. Deterministic: rerunning gives
identical bytes.

    .venv/bin/python scripts/reference/build_statistics.py [--shared PATH]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import csv_bytes, parse_args, write_output

# short Chinese name, pinyin (NBS table), census (GADM-style) name -> code
PROVINCES: list[tuple[str, str, str, str]] = [
    ("北京", "Beijing", "Beijing", "110000"), ("天津", "Tianjin", "Tianjin", "120000"),
    ("河北", "Hebei", "Hebei", "130000"), ("山西", "Shanxi", "Shanxi", "140000"),
    ("内蒙古", "InnerMongolia", "Nei Mongol", "150000"), ("辽宁", "Liaoning", "Liaoning", "210000"),
    ("吉林", "Jilin", "Jilin", "220000"), ("黑龙江", "Heilongjiang", "Heilongjiang", "230000"),
    ("上海", "Shanghai", "Shanghai", "310000"), ("江苏", "Jiangsu", "Jiangsu", "320000"),
    ("浙江", "Zhejiang", "Zhejiang", "330000"), ("安徽", "Anhui", "Anhui", "340000"),
    ("福建", "Fujian", "Fujian", "350000"), ("江西", "Jiangxi", "Jiangxi", "360000"),
    ("山东", "Shandong", "Shandong", "370000"), ("河南", "Henan", "Henan", "410000"),
    ("湖北", "Hubei", "Hubei", "420000"), ("湖南", "Hunan", "Hunan", "430000"),
    ("广东", "Guangdong", "Guangdong", "440000"), ("广西", "Guangxi", "Guangxi", "450000"),
    ("海南", "Hainan", "Hainan", "460000"), ("重庆", "Chongqing", "Chongqing", "500000"),
    ("四川", "Sichuan", "Sichuan", "510000"), ("贵州", "Guizhou", "Guizhou", "520000"),
    ("云南", "Yunnan", "Yunnan", "530000"), ("西藏", "Tibet", "Xizang", "540000"),
    ("陕西", "Shaanxi", "Shaanxi", "610000"), ("甘肃", "Gansu", "Gansu", "620000"),
    ("青海", "Qinghai", "Qinghai", "630000"), ("宁夏", "Ningxia", "Ningxia Hui", "640000"),
    ("新疆", "Xinjiang", "Xinjiang Uygur", "650000"),
]
SHORT = {zh: code for zh, _, _, code in PROVINCES} | {"全国": "000000"}
# OCR misreadings in the yearbook scans (see shared/data/PROVENANCE.md)
OCR_FIXES = {"四藏": "西藏", "两藏": "西藏", "浙汀": "浙江", "江四": "江西", "江两": "江西", "山两": "山西"}
DROPPED = {"尔部地区"}  # 东部地区 (eastern region aggregate), not a province
PINYIN = {py: code for _, py, _, code in PROVINCES}
CENSUS = {c: code for _, _, c, code in PROVINCES}

YEARBOOK = "中国科技统计年鉴 China Statistical Yearbook on Science and Technology (via R package techme)"
TABLES: dict[str, dict[str, str]] = {
    "RDPatentAccept.csv": {"合计": "patent_applications", "发明": "invention_applications",
                           "实用新型": "utility_model_applications", "外观设计": "design_applications"},
    "RDPatentAuthority.csv": {"合计": "patent_grants", "发明": "invention_grants",
                              "实用新型": "utility_model_grants", "外观设计": "design_grants"},
    "RDPatentValid.csv": {"合计": "valid_patents", "发明": "valid_invention_patents",
                          "实用新型": "valid_utility_model_patents", "外观设计": "valid_design_patents"},
    "RDActivity.csv": {"合计": "rd_expenditure"},  # R&D 经费内部支出合计, 万元
    "RDIntense.csv": {"RD强度": "rd_intensity"},
    "RDPlantVariety.csv": {"申请": "plant_variety_applications", "授权": "plant_variety_grants"},
}
HEADER = ["province_code", "year", "metric", "value", "unit", "source"]


def province_code(raw: str) -> str | None:
    name = "".join(raw.split())
    name = OCR_FIXES.get(name, name)
    if name in DROPPED:
        return None
    if name not in SHORT:
        raise SystemExit(f"unknown province name in source: {raw!r}")
    return SHORT[name]


def fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(round(value, 4))


def yearbook_rows(folder: Path) -> dict[tuple[str, int, str], tuple[str, str, str]]:
    out: dict[tuple[str, int, str], tuple[str, str, str]] = {}
    for name, metrics in TABLES.items():
        with open(folder / name, encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                metric = metrics.get(r["chn_block4"])
                code = province_code(r["province"])
                if metric is None or code is None or not r["value"]:
                    continue
                key = (code, int(r["year"]), metric)
                val = (fmt(float(r["value"])), r["units"], f"{YEARBOOK}: {name} {r['variables']}")
                if key in out and out[key][0] != val[0]:
                    raise SystemExit(f"conflicting values for {key}: {out[key][0]} vs {val[0]}")
                out[key] = val
    return out


def population_rows(folder: Path) -> dict[tuple[str, int, str], tuple[str, str, str]]:
    out: dict[tuple[str, int, str], tuple[str, str, str]] = {}
    src = "国家统计局 NBS table E0103 年末常住人口 (via pik-piam/PyPSA-China-PIK)"
    with open(folder / "population_year_end_2005_2024.csv", encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    reader = csv.reader(lines)
    header = next(reader)
    for row in reader:
        code = PINYIN[row[0].strip()]
        for year, v in zip(header[1:], row[1:]):
            if v.strip():
                out[(code, int(year), "population")] = (fmt(float(v)), "万人", src)
    src = "第七次全国人口普查 2020 census resident population (via cartogram-cpp sample data)"
    with open(folder / "china_population_2020_census.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            code = CENSUS.get(r["NAME_1"].strip())
            if code:  # Hong Kong, Macao, Taiwan come from a non-official source: left out
                out[(code, 2020, "population_census")] = (fmt(float(r["Cartogram Data (eg. Population)"])),
                                                          "人", src)
    return out


def main() -> None:
    shared = parse_args(__doc__.splitlines()[0])
    folder = shared / "statistics"
    rows = yearbook_rows(folder) | population_rows(folder)
    body = [[code, year, metric, *rows[(code, year, metric)]] for code, year, metric in sorted(rows)]
    write_output("statistics.csv.gz", csv_bytes(HEADER, body), compress=True)
    print(f"{len(body):,} rows")


if __name__ == "__main__":
    main()
