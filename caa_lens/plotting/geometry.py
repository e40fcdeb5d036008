"""Figures of the vectors themselves: cosines, transfer, PCA of pair activations, diagnostics."""

from typing import TYPE_CHECKING

import plotly.graph_objects as go
from plotly.colors import qualitative
from plotly.subplots import make_subplots

from ..columns import DIAGNOSTIC_COLUMNS, PCA_COLUMNS, SEPARATION_COLUMNS, TRANSFER_COLUMNS
from ._base import ANSWER_COLORS, COSINE_RANGE, NEUTRAL, SYMBOLS, _heatmap, _require, _style

if TYPE_CHECKING:
    import pandas as pd


def cosine_heatmap(matrix: "pd.DataFrame", title: str) -> go.Figure:
    """A square cosine matrix (`geometry.layer_cosines` or `behavior_cosines`) on [-1, 1].

    Args:
        matrix: square frame of cosines.
        title: figure title.

    Returns:
        The figure.
    """
    axis = matrix.index.name or ""
    return _heatmap(matrix, COSINE_RANGE, title, {"x": matrix.columns.name or axis, "y": axis, "color": "cosine"})


def transfer_figure(frame: "pd.DataFrame") -> go.Figure:
    """Effect of the vector from each source layer added at each target layer.

    Args:
        frame: `geometry.transfer` output for one behaviour, multiplier and scale.

    Returns:
        A source x target heatmap of the effect on [-1, 1] (hover shows its s.e.).
    """
    _require(frame, TRANSFER_COLUMNS, "transfer_figure")
    if len(frame.groupby(["behavior", "multiplier", "scale"])) > 1:
        raise ValueError("transfer_figure takes one behaviour, multiplier and scale; filter the frame first")
    effect = frame.pivot(index="source_layer", columns="target_layer", values="effect")
    sem = frame.pivot(index="source_layer", columns="target_layer", values="effect_sem").reindex_like(effect)
    first = frame.iloc[0]
    title = f"{first['behavior']}: effect of v(source) at target layer, m = ±{first['multiplier']:g} ({first['scale']})"
    fig = _heatmap(effect, COSINE_RANGE, title, {"x": "target layer", "y": "source layer", "color": "effect"})
    hover = "source %{y}, target %{x}<br>effect %{z:.3f} ± %{customdata:.3f}<extra></extra>"
    return fig.update_traces(customdata=sem.to_numpy(), hovertemplate=hover)


def pca_figure(points: "pd.DataFrame", layer: int | None = None) -> go.Figure:
    """PCA scatter of the pair activations, one layer at a time (slider): letter removed first, raw beside it.

    At the letter token the answer letter dominates the raw activations' first components; with the
    letter direction projected out, the behaviour's separation (if any) is what shows.

    Args:
        points: the points frame of `geometry.pca_separation`, one or both `letter_removed` settings
            (both: two panels, the letter-removed view on the left).
        layer: the layer shown first (default: the middle one).

    Returns:
        Matching vs not matching in colour, answer letter as marker symbol; the slider moves every panel.
    """
    _require(points, PCA_COLUMNS, "pca_figure")
    settings = sorted({bool(x) for x in points["letter_removed"]}, reverse=True)  # removed first
    layers = sorted(points["layer"].unique())
    start = layers[len(layers) // 2] if layer is None else layer
    symbols = {letter: SYMBOLS[i % len(SYMBOLS)] for i, letter in enumerate(sorted(points["letter"].unique()))}
    titles = ["letter direction removed" if removed else "raw" for removed in settings]
    fig, owners = make_subplots(rows=1, cols=len(settings), subplot_titles=titles if len(settings) > 1 else None), []
    for col, removed in enumerate(settings, start=1):
        shown = points[points["letter_removed"] == removed]
        for (at, answer, letter), g in shown.groupby(["layer", "answer", "letter"]):
            marker = {"color": ANSWER_COLORS.get(answer, NEUTRAL), "symbol": symbols[letter], "size": 8, "opacity": 0.8}
            name = f"{answer.replace('_', ' ')} ({letter})"
            trace = go.Scatter(
                x=g["pc1"],
                y=g["pc2"],
                mode="markers",
                name=name,
                legendgroup=name,
                showlegend=col == 1,
                marker=marker,
                visible=bool(at == start),
                customdata=g["pair"],
                hovertemplate="pair %{customdata}<extra>%{fullData.name}</extra>",
            )
            fig.add_trace(trace, row=1, col=col)
            owners.append(at)
    steps = [{"method": "restyle", "label": str(at), "args": [{"visible": [o == at for o in owners]}]} for at in layers]
    slider = {"active": layers.index(start), "currentvalue": {"prefix": "layer "}, "steps": steps, "pad": {"t": 40}}
    fig.update_xaxes(title_text="PC1").update_yaxes(title_text="PC2")
    suffix = "" if len(settings) > 1 else " (letter direction removed)" if settings[0] else ""
    return _style(fig, f"PCA of letter-token activations{suffix}", sliders=[slider])


def separation_figure(scores: "pd.DataFrame") -> go.Figure:
    """Probe accuracy and Fisher ratio against layer, with and without letter removal.

    Args:
        scores: `geometry.pca_separation` scores (one or both `letter_removed` settings).

    Returns:
        Two panels: cross-validated probe accuracy (chance line at 0.5) and Fisher ratio.
    """
    _require(scores, SEPARATION_COLUMNS, "separation_figure")
    fig = make_subplots(rows=1, cols=2, subplot_titles=("probe accuracy (cross-validated)", "Fisher ratio"))
    for removed, g in scores.sort_values("layer").groupby("letter_removed"):
        name = "letter removed" if removed else "letter kept"
        line = {"color": qualitative.Plotly[int(removed)], "dash": "dash" if removed else "solid"}
        for col, column in enumerate(("probe_accuracy", "fisher_ratio"), start=1):
            trace = go.Scatter(
                x=g["layer"],
                y=g[column],
                mode="lines+markers",
                name=name,
                legendgroup=name,
                line=line,
                showlegend=col == 1,
            )
            fig.add_trace(trace, row=1, col=col)
    fig.add_hline(y=0.5, line_dash="dot", line_color=NEUTRAL, row=1, col=1)
    fig.update_yaxes(range=[0, 1.02], row=1, col=1)
    fig.update_xaxes(title_text="layer")
    return _style(fig, "Separation of matching vs not matching")


def diagnostics_figure(diag: "pd.DataFrame") -> go.Figure:
    """Vector norm relative to the residual norm, and letter cosine, against layer.

    Args:
        diag: `vectors.diagnostics` output (`DIAGNOSTIC_COLUMNS`).

    Returns:
        Two rows: |v_L| / mean |resid_L|, and cos(v_L, letter direction) on [-1, 1].
    """
    _require(diag, DIAGNOSTIC_COLUMNS, "diagnostics_figure")
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.08)
    fig.add_trace(
        go.Scatter(x=diag["layer"], y=diag["norm_ratio"], mode="lines+markers", name="|v| / |resid|"), row=1, col=1
    )
    fig.add_trace(
        go.Scatter(x=diag["layer"], y=diag["letter_cosine"], mode="lines+markers", name="letter cosine"), row=2, col=1
    )
    fig.add_hline(y=0, line_color=NEUTRAL, row=2, col=1)
    fig.update_yaxes(title_text="|v| / mean |resid|", rangemode="tozero", row=1, col=1)
    fig.update_yaxes(title_text="cos(v, letter)", range=list(COSINE_RANGE), row=2, col=1)
    fig.update_xaxes(title_text="layer", row=2, col=1)
    return _style(fig, "Vector diagnostics")
