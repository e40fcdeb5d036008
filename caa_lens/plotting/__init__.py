"""Plotly figure builders: a library frame in, a `go.Figure` (or an HTML string) out.

Builders validate their input's columns, build, and return; they never compute analyses,
call `.show()` or write files. Signed values use the diverging "RdBu" scale centred on 0
(negative red, positive blue), cosines a fixed [-1, 1] range; `_base._style` is the one shared
look. `sweeps` plots outcomes against layer or multiplier, `geometry` the vectors themselves,
`tokens` per-token detection, `reliability` per-item steerability and predictors of reliability.
"""

from ._base import COSINE_RANGE, DIVERGING
from .geometry import cosine_heatmap, diagnostics_figure, pca_figure, separation_figure, transfer_figure
from .reliability import predictor_figure, steerability_figure
from .sweeps import (
    behaviors_layer_figure,
    conditions_figure,
    judge_figure,
    layer_sweep_figure,
    multiplier_sweep_figure,
    side_effects_figure,
    site_layer_figure,
)
from .tokens import TOKEN_VALUES, token_heatmap, token_text_html

__all__ = [
    "COSINE_RANGE",
    "behaviors_layer_figure",
    "conditions_figure",
    "DIVERGING",
    "TOKEN_VALUES",
    "cosine_heatmap",
    "diagnostics_figure",
    "judge_figure",
    "layer_sweep_figure",
    "multiplier_sweep_figure",
    "pca_figure",
    "predictor_figure",
    "separation_figure",
    "side_effects_figure",
    "site_layer_figure",
    "steerability_figure",
    "token_heatmap",
    "token_text_html",
    "transfer_figure",
]
