import pytest
import torch

from caa_lens.core import packing
from caa_lens.core.kv import PrefixCache

PREFIXES = [(5, 9, 14, 22, 7, 31), (8, 3, 12)]
BRANCHES = [[(40, 41), (42,), (43, 44, 45)], [(46,), (47, 48)]]


def test_each_branch_sees_only_its_prefix(tiny):
    packed = packing.pack(list(zip(PREFIXES, BRANCHES)), tiny.tokenizer.pad_token_id)
    logits = packing.forward(tiny, packed, keep=0)
    for row, (prefix, branches) in enumerate(zip(PREFIXES, BRANCHES)):
        for start, branch in zip(packed.starts[row], branches):
            alone = tiny(torch.tensor([prefix + branch]))[0, len(prefix) :]
            torch.testing.assert_close(logits[row, start : start + len(branch)], alone, atol=1e-4, rtol=1e-4)


def test_branches_after_a_cached_prefix_match_the_full_pack(tiny):
    prefix, branches = PREFIXES[0], BRANCHES[0]
    full = packing.pack([(prefix, branches)], tiny.tokenizer.pad_token_id)
    after = packing.after_prefix(len(prefix), branches)
    assert after.allowed.shape == (1, 6, 12) and after.positions[0].tolist() == [6, 7, 6, 6, 7, 8]
    expected = packing.forward(tiny, full, keep=6)
    got = packing.forward(tiny, after, keep=6, cache=PrefixCache(tiny).continuation(prefix))
    torch.testing.assert_close(got, expected, atol=1e-4, rtol=1e-4)


def test_layout(tiny):
    packed = packing.pack(list(zip(PREFIXES, BRANCHES)), 0)
    assert packed.ids.shape == (2, 12) and packed.starts == [[6, 8, 9], [9, 10]]
    assert packed.positions[0, 6:].tolist() == [6, 7, 6, 6, 7, 8]
    assert not packed.allowed[0, 9, 8] and packed.allowed[0, 9, 5] and packed.allowed[0, 10, 9]
    assert packed.ids[1, :6].eq(0).all() and packed.allowed[1, 3].sum() == 1  # padding sees itself


def test_empty_branch_is_rejected():
    with pytest.raises(ValueError, match="at least one token"):
        packing.pack([((1, 2), [(3,), ()])], 0)
