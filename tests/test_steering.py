import pytest
import torch

from caa_lens.core import kv
from caa_lens.core.chat import chat_prompt
from caa_lens.core.hooks import ReadAt, resid_post
from caa_lens.core.scale import effective_multiplier
from caa_lens.core.steering import generate, steer
from caa_lens.core.vectors import extract

from .conftest import ab_items

PROMPTS = ["Tell me about the sea.", "Do you like cats? Answer in one long sentence please.", "Hi"]


@pytest.fixture(scope="module")
def vecs(tiny):
    return extract(tiny, ab_items(8), behavior="t", progress=False)


def ids_of(model, text):
    p = chat_prompt(model.tokenizer, text, fmt="template", answer="I think the answer is")
    return torch.tensor([p.ids]), p.instruction_end


def test_multiplier_zero_is_exact_noop(tiny, vecs):
    ids, start = ids_of(tiny, PROMPTS[0])
    base = tiny(ids)
    with steer(tiny, vecs, layer=1, multiplier=0.0, start=start):
        assert torch.equal(tiny(ids), base)


def test_instruction_tokens_never_steered(tiny, vecs):
    ids, start = ids_of(tiny, PROMPTS[1])
    names = [resid_post(layer) for layer in range(tiny.cfg.n_layers)]

    def resid(multiplier):
        reads = [ReadAt(torch.tensor([pos])) for pos in range(ids.shape[1])]
        hooks = [h for r in reads for h in r.hooks(names)]
        with steer(tiny, vecs, layer=1, multiplier=multiplier, start=start), tiny.hooks(fwd_hooks=hooks):
            tiny(ids)
        return torch.stack([r.stacked(names)[0] for r in reads])  # pos n_layers d_model

    plain, steered = resid(0.0), resid(4.0)
    assert torch.equal(plain[:start], steered[:start])
    assert not torch.allclose(plain[start:, 1:], steered[start:, 1:])
    assert torch.equal(plain[:, 0], steered[:, 0])  # layers before the steered one are untouched


def test_hooks_removed_after_block_and_on_error(tiny, vecs):
    ids, _ = ids_of(tiny, PROMPTS[0])
    base = tiny(ids)
    with steer(tiny, vecs, layer=2, multiplier=3.0):
        assert not torch.allclose(tiny(ids), base)
    assert torch.equal(tiny(ids), base)
    with pytest.raises(RuntimeError, match="boom"), steer(tiny, vecs, layer=2, multiplier=3.0):
        raise RuntimeError("boom")
    assert torch.equal(tiny(ids), base)


@pytest.mark.parametrize("multiplier", [0.0, 3.0])
def test_cached_generation_equals_uncached(tiny, vecs, multiplier):
    kwargs = dict(vectors=vecs, layer=1, multiplier=multiplier, max_new_tokens=12)
    assert generate(tiny, PROMPTS, **kwargs) == generate(tiny, PROMPTS, use_cache=False, **kwargs)


def test_batched_left_padded_generation_equals_one_at_a_time(tiny, vecs):
    kwargs = dict(vectors=vecs, layer=2, multiplier=[2.0, -2.0, 1.0], max_new_tokens=10)
    batched = generate(tiny, PROMPTS, **kwargs)
    single = [
        generate(tiny, [p], vectors=vecs, layer=2, multiplier=m, max_new_tokens=10)[0]
        for p, m in zip(PROMPTS, [2.0, -2.0, 1.0])
    ]
    assert batched == single


def test_steering_changes_generation_and_sampling_is_seeded(tiny, vecs):
    plain = generate(tiny, PROMPTS[:1], max_new_tokens=12)
    assert generate(tiny, PROMPTS[:1], vectors=vecs, layer=1, multiplier=8.0, max_new_tokens=12) != plain
    sample = dict(max_new_tokens=12, temperature=1.0, seed=7)
    assert generate(tiny, PROMPTS, **sample) == generate(tiny, PROMPTS, **sample)
    # it breaks if temperature or the seed were ignored: another seed, or greedy decoding, differs
    assert generate(tiny, PROMPTS, **{**sample, "seed": 8}) != generate(tiny, PROMPTS, **sample)
    assert generate(tiny, PROMPTS, **sample) != generate(tiny, PROMPTS, max_new_tokens=12)


def test_kv_prefix_reuse_matches_full_pass(tiny):
    ids, _ = ids_of(tiny, PROMPTS[1])
    full = tiny(ids)
    _, cache = kv.run(tiny, ids[:, :7], torch.ones(1, 7, dtype=torch.long), keep=1)
    logits, _ = kv.run(tiny, ids[:, 7:], torch.ones(1, ids.shape[1], dtype=torch.long), cache)
    torch.testing.assert_close(logits[0], full[0, 7:], atol=1e-4, rtol=1e-4)


def test_relative_scale(vecs):
    m = effective_multiplier(vecs, 1, 1.0, "relative")
    assert m * vecs.norms()[1].item() == pytest.approx(vecs.resid_norm[1].item(), rel=1e-5)
    with pytest.raises(ValueError, match="unknown scale"):
        effective_multiplier(vecs, 1, 1.0, "log")
    with pytest.raises(ValueError, match="out of range"):
        effective_multiplier(vecs, 99, 1.0)
