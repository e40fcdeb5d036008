"""Batched forward passes with a KV cache: left-pad, run a prompt, continue it token by token.

Rows are left-padded so every prompt ends at the same column; positions come from the mask, so
a continuation run on the returned cache sees exactly its own prompt (cached generation,
judging).
"""

import torch
from transformers import DynamicCache

from ._types import Tokens


def left_pad(seqs: list[tuple[int, ...]], pad_id: int) -> tuple[Tokens, Tokens]:
    """Left-pad token sequences; returns (ids, attention mask)."""
    width = max(len(s) for s in seqs)
    ids = torch.full((len(seqs), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(seqs), width), dtype=torch.long)
    for row, seq in enumerate(seqs):
        if seq:
            ids[row, width - len(seq) :] = torch.tensor(seq)
            mask[row, width - len(seq) :] = 1
    return ids, mask


def positions(mask: Tokens, n_new: int) -> Tokens:
    """Position ids of the last `n_new` columns, counting only attended tokens."""
    return (mask.cumsum(-1) - 1).clamp(min=0)[:, -n_new:]


def run(
    model, ids: Tokens, mask: Tokens, cache: DynamicCache | None = None, keep: int = 0
) -> tuple[torch.Tensor, DynamicCache]:
    """Forward `ids` after `cache` (or from scratch); `mask` covers cache and ids.

    Args:
        keep: how many final positions to compute logits for (0 = all).

    Returns:
        (logits, the extended cache). The cache passed in is extended in place.
    """
    device = model.cfg.device
    cache = cache if cache is not None else DynamicCache()
    logits, cache = model(
        ids.to(device),
        return_type="logits_and_cache",
        attention_mask=mask.to(device),
        position_ids=positions(mask, ids.shape[1]).to(device),
        past_key_values=cache,
        use_cache=True,
        logits_to_keep=keep,
    )
    return logits, cache
