"""Uncertainty and sensitivity analysis of a composite index (JRC/OECD handbook §7): Monte Carlo
over weights, normalisation and aggregation → median rank and 5th–95th percentile rank interval
per unit, and what each choice contributes."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from zhichan.errors import UserError
from zhichan.evaluate._base import Analysis
from zhichan.evaluate._composite import CompositeIndex
from zhichan.evaluate._tree import rank_desc

WEIGHT_SAMPLINGS = ("perturb", "dirichlet", None)


def _label(choice: Any) -> str:
    if isinstance(choice, tuple):
        method, opts = choice
        return method + (("(" + ", ".join(f"{k}={v}" for k, v in sorted(opts.items())) + ")") if opts else "")
    if isinstance(choice, dict):
        return "by level " + ", ".join(f"{k}:{v}" for k, v in sorted(choice.items()))
    return str(choice)


def _as_normalisation(choice: Any) -> tuple[str, dict]:
    if isinstance(choice, str):
        return choice, {}
    if isinstance(choice, tuple) and len(choice) == 2 and isinstance(choice[1], dict):
        return choice[0], dict(choice[1])
    raise UserError("标准化备选项格式错误 bad normalisation alternative", expected="'minmax' or ('minmax', {...})",
                    found=repr(choice))


class UncertaintyAnalysis(Analysis):
    """Monte Carlo uncertainty analysis of a :class:`CompositeIndex`.

    Each run draws a weight set, a normalisation and an aggregation; the index is recomputed for
    all units at once (runs are processed in batches, each one batched matrix product per level).

    Parameters
    ----------
    index : CompositeIndex
        The nominal index (fitted on the same data, or fitted here).
    n_runs : int
    weights : {"perturb", "dirichlet", None}
        ``perturb``: each weight × (1 + U(−p, p)) with ``p = perturbation``, siblings rescaled;
        ``dirichlet``: siblings ~ Dirichlet(concentration × nominal weights); None: nominal weights.
    normalise : list, optional
        Alternatives such as ``["minmax", ("rank", {}), ("zscore", {})]``; the nominal one is
        always included.
    aggregate : list, optional
        Alternatives such as ``["arithmetic", "geometric"]``; the nominal one is always included.
    seed : int
    batch_size : int

    Attributes
    ----------
    ranks_ : ndarray (runs, units)
    runs_ : DataFrame
        The normalisation and aggregation of each run.
    summary_ : DataFrame
        Per unit: nominal_rank, median_rank, rank_p05, rank_p95, interval.
    sensitivity_ : DataFrame
        Per factor: first_order (Var(E[rank | choice]) / Var(rank), mean over units; for the weights
        the total-order index E[Var(rank | other choices)] / Var(rank)) and rank_shift (mean
        |rank − nominal rank| when only that factor varies).
    convention_ : dict
    """

    def __init__(self, index: CompositeIndex, *, n_runs: int = 1000, weights: str | None = "perturb",
                 perturbation: float = 0.25, concentration: float = 50.0, normalise: list | None = None,
                 aggregate: list | None = None, seed: int = 0, batch_size: int = 50) -> None:
        self.index = index
        self.n_runs = n_runs
        self.weights = weights
        self.perturbation = perturbation
        self.concentration = concentration
        self.normalise = normalise
        self.aggregate = aggregate
        self.seed = seed
        self.batch_size = batch_size

    def _sample_weights(self, rng: np.random.Generator, base: np.ndarray, plan, n: int) -> np.ndarray:
        if self.weights is None:
            return np.repeat(base[None, :], n, axis=0)
        if self.weights == "perturb":
            if not 0 <= self.perturbation < 1:
                raise UserError("扰动幅度无效 invalid perturbation", expected="0 ≤ p < 1", found=str(self.perturbation))
            w = base[None, :] * (1.0 + rng.uniform(-self.perturbation, self.perturbation, (n, base.size)))
        elif self.weights == "dirichlet":
            alpha = self.concentration * base
            w = np.where(alpha > 0, rng.gamma(np.where(alpha > 0, alpha, 1.0), size=(n, base.size)), 0.0)
        else:
            raise UserError("未知的权重抽样 unknown weight sampling", expected="perturb, dirichlet or None",
                            found=repr(self.weights))
        return plan.renormalise(w)

    def fit(self, data: Any) -> UncertaintyAnalysis:
        idx = self.index
        if not hasattr(idx, "scores_"):
            idx = idx.fit(data)
        fw, plan = idx.framework_, idx.plan_
        nominal_norm = (idx.normalise, dict(idx.normalise_options or {}))
        norms = [nominal_norm] + [c for c in map(_as_normalisation, self.normalise or [])
                                  if _label(c) != _label(nominal_norm) and c != nominal_norm]
        aggs = [idx.aggregate] + [a for a in (self.aggregate or []) if _label(a) != _label(idx.aggregate)]
        agg_methods = [plan.methods(a) for a in aggs]
        data_by_norm = []
        for method, opts in norms:
            x = idx._normalise(idx.treated_, fw, method, opts).to_numpy()
            if any("geometric" in m.values() for m in agg_methods) and np.nanmin(x) < 0:
                raise UserError("几何合成与该标准化不兼容 geometric aggregation with a normalisation giving "
                                "negative values", found=_label((method, opts)),
                                fix="drop zscore from the alternatives or geometric from the aggregations")
            data_by_norm.append(x)
        rng = np.random.default_rng(self.seed)
        base = idx.weights_.reindex(plan.order).to_numpy(dtype=float)
        n, units = self.n_runs, len(idx.treated_)
        norm_pick = rng.integers(len(norms), size=n)
        agg_pick = rng.integers(len(aggs), size=n)
        weights = self._sample_weights(rng, base, plan, n)
        root = plan.pos[fw.root]
        ranks = np.empty((n, units), dtype=np.int32)
        scores = np.empty((n, units), dtype=np.float32)
        for k in range(len(norms)):
            for a in range(len(aggs)):
                runs = np.where((norm_pick == k) & (agg_pick == a))[0]
                for start in range(0, len(runs), self.batch_size):
                    chunk = runs[start: start + self.batch_size]
                    s = plan.run(data_by_norm[k], weights[chunk], agg_methods[a])[:, :, root]
                    scores[chunk] = s
                    ranks[chunk] = rank_desc(s, axis=1)
        nominal = idx.ranks_[fw.root].to_numpy()
        self.ranks_ = ranks
        self.scores_ = scores
        self.runs_ = pd.DataFrame({"normalise": [_label(norms[i]) for i in norm_pick],
                                   "aggregate": [_label(aggs[i]) for i in agg_pick]})
        q = np.percentile(ranks, [5, 50, 95], axis=0)
        self.summary_ = pd.DataFrame({"nominal_rank": nominal, "median_rank": q[1], "rank_p05": q[0],
                                      "rank_p95": q[2], "interval": q[2] - q[0]},
                                     index=idx.treated_.index).sort_values("nominal_rank")
        self.sensitivity_ = self._sensitivity(ranks, norm_pick, agg_pick, nominal, norms, aggs, agg_methods,
                                              data_by_norm, base, plan, root)
        self.convention_ = {"runs": n, "seed": self.seed, "weights": self.weights,
                            "perturbation": self.perturbation if self.weights == "perturb" else None,
                            "concentration": self.concentration if self.weights == "dirichlet" else None,
                            "normalise": [_label(c) for c in norms], "aggregate": [_label(a) for a in aggs],
                            "interval": "5th-95th percentile of ranks over runs; rank 1 = best"}
        return self

    def _sensitivity(self, ranks, norm_pick, agg_pick, nominal, norms, aggs, agg_methods, data_by_norm,
                     base, plan, root) -> pd.DataFrame:
        r = ranks.astype(float)
        var = r.var(axis=0)
        ok = var > 0

        def closed_first_order(labels: np.ndarray) -> float:
            mean = r.mean(axis=0)
            v = np.zeros(r.shape[1])
            for k in np.unique(labels):
                sel = labels == k
                v += sel.mean() * (r[sel].mean(axis=0) - mean) ** 2
            return float(np.mean(v[ok] / var[ok])) if ok.any() else 0.0

        rows = []
        combo = norm_pick * len(aggs) + agg_pick
        if self.weights is not None:
            nominal_sel = (norm_pick == 0) & (agg_pick == 0)
            shift = float(np.abs(r[nominal_sel] - nominal).mean()) if nominal_sel.any() else float("nan")
            rows.append({"factor": "weights", "first_order": 1.0 - closed_first_order(combo),
                         "index": "total-order", "rank_shift": shift})
        for name, choices, picks in (("normalise", norms, norm_pick), ("aggregate", aggs, agg_pick)):
            if len(choices) < 2:
                continue
            shifts = []
            for k in range(1, len(choices)):
                x = data_by_norm[k] if name == "normalise" else data_by_norm[0]
                m = agg_methods[0] if name == "normalise" else agg_methods[k]
                s = plan.run(x, base[None, :], m)[:, :, root]
                shifts.append(np.abs(rank_desc(s, axis=1)[0] - nominal).mean())
            rows.append({"factor": name, "first_order": closed_first_order(picks), "index": "first-order",
                         "rank_shift": float(np.mean(shifts))})
        return pd.DataFrame(rows, columns=["factor", "first_order", "index", "rank_shift"]).set_index("factor")

    def to_frame(self) -> pd.DataFrame:
        self._check_fitted()
        return self.summary_
