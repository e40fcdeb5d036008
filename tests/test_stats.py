import numpy as np
import pandas as pd
import pytest

from caa_lens.columns import COLUMNS
from caa_lens.evaluation.effects import held_out, split_items, summarize
from caa_lens.evaluation.stats import clustered_sem, mean_sem


def test_singleton_clusters_give_the_plain_standard_error():
    x = np.random.default_rng(0).normal(size=40)
    assert clustered_sem(x) == pytest.approx(x.std(ddof=1) / np.sqrt(len(x)))
    assert clustered_sem(x, [f"g{i}" for i in range(40)]) == pytest.approx(clustered_sem(x))


def test_duplicated_items_make_the_naive_error_too_small_but_not_the_clustered_one():
    rng = np.random.default_rng(1)
    trials, n_scenarios, copies = 400, 20, 5
    means, naive, clustered = [], [], []
    for _ in range(trials):
        scenario = rng.normal(size=n_scenarios)  # each scenario's true effect; copies share it
        x = np.repeat(scenario, copies) + 0.05 * rng.normal(size=n_scenarios * copies)
        groups = np.repeat(np.arange(n_scenarios), copies)
        means.append(x.mean())
        naive.append(x.std(ddof=1) / np.sqrt(len(x)))
        clustered.append(clustered_sem(x, groups))
    true_se = np.std(means)
    assert np.mean(naive) < 0.6 * true_se  # copies counted as independent: about 1/sqrt(5) of the truth
    assert 0.85 * true_se < np.mean(clustered) < 1.15 * true_se


def _frame(n_groups: int, copies: int) -> pd.DataFrame:
    rows = []
    for g in range(n_groups):
        for c in range(copies):
            item = g * copies + c
            for m in (-1.0, 1.0):
                p = 0.5 + 0.1 * m * (g % 3)
                rows.append(("b", 0, m, "raw", item, p, 1.0, "AB"[g % 2], f"s{g}"))
    return pd.DataFrame(rows, columns=list(COLUMNS[:9]))


def test_held_out_halves_never_split_a_scenario():
    frame = _frame(12, 3)
    select, held = split_items(frame)
    group = frame.groupby("item")["group"].first()
    assert not set(group[select]) & set(group[held])
    assert len(select) + len(held) == 36
    result = held_out(frame)
    assert result["n_groups_held_out"] == 6


def test_summary_counts_groups_and_clusters_its_error():
    frame = _frame(10, 4)
    row = summarize(frame).query("multiplier == 1.0").iloc[0]
    assert (row.n_items, row.n_groups) == (40, 10)
    part = frame.query("multiplier == 1.0")
    assert row.p_matching_sem == pytest.approx(clustered_sem(part["p_matching"], part["group"]))
    assert row.p_matching_sem > part["p_matching"].sem()
    out = mean_sem(part, ["layer"], "p_matching")
    assert list(out.columns) == ["layer", "p_matching", "p_matching_sem", "n_items", "n_groups"]
