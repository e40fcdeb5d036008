"""Shortcut checks: can the label be read off the answers' wording instead of what they do?

For one behaviour folder (generate.json, test_ab.json, optional behavior.json):
- option-only classifier: multinomial naive Bayes on the option texts alone (question unseen),
  trained on generate (each option a sample: matching or not), scored on test by picking the
  option with the higher log-odds of matching. Where the label depends on what the user said
  (`label_depends_on_user` in behavior.json: sycophancy), accuracy above `MAX_ACCURACY` fails;
  elsewhere the answers name the behaviour by nature and the accuracy is reported;
- the same classifier on each option's first three words (reported, and failed like the above);
- one-sided stock phrases: a 4-word sequence in >= 3% of one side's answers and <= 0.5% of the
  other's; the share of a side's answers holding any such phrase must stay <= `MAX_COVERAGE`
  (pooled over generate and test);
- answer pairs reused verbatim across splits, scenarios (groups) in both splits, and
  near-duplicates within a split (word-set Jaccard >= 0.8 over question and choices) between
  items of different scenarios.
"""

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from .choices import split_choices
from .load import SPLITS
from .problems import NEAR_DUPLICATE, Problem, behavior_folders, jaccard, normalise, validate

MAX_ACCURACY = 0.65
MAX_COVERAGE = 0.20
STOCK = (0.03, 0.005)
INFO = "behavior.json"


def _answers(items) -> list[tuple[str, str]]:
    """(matching text, not-matching text) of each item."""
    out = []
    for item in items:
        choices = split_choices(item.question)[1]
        out.append((choices.get(item.matching, ""), choices.get(item.not_matching, "")))
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def option_only_accuracy(train: list[tuple[str, str]], test: list[tuple[str, str]], first: int | None = None) -> float:
    """Accuracy of naive Bayes picking the matching option from option texts (first `first` words only)."""
    cut = (lambda t: _words(t)[:first]) if first else _words
    counts: list[Counter[str]] = [Counter(), Counter()]  # not matching, matching
    for yes, no in train:
        counts[1].update(cut(yes))
        counts[0].update(cut(no))
    vocab = set(counts[0]) | set(counts[1])
    totals = [sum(c.values()) + len(vocab) for c in counts]
    log_odds = lambda text: sum(  # noqa: E731
        np.log((counts[1][w] + 1) / totals[1]) - np.log((counts[0][w] + 1) / totals[0]) for w in cut(text)
    )
    scores = [(log_odds(yes), log_odds(no)) for yes, no in test]
    return float(np.mean([1.0 if a > b else 0.5 if a == b else 0.0 for a, b in scores])) if scores else float("nan")


def _grams(text: str) -> set[tuple[str, ...]]:
    w = _words(text)
    return {tuple(w[i : i + 4]) for i in range(len(w) - 3)}


def stock_phrases(answers: list[tuple[str, str]]) -> dict[str, tuple[float, list[str]]]:
    """Per side ('matching', 'not_matching'): coverage by one-sided stock phrases, and the top phrases."""
    sides = [[_grams(a[k]) for a in answers] for k in (0, 1)]
    df = [Counter(g for grams in side for g in grams) for side in sides]
    out = {}
    for k, name in enumerate(("matching", "not_matching")):
        n, n_other = len(sides[k]), len(sides[1 - k])
        stock = {g for g, c in df[k].items() if c >= STOCK[0] * n and df[1 - k][g] <= STOCK[1] * n_other}
        covered = sum(bool(grams & stock) for grams in sides[k]) / max(1, n)
        top = sorted(stock, key=lambda g: -df[k][g])[:3]
        out[name] = (covered, [" ".join(g) for g in top])
    return out


def _near_duplicates(path: Path, items: dict) -> list[Problem]:
    keyed = [(i, item.group, set(normalise(item.question).split())) for i, item in items.items()]
    problems = []
    for a, (i, gi, wi) in enumerate(keyed):
        for j, gj, wj in keyed[a + 1 :]:
            if (gi is None or gi != gj) and jaccard(wi, wj) >= NEAR_DUPLICATE:
                message = f"near-duplicate of item {i} from another scenario (Jaccard {jaccard(wi, wj):.2f})"
                problems.append(Problem(str(path), j, "question", message))
    return problems


def _across_splits(gen_path: Path, gen: dict, test_path: Path, test: dict) -> list[Problem]:
    pairs = {frozenset(map(normalise, a)): i for i, a in zip(gen, _answers(gen.values()), strict=True)}
    groups = {item.group for item in gen.values() if item.group is not None}
    problems = []
    for (key, item), answer in zip(test.items(), _answers(test.values()), strict=True):
        if frozenset(map(normalise, answer)) in pairs:
            message = f"same answer pair as {gen_path.name} item {pairs[frozenset(map(normalise, answer))]}"
            problems.append(Problem(str(test_path), key, "question", message))
        if item.group in groups:
            message = f"scenario {item.group!r} is also in {gen_path.name}; keep each scenario in one split"
            problems.append(Problem(str(test_path), key, "group", message))
    return problems


def label_depends_on_user(folder: Path) -> bool:
    """behavior.json's flag (False without the file)."""
    path = folder / INFO
    return bool(json.loads(path.read_text(encoding="utf-8")).get("label_depends_on_user")) if path.is_file() else False


def shortcut_check(folder: str | Path) -> tuple[dict, list[Problem]]:
    """The folder's shortcut measures (see the module docstring) and the problems they raise."""
    folder = Path(folder)
    gen_path, test_path = folder / SPLITS["generate"], folder / SPLITS["test_ab"]
    gen, test = validate(gen_path, "ab")[0], validate(test_path, "ab")[0]
    answers_gen, answers_test = _answers(gen.values()), _answers(test.values())
    strict = label_depends_on_user(folder)
    stock = stock_phrases(answers_gen + answers_test)
    table: dict[str, Any] = {
        "behavior": folder.name,
        "option_only_accuracy": option_only_accuracy(answers_gen, answers_test),
        "first3_accuracy": option_only_accuracy(answers_gen, answers_test, first=3),
        "stock_matching": stock["matching"][0],
        "stock_not_matching": stock["not_matching"][0],
        "label_depends_on_user": strict,
    }
    problems = _near_duplicates(gen_path, gen) + _near_duplicates(test_path, test)
    problems += _across_splits(gen_path, gen, test_path, test)
    for side, (covered, top) in stock.items():
        if covered > MAX_COVERAGE:
            message = (
                f"one-sided stock phrases cover {covered:.0%} of {side} answers (e.g. {', '.join(map(repr, top))})"
            )
            problems.append(Problem(str(folder), None, None, message + f"; reword to stay <= {MAX_COVERAGE:.0%}"))
    for key in ("option_only_accuracy", "first3_accuracy") if strict else ():
        if table[key] > MAX_ACCURACY:
            message = (
                f"{key.replace('_', ' ')} {table[key]:.2f} > {MAX_ACCURACY}: the options alone give the label away"
            )
            problems.append(Problem(str(test_path), None, None, message))
    return table, problems


def shortcut_table(root: str | Path):
    """`shortcut_check`'s measures for a behaviour folder or every behaviour folder under `root`."""
    import pandas as pd

    root = Path(root)
    folders = [root] if (root / SPLITS["generate"]).is_file() else behavior_folders(root)
    rows = [shortcut_check(f)[0] for f in folders if all((f / SPLITS[s]).is_file() for s in ("generate", "test_ab"))]
    return pd.DataFrame(rows)
