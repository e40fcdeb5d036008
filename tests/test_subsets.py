"""Letter-balanced subsets (datasets.subsets)."""

from collections import Counter

import pytest

import caa_lens as cl
from caa_lens.datasets.load import ABItem
from caa_lens.datasets.subsets import letter_balanced


def item(i: int, matching: str) -> ABItem:
    other = "B" if matching != "B" else "A"
    return ABItem(f"Q{i}\n\nChoices:\n (A) a\n (B) b\n (C) c", matching, other)


def test_a_prefix_holds_equal_letters_in_file_order_within_each_letter():
    items = [item(i, "A") for i in range(10)] + [item(10 + i, "B") for i in range(3)]
    subset = letter_balanced(items, 6)
    assert [x.matching for x in subset] == ["A", "B"] * 3
    assert [x.question.split()[0] for x in subset] == ["Q0", "Q10", "Q1", "Q11", "Q2", "Q12"]
    # once B runs out, the rest are A, still in file order; nothing is lost or repeated
    everything = letter_balanced(items)
    assert sorted(everything, key=items.index) == items and len(set(everything)) == len(items)
    assert [x.matching for x in everything[6:]] == ["A"] * 7


def test_deterministic_and_idempotent_and_a_prefix_of_itself():
    items = [item(i, "AB"[(i * 7) % 3 == 0]) for i in range(20)]
    subset = letter_balanced(items, 9)
    assert subset == letter_balanced(items, 9) == letter_balanced(subset)
    assert letter_balanced(items, 5) == subset[:5]


def test_more_than_two_letters_take_turns():
    items = [item(i, "C") for i in range(3)] + [item(3 + i, "A") for i in range(3)] + [item(9, "B")]
    assert [x.matching for x in letter_balanced(items)] == ["A", "B", "C", "A", "C", "A", "C"]


@pytest.mark.parametrize("behavior", ["myopic-reward", "sycophancy", "refusal"])
def test_shipped_subsets_are_balanced(behavior):
    for split, n in (("generate", 32), ("generate", 128), ("test_ab", 50)):
        counts = Counter(x.matching for x in letter_balanced(cl.load_behavior(behavior, split), n))
        assert sum(counts.values()) == n and abs(counts["A"] - counts["B"]) <= 1, (split, n, counts)


@pytest.mark.parametrize("n", [0, -1])
def test_a_bad_size_says_so(n):
    with pytest.raises(ValueError, match="subset size"):
        letter_balanced([item(0, "A")], n)


@pytest.mark.parametrize("n", [2.5, "3"])
def test_a_size_of_another_type_is_refused(n):
    # our check says "subset size"; under the tests' run-time type checker the annotation answers first
    with pytest.raises((ValueError, TypeError), match="subset size|parameter 'n'"):
        letter_balanced([item(0, "A")], n)
