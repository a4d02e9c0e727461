"""Benchmark: demo generation and import time (default medium scale, Chongqing).

    .venv/bin/python benchmarks/demo/bench_demo.py [--scale medium] [--region 500000] [--out DIR]

Prints seconds for generation and import, rows per second and peak RSS; append the result to
benchmarks/results/demo.md with the machine and date. Not run by the test suite (medium writes
about 1M patents and 1.5M trademarks).
"""

from __future__ import annotations

import argparse
import platform
import resource
import shutil
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", default="medium")
    ap.add_argument("--region", default="500000")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--generate-only", action="store_true")
    args = ap.parse_args()
    from zhichan.demo import generate_demo, run_demo

    root = args.out or Path(tempfile.mkdtemp(prefix="zhichan-bench-demo-"))
    t0 = time.perf_counter()
    if args.generate_only:
        m = generate_demo(args.region, args.scale, args.seed, root / "sources")
        secs = {"generate": time.perf_counter() - t0}
        rows = 0
    else:
        run = run_demo(args.region, args.scale, args.seed, root / "ws")
        m, secs = run.manifest, run.seconds
        rows = sum(r.rows_read for r in run.reports)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.platform()} / {platform.processor() or platform.machine()} / Python {platform.python_version()}")
    print(f"region {m.region} scale {m.scale} seed {m.seed}: patents {sum(m.targets.values()):,}")
    for k, v in secs.items():
        print(f"{k}: {v:,.1f} s")
    if rows:
        print(f"rows imported: {rows:,} ({rows / secs['import']:,.0f} rows/s)")
    print(f"peak RSS: {rss:,.0f} MiB")
    if args.out is None:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
