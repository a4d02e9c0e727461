"""Objective and given weights: equal, manual, entropy, CRITIC, PCA.

Every estimator keeps ``weights_`` (a Series summing to 1) and ``convention_`` (what was done)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from zhichan.errors import UserError
from zhichan.evaluate._base import Analysis, as_frame, direction_signs, weight_vector
from zhichan.evaluate._normalise import _minmax_array

ENTROPY_CONVENTIONS = ("minmax", "minmax_shift", "share")


def equal_weights(columns: Any) -> pd.Series:
    """1/m for each of m indicators (``columns`` may be a DataFrame or a list of names)."""
    cols = list(columns.columns) if isinstance(columns, pd.DataFrame) else list(columns)
    w = pd.Series(1.0 / len(cols), index=cols, name="weight")
    w.attrs["convention"] = "equal"
    return w


def manual_weights(weights: Any, columns: Any = None) -> pd.Series:
    """Given weights, checked (finite, non-negative) and scaled to sum to 1."""
    if columns is None:
        columns = list(pd.Series(weights).index) if isinstance(weights, (dict, pd.Series)) else range(len(weights))
    cols = list(columns.columns) if isinstance(columns, pd.DataFrame) else list(columns)
    w = pd.Series(weight_vector(weights, cols), index=cols, name="weight")
    w.attrs["convention"] = "manual, scaled to sum 1"
    return w


class EntropyWeights(Analysis):
    """Entropy weight method.

    ``p_ij = x'_ij / Σ_i x'_ij``; ``e_j = −(1/ln n) Σ_i p_ij ln p_ij`` (with ``0·ln 0 = 0``);
    ``w_j = (1 − e_j) / Σ_j (1 − e_j)``.

    Parameters
    ----------
    normalise : {"minmax", "minmax_shift", "share"}
        How ``x'`` is made: plain min-max to [0, 1]; min-max then ``+ epsilon`` (the usual
        Chinese textbook translation); or the raw values as they are (``share``: positive data,
        as in Xu 2004 and Zavadskas & Podvezko 2016).
    epsilon : float
        The translation of ``minmax_shift``.
    directions : mapping or sequence, optional
        benefit/cost per indicator (ignored by ``share``).

    Attributes
    ----------
    weights_ : Series
    entropy_ : Series
        ``e_j``.
    divergence_ : Series
        ``1 − e_j``.
    convention_ : str
    """

    def __init__(self, *, normalise: str = "minmax", epsilon: float = 1e-4, directions: Any = None) -> None:
        self.normalise = normalise
        self.epsilon = epsilon
        self.directions = directions

    def fit(self, data: Any) -> EntropyWeights:
        frame = as_frame(data).dropna()
        if self.normalise not in ENTROPY_CONVENTIONS:
            raise UserError("未知的熵值法标准化约定 unknown entropy convention",
                            expected=", ".join(ENTROPY_CONVENTIONS), found=repr(self.normalise))
        n = len(frame)
        if n < 2:
            raise UserError("熵值法至少需要两个单位 entropy weights need at least two units", found=str(n))
        x = frame.to_numpy()
        if self.normalise == "share":
            if np.any(x < 0):
                raise UserError("share 约定要求非负数据 the share convention needs non-negative data",
                                fix="use normalise='minmax' or 'minmax_shift'")
            xp = x
        else:
            signs = direction_signs(self.directions, frame.columns)
            shift = self.epsilon if self.normalise == "minmax_shift" else 0.0
            xp = _minmax_array(x, signs, 0.0, 1.0, shift)
        col = xp.sum(axis=0)
        p = np.divide(xp, col, out=np.full_like(xp, 1.0 / n), where=col > 0)
        plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
        e = -plogp.sum(axis=0) / np.log(n)
        d = 1.0 - e
        if d.sum() <= 0:
            raise UserError("所有指标熵为 1，无法定权 every indicator has entropy 1",
                            fix="the indicators do not vary across units; use equal or manual weights")
        self.entropy_ = pd.Series(e, index=frame.columns, name="entropy")
        self.divergence_ = pd.Series(d, index=frame.columns, name="divergence")
        self.weights_ = pd.Series(d / d.sum(), index=frame.columns, name="weight")
        conv = {"minmax": "min-max [0,1], 0·ln0 = 0",
                "minmax_shift": f"min-max [0,1] + {self.epsilon:g}",
                "share": "raw values as shares (no min-max)"}[self.normalise]
        self.convention_ = f"entropy weights; x' = {conv}; e_j = -(1/ln n) Σ p ln p"
        return self

    def to_frame(self) -> pd.DataFrame:
        self._check_fitted()
        return pd.concat([self.entropy_, self.divergence_, self.weights_], axis=1)


class CriticWeights(Analysis):
    """CRITIC weights (Diakoulaki et al. 1995).

    Min-max to [0, 1] (cost reversed); ``σ_j`` the sample standard deviation; conflict
    ``R_j = Σ_k (1 − r_jk)`` with Pearson ``r``; ``C_j = σ_j R_j``; ``w_j = C_j / Σ C_j``.

    Attributes
    ----------
    weights_, std_, conflict_, information_ : Series
    correlation_ : DataFrame
    convention_ : str
    """

    def __init__(self, *, directions: Any = None) -> None:
        self.directions = directions

    def fit(self, data: Any) -> CriticWeights:
        frame = as_frame(data).dropna()
        if len(frame) < 3:
            raise UserError("CRITIC 至少需要三个单位 CRITIC needs at least three units", found=str(len(frame)))
        signs = direction_signs(self.directions, frame.columns)
        z = _minmax_array(frame.to_numpy(), signs, 0.0, 1.0, 0.0)
        sd = z.std(axis=0, ddof=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            r = np.corrcoef(z, rowvar=False) if z.shape[1] > 1 else np.ones((1, 1))
        r = np.nan_to_num(np.atleast_2d(r), nan=0.0)  # a constant indicator correlates with nothing
        np.fill_diagonal(r, 1.0)
        conflict = (1.0 - r).sum(axis=0)
        info = sd * conflict
        if info.sum() <= 0:
            raise UserError("CRITIC 信息量全为 0 every indicator carries no CRITIC information",
                            fix="the indicators are constant or perfectly correlated; use equal weights")
        cols = frame.columns
        self.std_ = pd.Series(sd, index=cols, name="std")
        self.conflict_ = pd.Series(conflict, index=cols, name="conflict")
        self.information_ = pd.Series(info, index=cols, name="information")
        self.correlation_ = pd.DataFrame(r, index=cols, columns=cols)
        self.weights_ = pd.Series(info / info.sum(), index=cols, name="weight")
        self.convention_ = "CRITIC; min-max [0,1], sample sd, conflict Σ(1 - Pearson r), C = sd·R"
        return self

    def to_frame(self) -> pd.DataFrame:
        self._check_fitted()
        return pd.concat([self.std_, self.conflict_, self.information_, self.weights_], axis=1)


def _varimax(loadings: np.ndarray, gamma: float = 1.0, max_iter: int = 100, tol: float = 1e-8,
             kaiser: bool = True) -> np.ndarray:
    """Varimax rotation of a loading matrix (indicators × factors).

    With ``kaiser`` the rows are scaled to unit communality before rotating and scaled back after
    (Kaiser normalisation: R ``stats::varimax`` default, SPSS, STATISTICA "varimax normalized").
    """
    p, k = loadings.shape
    h = np.sqrt((loadings ** 2).sum(axis=1, keepdims=True)) if kaiser else np.ones((p, 1))
    h = np.where(h > 0, h, 1.0)
    a = loadings / h
    rot = np.eye(k)
    d = 0.0
    for _ in range(max_iter):
        lam = a @ rot
        u, s, vt = np.linalg.svd(a.T @ (lam ** 3 - (gamma / p) * lam @ np.diag((lam ** 2).sum(axis=0))))
        rot = u @ vt
        d_new = s.sum()
        if d_new < d * (1 + tol):
            break
        d = d_new
    return (a @ rot) * h


class PCAWeights(Analysis):
    """Weights from principal components, after the JRC/OECD handbook (2008, §6.1, Tables 16–18).

    Standardise; keep ``n_components`` components, or else those with eigenvalue >
    ``min_eigenvalue`` (Kaiser: 1), at least one; rotate the loadings (varimax with Kaiser
    normalisation, unless ``rotation=None``); square the loadings and scale them to sum 1 within
    each component; assign each indicator to the component where its scaled squared loading is
    largest; weight = that scaled squared loading × the component's share of the retained
    (rotated) variance; rescale to sum 1.

    Attributes
    ----------
    weights_ : Series
    eigenvalues_ : ndarray
        All eigenvalues of the correlation matrix, largest first.
    loadings_ : DataFrame
        (Rotated) loadings of the retained components.
    explained_ : Series
        Variance explained by each retained (rotated) component (the handbook's "Expl.Var").
    component_ : Series
        The component each indicator is assigned to.
    convention_ : str
    """

    def __init__(self, *, min_eigenvalue: float = 1.0, n_components: int | None = None,
                 rotation: str | None = "varimax", kaiser: bool = True) -> None:
        self.min_eigenvalue = min_eigenvalue
        self.n_components = n_components
        self.rotation = rotation
        self.kaiser = kaiser

    def fit(self, data: Any) -> PCAWeights:
        frame = as_frame(data).dropna()
        if len(frame) < 3 or frame.shape[1] < 2:
            raise UserError("PCA 权重至少需要三个单位和两个指标 PCA weights need ≥3 units and ≥2 indicators")
        if self.rotation not in (None, "varimax"):
            raise UserError("未知的旋转方法 unknown rotation", expected="'varimax' or None", found=repr(self.rotation))
        m = frame.shape[1]
        if self.n_components is not None and not 1 <= self.n_components <= m:
            raise UserError("主成分个数无效 invalid number of components", expected=f"1 … {m}",
                            found=str(self.n_components))
        x = frame.to_numpy()
        sd = x.std(axis=0, ddof=1)
        z = (x - x.mean(axis=0)) / np.where(sd > 0, sd, 1.0)
        corr = np.nan_to_num(np.corrcoef(z, rowvar=False))
        vals, vecs = np.linalg.eigh(corr)
        order = np.argsort(vals)[::-1]
        vals, vecs = vals[order], vecs[:, order]
        k = self.n_components or max(1, int(np.sum(vals > self.min_eigenvalue)))
        load = vecs[:, :k] * np.sqrt(np.maximum(vals[:k], 0.0))
        if self.rotation == "varimax" and k > 1:
            load = _varimax(load, kaiser=self.kaiser)
        sq = load ** 2
        var = sq.sum(axis=0)
        scaled = sq / var
        best = scaled.argmax(axis=1)
        share = var / var.sum()
        w = scaled[np.arange(len(best)), best] * share[best]
        names = [f"F{i + 1}" for i in range(k)]
        self.eigenvalues_ = vals
        self.loadings_ = pd.DataFrame(load, index=frame.columns, columns=names)
        self.explained_ = pd.Series(var, index=names, name="explained")
        self.component_ = pd.Series([names[b] for b in best], index=frame.columns, name="component")
        self.weights_ = pd.Series(w / w.sum(), index=frame.columns, name="weight")
        kept = f"{k} kept" if self.n_components else f"eigenvalue > {self.min_eigenvalue:g}, {k} kept"
        rot = "varimax (Kaiser-normalised)" if self.rotation and self.kaiser else self.rotation
        self.convention_ = (f"PCA on the correlation matrix, {kept}, rotation={rot}; "
                            "scaled squared loadings × component variance share")
        return self

    def to_frame(self) -> pd.DataFrame:
        self._check_fitted()
        return pd.concat([self.loadings_, self.component_, self.weights_], axis=1)


def entropy_weights(data: Any, *, normalise: str = "minmax", epsilon: float = 1e-4,
                    directions: Any = None) -> EntropyWeights:
    """Fit :class:`EntropyWeights`; the weights are ``.weights_``."""
    return EntropyWeights(normalise=normalise, epsilon=epsilon, directions=directions).fit(data)


def critic_weights(data: Any, *, directions: Any = None) -> CriticWeights:
    """Fit :class:`CriticWeights`; the weights are ``.weights_``."""
    return CriticWeights(directions=directions).fit(data)


def pca_weights(data: Any, *, min_eigenvalue: float = 1.0, n_components: int | None = None,
                rotation: str | None = "varimax", kaiser: bool = True) -> PCAWeights:
    """Fit :class:`PCAWeights`; the weights are ``.weights_``."""
    return PCAWeights(min_eigenvalue=min_eigenvalue, n_components=n_components, rotation=rotation,
                      kaiser=kaiser).fit(data)
