"""Side effects of steering on general ability: A/B accuracy on MMLU- and TruthfulQA-style items.

Items follow the CAA repository's files (`datasets/test/mmlu/mmlu.json`,
`datasets/test/truthfulqa/truthful_qa.json`): `{"prompt" or "question", "correct",
"incorrect", "category"?}`, where `correct`/`incorrect` are either the answer texts or, as in
the CAA files, letters like "(A)" that point into the question's own `(A) ...` / `(B) ...`
choices. Each item becomes a two-choice question whose correct letter is A for one half of
the items and B for the other, in a seeded random order, so a letter preference cannot pass
for knowledge.

Accuracy reuses the A/B sweep with "correct" as the matching answer: p_correct =
p(correct letter) / (p(A) + p(B)); accuracy is its mean, argmax accuracy the share of items
with p_correct > 0.5.
"""

import random
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..columns import SIDE_EFFECT_COLUMNS, SIDE_EFFECT_SUMMARY_COLUMNS
from ..core.vectors import SteeringVectors
from ..datasets.choices import choice_letters, letter_of, split_choices
from ..datasets.load import ABItem, DatasetError, check_text, read_json_list
from ..options import DEFAULT_SCALE, SIDE_EFFECT_KINDS
from .sweep import sweep

KINDS = SIDE_EFFECT_KINDS


@dataclass(frozen=True)
class MultipleChoice:
    """A question stem with one correct and one incorrect answer text."""

    question: str
    correct: str
    incorrect: str
    category: str = ""


def _text(path: Path, i: int, item: dict, name: str) -> str:
    value = item.get(name)
    if not isinstance(value, str) or not value.strip():
        raise DatasetError(f"{path}: item {i}: field {name!r} must be a non-empty string")
    return check_text(path, i, name, value).strip()


def _split_choices(path: Path, i: int, name: str, question: str) -> tuple[str, dict[str, str]]:
    """(stem, {letter: text}) of a question that lists its choices as `(A) ...`."""
    if not choice_letters(question):
        raise DatasetError(
            f"{path}: item {i}: field {name!r} lists no choices like '(A) ...', but 'correct' is a letter"
        )
    return split_choices(question)


def _answer(path: Path, i: int, field: str, value: str, choices: dict[str, str]) -> str:
    letter = letter_of(value)
    if letter not in choices or not choices[letter]:
        raise DatasetError(
            f"{path}: item {i}: field {field!r} is {value!r}, not one of the question's choices {sorted(choices)}"
        )
    return choices[letter]


def parse_choice(path: Path, i: int, item: object) -> MultipleChoice:
    """Validate one raw item (see the module docstring for the accepted forms)."""
    if not isinstance(item, dict):
        raise DatasetError(f"{path}: item {i}: expected an object, got {type(item).__name__}")
    name = "question" if "question" in item else "prompt"
    if name not in item:
        raise DatasetError(f"{path}: item {i}: missing field 'question' (or 'prompt')")
    question, correct, incorrect = (_text(path, i, item, f) for f in (name, "correct", "incorrect"))
    category = item.get("category", "")
    if not isinstance(category, str):
        raise DatasetError(f"{path}: item {i}: field 'category' must be a string")
    letters = [letter_of(v) is not None for v in (correct, incorrect)]
    if all(letters):
        question, choices = _split_choices(path, i, name, question)
        correct, incorrect = (
            _answer(path, i, f, v, choices) for f, v in (("correct", correct), ("incorrect", incorrect))
        )
    elif any(letters):
        raise DatasetError(
            f"{path}: item {i}: fields 'correct' and 'incorrect' must both be letters or both be answer texts"
        )
    if correct == incorrect:
        raise DatasetError(f"{path}: item {i}: fields 'correct' and 'incorrect' are the same answer {correct!r}")
    return MultipleChoice(question, correct, incorrect, category)


def load_choices(path: str | Path, kind: str = "mmlu") -> list[MultipleChoice]:
    """Load and validate an MMLU- or TruthfulQA-style file.

    Args:
        path: a JSON list of items.
        kind: "mmlu" or "truthfulqa" (both share the format; the kind labels results).

    Raises:
        DatasetError: naming the file, item and field of the first problem.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {KINDS}")
    path = Path(path)
    return [parse_choice(path, i, item) for i, item in enumerate(read_json_list(path))]


def to_ab(items: list[MultipleChoice], *, seed: int = 0) -> list[ABItem]:
    """Two-choice A/B items, the correct answer's letter A for half of them (seeded order).

    Returns:
        ABItems whose `matching` letter is the correct answer's.
    """
    correct_first = [i % 2 == 0 for i in range(len(items))]
    random.Random(seed).shuffle(correct_first)
    out = []
    for item, first in zip(items, correct_first, strict=True):
        a, b = (item.correct, item.incorrect) if first else (item.incorrect, item.correct)
        question = f"{item.question}\n\nChoices:\n(A) {a}\n(B) {b}"
        out.append(ABItem(question, "A" if first else "B", "B" if first else "A"))
    return out


def side_effects(
    model,
    vectors: SteeringVectors,
    items: list[MultipleChoice],
    *,
    layer: int,
    multipliers=(-1.0, 0.0, 1.0),
    scale: str = DEFAULT_SCALE,
    kind: str = "mmlu",
    seed: int = 0,
    fmt: str | None = None,
    system: str | None = None,
    progress: bool = True,
) -> pd.DataFrame:
    """p(correct) of every item with and without steering at one layer.

    Multiplier 0 (no steering) is always evaluated, as the baseline, even when not listed.

    Args:
        items: from `load_choices`.
        layer, multipliers, scale: steering settings (see `sweep.sweep`).
        kind: label for the results ("mmlu" or "truthfulqa").
        seed: which items get the correct answer as (A).

    Returns:
        A tidy DataFrame with columns `SIDE_EFFECT_COLUMNS`, one row per (multiplier, item).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {KINDS}")
    if not items:
        raise ValueError("no items to evaluate; load some with load_choices")
    multipliers = sorted({float(m) for m in multipliers} | {0.0})
    ab = to_ab(items, seed=seed)
    results = sweep(
        model,
        vectors,
        ab,
        layers=[layer],
        multipliers=multipliers,
        scale=scale,
        fmt=fmt,
        system=system,
        progress=progress,
    )
    results = results.rename(columns={"p_matching": "p_correct"})
    results["kind"] = kind
    results["category"] = [items[i].category for i in results["item"]]
    results["correct_letter"] = [ab[i].matching for i in results["item"]]
    results["argmax_correct"] = results["p_correct"] > 0.5
    return results[list(SIDE_EFFECT_COLUMNS)]


def side_effects_summary(results: pd.DataFrame) -> pd.DataFrame:
    """Accuracy (mean p_correct) with its standard error, argmax accuracy, letter mass and item count.

    Returns:
        A DataFrame with columns `SIDE_EFFECT_SUMMARY_COLUMNS`, one row per (kind, behaviour, layer, multiplier, scale).
    """
    keys = ["kind", "behavior", "layer", "multiplier", "scale"]
    grouped = results.groupby(keys, sort=True)
    out = grouped.agg(
        accuracy=("p_correct", "mean"),
        accuracy_sem=("p_correct", "sem"),
        argmax_accuracy=("argmax_correct", "mean"),
        letter_mass=("letter_mass", "mean"),
        n_items=("item", "nunique"),
    ).reset_index()
    return out[list(SIDE_EFFECT_SUMMARY_COLUMNS)]
