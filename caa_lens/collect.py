"""Residual-stream activations at the answer letter, every layer, for each contrast pair.

For an item, the matching prompt ends in `(X` and the not-matching one in `(Y`; both share
every token before the letter. One batched pass (left-padded, items grouped by length) runs the
matching prompts; a second runs only the not-matching answer's letter tokens on that KV cache,
with the matching answer's tokens masked out, so the shared prefix is computed once. Both read
`resid_post` of every layer at the letter token and skip all but one logit.
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


def _read(model, reader: ReadAt, ids, mask, cache=None):
    """Forward with `reader` on every layer's resid_post; returns the extended KV cache."""
    with model.hooks(fwd_hooks=reader.hooks(resid_post_names(model.cfg.n_layers))):
        return kv.run(model, ids, mask, cache, keep=1)[1]


def _collect_batch(model, prompts: list[tuple[ChatPrompt, ChatPrompt]]) -> torch.Tensor:
    """(2 * len(prompts), n_layers, d_model): matching then not-matching row of each pair."""
    pad, names = model.tokenizer.pad_token_id, resid_post_names(model.cfg.n_layers)
    shared = [common_prefix(a.ids, b.ids) for a, b in prompts]
    if any(n == 0 or n > min(a.letter_pos, b.letter_pos) for n, (a, b) in zip(shared, prompts)):
        raise ValueError("the two answers of an item must share a prefix that ends before the letter token")
    ids, mask = kv.left_pad([a.ids for a, _ in prompts], pad)
    starts = [ids.shape[1] - len(a.ids) for a, _ in prompts]  # column of each row's first token
    first = ReadAt(torch.tensor([s + a.letter_pos for s, (a, _) in zip(starts, prompts)]))
    cache = _read(model, first, ids, mask)
    for row, (s, n) in enumerate(zip(starts, shared)):
        mask[row, s + n :] = 0  # the not-matching answer must not see the matching one
    suffix_ids, suffix_mask = kv.right_pad([b.ids[n:] for n, (_, b) in zip(shared, prompts)], pad)
    second = ReadAt(torch.tensor([b.letter_pos - n for n, (_, b) in zip(shared, prompts)]))
    _read(model, second, suffix_ids, torch.cat([mask, suffix_mask], dim=1), cache)
    acts = torch.stack([first.stacked(names), second.stacked(names)], dim=1)
    return acts.flatten(0, 1).float().cpu()


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
    fmt = fmt or default_format(model)
    prompts = [pair_prompts(model.tokenizer, item, fmt=fmt, system=system) for item in items]
    order = sorted(range(len(prompts)), key=lambda i: len(prompts[i][0].ids))
    chunks = [[prompts[i] for i in order[lo : lo + batch_size]] for lo in range(0, len(order), batch_size)]
    sorted_acts = torch.cat([_collect_batch(model, c) for c in tqdm(chunks, desc="collect", disable=not progress)])
    acts = torch.empty_like(sorted_acts)
    acts[torch.tensor([[2 * i, 2 * i + 1] for i in order]).flatten()] = sorted_acts
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
