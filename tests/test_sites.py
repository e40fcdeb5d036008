"""Sites other than resid_post, and the directional-ablation operator, on the tiny random model."""

import numpy as np
import pytest
import torch

from caa_lens.core.chat import chat_prompt
from caa_lens.core.collect import collect, collect_sites
from caa_lens.core.hooks import read_name
from caa_lens.core.steering import generate, steer, unit_direction
from caa_lens.core.vectors import SteeringVectors, extract
from caa_lens.evaluation.effects import effects, held_out
from caa_lens.evaluation.reference import collect_reference, sweep_reference
from caa_lens.evaluation.sweep import sweep
from caa_lens.options import SITES

from .conftest import ab_items, assert_same_acts

PROMPTS = ["Tell me about the sea.", "Do you like cats? Answer in one long sentence please."]


@pytest.fixture(scope="module")
def by_site(tiny):
    return {site: extract(tiny, ab_items(8), behavior="t", site=site, progress=False) for site in SITES}


def _prompt(model):
    p = chat_prompt(model.tokenizer, "Do you like the sea?", fmt="template", answer="I think the answer is")
    return torch.tensor([p.ids]), p.instruction_end


@pytest.mark.parametrize("site", SITES)
def test_collected_activations_equal_run_with_cache(tiny, site):
    items = ab_items(5, seed=3)
    ours, ref = collect(tiny, items, site=site, progress=False), collect_reference(tiny, items, site=site)
    assert ours.site == ref.site == site
    assert_same_acts(ours.matching, ref.matching)
    assert_same_acts(ours.not_matching, ref.not_matching)


def test_every_site_from_one_collection_equals_run_with_cache(tiny):
    items = ab_items(5, seed=4)
    ours = collect_sites(tiny, items, ["mlp_out", "resid_pre", "attn_out", "mlp_out"], progress=False)
    assert list(ours) == ["mlp_out", "resid_pre", "attn_out"]  # in the order asked, each once
    for site, acts in ours.items():
        ref = collect_reference(tiny, items, site=site)
        assert acts.site == site
        assert_same_acts(acts.matching, ref.matching)
        assert_same_acts(acts.not_matching, ref.not_matching)
        alone = collect(tiny, items, site=site, progress=False).resid_norm
        assert (acts.resid_norm is None) == (alone is None) == (site == "resid_pre")
        if alone is not None:
            torch.testing.assert_close(acts.resid_norm, alone)
    with pytest.raises(ValueError, match="site"):
        collect_sites(tiny, items, ["resid_post", "nowhere"], progress=False)


def test_resid_post_of_a_block_is_resid_pre_of_the_next(by_site):
    post, pre = by_site["resid_post"].directions, by_site["resid_pre"].directions
    assert_same_acts(post[:-1], pre[1:])
    assert not torch.allclose(post, pre)


def test_outputs_add_up_to_the_residual_stream(by_site):
    d = {site: v.directions for site, v in by_site.items()}
    assert_same_acts(d["resid_pre"] + d["attn_out"], d["resid_mid"], rel=1e-4)
    assert_same_acts(d["resid_mid"] + d["mlp_out"], d["resid_post"], rel=1e-4)


def test_relative_scale_of_outputs_uses_the_residual_stream_they_join(by_site):
    assert_same_acts(by_site["attn_out"].resid_norm, by_site["resid_mid"].resid_norm)
    assert_same_acts(by_site["mlp_out"].resid_norm, by_site["resid_post"].resid_norm)


@pytest.mark.parametrize("site", SITES)
def test_steering_adds_the_vector_to_the_residual_stream_at_the_site(tiny, by_site, site):
    vecs, layer = by_site[site], 1
    residual = {"attn_out": "resid_mid", "mlp_out": "resid_post"}.get(site, site)
    name = read_name(layer, residual)
    ids, start = _prompt(tiny)
    _, base = tiny.run_with_cache(ids, names_filter=[name])
    with steer(tiny, vecs, layer, 2.0, start=start):
        _, steered = tiny.run_with_cache(ids, names_filter=[name])
    diff = steered[name][0] - base[name][0]  # outputs are read where they join the residual stream
    assert diff[:start].abs().max() == 0
    assert_same_acts(diff[start:], (2.0 * vecs.directions[layer]).expand_as(diff[start:]), rel=1e-4)


@pytest.mark.parametrize("site", SITES)
def test_cached_steered_generation_equals_uncached_at_every_site(tiny, by_site, site):
    kwargs = dict(vectors=by_site[site], layer=1, multiplier=3.0, max_new_tokens=10)
    steered = generate(tiny, PROMPTS, **kwargs)
    assert steered == generate(tiny, PROMPTS, use_cache=False, **kwargs)
    assert steered != generate(tiny, PROMPTS, max_new_tokens=10)


def test_a_sweep_over_sites_matches_the_reference_and_names_each_site(tiny, by_site):
    sets = [by_site["resid_post"], by_site["attn_out"], by_site["mlp_out"]]
    items = ab_items(4, seed=5)
    kwargs = dict(layers=[0, 2], multipliers=[-2.0, 0.0, 2.0])
    ours = sweep(tiny, sets, items, progress=False, **kwargs)
    ref = sweep_reference(tiny, sets, items, **kwargs)
    assert list(ours["site"].unique()) == ["resid_post", "attn_out", "mlp_out"]
    np.testing.assert_allclose(ours["p_matching"], ref["p_matching"], atol=1e-4)
    assert set(effects(ours)["site"]) == {"resid_post", "attn_out", "mlp_out"}
    assert held_out(ours)["site"] in {"resid_post", "attn_out", "mlp_out"}


def test_a_sweep_refuses_a_repeated_site(tiny, by_site):
    with pytest.raises(ValueError, match="once"):
        sweep(tiny, [by_site["resid_post"], by_site["resid_post"]], ab_items(2), progress=False)


def test_vectors_keep_their_site_through_a_file(tmp_path, by_site):
    loaded = SteeringVectors.load(by_site["mlp_out"].save(tmp_path / "v.safetensors"))
    assert loaded.site == "mlp_out"
    with pytest.raises(ValueError, match="site"):
        SteeringVectors(**{**by_site["mlp_out"].__dict__, "site": "hook_z"})


@pytest.mark.parametrize("site", ["resid_post", "resid_pre", "mlp_out"])
@pytest.mark.parametrize("multiplier", [0.0, 1.5])
def test_ablation_removes_the_direction_at_steered_positions_only(tiny, by_site, site, multiplier):
    vecs, layer = by_site[site], 2
    name, u = read_name(layer, site), unit_direction(vecs, layer)
    ids, start = _prompt(tiny)
    _, base = tiny.run_with_cache(ids, names_filter=[name])
    with steer(tiny, vecs, layer, multiplier, start=start, operator="ablate"):
        _, ablated = tiny.run_with_cache(ids, names_filter=[name])
    before, after = base[name][0], ablated[name][0]
    assert torch.equal(after[:start], before[:start])
    projection = after[start:] @ u
    expected = multiplier * vecs.directions[layer].norm()
    assert torch.allclose(projection, expected.expand_as(projection), atol=1e-4)
    rest = lambda x: x - (x @ u)[:, None] * u  # noqa: E731
    assert_same_acts(rest(after[start:]), rest(before[start:]), rel=1e-4)
    assert (before[start:] @ u).abs().max() > 1e-3  # there was something to remove


def test_ablation_in_sweeps_and_cached_generation(tiny, by_site):
    vecs, items = by_site["resid_post"], ab_items(3, seed=7)
    kwargs = dict(layers=[1, 3], multipliers=[-1.0, 0.0, 1.0], operator="ablate")
    ours = sweep(tiny, vecs, items, progress=False, **kwargs)
    np.testing.assert_allclose(
        ours["p_matching"], sweep_reference(tiny, vecs, items, **kwargs)["p_matching"], atol=1e-4
    )
    assert set(ours["operator"]) == {"ablate"}
    added = sweep(tiny, vecs, items, layers=[1], multipliers=[0.0], progress=False)
    assert not np.allclose(ours.query("layer == 1 and multiplier == 0")["p_matching"], added["p_matching"])
    gen = dict(vectors=vecs, layer=1, multiplier=0.0, operator="ablate", max_new_tokens=10)
    assert generate(tiny, PROMPTS, **gen) == generate(tiny, PROMPTS, use_cache=False, **gen)


def test_unknown_operator_and_ablation_at_resid_mid_are_refused(tiny, by_site):
    with pytest.raises(ValueError, match="operator"), steer(tiny, by_site["resid_post"], 1, 1.0, operator="clamp"):
        pass
    with pytest.raises(ValueError, match="resid_mid"):
        sweep(tiny, by_site["resid_mid"], ab_items(2), operator="ablate", progress=False)


def test_site_layer_figure_of_a_sweep_over_sites(tiny, by_site):
    from caa_lens.evaluation.effects import effect_table
    from caa_lens.plotting import site_layer_figure

    results = sweep(tiny, [by_site["mlp_out"], by_site["resid_pre"]], ab_items(4), multipliers=[-1, 1], progress=False)
    table = effect_table(results)
    assert len(table) == 2 * tiny.cfg.n_layers and table["effect_sem"].notna().all()
    one = table[(table["site"] == "mlp_out") & (table["layer"] == 2)].iloc[0]
    assert one["effect"] == pytest.approx(effects(results).query("site == 'mlp_out' and layer == 2")["effect"].mean())
    heat = site_layer_figure(table).data[0]
    assert list(heat.y) == ["resid_pre", "mlp_out"] and heat.z[1][2] == pytest.approx(one["effect"])
