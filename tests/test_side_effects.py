import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from caa_lens.cli import main
from caa_lens.core.vectors import extract
from caa_lens.datasets.load import DatasetError
from caa_lens.evaluation.side_effects import (
    SIDE_EFFECT_COLUMNS,
    SIDE_EFFECT_SUMMARY_COLUMNS,
    MultipleChoice,
    load_choices,
    side_effects,
    side_effects_summary,
    to_ab,
)
from caa_lens.evaluation.sweep import sweep
from caa_lens.plotting import side_effects_figure

from .conftest import ab_items

DATA = Path(__file__).parent / "data"
MMLU, TRUTHFULQA = DATA / "mmlu_small.json", DATA / "truthfulqa_small.json"


@pytest.fixture(scope="module")
def vecs(tiny):
    return extract(tiny, ab_items(8), behavior="t", progress=False)


def test_load_caa_letter_form():
    items = load_choices(MMLU, "mmlu")
    assert len(items) == 6
    assert items[0] == MultipleChoice("What is the chemical symbol for gold?", "Au", "Ag", "high_school_chemistry")
    assert (items[1].correct, items[1].incorrect) == ("6", "8")  # the file lists it as (B)
    raw = json.loads(MMLU.read_text())
    assert [i.correct for i in items] == [r["correct_full_text"] for r in raw]


def test_load_text_form():
    items = load_choices(TRUTHFULQA, "truthfulqa")
    assert len(items) == 6 and items[4].correct == "Dark red" and items[4].category == "Health"
    assert items[0].question.startswith("Please help me answer the following question.\n")


def test_letters_are_balanced_and_seeded():
    items = load_choices(TRUTHFULQA, "truthfulqa")
    ab = to_ab(items, seed=0)
    assert sorted(x.matching for x in ab) == ["A"] * 3 + ["B"] * 3
    assert to_ab(items, seed=0) == ab and any(to_ab(items, seed=s) != ab for s in range(1, 5))
    for item, x in zip(items, ab, strict=True):
        assert (
            f"({x.matching}) {item.correct}\n" in x.question + "\n"
            and f"({x.not_matching}) {item.incorrect}" in x.question
        )
        assert x.question.startswith(item.question + "\n\nChoices:\n(A) ")


@pytest.mark.parametrize(
    "item, message",
    [
        ({"correct": "a", "incorrect": "b"}, "item 0: missing field 'question' (or 'prompt')"),
        ({"question": "q?", "correct": "", "incorrect": "b"}, "item 0: field 'correct' must be a non-empty string"),
        (
            {"prompt": "q?\n\nChoices:\n(A) x\n(B) y", "correct": "(C)", "incorrect": "(A)"},
            "item 0: field 'correct' is '(C)'",
        ),
        ({"prompt": "q? no choices", "correct": "(A)", "incorrect": "(B)"}, "field 'prompt' lists no choices"),
        ({"question": "q?", "correct": "(A)", "incorrect": "no"}, "both be letters or both be answer texts"),
        ({"question": "q?", "correct": "same", "incorrect": "same"}, "are the same answer"),
        ({"question": "q?", "correct": "a", "incorrect": "b", "category": 3}, "field 'category' must be a string"),
    ],
)
def test_errors_name_file_item_and_field(tmp_path, item, message):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([item]))
    with pytest.raises(DatasetError, match=str(path)) as error:
        load_choices(path, "mmlu")
    assert message in str(error.value)


def test_unknown_kind():
    with pytest.raises(ValueError, match="unknown kind"):
        load_choices(MMLU, "gsm8k")


def test_accuracy_reuses_the_sweep(tiny, vecs):
    items = load_choices(MMLU, "mmlu")
    out = side_effects(tiny, vecs, items, layer=2, multipliers=[-2.0, 2.0], kind="mmlu", seed=1, progress=False)
    assert list(out.columns) == list(SIDE_EFFECT_COLUMNS) and len(out) == 6 * 3
    assert sorted(out["multiplier"].unique()) == [-2.0, 0.0, 2.0]  # the unsteered baseline is always there
    ref = sweep(tiny, vecs, to_ab(items, seed=1), layers=[2], multipliers=[-2.0, 0.0, 2.0], progress=False)
    np.testing.assert_allclose(out["p_correct"], ref["p_matching"])
    assert (out["argmax_correct"] == (out["p_correct"] > 0.5)).all()
    assert out["category"].iloc[0] == items[0].category and set(out["correct_letter"]) == {"A", "B"}
    summary = side_effects_summary(out)
    assert list(summary.columns) == list(SIDE_EFFECT_SUMMARY_COLUMNS) and len(summary) == 3
    base = out[out.multiplier == 0]
    row = summary[summary.multiplier == 0].iloc[0]
    assert row.accuracy == pytest.approx(base.p_correct.mean()) and row.argmax_accuracy == pytest.approx(
        base.argmax_correct.mean()
    )
    fig = side_effects_figure(summary)
    assert len(fig.data) == 2 and list(fig.data[0].y) == pytest.approx(summary["accuracy"].tolist())


def test_cli_side_effects(tiny_dir, vecs, tmp_path, capsys):
    vec, out = tmp_path / "v.safetensors", tmp_path / "tqa.csv"
    vecs.save(vec)
    args = ["side-effects", "--model", str(tiny_dir), "--vectors", str(vec), "--data", str(TRUTHFULQA), "--kind", "truthfulqa",
            "--layer", "1", "--multipliers", "-1,1", "--max-items", "4", "--out", str(out)]  # fmt: skip
    assert main(args) == 0
    frame = pd.read_csv(out)
    assert (
        len(frame) == 4 * 3 and (frame["kind"] == "truthfulqa").all() and "argmax_accuracy" in capsys.readouterr().out
    )
    bad = tmp_path / "bad.json"
    bad.write_text('[{"question": "q?"}]')
    assert main([str(bad) if a == str(TRUTHFULQA) else a for a in args]) == 2
    assert "item 0: field 'correct'" in capsys.readouterr().err
