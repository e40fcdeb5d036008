"""The report's pages: every figure rebuilt from a run's CSVs, one HTML file each, and `report.html`.

Figures come from `plotting` (data in, figure out); this module only lays them out. Per-figure
files load `plotly.min.js` from the output folder (so they work offline and stay small);
`report.html` embeds plotly.js exactly once, followed by every figure's div, so it is one
self-contained file.
"""

import html
import json
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd
from plotly.offline import get_plotlyjs

from . import plotting
from ._io import write_csv, write_text
from ._version import __version__
from .geometry import behavior_cosines
from .vectors import SteeringVectors

PLOTLY_JS = "plotly.min.js"
SUMMARY = "summary.json"
REPORT = "report.html"
HELD_OUT = "held_out.csv"
STRONG = 3.0  # held-out effects above this many standard errors are marked
# (file stem, caption, full width) of each figure, in report order: across behaviours, then per behaviour
ACROSS_FIGURES = (
    (
        "layer_sweeps",
        "The paper's Figure 2: mean p(matching) over test items (bars: s.e. clustered by scenario) when steering each "
        "layer at +m (solid) and -m (dashed), every behaviour on one plot.",
        True,
    ),
    (
        "multiplier_sweeps",
        "p(matching) and letter mass against the multiplier, each behaviour steered at its own chosen layer.",
        False,
    ),
    ("behavior_cosines", "Cosine between the behaviours' vectors at one layer.", False),
)
FIGURES = (
    (
        "layer_sweep",
        "Mean p(matching) over test items (band: s.e.) when steering each layer; dashed: the held-out choice.",
        False,
    ),
    (
        "multiplier_sweep",
        "At the chosen layer: p(matching) (bars: s.e.) and the probability left on the two letters.",
        False,
    ),
    (
        "diagnostics",
        "|v| relative to the mean residual norm, and cos(v, letter direction): near +-1 means v is mostly 'A vs B'.",
        False,
    ),
    ("layer_cosines", "Cosine between the vectors extracted at each pair of layers.", False),
    (
        "transfer",
        "Effect p(+m) - p(-m) of the vector extracted at a source layer when added at each target layer.",
        True,
    ),
    ("separation", "How well matching and not-matching letter-token activations separate, per layer.", True),
    ("pca", "PCA of the letter-token activations (slider: layer).", False),
    ("pca_letter_removed", "The same after projecting out the letter direction mean(A) - mean(B).", False),
    ("tokens_reply", "Cosine of each token's residual stream with v_L, steered reply (tokens as tokenised).", True),
    ("tokens_reply_text", "The steered reply, coloured by cosine at the chosen layer (faded: the prompt).", True),
    ("tokens_prompt", "Cosine with v_L over a test prompt and its matching answer.", True),
    ("tokens_prompt_text", "The test prompt and its matching answer, coloured by cosine at the chosen layer.", True),
)


def read_summary(folder: Path) -> dict:
    """A finished behaviour's `summary.json`."""
    return json.loads((folder / SUMMARY).read_text(encoding="utf-8"))


def behavior_figures(folder: Path) -> dict:
    """Every figure of one behaviour (plotly figures, HTML token renderings), rebuilt from its CSVs."""
    summary = read_summary(folder)
    behavior, best, m = summary["behavior"], summary["held_out"]["layer"], summary["held_out"]["multiplier"]
    read = lambda name, **kw: pd.read_csv(folder / f"{name}.csv", **kw)  # noqa: E731
    cosines = read("layer_cosines", index_col="layer").rename(columns=int).rename_axis(columns="layer")
    points = read("pca_points")
    reply, prompt = (
        read(name, dtype={"token": str}, keep_default_na=False) for name in ("tokens_reply", "tokens_prompt")
    )
    figs = {
        "layer_sweep": plotting.layer_sweep_figure(read("layer_sweep_summary"), best_layer=best),
        "multiplier_sweep": plotting.multiplier_sweep_figure(read("multiplier_sweep_summary")),
        "diagnostics": plotting.diagnostics_figure(read("diagnostics")),
        "layer_cosines": plotting.cosine_heatmap(cosines, "cosine between layers' vectors"),
        "transfer": plotting.transfer_figure(read("transfer")).update_yaxes(type="category"),
        "separation": plotting.separation_figure(read("separation")),
        "pca": plotting.pca_figure(points[~points["letter_removed"]], layer=best),
        "pca_letter_removed": plotting.pca_figure(points[points["letter_removed"]], layer=best),
        "tokens_reply": plotting.token_heatmap(reply).update_layout(
            title_text=f"reply steered at layer {best}, m = {m:+g}"
        ),
        "tokens_prompt": plotting.token_heatmap(prompt).update_layout(
            title_text="a test prompt and its matching answer"
        ),
    }
    for fig in figs.values():
        title = fig.layout.title.text
        fig.update_layout(title_text=title if title.startswith(behavior) else f"{behavior}: {title}")
    return figs | {
        "tokens_reply_text": plotting.token_text_html(reply, best),
        "tokens_prompt_text": plotting.token_text_html(prompt, best),
    }


def across_figures(folders: list[Path]) -> dict:
    """{name: (figure, frame)}: every multiplier sweep; with 2+ behaviours, their cosines at the median chosen layer."""
    layers = pd.concat([pd.read_csv(f / "layer_sweep_summary.csv") for f in folders], ignore_index=True)
    m = float(layers["multiplier"].abs().max())
    layers = layers[layers["multiplier"].abs() == m]
    sweeps = pd.concat([pd.read_csv(f / "multiplier_sweep_summary.csv") for f in folders], ignore_index=True)
    title = "p(matching) by multiplier, each behaviour at its chosen layer"
    out = {
        "layer_sweeps": (plotting.behaviors_layer_figure(layers, m), layers),
        "multiplier_sweeps": (plotting.multiplier_sweep_figure(sweeps).update_layout(title_text=title), sweeps),
    }
    if len(folders) > 1:
        layer = int(np.median([read_summary(f)["held_out"]["layer"] for f in folders]))
        matrix = behavior_cosines([SteeringVectors.load(f / "vectors.safetensors") for f in folders], layer)
        out["behavior_cosines"] = (
            plotting.cosine_heatmap(matrix, f"Cosine between behaviours' vectors at layer {layer}"),
            matrix.reset_index(),
        )
    return out


def _page(title: str, body: str, head: str = "") -> str:
    style = (
        "body{font-family:system-ui,sans-serif;margin:24px auto;max-width:1500px;padding:0 16px;color:#222}"
        ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(640px,1fr));gap:18px}.wide{grid-column:1/-1}"
        "figure{margin:0;border:1px solid #ddd;border-radius:6px;padding:6px}figcaption{font-size:13px;color:#555;padding:4px 8px}"
        "table{border-collapse:collapse;font-size:14px;margin:8px 0}th{vertical-align:bottom}"
        "td,th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:right}td{white-space:nowrap}"
        "td:first-child,th:first-child,.text{text-align:left}td.text{white-space:normal}"
    )
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{style}</style>{head}</head><body>{body}</body></html>\n"
    )


def _figure_html(fig, div_id: str, include_plotlyjs) -> str:
    """A figure's div and script (an HTML fragment stays as it is); plotly.js as `include_plotlyjs` says."""
    if isinstance(fig, str):
        return fig
    config = {"responsive": True, "displaylogo": False}
    return fig.to_html(
        full_html=False,
        include_plotlyjs=include_plotlyjs,
        div_id=div_id,
        default_height=f"{fig.layout.height or 480}px",
        config=config,
    )


def _write_figures(folder: Path, figs: dict, plotly_src: str) -> None:
    for name, fig in figs.items():
        write_text(folder / f"{name}.html", _page(f"{folder.name}: {name}", _figure_html(fig, name, plotly_src)))


def _grid(figs: dict, prefix: str, order) -> str:
    blocks = "".join(
        f'<figure class="{"wide" if wide else ""}">{_figure_html(figs[name], prefix + name, False)}<figcaption>{html.escape(caption)}</figcaption></figure>'
        for name, caption, wide in order
        if name in figs
    )
    return f"<div class='grid'>{blocks}</div>"


def z_score(held: dict) -> float:
    """Held-out effect over its standard error (NaN without one)."""
    sem = held.get("effect_sem") or float("nan")
    return held["effect"] / sem if sem == sem and sem > 0 else float("nan")


def _ranked(summaries: list[dict]) -> list[dict]:
    """Behaviours by held-out effect / s.e., largest first (those without an s.e. last)."""
    key = lambda x: (z_score(x["held_out"]) != z_score(x["held_out"]), -np.nan_to_num(z_score(x["held_out"])))  # noqa: E731
    return sorted(summaries, key=key)


def held_out_table(summaries: list[dict]) -> pd.DataFrame:
    """The report's first table as data: one row per behaviour, sorted by held-out effect / s.e."""
    rows = []
    for x in _ranked(summaries):
        h = x["held_out"]
        rows.append(
            {
                "behavior": x["behavior"],
                "model": x["model"],
                "layer": h["layer"],
                "multiplier": h["multiplier"],
                "effect": h["effect"],
                "effect_sem": h["effect_sem"],
                "z": z_score(h),
                "n_held_out": h["n_held_out"],
                "n_groups_held_out": h.get("n_groups_held_out"),
                "p_matching_base": h["p_matching"][1],
                "letter_mass_base": h["letter_mass"][1],
            }
        )
    return pd.DataFrame(rows)


def _mark(held: dict) -> str:
    z = z_score(held)
    return f"<b>{z:+.1f}</b> &#10003;" if z > STRONG else f"{z:+.1f}"


def _header(model: str, s: dict, summaries: list[dict], skipped: dict) -> str:
    _trio = lambda values: " / ".join(f"{v:.2f}" for v in values)  # noqa: E731
    rows = "".join(
        f"<tr><td><a href='#{html.escape(x['behavior'])}'>{html.escape(x['behavior'])}</a></td><td>{_mark(h)}</td><td>{x['n_pairs']}</td><td>{h['n_select']} / {h['n_held_out']}</td>"
        f"<td>{h['layer']}</td><td>{h['multiplier']:+g}</td><td>{h['effect_select']:+.3f}</td><td><b>{h['effect']:+.3f}</b> ± {h['effect_sem']:.3f}</td>"
        f"<td>{' / '.join(f'{k} {v:+.2f}' for k, v in h['effect_by_letter'].items())}</td>"
        f"<td>{_trio(h['p_matching'])}</td><td>{_trio(h['letter_mass'])}</td><td>{x['letter_cosine']:+.2f}</td>"
        f"<td>{x['probe']['removed']['best_accuracy']:.2f} (layer {x['probe']['removed']['best_layer']})</td><td>{sum(x['seconds'].values()):.0f}</td></tr>"
        for x, h in ((x, x["held_out"]) for x in _ranked(summaries))
    )
    fmt = lambda ms: ", ".join(f"{m:g}" for m in ms)  # noqa: E731
    notes = "".join(f"<li>skipped {html.escape(b)}: {html.escape(why)}</li>" for b, why in skipped.items())
    return (
        f"<h1>Contrastive Activation Addition: {html.escape(model)}</h1>"
        f"<p>caa_lens {__version__}, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC. Vectors from up to {s['max_pairs']} contrast pairs per behaviour; "
        f"{s['n_test']} A/B test items; layers {'all' if s['layers'] is None else fmt(s['layers'])}; {s['scale']} multipliers {fmt(s['multipliers'])}"
        f"{' (m = 1 adds a vector as long as the mean residual)' if s['scale'] == 'relative' else ''}; finer sweep at the chosen layer "
        f"{fmt(s['detail_multipliers'])}; transfer on {s['transfer_items']} items.</p>"
        "<p><b>Effect</b> = p(matching | +m) &minus; p(matching | &minus;m). The layer and m are chosen where the effect is largest on "
        "one half of the test scenarios (selection); the <b>held-out effect</b> is measured on the other half (mean ± s.e. "
        f"clustered by scenario). Behaviours are sorted by held-out effect / s.e.; &#10003; marks those above {STRONG:g} s.e. "
        "A selection effect that does not survive on the held-out half is noise the choice picked up; effects of opposite sign for "
        "items whose matching answer is A and B mean the vector pushes towards a letter, not the behaviour. The effect by letter, "
        "p(matching) and letter mass p(A) + p(B) are over all test items at the chosen layer and m; letter mass near 0 means the "
        "model no longer answers with a letter.</p>"
        "<table><tr><th>behaviour</th><th>held-out effect / s.e.</th><th>pairs</th><th>test items</th><th>layer</th><th>m</th><th>effect, selection</th><th>effect, held out</th>"
        "<th>effect by matching letter</th><th>p(matching) at &minus;m / 0 / +m</th><th>letter mass at &minus;m / 0 / +m</th><th>cos(v, letter)</th>"
        "<th>best probe accuracy, letter removed</th><th>seconds</th></tr>"
        f"{rows}</table><ul>{notes}</ul>"
    )


def _replies(detection: dict) -> str:
    rows = "".join(
        f"<tr><td>{r['multiplier']:+g}</td><td>{r['score']:+.3f}</td><td class='text'>{html.escape(r['reply'])}</td></tr>"
        for r in detection["replies"]
    )
    return (
        f"<p>Replies to <i>{html.escape(detection['prompt'])}</i> steered at layer {detection['layer']}; score: mean cosine of "
        f"the reply's tokens with the vector there.</p><table><tr><th>m</th><th>score</th><th class='text'>reply</th></tr>{rows}</table>"
    )


def render_report(out_dir: Path, model: str, settings: dict, folders: list[Path], skipped: dict) -> Path:
    """Write every figure's HTML (and the cross-behaviour CSVs), then `report.html` with plotly.js embedded once."""
    plotly_js = get_plotlyjs()
    write_text(out_dir / PLOTLY_JS, plotly_js)
    sections = []
    if folders:
        across = across_figures(folders)
        for name, (fig, frame) in across.items():
            write_csv(out_dir / f"{name}.csv", frame)
            _write_figures(out_dir, {name: fig}, PLOTLY_JS)
        sections.append(
            f"<h2 id='across'>Across behaviours</h2>{_grid({k: fig for k, (fig, _) in across.items()}, '', ACROSS_FIGURES)}"
        )
    by_name = {read_summary(f)["behavior"]: f for f in folders}
    for folder in (by_name[x["behavior"]] for x in _ranked([read_summary(f) for f in folders])):  # as the table
        figs, h = behavior_figures(folder), read_summary(folder)["held_out"]
        _write_figures(folder, figs, f"../{PLOTLY_JS}")
        line = (
            f"<p>Held-out effect <b>{h['effect']:+.3f} ± {h['effect_sem']:.3f}</b> at layer {h['layer']}, m = {h['multiplier']:+g} "
            f"(chosen on {h['n_select']} items, measured on {h['n_held_out']}).</p>"
        )
        name = html.escape(folder.name)
        sections.append(
            f"<h2 id='{name}'>{name}</h2>{line}{_replies(read_summary(folder)['detection'])}{_grid(figs, folder.name + '-', FIGURES)}"
        )
    summaries = [read_summary(f) for f in folders]
    write_csv(out_dir / HELD_OUT, held_out_table(summaries))
    body = _header(model, settings, summaries, skipped) + "".join(sections)
    return write_text(
        out_dir / REPORT, _page(f"CAA report: {model}", body, f'<script type="text/javascript">{plotly_js}</script>')
    )
