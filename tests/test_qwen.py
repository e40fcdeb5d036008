"""Integration on the local Qwen2.5-Coder models (0.5B and 1.5B), which can do A/B questions (each loaded once)."""

import pytest
import torch

import caa_lens as cl
from caa_lens.core.models import model_name
from caa_lens.evaluation.ab import ab_prompt, letter_tokens, p_matching

pytestmark = pytest.mark.integration


SHAPES = {"Qwen2.5-Coder-0.5B-Instruct": (24, 896), "Qwen2.5-Coder-1.5B-Instruct": (28, 1536)}


@pytest.fixture(scope="module", params=list(SHAPES), ids=["0.5b", "1.5b"])
def qwen(request):
    return cl.load_model(request.param.lower(), device="cpu")


def test_qwen_loads_from_the_registry(qwen):
    assert (qwen.cfg.n_layers, qwen.cfg.d_model) == SHAPES[model_name(qwen)]


@torch.inference_mode()
def test_letter_mass_is_above_half_on_shipped_items(qwen):
    tok = qwen.tokenizer
    spellings = [tok.convert_tokens_to_ids(x) for x in ("A", "B", "ĠA", "ĠB")]
    assert set(spellings) <= set(letter_tokens(tok, "A")) | set(letter_tokens(tok, "B"))
    for behavior in ("refusal", "corrigibility", "sycophancy"):
        item = cl.load_behavior(behavior, "test_ab")[0]
        prompt = ab_prompt(tok, item, fmt="template")
        assert tok.decode(prompt.ids[prompt.instruction_end :]) == " ("  # the answer opens as the choices do
        logits = qwen(torch.tensor([prompt.ids]))[:, -1]
        mass = float(p_matching(logits, prompt)[1][0])
        probs = torch.softmax(logits[0].float(), -1)
        assert mass == pytest.approx(
            float(probs[list(prompt.matching_tokens) + list(prompt.not_matching_tokens)].sum())
        )
        assert mass > 0.5
