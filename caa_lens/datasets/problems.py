"""What is wrong with a dataset file, item by item: `Problem`, and `validate`, which reads a file
into its valid items and a Problem for each schema error. `checks` and `shortcuts` build on it.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from .load import (
    SPLITS,
    ABItem,
    DatasetError,
    OpenEndedItem,
    load_ab,
    load_open_ended,
    parse_ab,
    parse_open_ended,
    read_json_list,
)

FILE_KINDS = ("ab", "open_ended")
AB_FIELDS = ("question", "answer_matching_behavior", "answer_not_matching_behavior")
RUBRIC = "rubric.json"
RUBRIC_KEYS = ("behavior", "matching", "score_0", "score_2", "score_5", "score_8", "score_10", "incoherent")
NEAR_DUPLICATE = 0.8
_ITEM = re.compile(r"^item (\d+): ")
_FIELD = re.compile(r"\b(" + "|".join(AB_FIELDS) + r")\b")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a dataset: where (file, item index, field) and what to do."""

    file: str
    item: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file] + ([f"item {self.item}"] if self.item is not None else [])
        where += [f"field {self.field!r}"] if self.field else []
        return f"{': '.join(where)}: {self.message}"


def kind_of(path: str | Path) -> str:
    """'open_ended' for a file named like test_open_ended.json, else 'ab'."""
    return "open_ended" if "open_ended" in Path(path).name else "ab"


def normalise(text: str) -> str:
    """Lower-case words and digits only: the key for 'same question'."""
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


def jaccard(a: set, b: set) -> float:
    """|a & b| / |a | b| (0 for two empty sets)."""
    return len(a & b) / max(1, len(a | b))


def _problem(path: Path, error: DatasetError) -> Problem:
    """A DatasetError ("{path}: item {i}: ... field 'x' ...") as a Problem."""
    message = str(error).removeprefix(f"{path}: ")
    item = _ITEM.match(message)
    field = _FIELD.search(message)
    message = message[item.end() :] if item else message
    return Problem(str(path), int(item.group(1)) if item else None, field.group(1) if field else None, message)


def validate(path: str | Path, kind: str) -> tuple[dict[int, ABItem | OpenEndedItem], list[Problem]]:
    """The file's valid items by index, and a Problem for each schema error."""
    if kind not in FILE_KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {FILE_KINDS}")
    path = Path(path)
    try:
        return dict(enumerate(load_ab(path) if kind == "ab" else load_open_ended(path))), []
    except DatasetError as e:
        error = e
    try:
        raw_items = read_json_list(path)
    except DatasetError:
        raw_items = []  # the file-level error above is the whole report
    items, problems = {}, []
    parse = parse_ab if kind == "ab" else parse_open_ended
    for i, raw in enumerate(raw_items):
        try:
            items[i] = parse(path, i, raw)
        except DatasetError as e:
            problems.append(_problem(path, e))
    return items, problems or [_problem(path, error)]


def behavior_folders(root: str | Path) -> list[Path]:
    """Sub-folders of `root` that hold at least one dataset file."""
    names = set(SPLITS.values()) | {RUBRIC}
    return sorted(p for p in Path(root).iterdir() if p.is_dir() and any((p / n).is_file() for n in names))
