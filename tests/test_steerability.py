import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from caa_lens.columns import COLUMNS, STEERABILITY_COLUMNS, STEERABILITY_SUMMARY_COLUMNS
from caa_lens.evaluation.steerability import item_slopes, steerability, steerability_summary
from caa_lens.plotting import steerability_figure

MULTIPLIERS = (-2.0, -1.0, 0.0, 1.0, 2.0)


def planted(n_items=20, n_anti=5, behavior="b", layers=(3, 5)) -> pd.DataFrame:
    """Items whose log-odds move with slope +1.5 (steerable) or -0.5 (the first `n_anti`: anti-steerable)
    at layer 5, plus item-specific offsets and a symmetric wiggle that a least-squares slope ignores."""
    rows = []
    for item in range(n_items):
        slope5 = -0.5 if item < n_anti else 1.5
        for layer in layers:
            slope = slope5 if layer == 5 else 0.2
            for m in MULTIPLIERS:
                y = 0.3 * item - 1 + slope * m + 0.1 * (m**2 - 2)  # m^2 is orthogonal to m on a symmetric grid
                p = 1 / (1 + np.exp(-y))
                rows.append((behavior, layer, m, "raw", item, p, 0.9, "AB"[item % 2], f"s{item // 2}",
                             "resid_post", "add", y))  # fmt: skip
    return pd.DataFrame(rows, columns=list(COLUMNS))


def test_planted_share_of_anti_steerable_items_is_recovered():
    slopes = item_slopes(planted(), layers=[5])
    assert list(slopes.columns) == list(STEERABILITY_COLUMNS) and len(slopes) == 20
    np.testing.assert_allclose(slopes["slope"], [-0.5] * 5 + [1.5] * 15, atol=1e-9)
    assert slopes["anti_steerable"].tolist() == [True] * 5 + [False] * 15
    summary = steerability_summary(slopes)
    assert list(summary.columns) == list(STEERABILITY_SUMMARY_COLUMNS)
    row = summary.iloc[0]
    assert row["anti_steerable"] == pytest.approx(0.25) and row["slope"] == pytest.approx(1.0)
    assert row["slope_sd"] == pytest.approx(np.std([-0.5] * 5 + [1.5] * 15, ddof=1))
    assert row["slope_median"] == pytest.approx(1.5) and (row["n_items"], row["n_groups"]) == (20, 10)
    other = steerability(planted(), 3)
    assert other.iloc[0]["anti_steerable"] == 0 and other.iloc[0]["slope"] == pytest.approx(0.2)


def test_slopes_from_frames_without_logit_diff_and_in_p():
    frame = planted(n_items=4, n_anti=1).drop(columns=["logit_diff"])
    slopes = item_slopes(frame, layers=[5])
    np.testing.assert_allclose(slopes["slope"], [-0.5, 1.5, 1.5, 1.5], atol=1e-9)  # logit(p) recovers the log-odds
    in_p = item_slopes(frame, layers=[5], metric="p")
    assert in_p["anti_steerable"].tolist() == [True, False, False, False]


def test_steerability_refuses_what_it_cannot_compute():
    frame = planted(n_items=2)
    with pytest.raises(ValueError, match="two distinct multipliers"):
        item_slopes(frame[frame["multiplier"] == 1.0])
    with pytest.raises(ValueError, match="no sweep rows"):
        item_slopes(frame, layers=[9])
    with pytest.raises(ValueError, match="metric"):
        item_slopes(frame, metric="odds")


def test_steerability_figure_sorts_marks_and_centres_on_zero():
    slopes = pd.concat(
        [item_slopes(planted(behavior=b, n_anti=k), layers=[5]) for b, k in (("x", 5), ("y", 0))], ignore_index=True
    )
    fig = steerability_figure(slopes)
    assert isinstance(fig, go.Figure)
    bars = [t for t in fig.data if isinstance(t, go.Bar)]
    marks = [t for t in fig.data if isinstance(t, go.Scatter)]
    assert len(bars) == 2 and list(bars[0].y) == sorted(bars[0].y)
    assert len(marks[0].x) == 5 and len(marks[1].x) == 0
    assert "25% anti-steerable" in fig.layout.annotations[0].text
    rgb = lambda c: [float(x) for x in c[c.index("(") + 1 : -1].split(",")]  # noqa: E731
    first, last = rgb(bars[0].marker.color[0]), rgb(bars[0].marker.color[-1])
    assert first[0] > first[2] and last[2] > last[0]  # negative slopes red, positive blue
    with pytest.raises(ValueError, match="missing"):
        steerability_figure(slopes.drop(columns=["slope"]))
    with pytest.raises(ValueError, match="one configuration"):
        steerability_figure(item_slopes(planted(), layers=[3, 5]))


def test_predictor_figure_one_point_per_behaviour_with_error_bars():
    from caa_lens.plotting import predictor_figure

    table = pd.DataFrame(
        {"behavior": ["b", "a"], "agreement": [0.1, 0.6], "effect": [0.02, 0.3], "effect_sem": [0.01, np.nan]}
    )
    fig = predictor_figure(table, "agreement")
    assert [t.name for t in fig.data] == ["a", "b"] and list(fig.data[0].x) == [0.6]
    assert list(fig.data[0].error_y.array) == [0.0] and list(fig.data[1].error_y.array) == [0.01]
    with pytest.raises(ValueError, match="missing"):
        predictor_figure(table, "separation")
