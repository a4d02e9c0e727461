"""Benchmark: uncertainty analysis of a 3,000-unit × 30-indicator composite index (three
aggregation levels) with 1,000 Monte Carlo runs over weights (±25 %), normalisation (min-max
0–100, min-max 1–100, rank) and aggregation (arithmetic, geometric).

Run: ``.venv/bin/python benchmarks/evaluate/bench_uncertainty.py [--units 3000] [--runs 1000]``.
Bar (issue 6): < 30 s on the 2-core development machine."""

from __future__ import annotations

import argparse
import platform
import resource
import time

import numpy as np
import pandas as pd

from zhichan.evaluate import CompositeIndex, UncertaintyAnalysis, load_framework


def framework() -> pd.DataFrame:
    """Index → 3 pillars → 3 sub-pillars each → 30 indicators (3, 3, 4 per sub-pillar)."""
    rows = [{"code": "index"}]
    k = 0
    for p in range(3):
        rows.append({"code": f"p{p}", "parent": "index", "weight": [0.4, 0.35, 0.25][p]})
        for s in range(3):
            rows.append({"code": f"p{p}s{s}", "parent": f"p{p}"})
            for _ in range(4 if s == 2 else 3):
                rows.append({"code": f"x{k:02d}", "parent": f"p{p}s{s}",
                             "direction": "cost" if k % 7 == 3 else "benefit"})
                k += 1
    return pd.DataFrame(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    fw = load_framework(framework())
    rng = np.random.default_rng(args.seed)
    latent = rng.normal(size=(args.units, 1))
    data = pd.DataFrame(np.exp(0.6 * latent + rng.normal(size=(args.units, len(fw.leaves)))),
                        columns=fw.leaves, index=[f"u{i:04d}" for i in range(args.units)])
    t0 = time.perf_counter()
    index = CompositeIndex(fw).fit(data)
    t1 = time.perf_counter()
    ua = UncertaintyAnalysis(index, n_runs=args.runs, weights="perturb", perturbation=0.25,
                             normalise=[("minmax", {"low": 1, "high": 100}), "rank"],
                             aggregate=["geometric"], seed=args.seed).fit(data)
    t2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()}, {platform.system()} {platform.release()}, python {platform.python_version()}")
    print(f"units {args.units}, indicators {len(fw.leaves)}, aggregation levels {len(index.plan_.steps)}, "
          f"runs {args.runs}")
    print(f"nominal fit (treatment, normalisation, aggregation): {t1 - t0:.2f} s")
    print(f"uncertainty analysis: {t2 - t1:.2f} s ({args.runs / (t2 - t1):.0f} runs/s)")
    print(f"peak RSS: {peak:.0f} MiB")
    print(ua.sensitivity_.round(3).to_string())
    print("median rank interval width:", float(ua.summary_["interval"].median()))


if __name__ == "__main__":
    main()
