"""Residual-stream activations at the answer letter, every layer, for each contrast pair.

For an item, the matching prompt ends in `(X` and the not-matching one in `(Y`; both share
every token before the letter. We compute that shared prefix once per item (batched across
items, left-padded), then run only the letter tokens of the two answers on its KV cache,
reading `resid_post` of every layer at the letter token and skipping all but one logit.
`collect_reference` is the straightforward path (a full `run_with_cache` per prompt), kept as
the oracle for tests and the baseline for benchmarks.
"""

from dataclasses import dataclass

import torch
from tqdm.auto import tqdm

from . import kv
from ._types import PairActs
from .chat import ChatPrompt, chat_prompt, common_prefix, default_format
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
    pad = model.tokenizer.pad_token_id
    shared = [common_prefix(a.ids, b.ids) for a, b in prompts]
    if any(n == 0 or n > min(a.letter_pos, b.letter_pos) for n, (a, b) in zip(shared, prompts)):
        raise ValueError("the two answers of an item must share a prefix that ends before the letter token")
    prefix_ids, prefix_mask = kv.left_pad([a.ids[:n] for n, (a, _) in zip(shared, prompts)], pad)
    _, cache = kv.run(model, prefix_ids, prefix_mask, keep=1)
    rows = [(p, n) for n, pair in zip(shared, prompts) for p in pair]
    suffix_ids, suffix_mask = kv.right_pad([p.ids[n:] for p, n in rows], pad)
    mask = torch.cat([prefix_mask.repeat_interleave(2, dim=0), suffix_mask], dim=1)
    reader = ReadAt(torch.tensor([p.letter_pos - n for p, n in rows]))
    names = resid_post_names(model.cfg.n_layers)
    with model.hooks(fwd_hooks=reader.hooks(names)):
        kv.run(model, suffix_ids, mask, kv.repeat(cache, 2), keep=1)
    return reader.stacked(names).float().cpu()


@torch.inference_mode()
def collect(
    model,
    items: list[ABItem],
    *,
    fmt: str | None = None,
    system: str | None = None,
    batch_size: int = 8,
    progress: bool = True,
) -> PairActivations:
    """Activations at the answer letter for every layer, matching and not matching.

    Args:
        model: a TransformerBridge.
        items: contrast pairs.
        fmt: chat format ("llama2" or "template"); default from the model.
        system: optional system prompt.
        batch_size: items per forward pass.
        progress: show a tqdm bar.

    Returns:
        PairActivations with tensors of shape (n_pairs, n_layers, d_model).
    """
    fmt = fmt or default_format(model)
    prompts = [pair_prompts(model.tokenizer, item, fmt=fmt, system=system) for item in items]
    chunks = [prompts[i : i + batch_size] for i in range(0, len(prompts), batch_size)]
    acts = torch.cat([_collect_batch(model, c) for c in tqdm(chunks, desc="collect", disable=not progress)])
    return PairActivations(
        acts[0::2], acts[1::2], tuple(i.matching for i in items), tuple(i.not_matching for i in items)
    )


@torch.inference_mode()
def collect_reference(
    model, items: list[ABItem], *, fmt: str | None = None, system: str | None = None
) -> PairActivations:
    """The straightforward path: one full `run_with_cache` per prompt, read at the letter."""
    fmt = fmt or default_format(model)
    names = resid_post_names(model.cfg.n_layers)
    out = []
    for item in items:
        for prompt in pair_prompts(model.tokenizer, item, fmt=fmt, system=system):
            _, cache = model.run_with_cache(torch.tensor([prompt.ids], device=model.cfg.device), names_filter=names)
            out.append(torch.stack([cache[name][0, prompt.letter_pos] for name in names]).float().cpu())
    acts = torch.stack(out)
    return PairActivations(
        acts[0::2], acts[1::2], tuple(i.matching for i in items), tuple(i.not_matching for i in items)
    )
