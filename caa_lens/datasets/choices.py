"""The one parser of lettered choices: `(A) ...`, `(B) ...` inside a question, and answer letters.

An answer letter may be written "A", "(A)" or " (A) "; `letter_of` normalises it to "A".
`split_choices` returns the question's stem (a trailing "Choices:" dropped) and {letter: text}.
"""

import re

_LETTER = re.compile(r"^\s*\(?\s*([A-Z])\s*\)?\s*$")
_CHOICE = re.compile(r"\(([A-Z])\)[ \t]*")


def letter_of(value: str) -> str | None:
    """'A' for "A", "(A)" or " (A) "; None when `value` is not one capital answer letter."""
    match = _LETTER.match(value) if isinstance(value, str) else None
    return match.group(1) if match else None


def choice_letters(question: str) -> list[str]:
    """The letters the question lists as `(X)`, sorted and unique."""
    return sorted(set(_CHOICE.findall(question)))


def split_choices(question: str) -> tuple[str, dict[str, str]]:
    """The question's stem (before its first choice, 'Choices:' dropped) and {letter: text}."""
    parts = _CHOICE.split(question)
    stem = re.sub(r"\s*Choices:\s*$", "", parts[0].strip())
    return stem, {parts[k]: parts[k + 1].strip() for k in range(1, len(parts) - 1, 2)}
