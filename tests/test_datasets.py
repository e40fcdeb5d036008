import json

import pytest

import caa_lens as cl
from caa_lens.datasets.load import DatasetError, behavior_path, load_ab, load_behavior, load_open_ended

GOOD = {
    "question": "Pick one.\n\nChoices:\n (A) yes\n (B) no",
    "answer_matching_behavior": "(A)",
    "answer_not_matching_behavior": "(B)",
}


def write(tmp_path, data, name="d.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def test_loads_letters_in_any_spelling(tmp_path):
    items = load_ab(
        write(tmp_path, [GOOD, {**GOOD, "answer_matching_behavior": " B", "answer_not_matching_behavior": "(A) "}])
    )
    assert [(i.matching, i.not_matching) for i in items] == [("A", "B"), ("B", "A")]


def test_letters_beyond_b(tmp_path):
    q = "Which?\n\nChoices:\n" + "\n".join(f" ({x}) option {x}" for x in "ABCDEFGH")
    (item,) = load_ab(
        write(tmp_path, [{"question": q, "answer_matching_behavior": "(H)", "answer_not_matching_behavior": "(C)"}])
    )
    assert (item.matching, item.not_matching) == ("H", "C")


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({k: v for k, v in GOOD.items() if k != "question"}, "item 1: missing field 'question'"),
        (
            {**GOOD, "answer_matching_behavior": "(C)"},
            "item 1: field 'answer_matching_behavior' is 'C', not one of the choices",
        ),
        (
            {**GOOD, "answer_not_matching_behavior": "(A)"},
            "item 1: answer_matching_behavior and answer_not_matching_behavior are both 'A'",
        ),
        (
            {**GOOD, "answer_matching_behavior": "yes"},
            "item 1: field 'answer_matching_behavior' is 'yes', not an answer letter",
        ),
        ({**GOOD, "question": ""}, "item 1: field 'question' must be a non-empty string"),
        ({**GOOD, "question": "No choices here"}, "item 1: field 'question' must list at least two choices"),
        ("just a string", "item 1: expected an object"),
    ],
)
def test_bad_items_name_file_item_and_field(tmp_path, bad, message):
    path = write(tmp_path, [GOOD, bad])
    with pytest.raises(DatasetError) as e:
        load_ab(path)
    assert str(path) in str(e.value) and message in str(e.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [("[]", "has no items"), ("{not json", "not valid JSON"), ('{"a": 1}', "expected a JSON list")],
)
def test_bad_files(tmp_path, content, message):
    with pytest.raises(DatasetError, match=message):
        load_ab(write(tmp_path, content))


def test_missing_file(tmp_path):
    with pytest.raises(DatasetError, match="file not found"):
        load_ab(tmp_path / "nope.json")


def test_open_ended(tmp_path):
    assert load_open_ended(write(tmp_path, [{"question": "Tell me a story."}]))[0].question == "Tell me a story."
    with pytest.raises(DatasetError, match="item 0: missing field 'question'"):
        load_open_ended(write(tmp_path, [{"prompt": "x"}]))


@pytest.mark.parametrize("with_datasets_folder", [True, False])
def test_official_caa_layout(tmp_path, with_datasets_folder):
    root = tmp_path / "CAA"
    base = root / "datasets" if with_datasets_folder else root
    for _split, rel in [
        ("generate", "generate/refusal/generate_dataset.json"),
        ("test_ab", "test/refusal/test_dataset_ab.json"),
    ]:
        (base / rel).parent.mkdir(parents=True, exist_ok=True)
        (base / rel).write_text(json.dumps([GOOD] * 3))
    (base / "test/refusal/test_dataset_open_ended.json").write_text(json.dumps([{"question": "Hi"}]))
    assert len(load_behavior("refusal", "generate", root=root)) == 3
    assert len(load_behavior("refusal", "test_ab", root=root)) == 3
    assert load_behavior("refusal", "test_open_ended", root=root)[0].question == "Hi"


def test_unknown_behavior_and_split():
    with pytest.raises(ValueError, match="unknown behaviour"):
        behavior_path("nonsense")
    with pytest.raises(ValueError, match="unknown split"):
        behavior_path("refusal", "train")


@pytest.mark.parametrize("behavior", cl.BEHAVIORS)
def test_shipped_behaviors_load(behavior):
    generate, test = load_behavior(behavior, "generate"), load_behavior(behavior, "test_ab")
    assert len(generate) >= 300 and len(test) == 50
    assert len(load_behavior(behavior, "test_open_ended")) == 50
    assert {i.question for i in generate}.isdisjoint(i.question for i in test)
    assert cl.load_rubric(behavior)["score_10"]


@pytest.mark.slow
def test_built_wheel_carries_the_datasets(tmp_path):
    """A wheel built from the checkout holds every behaviour's data, and load_behavior reads it outside the checkout."""
    import subprocess
    import sys
    import zipfile
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    build = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "--no-build-isolation",
        str(root),
        "-w",
        str(tmp_path),
    ]
    subprocess.run(build, check=True, cwd=tmp_path)
    (wheel,) = tmp_path.glob("caa_lens-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for behavior in cl.BEHAVIORS:
        for name in ("generate.json", "test_ab.json", "test_open_ended.json", "rubric.json", "behavior.json"):
            assert f"caa_lens/datasets/data/{behavior}/{name}" in names
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)], check=True
    )
    code = (
        f"import sys; sys.path.insert(0, {str(target)!r}); import caa_lens as cl; "
        "items = cl.load_behavior('sycophancy'); assert cl.__file__.startswith(sys.path[0]), cl.__file__; "
        "print(len(items), items[0].group)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path, capture_output=True, text=True).stdout
    n, group = out.split()
    assert int(n) >= 300 and group.startswith("sycophancy-")


def test_abitem_validates_its_letters():
    question = "Pick.\n\nChoices:\n (A) x\n (B) y"
    with pytest.raises(ValueError, match="one capital letter such as 'A', got '\\(A\\)'"):
        cl.ABItem(question, "(A)", "(B)")
    with pytest.raises(ValueError, match="one capital letter"):
        cl.ABItem(question, "a", "B")
    with pytest.raises(ValueError, match="lists the choices \\['A', 'B'\\]"):
        cl.ABItem(question, "C", "A")
    with pytest.raises(ValueError, match="both 'A'"):
        cl.ABItem(question, "A", "A")
    with pytest.raises(ValueError, match="lists the choices \\[\\]"):
        cl.ABItem("no choices here", "A", "B")
    with pytest.raises(ValueError, match="group"):
        cl.ABItem(question, "A", "B", group=" ")
    assert cl.ABItem(question, "B", "A", group="s-1").group == "s-1"


def test_group_field_is_read_and_validated(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(json.dumps([{**GOOD, "group": "s-7"}, GOOD]))
    items = load_ab(path)
    assert [i.group for i in items] == ["s-7", None]
    path.write_text(json.dumps([{**GOOD, "group": ["x"]}]))
    with pytest.raises(DatasetError, match="item 0: field 'group' must be a non-empty string"):
        load_ab(path)


def test_shipped_items_all_carry_a_scenario():
    for behavior in cl.BEHAVIORS:
        for split in ("generate", "test_ab"):
            items = load_behavior(behavior, split)
            assert all(i.group for i in items), (behavior, split)
        gen = {i.group for i in load_behavior(behavior, "generate")}
        test = [i.group for i in load_behavior(behavior, "test_ab")]
        assert len(gen) >= 150 and len(set(test)) == len(test) == 50 and not gen & set(test), behavior
    info = cl.load_info("sycophancy")
    assert info["label_depends_on_user"] and set(info["system_prompts"]) == {"positive", "negative"}
