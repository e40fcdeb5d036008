"""One run's report: every CAA analysis of each behaviour, as CSVs, figures and one HTML page.

Per behaviour: activations collected once (vectors, diagnostics, PCA); an A/B sweep over layers x
multipliers, where `effects.held_out` picks layer and m on half the test items and measures
p(+m) - p(-m) on the other half; a finer multiplier sweep at that layer; cross-layer cosines;
transfer of a few layers' vectors to every layer; PCA separation with and without the letter
direction; per-token detection on steered replies (each with the coherence guard's check) and a
test prompt; reliability: the held-out log-odds effect, per-item steerability and the predictors
(agreement, separation) at the chosen layer; on the held-out half, the
system-prompt comparison (`system_prompts`, for behaviours that ship the prompts) and, when
`sites` are set, the held-out effect of vectors read and added at those sites, every layer
(both only for `ReportSettings.extras_for`). Across behaviours: the multiplier sweeps together,
the held-out table (behaviours ranked by held-out effect / s.e.) and the cosines at the median
chosen layer. This module computes and writes the data: each behaviour's
folder gets its vectors, CSVs and `summary.json`, written last (a rerun skips a finished
behaviour); the report folder gets the tables across behaviours and `report.json`. Files are named
by `layout`; `across` writes the tables across behaviours; `html` then renders the figures and the page from those files alone.
"""

import time
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from .._io import locked, write_csv, write_json
from .._version import __version__
from ..analysis.detect import text_score, token_scores
from ..analysis.geometry import layer_cosines, pca_separation, reliability_predictors, separation_layer
from ..core.chat import resolve_format
from ..core.collect import collect_sites
from ..core.kv import PrefixCache
from ..core.models import model_name
from ..core.steering import generate
from ..core.vectors import SteeringVectors, diagnostics, vectors_from
from ..datasets.load import (
    ABItem,
    behavior_path,
    check_behavior_name,
    load_ab,
    load_ab_hashed,
    load_info,
    load_open_ended,
)
from ..datasets.subsets import letter_balanced
from ..evaluation.coherence import is_degenerate, reply_perplexity, text_stats
from ..evaluation.effects import HeldOut, effect_table, effects, held_out, held_out_effect, summarize
from ..evaluation.steerability import item_slopes, steerability_summary
from ..evaluation.sweep import sweep
from ..evaluation.system_prompts import compare_conditions, summarize_conditions
from ..evaluation.transfer import transfer
from ..options import DEFAULT_SITE
from .across import write_across
from .executor import Executor, Unit, executor_for
from .html import render_report
from .layout import BehaviorLayout, ReportLayout, read_json
from .settings import ReportSettings
from .summary import AtChoice, BehaviorSummary, Detection, Probe, Reliability, Reply


@contextmanager
def _timed(timings: dict, stage: str):
    start = time.perf_counter()
    yield
    timings[stage] = round(time.perf_counter() - start, 1)


def detail_multipliers(multipliers) -> list[float]:
    """The finer sweep at the chosen layer: 13 steps over +-1.5 x the largest multiplier."""
    top = 1.5 * max(abs(m) for m in multipliers)
    return [round(float(m), 4) + 0.0 for m in np.linspace(-top, top, 13)]


def source_layers(spec: int | Sequence[int], layers: list[int]) -> list[int]:
    """Explicit source layers, or that many spread evenly inside `layers`."""
    if not isinstance(spec, int):
        return sorted(spec)
    picks = np.linspace(0, len(layers) - 1, spec + 2)[1:-1] if spec < len(layers) else range(len(layers))
    return sorted({layers[int(round(i))] for i in picks})


def _load(behavior: str, root, s: ReportSettings):
    """(generate items, test items, generate file's SHA-256, a free-form prompt)."""
    path = behavior_path(behavior, "generate", root=root)
    test = letter_balanced(load_ab(behavior_path(behavior, "test_ab", root=root)), s.n_test)
    open_path = behavior_path(behavior, "test_open_ended", root=root)
    prompt = load_open_ended(open_path)[0].question if open_path.is_file() else test[0].question
    items, sha256 = load_ab_hashed(path)
    return letter_balanced(items, s.max_pairs), test, sha256, prompt


@dataclass
class BehaviorRun:
    """What the stages of one behaviour's analysis share: the model, its vectors and test items,
    the settings, where files go, the prompts' KV caches, and (after the layer sweep) its results
    and the held-out choice, whose item split every later stage reuses.
    """

    model: object
    vecs: SteeringVectors
    test: list[ABItem]
    s: ReportSettings
    files: BehaviorLayout
    prefixes: PrefixCache
    progress: bool
    swept: pd.DataFrame | None = None  # the layer sweep's rows, set by `_sweeps`
    chosen: HeldOut | None = None  # the held-out choice, set by `_sweeps`

    @property
    def results(self) -> pd.DataFrame:
        """The layer sweep's rows (after `_sweeps`)."""
        if self.swept is None:
            raise RuntimeError("the layer sweep has not run yet")
        return self.swept

    @property
    def choice(self) -> HeldOut:
        """The held-out choice (after `_sweeps`)."""
        if self.chosen is None:
            raise RuntimeError("the held-out choice has not been made yet")
        return self.chosen

    def sweep(self, items, **kwargs) -> pd.DataFrame:
        """`sweep` of this run's vectors (or `vectors=`) on `items`, sharing the prompts' caches."""
        vectors = kwargs.pop("vectors", self.vecs)
        return sweep(
            self.model, vectors, items, scale=self.s.scale, prefixes=self.prefixes, progress=self.progress, **kwargs
        )

    @property
    def held(self) -> list[ABItem]:
        """The held-out half of the test items (those `held_out` measured on)."""
        return [self.test[i] for i in self.choice.held_items]


def _sweeps(run: BehaviorRun) -> AtChoice:
    """Layer sweep, held-out choice (set on `run`), finer multiplier sweep; p and letter mass at -m, 0, +m
    and the effect on all test items grouped by their matching letter (a letter bias shows as opposite signs).

    The layer sweep always includes m = 0 (computed once per item, `sweep`); the finer
    sweep runs on the first `detail_items` test items (all when None), letter-balanced like every subset.
    """
    s, files = run.s, run.files
    run.swept = results = run.sweep(run.test, layers=s.layers, multipliers=sorted(set(s.multipliers) | {0.0}))
    run.chosen = choice = held_out(results)
    layer, m = choice.layer, choice.multiplier
    detail_items = letter_balanced(run.test, s.detail_items)
    detail = run.sweep(detail_items, layers=[layer], multipliers=detail_multipliers(s.multipliers))
    write_csv(files.layer_sweep_csv, results)
    write_csv(files.layer_sweep_summary_csv, summarize(results))
    write_csv(files.multiplier_sweep_csv, detail)
    write_csv(files.multiplier_sweep_summary_csv, summarize(detail))
    at = summarize(results).query("layer == @layer").set_index("multiplier").loc[[-m, 0.0, m]]
    effect = effects(results[results["layer"] == layer]).query("multiplier == @m")
    by_letter = effect.groupby([run.test[i].matching for i in effect["item"]])["effect"].mean()
    trio = lambda key: tuple(at[key].round(4).tolist())  # noqa: E731
    return AtChoice(trio("p_matching"), trio("letter_mass"), by_letter.round(4).to_dict())


def _default_condition(run: BehaviorRun) -> pd.DataFrame:
    """The layer sweep's rows of the held-out items at the chosen layer and -m, 0, +m, as
    `compare_conditions`' default condition (no extra system prompt), items numbered by their place
    among the held-out items.
    """
    layer, m, held = run.choice.layer, run.choice.multiplier, run.choice.held_items
    rows = run.results[(run.results["layer"] == layer) & run.results["multiplier"].isin([-m, 0.0, m])]
    rows = rows[rows["item"].isin(held)]
    position = {int(item): i for i, item in enumerate(held)}
    return rows.assign(item=rows["item"].map(position), condition="default", system="")


def _systems(run: BehaviorRun) -> dict | None:
    """The system-prompt comparison on the held-out items at the chosen layer and m (the default
    condition from the layer sweep); the prompts used (None for a behaviour that ships none,
    e.g. one only in the official CAA data).
    """
    try:
        prompts = load_info(run.vecs.behavior)["system_prompts"]
    except ValueError:
        return None
    prompted = compare_conditions(
        run.model, run.vecs, run.held, system_prompts=prompts, layer=run.choice.layer,
        multiplier=run.choice.multiplier, scale=run.s.scale, conditions=("positive", "negative"),
        progress=run.progress,
    )  # fmt: skip
    results = pd.concat([_default_condition(run), prompted], ignore_index=True)
    write_csv(run.files.systems_csv, results)
    write_csv(run.files.systems_summary_csv, summarize_conditions(results))
    return {key: prompts[key] for key in ("positive", "negative")}


def _sites(run: BehaviorRun, acts: dict) -> None:
    """Held-out effect at +-m of each extra site's vectors at every layer, with resid_post's from the layer sweep.

    Layers where a site's vector is exactly zero are left out: resid_pre at layer 0 holds only the
    answer letter's embedding, which the letter-balanced difference cancels (nothing to steer with).
    """
    m, sha, files = run.choice.multiplier, run.vecs.dataset_sha256, run.files
    extra = [
        vectors_from(run.model, acts[site], behavior=run.vecs.behavior, dataset_sha256=sha, variant=run.s.variant)
        for site in run.s.sites
    ]
    for v in extra:
        v.save(files.site_vectors(v.site))
    layers = [x for x in extra[0].check_layers(run.s.layers) if all(v.norms()[x] > 0 for v in extra)]
    swept = run.sweep(run.held, vectors=extra, layers=layers, multipliers=[-m, m])
    write_csv(files.site_sweep_csv, swept)
    table = pd.concat([effect_table(run.results, run.choice.held_items), effect_table(swept)], ignore_index=True)
    write_csv(files.site_effects_csv, table[table["multiplier"] == m])


def _transfer(run: BehaviorRun) -> tuple[int, ...]:
    """Each source layer's vector added at every layer; the source layers."""
    layers = list(range(run.vecs.n_layers)) if run.s.layers is None else list(run.s.layers)
    sources = source_layers(run.s.transfer_sources, layers)
    moved = transfer(
        run.model, run.vecs, letter_balanced(run.test, run.s.transfer_items), source_layers=sources,
        target_layers=run.s.layers,
        multiplier=run.choice.multiplier, scale=run.s.scale, prefixes=run.prefixes, progress=run.progress,
    )  # fmt: skip
    write_csv(run.files.transfer_csv, moved)
    return tuple(sources)


def _reliability(run: BehaviorRun, acts) -> Reliability:
    """Log-odds effect and per-item steerability on the held-out items at the chosen layer (from the
    layer sweep's rows) and the predictors from the activations (no model pass); writes both tables.
    """
    choice, results = run.choice, run.results
    if choice is None or results is None:
        raise ValueError("reliability reads the layer sweep: run the sweeps first")
    layer = choice.layer
    held = results[results["item"].isin(choice.held_items)]
    slopes = item_slopes(held, layers=[layer])
    write_csv(run.files.steerability_csv, slopes)
    steer = steerability_summary(slopes).iloc[0]
    predictors = pd.concat([reliability_predictors(acts, remove_letter=r) for r in (False, True)], ignore_index=True)
    write_csv(run.files.predictors_csv, predictors)
    at = predictors[predictors["letter_removed"] & (predictors["layer"] == layer)].iloc[0]
    effect, sem = held_out_effect(results, choice, "logodds")
    return Reliability(
        effect_logodds=effect, effect_logodds_sem=sem, anti_steerable=float(steer["anti_steerable"]),
        slope=float(steer["slope"]), slope_sd=float(steer["slope_sd"]), agreement=float(at["agreement"]),
        separation=float(at["separation"]),
    )  # fmt: skip


def _coherence(run: BehaviorRun, prompt: str, reply: str) -> tuple[float, bool]:
    """Perplexity of a steered reply under the unsteered model, and the coherence guard's flag."""
    ppl = reply_perplexity(run.model, prompt, reply, fmt=resolve_format(run.model, None, run.vecs))
    return ppl, is_degenerate(text_stats(reply), ppl)


def _detection(run: BehaviorRun, prompt: str) -> Detection:
    """Replies at +m, 0, -m with their scores and coherence; token scores of the +m reply and of a test prompt."""
    model, vecs, files, item = run.model, run.vecs, run.files, run.test[0]
    layer, m = run.choice.layer, run.choice.multiplier
    mults = [m, 0.0, -m]
    replies = generate(
        model, [prompt] * 3, vectors=vecs, layer=layer, multiplier=mults, scale=run.s.scale,
        max_new_tokens=run.s.max_new_tokens,
    )  # fmt: skip
    scores = [token_scores(model, vecs, reply, prompt=prompt) for reply in replies]
    write_csv(files.tokens_reply_csv, scores[0])
    write_csv(files.tokens_prompt_csv, token_scores(model, vecs, f"({item.matching})", prompt=item.question))
    rows = tuple(
        Reply(x, r, text_score(f, layer), *_coherence(run, prompt, r))
        for x, r, f in zip(mults, replies, scores, strict=True)
    )
    return Detection(prompt, layer, rows)


def _probe(scores: pd.DataFrame) -> Probe:
    best = scores.loc[scores["probe_accuracy"].idxmax()]
    return Probe(separation_layer(scores), int(best["layer"]), float(best["probe_accuracy"]))


def _pca(run: BehaviorRun, acts) -> tuple[Probe, Probe]:
    """PCA points and probe separation with the letter direction kept and removed; the probes of each."""
    points, scores = zip(*(pca_separation(acts, remove_letter=r) for r in (False, True)), strict=True)
    write_csv(run.files.pca_points_csv, pd.concat(points, ignore_index=True))
    write_csv(run.files.separation_csv, pd.concat(scores, ignore_index=True))
    return _probe(scores[0]), _probe(scores[1])


def analyse_behavior(
    model, behavior: str, folder: Path, s: ReportSettings, *, root=None, progress: bool = True
) -> BehaviorSummary:
    """Run every per-behaviour analysis, write its files into `folder`, and return its summary."""
    files, timings = BehaviorLayout(folder), dict[str, float]()  # stage -> seconds
    items, test, sha, prompt = _load(behavior, root, s)
    extras = s.extras(behavior)
    with _timed(timings, "collect"):
        site_acts = collect_sites(model, items, [DEFAULT_SITE, *(s.sites if extras else ())], progress=progress)
    acts = site_acts[DEFAULT_SITE]
    vecs = vectors_from(model, acts, behavior=behavior, dataset_sha256=sha, variant=s.variant)
    vecs.save(files.vectors)
    write_csv(files.diagnostics_csv, diagnostics(vecs))
    write_csv(files.layer_cosines_csv, layer_cosines(vecs).reset_index())
    # the test items' prompts run once into the KV caches every sweep below shares
    run = BehaviorRun(model, vecs, test, s, files, PrefixCache(model), progress)
    with _timed(timings, "sweeps"):
        at_choice = _sweeps(run)
    systems = None
    if extras:
        with _timed(timings, "system_prompts"):
            systems = _systems(run)
    if extras and s.sites:
        with _timed(timings, "sites"):
            _sites(run, site_acts)
    with _timed(timings, "transfer"):
        sources = _transfer(run)
    with _timed(timings, "pca"):
        kept, removed = _pca(run, acts)
    with _timed(timings, "detection"):
        detection = _detection(run, prompt)
    with _timed(timings, "reliability"):
        reliability = _reliability(run, acts)
    summary = BehaviorSummary(
        behavior=behavior, model=model_name(model), settings=s.as_json(), caa_lens=__version__,
        n_pairs=len(items), n_test=len(test), dataset_sha256=sha, held_out=run.choice, at_choice=at_choice,
        letter_cosine=float(vecs.letter_cosine[run.choice.layer]), transfer_sources=sources,
        probe_kept=kept, probe_removed=removed, detection=detection, system_prompts=systems, seconds=timings,
        reliability=reliability,
    )  # fmt: skip
    write_json(files.summary, summary.to_json())
    return summary


def _is_done(files: BehaviorLayout, name: str, s: ReportSettings) -> bool:
    """True when `files` holds a finished run of model `name` with these settings; ValueError if they differ."""
    if not files.summary.is_file():
        return False
    old = read_json(files.summary)
    if (old["model"], old["settings"]) != (name, s.as_json()):
        raise ValueError(
            f"{files.folder} holds results for {old['model']} with settings {old['settings']}; "
            "pass overwrite=True (--overwrite) or choose another output folder"
        )
    return True


def run_report(
    model,
    behaviors,
    out_dir,
    *,
    root=None,
    overwrite: bool = False,
    progress: bool = True,
    settings: ReportSettings | None = None,
    executor: str | Executor = "inprocess",
    **fields,
) -> Path:
    """Analyse each behaviour (or reuse a finished folder), write the tables across them, then render the report.

    Args:
        model: a TransformerBridge, or an `executor.ModelSpec` (a model's load arguments: what the ray
            executor needs, each worker loading its own replica).
        behaviors: behaviour names; those without data files are skipped and listed in the report.
        out_dir: output folder.
        root: a local copy of the official CAA repository (None: the shipped datasets).
        overwrite: recompute behaviours that already have results.
        progress: show tqdm bars.
        settings: what to compute (default: `ReportSettings()` with `fields` replaced).
        executor: where the behaviours run: "inprocess" (default), "ray" (a local Ray cluster, 2
            workers) or an `executor.RayExecutor(address=..., workers=...)`; every executor writes the same files.
        **fields: `ReportSettings` fields: max_pairs, n_test, layers, multipliers, scale,
            transfer_sources, transfer_items, max_new_tokens, detail_items, sites, extras_for.

    Returns:
        The path of `report.html`.

    Raises:
        ValueError: bad settings, a folder finished with other settings and no `overwrite`, or no
            behaviour with its data files.
    """
    s = replace(settings, **fields) if settings is not None else ReportSettings(**fields)
    behaviors = [check_behavior_name(b) for b in behaviors]  # each becomes a folder name: checked before any work
    layout = ReportLayout(out_dir)
    with locked(layout.folder):  # a second run into the same folder fails at once instead of mixing files
        with executor_for(executor).open(model) as session:
            return _run_locked(session, behaviors, layout, s, root, overwrite, progress)


def _run_locked(
    session, behaviors, layout: ReportLayout, s: ReportSettings, root, overwrite: bool, progress: bool
) -> Path:
    done, skipped, todo = [], {}, []
    for behavior in behaviors:
        missing = [
            p for p in (behavior_path(behavior, x, root=root) for x in ("generate", "test_ab")) if not p.is_file()
        ]
        if missing:
            skipped[behavior] = f"no data file {missing[0]}"
            tqdm.write(f"report: skipping {behavior}: {skipped[behavior]}")
            continue
        files = layout.behavior(behavior)
        if overwrite or not _is_done(files, session.model_name, s):
            files.clear()
            todo.append(Unit(behavior, files.folder, files.summary.name))
        done.append(behavior)
    work = partial(analyse_behavior, s=s, root=root, progress=progress)  # each unit: work(model, behavior, folder)
    for _ in tqdm(session.run(work, todo), total=len(todo), desc="report", disable=not progress):
        pass  # each unit's folder is complete (summary last) when it is yielded
    if not done:  # every behaviour skipped: an empty report would pass for a finished one
        reasons = "; ".join(f"{b}: {why}" for b, why in skipped.items())
        raise ValueError(f"no behaviour to report, every one was skipped ({reasons})")
    shown = s.as_json() | {"detail_multipliers": detail_multipliers(s.multipliers)}
    page = {
        "model": session.model_name,
        "dtype": session.dtype,
        "settings": shown,
        "skipped": skipped,
    } | write_across(layout, done)
    write_json(layout.page_data, page)
    return render_report(layout)
