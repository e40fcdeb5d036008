"""Letter-balanced subsets: the first n A/B items, taken in turn from each matching letter.

At the answer letter the letter's own direction is far larger than the behaviour's, so a subset
whose matching answers are mostly A (or mostly B) leaks letter identity into a mean difference
and into an effect averaged over items. Every place that takes a subset of A/B items (pairs for
vectors, test items for sweeps) takes it through `letter_balanced`.
"""

import operator
from collections.abc import Sequence

from .load import ABItem


def letter_balanced(items: Sequence[ABItem], n: int | None = None) -> list[ABItem]:
    """`n` items (all when None) interleaved by matching letter: A1 B1 A2 B2 ... (file order within a letter).

    Any prefix of the result holds equal numbers of each matching letter (the earlier letter one more
    when odd) until a letter runs out; the remaining letters then continue in turn. Deterministic:
    the same items give the same subset.

    Raises:
        ValueError: `n` is not a whole number of at least 1.
    """
    if n is not None:
        try:
            n = operator.index(n)
        except TypeError:
            raise ValueError(f"the subset size must be a whole number, got {n!r}") from None
        if n < 1:
            raise ValueError(f"the subset size must be at least 1, got {n}")
    by_letter: dict[str, list[ABItem]] = {}
    for item in items:
        by_letter.setdefault(item.matching, []).append(item)
    groups = [by_letter[letter] for letter in sorted(by_letter)]
    longest = max((len(g) for g in groups), default=0)
    interleaved = [g[i] for i in range(longest) for g in groups if i < len(g)]
    return interleaved if n is None else interleaved[:n]
