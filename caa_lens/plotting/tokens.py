"""Per-token detection views: a layers x tokens heatmap and coloured text for one layer."""

import html
from typing import TYPE_CHECKING

import numpy as np
import plotly.graph_objects as go

from ..columns import TOKEN_COLUMNS
from ._base import _diverging, _heatmap, _require, _spread_range

if TYPE_CHECKING:
    import pandas as pd

TOKEN_VALUES = ("cosine", "dot")


def _token_label(token: str) -> str:
    """A token as tokenised, made visible on an axis: HTML-escaped, newlines shown as \\n."""
    return html.escape(token).replace("\n", "\\n")


def _check_value(value: str) -> None:
    if value not in TOKEN_VALUES:
        raise ValueError(f"value must be one of {TOKEN_VALUES}, got {value!r}")


def token_heatmap(scores: "pd.DataFrame", value: str = "cosine") -> go.Figure:
    """Layers x tokens heatmap of `detect.token_scores`.

    Args:
        scores: `detect.token_scores` output.
        value: "cosine" or "dot"; the colour range is symmetric about 0, from this figure's
            scores (`_spread_range`), and hovering a cell shows its number.

    Returns:
        The figure; the x axis shows each position's token as tokenised.
    """
    _require(scores, TOKEN_COLUMNS, "token_heatmap")
    _check_value(value)
    matrix = scores.pivot(index="layer", columns="position", values=value)
    tokens = scores.drop_duplicates("position").set_index("position")["token"].reindex(matrix.columns)
    fig = _heatmap(
        matrix,
        _spread_range(scores[value]),
        f"{value} with the steering vector",
        {"x": "token", "y": "layer", "color": value},
    )
    labels = [_token_label(t) for t in tokens]
    fig.update_xaxes(tickmode="array", tickvals=list(matrix.columns), ticktext=labels, tickangle=-60)
    hover = "layer %{y}, position %{x}<br>%{customdata}<br>" + value + " %{z:.3f}<extra></extra>"
    return fig.update_traces(customdata=np.tile(labels, (len(matrix), 1)), hovertemplate=hover)


def token_text_html(scores: "pd.DataFrame", layer: int, value: str = "cosine") -> str:
    """The text as coloured spans, one per token, for one layer.

    Args:
        scores: `detect.token_scores` output.
        layer: the layer to colour by.
        value: "cosine" or "dot"; coloured on a range symmetric about 0 from this layer's scores.

    Returns:
        An HTML fragment; tokens are HTML-escaped, tokens outside the reply are faded, and
        hovering a token shows its number.
    """
    _require(scores, TOKEN_COLUMNS, "token_text_html")
    _check_value(value)
    rows = scores[scores["layer"] == layer].sort_values("position")
    if rows.empty:
        raise ValueError(f"no scores at layer {layer}")
    lo, hi = _spread_range(rows[value])
    spans = []
    for token, v, reply in zip(rows["token"], rows[value], rows["in_reply"], strict=True):
        ink = "#fff" if abs(v) > 0.7 * hi else "#000"
        style = f"background:{_diverging(v, lo, hi)};color:{ink}" + ("" if reply else ";opacity:0.45")
        spans.append(f'<span title="{value} {v:.3f}" style="{style}">{html.escape(token)}</span>')
    return '<div style="font-family:monospace;white-space:pre-wrap;line-height:1.7">' + "".join(spans) + "</div>"
