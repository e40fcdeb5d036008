"""Dataset checks: the problems a behaviour dataset can have, reported instead of raised.

A check never stops at the first bad item: every problem comes back as a `Problem(file, item,
field, message)` (item and field are None where the problem is about a whole file). Checks:
- schema: each file loads with `datasets.load_ab` / `load_open_ended`; a `DatasetError`
  becomes a problem, and the file's items are then validated one by one so all are reported;
- letter balance: 45-55% of an A/B file's matching answers are (A), so a vector cannot win
  by learning the letter (data answered with other letters: each letter used is the matching
  one in its even share, within the same +-10 %);
- exact duplicate questions within a file;
- generate/test leakage: the same normalised question in generate.json and test_ab.json, and
  near-duplicates (word-set Jaccard >= 0.8 over the question text, which includes its choices);
- missing files in a behaviour folder, and a rubric without its keys;
- shortcuts in the answers' wording (`shortcuts`: option-only classifiers, one-sided stock
  phrases, answer pairs and scenarios shared across splits, near-duplicates within a split).
`stats` summarises each file (items, % matching = A, question and answer lengths in words).
"""

import json
from pathlib import Path

import pandas as pd

from ..columns import STATS_COLUMNS
from .choices import split_choices
from .load import (
    SPLITS,
    ABItem,
)
from .problems import (
    NEAR_DUPLICATE,
    RUBRIC,
    RUBRIC_KEYS,
    Problem,
    behavior_folders,
    jaccard,
    kind_of,
    normalise,
    validate,
)
from .shortcuts import shortcut_check

BALANCE = (0.45, 0.55)


def _balance(path: Path, items: dict) -> list[Problem]:
    if not items:
        return []
    letters = sorted({x for item in items.values() for x in (item.matching, item.not_matching)})
    if letters != ["A", "B"]:
        return _letter_shares(path, items, letters)
    n_a = sum(item.matching == "A" for item in items.values())
    share = n_a / len(items)
    if BALANCE[0] <= share <= BALANCE[1]:
        return []
    message = (
        f"{share:.0%} of matching answers are (A) ({n_a}/{len(items)}); "
        f"alternate the letters so {BALANCE[0]:.0%}-{BALANCE[1]:.0%} are (A)"
    )
    return [Problem(str(path), None, "answer_matching_behavior", message)]


def _letter_shares(path: Path, items: dict, letters: list[str]) -> list[Problem]:
    """Balance of data answered with other letters than A/B: each letter used is the matching one
    in its even share, 1/k of the items for k letters, within the same +-10 % of that share as A/B's 45-55 %.
    """
    counts = {x: sum(item.matching == x for item in items.values()) for x in letters}
    lo, hi = (bound * 2 / len(letters) for bound in BALANCE)
    if all(lo <= n / len(items) <= hi for n in counts.values()):
        return []
    shares = ", ".join(f"{x} {n / len(items):.0%}" for x, n in counts.items())
    message = (
        f"matching answers by letter: {shares} ({len(items)} items); "
        f"alternate the letters so each of the {len(letters)} is the matching one for {lo:.0%}-{hi:.0%}"
    )
    return [Problem(str(path), None, "answer_matching_behavior", message)]


def _duplicates(path: Path, items: dict) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for i, item in items.items():
        if item.question in first:
            message = f"exact duplicate of item {first[item.question]}; remove one of them"
            problems.append(Problem(str(path), i, "question", message))
        first.setdefault(item.question, i)
    return problems


def check_file(path: str | Path, kind: str | None = None) -> list[Problem]:
    """Schema, letter balance (A/B files) and duplicate questions of one file.

    Args:
        path: a CAA-format JSON file.
        kind: "ab" or "open_ended" (default: from the file name, see `kind_of`).

    Returns:
        The problems found; empty when the file is clean.
    """
    path = Path(path)
    kind = kind or kind_of(path)
    if not path.is_file():
        return [Problem(str(path), None, None, "file not found; rebuild with `python3 datasets/build.py`")]
    items, problems = validate(path, kind)
    return problems + (_balance(path, items) if kind == "ab" else []) + _duplicates(path, items)


def leakage(generate: str | Path, test: str | Path, threshold: float = NEAR_DUPLICATE) -> list[Problem]:
    """Test items whose question also appears in generate (normalised) or nearly does (Jaccard)."""
    gen_items, _ = validate(generate, "ab")
    test_items, _ = validate(test, "ab")
    gen_keys = {normalise(item.question): i for i, item in gen_items.items()}
    gen_words = [(i, set(key.split())) for key, i in gen_keys.items()]
    problems = []
    for j, item in test_items.items():
        key = normalise(item.question)
        if key in gen_keys:
            message = f"same question as {Path(generate).name} item {gen_keys[key]}; keep each scenario in one split"
            problems.append(Problem(str(test), j, "question", message))
            continue
        words = set(key.split())
        close = [(jaccard(words, w), i) for i, w in gen_words]
        score, i = max(close, default=(0.0, None))
        if score >= threshold:
            message = f"near-duplicate of {Path(generate).name} item {i} (word Jaccard {score:.2f}); keep each scenario in one split"
            problems.append(Problem(str(test), j, "question", message))
    return problems


def _check_rubric(path: Path) -> list[Problem]:
    try:
        rubric = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [Problem(str(path), None, None, f"not valid JSON ({e}); rebuild with `python3 datasets/build.py`")]
    missing = [key for key in RUBRIC_KEYS if not isinstance(rubric, dict) or not rubric.get(key)]
    return [
        Problem(str(path), None, key, "missing or empty; give it in the source's behavior.json rubric")
        for key in missing
    ]


def check_behavior_folder(folder: str | Path) -> list[Problem]:
    """Every file of one behaviour folder, generate/test leakage and the rubric."""
    folder = Path(folder)
    paths = {split: folder / name for split, name in SPLITS.items()}
    problems = [p for split, path in paths.items() for p in check_file(path, kind_of(path))]
    if paths["generate"].is_file() and paths["test_ab"].is_file():
        problems += leakage(paths["generate"], paths["test_ab"]) + shortcut_check(folder)[1]
    if (folder / RUBRIC).is_file():
        return problems + _check_rubric(folder / RUBRIC)
    return problems + [
        Problem(str(folder / RUBRIC), None, None, "file not found; rebuild with `python3 datasets/build.py`")
    ]


def check_tree(root: str | Path, *, behaviors=()) -> list[Problem]:
    """Check every behaviour folder under `root`; `behaviors` names folders that must exist.

    Raises:
        ValueError: `root` is not a folder.
    """
    root = Path(root)
    if not root.is_dir():
        raise ValueError(f"{root}: not a folder; give a datasets folder, a behaviour folder or a file")
    missing = [
        Problem(str(root / b), None, None, "behaviour folder missing; build it with `python3 datasets/build.py`")
        for b in behaviors
        if not (root / b).is_dir()
    ]
    folders = behavior_folders(root)
    if not folders and not missing:
        return [
            Problem(
                str(root), None, None, "no dataset files here (generate.json, test_ab.json, ...); nothing was checked"
            )
        ]
    return missing + [p for folder in folders for p in check_behavior_folder(folder)]


def check_path(path: str | Path, *, behaviors=()) -> list[Problem]:
    """A file, a behaviour folder (holds generate.json etc.) or a tree of them."""
    path = Path(path)
    if path.is_file():
        return check_file(path)
    if path.is_dir() and any((path / name).exists() for name in SPLITS.values()):
        return check_behavior_folder(path)
    return check_tree(path, behaviors=behaviors)


def report(problems: list[Problem]) -> str:
    """Problems grouped by file, one indented line each, and a count."""
    if not problems:
        return "no problems found"
    lines: list[str] = []
    for file in dict.fromkeys(p.file for p in problems):
        lines.append(file)
        lines += [f"  {str(p).removeprefix(file + ': ')}" for p in problems if p.file == file]
    files = len({p.file for p in problems})
    return "\n".join(lines + [f"{len(problems)} problem(s) in {files} file(s)"])


def _words(text: str) -> int:
    return len(text.split())


def _file_stats(behavior: str, path: Path) -> dict:
    items = list(validate(path, kind_of(path))[0].values())
    row = {"behavior": behavior, "file": path.name, "n_items": len(items)}
    if not items:
        return row
    split = [split_choices(item.question) for item in items]
    q_words = pd.Series([_words(stem) for stem, _ in split])
    row |= {
        "question_words_mean": q_words.mean(),
        "question_words_min": q_words.min(),
        "question_words_max": q_words.max(),
    }
    if kind_of(path) == "ab":
        ab = [item for item in items if isinstance(item, ABItem)]
        pairs = list(zip(ab, (choices for _, choices in split), strict=True))
        row |= {
            "pct_matching_a": 100 * sum(int(item.matching == "A") for item in ab) / len(items),
            "matching_words_mean": sum(_words(c.get(i.matching, "")) for i, c in pairs) / len(items),
            "not_matching_words_mean": sum(_words(c.get(i.not_matching, "")) for i, c in pairs) / len(items),
        }
    return row


def stats(root: str | Path) -> pd.DataFrame:
    """One row per behaviour and file: see `STATS_COLUMNS` (question words = the stem, choices excluded).

    Args:
        root: a datasets folder holding behaviour folders, one behaviour folder, or one file.
    """
    root = Path(root)
    if root.is_file():
        return pd.DataFrame([_file_stats(root.parent.name, root)], columns=list(STATS_COLUMNS))
    if not root.is_dir():
        raise ValueError(f"{root}: no such file or folder; give a datasets folder, a behaviour's folder or a file")
    folders = [root] if any((root / name).is_file() for name in SPLITS.values()) else behavior_folders(root)
    rows = [_file_stats(f.name, f / name) for f in folders for name in SPLITS.values() if (f / name).is_file()]
    return pd.DataFrame(rows, columns=list(STATS_COLUMNS))
