"""One run's report: every CAA analysis of each behaviour, as CSVs, figures and one HTML page.

Per behaviour: activations collected once (vectors, diagnostics, PCA); an A/B sweep over layers x
multipliers, where `evaluate.held_out` picks layer and m on half the test items and measures
p(+m) - p(-m) on the other half; a finer multiplier sweep at that layer; cross-layer cosines;
transfer of a few layers' vectors to every layer; PCA separation with and without the letter
direction; per-token detection on steered replies and a test prompt; on the held-out half, the
system-prompt comparison (`system_prompts`, for behaviours that ship the prompts) and, when
`sites` are set, the held-out effect of vectors read and added at those sites, every layer
(both only for `ReportSettings.extras_for`). Across behaviours: the multiplier sweeps together,
the held-out table (behaviours ranked by held-out effect / s.e.) and the cosines at the median
chosen layer. This module computes and writes the data: each behaviour's
folder gets its vectors, CSVs and `summary.json`, written last (a rerun skips a finished
behaviour); the report folder gets the tables across behaviours and `report.json`. Files are named
by `report_layout`; `report_html` then renders the figures and the page from those files alone.
"""

import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from .._io import write_csv, write_json
from .._version import __version__
from ..analysis.detect import text_score, token_scores
from ..analysis.geometry import behavior_cosines, layer_cosines, pca_separation, separation_layer
from ..core.collect import collect_sites
from ..core.kv import PrefixCache
from ..core.models import model_name
from ..core.steering import generate
from ..core.vectors import SteeringVectors, diagnostics, vectors_from
from ..datasets.load import behavior_path, file_sha256, load_ab, load_info, load_open_ended
from ..evaluation.effects import effect_table, effects, held_out, split_items, summarize
from ..evaluation.sweep import sweep
from ..evaluation.system_prompts import compare_conditions, summarize_conditions
from ..evaluation.transfer import transfer
from ..options import DEFAULT_SITE
from .html import render_report
from .layout import BehaviorLayout, ReportLayout, read_json
from .settings import ReportSettings


@contextmanager
def _timed(timings: dict, stage: str):
    start = time.perf_counter()
    yield
    timings[stage] = round(time.perf_counter() - start, 1)


def detail_multipliers(multipliers) -> list[float]:
    """The finer sweep at the chosen layer: 13 steps over +-1.5 x the largest multiplier."""
    top = 1.5 * max(abs(m) for m in multipliers)
    return [round(float(m), 4) + 0.0 for m in np.linspace(-top, top, 13)]


def source_layers(spec: int | tuple[int, ...], layers: list[int]) -> list[int]:
    """Explicit source layers, or that many spread evenly inside `layers`."""
    if not isinstance(spec, int):
        return sorted(spec)
    picks = np.linspace(0, len(layers) - 1, spec + 2)[1:-1] if spec < len(layers) else range(len(layers))
    return sorted({layers[int(round(i))] for i in picks})


def _load(behavior: str, root, s: ReportSettings):
    """(generate items, test items, generate file's SHA-256, a free-form prompt)."""
    path = behavior_path(behavior, "generate", root=root)
    test = load_ab(behavior_path(behavior, "test_ab", root=root))[: s.n_test]
    open_path = behavior_path(behavior, "test_open_ended", root=root)
    prompt = load_open_ended(open_path)[0].question if open_path.is_file() else test[0].question
    return load_ab(path)[: s.max_pairs], test, file_sha256(path), prompt


def _sweeps(
    model, vecs, test, s: ReportSettings, files: BehaviorLayout, prefixes, progress
) -> tuple[dict, pd.DataFrame]:
    """Layer sweep, held-out choice, finer multiplier sweep; the choice plus p and letter mass at -m, 0, +m
    and the effect on all test items grouped by their matching letter (a letter bias shows as opposite signs);
    the layer sweep's results.

    The layer sweep always includes m = 0 (computed once per item, `evaluate.sweep`); the finer
    sweep runs on the first `detail_items` test items (all when None).
    """
    multipliers = sorted(set(s.multipliers) | {0.0})
    results = sweep(
        model, vecs, test, layers=s.layers, multipliers=multipliers, scale=s.scale, prefixes=prefixes, progress=progress
    )
    choice = held_out(results)
    layer, m = choice["layer"], choice["multiplier"]
    detail = sweep(
        model,
        vecs,
        test[: s.detail_items],
        layers=[layer],
        multipliers=detail_multipliers(s.multipliers),
        scale=s.scale,
        prefixes=prefixes,
        progress=progress,
    )
    write_csv(files.layer_sweep_csv, results)
    write_csv(files.layer_sweep_summary_csv, summarize(results))
    write_csv(files.multiplier_sweep_csv, detail)
    write_csv(files.multiplier_sweep_summary_csv, summarize(detail))
    at = summarize(results).query("layer == @layer").set_index("multiplier").loc[[-m, 0.0, m]]
    effect = effects(results[results["layer"] == layer]).query("multiplier == @m")
    by_letter = effect.groupby([test[i].matching for i in effect["item"]])["effect"].mean()
    return (
        choice
        | {key: at[key].round(4).tolist() for key in ("p_matching", "letter_mass")}
        | {"effect_by_letter": by_letter.round(4).to_dict()}
    ), results


def _default_condition(results: pd.DataFrame, held, layer: int, m: float) -> pd.DataFrame:
    """The layer sweep's rows of the held-out items at `layer` and -m, 0, +m, as `compare_conditions`'
    default condition (no extra system prompt), items numbered by their place in `held`."""
    rows = results[(results["layer"] == layer) & results["multiplier"].isin([-m, 0.0, m])]
    rows = rows[rows["item"].isin(held)]
    position = {int(item): i for i, item in enumerate(held)}
    return rows.assign(item=rows["item"].map(position), condition="default", system="")


def _systems(model, vecs, results, test, held, choice: dict, s: ReportSettings, files, progress) -> dict | None:
    """The system-prompt comparison on the held-out items at the chosen layer and m (the default
    condition from the layer sweep); the prompts used (None for a behaviour that ships none,
    e.g. one only in the official CAA data)."""
    try:
        prompts = load_info(vecs.behavior)["system_prompts"]
    except ValueError:
        return None
    layer, m = choice["layer"], choice["multiplier"]
    prompted = compare_conditions(
        model, vecs, [test[i] for i in held], system_prompts=prompts, layer=layer, multiplier=m, scale=s.scale,
        conditions=("positive", "negative"), progress=progress,
    )  # fmt: skip
    results = pd.concat([_default_condition(results, held, layer, m), prompted], ignore_index=True)
    write_csv(files.systems_csv, results)
    write_csv(files.systems_summary_csv, summarize_conditions(results))
    return {key: prompts[key] for key in ("positive", "negative")}


def _sites(model, acts: dict, vecs, results, test: list, held, choice: dict, s, files, prefixes, progress) -> None:
    """Held-out effect at +-m of each extra site's vectors at every layer, with resid_post's from the layer sweep."""
    m, sha = choice["multiplier"], vecs.dataset_sha256
    extra = [vectors_from(model, acts[site], behavior=vecs.behavior, dataset_sha256=sha) for site in s.sites]
    for v in extra:
        v.save(files.site_vectors(v.site))
    swept = sweep(
        model, extra, [test[i] for i in held], layers=s.layers, multipliers=[-m, m], scale=s.scale,
        prefixes=prefixes, progress=progress,
    )  # fmt: skip
    write_csv(files.site_sweep_csv, swept)
    table = pd.concat([effect_table(results, held), effect_table(swept)], ignore_index=True)
    write_csv(files.site_effects_csv, table[table["multiplier"] == m])


def _detection(model, vecs, prompt: str, item, choice: dict, s: ReportSettings, files: BehaviorLayout) -> dict:
    """Replies at +m, 0, -m with their scores; token scores of the +m reply and of a test prompt."""
    layer, m = choice["layer"], choice["multiplier"]
    mults = [m, 0.0, -m]
    replies = generate(
        model, [prompt] * 3, vectors=vecs, layer=layer, multiplier=mults, scale=s.scale, max_new_tokens=s.max_new_tokens
    )
    scores = [token_scores(model, vecs, reply, prompt=prompt) for reply in replies]
    write_csv(files.tokens_reply_csv, scores[0])
    write_csv(files.tokens_prompt_csv, token_scores(model, vecs, f"({item.matching})", prompt=item.question))
    rows = [
        {"multiplier": x, "reply": r, "score": text_score(f, layer)}
        for x, r, f in zip(mults, replies, scores, strict=True)
    ]
    return {"prompt": prompt, "layer": layer, "replies": rows}


def _probe(scores: pd.DataFrame) -> dict:
    best = scores.loc[scores["probe_accuracy"].idxmax()]
    return {
        "first_layer_0.9": separation_layer(scores),
        "best_layer": int(best["layer"]),
        "best_accuracy": float(best["probe_accuracy"]),
    }


def analyse_behavior(
    model, behavior: str, folder: Path, s: ReportSettings, *, root=None, progress: bool = True
) -> dict:
    """Run every per-behaviour analysis, write its files into `folder`, and return its summary."""
    files, timings = BehaviorLayout(folder), {}  # timings: stage -> seconds
    items, test, sha, prompt = _load(behavior, root, s)
    extras = s.extras(behavior)
    with _timed(timings, "collect"):
        site_acts = collect_sites(model, items, [DEFAULT_SITE, *(s.sites if extras else ())], progress=progress)
    acts = site_acts[DEFAULT_SITE]
    vecs = vectors_from(model, acts, behavior=behavior, dataset_sha256=sha)
    vecs.save(files.vectors)
    write_csv(files.diagnostics_csv, diagnostics(vecs))
    write_csv(files.layer_cosines_csv, layer_cosines(vecs).reset_index())
    prefixes = PrefixCache(model)  # the test items' prompts, run once for every sweep below
    with _timed(timings, "sweeps"):
        choice, results = _sweeps(model, vecs, test, s, files, prefixes, progress)
    held = split_items(results)[1]  # the items `held_out` measured on (not those that chose layer and m)
    systems = None
    if extras:
        with _timed(timings, "system_prompts"):
            systems = _systems(model, vecs, results, test, held, choice, s, files, progress)
    if extras and s.sites:
        with _timed(timings, "sites"):
            _sites(model, site_acts, vecs, results, test, held, choice, s, files, prefixes, progress)
    sources = source_layers(s.transfer_sources, list(range(vecs.n_layers)) if s.layers is None else list(s.layers))
    with _timed(timings, "transfer"):
        moved = transfer(
            model,
            vecs,
            test[: s.transfer_items],
            source_layers=sources,
            target_layers=s.layers,
            multiplier=choice["multiplier"],
            scale=s.scale,
            prefixes=prefixes,
            progress=progress,
        )
    write_csv(files.transfer_csv, moved)
    with _timed(timings, "pca"):
        points, scores = zip(*(pca_separation(acts, remove_letter=r) for r in (False, True)), strict=True)
    write_csv(files.pca_points_csv, pd.concat(points, ignore_index=True))
    write_csv(files.separation_csv, pd.concat(scores, ignore_index=True))
    with _timed(timings, "detection"):
        detection = _detection(model, vecs, prompt, test[0], choice, s, files)
    summary = {
        "behavior": behavior,
        "model": model_name(model),
        "settings": s.as_json(),
        "caa_lens": __version__,
        "n_pairs": len(items),
        "n_test": len(test),
        "dataset_sha256": sha,
        "held_out": choice,
        "letter_cosine": float(vecs.letter_cosine[choice["layer"]]),
        "transfer_sources": sources,
        "probe": {"kept": _probe(scores[0]), "removed": _probe(scores[1])},
        "detection": detection,
        "system_prompts": systems,
        "seconds": timings,
    }
    write_json(files.summary, summary)
    return summary


def _is_done(files: BehaviorLayout, model, s: ReportSettings) -> bool:
    """True when `files` holds a finished run with these settings; ValueError if its settings differ."""
    if not files.summary.is_file():
        return False
    old = read_json(files.summary)
    if (old["model"], old["settings"]) != (model_name(model), s.as_json()):
        raise ValueError(
            f"{files.folder} holds results for {old['model']} with settings {old['settings']}; "
            "pass overwrite=True (--overwrite) or choose another output folder"
        )
    return True


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


def _sweeps_across(layout: ReportLayout, behaviors: list[BehaviorLayout]) -> float:
    """Every behaviour's layer sweep at +-(largest m) and its finer multiplier sweep, in one table each; m."""
    layers = pd.concat([pd.read_csv(f.layer_sweep_summary_csv) for f in behaviors], ignore_index=True)
    m = float(layers["multiplier"].abs().max())
    write_csv(layout.layer_sweeps_csv, layers[layers["multiplier"].abs() == m])
    sweeps = pd.concat([pd.read_csv(f.multiplier_sweep_summary_csv) for f in behaviors], ignore_index=True)
    write_csv(layout.multiplier_sweeps_csv, sweeps)
    return m


def _cosines_across(layout: ReportLayout, behaviors: list[BehaviorLayout], summaries: list[dict]) -> int:
    """The cosines between the behaviours' vectors at the median chosen layer; that layer."""
    layer = int(np.median([x["held_out"]["layer"] for x in summaries]))
    matrix = behavior_cosines([SteeringVectors.load(f.vectors) for f in behaviors], layer)
    write_csv(layout.behavior_cosines_csv, matrix.reset_index())
    return layer


def write_across(layout: ReportLayout, behaviors: list[str]) -> dict:
    """Write the tables across finished behaviours; return the page data that goes with them.

    Returns:
        `behaviors` (name and held-out z, in report order), `layer_sweeps_multiplier` and
        `behavior_cosines_layer` (None where there is no such figure: no behaviour, or only one).
    """
    folders = [layout.behavior(b) for b in behaviors]
    summaries = [read_json(f.summary) for f in folders]
    write_csv(layout.held_out_csv, held_out_table(summaries))
    return {
        "behaviors": [{"behavior": x["behavior"], "z": z_score(x["held_out"])} for x in _ranked(summaries)],
        "layer_sweeps_multiplier": _sweeps_across(layout, folders) if folders else None,
        "behavior_cosines_layer": _cosines_across(layout, folders, summaries) if len(folders) > 1 else None,
    }


def run_report(
    model, behaviors, out_dir, *, root=None, overwrite: bool = False, progress: bool = True, **settings
) -> Path:
    """Analyse each behaviour (or reuse a finished folder), write the tables across them, then render the report.

    Args:
        model: a TransformerBridge.
        behaviors: behaviour names; those without data files are skipped and listed in the report.
        out_dir: output folder.
        root: a local copy of the official CAA repository (None: the shipped datasets).
        overwrite: recompute behaviours that already have results.
        progress: show tqdm bars.
        **settings: `ReportSettings` fields: max_pairs, n_test, layers, multipliers, scale,
            transfer_sources, transfer_items, max_new_tokens, detail_items, sites, extras_for.

    Returns:
        The path of `report.html`.

    Raises:
        ValueError: bad settings, or a folder finished with other settings and no `overwrite`.
    """
    s = ReportSettings(**settings)
    layout = ReportLayout(out_dir)
    done, skipped = [], {}
    for behavior in tqdm(list(behaviors), desc="report", disable=not progress):
        missing = [
            p for p in (behavior_path(behavior, x, root=root) for x in ("generate", "test_ab")) if not p.is_file()
        ]
        if missing:
            skipped[behavior] = f"no data file {missing[0]}"
            tqdm.write(f"report: skipping {behavior}: {skipped[behavior]}")
            continue
        files = layout.behavior(behavior)
        if overwrite or not _is_done(files, model, s):
            analyse_behavior(model, behavior, files.folder, s, root=root, progress=progress)
        done.append(behavior)
    settings = s.as_json() | {"detail_multipliers": detail_multipliers(s.multipliers)}
    page = {"model": model_name(model), "settings": settings, "skipped": skipped} | write_across(layout, done)
    write_json(layout.page_data, page)
    return render_report(layout)
