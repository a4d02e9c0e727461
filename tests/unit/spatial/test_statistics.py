"""Spatial statistics equal esda's on the same data, weights and seed, and PySAL's published values."""

from __future__ import annotations

import esda
import geopandas as gpd
import libpysal
import numpy as np
import pytest
from libpysal.weights import Queen
from libpysal.weights.distance import DistanceBand

from zhichan.errors import UserError
from zhichan.reference import boundary_codes
from zhichan.spatial import (
    HotSpots,
    LocalMoran,
    Moran,
    hotspots,
    lisa,
    load_basemap,
    moran,
    spatial_weights,
)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # esda notice on direct calls


@pytest.fixture(scope="module")
def stl():
    f = libpysal.io.open(libpysal.examples.get_path("stl_hom.txt"))
    w = libpysal.io.open(libpysal.examples.get_path("stl.gal")).read()
    return np.array(f.by_col["HR8893"]), w


@pytest.fixture(scope="module")
def chongqing():
    """Synthetic county values over Chongqing's packaged boundaries (fixed generator)."""
    base = load_basemap("county", "500000").without_overlaps()
    rng = np.random.default_rng(3)
    x = np.array([base.geoms[c].centroid.x for c in base.codes])
    y = 10 + 2.0 * (x - x.mean()) + rng.normal(0, 1.5, len(x))  # an east-west gradient: autocorrelated
    return base, dict(zip(base.codes, y))


def test_moran_published_stl(stl):
    # esda's documented value for St Louis homicide rates 1988-93 with stl.gal (test_moran.py)
    y, w = stl
    m = Moran(weights=w, seed=12345).fit(y)
    np.testing.assert_allclose(m.I_, 0.24365582621771659, rtol=1e-10)
    np.testing.assert_allclose(m.p_norm_ / 2, 0.00013573931385468807, rtol=1e-6)  # esda's value is one-tailed


def test_local_moran_published_desmith():
    f = libpysal.io.open(libpysal.examples.get_path("desmith.txt"))
    w = libpysal.io.open(libpysal.examples.get_path("desmith.gal")).read()
    lm = LocalMoran(weights=w, permutations=99, seed=12345).fit(np.array(f.by_col["z"]))
    np.testing.assert_allclose(lm.z_sim_[0], -0.6990291160835514, rtol=1e-10)


def test_gi_star_published_points():
    # esda's test_getisord.py: six points, distance band 15, binary Gi*, seed 10
    pts = np.array([(10, 10), (20, 10), (40, 10), (15, 20), (30, 20), (30, 30)])
    g = HotSpots(weights=DistanceBand(pts, threshold=15), seed=10).fit(np.array([2, 3, 3.2, 5, 8, 7]))
    np.testing.assert_allclose(g.Zs_[0], -1.39727626, rtol=1e-6)
    np.testing.assert_allclose(g.p_sim_[0], 0.102)


def _esda_w(base):
    frame = gpd.GeoDataFrame({"code": base.codes}, geometry=[base.geoms[c] for c in base.codes], index=base.codes)
    return Queen.from_dataframe(frame, use_index=True, silence_warnings=True)


def test_moran_equals_esda_on_chongqing(chongqing):
    base, vals = chongqing
    y = np.array([vals[c] for c in base.codes])
    ours = moran(vals, seed=42, permutations=499)
    np.random.seed(42)
    ref = esda.Moran(y, _esda_w(base), permutations=499)
    assert ours.codes_ == base.codes and ours.weights_.islands == []
    for a, b in [(ours.I_, ref.I), (ours.z_norm_, ref.z_norm), (ours.p_norm_, ref.p_norm), (ours.p_sim_, ref.p_sim),
                 (ours.z_sim_, ref.z_sim), (ours.expected_, ref.EI)]:
        np.testing.assert_allclose(a, b, rtol=1e-12)
    assert ours.I_ > 0.3 and ours.p_sim_ <= 0.01
    # the seed is local: numpy's global generator is left as it was
    state = np.random.get_state()[1].copy()
    moran(vals, seed=1, permutations=9)
    assert (np.random.get_state()[1] == state).all()


def test_lisa_and_hotspots_equal_esda_on_chongqing(chongqing):
    base, vals = chongqing
    y = np.array([vals[c] for c in base.codes])
    w = _esda_w(base)
    ours = lisa(vals, seed=7)
    ref = esda.Moran_Local(y, w, permutations=999, seed=7, n_jobs=1)
    np.testing.assert_allclose(ours.Is_, ref.Is, rtol=1e-12)
    np.testing.assert_array_equal(ours.quadrant_, ref.q)
    np.testing.assert_allclose(ours.p_sim_, ref.p_sim)
    sig = ref.p_sim <= 0.05
    expected = np.where(sig, np.array(["", "HH", "LH", "LL", "HL"])[ref.q], "ns")
    np.testing.assert_array_equal(ours.cluster_.to_numpy(), expected)
    assert {"HH", "LL"} <= set(ours.cluster_)
    frame = ours.to_frame()
    assert list(frame["region"]) == base.codes and frame["cluster_zh"].str.len().gt(0).all()

    g = hotspots(vals, seed=7)
    gref = esda.G_Local(y, w, transform="B", permutations=999, star=True, seed=7, n_jobs=1)
    np.testing.assert_allclose(g.Zs_, gref.Zs, rtol=1e-12)
    np.testing.assert_allclose(g.p_sim_, gref.p_sim)
    hot = g.class_[g.class_.str.startswith("hot")].index
    assert all(g.Zs_[base.codes.index(c)] > 0 for c in hot)


def test_missing_values_are_dropped_not_zero(chongqing):
    base, vals = chongqing
    vals = {**vals, "500101": float("nan")}
    m = Moran(seed=1, permutations=9).fit(vals)
    assert m.dropped_ == ["500101"] and "500101" not in m.codes_ and m.n_ == len(base.codes) - 1


def test_weights_queen_rook_knn_and_islands():
    cq = spatial_weights(load_basemap("county", "500000").without_overlaps())
    assert "500105" not in cq.codes and "500157" in cq.codes  # 两江新区 replaces 江北区 and 渝北区
    assert {"500106", "500107", "500108", "500157"} <= set(cq.neighbours("500103"))  # 渝中区
    assert all(a in cq.w.neighbors[b] for a in cq.codes for b in cq.w.neighbors[a])  # symmetric
    assert cq.islands == []
    rook = spatial_weights(load_basemap("county", "500000").without_overlaps(), method="rook")
    assert rook.w.s0 <= cq.w.s0

    provinces = load_basemap("province", "000000")
    near = spatial_weights(provinces)
    assert set(near.islands) == {"460000", "710000"}  # 海南, 台湾
    assert near.linked == {"460000": "440000", "710000": "350000"}
    assert "460000" in near.neighbours("440000")
    kept = spatial_weights(provinces, islands="keep")
    assert kept.neighbours("460000") == []
    dropped = spatial_weights(provinces, islands="drop")
    assert "460000" not in dropped.codes and len(dropped.codes) == len(boundary_codes("province")) - 2
    knn = spatial_weights(provinces, method="knn", k=4)
    assert set(knn.w.cardinalities.values()) == {4}
    assert "孤岛 2 个" in near.describe()


def test_errors_are_user_errors(chongqing):
    _, vals = chongqing
    with pytest.raises(UserError, match="unknown spatial weights"):
        Moran(weights="bishop").fit(vals)
    with pytest.raises(UserError, match="non-negative"):
        HotSpots().fit({c: v - 100 for c, v in vals.items()})
    with pytest.raises(UserError, match="explicit weights"):
        Moran().fit(np.arange(5.0))
    with pytest.raises(UserError, match="too few regions"):
        Moran().fit({"500101": 1.0, "500102": 2.0})


def test_estimator_contract():
    for cls in (Moran, LocalMoran, HotSpots):
        est = cls(seed=3, permutations=9)
        assert est.seed == 3 and est.permutations == 9 and not hasattr(est, "codes_")
        with pytest.raises(TypeError):
            cls(3)  # keyword-only parameters
