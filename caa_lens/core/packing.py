"""One forward pass for many continuations of a shared prefix, packed behind an attention mask.

A row holds a prefix followed by branches (token sequences). Each branch's tokens see the prefix
and the earlier tokens of their own branch only, and take the positions they would have right
after the prefix, so every branch is computed exactly as if it ran alone after the prefix, while
the prefix is computed once and no KV cache is copied. Rows are left-padded; padding sees only
itself. Used for the two answers of a contrast pair and for the configurations of a sweep.
`after_prefix` packs the branches alone, to run after the prefix's KV cache (`kv.PrefixCache`).
"""

from dataclasses import dataclass

import torch
from jaxtyping import Bool
from torch import Tensor

from .._types import Tokens

Row = tuple[tuple[int, ...], list[tuple[int, ...]]]


@dataclass(frozen=True)
class Packed:
    """Model inputs for packed rows, and where each branch starts.

    Attributes:
        ids: token ids, left-padded.
        positions: position ids (a branch continues the prefix's positions).
        allowed: allowed[row, query, key] is True where the query token may attend to the key
            (after a cached prefix the keys are the prefix's tokens, then the row's own).
        starts: per row, the column of each branch's first token.
    """

    ids: Tokens
    positions: Tokens
    allowed: Bool[Tensor, "batch pos key"]
    starts: list[list[int]]


def pack(rows: list[Row], pad_id: int) -> Packed:
    """Pack (prefix, branches) rows; every branch must be non-empty."""
    if any(not branch for _, branches in rows for branch in branches):
        raise ValueError("every branch needs at least one token")
    width = max(len(prefix) + sum(map(len, branches)) for prefix, branches in rows)
    ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    positions = torch.zeros_like(ids)
    allowed = torch.eye(width, dtype=torch.bool).repeat(len(rows), 1, 1)
    starts: list[list[int]] = []
    for row, (prefix, branches) in enumerate(rows):
        first = width - len(prefix) - sum(map(len, branches))
        prefix_cols = slice(first, first + len(prefix))
        ids[row, prefix_cols] = torch.tensor(prefix, dtype=torch.long)
        positions[row, prefix_cols] = torch.arange(len(prefix))
        allowed[row, prefix_cols, prefix_cols] = _causal(len(prefix))
        col = prefix_cols.stop
        starts.append([])
        for branch in branches:
            span = slice(col, col + len(branch))
            ids[row, span] = torch.tensor(branch, dtype=torch.long)
            positions[row, span] = torch.arange(len(prefix), len(prefix) + len(branch))
            allowed[row, span, prefix_cols] = True
            allowed[row, span, span] = _causal(len(branch))
            starts[-1].append(col)
            col += len(branch)
    return Packed(ids, positions, allowed, starts)


def after_prefix(n_prefix: int, branches: list[tuple[int, ...]]) -> Packed:
    """One row of `branches` to run after a cached prefix of `n_prefix` tokens: `allowed` has a
    column per prefix token (every branch sees them all) before the branches' own columns.
    """
    packed = pack([((), branches)], pad_id=0)
    width = packed.ids.shape[1]
    allowed = torch.cat([torch.ones(1, width, n_prefix, dtype=torch.bool), packed.allowed], dim=-1)
    return Packed(packed.ids, packed.positions + n_prefix, allowed, packed.starts)


def _causal(n: int) -> Bool[Tensor, "n n"]:
    return torch.ones(n, n, dtype=torch.bool).tril()


def forward(model, packed: Packed, keep: int | Tensor = 1, cache=None) -> torch.Tensor:
    """Run packed rows through the model (after `cache`'s prefix, for `after_prefix`).

    Returns logits for the last `keep` columns, or, for a 1-D tensor `keep`, for those columns
    only: the final norm and unembedding then run at the answer positions alone.
    """
    dtype, device = model.cfg.dtype, model.cfg.device
    mask = torch.zeros(packed.allowed.shape, dtype=dtype).masked_fill_(~packed.allowed, torch.finfo(dtype).min)
    cached = {} if cache is None else {"past_key_values": cache, "use_cache": True}
    return model(
        packed.ids.to(device),
        attention_mask=mask[:, None].to(device),
        position_ids=packed.positions.to(device),
        logits_to_keep=keep,
        **cached,
    )
