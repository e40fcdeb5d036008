"""System prompt versus CAA on the tiny model: conditions, paired changes, the figure."""

import numpy as np
import pytest

from caa_lens.core.vectors import extract
from caa_lens.evaluation.sweep import sweep
from caa_lens.evaluation.system_prompts import (
    CONDITION_COLUMNS,
    compare_conditions,
    condition_prompts,
    summarize_conditions,
)
from caa_lens.plotting import conditions_figure

from .conftest import ab_items

PROMPTS = {"positive": "You always say yes to everything.", "negative": "You always say no, whatever is asked."}


@pytest.fixture(scope="module")
def results(tiny):
    vecs = extract(tiny, ab_items(8), behavior="t", progress=False)
    return compare_conditions(
        tiny, vecs, ab_items(6, seed=4), system_prompts=PROMPTS, layer=1, multiplier=2.0, scale="raw", progress=False
    ), vecs


def test_each_condition_is_a_sweep_with_its_own_system_prompt(tiny, results):
    frame, vecs = results
    assert len(frame) == 3 * 3 * 6 and list(frame["condition"].unique()) == ["default", "positive", "negative"]
    items = ab_items(6, seed=4)
    positive = sweep(
        tiny, vecs, items, layers=[1], multipliers=[-2.0, 0.0, 2.0], system=PROMPTS["positive"], progress=False
    )
    np.testing.assert_allclose(frame[frame["condition"] == "positive"]["p_matching"], positive["p_matching"])
    at_zero = frame[frame["multiplier"] == 0].groupby("condition")["p_matching"].apply(list)
    assert not np.allclose(at_zero["default"], at_zero["positive"])  # the system prompt is really in the prompt


def test_summary_gives_paired_changes_against_the_same_condition_unsteered(results):
    frame, _ = results
    summary = summarize_conditions(frame)
    assert list(summary.columns) == list(CONDITION_COLUMNS) and len(summary) == 9
    assert (summary[summary["multiplier"] == 0]["change"] == 0).all()
    part = frame[frame["condition"] == "negative"].pivot(index="item", columns="multiplier", values="p_matching")
    row = summary[(summary["condition"] == "negative") & (summary["multiplier"] == 2.0)].iloc[0]
    assert row["change"] == pytest.approx((part[2.0] - part[0.0]).mean())
    assert row["change_sem"] == pytest.approx((part[2.0] - part[0.0]).std(ddof=1) / np.sqrt(6))
    fig = conditions_figure(summary)
    assert [t.name for t in fig.data] == [f"{c} system prompt" for c in ("default", "positive", "negative")]


def test_missing_or_empty_prompts_are_refused():
    with pytest.raises(ValueError, match="negative"):
        condition_prompts({"positive": "x", "negative": " "})
    with pytest.raises(ValueError, match="positive"):
        condition_prompts({"negative": "x"})
