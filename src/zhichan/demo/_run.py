"""``run_demo``: a workspace with the demo files under sources/, every file imported as its own
batch, the XLSX import report in outputs/, then every analysis stage that exists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from zhichan.demo._events import EXPORT_DATE
from zhichan.demo._generate import DemoManifest, generate_demo
from zhichan.demo._stages import indicators_stage, maps_stage, plans_stage, reports_stage
from zhichan.demo._writers import SYNTHETIC_NOTE
from zhichan.errors import UserError

__all__ = ["STAGES", "DemoRun", "run_demo"]

# Stages after import, run in order (each: name, callable(workspace, manifest) -> str summary).
STAGES: list[tuple[str, Callable]] = [("指标 indicators", indicators_stage), ("规划 plans", plans_stage),
                                      ("地图 maps", maps_stage), ("报告 reports", reports_stage)]


@dataclass
class DemoRun:
    workspace: Path
    manifest: DemoManifest
    reports: list = field(default_factory=list)
    report_path: Path | None = None
    stages: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def run_demo(region: str = "500000", scale: str = "small", seed: int = 7, out: Path | str = Path("workspace-demo"),
             progress: Callable[[str], None] | None = None) -> DemoRun:
    """Create the workspace ``out`` (must not exist yet as a workspace), generate, import, report."""
    import time

    from zhichan.ingest import import_file, write_import_report
    from zhichan.workspace import init_workspace

    out = Path(out)
    if (out / "zhichan.toml").exists():
        raise UserError(f"演示工作区已存在 demo workspace already exists: {out}", where=str(out),
                        expected="一个新目录 a new folder", found="已有 zhichan.toml",
                        fix="删除该目录或用 --out 指定新目录")
    say = progress or (lambda s: None)
    t0 = time.perf_counter()
    with init_workspace(out, name=f"演示 demo {region}", region=region) as ws:
        say("生成演示数据 generating files")
        manifest = generate_demo(region, scale, seed, ws.root / "sources")
        run = DemoRun(ws.root, manifest)
        run.seconds["generate"] = time.perf_counter() - t0
        t1 = time.perf_counter()
        for name in manifest.files:
            say(f"导入 importing {name}")
            run.reports.append(import_file(ws.db, ws.root / "sources" / name, as_of=EXPORT_DATE))
        run.seconds["import"] = time.perf_counter() - t1
        run.report_path = write_import_report(run.reports, ws.outputs / f"demo-import-{dt.date.today():%Y%m%d}.xlsx",
                                              note=SYNTHETIC_NOTE)
        for stage, fn in STAGES:
            say(f"运行 running {stage}")
            run.stages[stage] = fn(ws, manifest)
    return run
