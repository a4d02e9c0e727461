"""Vectorised aggregation up an indicator tree, for one weight set or a batch of them.

Scores live in one array ``(batch, units, nodes)``; the nodes are ordered leaves first, then the
aggregates by height, so every parent is computed from columns already filled. Each height is
one batched matrix product (no Python loop over units or runs)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from zhichan.errors import UserError
from zhichan.evaluate._framework import Framework

AGGREGATIONS = ("arithmetic", "geometric")


@dataclass
class Step:
    """The parents of one height and the membership of their children."""

    height: int
    parents: np.ndarray       # node positions of the parents
    children: np.ndarray      # node positions of their children
    member: np.ndarray        # (n_children, n_parents) 0/1


class TreePlan:
    """Node order, sibling groups and aggregation steps of a framework."""

    def __init__(self, framework: Framework) -> None:
        nodes = framework.nodes
        aggregates = sorted(framework.aggregates, key=lambda c: (nodes.at[c, "height"], list(nodes.index).index(c)))
        self.order = list(framework.leaves) + aggregates
        self.pos = {c: i for i, c in enumerate(self.order)}
        self.n_leaves = len(framework.leaves)
        self.base_weights = nodes.loc[self.order, "weight"].to_numpy(dtype=float)
        parent = nodes.loc[self.order, "parent"]
        self.parent = np.array([self.pos[p] if isinstance(p, str) else -1 for p in parent])
        self.steps: list[Step] = []
        for h in sorted({int(nodes.at[c, "height"]) for c in aggregates}):
            pars = np.array([self.pos[c] for c in aggregates if nodes.at[c, "height"] == h])
            kids = np.array([i for i in range(len(self.order)) if self.parent[i] in set(pars.tolist())])
            member = (self.parent[kids][:, None] == pars[None, :]).astype(float)
            self.steps.append(Step(h, pars, kids, member))
        self.levels = [s.height for s in self.steps]

    def methods(self, aggregate) -> dict[int, str]:
        """Aggregation method per height from a name or a ``{height: name}`` mapping."""
        if isinstance(aggregate, str):
            out = {h: aggregate for h in self.levels}
        else:
            unknown = set(aggregate) - set(self.levels)
            if unknown:
                raise UserError("未知的合成层级 unknown aggregation level", expected=str(self.levels),
                                found=str(sorted(unknown)))
            out = {h: aggregate.get(h, "arithmetic") for h in self.levels}
        for m in out.values():
            if m not in AGGREGATIONS:
                raise UserError("未知的合成方法 unknown aggregation", expected=", ".join(AGGREGATIONS), found=repr(m))
        return out

    def renormalise(self, weights: np.ndarray) -> np.ndarray:
        """Scale node weights ``(batch, nodes)`` so that siblings sum to 1 (root stays 1)."""
        w = np.array(weights, dtype=float, copy=True)
        groups = np.where(self.parent >= 0, self.parent, len(self.order))
        sums = np.zeros((w.shape[0], len(self.order) + 1))
        np.add.at(sums.T, groups, w.T)
        w = w / np.where(sums[:, groups] > 0, sums[:, groups], 1.0)
        w[:, self.parent < 0] = 1.0
        return w

    def run(self, leaves: np.ndarray, weights: np.ndarray, methods: dict[int, str]) -> np.ndarray:
        """Scores of every node: ``leaves`` (units, n_leaves); ``weights`` (batch, nodes) → (batch, units, nodes).

        Missing leaf values are skipped and the weights of the children present rescaled."""
        weights = np.atleast_2d(weights)
        b, u = weights.shape[0], leaves.shape[0]
        scores = np.empty((b, u, len(self.order)))
        scores[:, :, : self.n_leaves] = leaves[None, :, :]
        for step in self.steps:
            child = scores[:, :, step.children]
            present = ~np.isnan(child)
            wmat = weights[:, step.children][:, :, None] * step.member[None, :, :]
            den = present.astype(float) @ wmat
            if methods[step.height] == "arithmetic":
                num = np.where(present, child, 0.0) @ wmat
                out = num / np.where(den > 0, den, 1.0)
            else:
                pos = present & (child > 0)
                zero = ((present & (child <= 0)).astype(float) @ wmat) > 0
                num = np.where(pos, np.log(np.where(pos, child, 1.0)), 0.0) @ wmat
                out = np.where(zero, 0.0, np.exp(num / np.where(den > 0, den, 1.0)))
            scores[:, :, step.parents] = np.where(den > 0, out, np.nan)
        return scores


def rank_desc(scores: np.ndarray, axis: int = -1) -> np.ndarray:
    """Ranks along ``axis`` with 1 for the highest score (ties broken by position; NaN last)."""
    s = np.where(np.isnan(scores), -np.inf, scores)
    order = np.argsort(-s, axis=axis, kind="stable")
    ranks = np.empty_like(order)
    idx = np.arange(1, scores.shape[axis] + 1)
    shape = [1] * scores.ndim
    shape[axis] = -1
    np.put_along_axis(ranks, order, np.broadcast_to(idx.reshape(shape), order.shape), axis=axis)
    return ranks
