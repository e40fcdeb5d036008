"""End-to-end checks on the embedded SmolLM2-135M-Instruct."""

import json

import pytest
import torch

import caa_lens as cl
from caa_lens.cli import main
from caa_lens.core.chat import chat_prompt
from caa_lens.datasets.load import behavior_path

from .conftest import assert_same_acts

pytestmark = pytest.mark.integration


def test_chatml_prompt_is_the_template_rendering(smol):
    tok = smol.tokenizer
    p = chat_prompt(tok, "Is it raining?", fmt="template", answer="(A", letter="A")
    rendered = tok.apply_chat_template(
        [{"role": "user", "content": "Is it raining?"}], add_generation_prompt=True, tokenize=False
    )
    assert tok.decode(p.ids) == rendered + "(A"
    assert tok.decode(p.ids[: p.instruction_end]) == rendered
    assert tok.convert_ids_to_tokens([p.ids[p.letter_pos]]) == ["A"]  # '(A' is two tokens here


def test_collect_matches_run_with_cache(smol):
    items = cl.load_behavior("sentiment", "test_ab")[:4]
    ours, ref = cl.collect(smol, items, batch_size=4, progress=False), cl.reference.collect_reference(smol, items)
    assert_same_acts(ours.matching, ref.matching)
    assert_same_acts(ours.not_matching, ref.not_matching)


def test_steered_cached_generation_equals_uncached(smol):
    vecs = cl.extract(smol, cl.load_behavior("sentiment")[:16], behavior="sentiment", progress=False)
    prompts = ["How will my week go?", "What do you think of rainy days?"]
    kwargs = dict(vectors=vecs, layer=10, multiplier=[4.0, -4.0], max_new_tokens=16)
    assert cl.generate(smol, prompts, **kwargs) == cl.generate(smol, prompts, use_cache=False, **kwargs)


def test_official_layout_cli_agrees_with_independent_computation(smol, tmp_path, monkeypatch):
    items = json.loads(behavior_path("sentiment", "generate").read_text())[:12]
    folder = tmp_path / "CAA" / "datasets" / "generate" / "sentiment"
    folder.mkdir(parents=True)
    (folder / "generate_dataset.json").write_text(json.dumps(items))
    monkeypatch.setattr("caa_lens.core.models.load_model", lambda *a, **k: smol)
    out = tmp_path / "v.safetensors"
    root = ["--caa-root", str(tmp_path / "CAA"), "--behavior", "sentiment"]
    assert main(["vectors", *root, "--variant", "plain", "--out", str(out)]) == 0  # the paper's mean difference
    ours = cl.SteeringVectors.load(out)
    ref = cl.reference.collect_reference(smol, cl.load_behavior("sentiment", root=tmp_path / "CAA"))
    independent = (ref.matching - ref.not_matching).mean(0)
    cos = torch.nn.functional.cosine_similarity(ours.directions, independent, dim=-1)
    assert (cos > 0.999).all(), cos.min()
