"""``zhichan evaluate``: composite evaluation of regions — on a workspace, on a plain CSV/XLSX
matrix, or the 31-province yearbook example — with ranks, groups and uncertainty."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.table import Table

from zhichan.cli._common import JsonOption, WorkspaceOption, console, print_json_line
from zhichan.errors import UserError

app = typer.Typer(help="评价 evaluation: composite indices, ranks, uncertainty, coupling", no_args_is_help=True)

FrameworkOpt = Annotated[str, typer.Option("--framework", "-f", help="框架：内置名称或 YAML 文件 (province_yearbook, regional_ip, or a path)")]
WeightingOpt = Annotated[str, typer.Option("--weighting", help="赋权 framework|equal|entropy|critic|pca")]
NormaliseOpt = Annotated[str, typer.Option("--normalise", help="标准化 minmax|zscore|rank")]
AggregateOpt = Annotated[str, typer.Option("--aggregate", help="合成 arithmetic|geometric")]
RunsOpt = Annotated[int, typer.Option("--runs", help="不确定性分析的蒙特卡洛次数，0 为不做 (Monte Carlo runs; 0 = none)")]
XlsxOpt = Annotated[Path | None, typer.Option("--xlsx", help="导出 XLSX (write an XLSX workbook)")]


def _framework(spec: str):
    from zhichan.evaluate import framework_path, load_framework

    p = Path(spec)
    return load_framework(p if p.suffix in (".yaml", ".yml") or p.exists() else framework_path(spec))


def _evaluate(frame: pd.DataFrame, names: pd.Series, fw, *, weighting: str, normalise: str, aggregate: str,
              runs: int) -> pd.DataFrame:
    from zhichan.evaluate import CompositeIndex, UncertaintyAnalysis

    ci = CompositeIndex(fw, impute="median", weighting=weighting, normalise=normalise, aggregate=aggregate).fit(frame)
    out = pd.DataFrame({"unit": frame.index, "name": names.reindex(frame.index).to_numpy()}, index=frame.index)
    out["score"] = ci.scores_[fw.root]
    for d in fw.children[fw.root]:
        out[d] = ci.scores_[d]
    out["rank"] = ci.ranks_[fw.root]
    out["group"] = ci.groups_
    if runs > 0:
        alternatives = ["minmax", "rank"] if aggregate == "geometric" or normalise != "zscore" else ["zscore"]
        ua = UncertaintyAnalysis(ci, n_runs=runs, seed=7, normalise=alternatives,
                                 aggregate=["arithmetic", "geometric"] if normalise != "zscore" else ["arithmetic"]).fit(frame)
        out = out.join(ua.summary_[["median_rank", "rank_p05", "rank_p95"]])
    return out.sort_values("rank")


def _show(out: pd.DataFrame, title: str, fw, json: bool, xlsx: Path | None) -> None:
    if xlsx is not None:
        from openpyxl import Workbook

        from zhichan.report import write_table_sheet

        wb = Workbook()
        wb.remove(wb.active)
        heads = {"unit": "代码", "name": "名称", "score": "综合指数", "rank": "排名", "group": "梯队",
                 "median_rank": "中位排名", "rank_p05": "排名下限(5%)", "rank_p95": "排名上限(95%)"}
        heads.update({d: str(fw.nodes.at[d, "name"] or d) for d in fw.children[fw.root]})
        write_table_sheet(wb, "评价结果", out, heads, {"score": "0.00"})
        write_table_sheet(wb, "评价框架", fw.nodes.reset_index(), {c: c for c in fw.nodes.reset_index().columns})
        xlsx.parent.mkdir(parents=True, exist_ok=True)
        wb.save(xlsx)
        if not json:
            console.print(f"已导出 written: {xlsx}")
    if json:
        for row in out.to_dict("records"):
            print_json_line({k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()})
        return
    t = Table(title=title)
    for head in ("排名", "名称", "综合指数", "梯队", "排名区间"):
        t.add_column(head)
    for r in out.to_dict("records"):
        band = f"{r['rank_p05']:.0f}–{r['rank_p95']:.0f}" if "rank_p05" in r else "—"
        t.add_row(f"{r['rank']:.0f}", str(r["name"]), f"{r['score']:.1f}", str(r["group"]), band)
    console.print(t)


@app.command("provinces")
def provinces(
    year: Annotated[int, typer.Option("--year", "-y", help="年份 year (2010–2023)")] = 2023,
    weighting: WeightingOpt = "framework",
    runs: RunsOpt = 1000,
    xlsx: XlsxOpt = None,
    json: JsonOption = False,
) -> None:
    """31个省份的例子（年鉴真实数据） the 31-province example on the packaged yearbook statistics."""
    from zhichan.evaluate import province_matrix

    m = province_matrix(year)
    fw = _framework("province_yearbook")
    out = _evaluate(m.drop(columns="name"), m["name"], fw, weighting=weighting, normalise="minmax",
                    aggregate="arithmetic", runs=runs)
    _show(out, f"省级知识产权综合发展指数 {year}", fw, json, xlsx)


@app.command("matrix")
def matrix(
    file: Annotated[Path, typer.Argument(help="CSV 或 XLSX：第一列为地区/单位，其余为指标 (units × indicators)")],
    framework: FrameworkOpt = ...,
    sheet: Annotated[str | None, typer.Option("--sheet", help="XLSX 工作表 sheet")] = None,
    weighting: WeightingOpt = "framework",
    normalise: NormaliseOpt = "minmax",
    aggregate: AggregateOpt = "arithmetic",
    runs: RunsOpt = 0,
    xlsx: XlsxOpt = None,
    json: JsonOption = False,
) -> None:
    """对任意指标矩阵做综合评价 evaluate a plain matrix against a framework."""
    frame = _read_matrix(file, sheet)
    fw = _framework(framework)
    names = pd.Series(frame.index, index=frame.index)
    out = _evaluate(frame, names, fw, weighting=weighting, normalise=normalise, aggregate=aggregate, runs=runs)
    _show(out, f"综合评价 {file.name}", fw, json, xlsx)


@app.command("workspace")
def workspace_cmd(
    region: Annotated[str | None, typer.Option("--region", "-r", help="上级地区 parent region (default: the workspace's)")] = None,
    level: Annotated[str, typer.Option("--level", "-l", help="评价单位层级 province|prefecture|county")] = "county",
    year: Annotated[int | None, typer.Option("--year", "-y", help="年份 year (default: latest)")] = None,
    framework: FrameworkOpt = "regional_ip",
    weighting: WeightingOpt = "framework",
    runs: RunsOpt = 1000,
    xlsx: XlsxOpt = None,
    json: JsonOption = False,
    workspace: WorkspaceOption = None,
) -> None:
    """用工作区数据评价下级地区 evaluate the subdivisions of a region from the workspace's indicators."""
    from zhichan.evaluate._workspace_matrix import workspace_matrix
    from zhichan.measures import latest_period
    from zhichan.workspace import open_workspace

    fw = _framework(framework)
    with open_workspace(workspace) as ws:
        y = year or latest_period(ws.db) or 2023
        frame, names = workspace_matrix(ws.db, fw.leaves, region or ws.config.region or "000000", level, y,
                                        owner_rule=ws.config.attribution_rule)
    out = _evaluate(frame, names, fw, weighting=weighting, normalise="minmax", aggregate="arithmetic", runs=runs)
    _show(out, f"{fw.id} · {level} · {y}", fw, json, xlsx)


def _read_matrix(file: Path, sheet: str | None) -> pd.DataFrame:
    if not file.is_file():
        raise UserError(f"找不到文件 file not found: {file}", where=str(file), fix="检查路径")
    try:
        if file.suffix.lower() in (".xlsx", ".xlsm"):
            frame = pd.read_excel(file, sheet_name=sheet or 0)
        else:
            try:
                frame = pd.read_csv(file, encoding="utf-8-sig")
            except UnicodeDecodeError:
                frame = pd.read_csv(file, encoding="gb18030")
    except (ValueError, OSError) as exc:
        raise UserError(f"无法读取指标矩阵 cannot read the matrix: {file.name}", where=str(file), found=str(exc),
                        fix="CSV（UTF-8 或 GBK）或 XLSX，第一行为表头") from None
    frame = frame.set_index(frame.columns[0])
    bad = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
    if bad:
        raise UserError("指标列应为数值 indicator columns must be numeric", where=f"{file.name}: {'、'.join(map(str, bad))}",
                        expected="数值 numbers", found="文本 text", fix="删去或改正这些列")
    return frame


@app.command("catalogue")
def catalogue(
    region: Annotated[str | None, typer.Option("--region", "-r", help="上级地区 parent region (default: the workspace's)")] = None,
    level: Annotated[str, typer.Option("--level", "-l", help="单位层级 province|prefecture|county")] = "county",
    year: Annotated[int | None, typer.Option("--year", "-y", help="窗口末年 last year (default: latest)")] = None,
    window: Annotated[int, typer.Option("--window", help="窗口年数 years per window")] = 3,
    fields: Annotated[str, typer.Option("--fields", help="领域 tech_field（WIPO 35 领域）| sei（战略性新兴产业）")] = "tech_field",
    rules: Annotated[Path | None, typer.Option("--rules", help="自定义规则 YAML (catalogue rules file)")] = None,
    xlsx: XlsxOpt = None,
    json: JsonOption = False,
    workspace: WorkspaceOption = None,
) -> None:
    """区域×技术领域导向目录 the guidance catalogue: every unit × field classified, with evidence."""
    from zhichan.evaluate import LayoutAnalysis
    from zhichan.measures import latest_period
    from zhichan.report import write_catalogue_workbook
    from zhichan.workspace import open_workspace

    with open_workspace(workspace) as ws:
        y = year or latest_period(ws.db) or 2023
        la = LayoutAnalysis(region or ws.config.region or "000000", level=level, year=y, window=window, fields=fields,
                            rules=rules).fit(ws.db)
    if xlsx is not None:
        write_catalogue_workbook(xlsx, la)
        if not json:
            console.print(f"已导出 written: {xlsx}")
    cat = la.catalogue_[la.catalogue_["label"] != "数据不足"]
    if json:
        for row in cat.to_dict("records"):
            print_json_line({k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()})
        return
    t = Table(title=f"导向目录 guidance catalogue · {y}（近{window}年）")
    for head in ("地区", "技术领域", "导向", "证据"):
        t.add_column(head, overflow="fold")
    for r in cat.sort_values(["unit", "label"]).to_dict("records"):
        t.add_row(r["unit_name"], r["field_name"], r["label"], r["evidence"])
    console.print(t)
    console.print(cat["label"].value_counts().to_string(), highlight=False)


@app.command("intensive")
def intensive(
    employment: Annotated[Path, typer.Option("--employment", help="行业就业人数 CSV/XLSX：第一列行业代码（与 --fields 一致），第二列人数")],
    region: Annotated[str | None, typer.Option("--region", "-r", help="地区 region (default: the workspace's)")] = None,
    year: Annotated[int | None, typer.Option("--year", "-y", help="窗口末年 last year (default: latest)")] = None,
    window: Annotated[int, typer.Option("--window", help="窗口年数 years")] = 3,
    fields: Annotated[str, typer.Option("--fields", help="行业/领域分类 sei（默认）| tech_field")] = "sei",
    density_ratio: Annotated[float, typer.Option("--density-ratio", help="密度门槛（相对参照水平）")] = 1.0,
    scale_ratio: Annotated[float, typer.Option("--scale-ratio", help="规模门槛（相对行业平均）")] = 1.0,
    json: JsonOption = False,
    workspace: WorkspaceOption = None,
) -> None:
    """知识产权密集型产业识别 IP-intensive industries by patent density per employee and scale."""
    from zhichan.evaluate import LayoutAnalysis, ip_intensive_industries
    from zhichan.measures import latest_period
    from zhichan.workspace import open_workspace

    emp = _read_matrix(employment, None).iloc[:, 0]
    emp.index = emp.index.astype(str)
    with open_workspace(workspace) as ws:
        y = year or latest_period(ws.db) or 2023
        code = region or ws.config.region or "000000"
        la = LayoutAnalysis(code, level="county", year=y, window=window, fields=fields).fit(ws.db)
        titles = dict(ws.db.query("SELECT code, title_zh FROM classification WHERE scheme = ?", [fields]))
    patents = la.counts_.sum(axis=0)
    patents = patents[patents.index.isin(emp.index)]
    out = ip_intensive_industries(patents, emp, density_ratio=density_ratio, scale_ratio=scale_ratio)
    out.insert(0, "name", [titles.get(i, i) for i in out.index])
    if json:
        for k, row in out.iterrows():
            print_json_line({"industry": k, **{c: (v.item() if hasattr(v, "item") else v) for c, v in row.items()}})
        return
    t = Table(title=f"知识产权密集型产业 · {code} · {y - window + 1}—{y}")
    for head in ("行业", "专利（件）", "就业（人）", "密度（件/万人）", "密度指数", "规模指数", "密集型"):
        t.add_column(head, overflow="fold")
    for k, r in out.iterrows():
        t.add_row(str(r["name"]), f"{r['patents']:.1f}", f"{r['employment']:,.0f}", f"{r['density']:.2f}",
                  f"{r['density_index']:.2f}", f"{r['scale_index']:.2f}", "是" if r["intensive"] else "否")
    console.print(t)
    console.print(out.attrs.get("convention", ""), highlight=False)
