"""Plotly figure builders: a library frame in, a `go.Figure` (or an HTML string) out.

Builders validate their input's columns, build, and return; they never compute analyses,
call `.show()` or write files. Signed values use the diverging "RdBu" scale centred on 0
(negative red, positive blue), cosines a fixed [-1, 1] range; `_style` is the one shared look.
"""

import html

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.colors import qualitative, sample_colorscale, unlabel_rgb
from plotly.subplots import make_subplots

from .detect import TOKEN_COLUMNS
from .evaluate import SUMMARY_COLUMNS
from .geometry import PCA_COLUMNS, SEPARATION_COLUMNS, TRANSFER_COLUMNS
from .judge import JUDGE_SUMMARY_COLUMNS
from .side_effects import SIDE_EFFECT_SUMMARY_COLUMNS
from .vectors import DIAGNOSTIC_COLUMNS

DIVERGING = "RdBu"
COSINE_RANGE = (-1.0, 1.0)
ANSWER_COLORS = {"matching": "rgb(33, 102, 172)", "not_matching": "rgb(178, 24, 43)"}
SYMBOLS = ("circle", "square", "diamond", "cross", "x", "triangle-up", "star", "hexagon")
NEUTRAL = "rgb(110, 110, 110)"
TOKEN_VALUES = ("cosine", "dot")


def _style(fig: go.Figure, title: str | None = None, **layout) -> go.Figure:
    """The shared look of every figure: template, title, font, margins, legend."""
    fig.update_layout(
        template="plotly_white",
        title=title,
        font={"size": 13},
        margin={"l": 60, "r": 30, "t": 70, "b": 50},
        legend={"title": None},
        **layout,
    )
    return fig


def _require(frame: pd.DataFrame, columns, what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} needs columns {list(columns)}; missing {missing}")
    if frame.empty:
        raise ValueError(f"{what} got an empty frame")


def _diverging(value: float, lo: float, hi: float) -> str:
    """The RdBu colour of `value` on [lo, hi] (clipped)."""
    t = 0.5 if hi <= lo else float(np.clip((value - lo) / (hi - lo), 0.0, 1.0))
    return sample_colorscale(DIVERGING, [t])[0]


def _rgba(color: str, alpha: float) -> str:
    r, g, b = unlabel_rgb(color)
    return f"rgba({r:.0f}, {g:.0f}, {b:.0f}, {alpha})"


def _multiplier_color(m: float, largest: float) -> str:
    """Negative multipliers red, positive blue, darker with |m|; zero grey."""
    if m == 0 or largest == 0:
        return NEUTRAL
    return _diverging(np.sign(m) * (0.35 + 0.65 * abs(m) / largest), -1.0, 1.0)


def _symmetric_range(values, value: str) -> tuple[float, float]:
    if value == "cosine":
        return COSINE_RANGE
    top = float(np.nanmax(np.abs(values))) or 1.0
    return -top, top


def _band(x, mid, sem, color: str, group: str, **cell) -> go.Scatter:
    """A filled mean +/- s.e. band (no legend entry)."""
    x, lo, hi = np.asarray(x), np.asarray(mid - sem), np.asarray(mid + sem)
    return go.Scatter(
        x=np.r_[x, x[::-1]],
        y=np.r_[hi, lo[::-1]],
        fill="toself",
        fillcolor=_rgba(color, 0.18),
        line={"width": 0},
        hoverinfo="skip",
        showlegend=False,
        legendgroup=group,
        name=f"{group} s.e.",
        **cell,
    )


def _heatmap(matrix: pd.DataFrame, zrange: tuple[float, float], title: str, labels: dict) -> go.Figure:
    """px.imshow on the diverging scale with a fixed colour range."""
    fig = px.imshow(
        matrix, zmin=zrange[0], zmax=zrange[1], color_continuous_scale=DIVERGING, labels=labels, aspect="auto"
    )
    return _style(fig, title)


def layer_sweep_figure(summary: pd.DataFrame, best_layer: int | None = None) -> go.Figure:
    """p(matching) against layer, one line (with s.e. band) per multiplier.

    Args:
        summary: `evaluate.summarize` output (`SUMMARY_COLUMNS`).
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


def multiplier_sweep_figure(summary: pd.DataFrame) -> go.Figure:
    """p(matching) (with s.e. error bars) and letter mass against multiplier, per behaviour.

    Args:
        summary: `evaluate.summarize` output; one line per (behavior, layer).

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


def cosine_heatmap(matrix: pd.DataFrame, title: str) -> go.Figure:
    """A square cosine matrix (`geometry.layer_cosines` or `behavior_cosines`) on [-1, 1].

    Args:
        matrix: square frame of cosines.
        title: figure title.

    Returns:
        The figure.
    """
    axis = matrix.index.name or ""
    return _heatmap(matrix, COSINE_RANGE, title, {"x": matrix.columns.name or axis, "y": axis, "color": "cosine"})


def transfer_figure(frame: pd.DataFrame) -> go.Figure:
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


def pca_figure(points: pd.DataFrame, layer: int | None = None) -> go.Figure:
    """PCA scatter of the pair activations, one layer at a time (slider).

    Args:
        points: the points frame of `geometry.pca_separation` (one `letter_removed` setting).
        layer: the layer shown first (default: the middle one).

    Returns:
        Matching vs not matching in colour, answer letter as marker symbol.
    """
    _require(points, PCA_COLUMNS, "pca_figure")
    if points["letter_removed"].nunique() > 1:
        raise ValueError("points mix letter_removed settings; pass the rows of one setting")
    layers = sorted(points["layer"].unique())
    start = layers[len(layers) // 2] if layer is None else layer
    symbols = {letter: SYMBOLS[i % len(SYMBOLS)] for i, letter in enumerate(sorted(points["letter"].unique()))}
    fig, owners = go.Figure(), []
    for (at, answer, letter), g in points.groupby(["layer", "answer", "letter"]):
        marker = {"color": ANSWER_COLORS.get(answer, NEUTRAL), "symbol": symbols[letter], "size": 8, "opacity": 0.8}
        name = f"{answer.replace('_', ' ')} ({letter})"
        fig.add_trace(
            go.Scatter(
                x=g["pc1"],
                y=g["pc2"],
                mode="markers",
                name=name,
                legendgroup=name,
                marker=marker,
                visible=bool(at == start),
                customdata=g["pair"],
                hovertemplate="pair %{customdata}<extra>%{fullData.name}</extra>",
            )
        )
        owners.append(at)
    steps = [{"method": "restyle", "label": str(at), "args": [{"visible": [o == at for o in owners]}]} for at in layers]
    slider = {"active": layers.index(start), "currentvalue": {"prefix": "layer "}, "steps": steps, "pad": {"t": 40}}
    removed = " (letter direction removed)" if bool(points["letter_removed"].iloc[0]) else ""
    return _style(
        fig, f"PCA of letter-token activations{removed}", sliders=[slider], xaxis_title="PC1", yaxis_title="PC2"
    )


def separation_figure(scores: pd.DataFrame) -> go.Figure:
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


def diagnostics_figure(diag: pd.DataFrame) -> go.Figure:
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


def _token_label(token: str) -> str:
    """A token as tokenised, made visible on an axis: HTML-escaped, newlines shown as \\n."""
    return html.escape(token).replace("\n", "\\n")


def _check_value(value: str) -> None:
    if value not in TOKEN_VALUES:
        raise ValueError(f"value must be one of {TOKEN_VALUES}, got {value!r}")


def token_heatmap(scores: pd.DataFrame, value: str = "cosine") -> go.Figure:
    """Layers x tokens heatmap of `detect.token_scores`.

    Args:
        scores: `detect.token_scores` output.
        value: "cosine" (range [-1, 1]) or "dot" (symmetric about 0).

    Returns:
        The figure; the x axis shows each position's token as tokenised.
    """
    _require(scores, TOKEN_COLUMNS, "token_heatmap")
    _check_value(value)
    matrix = scores.pivot(index="layer", columns="position", values=value)
    tokens = scores.drop_duplicates("position").set_index("position")["token"].reindex(matrix.columns)
    fig = _heatmap(
        matrix,
        _symmetric_range(scores[value], value),
        f"{value} with the steering vector",
        {"x": "token", "y": "layer", "color": value},
    )
    labels = [_token_label(t) for t in tokens]
    fig.update_xaxes(tickmode="array", tickvals=list(matrix.columns), ticktext=labels, tickangle=-60)
    hover = "layer %{y}, position %{x}<br>%{customdata}<br>" + value + " %{z:.3f}<extra></extra>"
    return fig.update_traces(customdata=np.tile(labels, (len(matrix), 1)), hovertemplate=hover)


def token_text_html(scores: pd.DataFrame, layer: int, value: str = "cosine") -> str:
    """The text as coloured spans, one per token, for one layer.

    Args:
        scores: `detect.token_scores` output.
        layer: the layer to colour by.
        value: "cosine" (range [-1, 1]) or "dot" (symmetric about 0 at this layer).

    Returns:
        An HTML fragment; tokens are HTML-escaped, tokens outside the reply are faded.
    """
    _require(scores, TOKEN_COLUMNS, "token_text_html")
    _check_value(value)
    rows = scores[scores["layer"] == layer].sort_values("position")
    if rows.empty:
        raise ValueError(f"no scores at layer {layer}")
    lo, hi = _symmetric_range(rows[value], value)
    spans = []
    for token, v, reply in zip(rows["token"], rows[value], rows["in_reply"], strict=True):
        ink = "#fff" if abs(v) > 0.7 * hi else "#000"
        style = f"background:{_diverging(v, lo, hi)};color:{ink}" + ("" if reply else ";opacity:0.45")
        spans.append(f'<span title="{value} {v:.3f}" style="{style}">{html.escape(token)}</span>')
    return '<div style="font-family:monospace;white-space:pre-wrap;line-height:1.7">' + "".join(spans) + "</div>"


def judge_figure(summary: pd.DataFrame) -> go.Figure:
    """Mean judge score (with s.e. error bars) against multiplier, one line per behaviour and layer.

    Args:
        summary: `judge.judge_summary` output (`JUDGE_SUMMARY_COLUMNS`).

    Returns:
        The figure, scores on the rubric's 0-10 range.
    """
    _require(summary, JUDGE_SUMMARY_COLUMNS, "judge_figure")
    several = summary.groupby("behavior")["layer"].nunique().max() > 1 or summary["judge"].nunique() > 1
    fig = go.Figure()
    for i, ((behavior, layer, judge), g) in enumerate(
        summary.sort_values("multiplier").groupby(["behavior", "layer", "judge"])
    ):
        name = f"{behavior} (layer {layer}, {judge})" if several else str(behavior)
        fig.add_trace(
            go.Scatter(
                x=g["multiplier"],
                y=g["score"],
                error_y={"array": g["score_sem"].fillna(0)},
                mode="lines+markers",
                name=name,
                line={"color": qualitative.Plotly[i % 10]},
            )
        )
    return _style(
        fig,
        "Judge score by multiplier",
        xaxis_title="multiplier",
        yaxis_title="mean score (0-10)",
        yaxis_range=[-0.2, 10.2],
    )


def side_effects_figure(summary: pd.DataFrame) -> go.Figure:
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
