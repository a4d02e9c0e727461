"""Analytic hierarchy process: principal-eigenvector weights and the consistency ratio."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from zhichan.errors import UserError
from zhichan.evaluate._base import Analysis

# Random consistency index RI by matrix order n (index 0 is n = 1).
# Saaty (1980; 1991 for n = 11–15, with its known non-monotone 1.48 at n = 12).
RI_SAATY = (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59)
# The table common in Chinese textbooks (1000 random matrices per order; e.g. 洪志国等 2002,
# 计算机工程与应用 38(12)).
RI_CN = (0.0, 0.0, 0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59)
RANDOM_INDEX = {"saaty": RI_SAATY, "cn": RI_CN}
CR_THRESHOLD = 0.10


def _pairwise_matrix(matrix: Any, labels: Any) -> tuple[np.ndarray, list]:
    """A square array from an array, a DataFrame or ``{(a, b): a_ab}`` (reciprocals filled in)."""
    if isinstance(matrix, dict):
        names: list = []
        for a, b in matrix:
            for x in (a, b):
                if x not in names:
                    names.append(x)
        names = list(labels) if labels is not None else names
        pos = {x: i for i, x in enumerate(names)}
        a = np.full((len(names), len(names)), np.nan)
        np.fill_diagonal(a, 1.0)
        for (i, j), v in matrix.items():
            a[pos[i], pos[j]] = float(v)
            a[pos[j], pos[i]] = 1.0 / float(v)
        if np.isnan(a).any():
            raise UserError("判断矩阵不完整 the pairwise comparisons are incomplete",
                            fix="give a comparison for every pair of elements")
        return a, names
    if isinstance(matrix, pd.DataFrame):
        return matrix.to_numpy(dtype=float), list(matrix.index) if labels is None else list(labels)
    a = np.asarray(matrix, dtype=float)
    return a, (list(labels) if labels is not None else [f"c{i}" for i in range(len(a))])


class AHP(Analysis):
    """AHP weights from a pairwise comparison matrix.

    The weights are the principal (Perron) eigenvector scaled to sum 1; ``CI = (λmax − n)/(n − 1)``;
    ``CR = CI / RI(n)``; the judgements are acceptable when ``CR < threshold`` (0.10).

    Parameters
    ----------
    random_index : {"saaty", "cn"}
        Saaty's RI table or the one common in Chinese textbooks.
    threshold : float
    labels : sequence, optional

    Attributes
    ----------
    weights_ : Series
    lambda_max_, ci_, ri_, cr_ : float
    consistent_ : bool
    convention_ : str
    """

    def __init__(self, *, random_index: str = "saaty", threshold: float = CR_THRESHOLD, labels: Any = None) -> None:
        self.random_index = random_index
        self.threshold = threshold
        self.labels = labels

    def fit(self, matrix: Any) -> AHP:
        a, names = _pairwise_matrix(matrix, self.labels)
        n = a.shape[0]
        if a.ndim != 2 or a.shape[1] != n or n < 1:
            raise UserError("判断矩阵必须是方阵 the pairwise matrix must be square", found=str(a.shape))
        if np.any(~np.isfinite(a)) or np.any(a <= 0):
            raise UserError("判断矩阵元素必须为正 pairwise judgements must be positive numbers")
        if not np.allclose(a * a.T, 1.0, rtol=1e-3):
            i, j = np.argwhere(~np.isclose(a * a.T, 1.0, rtol=1e-3))[0]
            raise UserError("判断矩阵不互反 the pairwise matrix is not reciprocal", where=f"row {i + 1}, column {j + 1}",
                            expected=f"a[{j + 1},{i + 1}] = 1/a[{i + 1},{j + 1}] = {1 / a[i, j]:.4g}",
                            found=f"{a[j, i]:.4g}")
        table = RANDOM_INDEX.get(self.random_index)
        if table is None:
            raise UserError("未知的 RI 表 unknown random index table", expected="saaty or cn", found=repr(self.random_index))
        if n > len(table):
            raise UserError("判断矩阵阶数超出 RI 表 matrix too large for the RI table",
                            expected=f"n ≤ {len(table)}", found=str(n), fix="split the level into smaller groups")
        vals, vecs = np.linalg.eig(a)
        k = int(np.argmax(vals.real))
        w = np.abs(vecs[:, k].real)
        w = w / w.sum()
        lam = float(vals[k].real)
        ci = (lam - n) / (n - 1) if n > 2 else 0.0
        ri = table[n - 1]
        cr = ci / ri if ri > 0 else 0.0
        self.weights_ = pd.Series(w, index=names, name="weight")
        self.lambda_max_ = lam
        self.ci_ = ci
        self.ri_ = ri
        self.cr_ = cr
        self.consistent_ = bool(cr < self.threshold)
        self.convention_ = (f"AHP principal eigenvector; CI = (λmax-n)/(n-1); RI table {self.random_index}; "
                            f"accept CR < {self.threshold:g}")
        return self

    def to_frame(self) -> pd.DataFrame:
        self._check_fitted()
        out = self.weights_.to_frame()
        out.attrs.update(lambda_max=self.lambda_max_, ci=self.ci_, cr=self.cr_, convention=self.convention_)
        return out


def ahp_weights(matrix: Any, *, random_index: str = "saaty", threshold: float = CR_THRESHOLD,
                labels: Any = None) -> AHP:
    """Fit :class:`AHP` on a pairwise matrix; weights in ``.weights_``, consistency in ``.cr_``."""
    return AHP(random_index=random_index, threshold=threshold, labels=labels).fit(matrix)
