"""The A/B prompt and its metric: where the prompt ends, which tokens spell each letter, p(matching).

For an item the prompt ends where the two answers' tokens first differ, i.e. after ` (` when the
letter is a token of its own (`chat.ab_answer`); when `(A` is one token, with a lone ` (`.

After `(` a model may put its probability on the bare letter (`A`, Llama 2's SentencePiece) or
on the letter with a leading space (` A`, Qwen's BPE), and vocabularies hold more spellings still
(`\\tA`, byte-fallback `<0x41>`). A letter is scored as the sum of the probabilities of every
single token that decodes to that letter with optional leading whitespace (sets derived from the
vocabulary once per tokenizer): p_matching = p(matching letter) / (p(matching) + p(not
matching)), and letter_mass = p(matching) + p(not matching) shows whether the model still answers
with a letter at all; logit_diff = log p(matching) - log p(not matching) is the log-odds (Pres et
al. 2024, arXiv 2410.17245), insensitive to mass leaving the two letters.
"""

import re
import string
import weakref
from dataclasses import dataclass

import numpy as np
import torch

from ..core.chat import LLAMA2_SEPARATOR, ab_answer, chat_prompt, common_prefix
from ..datasets.load import ABItem

_VARIANT = re.compile(r"\s*([A-Z])")
_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _derive(tokenizer) -> dict[str, tuple[int, ...]]:
    # Every spelling's raw token ends with the letter, except byte-fallback tokens like <0x41>.
    candidates = sorted(
        i
        for tok, i in tokenizer.get_vocab().items()
        if tok and (tok[-1] in string.ascii_uppercase or tok.startswith("<0x"))
    )
    found: dict[str, list[int]] = {}
    for i, text in zip(candidates, tokenizer.batch_decode([[i] for i in candidates]), strict=True):
        match = _VARIANT.fullmatch(text)
        if match:
            found.setdefault(match.group(1), []).append(i)
    return {letter: tuple(ids) for letter, ids in found.items()}


def letter_tokens(tokenizer, letter: str) -> tuple[int, ...]:
    """Ids of every token that is `letter` with optional leading whitespace (cached per tokenizer).

    Raises:
        ValueError: `letter` is not a capital letter, or no token spells it.
    """
    if len(letter) != 1 or letter not in string.ascii_uppercase:
        raise ValueError(f"answer letter must be one capital letter A-Z, got {letter!r}")
    try:
        table = _CACHE[tokenizer]
    except (KeyError, TypeError):
        table = _derive(tokenizer)
        try:
            _CACHE[tokenizer] = table
        except TypeError:  # a tokenizer that cannot be weakly referenced is simply not cached
            pass
    if letter not in table:
        raise ValueError(f"no token of this vocabulary spells the letter {letter!r}")
    return table[letter]


@dataclass(frozen=True)
class ABPrompt:
    """An A/B evaluation prompt: ids, where steering starts, and the tokens spelling each answer letter."""

    ids: tuple[int, ...]
    instruction_end: int
    matching_tokens: tuple[int, ...]
    not_matching_tokens: tuple[int, ...]


def ab_prompt(tokenizer, item: ABItem, *, fmt: str, system: str | None = None) -> ABPrompt:
    """Build the evaluation prompt of an item (see the module docstring)."""
    yes, no = (
        chat_prompt(tokenizer, item.question, fmt=fmt, system=system, answer=ab_answer(x, fmt))
        for x in (item.matching, item.not_matching)
    )
    n = common_prefix(yes.ids, no.ids)
    letters = letter_tokens(tokenizer, item.matching), letter_tokens(tokenizer, item.not_matching)
    if n > yes.instruction_end and yes.ids[n] in letters[0]:
        return ABPrompt(yes.ids[:n], yes.instruction_end, *letters)
    # `(A` is one token (right after the instruction, nothing steered would precede the answer;
    # or after a space, the next token would not be a letter): end the prompt with the tokens
    # of a lone `(` and score the letter tokens after it.
    separator = LLAMA2_SEPARATOR if fmt == "llama2" else ""
    lone = tokenizer(separator + ab_answer("", fmt), add_special_tokens=False)["input_ids"]
    ids = yes.ids[: yes.instruction_end] + tuple(lone)
    return ABPrompt(ids, yes.instruction_end, *letters)


def p_matching(logits: torch.Tensor, prompt: ABPrompt) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """p(matching), letter mass and log-odds from next-token logits at the answer position (float32).

    The log-odds `logit_diff` = log p(matching letter set) - log p(not matching letter set) is
    computed as a difference of the two sets' log-sum-exp of logits (the softmax normaliser
    cancels), so it stays finite where both probabilities underflow; it equals logit(p_matching)
    and, unlike p_matching, keeps moving when the model is already sure of its answer.
    """
    logits = logits.float()
    probs = torch.softmax(logits, dim=-1)
    yes_ids, no_ids = list(prompt.matching_tokens), list(prompt.not_matching_tokens)
    yes, no = probs[:, yes_ids].sum(-1), probs[:, no_ids].sum(-1)
    diff = torch.logsumexp(logits[:, yes_ids], dim=-1) - torch.logsumexp(logits[:, no_ids], dim=-1)
    return (yes / (yes + no)).cpu().numpy(), (yes + no).cpu().numpy(), diff.cpu().numpy()


def item_group(item: ABItem, index: int) -> str:
    """The item's scenario, or its own index as a one-item cluster when it has none."""
    return item.group if item.group is not None else f"item-{index}"
