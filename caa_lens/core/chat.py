"""Chat formatting, with the two positions the method needs taken from tokenization.

Formats:
- "llama2": `<s>[INST] <<SYS>>\\n{system}\\n<</SYS>>\\n\\n{question} [/INST] {answer}` (the paper's);
- "template": the tokenizer's own chat template, rendered exactly as
  `apply_chat_template(messages, add_generation_prompt=True)` does (ChatML for SmolLM2,
  default system turn included), then the assistant's answer text.

An A/B answer is written as the choices label it, ` (A`: Llama 2 puts the paper's space after
`[/INST]`, the template gets the space before `(`. This matters: after a bare `(` Qwen spends
most probability on words such as "Answer" or "Option" (letter mass 0.25-0.42), after ` (` on
the letters (0.91-0.98 on shipped items).

The end of the user's instruction is the end of the rendered generation prompt (`[/INST]`
for Llama 2, `<|im_start|>assistant\\n` for ChatML): steering starts at the first token that
begins at or after it. The answer letter's position is the token whose characters contain the
letter, so it is right whether `(A` is one token or two.
"""

from dataclasses import dataclass

from ..options import check_format

LLAMA2_SEPARATOR = " "


def ab_answer(letter: str, fmt: str) -> str:
    """The start of an A/B answer, `(` plus `letter` ("" for the lone `(`), with the format's space."""
    return ("(" if check_format(fmt) == "llama2" else " (") + letter


@dataclass(frozen=True)
class ChatPrompt:
    """Token ids of a formatted prompt and the positions the method needs.

    Attributes:
        ids: token ids, special tokens included.
        instruction_end: index of the first token after the user's instruction.
        letter_pos: index of the token holding the answer letter, or None without one.
    """

    ids: tuple[int, ...]
    instruction_end: int
    letter_pos: int | None = None


def default_format(model) -> str:
    """'llama2' for Llama 2 chat models (by name), else 'template' when the tokenizer has one."""
    from .models import model_name

    if "llama-2" in model_name(model).lower() or not getattr(model.tokenizer, "chat_template", None):
        return "llama2"
    return "template"


def resolve_format(model, fmt: str | None = None, vectors=None) -> str:
    """The one rule for the chat format: the one given, else the one `vectors` were extracted with,
    else the model's default (`default_format`).
    """
    return check_format(fmt or getattr(vectors, "chat_format", None) or default_format(model))


def render_instruction(tokenizer, question: str, *, fmt: str, system: str | None = None) -> str:
    """Text of the conversation up to the end of the user's instruction."""
    if check_format(fmt) == "llama2":
        sys_block = f"<<SYS>>\n{system}\n<</SYS>>\n\n" if system else ""
        return f"[INST] {sys_block}{question.strip()} [/INST]"
    messages = ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": question}]
    return tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)


def chat_prompt(
    tokenizer, question: str, *, fmt: str, system: str | None = None, answer: str = "", letter: str | None = None
) -> ChatPrompt:
    """Format one user turn plus the start of the assistant's answer, and locate positions.

    Args:
        tokenizer: a Hugging Face fast tokenizer (offsets are needed).
        question: the user's message.
        fmt: "llama2" or "template".
        system: optional system prompt (the template's default is used when None).
        answer: assistant text that follows the instruction, e.g. "(A" or "(".
        letter: the answer letter inside `answer` whose token position to report.

    Returns:
        A ChatPrompt with ids, instruction_end and letter_pos.
    """
    instruction = render_instruction(tokenizer, question, fmt=fmt, system=system)
    separator = LLAMA2_SEPARATOR if fmt == "llama2" and answer else ""
    text = instruction + separator + answer
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    ids, offsets = list(enc["input_ids"]), [tuple(o) for o in enc["offset_mapping"]]
    if fmt == "llama2" and tokenizer.bos_token_id is not None:
        ids, offsets = [tokenizer.bos_token_id] + ids, [(0, 0)] + offsets
    end = len(instruction)
    instruction_end = next((i for i, (start, _) in enumerate(offsets) if start >= end and i > 0), len(ids))
    letter_pos = None
    if letter is not None:
        where = len(instruction) + len(separator) + answer.rindex(letter)
        letter_pos = next(i for i, (start, stop) in enumerate(offsets) if start <= where < stop)
    return ChatPrompt(tuple(ids), instruction_end, letter_pos)


def check_context(model, n_tokens: int, what: str) -> None:
    """Raise ValueError when `n_tokens` exceed the model's context (checked before any forward pass)."""
    n_ctx = getattr(model.cfg, "n_ctx", None)
    if n_ctx and n_tokens > n_ctx:
        raise ValueError(f"{what} is {n_tokens:,} tokens, but {model.cfg.model_name} reads at most {n_ctx:,}")


def common_prefix(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    """Length of the longest common prefix of two token sequences."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n
