"""Standard errors that respect scenarios: items of one scenario (`group`) are not independent.

For values x_1..x_n in G clusters, mean m = (1/n) sum x_i, and the cluster-robust (CR1) variance
of m is

    var(m) = G / (G - 1) * sum_g (sum_{i in g} (x_i - m))^2 / n^2.

With every item its own cluster this is exactly the usual s^2 / n (s the sample standard
deviation), so results without groups keep the plain standard error; copies of one scenario
no longer count as independent evidence. Fewer than two clusters give NaN.
"""

import numpy as np
import pandas as pd


def clustered_sem(values, groups=None) -> float:
    """Standard error of the mean of `values`, clustered by `groups` (None: each value its own cluster)."""
    x = np.asarray(values, dtype=float)
    g = np.arange(len(x)) if groups is None else pd.factorize(np.asarray(groups))[0]
    n, n_groups = len(x), len(np.unique(g))
    if n_groups < 2:
        return float("nan")
    sums = np.bincount(g, weights=x - x.mean())
    return float(np.sqrt(n_groups / (n_groups - 1) * np.sum(sums**2) / n**2))


def mean_sem(frame: pd.DataFrame, keys: list[str], value: str, group: str = "group") -> pd.DataFrame:
    """Per `keys`: mean of `value`, its clustered standard error, item and cluster counts.

    Returns:
        columns keys + [value, f"{value}_sem", "n_items", "n_groups"].
    """
    clusters = frame[group] if group in frame else pd.Series(np.arange(len(frame)), index=frame.index)
    rows = []
    for key, part in frame.assign(_g=clusters).groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        sem = clustered_sem(part[value], part["_g"])
        rows.append((*key, part[value].mean(), sem, len(part), part["_g"].nunique()))
    return pd.DataFrame(rows, columns=[*keys, value, f"{value}_sem", "n_items", "n_groups"])
