"""The shortcut checks catch planted shortcuts and duplicates, and pass a clean folder."""

import json
import random

import pytest

from caa_lens.cli import main
from caa_lens.datasets.checks import check_behavior_folder
from caa_lens.datasets.shortcuts import option_only_accuracy, shortcut_check, stock_phrases

WORDS = [f"w{k}" for k in range(4000)]


def item(rng, group: str, yes: str, no: str, matching_first: bool) -> dict:
    stem = " ".join(rng.sample(WORDS, 14))
    a, b = (yes, no) if matching_first else (no, yes)
    return {
        "question": f"{stem}?\n\nChoices:\n (A) {a}\n (B) {b}",
        "answer_matching_behavior": "(A)" if matching_first else "(B)",
        "answer_not_matching_behavior": "(B)" if matching_first else "(A)",
        "group": group,
    }


def phrase(rng, n: int = 6) -> str:
    return " ".join(rng.sample(WORDS, n))


def make(folder, *, generate, test, depends_on_user=False):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "generate.json").write_text(json.dumps(generate))
    (folder / "test_ab.json").write_text(json.dumps(test))
    (folder / "behavior.json").write_text(json.dumps({"label_depends_on_user": depends_on_user}))
    return folder


def clean(rng, prefix: str, n: int) -> list[dict]:
    return [item(rng, f"{prefix}{i}", phrase(rng), phrase(rng), i % 2 == 0) for i in range(n)]


def problems_of(folder) -> list[str]:
    return [p.message for p in shortcut_check(folder)[1]]


def test_clean_folder_has_no_shortcut(tmp_path):
    rng = random.Random(0)
    folder = make(tmp_path / "b", generate=clean(rng, "g", 60), test=clean(rng, "t", 20), depends_on_user=True)
    table, problems = shortcut_check(folder)
    assert problems == [] and 0.2 <= table["option_only_accuracy"] <= 0.8


def test_answers_that_give_the_label_away_fail_when_it_should_depend_on_the_user(tmp_path):
    rng = random.Random(1)
    tone = lambda: ("warm lovely " + phrase(rng, 3), "cold harsh " + phrase(rng, 3))  # noqa: E731
    gen = [item(rng, f"g{i}", *tone(), i % 2 == 0) for i in range(60)]
    test = [item(rng, f"t{i}", *tone(), i % 2 == 0) for i in range(20)]
    folder = make(tmp_path / "syc", generate=gen, test=test, depends_on_user=True)
    table, _ = shortcut_check(folder)
    assert table["option_only_accuracy"] == 1.0 and table["first3_accuracy"] == 1.0
    assert any("option only accuracy 1.00 > 0.65" in m for m in problems_of(folder))
    other = make(tmp_path / "refusal", generate=gen, test=test, depends_on_user=False)
    assert not any("accuracy" in m for m in problems_of(other))  # reported, not failed


def test_one_sided_stock_phrase_fails(tmp_path):
    rng = random.Random(2)
    gen = [
        item(rng, f"g{i}", ("i am so sorry but " if i % 3 else "") + phrase(rng), phrase(rng), i % 2 == 0)
        for i in range(60)
    ]
    folder = make(tmp_path / "b", generate=gen, test=clean(rng, "t", 20))
    message = next(m for m in problems_of(folder) if "stock phrases" in m)
    assert "of matching answers" in message and "'i am so sorry'" in message
    covered, top = stock_phrases([(f"x y z w {k}", f"q r s t {k}") for k in range(10)])["matching"]
    assert covered == 1.0 and top[0] == "x y z w"  # in every answer; the others in one each


def test_duplicates_pairs_and_scenarios_across_splits_fail(tmp_path):
    rng = random.Random(3)
    gen = clean(rng, "g", 40)
    test = clean(rng, "t", 20)
    test[0] = {**gen[0], "group": "t0"}  # the same item in another scenario: near-duplicate pair, reused answers
    test[1]["group"] = "g5"  # a scenario in both splits
    gen[7] = {**gen[6], "group": "g7"}  # a copy inside generate under another scenario
    folder = make(tmp_path / "b", generate=gen, test=test)
    found = problems_of(folder)
    assert any("same answer pair as generate.json item 0" in m for m in found)
    assert any("scenario 'g5' is also in generate.json" in m for m in found)
    assert any("near-duplicate of item 6 from another scenario" in m for m in found)
    gen[7]["group"] = "g6"  # the same scenario may hold near-identical items (sycophancy's stance flip)
    assert not any("near-duplicate" in m for m in problems_of(make(folder, generate=gen, test=test)))


def test_checker_and_cli_include_shortcuts(tmp_path, capsys):
    rng = random.Random(4)
    gen = [item(rng, f"g{i}", "sure thing here goes " + phrase(rng), phrase(rng), i % 2 == 0) for i in range(40)]
    folder = make(tmp_path / "b", generate=gen, test=clean(rng, "t", 20))
    assert any("stock phrases" in p.message for p in check_behavior_folder(folder))
    assert main(["datasets", "check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "option_only_accuracy" in out and "stock phrases cover 67% of matching answers" in out  # 40 of 60


@pytest.mark.parametrize("first", [None, 3])
def test_option_only_classifier_is_chance_without_signal(first):
    rng = random.Random(5)
    pairs = [(phrase(rng), phrase(rng)) for _ in range(200)]
    assert option_only_accuracy(pairs[:150], pairs[150:], first=first) == pytest.approx(0.5, abs=0.2)
