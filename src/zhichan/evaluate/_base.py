"""Shared helpers of the evaluation methods: input coercion, directions, the estimator base."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from zhichan.errors import UserError

# Accepted spellings of an indicator's direction → +1 (benefit, 正向) or -1 (cost, 负向).
DIRECTIONS = {"benefit": 1, "cost": -1, "+": 1, "-": -1, "1": 1, "-1": -1,
              "正向": 1, "负向": -1, "positive": 1, "negative": -1}


def as_frame(data: Any, what: str = "data") -> pd.DataFrame:
    """Units × indicators as a float DataFrame (arrays get columns x0, x1 …)."""
    if isinstance(data, pd.DataFrame):
        frame = data
    elif isinstance(data, pd.Series):
        frame = data.to_frame()
    else:
        arr = np.asarray(data, dtype=float)
        if arr.ndim == 1:
            arr = arr[:, None]
        if arr.ndim != 2:
            raise UserError(f"{what} 必须是二维表 must be a table (units × indicators)",
                            expected="a 2-D array or DataFrame", found=f"{arr.ndim}-D array")
        frame = pd.DataFrame(arr, columns=[f"x{j}" for j in range(arr.shape[1])])
    try:
        return frame.astype(float)
    except (TypeError, ValueError) as exc:
        raise UserError(f"{what} 含非数值 contains non-numeric values", expected="numbers only",
                        found=str(exc).splitlines()[0], fix="convert or drop text columns first") from None


def direction_signs(directions: Any, columns: Iterable[str]) -> np.ndarray:
    """+1/-1 per column from None (all benefit), a mapping, a sequence or one value."""
    cols = list(columns)
    if directions is None:
        return np.ones(len(cols))
    if isinstance(directions, (str, int)):
        directions = [directions] * len(cols)
    if isinstance(directions, dict):
        missing = [c for c in cols if c not in directions]
        if missing:
            raise UserError("缺少指标方向 directions missing for some indicators", expected="one per indicator",
                            found="、".join(map(str, missing)), fix="give benefit or cost for every indicator")
        directions = [directions[c] for c in cols]
    directions = list(directions)
    if len(directions) != len(cols):
        raise UserError("指标方向个数不符 wrong number of directions", expected=str(len(cols)),
                        found=str(len(directions)))
    out = []
    for d in directions:
        if isinstance(d, (int, float, np.integer, np.floating)) and d in (1, -1):
            out.append(float(d))
            continue
        key = str(d).strip().lower()
        if key not in DIRECTIONS:
            raise UserError("未知的指标方向 unknown direction", expected="benefit or cost (正向/负向)", found=repr(d))
        out.append(DIRECTIONS[key])
    return np.asarray(out, dtype=float)


def weight_vector(weights: Any, columns: Iterable[str], *, what: str = "weights") -> np.ndarray:
    """Non-negative weights aligned with ``columns`` and scaled to sum to 1 (None → equal)."""
    cols = list(columns)
    if weights is None:
        return np.full(len(cols), 1.0 / len(cols))
    if isinstance(weights, dict):
        weights = pd.Series(weights)
    if isinstance(weights, pd.Series):
        missing = [c for c in cols if c not in weights.index]
        if missing:
            raise UserError(f"缺少权重 {what} missing", expected="one weight per indicator",
                            found="、".join(map(str, missing)))
        weights = weights.reindex(cols).to_numpy()
    w = np.asarray(weights, dtype=float).ravel()
    if w.size != len(cols):
        raise UserError(f"权重个数不符 wrong number of {what}", expected=str(len(cols)), found=str(w.size))
    if not np.all(np.isfinite(w)) or np.any(w < 0) or w.sum() <= 0:
        raise UserError(f"权重无效 invalid {what}", expected="finite, non-negative, not all zero",
                        found=np.array2string(w, precision=4))
    return w / w.sum()


class Analysis:
    """Base of the estimators: parameters in ``__init__``, ``fit`` returns self, results end in ``_``."""

    def _check_fitted(self) -> None:
        if not any(k.endswith("_") and not k.startswith("_") for k in vars(self)):
            raise UserError(f"{type(self).__name__} 尚未拟合 is not fitted yet", fix="call .fit(data) first")

    def get_params(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if not k.endswith("_") and not k.startswith("_")}

    def __repr__(self) -> str:
        params = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({params})"

    def to_frame(self) -> pd.DataFrame:  # pragma: no cover - every subclass overrides
        raise NotImplementedError
