"""``zhichan map`` (choropleth of an indicator) and ``zhichan spatial moran|lisa|hotspot``."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from zhichan.cli._common import JsonOption, WorkspaceOption, console, print_json_line

app = typer.Typer(help="空间统计 spatial statistics: Moran's I, LISA clusters, Gi* hot spots", no_args_is_help=True)

IndicatorArg = Annotated[str, typer.Argument(help="指标代码 indicator id, e.g. invention_patents_per_10k_pop")]
RegionOpt = Annotated[str | None, typer.Option("--region", "-r", help="地区代码 region code (default: the workspace's)")]
LevelOpt = Annotated[str | None, typer.Option("--level", "-l", help="下级层级 province|prefecture|county (default: the level below)")]
PeriodOpt = Annotated[int | None, typer.Option("--period", "-p", help="年份 year (default: latest with data)")]
NoteOpt = Annotated[str | None, typer.Option("--note", help="图注 note under the map (demo workspaces add the synthetic-data note)")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="数据来源 data source line")]
BoundariesOpt = Annotated[Path | None, typer.Option("--boundaries", help="自备边界文件 GeoJSON/Shapefile with region codes")]
CodeColumnOpt = Annotated[str, typer.Option("--code-column", help="边界文件中的代码列 code column of --boundaries")]
WeightsOpt = Annotated[str, typer.Option("--weights", help="空间权重 queen|rook|knn")]
KOpt = Annotated[int, typer.Option("--k", help="近邻数 neighbours for knn")]
PermOpt = Annotated[int, typer.Option("--permutations", help="置换次数 permutations")]
SeedOpt = Annotated[int | None, typer.Option("--seed", help="随机种子 random seed (same seed → same p-values)")]
AlphaOpt = Annotated[float, typer.Option("--alpha", help="显著性水平 significance level")]
OutOpt = Annotated[Path | None, typer.Option("--out", "-o", help="地图文件 map file: .png .svg .pdf .html")]


def register(root: typer.Typer) -> None:
    """Add ``map`` and ``spatial`` to the root app."""
    root.command("map")(map_command)
    root.add_typer(app, name="spatial")


def _values(workspace, indicator: str, region: str | None, level: str | None, period: int | None, note: str | None):
    from zhichan.measures import latest_period
    from zhichan.spatial import default_level, indicator_values
    from zhichan.workspace import open_workspace

    with open_workspace(workspace, read_only=False) as ws:
        code = region or ws.config.region or "000000"
        lvl = level or default_level(code)
        year = period or latest_period(ws.db) or 2023
        mv = indicator_values(ws.db, indicator, region=code, level=lvl, period=year,
                              owner_rule=ws.config.attribution_rule)
        if note is None and ws.config.name.startswith("演示"):
            from zhichan.demo._writers import SYNTHETIC_NOTE

            note = SYNTHETIC_NOTE
        source = f"zhichan 工作区 {ws.config.name}"
    return mv, code, lvl, note, source


def map_command(
    indicator: IndicatorArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="地图文件 map file: .png（可插入 DOCX）.svg .pdf .html（交互）")],
    region: RegionOpt = None,
    level: LevelOpt = None,
    period: PeriodOpt = None,
    scheme: Annotated[str, typer.Option("--scheme", help="分级 quantiles|natural_breaks|equal_interval|manual")] = "quantiles",
    k: Annotated[int, typer.Option("--k", help="分级数 number of classes")] = 5,
    breaks: Annotated[str | None, typer.Option("--breaks", help="自定义断点 manual breaks, e.g. 10,20,40")] = None,
    cmap: Annotated[str, typer.Option("--cmap", help="配色 YlOrRd|Blues|YlGnBu|viridis|cividis …")] = "YlOrRd",
    title: Annotated[str | None, typer.Option("--title", help="标题 title")] = None,
    labels: Annotated[str, typer.Option("--labels", help="区域名称 auto|short|full|none")] = "auto",
    note: NoteOpt = None,
    source: SourceOpt = None,
    boundaries: BoundariesOpt = None,
    code_column: CodeColumnOpt = "code",
    workspace: WorkspaceOption = None,
) -> None:
    """绘制指标分级设色地图 draw a choropleth map of an indicator (.png .svg .pdf .html)."""
    from zhichan.spatial import choropleth, save_map

    mv, code, lvl, note, default_source = _values(workspace, indicator, region, level, period, note)
    cuts = [float(x) for x in breaks.replace("，", ",").split(",") if x.strip()] if breaks else None
    fig = choropleth(mv, level=lvl, region=code, scheme=scheme, k=k, breaks=cuts, cmap=cmap, title=title,
                     note=note, source=source or default_source, labels=labels, boundaries=boundaries,
                     code_column=code_column)
    path = save_map(fig, out)
    console.print(f"已写出地图 map written: {path}", highlight=False)


def _clean(v):
    if hasattr(v, "item"):
        v = v.item()
    return None if isinstance(v, float) and math.isnan(v) else v


def _run(kind: str, indicator, region, level, period, weights, k, permutations, seed, alpha, json, out, note,
         boundaries, code_column, workspace) -> None:
    from zhichan.spatial import HotSpots, LocalMoran, Moran, hotspot_map, lisa_map, save_map

    mv, code, lvl, note, source = _values(workspace, indicator, region, level, period, note)
    params = {"weights": weights, "k": k, "permutations": permutations, "seed": seed, "level": lvl, "region": code,
              "boundaries": boundaries, "code_column": code_column}
    if kind == "moran":
        res = Moran(**params).fit(mv)
        row = {k2: _clean(v) for k2, v in res.to_frame().iloc[0].items()}
        if json:
            print_json_line({"indicator": indicator, "region": code, "level": lvl, "period": mv.period, **row})
        else:
            console.print(res.summary_zh(), highlight=False)
            console.print(f"空间权重 weights: {res.weights_.describe()}", highlight=False)
        return
    res = (LocalMoran(alpha=alpha, **params) if kind == "lisa" else HotSpots(**params)).fit(mv)
    frame = res.to_frame()
    if out is not None:
        fig = (lisa_map if kind == "lisa" else hotspot_map)(res, note=note, source=source)
        save_map(fig, out)
    if json:
        for row in frame.to_dict("records"):
            print_json_line({"indicator": indicator, "period": mv.period, **{k2: _clean(v) for k2, v in row.items()}})
        return
    label = "cluster_zh" if kind == "lisa" else "hotspot_zh"
    table = Table(title=f"{mv.title} · {code} · {mv.period} · {res.weights_.describe()}")
    for head in ("地区", "数值", "统计量", "p (置换)", "类别"):
        table.add_column(head)
    stat = "local_i" if kind == "lisa" else "z"
    for r in frame.to_dict("records"):
        table.add_row(f"{r['region_name']}（{r['region']}）", f"{r['value']:.4g}", f"{r[stat]:.3f}",
                      f"{r['p_sim']:.3f}", r[label])
    console.print(table)
    if out is not None:
        console.print(f"已写出地图 map written: {out}", highlight=False)


@app.command("moran")
def moran_command(indicator: IndicatorArg, region: RegionOpt = None, level: LevelOpt = None, period: PeriodOpt = None,
                  weights: WeightsOpt = "queen", k: KOpt = 4, permutations: PermOpt = 999, seed: SeedOpt = None,
                  json: JsonOption = False, boundaries: BoundariesOpt = None, code_column: CodeColumnOpt = "code",
                  workspace: WorkspaceOption = None) -> None:
    """全局 Moran's I global spatial autocorrelation (permutation inference)."""
    _run("moran", indicator, region, level, period, weights, k, permutations, seed, 0.05, json, None, None,
         boundaries, code_column, workspace)


@app.command("lisa")
def lisa_command(indicator: IndicatorArg, region: RegionOpt = None, level: LevelOpt = None, period: PeriodOpt = None,
                 weights: WeightsOpt = "queen", k: KOpt = 4, permutations: PermOpt = 999, seed: SeedOpt = None,
                 alpha: AlphaOpt = 0.05, json: JsonOption = False, out: OutOpt = None, note: NoteOpt = None,
                 boundaries: BoundariesOpt = None, code_column: CodeColumnOpt = "code",
                 workspace: WorkspaceOption = None) -> None:
    """局部 Moran (LISA) 聚类 local clusters HH/LL/HL/LH; --out 写出聚类图."""
    _run("lisa", indicator, region, level, period, weights, k, permutations, seed, alpha, json, out, note,
         boundaries, code_column, workspace)


@app.command("hotspot")
def hotspot_command(indicator: IndicatorArg, region: RegionOpt = None, level: LevelOpt = None,
                    period: PeriodOpt = None, weights: WeightsOpt = "queen", k: KOpt = 4, permutations: PermOpt = 999,
                    seed: SeedOpt = None, json: JsonOption = False, out: OutOpt = None, note: NoteOpt = None,
                    boundaries: BoundariesOpt = None, code_column: CodeColumnOpt = "code",
                    workspace: WorkspaceOption = None) -> None:
    """Getis-Ord Gi* 冷热点 hot and cold spots; --out 写出冷热点图."""
    _run("hotspot", indicator, region, level, period, weights, k, permutations, seed, 0.05, json, out, note,
         boundaries, code_column, workspace)
