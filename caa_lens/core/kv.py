"""Batched forward passes with a KV cache: left-pad, run a prompt, continue it token by token.

Rows are left-padded so every prompt ends at the same column; positions come from the mask, so
a continuation run on the returned cache sees exactly its own prompt (cached generation,
judging). `PrefixCache` keeps the KV cache of prompts that many passes continue (the question
before the steered positions, shared by every configuration of every sweep over an item).
"""

from collections import OrderedDict

import torch
from jaxtyping import Int
from torch import Tensor
from transformers import DynamicCache

from .._types import Mask, Tokens


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


def positions(mask: Mask, n_new: int) -> Int[Tensor, "batch n_new"]:
    """Position ids of the last `n_new` columns, counting only attended tokens."""
    return (mask.cumsum(-1) - 1).clamp(min=0)[:, -n_new:]


def run(
    model, ids: Tokens, mask: Mask, cache: DynamicCache | None = None, keep: int = 0
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


class PrefixCache:
    """KV caches of token prefixes of one model, each computed once, reused by every pass that continues it.

    A prefix's cache depends only on its tokens and the hooks active while it was computed, so
    one cache serves passes that steer only after the prefix (`sweep.sweep`), and must not be
    shared across models or across hooks that change the prefix. The least recently used entries
    are dropped beyond `max_bytes`.
    """

    def __init__(self, model, max_bytes: int = 2**30):
        self.model = model
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple[int, ...], list[tuple[torch.Tensor, torch.Tensor]]] = OrderedDict()
        self.nbytes = 0  # held by the stored tensors
        self.computed = 0  # prefixes run through the model so far

    def __len__(self) -> int:
        return len(self._entries)

    def _size(self, prefix) -> int:
        return sum(t.nbytes for kv in self._entries[prefix] for t in kv)

    def continuation(self, prefix: tuple[int, ...]) -> DynamicCache:
        """A fresh cache holding `prefix`, to run its continuation on (the stored tensors are never extended)."""
        if prefix not in self._entries:
            ids = torch.tensor([prefix], dtype=torch.long)
            _, cache = run(self.model, ids, torch.ones_like(ids), keep=1)
            self._entries[prefix] = [(layer.keys, layer.values) for layer in cache.layers]  # type: ignore[misc, union-attr]
            self.nbytes += self._size(prefix)
            self.computed += 1
            while len(self._entries) > 1 and self.nbytes > self.max_bytes:
                self.nbytes -= self._size(next(iter(self._entries)))
                self._entries.popitem(last=False)
        self._entries.move_to_end(prefix)
        fresh = DynamicCache()
        for index, (keys, values) in enumerate(self._entries[prefix]):
            fresh.update(keys, values, index)
        return fresh
