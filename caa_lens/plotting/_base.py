"""The shared look and small helpers of every figure builder."""

from typing import TYPE_CHECKING

import numpy as np
import plotly.graph_objects as go
from plotly.colors import sample_colorscale, unlabel_rgb

if TYPE_CHECKING:
    import pandas as pd

DIVERGING = "RdBu"
COSINE_RANGE = (-1.0, 1.0)
ANSWER_COLORS = {"matching": "rgb(33, 102, 172)", "not_matching": "rgb(178, 24, 43)"}
SYMBOLS = ("circle", "square", "diamond", "cross", "x", "triangle-up", "star", "hexagon")
NEUTRAL = "rgb(110, 110, 110)"


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


def _require(frame: "pd.DataFrame", columns, what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} needs columns {list(columns)}; missing {missing}")
    if frame.empty:
        raise ValueError(f"{what} got an empty frame")


def _diverging(value: float | int, lo: float | int, hi: float | int) -> str:
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


SPREAD_QUANTILE = 0.98  # a colour range from the scores' spread ends at this quantile of |score|


def _spread_range(values) -> tuple[float, float]:
    """A colour range centred on 0 and symmetric, from the values' own spread: +-(the 98th percentile of |v|).

    Per figure, so small signed scores (cosines of a few hundredths) still show; the few values
    beyond it take the end colours (hover shows every number). All zero or NaN: +-1.
    """
    magnitudes = np.abs(np.asarray(values, dtype=float))
    magnitudes = magnitudes[np.isfinite(magnitudes)]
    top = float(np.quantile(magnitudes, SPREAD_QUANTILE)) if magnitudes.size else 0.0
    top = top or (float(magnitudes.max()) if magnitudes.size else 0.0) or 1.0
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


def _heatmap(matrix: "pd.DataFrame", zrange: tuple[float, float], title: str, labels: dict) -> go.Figure:
    """px.imshow on the diverging scale with a fixed colour range."""
    import plotly.express as px  # its import costs a third of the package's: only when a heatmap is drawn

    fig = px.imshow(
        matrix, zmin=zrange[0], zmax=zrange[1], color_continuous_scale=DIVERGING, labels=labels, aspect="auto"
    )
    return _style(fig, title)
