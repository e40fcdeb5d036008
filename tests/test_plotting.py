import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
import torch
from plotly.colors import diverging

from caa_lens import plotting
from caa_lens.analysis.detect import TOKEN_COLUMNS
from caa_lens.analysis.geometry import layer_cosines, pca_separation
from caa_lens.columns import COLUMNS
from caa_lens.core.vectors import diagnostics
from caa_lens.evaluation.effects import summarize
from caa_lens.evaluation.transfer import TRANSFER_COLUMNS

from .test_geometry import make_vectors, planted_acts


def sweep_summary(behaviors=("t",), layers=(0, 1, 2, 3), multipliers=(-1.0, 0.0, 1.0)) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    rows = [
        (b, layer, m, "raw", item, rng.uniform(), rng.uniform(), "AB"[item % 2])
        for b in behaviors
        for layer in layers
        for m in multipliers
        for item in range(4)
    ]
    return summarize(pd.DataFrame(rows, columns=list(COLUMNS[:8])))


def token_frame(tokens=("<|im_start|>", "a", "a", "<b>", "\n"), layers=(0, 1)) -> pd.DataFrame:
    n = len(tokens)
    values = np.linspace(-0.9, 0.9, n * len(layers))
    return pd.DataFrame(
        {
            "layer": np.repeat(layers, n),
            "position": list(range(n)) * len(layers),
            "token": list(tokens) * len(layers),
            "dot": 10 * values,
            "cosine": values,
            "in_reply": [p > 0 for p in range(n)] * len(layers),
        },
        columns=list(TOKEN_COLUMNS),
    )


def assert_cosine_scale(fig: go.Figure) -> None:
    axis = fig.layout.coloraxis
    assert (axis.cmin, axis.cmax) == (-1, 1)
    assert [c for _, c in axis.colorscale] == list(diverging.RdBu)


def test_layer_sweep_figure():
    fig = plotting.layer_sweep_figure(sweep_summary(), best_layer=2)
    lines = [t for t in fig.data if t.mode == "lines+markers"]
    bands = [t for t in fig.data if t.fill == "toself"]
    assert [t.name for t in lines] == ["m = -1", "m = 0", "m = 1"] and len(bands) == 3
    assert list(lines[0].x) == [0, 1, 2, 3]
    assert fig.layout.shapes[0].x0 == 2 and tuple(fig.layout.yaxis.range) == (-0.02, 1.02)


def test_multiplier_sweep_figure():
    fig = plotting.multiplier_sweep_figure(sweep_summary(behaviors=("a", "b"), layers=(1,)))
    assert [t.name for t in fig.data if t.showlegend is not False] == ["a", "b"]
    assert len(fig.data) == 4 and fig.data[0].error_y.array is not None
    assert fig.data[1].yaxis == "y2" and list(fig.data[0].x) == [-1.0, 0.0, 1.0]
    with pytest.raises(ValueError, match="missing"):
        plotting.multiplier_sweep_figure(pd.DataFrame({"layer": [0]}))


def test_cosine_heatmap_fixed_range():
    matrix = layer_cosines(make_vectors(torch.randn(5, 8, generator=torch.Generator().manual_seed(0))))
    fig = plotting.cosine_heatmap(matrix, "cosines")
    assert_cosine_scale(fig)
    np.testing.assert_allclose(fig.data[0].z, matrix.to_numpy())
    assert fig.layout.title.text == "cosines"


def test_transfer_figure():
    rows = [("t", s, t, 1.0, "raw", 0.1 * (s - t), 0.01, 3) for s in range(3) for t in range(4)]
    frame = pd.DataFrame(rows, columns=list(TRANSFER_COLUMNS))
    fig = plotting.transfer_figure(frame)
    assert_cosine_scale(fig)
    assert np.asarray(fig.data[0].z).shape == (3, 4) and fig.data[0].z[2][0] == pytest.approx(0.2)
    with pytest.raises(ValueError, match="one behaviour"):
        plotting.transfer_figure(pd.concat([frame, frame.assign(behavior="u")]))


def test_pca_figure_slider_shows_one_layer_at_a_time():
    points, _ = pca_separation(planted_acts())
    fig = plotting.pca_figure(points, layer=2)
    assert len(fig.data) == 3 * 4  # layers x (answer, letter)
    steps = fig.layout.sliders[0].steps
    assert [s.label for s in steps] == ["0", "1", "2"]
    visible = [bool(t.visible) for t in fig.data]
    assert visible == list(steps[2].args[0]["visible"]) and sum(visible) == 4
    assert {t.marker.symbol for t in fig.data} == {"circle", "square"}
    assert len({t.marker.color for t in fig.data}) == 2


def test_pca_figure_shows_the_letter_removed_view_first_and_the_raw_view_beside_it():
    acts = planted_acts()
    raw, removed = (pca_separation(acts, remove_letter=r)[0] for r in (False, True))
    fig = plotting.pca_figure(pd.concat([raw, removed]), layer=1)
    assert [a.text for a in fig.layout.annotations] == ["letter direction removed", "raw"]
    left = [t for t in fig.data if t.xaxis == "x"]
    right = [t for t in fig.data if t.xaxis == "x2"]
    assert len(left) == len(right) == 3 * 4
    first = removed[(removed["layer"] == 1) & (removed["answer"] == "matching") & (removed["letter"] == "A")]
    shown = [t for t in left if t.visible and t.name == "matching (A)"]
    np.testing.assert_allclose(shown[0].x, first["pc1"])  # the left panel is the letter-removed PCA
    visible = list(fig.layout.sliders[0].steps[1].args[0]["visible"])
    assert visible == [bool(t.visible) for t in fig.data] and sum(visible) == 8  # the slider moves both panels
    assert all(t.showlegend is False for t in right) and fig.layout.xaxis2.title.text == "PC1"


def test_separation_figure_both_settings():
    acts = planted_acts()
    scores = pd.concat([pca_separation(acts)[1], pca_separation(acts, remove_letter=True)[1]])
    fig = plotting.separation_figure(scores)
    assert len(fig.data) == 4 and {t.name for t in fig.data} == {"letter kept", "letter removed"}
    assert tuple(fig.layout.yaxis.range) == (0, 1.02) and fig.layout.shapes[0].y0 == 0.5


def test_diagnostics_figure():
    vecs = make_vectors(torch.randn(4, 8, generator=torch.Generator().manual_seed(2)))
    fig = plotting.diagnostics_figure(diagnostics(vecs))
    assert [t.name for t in fig.data] == ["|v| / |resid|", "letter cosine"]
    assert tuple(fig.layout.yaxis2.range) == (-1, 1)


def test_token_heatmap_keeps_every_token():
    fig = plotting.token_heatmap(token_frame())
    assert [c for _, c in fig.layout.coloraxis.colorscale] == list(diverging.RdBu)
    assert list(fig.layout.xaxis.ticktext) == ["&lt;|im_start|&gt;", "a", "a", "&lt;b&gt;", "\\n"]
    assert list(fig.layout.xaxis.tickvals) == [0, 1, 2, 3, 4] and np.asarray(fig.data[0].z).shape == (2, 5)
    dot = plotting.token_heatmap(token_frame(), value="dot")
    assert dot.layout.coloraxis.cmin == -dot.layout.coloraxis.cmax == pytest.approx(-9.0)
    with pytest.raises(ValueError, match="value"):
        plotting.token_heatmap(token_frame(), value="norm")


def test_token_colours_span_the_scores_of_each_figure_centred_on_zero():
    small = token_frame().assign(cosine=lambda f: 0.05 * f["cosine"])  # cosines within +-0.045
    fig = plotting.token_heatmap(small)
    axis = fig.layout.coloraxis
    assert axis.cmin == -axis.cmax and axis.cmax == pytest.approx(0.045)  # not [-1, 1]: the scores' spread
    assert plotting.token_heatmap(token_frame()).layout.coloraxis.cmax == pytest.approx(0.9)  # per figure
    spike = token_frame(tokens=tuple("abcdefghij") * 5).assign(cosine=lambda f: 0.05 * f["cosine"])
    spike.loc[0, "cosine"] = 0.8  # one outlier among 100 scores does not wash the rest out
    assert plotting.token_heatmap(spike).layout.coloraxis.cmax < 0.05
    assert "%{z:.3f}" in fig.data[0].hovertemplate  # the number on hover
    skewed = small.assign(cosine=lambda f: f["cosine"].abs())  # all positive: still centred on 0
    assert plotting.token_heatmap(skewed).layout.coloraxis.cmin == -plotting.token_heatmap(skewed).layout.coloraxis.cmax
    text = plotting.token_text_html(small, layer=1)
    assert 'title="cosine 0.045"' in text  # the number on hover
    top = text.split("<span")[-1]  # the largest score takes the end colour of its figure's range
    assert "rgb(5,48,97)" in top.replace(" ", "") and 'title="cosine 0.045"' in top


def test_token_text_html_escapes():
    out = plotting.token_text_html(token_frame(), layer=1)
    assert out.count("<span") == 5 and "&lt;b&gt;" in out and "<b>" not in out and "&lt;|im_start|&gt;" in out
    assert "opacity" in out.split("</span>")[0]  # the prompt token is faded
    with pytest.raises(ValueError, match="layer 7"):
        plotting.token_text_html(token_frame(), layer=7)
