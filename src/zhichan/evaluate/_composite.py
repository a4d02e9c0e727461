"""The composite index engine, after the JRC/OECD Handbook on Constructing Composite Indicators
(2008): treatment → normalisation → weighting → aggregation per level → ranks and groups."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from zhichan.errors import UserError
from zhichan.evaluate._base import Analysis, as_frame
from zhichan.evaluate._framework import Framework, load_framework
from zhichan.evaluate._normalise import normalise as normalise_frame
from zhichan.evaluate._treatment import (
    denominate,
    impute,
    transform,
    transform_function,
    treat_outliers,
)
from zhichan.evaluate._tree import TreePlan, rank_desc
from zhichan.evaluate._weights import critic_weights, entropy_weights, pca_weights

WEIGHTINGS = ("framework", "equal", "entropy", "critic", "pca")
CN_NUMERALS = "一二三四五六七八九十"


def group_labels(k: int) -> list[str]:
    """第一梯队 … for k performance groups (best first)."""
    return [f"第{CN_NUMERALS[i]}梯队" if i < 10 else f"第{i + 1}梯队" for i in range(k)]


def performance_groups(scores: pd.Series, groups: Any = 4, labels: Any = None) -> pd.Series:
    """Groups of units by score: ``k`` quantile groups (best first) or explicit score thresholds."""
    s = scores.astype(float)
    if isinstance(groups, int):
        if groups < 1:
            raise UserError("分组数无效 invalid number of groups", expected="≥ 1", found=str(groups))
        labels = list(labels) if labels is not None else group_labels(groups)
        pct = s.rank(ascending=False, method="min", pct=True)
        idx = np.minimum(np.ceil(pct * groups).astype("Int64") - 1, groups - 1)
        out = pd.Series([labels[i] if not pd.isna(i) else None for i in idx], index=s.index, dtype=object)
    else:
        edges = sorted(float(t) for t in groups)
        k = len(edges) + 1
        labels = list(labels) if labels is not None else group_labels(k)
        bins = np.digitize(s.to_numpy(), edges)  # 0 = below the lowest threshold
        out = pd.Series([labels[k - 1 - b] if not np.isnan(v) else None for b, v in zip(bins, s)],
                        index=s.index, dtype=object)
    return out.rename("group")


class CompositeIndex(Analysis):
    """A composite index over a framework of any depth.

    Parameters
    ----------
    framework : Framework, YAML path or table (code, parent, weight, direction)
    denominators : dict, optional
        ``{indicator: data column or Series}``; the indicator is divided by it (× ``denominator_scale``).
    transforms : dict, optional
        ``{indicator: "log10" | "ln"}``, applied after denomination (handbook §5.1; e.g. the UNDP
        TAI logs telephones and electricity). Goalposts of a transformed indicator are given in
        its raw units and transformed with it.
    impute : {"none", "mean", "median"}
    outliers : {"winsorise", "log", "none"}
        Applied to indicators with ``|skew| > skew_threshold`` and ``kurtosis > kurt_threshold``.
    normalise : {"minmax", "zscore", "rank", "target"}
    normalise_options : dict, optional
        Min-max defaults to ``{"low": 0, "high": 100}``; add ``goalposts={indicator: (min, max)}``
        and ``cap=True`` for fixed, capped goalposts (UNDP style). ``{"targets": {...}}`` for
        ``target``.
    weighting : {"framework", "equal", "entropy", "critic", "pca"}
        The framework's weights, equal siblings, or weights computed from the data within each
        sibling group (from the normalised indicators, and from the sub-index scores above them).
    aggregate : {"arithmetic", "geometric"} or {level: method}
        Level 1 aggregates indicators, level 2 the level-1 scores, and so on.
    groups : int or sequence of thresholds

    Attributes
    ----------
    treated_ : DataFrame
        Indicators after denomination, imputation and outlier treatment.
    treatment_ : DataFrame
        Skewness, kurtosis and action per indicator.
    normalised_ : DataFrame
    weights_ : Series
        Sibling-relative weight of every node.
    effective_weights_ : Series
        Each indicator's weight in the index (product along its path; arithmetic reading).
    scores_ : DataFrame
        Units × every node (indicators normalised, aggregates computed).
    ranks_ : DataFrame
        Units × every node, 1 = best.
    groups_ : Series
    convention_ : dict
    """

    def __init__(self, framework: Any, *, denominators: dict | None = None, denominator_scale: Any = 1.0,
                 transforms: dict | None = None, impute: str = "none", outliers: str = "winsorise",
                 skew_threshold: float = 2.0, kurt_threshold: float = 3.5, max_winsorised: int = 5,
                 normalise: str = "minmax", normalise_options: dict | None = None, weighting: str = "framework",
                 aggregate: Any = "arithmetic", groups: Any = 4) -> None:
        self.framework = framework
        self.denominators = denominators
        self.denominator_scale = denominator_scale
        self.transforms = transforms
        self.impute = impute
        self.outliers = outliers
        self.skew_threshold = skew_threshold
        self.kurt_threshold = kurt_threshold
        self.max_winsorised = max_winsorised
        self.normalise = normalise
        self.normalise_options = normalise_options
        self.weighting = weighting
        self.aggregate = aggregate
        self.groups = groups

    # -- steps, reused by the uncertainty analysis ------------------------------------------------
    def _framework(self) -> Framework:
        return self.framework if isinstance(self.framework, Framework) else load_framework(self.framework)

    def _treat(self, data: Any, fw: Framework) -> tuple[pd.DataFrame, pd.DataFrame]:
        frame = as_frame(data)
        if self.denominators:
            frame = denominate(frame, self.denominators, self.denominator_scale)
        missing = [c for c in fw.leaves if c not in frame.columns]
        if missing:
            raise UserError("数据缺少框架中的指标 the data lack indicators of the framework",
                            expected="one column per indicator (leaf) of the framework",
                            found="missing: " + "、".join(missing), fix="add the columns or remove the indicators")
        frame = frame[fw.leaves]
        if self.transforms:
            frame = transform(frame, self.transforms)
        frame = impute(frame, self.impute)
        return treat_outliers(frame, self.outliers, skew_threshold=self.skew_threshold,
                              kurt_threshold=self.kurt_threshold, max_winsorised=self.max_winsorised)

    def _normalise(self, treated: pd.DataFrame, fw: Framework, method: str, options: dict | None) -> pd.DataFrame:
        opts = ({"low": 0.0, "high": 100.0} if method == "minmax" else {}) | dict(options or {})
        if opts.get("goalposts") and self.transforms:
            opts["goalposts"] = {k: tuple(transform_function(self.transforms[k])(float(v)) for v in pair)
                                 if k in self.transforms else pair for k, pair in opts["goalposts"].items()}
        if method == "vector":
            raise UserError("合成指数不使用向量标准化 vector normalisation is for TOPSIS only",
                            expected="minmax, zscore, rank or target")
        return normalise_frame(treated, method, fw.directions.to_dict(), **opts)

    def _weights(self, plan: TreePlan, fw: Framework, normalised: pd.DataFrame, methods: dict) -> np.ndarray:
        w = plan.base_weights.copy()
        if self.weighting == "framework":
            return w
        if self.weighting not in WEIGHTINGS:
            raise UserError("未知的赋权方法 unknown weighting", expected=", ".join(WEIGHTINGS), found=repr(self.weighting))
        if self.weighting == "equal":
            has_parent = plan.parent >= 0
            counts = np.bincount(plan.parent[has_parent], minlength=len(w))
            w[has_parent] = 1.0 / counts[plan.parent[has_parent]]
            return w
        fit = {"entropy": entropy_weights, "critic": critic_weights, "pca": pca_weights}[self.weighting]
        scores = np.full((len(normalised), len(plan.order)), np.nan)
        scores[:, : plan.n_leaves] = normalised.to_numpy()
        for step in plan.steps:
            for p in step.parents:
                kids = np.where(plan.parent == p)[0]
                if len(kids) > 1:
                    w[kids] = fit(pd.DataFrame(scores[:, kids])).weights_.to_numpy()
            scores = plan.run(scores[:, : plan.n_leaves], w[None, :], methods)[0]
        return w

    # -- the estimator ------------------------------------------------------------------------------
    def fit(self, data: Any) -> CompositeIndex:
        fw = self._framework()
        plan = TreePlan(fw)
        methods = plan.methods(self.aggregate)
        treated, report = self._treat(data, fw)
        normalised = self._normalise(treated, fw, self.normalise, self.normalise_options)
        if "geometric" in methods.values() and (normalised.to_numpy() < 0).any():
            raise UserError("几何合成要求非负的标准化值 geometric aggregation needs non-negative normalised values",
                            found=f"normalise={self.normalise!r} gives negative values",
                            fix="use min-max (e.g. normalise_options={'low': 1, 'high': 100}) or rank")
        w = self._weights(plan, fw, normalised, methods)
        scores = plan.run(normalised.to_numpy(), w[None, :], methods)[0]
        idx = normalised.index
        self.framework_ = fw
        self.plan_ = plan
        self.treated_ = treated
        self.treatment_ = report
        self.normalised_ = normalised
        self.weights_ = pd.Series(w, index=plan.order, name="weight").reindex(fw.nodes.index)
        self.effective_weights_ = fw.with_weights(self.weights_.to_dict()).effective_weights() \
            if self.weighting != "framework" else fw.effective_weights()
        self.scores_ = pd.DataFrame(scores, index=idx, columns=plan.order)[list(fw.nodes.index)]
        ranks = rank_desc(self.scores_.to_numpy(), axis=0)
        self.ranks_ = pd.DataFrame(ranks, index=idx, columns=self.scores_.columns)
        self.groups_ = performance_groups(self.scores_[fw.root], self.groups)
        self.convention_ = {
            "denominators": dict(self.denominators or {}), "transforms": dict(self.transforms or {}),
            "impute": self.impute,
            "outliers": report.attrs.get("convention"), "normalise": normalised.attrs.get("convention"),
            "weighting": self.weighting, "aggregate": methods,
            "ranks": "1 = highest score; ties by order", "handbook": "JRC/OECD 2008"}
        return self

    def to_frame(self) -> pd.DataFrame:
        """Root score, rank and group, then the scores of the level below the root."""
        self._check_fitted()
        fw = self.framework_
        out = pd.DataFrame({"score": self.scores_[fw.root], "rank": self.ranks_[fw.root], "group": self.groups_})
        return out.join(self.scores_[fw.children[fw.root]]).sort_values("rank")
