import numpy as np
import pandas as pd
import pytest

from caa_lens.columns import COLUMNS, SUMMARY_COLUMNS
from caa_lens.core.kv import PrefixCache
from caa_lens.core.vectors import extract
from caa_lens.evaluation.ab import ab_prompt
from caa_lens.evaluation.effects import HeldOut, effect_table, held_out, held_out_effect, split_items, summarize
from caa_lens.evaluation.reference import sweep_reference
from caa_lens.evaluation.sweep import sweep

from .conftest import ab_items


@pytest.fixture(scope="module")
def vecs(tiny):
    return extract(tiny, ab_items(8), behavior="t", progress=False)


@pytest.mark.parametrize("scale", ["raw", "relative"])
def test_sweep_equals_full_recomputation(tiny, vecs, scale):
    items = ab_items(4, seed=5)
    kwargs = dict(layers=[0, 2, 3], multipliers=[-2.0, 0.0, 1.5], scale=scale)
    ours = sweep(tiny, vecs, items, configs_per_pass=4, progress=False, **kwargs)
    ref = sweep_reference(tiny, vecs, items, **kwargs)
    assert list(ours.columns) == list(COLUMNS) and len(ours) == 4 * 3 * 3
    np.testing.assert_allclose(ours["p_matching"], ref["p_matching"], atol=1e-4)
    np.testing.assert_allclose(ours["letter_mass"], ref["letter_mass"], atol=1e-4)
    np.testing.assert_allclose(ours["logit_diff"], ref["logit_diff"], atol=1e-3)
    assert ours["p_matching"].between(0, 1).all()
    p = ours["p_matching"].to_numpy(dtype=float)
    np.testing.assert_allclose(ours["logit_diff"], np.log(p / (1 - p)), atol=1e-3)  # log-odds = logit(p_matching)


def test_sweeps_sharing_prefix_caches_run_each_prompt_once(tiny, vecs):
    items = ab_items(4, seed=7)
    prefixes = PrefixCache(tiny)
    first = sweep(tiny, vecs, items, layers=[0, 3], multipliers=[-1.0, 1.0], prefixes=prefixes, progress=False)
    heads = {ab_prompt(tiny.tokenizer, item, fmt="template").instruction_end for item in items}
    assert prefixes.computed == len(prefixes) == 4
    again = sweep(tiny, vecs, items, layers=[0, 3], multipliers=[-1.0, 1.0], prefixes=prefixes, progress=False)
    finer = sweep(tiny, vecs, items, layers=[2], multipliers=[-0.5, 0.5], prefixes=prefixes, progress=False)
    assert prefixes.computed == 4  # the later sweeps reused the cached prompts
    assert {keys.shape[-2] for layers in prefixes._entries.values() for keys, _ in layers} == heads  # never extended
    pd.testing.assert_frame_equal(first, again)
    ref = sweep_reference(tiny, vecs, items, layers=[2], multipliers=[-0.5, 0.5])
    np.testing.assert_allclose(finer["p_matching"], ref["p_matching"], atol=1e-4)


def test_prefix_cache_drops_the_least_recently_used_beyond_its_budget(tiny):
    prefixes = PrefixCache(tiny, max_bytes=0)
    for prefix in [(5, 9, 14), (8, 3), (5, 9, 14)]:
        cache = prefixes.continuation(prefix)
        assert cache.get_seq_length() == len(prefix)
    assert len(prefixes) == 1 and prefixes.computed == 3  # one kept however small the budget; the first recomputed
    roomy = PrefixCache(tiny)
    for prefix in [(5, 9, 14), (8, 3), (5, 9, 14)]:
        roomy.continuation(prefix)
    assert len(roomy) == 2 and roomy.computed == 2 and roomy.nbytes > 0


def test_sweep_with_single_token_letters(tiny_letters):
    vecs = extract(tiny_letters, ab_items(6), behavior="t", progress=False)
    items = ab_items(3, seed=6)
    prompt = ab_prompt(tiny_letters.tokenizer, items[0], fmt="template")
    assert {tiny_letters.tokenizer.decode([t]).strip() for t in prompt.matching_tokens} == {"A"}
    assert tiny_letters.tokenizer.decode(prompt.ids[prompt.instruction_end :]) == " ("
    ours = sweep(tiny_letters, vecs, items, layers=[1], multipliers=[-1.0, 1.0], progress=False)
    ref = sweep_reference(tiny_letters, vecs, items, layers=[1], multipliers=[-1.0, 1.0])
    np.testing.assert_allclose(ours["p_matching"], ref["p_matching"], atol=1e-4)


def test_multiplier_zero_rows_equal_across_layers(tiny, vecs):
    out = sweep(tiny, vecs, ab_items(3), layers=[0, 3], multipliers=[0.0], progress=False)
    a, b = out[out.layer == 0]["p_matching"].to_numpy(), out[out.layer == 3]["p_matching"].to_numpy()
    np.testing.assert_allclose(a, b, atol=1e-6)  # two branches of one packed row: same up to summation order


def test_summarize_and_bad_layers(tiny, vecs):
    out = sweep(tiny, vecs, ab_items(4), layers=[1], multipliers=[-1.0, 1.0], progress=False)
    summary = summarize(out)
    assert list(summary.columns) == list(SUMMARY_COLUMNS) and len(summary) == 2
    row = summary.iloc[0]
    sel = out[out.multiplier == row.multiplier]["p_matching"]
    assert row.p_matching == pytest.approx(sel.mean()) and row.p_matching_sem == pytest.approx(sel.std() / 2)
    with pytest.raises(ValueError, match="out of range"):
        sweep(tiny, vecs, ab_items(1), layers=[17], progress=False)


def test_held_out_picks_on_one_half_and_reports_the_other():
    rows = []
    for item in range(20):
        for layer in (0, 1):
            for m in (-1.0, 0.0, 1.0):
                effect = 0.3 if layer == 1 else 0.05
                rows.append(("b", layer, m, "raw", item, 0.5 + effect * m + 0.01 * (item % 3), 1.0, "AB"[item % 2]))
    result = held_out(pd.DataFrame(rows, columns=list(COLUMNS[:8])))
    assert (result["layer"], result["multiplier"]) == (1, 1.0)
    assert result["effect"] == pytest.approx(0.6) and result["n_select"] == result["n_held_out"] == 10


def test_held_out_halves_are_letter_balanced():
    letters = ["A"] * 13 + ["B"] * 7
    rows = [("b", 0, m, "raw", i, 0.5, 1.0, letter) for i, letter in enumerate(letters) for m in (-1.0, 1.0)]
    frame = pd.DataFrame(rows, columns=list(COLUMNS[:8]))
    for seed in range(5):
        select, held = split_items(frame, seed)
        assert sorted([*select, *held]) == list(range(20))
        count = lambda half: sum(letters[i] == "A" for i in half)  # noqa: E731
        assert abs(count(select) - count(held)) <= 1 and abs(len(select) - len(held)) <= 1


def test_effects_and_the_explicit_letter_mass_rule():
    rows = []
    for item in range(12):
        for layer, effect, mass in ((0, 0.1, 0.9), (1, 0.4, 0.05)):  # layer 1: large effect, model stopped answering
            for m in (-1.0, 1.0):
                rows.append(("b", layer, m, "raw", item, 0.5 + effect * m / 2, mass, "AB"[item % 2], f"s{item}"))
    frame = pd.DataFrame(rows, columns=list(COLUMNS[:9]))
    from caa_lens.evaluation.effects import effects

    out = effects(frame)
    assert list(out.columns) == ["layer", "multiplier", "item", "group", "effect"] and len(out) == 24
    assert out.groupby("layer")["effect"].mean().round(6).to_dict() == {0: 0.1, 1: 0.4}
    assert set(effects(frame, min_letter_mass=0.2)["layer"]) == {0}
    assert held_out(frame)["layer"] == 1 and held_out(frame, min_letter_mass=0.2)["layer"] == 0


def test_logodds_effects_and_held_out_choice_differ_from_p_where_planted():
    # layer 0 moves p a lot near 0.5; layer 1 moves items that are already sure: small in p, large in log-odds
    rows = []
    for item in range(20):
        for layer, (lo, hi) in ((0, (0.3, 0.7)), (1, (0.9, 0.999))):
            for m, p in ((-1.0, lo), (1.0, hi)):
                rows.append(("b", layer, m, "raw", item, p, 1.0, "AB"[item % 2], f"s{item}", "resid_post", "add"))
    frame = pd.DataFrame(rows, columns=list(COLUMNS[:11]))  # no logit_diff: derived from p_matching
    by_p, by_logodds = held_out(frame), held_out(frame, metric="logodds")
    assert (by_p.layer, by_logodds.layer, by_logodds.metric) == (0, 1, "logodds")
    assert by_p.effect == pytest.approx(0.4)
    assert by_logodds.effect == pytest.approx(np.log(0.999 / 0.001) - np.log(0.9 / 0.1))
    assert held_out_effect(frame, by_p, "logodds")[0] == pytest.approx(2 * np.log(0.7 / 0.3))
    assert HeldOut.from_json(by_logodds.to_json()) == by_logodds
    table = effect_table(frame, metric="logodds").set_index("layer")
    assert table.loc[0, "effect"] == pytest.approx(2 * np.log(0.7 / 0.3))
    summary = summarize(frame.assign(logit_diff=np.log(frame["p_matching"] / (1 - frame["p_matching"]))))
    assert summary.query("layer == 1 and multiplier == 1")["logit_diff"].item() == pytest.approx(np.log(999))
    with pytest.raises(ValueError, match="metric"):
        held_out(frame, metric="odds")
