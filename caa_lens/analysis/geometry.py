"""Geometry of steering vectors (model-free): cosines across layers and behaviours, PCA separation.

- `layer_cosines` / `behavior_cosines`: cos(v_i, v_j) between one behaviour's layers, or
  between behaviours at one layer (Rimsky et al. 2024, arXiv 2312.06681, section on vector
  similarity across layers).
- `pca_separation`: per layer, a 2-D PCA of every letter-token activation (both answers of
  every pair) and two separation scores for matching vs not matching: the cross-validated
  accuracy of a logistic-regression probe (folds keep a pair's two answers together and are
  stratified by the matching letter), and the Fisher ratio (mu_1 - mu_0)^2 / (var_1 + var_0)
  of the projections on the unit mean-difference direction (in-sample, so in high dimensions
  noise alone gives a small positive value: compare it across layers and settings). With
  `remove_letter`, the per-layer letter-identity direction mean(act | A) - mean(act | B) is
  projected out first, so what is left cannot be the letter.
- `reliability_predictors`: per layer, two model-free predictors of how reliably a vector steers
  (Braun et al. 2025, arXiv 2505.22637): the *agreement* of the per-pair differences
  d_i = act(matching_i) - act(not matching_i), their mean pairwise cosine

      agreement = (|sum_i u_i|^2 - n) / (n (n - 1)),   u_i = d_i / |d_i|,

  (1 when every pair points the same way, about 0 for random directions), and the *separation*
  of the two classes along the unit mean difference w: Cohen's d of the projections,
  (mean_1 - mean_0) / sqrt((var_1 + var_0) / 2) (in-sample, like the Fisher ratio).
"""

import numpy as np
import pandas as pd
import torch
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from .._types import LayerVectors, PairActs
from ..columns import PCA_COLUMNS, PREDICTOR_COLUMNS, SEPARATION_COLUMNS
from ..core.collect import PairActivations
from ..core.vectors import SteeringVectors, letter_direction

ANSWERS = ("matching", "not_matching")
_EPS = 1e-12


def _cosine_matrix(rows: LayerVectors) -> np.ndarray:
    unit = rows.double() / rows.double().norm(dim=-1, keepdim=True).clamp_min(_EPS)
    matrix = (unit @ unit.T).numpy()
    return np.clip((matrix + matrix.T) / 2, -1.0, 1.0)


def layer_cosines(vectors: SteeringVectors) -> pd.DataFrame:
    """Cosine similarity between every pair of layers' vectors of one behaviour.

    Args:
        vectors: steering vectors.

    Returns:
        A square DataFrame, index and columns the layer numbers (named "layer"); symmetric,
        unit diagonal (0 for a zero vector).
    """
    layers = pd.RangeIndex(vectors.n_layers, name="layer")
    return pd.DataFrame(_cosine_matrix(vectors.directions), index=layers, columns=layers.copy())


def behavior_cosines(vectors: list[SteeringVectors], layer: int) -> pd.DataFrame:
    """Cosine similarity between behaviours' vectors at one layer.

    Args:
        vectors: one SteeringVectors per behaviour, all from the same model.
        layer: the layer to compare at.

    Returns:
        A square DataFrame, index and columns the behaviour names (named "behavior").

    Raises:
        ValueError: with duplicate behaviour names, mismatched shapes or a layer out of range.
    """
    names = [v.behavior for v in vectors]
    if not vectors or len(set(names)) != len(names):
        raise ValueError(f"need vectors with distinct behaviour names, got {names}")
    shapes = {(v.n_layers, v.d_model) for v in vectors}
    if len(shapes) != 1:
        raise ValueError(f"vectors come from models of different shapes {sorted(shapes)}; compare one model's vectors")
    (layer,) = vectors[0].check_layers([layer])
    index = pd.Index(names, name="behavior")
    matrix = _cosine_matrix(torch.stack([v.directions[layer] for v in vectors]))
    return pd.DataFrame(matrix, index=index, columns=index.copy())


def _without(acts: PairActs, direction: LayerVectors) -> PairActs:
    """`acts` with each layer's component along `direction` removed."""
    unit = direction / direction.norm(dim=-1, keepdim=True).clamp_min(_EPS)
    return acts - (acts * unit).sum(dim=-1, keepdim=True) * unit


def _layer_data(acts: PairActivations, remove_letter: bool) -> tuple[torch.Tensor, np.ndarray]:
    """All activations as (2 n_pairs, n_layers, d_model), matching first, and labels (1 = matching)."""
    x = torch.cat([acts.matching, acts.not_matching]).double()
    if remove_letter:
        letter = letter_direction(acts).double()
        if not bool(letter.norm(dim=-1).gt(0).all()):
            raise ValueError("remove_letter needs answers with both letters A and B at every layer")
        x = _without(x, letter)
    n = len(acts.matching)
    return x, np.r_[np.ones(n, dtype=int), np.zeros(n, dtype=int)]


def _folds(matching_letters: tuple[str, ...], seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Up to 5 folds over pairs, each holding both answers of its pairs, stratified by matching letter.

    Stratifying keeps the letter balance of every training fold equal to the test fold's, so a
    probe that reads only the letter scores chance rather than systematically below it.
    """
    n_pairs = len(matching_letters)
    if n_pairs < 2:
        raise ValueError(f"separation needs at least 2 pairs, got {n_pairs}")
    order = np.random.default_rng(seed).permutation(n_pairs)
    order = order[np.argsort(np.asarray(matching_letters)[order], kind="stable")]
    k = min(5, n_pairs)
    fold_of = np.empty(n_pairs, dtype=int)
    fold_of[order] = np.arange(n_pairs) % k
    folds = []
    for fold in range(k):
        test_pairs = np.flatnonzero(fold_of == fold)
        test = np.r_[test_pairs, test_pairs + n_pairs]
        folds.append((np.setdiff1d(np.arange(2 * n_pairs), test), test))
    return folds


def _probe_accuracy(x: np.ndarray, y: np.ndarray, folds, seed: int) -> float:
    probe = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, random_state=seed))
    return float(cross_val_score(probe, x, y, cv=folds, scoring="accuracy").mean())


def _fisher_ratio(x: np.ndarray, y: np.ndarray) -> float:
    diff = x[y == 1].mean(axis=0) - x[y == 0].mean(axis=0)
    proj = x @ (diff / max(np.linalg.norm(diff), _EPS))
    a, b = proj[y == 1], proj[y == 0]
    return float((a.mean() - b.mean()) ** 2 / max(a.var() + b.var(), _EPS))


def _pca_points(x: np.ndarray, y: np.ndarray, seed: int) -> np.ndarray:
    """2-D PCA coordinates, each axis oriented so the matching answers' mean is >= the others'."""
    points = PCA(n_components=2, random_state=seed).fit_transform(x)
    sign = np.where(points[y == 1].mean(axis=0) >= points[y == 0].mean(axis=0), 1.0, -1.0)
    return points * sign


def pca_separation(
    acts: PairActivations, *, remove_letter: bool = False, seed: int = 0
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per layer: PCA of the letter-token activations and how well they separate the answers.

    Args:
        acts: collected pair activations.
        remove_letter: project out the per-layer letter-identity direction first.
        seed: seeds the folds, the probe and the PCA solver.

    Returns:
        (points, scores): points with columns `PCA_COLUMNS` (one row per layer and answer),
        scores with columns `SEPARATION_COLUMNS` (one row per layer).
    """
    x, y = _layer_data(acts, remove_letter)
    n = len(acts.matching)
    folds = _folds(acts.matching_letters, seed)
    pairs, letters = np.r_[np.arange(n), np.arange(n)], acts.matching_letters + acts.not_matching_letters
    answers = np.repeat(ANSWERS, n)
    points, scores = [], []
    for layer in range(x.shape[1]):
        xl = x[:, layer].numpy()
        pcs = _pca_points(xl, y, seed)
        points.append(
            pd.DataFrame(
                {
                    "layer": layer,
                    "pair": pairs,
                    "answer": answers,
                    "letter": letters,
                    "pc1": pcs[:, 0],
                    "pc2": pcs[:, 1],
                    "letter_removed": remove_letter,
                }
            )
        )
        scores.append((layer, _probe_accuracy(xl, y, folds, seed), _fisher_ratio(xl, y), remove_letter))
    points_frame = pd.concat(points, ignore_index=True)[list(PCA_COLUMNS)]
    return points_frame, pd.DataFrame(scores, columns=list(SEPARATION_COLUMNS))


def separation_layer(scores: pd.DataFrame, threshold: float = 0.9) -> int | None:
    """The first layer whose probe accuracy reaches `threshold`, or None.

    Args:
        scores: the scores frame of `pca_separation` (one `letter_removed` setting).
        threshold: accuracy to reach.

    Returns:
        The layer number, or None if no layer reaches it.
    """
    if scores["letter_removed"].nunique() > 1:
        raise ValueError("scores mix letter_removed settings; pass the rows of one setting")
    hits = scores[scores["probe_accuracy"] >= threshold].sort_values("layer")
    return None if hits.empty else int(hits["layer"].iloc[0])


def _agreement(diffs: torch.Tensor) -> float:
    """Mean pairwise cosine of the rows of `diffs` (module docstring); NaN for fewer than 2 rows."""
    n = len(diffs)
    if n < 2:
        return float("nan")
    unit = diffs / diffs.norm(dim=-1, keepdim=True).clamp_min(_EPS)
    return float(((unit.sum(0).norm() ** 2 - (unit.norm(dim=-1) ** 2).sum()) / (n * (n - 1))).clamp(-1.0, 1.0))


def _cohens_d(x: np.ndarray, y: np.ndarray) -> float:
    diff = x[y == 1].mean(axis=0) - x[y == 0].mean(axis=0)
    proj = x @ (diff / max(np.linalg.norm(diff), _EPS))
    a, b = proj[y == 1], proj[y == 0]
    return float((a.mean() - b.mean()) / max(np.sqrt((a.var() + b.var()) / 2), _EPS))


def reliability_predictors(acts: PairActivations, *, remove_letter: bool = False) -> pd.DataFrame:
    """Per layer: agreement of the per-pair differences and separation of the two classes.

    Args:
        acts: collected pair activations (`core.collect`); no model pass.
        remove_letter: project out the per-layer letter-identity direction first (as `pca_separation`):
            with both letters among the matching answers, the letter otherwise lowers the agreement.

    Returns:
        columns `PREDICTOR_COLUMNS`, one row per layer (formulas in the module docstring).
    """
    x, y = _layer_data(acts, remove_letter)
    n = len(acts.matching)
    rows = []
    for layer in range(x.shape[1]):
        xl = x[:, layer]
        rows.append((layer, _agreement(xl[:n] - xl[n:]), _cohens_d(xl.numpy(), y), n, remove_letter))
    return pd.DataFrame(rows, columns=list(PREDICTOR_COLUMNS))
