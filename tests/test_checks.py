"""Dataset checks: each kind of broken file is reported with its file, item and field."""

import json
import random

import pytest

from caa_lens.cli import main
from caa_lens.datasets.checks import Problem, check_behavior_folder, check_file, check_tree, jaccard, normalise, stats
from caa_lens.datasets.load import BEHAVIORS, SHIPPED_ROOT

VOCAB = [f"w{k}" for k in range(3000)]


def ab_item(rng: random.Random, i: int) -> dict:
    """A question of 15 random words (distinct items share almost none), matching letter alternating."""
    question = " ".join(rng.sample(VOCAB, 15)) + f"?\n\nChoices:\n (A) {rng.choice(VOCAB)}\n (B) {rng.choice(VOCAB)}"
    yes, no = ("(A)", "(B)") if i % 2 == 0 else ("(B)", "(A)")
    return {"question": question, "answer_matching_behavior": yes, "answer_not_matching_behavior": no}


def write(path, data) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def read(path) -> list:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def folder(tmp_path):
    """A clean behaviour folder: 20 generate, 10 test A/B items, 4 open-ended prompts, a rubric."""
    rng = random.Random(0)
    folder = tmp_path / "toy"
    folder.mkdir()
    write(folder / "generate.json", [ab_item(rng, i) for i in range(20)])
    write(folder / "test_ab.json", [ab_item(rng, i) for i in range(10)])
    write(folder / "test_open_ended.json", [{"question": f"Open prompt {w}?"} for w in ("one", "two", "three", "four")])
    anchors = {f"score_{k}": f"level {k}" for k in (0, 2, 5, 8, 10)}
    write(folder / "rubric.json", {"behavior": "toy", "matching": "m", **anchors, "incoherent": "score 0"})
    return folder


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


def test_clean_folder_and_tree(folder):
    assert check_behavior_folder(folder) == []
    assert check_tree(folder.parent) == []


def test_unbalanced_letters(folder):
    items = read(folder / "generate.json")
    for item in items:
        item["answer_matching_behavior"], item["answer_not_matching_behavior"] = "(A)", "(B)"
    write(folder / "generate.json", items)
    p = only(check_behavior_folder(folder))
    assert (p.file, p.item, p.field) == (str(folder / "generate.json"), None, "answer_matching_behavior")
    assert "100% of matching answers are (A) (20/20)" in p.message


def test_duplicate_question(folder):
    items = read(folder / "generate.json")
    write(folder / "generate.json", items + [items[3]])
    p = only(check_file(folder / "generate.json"))
    assert (p.item, p.field) == (20, "question") and "duplicate of item 3" in p.message


def test_generate_test_overlap(folder):
    test = read(folder / "test_ab.json")
    test[4]["question"] = read(folder / "generate.json")[7]["question"].upper()  # same once normalised
    write(folder / "test_ab.json", test)
    problems = check_behavior_folder(folder)  # the copied choices also reuse generate's answer pair
    assert [x.item for x in problems if "same answer pair as generate.json item 7" in x.message] == [4]
    p = only([x for x in problems if "answer pair" not in x.message])
    assert (p.file, p.item, p.field) == (str(folder / "test_ab.json"), 4, "question")
    assert "same question as generate.json item 7" in p.message


def test_near_duplicate(folder):
    source = read(folder / "generate.json")[2]["question"]
    test = read(folder / "test_ab.json")
    test[6]["question"] = source.replace(source.split()[0], "changed", 1)
    write(folder / "test_ab.json", test)
    assert jaccard(set(normalise(source).split()), set(normalise(test[6]["question"]).split())) >= 0.8
    p = only([x for x in check_behavior_folder(folder) if "answer pair" not in x.message])
    assert (p.item, p.field) == (6, "question") and "near-duplicate of generate.json item 2" in p.message


def test_missing_fields_are_all_reported(folder):
    items = read(folder / "generate.json")
    del items[4]["answer_not_matching_behavior"]
    items[9]["answer_matching_behavior"] = "(C)"
    write(folder / "generate.json", items)
    problems = check_file(folder / "generate.json")
    where = {(p.item, p.field) for p in problems}
    assert where == {(4, "answer_not_matching_behavior"), (9, "answer_matching_behavior")}
    assert any("missing field 'answer_not_matching_behavior'" in p.message for p in problems)


def test_open_ended_bad_item(folder):
    write(folder / "test_open_ended.json", [{"question": "fine?"}, {"prompt": "no question"}])
    p = only(check_file(folder / "test_open_ended.json"))
    assert (p.item, p.field) == (1, "question") and "missing field 'question'" in p.message


def test_bad_json(folder):
    (folder / "test_ab.json").write_text('[{"question": ', encoding="utf-8")
    p = only(check_behavior_folder(folder))
    assert (p.file, p.item, p.field) == (str(folder / "test_ab.json"), None, None)
    assert "not valid JSON" in p.message


def test_missing_test_file(folder):
    (folder / "test_ab.json").unlink()
    p = only(check_behavior_folder(folder))
    assert (p.file, p.item) == (str(folder / "test_ab.json"), None) and "file not found" in p.message


def test_missing_behavior_folder(folder):
    p = only(check_tree(folder.parent, behaviors=["toy", "absent"]))
    assert p.file == str(folder.parent / "absent") and "missing" in p.message


def test_stats(folder):
    table = stats(folder.parent).set_index("file")
    assert table.loc["generate.json", "n_items"] == 20 and table.loc["generate.json", "pct_matching_a"] == 50
    assert (
        table.loc["test_ab.json", "question_words_min"] == 15 and table.loc["test_ab.json", "matching_words_mean"] == 1
    )
    assert table.loc["test_open_ended.json", "question_words_max"] == 3


def test_shipped_datasets_pass():
    assert check_tree(SHIPPED_ROOT, behaviors=BEHAVIORS) == []
    table = stats(SHIPPED_ROOT)
    assert set(table["behavior"]) == set(BEHAVIORS) and len(table) == 3 * len(BEHAVIORS)


def test_cli_exit_codes(folder, capsys):
    assert main(["datasets", "check", str(folder)]) == 0
    assert "no problems found" in capsys.readouterr().out
    items = read(folder / "generate.json")
    del items[5]["question"]
    write(folder / "generate.json", items)
    assert main(["datasets", "check", str(folder.parent)]) == 1
    out = capsys.readouterr().out
    assert str(folder / "generate.json") in out and "item 5: field 'question': missing field 'question'" in out
    assert main(["datasets", "check", str(folder / "nowhere")]) == 2
    assert main(["datasets", "stats", str(folder)]) == 0
    assert "test_open_ended.json" in capsys.readouterr().out


def test_cli_shipped(capsys):
    assert main(["datasets", "check"]) == 0
    assert main(["datasets", "stats"]) == 0
    assert "survival-instinct" in capsys.readouterr().out
