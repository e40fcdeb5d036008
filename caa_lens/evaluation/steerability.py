"""Per-item steerability: how much, and which way, each item moves with the multiplier.

Following Tan et al. 2024 ("Analyzing the generalization and reliability of steering vectors",
arXiv 2407.12404), an item's steerability at a layer is the least-squares slope of its log-odds
`logit_diff` (log p(matching letter) - log p(not matching letter)) against the multiplier m over
the sweep's multipliers:

    slope = sum_j (m_j - mean m)(y_j - mean y) / sum_j (m_j - mean m)^2.

Items with a negative slope are *anti-steerable*: the vector moves them away from the behaviour.
A mean effect can hide a large share of them; the summary reports that share, the spread of the
slopes (standard deviation, median) and the mean slope with its standard error clustered by
scenario (`stats`). Everything is computed from a sweep's rows: no model pass.
"""

import numpy as np
import pandas as pd

from ..columns import STEERABILITY_COLUMNS, STEERABILITY_SUMMARY_COLUMNS
from .effects import metric_column, with_config_keys, with_logit_diff
from .stats import mean_sem

_CONFIG = ["behavior", "site", "operator", "layer"]


def _slope(m: np.ndarray, y: np.ndarray) -> float:
    dm = m - m.mean()
    return float((dm * (y - y.mean())).sum() / (dm**2).sum())


def item_slopes(results: pd.DataFrame, *, layers=None, metric: str = "logodds") -> pd.DataFrame:
    """Per item and steered configuration (site, operator, layer): the least-squares slope of the
    metric against the multiplier (module docstring), and whether it is negative.

    Args:
        results: `sweep` output with at least two distinct multipliers per configuration.
        layers: only these layers (default: every layer in `results`).
        metric: "logodds" (the default, Tan et al.'s) or "p" (`options.METRICS`).

    Returns:
        columns `STEERABILITY_COLUMNS`; `slope` is per unit multiplier.

    Raises:
        ValueError: fewer than two distinct multipliers, or no rows at `layers`.
    """
    column = metric_column(metric)
    results = with_logit_diff(with_config_keys(results))
    if layers is not None:
        results = results[results["layer"].isin(list(layers))]
    if results.empty:
        raise ValueError(f"no sweep rows at layers {layers}")
    if results["multiplier"].nunique() < 2:
        raise ValueError("steerability needs at least two distinct multipliers")
    if "group" not in results:
        results = results.assign(group=[f"item-{i}" for i in results["item"]])
    if "matching_letter" not in results:
        results = results.assign(matching_letter="")
    rows = []
    for key, part in results.groupby([*_CONFIG, "item"], sort=True):
        slope = _slope(part["multiplier"].to_numpy(float), part[column].to_numpy(float))
        rows.append((*key, part["group"].iloc[0], part["matching_letter"].iloc[0], slope, slope < 0))
    return pd.DataFrame(rows, columns=list(STEERABILITY_COLUMNS))


def steerability_summary(slopes: pd.DataFrame) -> pd.DataFrame:
    """Per configuration: mean slope (clustered s.e.), its spread, and the anti-steerable fraction.

    Args:
        slopes: `item_slopes` output.

    Returns:
        columns `STEERABILITY_SUMMARY_COLUMNS`: `slope_sd` the standard deviation of the per-item
        slopes, `slope_median` their median, `anti_steerable` the fraction of items with a negative slope.
    """
    out = mean_sem(slopes, _CONFIG, "slope")
    spread = slopes.groupby(_CONFIG, sort=True)["slope"].agg(["std", "median"]).reset_index(drop=True)
    anti = slopes.groupby(_CONFIG, sort=True)["anti_steerable"].mean().reset_index(drop=True)
    out = out.assign(slope_sd=spread["std"], slope_median=spread["median"], anti_steerable=anti)
    return out[list(STEERABILITY_SUMMARY_COLUMNS)]


def steerability(results: pd.DataFrame, layer: int, *, metric: str = "logodds") -> pd.DataFrame:
    """`steerability_summary` of `item_slopes` at one layer (one row per site and operator)."""
    return steerability_summary(item_slopes(results, layers=[layer], metric=metric))
