"""Residual-stream activations at the answer letter, every layer, for each contrast pair.

For an item, the matching prompt ends in `(X` and the not-matching one in `(Y`; both share
every token before the letter. Each pair becomes one packed row (`packing`): the shared prefix,
then both answers' few tokens, each seeing only the prefix and itself. So the prefix is computed
once, both letters come from one batched forward (left-padded, items grouped by length),
`resid_post` of every layer is read at the two letter tokens, and only one logit is computed.
`reference.collect_reference` is the straightforward path (a full `run_with_cache` per prompt), kept as
the oracle for tests and the baseline for benchmarks.
"""

from dataclasses import dataclass

import torch
from tqdm.auto import tqdm

from . import packing
from ._types import PairActs
from .chat import ChatPrompt, chat_prompt, check_context, common_prefix, resolve_format
from .datasets import ABItem
from .hooks import ReadAt, resid_post_names


@dataclass(frozen=True)
class PairActivations:
    """Letter-token activations of each pair's two prompts (answers' letters kept for analysis)."""

    matching: PairActs
    not_matching: PairActs
    matching_letters: tuple[str, ...]
    not_matching_letters: tuple[str, ...]


def pair_prompts(tokenizer, item: ABItem, *, fmt: str, system: str | None = None) -> tuple[ChatPrompt, ChatPrompt]:
    """The matching and not-matching prompts of an item, each ending in its answer letter."""
    return tuple(
        chat_prompt(tokenizer, item.question, fmt=fmt, system=system, answer=f"({letter}", letter=letter)
        for letter in (item.matching, item.not_matching)
    )


def _collect_batch(model, prompts: list[tuple[ChatPrompt, ChatPrompt]]) -> torch.Tensor:
    """(len(prompts), 2, n_layers, d_model): each pair's matching then not-matching activations."""
    for a, b in prompts:
        check_context(model, len(a.ids) + len(b.ids), "a contrast pair's packed prompt")
    shared = [common_prefix(a.ids, b.ids) for a, b in prompts]
    if any(n == 0 or n > min(a.letter_pos, b.letter_pos) for n, (a, b) in zip(shared, prompts)):
        raise ValueError("the two answers of an item must share a prefix that ends before the letter token")
    packed = packing.pack(
        [(a.ids[:n], [a.ids[n:], b.ids[n:]]) for n, (a, b) in zip(shared, prompts)], model.tokenizer.pad_token_id
    )
    columns = [
        (start_a + a.letter_pos - n, start_b + b.letter_pos - n)
        for (start_a, start_b), n, (a, b) in zip(packed.starts, shared, prompts)
    ]
    reader, names = ReadAt(torch.tensor(columns)), resid_post_names(model.cfg.n_layers)
    with model.hooks(fwd_hooks=reader.hooks(names)):
        packing.forward(model, packed)
    return reader.stacked(names).transpose(1, 2).float().cpu()


@torch.inference_mode()
def collect(
    model,
    items: list[ABItem],
    *,
    fmt: str | None = None,
    system: str | None = None,
    batch_size: int = 32,
    progress: bool = True,
) -> PairActivations:
    """Activations at the answer letter for every layer, matching and not matching.

    Args:
        model: a TransformerBridge.
        items: contrast pairs.
        fmt: chat format ("llama2" or "template"); default from the model.
        system: optional system prompt.
        batch_size: items per forward pass (items are grouped by length to limit padding).
        progress: show a tqdm bar.

    Returns:
        PairActivations with tensors of shape (n_pairs, n_layers, d_model).
    """
    if not items:
        raise ValueError("collect needs at least one contrast pair")
    fmt = resolve_format(model, fmt)
    prompts = [pair_prompts(model.tokenizer, item, fmt=fmt, system=system) for item in items]
    order = sorted(range(len(prompts)), key=lambda i: len(prompts[i][0].ids))
    chunks = [[prompts[i] for i in order[lo : lo + batch_size]] for lo in range(0, len(order), batch_size)]
    sorted_acts = torch.cat([_collect_batch(model, c) for c in tqdm(chunks, desc="collect", disable=not progress)])
    acts = torch.empty_like(sorted_acts)
    acts[torch.tensor(order)] = sorted_acts
    return PairActivations(
        acts[:, 0], acts[:, 1], tuple(i.matching for i in items), tuple(i.not_matching for i in items)
    )
