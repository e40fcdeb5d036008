"""The report on a tiny random model: files written, resumable, and every figure renders in headless Chromium."""

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from plotly.offline import get_plotlyjs

from caa_lens import SteeringVectors, compare_conditions, letter_balanced, load_ab, load_info
from caa_lens.cli import main
from caa_lens.core.vectors import LETTER_COSINE_LIMIT
from caa_lens.evaluation.effects import held_out_effect, split_items
from caa_lens.report import run as report
from caa_lens.report.html import ACROSS_FIGURES, FIGURES, _letter_mark, page, render_report, section
from caa_lens.report.layout import ReportLayout
from caa_lens.report.run import ReportSettings, run_report, source_layers
from caa_lens.report.summary import BehaviorSummary

from .conftest import ab_items, write_items

BEHAVIOR, OTHER = "tiny-behavior", "refusal"  # OTHER's name is shipped, so it gets its system prompts
SETTINGS = dict(max_pairs=8, n_test=6, multipliers=[-1, 0, 1], transfer_sources=2, max_new_tokens=6, sites=["mlp_out"])
WITHOUT_SYSTEMS = {BEHAVIOR: {"system_prompts"}, OTHER: set()}  # figures a behaviour does not get


def caa_root(tmp_path):
    """A folder in the official CAA layout holding two small behaviours."""
    root = tmp_path / "CAA"
    for seed, behavior in enumerate((BEHAVIOR, OTHER)):
        for split, name, items in (
            ("generate", "generate_dataset.json", ab_items(8, seed)),
            ("test", "test_dataset_ab.json", ab_items(6, seed + 5)),
        ):
            (root / split / behavior).mkdir(parents=True)
            write_items(root / split / behavior / name, items)
    return root


@pytest.fixture(scope="session")
def chromium():
    """Path of headless Chromium (`make setup` installs it)."""
    path = shutil.which("chromium")
    if path is None:
        pytest.fail("chromium is not installed: run `make setup` (it installs Debian's chromium)")
    return path


@pytest.fixture(scope="module")
def built(tiny, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("report")
    out = tmp_path / "out"
    path = run_report(
        tiny, [BEHAVIOR, "absent-behavior", OTHER], out, root=caa_root(tmp_path), progress=False, **SETTINGS
    )
    return tiny, tmp_path, out, path


def test_files(built):
    _, _, out, path = built
    folder = out / BEHAVIOR
    summary = json.loads((folder / "summary.json").read_text())
    assert summary["n_pairs"] == 8 and summary["n_test"] == 6 and summary["settings"]["transfer_sources"] == 2
    assert {"layer", "multiplier", "effect", "effect_sem"} <= set(summary["held_out"])
    assert SteeringVectors.load(folder / "vectors.safetensors").behavior == BEHAVIOR
    for behavior, absent in WITHOUT_SYSTEMS.items():
        for name, _, _ in FIGURES:
            assert (out / behavior / f"{name}.html").is_file() == (name not in absent), (behavior, name)
    for name in (
        "layer_sweep",
        "layer_sweep_summary",
        "multiplier_sweep_summary",
        "transfer",
        "pca_points",
        "separation",
        "tokens_reply",
    ):
        assert (folder / f"{name}.csv").is_file(), name
    sweep = pd.read_csv(folder / "layer_sweep.csv")
    assert len(sweep) == 4 * 3 * 6  # layers x multipliers x items; m = 0 at every layer
    unsteered = sweep[sweep["multiplier"] == 0].pivot(index="item", columns="layer", values="p_matching")
    spread = unsteered.max(axis=1) - unsteered.min(axis=1)  # separate branches: equal up to summation order
    assert (spread < 1e-5).all() and unsteered.notna().all().all() and unsteered.shape == (6, 4)
    sites = pd.read_csv(folder / "site_effects.csv")
    held = summary["held_out"]
    assert sorted(sites["site"].unique()) == ["mlp_out", "resid_post"] and len(sites) == 2 * 4
    assert (sites["multiplier"] == held["multiplier"]).all() and (sites["n_items"] == held["n_held_out"]).all()
    at_choice = sites.query("site == 'resid_post' and layer == @held['layer']")["effect"]
    assert at_choice.item() == pytest.approx(held["effect"])  # the layer sweep's held-out effect, not a new one
    assert SteeringVectors.load(folder / "vectors_mlp_out.safetensors").site == "mlp_out"
    assert summary["system_prompts"] is None and "sites" in summary["seconds"]
    systems = pd.read_csv(out / OTHER / "system_prompts_summary.csv")
    assert sorted(systems["condition"].unique()) == ["default", "negative", "positive"] and len(systems) == 9
    assert (systems.query("multiplier == 0")["change"] == 0).all()
    other = json.loads((out / OTHER / "summary.json").read_text())
    assert other["system_prompts"]["positive"] in page_text(path) and (systems["n_items"] == 3).all()
    for name in ("multiplier_sweeps", "behavior_cosines"):
        assert (out / f"{name}.html").is_file() and (out / f"{name}.csv").is_file(), name
    assert "../plotly.min.js" in (folder / "layer_sweep.html").read_text() and (out / "plotly.min.js").is_file()
    page = path.read_text()
    assert (
        page.count(get_plotlyjs()[-2000:]) == 1 and "<script src" not in page
    )  # plotly.js embedded once, nothing fetched
    assert "skipped absent-behavior" in page and f"{summary['held_out']['effect']:+.3f}" in page
    vectors = SteeringVectors.load(folder / "vectors.safetensors")
    assert vectors.variant == summary["settings"]["variant"] == "balanced"  # the default
    flagged = abs(summary["letter_cosine"]) > LETTER_COSINE_LIMIT
    assert (f"{summary['letter_cosine']:+.2f} &#9888;" in page) == flagged


def test_a_vector_that_is_partly_the_letter_is_flagged():
    assert "&#9888;" in _letter_mark(-0.45) and "&#9888;" in _letter_mark(LETTER_COSINE_LIMIT + 0.01)
    assert "&#9888;" not in _letter_mark(0.29) and "&#9888;" not in _letter_mark(-LETTER_COSINE_LIMIT)


def test_system_prompt_comparison_is_the_libraries_on_the_held_out_items(built):
    tiny, tmp_path, out, _ = built
    folder, summary = out / OTHER, json.loads((out / OTHER / "summary.json").read_text())
    held = split_items(pd.read_csv(folder / "layer_sweep.csv"))[1]
    test = letter_balanced(load_ab(tmp_path / "CAA" / "test" / OTHER / "test_dataset_ab.json"))  # the report's order
    h = summary["held_out"]
    fresh = compare_conditions(
        tiny, SteeringVectors.load(folder / "vectors.safetensors"), [test[i] for i in held],
        system_prompts=load_info(OTHER)["system_prompts"], layer=h["layer"], multiplier=h["multiplier"],
        scale="relative", progress=False,
    )  # fmt: skip
    keys = ["condition", "multiplier", "item"]
    ours = pd.read_csv(folder / "system_prompts.csv").set_index(keys).sort_index()["p_matching"]
    pd.testing.assert_series_equal(
        ours, fresh.set_index(keys).sort_index()["p_matching"], atol=1e-5, rtol=0, check_dtype=False
    )


def test_resume_skips_finished_behaviours(built, monkeypatch):
    tiny, tmp_path, out, _ = built
    monkeypatch.setattr(report, "analyse_behavior", lambda *a, **k: pytest.fail("a finished behaviour was recomputed"))
    run_report(tiny, [BEHAVIOR, OTHER], out, root=tmp_path / "CAA", progress=False, **SETTINGS)
    with pytest.raises(ValueError, match="overwrite"):
        run_report(tiny, [BEHAVIOR], out, root=tmp_path / "CAA", progress=False, **(SETTINGS | {"n_test": 5}))


def page_text(path: Path) -> str:
    return html.unescape(path.read_text())


def _named(files, figures, absent=()) -> set[Path]:
    """Every path a layout names (file properties, its sites' vectors, the figures of `figures`),
    less those whose name starts with one of `absent`."""
    paths = {getattr(files, k) for k, v in vars(type(files)).items() if isinstance(v, property)}
    paths |= {files.site_vectors(site) for site in SETTINGS["sites"]} if hasattr(files, "site_vectors") else set()
    paths |= {files.figure(name) for name, _, _ in figures}
    return {p for p in paths if isinstance(p, Path) and not p.name.startswith(tuple(absent))}


def test_reliability_reuses_the_sweep_and_the_activations(built):
    _, _, out, path = built
    folder = out / BEHAVIOR
    summary = BehaviorSummary.from_json(json.loads((folder / "summary.json").read_text()))
    r, h = summary.reliability, summary.held_out
    sweep = pd.read_csv(folder / "layer_sweep.csv")
    slopes = pd.read_csv(folder / "steerability.csv")
    assert sorted(slopes["item"]) == sorted(h.held_items) and (slopes["layer"] == h.layer).all()
    assert r.anti_steerable == pytest.approx(slopes["anti_steerable"].mean())
    assert (r.effect_logodds, r.effect_logodds_sem) == pytest.approx(held_out_effect(sweep, h, "logodds"))
    predictors = pd.read_csv(folder / "predictors.csv").query("letter_removed and layer == @h.layer")
    assert r.agreement == pytest.approx(predictors["agreement"].item()) and -1 <= r.agreement <= 1
    assert all(reply.perplexity > 1 and reply.degenerate in (True, False) for reply in summary.detection.replies)
    table = pd.read_csv(out / "held_out.csv").set_index("behavior")
    assert table.loc[BEHAVIOR, "anti_steerable"] == pytest.approx(r.anti_steerable)
    page = path.read_text()
    assert f"{r.effect_logodds:+.2f} ± {r.effect_logodds_sem:.2f}" in page and f"{r.anti_steerable:.0%}" in page
    for name in ("predictor_agreement", "predictor_separation"):
        assert (out / f"{name}.html").is_file()


def test_layout_names_every_file(built):
    layout = ReportLayout(built[2])
    named = _named(layout, ACROSS_FIGURES) | {
        p for b, absent in WITHOUT_SYSTEMS.items() for p in _named(layout.behavior(b), FIGURES, absent)
    }
    assert {p for p in layout.folder.rglob("*") if p.is_file()} == named


def test_renderer_needs_only_the_folder(built, tmp_path):
    out = built[2]
    copy = shutil.copytree(out, tmp_path / "copy")
    unstamped = lambda text: re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "", text)  # noqa: E731
    assert unstamped(render_report(ReportLayout(copy)).read_text()) == unstamped((out / "report.html").read_text())


def test_templates_escape_text():
    assert section("a'<b>", "a'<b>", "<p>x</p>") == "<h2 id='a&#x27;&lt;b&gt;'>a&#x27;&lt;b&gt;</h2><p>x</p>"
    assert "<title>a &amp; &lt;b&gt;</title>" in page("a & <b>", "")


def test_settings_are_checked():
    with pytest.raises(ValueError, match="-m"):
        ReportSettings(multipliers=(0.0, 1.0))
    with pytest.raises(ValueError, match="site"):
        ReportSettings(sites=("mlp",))
    picked = ReportSettings(sites=("resid_post", "mlp_out", "mlp_out"), extras_for=["refusal"])
    assert picked.sites == ("mlp_out",) and picked.extras("refusal") and not picked.extras("sycophancy")
    assert ReportSettings().extras("anything") and ReportSettings().sites == ()
    assert source_layers(3, list(range(30))) == [7, 14, 22]
    assert source_layers((5, 1), list(range(30))) == [1, 5]


def test_report_renders_in_chromium(built, chromium):
    _, tmp_path, out, path = built
    screenshot = tmp_path / "report.png"
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=20000",
        "--window-size=1400,3000",
        f"--screenshot={screenshot}",
        "--dump-dom",
        path.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    errors = [
        line for line in done.stderr.splitlines() if "CONSOLE" in line and ("Uncaught" in line or "Error" in line)
    ]
    assert not errors, errors
    dom = done.stdout
    expected = len(re.findall(r'<div id="[^"]+" class="plotly-graph-div"', path.read_text()))
    assert expected == 2 * sum(1 for name, _, _ in FIGURES if not name.endswith("_text")) - 1 + len(
        ACROSS_FIGURES
    )  # two behaviours (one without system prompts), and the figures across them
    assert dom.count('class="plot-container plotly"') == expected, "some figures did not render"
    assert screenshot.stat().st_size > 10_000
    print(f"screenshot: {screenshot}")


def test_cli_report_and_detect(built, tiny_dir, capsys):
    _, tmp_path, _, _ = built
    out = tmp_path / "cli"
    args = [
        "report",
        "--model",
        str(tiny_dir),
        "--caa-root",
        str(tmp_path / "CAA"),
        "--behaviors",
        BEHAVIOR,
        "--out",
        str(out),
        "--max-pairs",
        "8",
        "--n-test",
        "6",
        "--multipliers",
        "-1,0,1",
        "--transfer-sources",
        "1,2",
        "--max-new-tokens",
        "4",
        "--sites",
        "resid_pre",
        "attn_out",
        "--extras-for",
        f"{OTHER},{BEHAVIOR}",
    ]
    assert main(args) == 0 and (out / "report.html").is_file()
    sites = pd.read_csv(out / BEHAVIOR / "site_effects.csv")
    assert sorted(sites["site"].unique()) == ["attn_out", "resid_post", "resid_pre"]
    assert json.loads((out / BEHAVIOR / "summary.json").read_text())["transfer_sources"] == [1, 2]
    page = tmp_path / "tokens.html"
    vectors = str(out / BEHAVIOR / "vectors.safetensors")
    assert (
        main(
            [
                "detect",
                "--model",
                str(tiny_dir),
                "--vectors",
                vectors,
                "--layer",
                "1",
                "--prompt",
                "Do you like cats?",
                "--html",
                str(page),
                "Yes, I like cats.",
            ]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert "'<|im_start|>'" in printed and "mean cosine over the reply" in printed and "<span" in page.read_text()
    assert (
        main(["report", "--model", str(tiny_dir), "--behaviors", BEHAVIOR, "--out", str(out), "--multipliers", "0,1"])
        == 2
    )
