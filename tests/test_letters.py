"""Letter scoring on real tokenizers with different conventions (vocab-only GGUF files from `make setup`)."""

import pytest

from caa_lens import ABItem
from caa_lens.core.chat import chat_prompt
from caa_lens.evaluation.ab import ab_prompt, letter_tokens

from . import vocabs

ITEM = ABItem("Pick one.\n\nChoices:\n (A) yes\n (B) no", "B", "A")
# what each tokenizer makes of "(A" after an instruction, and of a space-prefixed letter
SPLITS = {"llama2": ["▁(", "A"], "llama3": ["Ġ(", "A"], "qwen2": ["(A"], "phi3": ["(", "A"]}


@pytest.fixture(scope="module", params=sorted(vocabs.VOCABS))
def real(request):
    return request.param, vocabs.tokenizer(request.param)


def test_letter_sets_hold_every_spelling_and_nothing_else(real):
    _, tok = real
    for letter in "AB":
        ids = letter_tokens(tok, letter)
        assert all(tok.decode([i]).strip() == letter for i in ids)
        bare = tok("A" if letter == "A" else "B", add_special_tokens=False)["input_ids"][-1]
        spaced = tok.convert_tokens_to_ids(tok.tokenize(f"x {letter}"))[-1]
        assert {bare, spaced} <= set(ids)
    assert not set(letter_tokens(tok, "A")) & set(letter_tokens(tok, "B"))


def test_space_prefixed_letters_are_included_for_bpe(real):
    name, tok = real
    spellings = {tok.convert_ids_to_tokens(i) for i in letter_tokens(tok, "A")}
    space = "▁A" if name in ("llama2", "phi3") else "ĠA"
    assert {"A", space} <= spellings


def test_ab_prompt_ends_before_the_letter_on_real_tokenizers(real):
    name, tok = real
    fmt = "template" if tok.chat_template else "llama2"  # the Llama files carry no chat template
    prompt = ab_prompt(tok, ITEM, fmt=fmt)
    collect = chat_prompt(tok, ITEM.question, fmt=fmt, answer="(A", letter="A")
    assert tok.convert_ids_to_tokens(collect.ids[collect.instruction_end :]) == SPLITS[name]
    assert tok.decode(prompt.ids[prompt.instruction_end :]).strip() == "("
    assert set(prompt.matching_tokens) == set(letter_tokens(tok, "B"))
    assert collect.ids[collect.letter_pos] in (letter_tokens(tok, "A") if len(SPLITS[name]) == 2 else collect.ids)


def test_bad_letters_are_refused(real):
    _, tok = real
    with pytest.raises(ValueError, match="one capital letter"):
        letter_tokens(tok, "(A)")
