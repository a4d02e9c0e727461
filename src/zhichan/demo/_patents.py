"""Patents: valid application numbers with check characters, kind-coded publication numbers, real
titles and IPC subclasses from the packaged corpus, dates, owners and legal status as CNIPA,
incoPat and PatSnap exports write them. Written row by row to three vendor files; legal events and
transactions go to their own files in the same pass (bounded memory)."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from zhichan._packaged import read_csv_rows
from zhichan.demo._calibrate import PATENT_TYPES, Plan, rng_for
from zhichan.demo._events import EXPORT_DATE, live, transactions
from zhichan.demo._parties import PartyPool, address_styles, person_name
from zhichan.ids import application_check_char

__all__ = [
    "CNIPA_HEADER",
    "EVENTS_HEADER",
    "INCOPAT_HEADER",
    "PATSNAP_HEADER",
    "TRANSACTIONS_HEADER",
    "PatentStats",
    "generate_patents",
    "titles",
]

CNIPA_HEADER = ["序号", "申请日", "公开日", "授权公告日", "申请人", "发明人", "申请号", "公开号", "授权公告号", "专利类型", "专利名称", "授权名称", "申请摘要", "主权项", "申请人地址", "法律状态", "主分类号", "分类号", "国省代码", "专利代理人", "专利代理机构", "优先权", "优先权日", "优先权数量", "全文链接", "第一发明人", "第一权利人", "申请人类型", "当前发明人", "当前权利人", "当前著录项联系人通讯地址", "当前专利代理人", "当前专利代理机构", "变更前代理机构", "法律事件", "引证专利", "非专利引证", "引证数", "同族专利", "专利转移次数", "许可次数", "质押次数", "简单同族数量", "转让日期", "失效日期", "质押日期", "许可日期", "无效宣告日期", "CPC主分类号", "CPC分类号", "FI主分类号", "FI分类号", "国际申请号", "国际申请日", "国际公开号", "国际公开日", "进入国家日期", "颁证日", "审查员", "审查时长", "实质审查日"]
INCOPAT_HEADER = ["标题", "摘要", "申请号", "申请日", "公开(公告)号", "公开(公告)日", "申请人", "标准化申请人", "申请人地址",
                  "中国申请人地市", "中国申请人区县", "申请人国别代码", "发明人", "IPC主分类", "IPC", "当前权利人", "代理机构",
                  "代理人", "法律状态", "简单同族", "扩展同族", "被引证次数", "权利要求数量", "专利类型", "授权日", "失效日"]
PATSNAP_HEADER = ["公开(公告)号", "申请号", "申请日", "公开(公告)日", "标题", "摘要", "申请(专利权)人", "当前申请(专利权)人",
                  "发明人", "IPC分类号", "IPC主分类号", "申请(专利权)人地址", "专利类型", "简单法律状态", "法律状态/事件", "授权日",
                  "预估到期日", "简单同族", "权利要求数量", "被引用专利数量", "代理机构", "代理人"]
EVENTS_HEADER = ["申请号", "法律状态公告日", "事件代码", "法律状态", "描述信息"]
TRANSACTIONS_HEADER = ["专利号", "登记类型", "登记号", "生效日", "转让人", "受让人", "受让人地址", "金额(万元)", "解除日期",
                       "许可类型"]
TYPE_ZH = {"invention": "发明", "utility_model": "实用新型", "design": "外观设计"}
KIND = {"invention": "A", "utility_model": "U", "design": "S"}
DESIGN_PRODUCTS = ("包装盒", "茶具", "灯具", "座椅", "音箱", "手机壳", "餐盘", "水杯", "工具箱", "刀具", "台灯", "花瓶",
                   "玩具车", "鞋", "背包", "充电器", "电动车", "门把手", "酒瓶", "香水瓶")
AGENCIES = ("重庆双马专利代理事务所（普通合伙）", "成都九鼎天元知识产权代理有限公司", "济南圣达知识产权代理有限公司",
            "北京集佳知识产权代理有限公司", "重庆强大凯创专利代理事务所（普通合伙）", "四川力久律师事务所")
OTHER_REGIONS = (("广东省深圳市南山区", "深圳"), ("江苏省苏州市吴中区", "苏州"), ("浙江省杭州市余杭区", "杭州"),
                 ("北京市海淀区", "北京"), ("上海市浦东新区", "上海"))
# base numbers of publication serials per type; serials only grow within a run
PUB_BASE = {"invention": 101_500_000, "utility_model": 201_500_000, "design": 301_500_000}


@lru_cache(maxsize=1)
def titles() -> dict[str, list[tuple[str, str]]]:
    """Real titles with IPC subclasses by kind: 'invention' (A/B publications) and 'utility_model' (U)."""
    out: dict[str, list[tuple[str, str]]] = {"invention": [], "utility_model": []}
    for r in read_csv_rows("titles.csv.gz", "zhichan.demo"):
        kind = "utility_model" if r["publication_no"].endswith("U") else "invention"
        out[kind].append((r["title"], r["ipc_subclasses"]))
    return out


@dataclass
class PatentStats:
    """What the patent pass produced, for statistics tables, lists and tests."""

    applications: Counter = field(default_factory=Counter)  # (district, year, type)
    grants: Counter = field(default_factory=Counter)  # (district, year of grant, type)
    holders: Counter = field(default_factory=Counter)  # applicant name -> patents
    rows: Counter = field(default_factory=Counter)  # file key -> rows written
    dirty: list[dict] = field(default_factory=list)
    planted: dict[str, list[str]] = field(default_factory=dict)
    app_numbers: list[str] = field(default_factory=list)  # kept at small scale only, for tests
    # granted inventions with a foreign family member: candidates for the China Patent Award list
    award_candidates: list[tuple[str, str, str]] = field(default_factory=list)  # (number, title, holder)
    pct: int = 0


def app_no(year: int, digit: str, serial: int) -> str:
    body = f"{year}{digit}{serial:07d}"
    return f"{body}.{application_check_char(body)}"


def _ipc(rng: random.Random, subclasses: str) -> list[str]:
    out = []
    for sc in subclasses.split("|"):
        if len(sc) == 4:
            out.append(f"{sc}{rng.randint(1, 49)}/{rng.choice(('00', '02', '04', '06', '08', '10', '12', '14'))}")
    return out


def _date(rng: random.Random, year: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))


def generate_patents(plan: Plan, pool: PartyPool, seed: int, out: dict, keep_numbers: bool) -> PatentStats:
    """One pass over the calibrated targets writing patents, events and transactions."""
    rng = rng_for(seed, "patents")
    corpus = titles()
    stats = PatentStats()
    serial = {(y, t): rng.randint(100_000, 900_000) for y in range(2010, 2024) for t in ("1", "2", "3")}
    pub = dict(PUB_BASE)
    seq = 0
    group = _planted_group(plan, pool, seed)
    stats.planted["near_duplicate_group"] = [p.name for p in group["parties"]]
    stats.planted["near_duplicate_numbers"] = []
    for year in range(2010, 2024):
        for ptype, digit, _, _ in PATENT_TYPES:
            for district, n in plan.by_district[(year, ptype)]:
                for i in range(n):
                    serial[(year, digit)] += rng.randint(1, 40)
                    pub[ptype] += rng.randint(1, 30)
                    seq += 1
                    planted = (ptype == "utility_model" and year == 2022 and district.code == group["district"]
                               and i < group["n"])
                    # about 3% of inventions are PCT applications entering the national phase (type 8)
                    pct = ptype == "invention" and not planted and rng.random() < 0.03
                    if pct:
                        serial[(year, "8")] = serial.get((year, "8"), rng.randint(100_000, 900_000)) + rng.randint(1, 9)
                    rec = _patent(rng, plan, pool, ptype, year, "8" if pct else digit,
                                  serial[(year, "8" if pct else digit)], pub[ptype], district,
                                  corpus, group if planted else None, i)
                    if planted:
                        stats.planted["near_duplicate_numbers"].append(rec["app"])
                    _emit(rng, rec, seq, out, stats, keep_numbers)
    _dirty_rows(rng, out, stats, seq)
    return stats


def _planted_group(plan: Plan, pool: PartyPool, seed: int) -> dict:
    """Related shell applicants sharing one address: a near-duplicate utility-model series (2022)."""
    rng = rng_for(seed, "planted-patents")
    codes = [d.code for d in plan.districts]
    district = next((d for d in plan.districts if d.code == "500111"), None) or max(
        plan.districts, key=lambda d: (plan.by_district[(2022, "utility_model")][codes.index(d.code)][1], d.code))
    idx = codes.index(district.code)
    n = plan.by_district[(2022, "utility_model")][idx][1]
    parties = [pool._enterprise(district) for _ in range(3)]
    for p in parties[1:]:
        p.address, p.township, p.street = parties[0].address, parties[0].township, parties[0].street
    for p in parties:
        p.group = "near_duplicate_group"
    base = rng.choice(corpus_um_bases())
    return {"district": district.code, "n": max(1, min(n, max(6, n // 3))), "parties": parties, "base": base}


def corpus_um_bases() -> list[str]:
    return [t for t, _ in titles()["utility_model"][:200] if t.startswith("一种")]


def _patent(rng, plan, pool, ptype, year, digit, serial, pubserial, district, corpus, group, i) -> dict:
    filed = _date(rng, year)
    if group is not None:
        applicant = group["parties"][i % len(group["parties"])]
        variants = ("", "及其使用方法", "的改进结构", "组件", "系统", "的安装结构", "及其制备方法")
        title = group["base"] + variants[i % len(variants)]
        ipcs = ["B65G47/00"]
        filed = dt.date(2022, 3, 1) + dt.timedelta(days=i * 3)
    else:
        applicant = pool.pick(district)
        if ptype == "design":
            title, ipcs = f"{rng.choice(DESIGN_PRODUCTS)}（{rng.choice(('一', '二', '三', 'A', 'B', '智能', '便携'))}）", []
        else:
            t, sc = rng.choice(corpus[ptype])
            title, ipcs = t, _ipc(rng, sc)
    co = pool.pick(district) if rng.random() < 0.1 else None
    applicants = [applicant] + ([co] if co is not None and co.name != applicant.name else [])
    inventors = [person_name(rng) for _ in range(rng.randint(1, 4))] if applicant.kind != "individual" \
        else [applicant.name]
    rate = plan.grant_rate[ptype]
    if ptype == "invention":
        published = filed + dt.timedelta(days=rng.randint(300, 560))
        granted = filed + dt.timedelta(days=rng.randint(500, 1500)) if rng.random() < min(1.0, rate * 1.6) else None
    else:
        granted = filed + dt.timedelta(days=rng.randint(90, 300)) if rng.random() < min(1.0, rate * 1.12) else None
        published = granted
    if granted is not None and granted > EXPORT_DATE:
        granted = None
    if published is not None and published > EXPORT_DATE:
        published = None
    rec = {"type": ptype, "digit": digit, "year": year, "app": app_no(year, digit, serial), "filed": filed,
           "published": published, "granted": granted, "title": title, "ipc": ipcs, "applicants": applicants,
           "inventors": inventors, "district": district, "agency": rng.choice(AGENCIES) if rng.random() < 0.7 else "",
           "claims": rng.randint(1, 20) if ptype != "design" else 1}
    if digit == "8":
        # the CN filing date of a national-phase entry is the international filing date
        rec["pct"] = (f"PCT/CN{filed.year}/{rng.randrange(10**6):06d}", filed,
                      filed + dt.timedelta(days=rng.randint(540, 900)))
    else:
        rec["pct"] = None
    # foreign family members: more often for PCT filings; granted ones (B) count for high value
    family = []
    if ptype == "invention" and rng.random() < (0.6 if rec["pct"] else 0.04):
        for office, kinds in (("US", ("A1", "B2")), ("EP", ("A1", "B1")), ("JP", ("A", "B2"))):
            if rng.random() < 0.6:
                family.append(f"{office}{rng.randrange(10**7, 10**8)}{rng.choice(kinds)}")
    rec["family"] = family
    kind = KIND[ptype]
    rec["pub_no"] = f"CN{pubserial}{kind}" if published else ""
    rec["grant_no"] = f"CN{pubserial}{'B' if ptype == 'invention' else kind}" if granted else ""
    if granted is not None:
        life = live(rng, ptype, filed, granted)
        stop = life.lapse_date or EXPORT_DATE
        life.events.extend(transactions(rng, granted, stop))
        rec["life"] = life
        rec["status"] = life.status
    else:
        rec["life"] = None
        if ptype == "invention" and filed.year >= 2020:
            rec["status"] = "审中-实质审查" if published else "审中-公开"
        else:
            rec["status"] = rng.choice(("无权-驳回", "无权-视为撤回", "无权-视为撤回"))
    return rec


def _new_owner(rng: random.Random, rec: dict, pool: PartyPool) -> tuple[str, str]:
    if rng.random() < 0.35:
        where, city = rng.choice(OTHER_REGIONS)
        return f"{city}{rng.choice('恒信博远华创瑞达')}{rng.choice(['智能科技有限公司', '电子有限公司', '新材料有限公司'])}", \
            f"{where}{rng.choice(('科技园路', '创新大道', '高新路'))}{rng.randint(1, 200)}号"
    d = rng.choice(list(pool.enterprises))
    p = rng.choice(pool.enterprises[d])
    return p.name, p.address


def _emit(rng: random.Random, rec: dict, seq: int, out: dict, stats: PatentStats, keep: bool) -> None:
    ptype, district = rec["type"], rec["district"]
    stats.applications[(district.code, rec["year"], ptype)] += 1
    if rec["granted"]:
        stats.grants[(district.code, rec["granted"].year, ptype)] += 1
    first = rec["applicants"][0]
    stats.holders[first.name] += 1
    stats.pct += rec["pct"] is not None
    if rec["granted"] and any(f[-2] == "B" for f in rec["family"]) and len(stats.award_candidates) < 40:
        stats.award_candidates.append((f"ZL{rec['app']}", rec["title"], first.name))
    if keep:
        stats.app_numbers.append(rec["app"])
    owners = [p.name for p in rec["applicants"]]
    owner_addr = first.address
    life = rec["life"]
    events = life.events if life else []
    counts = Counter(e.kind for e in events if e.kind)
    for e in events:
        if e.kind == "transfer":
            name, addr = _new_owner(rng, rec, out["pool"])
            e.detail = f"登记生效日：{e.effective:%Y%m%d}；变更事项：专利权人；变更前权利人：{';'.join(owners)}；变更后权利人：{name}"
            out["transactions"].write([f"ZL{rec['app']}", "专利权转让", None, e.effective.isoformat(), ";".join(owners),
                                       name, addr, None, None, None])
            owners, owner_addr = [name], addr
        elif e.kind in ("licence", "pledge"):
            to, addr = _new_owner(rng, rec, out["pool"]) if e.kind == "licence" else (
                f"{district.province_name[:2]}农村商业银行股份有限公司{district.name}支行", first.address)
            reg_no = f"{'X' if e.kind == 'licence' else 'Y'}{e.effective.year}{district.code[:2]}{rng.randrange(10**7):07d}"
            out["transactions"].write([f"ZL{rec['app']}", "专利实施许可合同备案" if e.kind == "licence" else "专利权质押",
                                       reg_no, e.effective.isoformat(), ";".join(owners), to, addr,
                                       f"{e.amount_wan:g}", e.end.isoformat() if e.end else None,
                                       rng.choice(("独占许可", "普通许可", "排他许可")) if e.kind == "licence" else None])
            if e.end is not None and e.end <= EXPORT_DATE:
                code, text = ("EC01", "专利实施许可合同备案的注销") if e.kind == "licence" else ("PC01", "专利权质押合同登记的注销")
                out["events"].write([rec["app"], e.end.isoformat(), code, text, ""])
                stats.rows["events"] += 1
            stats.rows["transactions"] += 1
        out["events"].write([rec["app"], e.announced.isoformat(), e.code, e.text, e.detail])
        stats.rows["events"] += 1
    vendor = rng.random()
    key = "cnipa" if vendor < 0.7 else "incopat" if vendor < 0.85 else "patsnap"
    _write_vendor(rng, key, rec, seq, out, owners, owner_addr, counts)
    stats.rows[key] += 1


def _write_vendor(rng, key, rec, seq, out, owners, owner_addr, counts) -> None:
    first = rec["applicants"][0]
    d = rec["district"]
    addr = address_styles(first, rng)
    ptype = rec["type"]
    filed, pubd, granted = rec["filed"], rec["published"], rec["granted"]
    ipc_main = rec["ipc"][0] if rec["ipc"] else ""
    apps = [p.name for p in rec["applicants"]]
    lapse = rec["life"].lapse_date if rec["life"] else None
    if key == "cnipa":
        typ = {"invention": "发明授权" if granted else "发明公开", "utility_model": "实用新型", "design": "外观设计"}[ptype]
        # Chinese column names as keywords
        row = dict(序号=seq, 申请日=f"{filed:%Y%m%d}", 公开日=f"{pubd:%Y%m%d}" if pubd else "",  # noqa: C408
                   授权公告日=f"{granted:%Y%m%d}" if granted else "0", 申请人=";".join(apps),
                   发明人=";".join(rec["inventors"]), 申请号="CN" + rec["app"], 公开号=rec["pub_no"],
                   授权公告号=rec["grant_no"], 专利类型=typ, 专利名称=rec["title"], 授权名称=rec["title"] if granted else "",
                   申请人地址=addr, 法律状态=rec["status"], 主分类号=ipc_main, 分类号=";".join(rec["ipc"]),
                   国省代码=f"{d.province_name[:2]}({d.code[:2]})", 专利代理机构=rec["agency"],
                   专利代理人=person_name(rng) if rec["agency"] else "", 第一发明人=rec["inventors"][0],
                   第一权利人=owners[0], 申请人类型={"enterprise": "企业", "university": "大专院校", "institute": "科研机构",
                                                "individual": "个人"}[first.kind],
                   当前发明人=";".join(rec["inventors"]), 当前权利人=";".join(owners), 当前著录项联系人通讯地址=owner_addr,
                   专利转移次数=counts.get("transfer", 0), 许可次数=counts.get("licence", 0), 质押次数=counts.get("pledge", 0),
                   失效日期=f"{lapse:%Y%m%d}" if lapse else "0",
                   同族专利=";".join(rec["family"]), 简单同族数量=len(rec["family"]) + 1 if rec["family"] else "",
                   **({"国际申请号": rec["pct"][0], "国际申请日": f"{rec['pct'][1]:%Y%m%d}",
                       "进入国家日期": f"{rec['pct'][2]:%Y%m%d}"} if rec["pct"] else {}))
        values = [row.get(h, "0" if h in ("优先权数量", "引证数", "审查时长") else "") for h in CNIPA_HEADER]
        out["cnipa"].write(values)
        out["_last_cnipa"] = values
    elif key == "incopat":
        typ = {"invention": "发明授权" if granted else "发明申请", "utility_model": "实用新型", "design": "外观设计"}[ptype]
        fam = rec["pub_no"] + (f"; {rec['grant_no']}" if rec["grant_no"] and rec["grant_no"] != rec["pub_no"] else "")
        out["incopat"].write([rec["title"], f"{rec['title']}，结构简单，成本低。", "CN" + rec["app"], filed,
                              rec["grant_no"] or rec["pub_no"] or None, granted or pubd, "; ".join(apps),
                              "; ".join(a.upper() for a in apps), addr, d.prefecture_name or d.province_name, d.name,
                              "CN", "; ".join(rec["inventors"]), ipc_main or None,
                              "; ".join(rec["ipc"]) or None, "; ".join(owners), rec["agency"] or None, None,
                              rec["status"].split("-")[-1], fam or None, fam or None, rng.randint(0, 5), rec["claims"],
                              typ, granted, lapse])
    else:
        typ = {"invention": "发明授权" if granted else "发明申请", "utility_model": "实用新型", "design": "外观设计"}[ptype]
        simple = "有效" if rec["status"].startswith("有权") else "审中" if rec["status"].startswith("审中") else "失效"
        events = " | ".join(e.text for e in (rec["life"].events if rec["life"] else [])) or rec["status"].split("-")[-1]
        from zhichan.demo._events import term_end

        out["patsnap"].write([rec["grant_no"] or rec["pub_no"], "CN" + rec["app"], filed.isoformat(),
                              (granted or pubd).isoformat() if (granted or pubd) else None, rec["title"], "摘要略。",
                              " | ".join(apps), " | ".join(owners), " | ".join(rec["inventors"]),
                              " | ".join(rec["ipc"]) or None, ipc_main or None, addr, typ, simple, events,
                              granted.isoformat() if granted else None, term_end(ptype, filed).isoformat(),
                              rec["grant_no"] or rec["pub_no"], rec["claims"], rng.randint(0, 8), rec["agency"] or None,
                              None])


def _dirty_rows(rng: random.Random, out: dict, stats: PatentStats, seq: int) -> None:
    """Three rows the importer must report: a bad check character, an impossible date, a duplicate."""
    w = out["cnipa"]
    good = out["_last_cnipa"]
    if good is None:
        return
    body = good[CNIPA_HEADER.index("申请号")][2:14]
    chars = "0123456789X"
    wrong = chars[(chars.index(application_check_char(body)) + 1) % 11]
    bad = list(good)
    bad[0], bad[CNIPA_HEADER.index("申请号")] = seq + 1, f"CN{body}.{wrong}"
    w.write(bad)
    stats.dirty.append({"file": "cnipa", "row": w.last_row, "code": "bad-check-digit", "column": "申请号"})
    dup = list(good)
    dup[0] = seq + 2
    w.write(dup)
    stats.dirty.append({"file": "cnipa", "row": w.last_row, "code": "duplicate-in-file", "column": "申请号"})
    odd = list(good)
    odd[0] = seq + 3
    odd[CNIPA_HEADER.index("申请号")] = "CN" + app_no(int(body[:4]), body[4], 9_999_001)
    odd[CNIPA_HEADER.index("公开日")] = f"{body[:4]}0230"  # 30 February
    w.write(odd)
    stats.dirty.append({"file": "cnipa", "row": w.last_row, "code": "unparseable-date", "column": "公开日"})
    stats.rows["cnipa"] += 3
