"""Write a large patent export in the CNIPA column layout, for the import benchmark.

Deterministic for a seed. Applicants (a few tens of thousands) file many patents each, with
addresses built from the packaged divisions, as in a real regional export.

    .venv/bin/python benchmarks/importer/gen_patents.py OUT.csv [--rows 1000000] [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random

from zhichan.ids import application_check_char
from zhichan.reference import regions

HEADER = ["序号", "申请号", "申请日", "公开号", "公开日", "授权公告号", "授权公告日", "专利类型", "专利名称", "申请摘要",
          "申请人", "发明人", "申请人地址", "主分类号", "分类号", "法律状态", "国省代码", "专利代理机构", "专利代理人",
          "当前权利人", "专利转移次数", "许可次数", "质押次数"]
WORDS = ["一种", "智能", "检测", "装置", "方法", "系统", "复合材料", "电池", "控制", "结构", "制备", "机器人", "传感器",
         "图像", "数据", "处理", "节能", "环保", "汽车", "零部件", "医疗", "器械", "通信", "模块", "农业", "种植"]
IPCS = ["G06F 16/35", "H01M 10/052", "B60L 53/80", "A61B 5/00", "H04L 9/40", "G01N 33/00", "B25J 9/16",
        "C08L 23/06", "A01G 9/02", "F16H 57/02", "H02J 7/00", "G06N 3/08", "E04G 23/02", "B29C 45/17"]
FORMS = ["有限公司", "股份有限公司", "科技有限公司", "研究院", "大学"]
STATUS = ["有权-审定授权", "审中-实审", "无权-视为撤回", "专利权的终止(未缴年费专利权终止)", "有权-审定授权"]


def applicants(rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    counties = [r for r in regions.all("county")]
    out = []
    for i in range(n):
        c = rng.choice(counties)
        path = regions.path(c.code)
        prov = path[0]
        addr = "".join(r.name for r in path) + f"{rng.choice(WORDS)}路{rng.randint(1, 999)}号"
        if rng.random() < 0.3:
            addr = f"{c.code[:2]}{rng.randint(1000, 9999)} {addr}"
        name = f"{c.name[:2]}{rng.choice(WORDS)}{rng.choice(WORDS)}{i}{rng.choice(FORMS)}"
        out.append((name, addr, f"{prov.name[:2]}({prov.code[:2]})"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--applicants", type=int, default=40_000)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    apps = applicants(rng, args.applicants)
    serial = {}
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(1, args.rows + 1):
            year = rng.randint(2005, 2023)
            kind = rng.choice("11223")
            key = (year, kind)
            serial[key] = serial.get(key, rng.randint(1, 5000)) + rng.randint(1, 3)
            digits = f"{year}{kind}{serial[key]:07d}"
            app = f"{digits}.{application_check_char(digits)}"
            filed = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
            granted = filed + dt.timedelta(days=rng.randint(120, 1500)) if rng.random() < 0.6 else None
            name, addr, hint = apps[int(rng.paretovariate(1.2)) % len(apps)]
            co = apps[rng.randrange(len(apps))][0] if rng.random() < 0.1 else None
            ipc = rng.sample(IPCS, rng.randint(1, 3))
            title = "".join(rng.sample(WORDS, 4))
            w.writerow([i, f"CN{app}", filed.strftime("%Y%m%d"), f"CN{rng.randint(100000000, 119999999)}A",
                        filed.strftime("%Y%m%d"), "", granted.strftime("%Y%m%d") if granted else "",
                        {"1": "发明", "2": "实用新型", "3": "外观设计"}[kind], title, title * 5,
                        name + (f";{co}" if co else ""), ";".join(f"张{rng.randint(1, 500)}" for _ in range(3)),
                        addr, ipc[0], ";".join(ipc), rng.choice(STATUS), hint, "重庆某某专利代理事务所", "李四",
                        name, 0, 0, 0])


if __name__ == "__main__":
    main()
