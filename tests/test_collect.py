from caa_lens.core.collect import collect, length_chunks
from caa_lens.evaluation.reference import collect_reference

from .conftest import ab_items, assert_same_acts


def test_collect_equals_run_with_cache(tiny):
    items = ab_items(5)
    ours, ref = collect(tiny, items, batch_size=3, progress=False), collect_reference(tiny, items)
    assert ours.matching.shape == (5, tiny.cfg.n_layers, tiny.cfg.d_model)
    assert_same_acts(ours.matching, ref.matching)
    assert_same_acts(ours.not_matching, ref.not_matching)
    assert ours.matching_letters == ("A", "B", "A", "B", "A")


def test_collect_with_single_token_letters(tiny_letters):
    items = ab_items(4, seed=1)
    ours, ref = collect(tiny_letters, items, batch_size=4, progress=False), collect_reference(tiny_letters, items)
    assert_same_acts(ours.matching, ref.matching)
    assert_same_acts(ours.not_matching, ref.not_matching)


def test_batch_size_does_not_matter(tiny):
    items = ab_items(4, seed=2)
    one, four = collect(tiny, items, batch_size=1, progress=False), collect(tiny, items, batch_size=4, progress=False)
    assert_same_acts(one.matching, four.matching)


def test_llama2_format(tiny):
    items = ab_items(3, seed=3)
    ours, ref = collect(tiny, items, fmt="llama2", progress=False), collect_reference(tiny, items, fmt="llama2")
    assert_same_acts(ours.matching, ref.matching)


def test_length_grouping_keeps_item_order(tiny):
    items = ab_items(6, seed=4)
    items = [
        type(i)(i.question.replace("Do you", "Do you " + "really " * (12 - 2 * n)), i.matching, i.not_matching)
        for n, i in enumerate(items)
    ]  # longest first, so grouping by length reorders them
    ours, ref = collect(tiny, items, batch_size=2, progress=False), collect_reference(tiny, items)
    assert_same_acts(ours.matching, ref.matching)
    assert_same_acts(ours.not_matching, ref.not_matching)
    assert ours.matching_letters == tuple(i.matching for i in items)


def test_length_chunks_cut_where_padding_would_grow():
    lengths = [100, 102, 104, 150, 151, 300, 5]
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    assert length_chunks(order, lengths, batch_size=2) == [[6], [0, 1], [2], [3, 4], [5]]
    assert length_chunks(order, lengths, batch_size=8) == [[6], [0, 1, 2], [3, 4], [5]]
    assert length_chunks(order, lengths, batch_size=8, padding=10.0) == [order]
