"""PCA/factor-analysis weights pinned to the OECD/JRC Handbook (2008) TAI example, §6.1.

Data: Handbook Table A.2 (23 countries, 8 indicators; ``tests/data/evaluate/``). Published:
Table 16 (eigenvalues, cumulative variance), Table 17 (varimax-rotated loadings, explained
variance, squared loadings scaled to unity), the text below Table 17 (intermediate weights and
component shares) and Table 22 row FA (the final weights).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from zhichan.errors import UserError
from zhichan.evaluate import pca_weights

DATA = Path(__file__).resolve().parents[2] / "data" / "evaluate"
TAI = pd.read_csv(DATA / "tai_handbook_2008.csv", comment="#", index_col="country")

# Table 16, cumulative variance (%) of the 8 components.
TABLE16_CUMULATIVE = [41.9, 63.7, 76.0, 87.2, 93.2, 96.9, 99.1, 100.0]
# Table 17, factor loadings (rows: patents, royalties, internet, exports, telephones, electricity,
# schooling, university; columns: factors 1–4) and explained variance.
TABLE17_LOADINGS = np.array([
    [0.07, 0.97, 0.06, 0.06], [0.13, 0.07, -0.07, 0.93], [0.79, -0.21, 0.21, 0.42],
    [-0.64, 0.56, -0.04, 0.36], [0.37, 0.17, 0.38, 0.68], [0.82, -0.04, 0.25, 0.35],
    [0.88, 0.23, -0.09, 0.09], [0.08, 0.04, 0.96, 0.04]])
TABLE17_EXPLAINED = [2.64, 1.39, 1.19, 1.76]
# Text below Table 17: the four intermediate composites and their weights, and the shares
# 0.38, 0.20, 0.17, 0.25 of the explained variance.
GROUPS = {"F1": {"internet": 0.24, "electricity_log": 0.25, "schooling": 0.29},
          "F2": {"patents": 0.67, "exports": 0.23},
          "F3": {"university": 0.77},
          "F4": {"royalties": 0.49, "telephones_log": 0.26}}
SHARES = [0.38, 0.20, 0.17, 0.25]
# Table 22, row FA.
TABLE22_FA = [0.17, 0.15, 0.11, 0.06, 0.08, 0.13, 0.13, 0.17]


@pytest.fixture(scope="module")
def fitted():
    return pca_weights(TAI, n_components=4)


def test_eigenvalues_handbook_table16(fitted):
    """Cumulative variance to the printed 0.1 % (inputs are rounded, so 0.1 rather than 0.05)."""
    cumulative = np.cumsum(fitted.eigenvalues_) / len(fitted.eigenvalues_) * 100
    np.testing.assert_allclose(cumulative, TABLE16_CUMULATIVE, atol=0.1)
    assert (fitted.eigenvalues_[:3] > 0.95).all() and fitted.eigenvalues_[3] > 0.85  # "close to unity"


def test_rotated_loadings_handbook_table17(fitted):
    """Varimax (Kaiser-normalised) loadings to the printed 0.01 (+0.005 for the rounded inputs);
    factor signs are arbitrary. Explained variance sums eight squared loadings, hence ±0.025."""
    load = fitted.loadings_.to_numpy()
    load = load * np.sign((load * TABLE17_LOADINGS).sum(axis=0))
    np.testing.assert_allclose(load, TABLE17_LOADINGS, atol=0.015)
    np.testing.assert_allclose(fitted.explained_, TABLE17_EXPLAINED, atol=0.025)


def test_intermediate_composites_handbook_text(fitted):
    """Each indicator joins the factor of its largest scaled squared loading (exact grouping).
    The weights within groups are squared loadings over explained variance; under the printed
    rounding alone 0.96² / 1.19 spans 0.763–0.786, hence ±0.016. Factor shares to ±0.012."""
    groups = {f: sorted(fitted.component_.index[fitted.component_ == f]) for f in GROUPS}
    assert groups == {f: sorted(members) for f, members in GROUPS.items()}
    scaled = fitted.loadings_ ** 2 / fitted.explained_
    for f, members in GROUPS.items():
        for ind, w in members.items():
            assert scaled.loc[ind, f] == pytest.approx(w, abs=0.016)
    np.testing.assert_allclose(fitted.explained_ / fitted.explained_.sum(), SHARES, atol=0.012)


def test_weights_handbook_table22(fitted):
    """Final weights (rescaled to sum 1, Handbook endnote 25). The Handbook prints them twice,
    Table 18 column PC and Table 22 row FA, and the two differ by up to 0.01; hence ±0.012."""
    np.testing.assert_allclose(fitted.weights_, TABLE22_FA, atol=0.012)
    assert fitted.weights_.sum() == pytest.approx(1.0)
    assert "Kaiser" in fitted.convention_ and "4 kept" in fitted.convention_


def test_pca_options():
    raw = pca_weights(TAI, n_components=4, kaiser=False)
    assert not np.allclose(raw.loadings_, pca_weights(TAI, n_components=4).loadings_)
    assert pca_weights(TAI).loadings_.shape[1] == 2  # Kaiser's rule: eigenvalues 3.35, 1.75 > 1
    with pytest.raises(UserError, match="components"):
        pca_weights(TAI, n_components=9)
    with pytest.raises(UserError, match="rotation"):
        pca_weights(TAI, rotation="oblimin")
