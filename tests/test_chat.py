import pytest

from caa_lens.core.chat import chat_prompt, common_prefix, render_instruction

from .conftest import make_tokenizer


@pytest.mark.parametrize("letter_tokens", [False, True])
def test_template_matches_apply_chat_template(letter_tokens):
    tok = make_tokenizer(letter_tokens)
    question = "Is the sky blue?\n\nChoices:\n (A) Yes\n (B) No"
    p = chat_prompt(tok, question, fmt="template", answer="(A", letter="A")
    rendered = tok.apply_chat_template(
        [{"role": "user", "content": question}], add_generation_prompt=True, tokenize=True
    )
    rendered = rendered["input_ids"] if isinstance(rendered, dict) or hasattr(rendered, "keys") else rendered
    assert list(p.ids[: len(rendered)]) == list(rendered)
    assert p.instruction_end == len(rendered)
    assert "A" in tok.decode([p.ids[p.letter_pos]])
    assert p.letter_pos == len(p.ids) - 1


def test_letter_token_split_both_ways():
    split, merged = make_tokenizer(False), make_tokenizer(True)
    assert len(split("(A", add_special_tokens=False)["input_ids"]) == 2
    assert len(merged("(A", add_special_tokens=False)["input_ids"]) == 1
    for tok in (split, merged):
        a = chat_prompt(tok, "Q? (A) x (B) y", fmt="template", answer="(A", letter="A")
        b = chat_prompt(tok, "Q? (A) x (B) y", fmt="template", answer="(B", letter="B")
        n = common_prefix(a.ids, b.ids)
        assert n == a.letter_pos == b.letter_pos  # the answers differ exactly at the letter token


@pytest.mark.parametrize("letter_tokens", [False, True])
def test_llama2_format_positions(letter_tokens):
    tok = make_tokenizer(letter_tokens)
    p = chat_prompt(tok, "  Is the sky blue? ", fmt="llama2", system="Be brief.", answer="(B", letter="B")
    assert p.ids[0] == tok.bos_token_id
    text = tok.decode(p.ids[1:])
    assert text == "[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nIs the sky blue? [/INST] (B"
    assert tok.decode(p.ids[1 : p.instruction_end]).endswith("[/INST]")
    assert "[/INST]" not in tok.decode(p.ids[p.instruction_end :])
    assert "B" in tok.decode([p.ids[p.letter_pos]])


def test_custom_system_prompt_replaces_default():
    tok = make_tokenizer(False)
    text = render_instruction(tok, "Hi", fmt="template", system="Answer in French.")
    assert "Answer in French." in text and "tiny test model" not in text
    assert "tiny test model" in render_instruction(tok, "Hi", fmt="template")


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown chat format"):
        chat_prompt(make_tokenizer(False), "Hi", fmt="chatml")
