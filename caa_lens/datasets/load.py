"""CAA-format datasets: A/B contrast items and open-ended prompts, validated with clear errors.

A/B items are `{"question", "answer_matching_behavior", "answer_not_matching_behavior"}` plus an
optional `"group"`: the scenario the item comes from (standard errors are clustered by it and
held-out halves never split it). The question lists its choices as `(A) ...`, `(B) ...`
(letters may run past B: the official survival-instinct data goes up to H). Open-ended items are
`{"question"}`. Sources: our datasets, shipped inside the package (`caa_lens/datasets/data/<behavior>/`,
read through `importlib.resources`), any JSON file, or a local copy of the official
CAA repository (`datasets/generate/<behavior>/generate_dataset.json`,
`datasets/test/<behavior>/test_dataset_ab.json`, `.../test_dataset_open_ended.json`).
"""

import hashlib
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import cast

from .._io import read_bytes, read_text
from .choices import choice_letters, letter_of

BEHAVIORS = (
    "sycophancy",
    "hallucination",
    "refusal",
    "survival-instinct",
    "myopic-reward",
    "corrigibility",
    "ai-coordination",
    "sentiment",
    "french",
)
SPLITS = {"generate": "generate.json", "test_ab": "test_ab.json", "test_open_ended": "test_open_ended.json"}
CAA_SPLITS = {
    "generate": "generate/{b}/generate_dataset.json",
    "test_ab": "test/{b}/test_dataset_ab.json",
    "test_open_ended": "test/{b}/test_dataset_open_ended.json",
}
SHIPPED_ROOT = Path(str(resources.files("caa_lens.datasets") / "data"))
# control characters other than tab/newline/CR, and zero-width or byte-order marks, are never meant
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2060\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # half of a UTF-16 pair: what a lone JSON \ud800 escape decodes to
MAX_CHARS = 100_000


class DatasetError(ValueError):
    """A dataset file is malformed; the message names the file, item and field."""


@dataclass(frozen=True)
class ABItem:
    """One contrast pair: a question with lettered choices, the two answer letters and its scenario.

    Attributes:
        question: the user's message, listing its choices as `(A) ...`, `(B) ...`.
        matching: the letter of the answer that shows the behaviour, e.g. "A" (not "(A)").
        not_matching: the other answer's letter.
        group: the scenario id (items of one scenario are not independent), or None.

    Raises:
        ValueError: a letter is not one capital among the question's choices, or both are equal.
    """

    question: str
    matching: str
    not_matching: str
    group: str | None = None

    def __post_init__(self):
        choices = set(choice_letters(self.question))
        for name in ("matching", "not_matching"):
            value = getattr(self, name)
            if not (isinstance(value, str) and len(value) == 1 and value.isascii() and value.isupper()):
                raise ValueError(f"ABItem.{name} must be one capital letter such as 'A', got {value!r}")
            if value not in choices:
                raise ValueError(f"ABItem.{name} is {value!r}, but the question lists the choices {sorted(choices)}")
        if self.matching == self.not_matching:
            raise ValueError(f"ABItem: matching and not_matching are both {self.matching!r}")
        if self.group is not None and (not isinstance(self.group, str) or not self.group.strip()):
            raise ValueError(f"ABItem.group must be a non-empty string or None, got {self.group!r}")


@dataclass(frozen=True)
class OpenEndedItem:
    """One free-form prompt."""

    question: str


def read_json_list(path: Path) -> list:
    """Parse a JSON file that must hold a non-empty list (DatasetError otherwise)."""
    return read_json_list_hashed(path)[0]


def read_json_list_hashed(path: Path) -> tuple[list, str]:
    """`read_json_list` and the SHA-256 of exactly the bytes it parsed (the file is read once)."""
    try:
        raw = read_bytes(path)
        data = json.loads(raw.decode("utf-8-sig"))  # a UTF-8 byte-order mark is allowed
    except FileNotFoundError:
        raise DatasetError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise DatasetError(f"{path}: is a folder, not a JSON file") from None
    except UnicodeDecodeError:
        raise DatasetError(f"{path}: not UTF-8 text (save it as UTF-8; UTF-16 is not read)") from None
    except json.JSONDecodeError as e:
        raise DatasetError(f"{path}: not valid JSON ({e})") from None
    except RecursionError:
        raise DatasetError(f"{path}: not valid JSON (nested too deeply)") from None
    except ValueError as e:  # not a regular file, or too large (the message names the file)
        raise DatasetError(str(e)) from None
    if not isinstance(data, list):
        raise DatasetError(f"{path}: expected a JSON list of items, got {type(data).__name__}")
    if not data:
        raise DatasetError(f"{path}: the file has no items")
    return data, hashlib.sha256(raw).hexdigest()


def _field(path: Path, i: int, item: object, name: str) -> str:
    if not isinstance(item, dict):
        raise DatasetError(f"{path}: item {i}: expected an object, got {type(item).__name__}")
    if name not in item:
        raise DatasetError(f"{path}: item {i}: missing field {name!r}")
    value = item[name]
    if not isinstance(value, str) or not value.strip():
        raise DatasetError(f"{path}: item {i}: field {name!r} must be a non-empty string")
    return check_text(path, i, name, value)


def check_text(path: Path, i: int, name: str, value: str) -> str:
    """`value` unless it is too long or holds invisible characters (DatasetError naming file, item, field)."""
    if len(value) > MAX_CHARS:
        raise DatasetError(f"{path}: item {i}: field {name!r} is {len(value):,} characters; at most {MAX_CHARS:,}")
    lone = _SURROGATE.search(value)
    if lone:
        raise DatasetError(
            f"{path}: item {i}: field {name!r} holds a lone surrogate U+{ord(lone.group()):04X} at offset "
            f"{lone.start()} (a broken \\u escape, not a character); fix the text"
        )
    bad = _INVISIBLE.search(value)
    if bad:
        raise DatasetError(
            f"{path}: item {i}: field {name!r} contains the invisible character U+{ord(bad.group()):04X} "
            f"at offset {bad.start()}; remove it"
        )
    return value


def parse_letter(path: Path, i: int, name: str, value: str, choices: list[str]) -> str:
    """Normalise "(A)", "A" or " (A)" to "A", checking it is one of the question's choices."""
    letter = letter_of(value)
    if letter is None:
        raise DatasetError(f"{path}: item {i}: field {name!r} is {value!r}, not an answer letter like '(A)'")
    if letter not in choices:
        raise DatasetError(f"{path}: item {i}: field {name!r} is {letter!r}, not one of the choices {choices}")
    return letter


def parse_ab(path: Path, i: int, item: object) -> ABItem:
    """Validate one raw A/B item."""
    question = _field(path, i, item, "question")
    choices = choice_letters(question)
    if len(choices) < 2:
        raise DatasetError(f"{path}: item {i}: field 'question' must list at least two choices like '(A) ...'")
    yes = parse_letter(path, i, "answer_matching_behavior", _field(path, i, item, "answer_matching_behavior"), choices)
    no = parse_letter(
        path, i, "answer_not_matching_behavior", _field(path, i, item, "answer_not_matching_behavior"), choices
    )
    if yes == no:
        raise DatasetError(
            f"{path}: item {i}: answer_matching_behavior and answer_not_matching_behavior are both {yes!r}"
        )
    group = cast(dict, item).get("group")  # a dict: `_field` read its fields
    if group is not None and (not isinstance(group, str | int) or isinstance(group, bool) or not str(group).strip()):
        raise DatasetError(f"{path}: item {i}: field 'group' must be a non-empty string (the scenario id)")
    return ABItem(question, yes, no, None if group is None else str(group))


def load_ab(path: str | Path) -> list[ABItem]:
    """Load and validate an A/B file."""
    return load_ab_hashed(path)[0]


def load_ab_hashed(path: str | Path) -> tuple[list[ABItem], str]:
    """`load_ab` and the SHA-256 of exactly the bytes parsed (what vectors record as `dataset_sha256`)."""
    path = Path(path)
    data, sha256 = read_json_list_hashed(path)
    return [parse_ab(path, i, item) for i, item in enumerate(data)], sha256


def parse_open_ended(path: Path, i: int, item: object) -> OpenEndedItem:
    """Validate one raw open-ended item."""
    return OpenEndedItem(_field(path, i, item, "question"))


def load_open_ended(path: str | Path) -> list[OpenEndedItem]:
    """Load and validate an open-ended file."""
    path = Path(path)
    return [parse_open_ended(path, i, item) for i, item in enumerate(read_json_list(path))]


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes (recorded in vector metadata)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


_BEHAVIOR_NAME = re.compile(r"[A-Za-z0-9_-]+")


def check_behavior_name(behavior: object) -> str:
    """`behavior` if it is an identifier (letters, digits, `-`, `_`), the one check before a name becomes a path part.

    Raises:
        ValueError: anything else (a path separator, `..`, spaces, an empty name).
    """
    if not isinstance(behavior, str) or not _BEHAVIOR_NAME.fullmatch(behavior):
        raise ValueError(f"behaviour name {behavior!r} is not an identifier; use letters, digits, '-' and '_' only")
    return behavior


def behavior_path(behavior: str, split: str = "generate", *, root: str | Path | None = None) -> Path:
    """Path of a split: under `root` in the official CAA layout, else our shipped datasets."""
    check_behavior_name(behavior)
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; use one of {tuple(SPLITS)}")
    if root is not None:
        root = Path(root)
        base = root / "datasets" if (root / "datasets" / "generate").is_dir() else root
        return base / CAA_SPLITS[split].format(b=behavior)
    if behavior not in BEHAVIORS:
        raise ValueError(f"unknown behaviour {behavior!r}; shipped: {', '.join(BEHAVIORS)}")
    return SHIPPED_ROOT / behavior / SPLITS[split]


def load_behavior(behavior: str, split: str = "generate", *, root: str | Path | None = None) -> list:
    """Load a behaviour's split ('generate', 'test_ab' or 'test_open_ended').

    Args:
        behavior: e.g. "sycophancy".
        split: which file.
        root: a local copy of the official CAA repository (or its `datasets/` folder);
            None for the datasets shipped with caa_lens.
    """
    path = behavior_path(behavior, split, root=root)
    return load_open_ended(path) if split == "test_open_ended" else load_ab(path)


def _shipped_json(behavior: str, name: str) -> dict:
    path = SHIPPED_ROOT / behavior / name
    if not path.is_file():
        raise ValueError(f"no {name} for behaviour {behavior!r} (looked for {path})")
    return json.loads(read_text(path))


def load_rubric(behavior: str) -> dict:
    """The shipped judge rubric: {'behavior', 'matching', 'score_0', 'score_2', 'score_5', 'score_8',
    'score_10', 'incoherent'} (what a reply at each anchor looks like, and how to score incoherent ones).
    """
    return _shipped_json(behavior, "rubric.json")


def load_info(behavior: str) -> dict:
    """A shipped behaviour's definition: {'behavior', 'matching', 'not_matching', 'label_depends_on_user',
    'system_prompts': {'positive', 'negative'}}.
    """
    return _shipped_json(behavior, "behavior.json")
