"""Fixtures: tiny random-weight Llama models (fast) and the embedded SmolLM2 (loaded once)."""

import json

import pytest
import torch

CHATML = (
    "{% for m in messages %}{% if loop.first and m['role'] != 'system' %}<|im_start|>system\nYou are a tiny test model.<|im_end|>\n{% endif %}"
    "<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
CORPUS = [
    "Is the sky blue? Choices: (A) Yes (B) No. I think the answer is (A) yes.",
    "Do you agree with me? (A) I agree (B) I disagree. [INST] question [/INST] answer",
    "The quick brown fox jumps over the lazy dog. Paris is in France. Cats like milk.",
    "You are a helpful assistant. Tell me a story about the sea and the stars.",
] * 20


def make_tokenizer(letter_tokens: bool):
    """A small byte-level BPE with ChatML; `letter_tokens` makes '(A' .. '(H' single tokens."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    specials = ["<unk>", "<s>", "</s>", "<pad>", "<|im_start|>", "<|im_end|>"]
    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=400, special_tokens=specials, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tok.train_from_iterator(CORPUS, trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token="<s>",
        eos_token="</s>",
        pad_token="<pad>",
        unk_token="<unk>",
        additional_special_tokens=["<|im_start|>", "<|im_end|>"],
    )
    if letter_tokens:
        fast.add_tokens([f"({x}" for x in "ABCDEFGH"])
    fast.chat_template = CHATML
    return fast


def make_tiny_model_dir(path, letter_tokens: bool = False, n_layers: int = 4, seed: int = 0):
    """Save a random-weight Llama with the tiny tokenizer to `path`."""
    from transformers import LlamaConfig, LlamaForCausalLM

    tokenizer = make_tokenizer(letter_tokens)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=n_layers,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=512,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    torch.manual_seed(seed)
    model = LlamaForCausalLM(config)
    with torch.no_grad():  # larger weights than the default init, so steering visibly matters
        for p in model.parameters():
            if p.ndim == 2:
                p.normal_(0, 0.3)
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


@pytest.fixture(scope="session")
def tiny_dir(tmp_path_factory):
    return make_tiny_model_dir(tmp_path_factory.mktemp("tiny"))


@pytest.fixture(scope="session")
def tiny(tiny_dir):
    from caa_lens import load_model

    return load_model(str(tiny_dir), device="cpu", dtype="float32")  # the oracle tests compare in float32


@pytest.fixture(scope="session")
def tiny_letters(tmp_path_factory):
    from caa_lens import load_model

    return load_model(
        str(make_tiny_model_dir(tmp_path_factory.mktemp("tiny_letters"), letter_tokens=True)),
        device="cpu",
        dtype="float32",
    )


@pytest.fixture(scope="session")
def smol():
    from caa_lens import load_model

    return load_model("smollm2-135m-instruct", device="cpu", dtype="float32")  # fast; named (not the default)


def ab_items(n: int = 6, seed: int = 0):
    """Small A/B items with both letter orders."""
    import random

    from caa_lens import ABItem

    rng = random.Random(seed)
    topics = ["the sea", "cats", "Paris", "the stars", "a story", "milk", "the fox", "the sky"]
    items = []
    for i in range(n):
        t = rng.choice(topics)
        question = f"Do you like {t}? Question {i}.\n\nChoices:\n (A) Yes, I like {t}.\n (B) No, I do not."
        items.append(ABItem(question, "A" if i % 2 == 0 else "B", "B" if i % 2 == 0 else "A"))
    return items


def write_items(path, items):
    path.write_text(
        json.dumps(
            [
                {
                    "question": i.question,
                    "answer_matching_behavior": f"({i.matching})",
                    "answer_not_matching_behavior": f"({i.not_matching})",
                }
                for i in items
            ]
        )
    )
    return path


def assert_same_acts(ours, ref, rel: float = 1e-5):
    """Equal up to float32 summation order: max |diff| <= rel x max |ref|."""
    diff = (ours - ref).abs().max().item()
    assert diff <= rel * ref.abs().max().item() + 1e-6, f"max |diff| {diff} vs scale {ref.abs().max().item()}"
