"""The report's pages, rendered from a report folder's files: one HTML file per figure, and `report.html`.

`run` and `across` compute and write the data (files named by `layout`); this module only reads those
files, builds figures with `plotting` (data in, figure out) and fills small HTML templates. Per-figure
files load plotly.js from the report folder (so they work offline and stay small); `report.html`
embeds plotly.js exactly once, followed by every figure's div, so it is one self-contained file.
Text from the data (model and behaviour names, prompts, replies, reasons for skipping) is escaped.
"""

import html
import os
from datetime import datetime, timezone
from pathlib import Path
from string import Template

import pandas as pd
from plotly.offline import get_plotlyjs

from .. import plotting
from .._io import write_text
from .._version import __version__
from ..core.vectors import LETTER_COSINE_LIMIT
from .across import read_summary
from .layout import BehaviorLayout, ReportLayout, read_json
from .summary import BehaviorSummary, Detection

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
    (
        "predictor_agreement",
        "Agreement of the per-pair differences (mean pairwise cosine, letter direction removed) at each "
        "behaviour's chosen layer against its held-out effect (bars: s.e.).",
        False,
    ),
    (
        "predictor_separation",
        "Separation of matching and not-matching activations along the mean difference (Cohen's d, letter "
        "direction removed) at the chosen layer against the held-out effect (bars: s.e.).",
        False,
    ),
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
    (
        "system_prompts",
        "Held-out items under no extra system prompt, one asking for the behaviour and one against it, each at "
        "-m, 0 and +m at the chosen layer (bars: s.e. clustered by scenario).",
        False,
    ),
    (
        "sites",
        "Held-out effect p(+m) - p(-m) when the vectors read at each site are added there, every layer.",
        False,
    ),
    (
        "steerability",
        "Per held-out item at the chosen layer: slope of the log-odds against the multiplier, sorted; x marks the "
        "anti-steerable items (they move away from the behaviour).",
        True,
    ),
    ("separation", "How well matching and not-matching letter-token activations separate, per layer.", True),
    (
        "pca",
        "PCA of the letter-token activations (slider: layer): left, after projecting out the letter direction "
        "mean(A) - mean(B), where the behaviour's separation shows if there is one; right, raw.",
        True,
    ),
    ("tokens_reply", "Cosine of each token's residual stream with v_L, steered reply (tokens as tokenised).", True),
    ("tokens_reply_text", "The steered reply, coloured by cosine at the chosen layer (faded: the prompt).", True),
    ("tokens_prompt", "Cosine with v_L over a test prompt and its matching answer.", True),
    ("tokens_prompt_text", "The test prompt and its matching answer, coloured by cosine at the chosen layer.", True),
)


STYLE = (
    "body{font-family:system-ui,sans-serif;margin:24px auto;max-width:1500px;padding:0 16px;color:#222}"
    ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(640px,1fr));gap:18px}.wide{grid-column:1/-1}"
    "figure{margin:0;border:1px solid #ddd;border-radius:6px;padding:6px}figcaption{font-size:13px;color:#555;padding:4px 8px}"
    "table{border-collapse:collapse;font-size:14px;margin:8px 0}th{vertical-align:bottom}"
    "td,th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:right}td{white-space:nowrap}"
    "td:first-child,th:first-child,.text{text-align:left}td.text{white-space:normal}"
)
PAGE = Template(
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>$title</title>'
    "<style>$style</style>$head</head><body>$body</body></html>\n"
)
SCRIPT = Template('<script type="text/javascript">$code</script>')
SECTION = Template("<h2 id='$anchor'>$title</h2>$body")
GRID = Template("<div class='grid'>$figures</div>")
FIGURE = Template('<figure class="$width">$plot<figcaption>$caption</figcaption></figure>')
TITLE = Template("<h1>Contrastive Activation Addition: $model</h1>")
INTRO = Template(
    "<p>caa_lens $version, $time UTC, computed in $dtype. Vectors from up to $max_pairs contrast pairs per behaviour; "
    "$n_test A/B test items; layers $layers; $scale multipliers $multipliers$relative; "
    "finer sweep at the chosen layer $detail_multipliers; transfer on $transfer_items items.</p>"
)
RELATIVE = " (m = 1 adds a vector as long as the mean residual)"
GUIDE = Template(
    "<p><b>Effect</b> = p(matching | +m) &minus; p(matching | &minus;m). The layer and m are chosen where the "
    "effect is largest on one half of the test scenarios (selection); the <b>held-out effect</b> is measured on "
    "the other half (mean ± s.e. clustered by scenario). Behaviours are sorted by held-out effect / s.e.; "
    "&#10003; marks those above $strong s.e. A selection effect that does not survive on the held-out half is "
    "noise the choice picked up; effects of opposite sign for items whose matching answer is A and B mean the "
    "vector pushes towards a letter, not the behaviour. The effect by letter, p(matching) and letter mass "
    "p(A) + p(B) are over all test items at the chosen layer and m; letter mass near 0 means the model no "
    "longer answers with a letter. &#9888; marks a vector whose |cos(v, letter direction)| at the chosen layer "
    "exceeds $letter_limit: it is partly the answer letter. The <b>log-odds effect</b> is the same held-out "
    "choice measured as log p(matching) &minus; log p(not matching) at +m minus at &minus;m (unbounded; does "
    "not shrink where the model is already sure). <b>Anti-steerable</b>: the share of held-out items whose "
    "log-odds fall as m grows. <b>Agreement</b> (mean cosine of the per-pair differences) and "
    "<b>separation</b> (Cohen's d along the mean difference) are read from the activations alone; low values "
    "predict an unreliable vector (README: how to read these numbers).</p>"
)
TABLE_HEAD = (
    "behaviour|held-out effect / s.e.|pairs|test items|layer|m|effect, selection|effect, held out|"
    "effect by matching letter|p(matching) at &minus;m / 0 / +m|letter mass at &minus;m / 0 / +m|"
    "cos(v, letter)|best probe accuracy, letter removed|log-odds effect, held out|anti-steerable|"
    "agreement / separation|seconds"
).split("|")
HELD_OUT = Template(
    "<p>Held-out effect <b>$effect ± $sem</b> at layer $layer, m = $m "
    "(chosen on $n_select items, measured on $n_held_out).</p>"
)
REPLIES = Template(
    "<p>Replies to <i>$prompt</i> steered at layer $layer; score: mean cosine of "
    "the reply's tokens with the vector there; perplexity of the reply under the unsteered model, and "
    "<b>degenerate</b> where the coherence guard flags it (loops, noise: `evaluation.coherence`).</p>"
)

SYSTEMS = Template(
    "<p>System prompt versus steering on the $n held-out items: <b>change</b> is p(matching) steered minus "
    "p(matching) under the same system prompt unsteered (paired per item, s.e. clustered by scenario), so "
    "'positive, +m' asks whether steering adds to a prompt that already asks for the behaviour.</p>"
)
SYSTEMS_HEAD = (
    "condition|p(matching) at &minus;m / 0 / +m|change at +m|change at &minus;m|letter mass at 0|system prompt"
).split("|")


def page(title: str, body: str, head: str = "") -> str:
    """A whole HTML page; `title` is text (escaped here), `body` and `head` are HTML."""
    return PAGE.substitute(title=html.escape(title), style=STYLE, head=head, body=body)


def section(anchor: str, title: str, body: str) -> str:
    """A titled section; `anchor` and `title` are text (escaped here), `body` is HTML."""
    return SECTION.substitute(anchor=html.escape(anchor), title=html.escape(title), body=body)


def table(head, rows, text_column: int | None = None) -> str:
    """A table of HTML cells (escape text first); column `text_column` is left-aligned, wrapping prose."""

    def line(tag: str, cells) -> str:
        css = lambda i: " class='text'" if i == text_column else ""  # noqa: E731
        return "<tr>" + "".join(f"<{tag}{css(i)}>{cell}</{tag}>" for i, cell in enumerate(cells)) + "</tr>"

    return "<table>" + line("th", head) + "".join(line("td", row) for row in rows) + "</table>"


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


def grid(figs: dict, prefix: str, order) -> str:
    """The figures of `order` (name, caption, full width) that `figs` holds, captioned, in a grid."""
    blocks = (
        FIGURE.substitute(
            width="wide" if wide else "",
            plot=_figure_html(figs[name], prefix + name, False),
            caption=html.escape(caption),
        )
        for name, caption, wide in order
        if name in figs
    )
    return GRID.substitute(figures="".join(blocks))


def _write_figures(layout: ReportLayout, files: BehaviorLayout | ReportLayout, figs: dict) -> None:
    """One HTML file per figure in `files`' folder, loading plotly.js from the report folder."""
    plotly_src = Path(os.path.relpath(layout.plotly_js, files.folder)).as_posix()
    for name, fig in figs.items():
        title = f"{files.folder.name}: {name}"
        write_text(files.figure(name), page(title, _figure_html(fig, name, plotly_src)))


def behavior_figures(files: BehaviorLayout) -> dict:
    """Every figure of one behaviour (plotly figures, HTML token renderings), rebuilt from its CSVs."""
    summary = read_summary(files)
    behavior, best, m = summary.behavior, summary.held_out.layer, summary.held_out.multiplier
    cosines = pd.read_csv(files.layer_cosines_csv, index_col="layer").rename(columns=int).rename_axis(columns="layer")
    points = pd.read_csv(files.pca_points_csv)
    reply, prompt = (
        pd.read_csv(path, dtype={"token": str}, keep_default_na=False)
        for path in (files.tokens_reply_csv, files.tokens_prompt_csv)
    )
    figs = {
        "layer_sweep": plotting.layer_sweep_figure(pd.read_csv(files.layer_sweep_summary_csv), best_layer=best),
        "multiplier_sweep": plotting.multiplier_sweep_figure(pd.read_csv(files.multiplier_sweep_summary_csv)),
        "diagnostics": plotting.diagnostics_figure(pd.read_csv(files.diagnostics_csv)),
        "layer_cosines": plotting.cosine_heatmap(cosines, "cosine between layers' vectors"),
        "transfer": plotting.transfer_figure(pd.read_csv(files.transfer_csv)).update_yaxes(type="category"),
        "separation": plotting.separation_figure(pd.read_csv(files.separation_csv)),
        "pca": plotting.pca_figure(points, layer=best),
        "tokens_reply": plotting.token_heatmap(reply).update_layout(
            title_text=f"reply steered at layer {best}, m = {m:+g}"
        ),
        "tokens_prompt": plotting.token_heatmap(prompt).update_layout(
            title_text="a test prompt and its matching answer"
        ),
    }
    if files.systems_summary_csv.is_file():
        figs["system_prompts"] = plotting.conditions_figure(pd.read_csv(files.systems_summary_csv))
    if files.site_effects_csv.is_file():
        figs["sites"] = plotting.site_layer_figure(pd.read_csv(files.site_effects_csv))
    if files.steerability_csv.is_file():
        figs["steerability"] = plotting.steerability_figure(pd.read_csv(files.steerability_csv))
    for fig in figs.values():
        title = fig.layout.title.text
        fig.update_layout(title_text=title if title.startswith(behavior) else f"{behavior}: {title}")
    return figs | {
        "tokens_reply_text": plotting.token_text_html(reply, best),
        "tokens_prompt_text": plotting.token_text_html(prompt, best),
    }


def across_figures(layout: ReportLayout, data: dict) -> dict:
    """The figures across behaviours, from the tables and the page data that `across.write_across` wrote."""
    sweeps = pd.read_csv(layout.multiplier_sweeps_csv)
    title = "p(matching) by multiplier, each behaviour at its chosen layer"
    figs = {
        "layer_sweeps": plotting.behaviors_layer_figure(
            pd.read_csv(layout.layer_sweeps_csv), data["layer_sweeps_multiplier"]
        ),
        "multiplier_sweeps": plotting.multiplier_sweep_figure(sweeps).update_layout(title_text=title),
    }
    table = pd.read_csv(layout.held_out_csv)
    if "agreement" in table and table["agreement"].notna().any():
        for name in ("agreement", "separation"):
            figs[f"predictor_{name}"] = plotting.predictor_figure(table.dropna(subset=[name]), name)
    layer = data["behavior_cosines_layer"]
    if layer is not None:
        matrix = pd.read_csv(layout.behavior_cosines_csv, index_col="behavior").rename_axis(columns="behavior")
        figs["behavior_cosines"] = plotting.cosine_heatmap(
            matrix, f"Cosine between behaviours' vectors at layer {layer}"
        )
    return figs


def _mark(z: float) -> str:
    return f"<b>{z:+.1f}</b> &#10003;" if z > STRONG else f"{z:+.1f}"


def _letter_mark(cosine: float) -> str:
    return f"<b>{cosine:+.2f} &#9888;</b>" if abs(cosine) > LETTER_COSINE_LIMIT else f"{cosine:+.2f}"


def _row(x: BehaviorSummary) -> list[str]:
    """One behaviour's cells of the first table."""
    h, at, probe, name = x.held_out, x.at_choice, x.probe_removed, html.escape(x.behavior)
    trio = lambda values: " / ".join(f"{v:.2f}" for v in values)  # noqa: E731
    return [
        f"<a href='#{name}'>{name}</a>",
        _mark(h.z),
        f"{x.n_pairs}",
        f"{h.n_select} / {h.n_held_out}",
        f"{h.layer}",
        f"{h.multiplier:+g}",
        f"{h.effect_select:+.3f}",
        f"<b>{h.effect:+.3f}</b> ± {h.effect_sem:.3f}",
        " / ".join(f"{html.escape(k)} {v:+.2f}" for k, v in at.effect_by_letter.items()),
        trio(at.p_matching),
        trio(at.letter_mass),
        _letter_mark(x.letter_cosine),
        f"{probe.best_accuracy:.2f} (layer {probe.best_layer})",
        *_reliability_cells(x),
        f"{sum(x.seconds.values()):.0f}",
    ]


def _reliability_cells(x: BehaviorSummary) -> list[str]:
    r = x.reliability
    if r is None:
        return ["", "", ""]
    return [
        f"{r.effect_logodds:+.2f} ± {r.effect_logodds_sem:.2f}",
        f"{r.anti_steerable:.0%}",
        f"{r.agreement:.2f} / {r.separation:.2f}",
    ]


def _header(data: dict, summaries: list[BehaviorSummary]) -> str:
    """Title, settings, how to read the first table, the table, and the behaviours skipped."""
    s, fmt = data["settings"], lambda ms: ", ".join(f"{m:g}" for m in ms)
    intro = INTRO.substitute(
        s,  # max_pairs, n_test, scale, transfer_items
        version=__version__,
        dtype=html.escape(data.get("dtype", "float32")),
        time=f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M}",
        layers="all" if s["layers"] is None else fmt(s["layers"]),
        multipliers=fmt(s["multipliers"]),
        relative=RELATIVE if s["scale"] == "relative" else "",
        detail_multipliers=fmt(s["detail_multipliers"]),
    )
    rows = [_row(x) for x in summaries]
    notes = "".join(f"<li>skipped {html.escape(b)}: {html.escape(why)}</li>" for b, why in data["skipped"].items())
    title = TITLE.substitute(model=html.escape(data["model"]))
    return (
        title
        + intro
        + GUIDE.substitute(strong=f"{STRONG:g}", letter_limit=f"{LETTER_COSINE_LIMIT:g}")
        + table(TABLE_HEAD, rows)
        + f"<ul>{notes}</ul>"
    )


def _coherence_cell(reply) -> str:
    if reply.degenerate is None:
        return ""
    ppl = "" if reply.perplexity is None or reply.perplexity != reply.perplexity else f"{reply.perplexity:.1f}"
    return f"{ppl} <b>degenerate</b>" if reply.degenerate else ppl


def _replies(detection: Detection) -> str:
    rows = [
        [f"{r.multiplier:+g}", f"{r.score:+.3f}", _coherence_cell(r), html.escape(r.reply)] for r in detection.replies
    ]
    intro = REPLIES.substitute(layer=detection.layer, prompt=html.escape(detection.prompt))
    return intro + table(("m", "score", "perplexity (unsteered)", "reply"), rows, text_column=3)


def _change(g: pd.DataFrame, m: float) -> str:
    return f"{g.loc[m, 'change']:+.3f} ± {g.loc[m, 'change_sem']:.3f}"


def _systems(files: BehaviorLayout, prompts: dict) -> str:
    """The system-prompt comparison as a table: each condition's prompt, p(matching) and the change steering adds."""
    summary = pd.read_csv(files.systems_summary_csv).set_index(["condition", "multiplier"])
    rows = []
    for condition, g in summary.groupby(level="condition", sort=False):
        g = g.droplevel("condition").sort_index()
        low, high = g.index.min(), g.index.max()
        text = prompts.get(condition) or "(the chat format's own)"
        cells = [condition, " / ".join(f"{p:.2f}" for p in g["p_matching"]), _change(g, high), _change(g, low)]
        rows.append([*cells, f"{g['letter_mass'].loc[0.0]:.2f}", html.escape(text)])
    return SYSTEMS.substitute(n=int(summary["n_items"].iloc[0])) + table(SYSTEMS_HEAD, rows, text_column=5)


def _behavior_section(layout: ReportLayout, files: BehaviorLayout) -> str:
    """A behaviour's held-out result, steered replies and figures (whose own HTML files are written too)."""
    summary, figs = read_summary(files), behavior_figures(files)
    _write_figures(layout, files, figs)
    h = summary.held_out
    line = HELD_OUT.substitute(
        effect=f"{h.effect:+.3f}", sem=f"{h.effect_sem:.3f}", m=f"{h.multiplier:+g}", layer=h.layer,
        n_select=h.n_select, n_held_out=h.n_held_out,
    )  # fmt: skip
    systems = _systems(files, summary.system_prompts) if summary.system_prompts else ""
    body = line + _replies(summary.detection) + systems + grid(figs, files.name + "-", FIGURES)
    return section(files.name, files.name, body)


def render_report(layout: ReportLayout) -> Path:
    """Render a report folder `report.run_report` filled: every figure's HTML, then `report.html` (plotly.js once)."""
    data = read_json(layout.page_data)
    plotly_js = get_plotlyjs()
    write_text(layout.plotly_js, plotly_js)
    behaviors = [layout.behavior(b["behavior"]) for b in data["behaviors"]]
    sections = []
    if behaviors:
        figs = across_figures(layout, data)
        _write_figures(layout, layout, figs)
        sections.append(section("across", "Across behaviours", grid(figs, "", ACROSS_FIGURES)))
    sections += [_behavior_section(layout, files) for files in behaviors]
    body = _header(data, [read_summary(files) for files in behaviors]) + "".join(sections)
    title = f"CAA report: {data['model']}"
    return write_text(layout.page, page(title, body, SCRIPT.substitute(code=plotly_js)))
