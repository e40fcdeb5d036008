"""Sweep, judge and side-effect figures: outcomes against layer or multiplier."""

from typing import TYPE_CHECKING

import numpy as np
import plotly.graph_objects as go
from plotly.colors import qualitative
from plotly.subplots import make_subplots

from ..columns import CONDITION_COLUMNS, JUDGE_SUMMARY_COLUMNS, SIDE_EFFECT_SUMMARY_COLUMNS, SUMMARY_COLUMNS
from ..options import SITES
from ._base import DIVERGING, NEUTRAL, _band, _diverging, _multiplier_color, _require, _style

if TYPE_CHECKING:
    import pandas as pd


def _error_line(g: "pd.DataFrame", column: str, name: str, color: str) -> go.Scatter:
    """`column` (with its `<column>_sem` as error bars) against the multiplier, as one line with markers."""
    g = g.sort_values("multiplier")
    error = {"array": g[f"{column}_sem"].fillna(0)}
    return go.Scatter(
        x=g["multiplier"], y=g[column], error_y=error, mode="lines+markers", name=name, line={"color": color}
    )


def _by_multiplier(lines: list, title: str, yaxis_title: str, yaxis_range: list) -> go.Figure:
    return _style(go.Figure(lines), title, xaxis_title="multiplier", yaxis_title=yaxis_title, yaxis_range=yaxis_range)


def layer_sweep_figure(summary: "pd.DataFrame", best_layer: int | None = None) -> go.Figure:
    """p(matching) against layer, one line (with s.e. band) per multiplier.

    Args:
        summary: `effects.summarize` output (`SUMMARY_COLUMNS`).
        best_layer: a layer to mark with a vertical line.

    Returns:
        The figure.
    """
    _require(summary, SUMMARY_COLUMNS, "layer_sweep_figure")
    largest = float(summary["multiplier"].abs().max())
    several = summary["behavior"].nunique() > 1
    fig = go.Figure()
    for (behavior, m), g in summary.sort_values("layer").groupby(["behavior", "multiplier"]):
        name, color = (f"{behavior}, m = {m:g}" if several else f"m = {m:g}"), _multiplier_color(m, largest)
        fig.add_trace(_band(g["layer"], g["p_matching"], g["p_matching_sem"].fillna(0), color, name))
        fig.add_trace(
            go.Scatter(
                x=g["layer"],
                y=g["p_matching"],
                mode="lines+markers",
                name=name,
                legendgroup=name,
                line={"color": color},
            )
        )
    if best_layer is not None:
        fig.add_vline(x=best_layer, line_dash="dash", line_color=NEUTRAL, annotation_text=f"layer {best_layer}")
    return _style(
        fig, "p(matching) by steered layer", xaxis_title="layer", yaxis_title="p(matching)", yaxis_range=[-0.02, 1.02]
    )


def behaviors_layer_figure(summary: "pd.DataFrame", multiplier: float) -> go.Figure:
    """The paper's Figure 2: p(matching) against steered layer at +m (solid) and -m (dashed), every behaviour.

    Args:
        summary: `effects.summarize` output of several behaviours' layer sweeps.
        multiplier: m > 0; rows at +m and -m are drawn.

    Returns:
        The figure, one colour per behaviour.
    """
    _require(summary, SUMMARY_COLUMNS, "behaviors_layer_figure")
    fig = go.Figure()
    palette = qualitative.D3
    for k, (behavior, g) in enumerate(summary.sort_values("layer").groupby("behavior")):
        color = palette[k % len(palette)]
        for m, dash in ((multiplier, "solid"), (-multiplier, "dash")):
            part = g[g["multiplier"] == m]
            fig.add_trace(
                go.Scatter(
                    x=part["layer"],
                    y=part["p_matching"],
                    error_y={"array": part["p_matching_sem"].fillna(0), "thickness": 1, "width": 0},
                    mode="lines+markers",
                    name=f"{behavior}, m = {m:+g}",
                    legendgroup=behavior,
                    line={"color": color, "dash": dash},
                )
            )
    title = f"p(matching) by steered layer at m = +{multiplier:g} (solid) and -{multiplier:g} (dashed)"
    return _style(fig, title, xaxis_title="layer", yaxis_title="p(matching)", yaxis_range=[-0.02, 1.02])


def site_layer_figure(table: "pd.DataFrame") -> go.Figure:
    """Effect p(+m) - p(-m) by site (rows, `options.SITES` order) and steered layer (columns).

    Args:
        table: `effects.effect_table` output of a sweep over several sites, one multiplier.

    Returns:
        A heatmap on the diverging scale centred on 0; hover gives effect +/- s.e.
    """
    _require(table, ("site", "layer", "multiplier", "effect", "effect_sem"), "site_layer_figure")
    if table["multiplier"].nunique() > 1:
        raise ValueError("site_layer_figure takes one multiplier; filter the table first")
    sites = [s for s in SITES if s in set(table["site"])]
    grid = lambda col: table.pivot(index="site", columns="layer", values=col).loc[sites]  # noqa: E731
    effect, sem = grid("effect"), grid("effect_sem")
    top = float(np.nanmax(np.abs(effect.to_numpy()))) or 1.0
    fig = go.Figure(
        go.Heatmap(
            z=effect.to_numpy(),
            x=list(effect.columns),
            y=sites,
            customdata=sem.to_numpy(),
            zmin=-top,
            zmax=top,
            colorscale=DIVERGING,
            colorbar={"title": "effect"},
            hovertemplate="%{y}, layer %{x}: %{z:+.3f} ± %{customdata:.3f}<extra></extra>",
        )
    )
    m = float(table["multiplier"].iloc[0])
    return _style(fig, f"Effect p(+m) - p(-m) by site and layer, m = {m:g}", xaxis_title="layer", yaxis_title="site")


def conditions_figure(summary: "pd.DataFrame") -> go.Figure:
    """p(matching) (with s.e. error bars) against multiplier, one line per system-prompt condition.

    Args:
        summary: `system_prompts.summarize_conditions` output for one behaviour.

    Returns:
        The figure: default grey, positive blue, negative red.
    """
    _require(summary, CONDITION_COLUMNS, "conditions_figure")
    colors = {"default": NEUTRAL, "positive": _diverging(0.85, 0, 1), "negative": _diverging(0.15, 0, 1)}
    lines = [
        _error_line(g, "p_matching", f"{condition} system prompt", colors.get(condition, NEUTRAL))
        for condition, g in summary.groupby("condition", sort=False)
    ]
    return _by_multiplier(lines, "System prompt and steering", "p(matching)", [-0.02, 1.02])


def multiplier_sweep_figure(summary: "pd.DataFrame") -> go.Figure:
    """p(matching) (with s.e. error bars) and letter mass against multiplier, per behaviour.

    Args:
        summary: `effects.summarize` output; one line per (behavior, layer).

    Returns:
        A two-row figure: p(matching) on top, letter mass below.
    """
    _require(summary, SUMMARY_COLUMNS, "multiplier_sweep_figure")
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.68, 0.32], vertical_spacing=0.06)
    several = summary.groupby("behavior")["layer"].nunique().max() > 1
    groups = summary.sort_values("multiplier").groupby(["behavior", "layer"])
    for i, ((behavior, layer), g) in enumerate(groups):
        name, color = (f"{behavior} (layer {layer})" if several else str(behavior)), qualitative.Plotly[i % 10]
        common = {"x": g["multiplier"], "mode": "lines+markers", "legendgroup": name, "line": {"color": color}}
        fig.add_trace(
            go.Scatter(y=g["p_matching"], name=name, error_y={"array": g["p_matching_sem"].fillna(0)}, **common),
            row=1,
            col=1,
        )
        fig.add_trace(
            go.Scatter(y=g["letter_mass"], name=f"{name} letter mass", showlegend=False, **common), row=2, col=1
        )
    fig.update_yaxes(title_text="p(matching)", range=[-0.02, 1.02], row=1, col=1)
    fig.update_yaxes(title_text="letter mass", range=[0, 1.02], row=2, col=1)
    fig.update_xaxes(title_text="multiplier", row=2, col=1)
    return _style(fig, "p(matching) by multiplier")


def judge_figure(summary: "pd.DataFrame") -> go.Figure:
    """Mean judge score (with s.e. error bars) against multiplier, one line per behaviour and layer.

    Args:
        summary: `judge.judge_summary` output (`JUDGE_SUMMARY_COLUMNS`).

    Returns:
        The figure, scores on the rubric's 0-10 range.
    """
    _require(summary, JUDGE_SUMMARY_COLUMNS, "judge_figure")
    several = summary.groupby("behavior")["layer"].nunique().max() > 1 or summary["judge"].nunique() > 1
    lines = [
        _error_line(g, "score", f"{b} (layer {layer}, {judge})" if several else str(b), qualitative.Plotly[i % 10])
        for i, ((b, layer, judge), g) in enumerate(summary.groupby(["behavior", "layer", "judge"]))
    ]
    return _by_multiplier(lines, "Judge score by multiplier", "mean score (0-10)", [-0.2, 10.2])


def side_effects_figure(summary: "pd.DataFrame") -> go.Figure:
    """MMLU / TruthfulQA accuracy against multiplier: mean p(correct) with s.e., argmax accuracy dashed.

    Args:
        summary: `side_effects.side_effects_summary` output (`SIDE_EFFECT_SUMMARY_COLUMNS`).

    Returns:
        The figure, with the chance level 0.5 marked.
    """
    _require(summary, SIDE_EFFECT_SUMMARY_COLUMNS, "side_effects_figure")
    fig = go.Figure()
    groups = summary.sort_values("multiplier").groupby(["kind", "behavior", "layer"])
    for i, ((kind, behavior, layer), g) in enumerate(groups):
        name, color = f"{kind}, {behavior} vector (layer {layer})", qualitative.Plotly[i % 10]
        fig.add_trace(
            go.Scatter(
                x=g["multiplier"],
                y=g["accuracy"],
                error_y={"array": g["accuracy_sem"].fillna(0)},
                mode="lines+markers",
                name=f"{name}: p(correct)",
                legendgroup=name,
                line={"color": color},
            )
        )
        fig.add_trace(
            go.Scatter(
                x=g["multiplier"],
                y=g["argmax_accuracy"],
                mode="lines+markers",
                name=f"{name}: argmax accuracy",
                legendgroup=name,
                line={"color": color, "dash": "dash"},
            )
        )
    fig.add_hline(y=0.5, line_dash="dot", line_color=NEUTRAL, annotation_text="chance")
    return _style(
        fig, "Accuracy under steering", xaxis_title="multiplier", yaxis_title="accuracy", yaxis_range=[-0.02, 1.02]
    )
