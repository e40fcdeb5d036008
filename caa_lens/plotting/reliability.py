"""Reliability figures: per-item steerability, and predictors of reliability against the held-out effect."""

from typing import TYPE_CHECKING

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..columns import STEERABILITY_COLUMNS
from ._base import NEUTRAL, SYMBOLS, _diverging, _require, _style

if TYPE_CHECKING:
    import pandas as pd


def steerability_figure(slopes: "pd.DataFrame") -> go.Figure:
    """Per-item slopes of log-odds against the multiplier, sorted, one panel per behaviour.

    Bars are coloured on the diverging scale centred on 0 (anti-steerable items, slope < 0, red)
    and anti-steerable ones are marked with an x; the panel title gives their share.

    Args:
        slopes: `steerability.item_slopes` output at one layer per behaviour (`STEERABILITY_COLUMNS`).

    Returns:
        The figure.
    """
    _require(slopes, STEERABILITY_COLUMNS, "steerability_figure")
    keys = ["behavior", "site", "operator", "layer"]
    if slopes.groupby("behavior")[keys[1:]].nunique().gt(1).any(axis=None):
        raise ValueError("steerability_figure draws one configuration (site, operator, layer) per behaviour")
    behaviors = sorted(slopes["behavior"].unique())
    titles = [
        f"{b} (layer {int(g['layer'].iloc[0])}): {g['anti_steerable'].mean():.0%} anti-steerable"
        for b, g in ((b, slopes[slopes["behavior"] == b]) for b in behaviors)
    ]
    fig = make_subplots(rows=len(behaviors), cols=1, subplot_titles=titles, vertical_spacing=0.12 / len(behaviors))
    top = float(np.nanmax(np.abs(slopes["slope"]))) or 1.0
    for row, behavior in enumerate(behaviors, start=1):
        g = slopes[slopes["behavior"] == behavior].sort_values("slope").reset_index(drop=True)
        rank = np.arange(len(g))
        colors = [_diverging(v, -top, top) for v in g["slope"]]
        fig.add_trace(
            go.Bar(x=rank, y=g["slope"], marker_color=colors, customdata=g["item"], name=behavior, showlegend=False,
                   hovertemplate="item %{customdata}<br>slope %{y:.3g}<extra></extra>"),
            row=row, col=1,
        )  # fmt: skip
        anti = g[g["anti_steerable"]]
        fig.add_trace(
            go.Scatter(x=anti.index, y=anti["slope"], mode="markers", marker={"symbol": "x", "color": NEUTRAL},
                       name="anti-steerable", legendgroup="anti", showlegend=row == 1, hoverinfo="skip"),
            row=row, col=1,
        )  # fmt: skip
        fig.add_hline(y=0, line_color=NEUTRAL, line_width=1, row=row, col=1)
        fig.update_yaxes(title_text="slope of log-odds per unit m", row=row, col=1)
    fig.update_xaxes(title_text="items, sorted by slope", row=len(behaviors), col=1)
    return _style(fig, "Per-item steerability", height=max(320, 260 * len(behaviors)))


def predictor_figure(table: "pd.DataFrame", predictor: str, effect: str = "effect") -> go.Figure:
    """A reliability predictor against the held-out effect, one point (with its s.e.) per behaviour.

    Args:
        table: one row per behaviour with columns behavior, `predictor`, `effect` and `<effect>_sem`.
        predictor: the column on the x axis (e.g. "agreement" or "separation").
        effect: the column on the y axis (e.g. "effect" or "effect_logodds").

    Returns:
        The figure.
    """
    _require(table, ["behavior", predictor, effect, f"{effect}_sem"], "predictor_figure")
    fig = go.Figure()
    for i, (_, row) in enumerate(table.sort_values("behavior").iterrows()):
        fig.add_trace(
            go.Scatter(x=[row[predictor]], y=[row[effect]], error_y={"array": [np.nan_to_num(row[f"{effect}_sem"])]},
                       mode="markers", name=str(row["behavior"]), marker={"symbol": SYMBOLS[i % len(SYMBOLS)], "size": 11})
        )  # fmt: skip
    fig.add_hline(y=0, line_color=NEUTRAL, line_width=1)
    return _style(fig, f"{predictor} vs held-out {effect}", xaxis_title=predictor, yaxis_title=f"held-out {effect}")
