"""Residual-stream activations at the answer letter, every layer, for each contrast pair.

For an item, the matching prompt ends in `(X` and the not-matching one in `(Y`; both share
every token before the letter. Each pair becomes one row: the matching prompt followed by the
not-matching answer's few tokens, which an attention mask and position ids make see only the
shared prefix and themselves. So the prefix is computed once, both letters come from one
batched forward (left-padded, items grouped by length) with no second pass over the weights,
`resid_post` of every layer is read at the two letter tokens, and only one logit is computed.
`collect_reference` is the straightforward path (a full `run_with_cache` per prompt), kept as
the oracle for tests and the baseline for benchmarks.
"""

from dataclasses import dataclass

import torch
from tqdm.auto import tqdm

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


def _pack(prompts: list[tuple[ChatPrompt, ChatPrompt]], pad_id: int):
    """One left-padded row per pair: the matching prompt, then the not-matching answer's tokens.

    The not-matching tokens see the shared prefix and themselves only, at the positions the
    matching answer's tokens have, so each letter sees exactly its own prompt.

    Returns:
        (ids, position ids, allowed (batch, pos, pos) bool attention, letter columns (batch, 2)).
    """
    shared = [common_prefix(a.ids, b.ids) for a, b in prompts]
    if any(n == 0 or n > min(a.letter_pos, b.letter_pos) for n, (a, b) in zip(shared, prompts)):
        raise ValueError("the two answers of an item must share a prefix that ends before the letter token")
    seqs = [a.ids + b.ids[n:] for n, (a, b) in zip(shared, prompts)]
    width = max(map(len, seqs))
    ids = torch.full((len(seqs), width), pad_id, dtype=torch.long)
    positions = torch.zeros_like(ids)
    allowed = torch.eye(width, dtype=torch.bool).repeat(len(seqs), 1, 1)  # padding sees itself only
    columns = []
    for row, (seq, n, (a, b)) in enumerate(zip(seqs, shared, prompts)):
        start, split = width - len(seq), width - len(seq) + len(a.ids)
        ids[row, start:] = torch.tensor(seq)
        positions[row, start:split] = torch.arange(len(a.ids))
        positions[row, split:] = torch.arange(n, n + width - split)
        allowed[row, start:, start:] = torch.ones(len(seq), len(seq), dtype=torch.bool).tril()
        allowed[row, split:, start + n : split] = False
        columns.append((start + a.letter_pos, split + b.letter_pos - n))
    return ids, positions, allowed, torch.tensor(columns)


def _collect_batch(model, prompts: list[tuple[ChatPrompt, ChatPrompt]]) -> torch.Tensor:
    """(2 * len(prompts), n_layers, d_model): matching then not-matching row of each pair."""
    ids, positions, allowed, columns = _pack(prompts, model.tokenizer.pad_token_id)
    dtype, device = model.cfg.dtype, model.cfg.device
    mask = torch.zeros(allowed.shape, dtype=dtype).masked_fill_(~allowed, torch.finfo(dtype).min)
    reader, names = ReadAt(columns), resid_post_names(model.cfg.n_layers)
    with model.hooks(fwd_hooks=reader.hooks(names)):
        model(
            ids.to(device), attention_mask=mask[:, None].to(device), position_ids=positions.to(device), logits_to_keep=1
        )
    return reader.stacked(names).transpose(1, 2).flatten(0, 1).float().cpu()


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
