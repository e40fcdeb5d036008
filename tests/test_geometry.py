import numpy as np
import pandas as pd
import pytest
import torch

from caa_lens.analysis.geometry import (
    PCA_COLUMNS,
    SEPARATION_COLUMNS,
    _folds,
    behavior_cosines,
    layer_cosines,
    pca_separation,
    separation_layer,
)
from caa_lens.core.collect import PairActivations
from caa_lens.core.vectors import SteeringVectors, extract
from caa_lens.evaluation.sweep import sweep
from caa_lens.evaluation.transfer import TRANSFER_COLUMNS, transfer

from .conftest import ab_items


def make_vectors(directions: torch.Tensor, behavior: str = "t") -> SteeringVectors:
    """SteeringVectors around given directions (diagnostics are placeholders)."""
    n = directions.shape[0]
    return SteeringVectors(directions, torch.ones(n), torch.zeros(n), "synthetic", behavior, 8, "", "template")


def planted_acts(
    n_pairs: int = 40,
    n_layers: int = 3,
    d: int = 16,
    planted=(1, 2),
    signal: float = 8.0,
    letter: float = 0.0,
    base: float = 1.0,
    seed: int = 0,
) -> PairActivations:
    """Pairs share a random base; planted layers separate the answers along e0; letters A/B along e1."""
    g = torch.Generator().manual_seed(seed)
    shared = base * torch.randn(n_pairs, n_layers, d, generator=g)
    matching = shared + 0.5 * torch.randn(n_pairs, n_layers, d, generator=g)
    not_matching = shared + 0.5 * torch.randn(n_pairs, n_layers, d, generator=g)
    for layer in planted:
        matching[:, layer, 0] += signal / 2
        not_matching[:, layer, 0] -= signal / 2
    sign = torch.tensor([1.0 if i % 2 == 0 else -1.0 for i in range(n_pairs)])  # +1: matching letter is A
    matching[:, :, 1] += letter * sign[:, None]
    not_matching[:, :, 1] -= letter * sign[:, None]
    m_letters = tuple("A" if i % 2 == 0 else "B" for i in range(n_pairs))
    return PairActivations(matching, not_matching, m_letters, tuple("B" if x == "A" else "A" for x in m_letters))


def test_layer_cosines_symmetric_unit_diagonal_and_planted_values():
    directions = torch.randn(5, 8, generator=torch.Generator().manual_seed(0))
    directions[3], directions[4] = 2.5 * directions[0], -directions[0]
    cos = layer_cosines(make_vectors(directions))
    assert list(cos.index) == list(cos.columns) == list(range(5))
    np.testing.assert_array_equal(cos.to_numpy(), cos.to_numpy().T)
    np.testing.assert_allclose(np.diag(cos.to_numpy()), 1.0, atol=1e-12)
    assert cos.loc[0, 3] == pytest.approx(1.0) and cos.loc[0, 4] == pytest.approx(-1.0)
    manual = torch.nn.functional.cosine_similarity(directions[1], directions[2], dim=0).item()
    assert cos.loc[1, 2] == pytest.approx(manual, abs=1e-6)
    assert cos.abs().to_numpy().max() <= 1.0


def test_behavior_cosines():
    g = torch.Generator().manual_seed(1)
    a, b = make_vectors(torch.randn(3, 8, generator=g), "a"), make_vectors(torch.randn(3, 8, generator=g), "b")
    cos = behavior_cosines([a, b], layer=2)
    assert list(cos.index) == list(cos.columns) == ["a", "b"]
    manual = torch.nn.functional.cosine_similarity(a.directions[2], b.directions[2], dim=0).item()
    assert cos.loc["a", "b"] == cos.loc["b", "a"] == pytest.approx(manual, abs=1e-6)
    np.testing.assert_allclose(np.diag(cos.to_numpy()), 1.0)
    with pytest.raises(ValueError, match="distinct"):
        behavior_cosines([a, a], layer=0)
    with pytest.raises(ValueError, match="out of range"):
        behavior_cosines([a, b], layer=3)


def test_planted_direction_separates_only_at_planted_layers():
    points, scores = pca_separation(planted_acts(), seed=0)
    assert list(points.columns) == list(PCA_COLUMNS) and list(scores.columns) == list(SEPARATION_COLUMNS)
    assert len(points) == 3 * 80 and set(points["answer"]) == {"matching", "not_matching"}
    acc = scores.set_index("layer")["probe_accuracy"]
    fisher = scores.set_index("layer")["fisher_ratio"]
    assert acc[1] >= 0.95 and acc[2] >= 0.95
    assert abs(acc[0] - 0.5) <= 0.2
    assert fisher[1] > 10 * fisher[0]
    assert separation_layer(scores) == 1
    assert separation_layer(scores, threshold=1.01) is None
    # pc1 is oriented so that matching answers sit on the positive side at a planted layer
    layer1 = points[points["layer"] == 1]
    assert (layer1[layer1["answer"] == "matching"]["pc1"] > 0).mean() > 0.9


def test_pca_separation_is_seeded():
    acts = planted_acts()
    a, b = pca_separation(acts, seed=3), pca_separation(acts, seed=3)
    pd.testing.assert_frame_equal(a[0], b[0])
    pd.testing.assert_frame_equal(a[1], b[1])


def _abs_corr(points: pd.DataFrame, labels: np.ndarray) -> float:
    return abs(np.corrcoef(points["pc1"], labels)[0, 1])


def test_removing_the_letter_direction_changes_pca():
    acts = planted_acts(planted=(0, 1, 2), signal=6.0, letter=10.0, base=0.5)
    kept, kept_scores = pca_separation(acts)
    removed, removed_scores = pca_separation(acts, remove_letter=True)
    assert removed["letter_removed"].all() and not kept["letter_removed"].any()
    for layer in range(3):
        k, r = kept[kept["layer"] == layer], removed[removed["layer"] == layer]
        assert _abs_corr(k, (k["letter"] == "A").to_numpy()) > 0.95
        assert _abs_corr(r, (r["letter"] == "A").to_numpy()) < 0.3
        assert _abs_corr(r, (r["answer"] == "matching").to_numpy()) > 0.9
    assert (removed_scores["probe_accuracy"] >= 0.95).all()
    with pytest.raises(ValueError, match="mix"):
        separation_layer(pd.concat([kept_scores, removed_scores]))


@pytest.fixture(scope="module")
def tiny_vecs(tiny):
    return extract(tiny, ab_items(8), behavior="t", progress=False)


def test_transfer_diagonal_equals_plain_sweep(tiny, tiny_vecs):
    items = ab_items(3, seed=4)
    out = transfer(tiny, tiny_vecs, items, source_layers=[1, 3], target_layers=[1, 3], multiplier=2.0, progress=False)
    assert list(out.columns) == list(TRANSFER_COLUMNS) and len(out) == 4
    assert (out["n_items"] == 3).all() and (out["behavior"] == "t").all() and (out["multiplier"] == 2.0).all()
    plain = sweep(tiny, tiny_vecs, items, layers=[1, 3], multipliers=[-2.0, 2.0], progress=False)
    table = plain.pivot_table(index=["layer", "item"], columns="multiplier", values="p_matching")
    diff = (table[2.0] - table[-2.0]).groupby(level="layer")
    diagonal = out[out["source_layer"] == out["target_layer"]].set_index("target_layer")
    np.testing.assert_allclose(diagonal["effect"], diff.mean().loc[diagonal.index], atol=1e-6)
    np.testing.assert_allclose(diagonal["effect_sem"], diff.sem().loc[diagonal.index], atol=1e-6)
    off = out[out["source_layer"] != out["target_layer"]]
    assert not np.allclose(off["effect"].to_numpy(), diagonal["effect"].to_numpy())
    with pytest.raises(ValueError, match="> 0"):
        transfer(tiny, tiny_vecs, items, source_layers=[1], multiplier=0.0, progress=False)


def test_folds_keep_pairs_together_and_balance_letters():
    letters = tuple("A" if i % 3 else "B" for i in range(23))
    folds = _folds(letters, seed=1)
    assert len(folds) == 5
    tested = np.concatenate([test for _, test in folds])
    assert sorted(tested) == list(range(46))
    for train, test in folds:
        pairs = test[test < 23]
        assert sorted(test) == sorted(np.r_[pairs, pairs + 23]) and not set(train) & set(test)
        share_a = np.mean([letters[p] == "A" for p in pairs])
        assert abs(share_a - np.mean([x == "A" for x in letters])) < 0.15


def test_letter_only_activations_score_chance():
    _, scores = pca_separation(planted_acts(n_pairs=30, planted=(), letter=10.0, seed=2))
    assert abs(scores["probe_accuracy"].mean() - 0.5) < 0.1


def test_identical_pair_differences_agree_perfectly_and_random_ones_do_not():
    from caa_lens.analysis.geometry import PREDICTOR_COLUMNS, reliability_predictors

    g = torch.Generator().manual_seed(3)
    base = torch.randn(12, 2, 16, generator=g)
    direction = torch.randn(2, 16, generator=g)
    scale = torch.linspace(0.5, 3.0, 12)[:, None, None]  # same direction, different lengths: cosine still 1
    letters = tuple("AB"[i % 2] for i in range(12))
    same = PairActivations(base + scale * direction, base, letters, tuple("BA"[i % 2] for i in range(12)))
    out = reliability_predictors(same)
    assert list(out.columns) == list(PREDICTOR_COLUMNS) and len(out) == 2
    np.testing.assert_allclose(out["agreement"], 1.0, atol=1e-9)
    noise = PairActivations(base + torch.randn(12, 2, 16, generator=g), base, same.matching_letters,
                            same.not_matching_letters)  # fmt: skip
    random = reliability_predictors(noise)
    assert (random["agreement"].abs() < 0.2).all()
    # planted: separation along e0 only at layers 1 and 2
    planted = reliability_predictors(planted_acts(signal=8.0))
    assert planted.loc[0, "separation"] < 1 < 4 < planted.loc[1, "separation"]
    assert planted.loc[1, "agreement"] > 0.5 > planted.loc[0, "agreement"]
    # the letter direction (A for half the pairs, B for the rest) lowers agreement unless removed
    lettered = planted_acts(signal=8.0, letter=8.0)
    kept, removed = reliability_predictors(lettered), reliability_predictors(lettered, remove_letter=True)
    assert removed.loc[1, "agreement"] > kept.loc[1, "agreement"] + 0.2 and removed["letter_removed"].all()
