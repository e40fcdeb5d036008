"""Hook points and hook functions: the only module that spells TransformerLens hook names.

Two hooks carry the method:
- `ReadAt` stores the residual stream at chosen positions (one per row) during a forward;
- `AddVector` adds a per-row vector at every position from a per-row start onwards. It tracks
  absolute positions across calls, so it is right in a full pass, in a pass over a suffix
  whose prefix sits in a KV cache, and in one-token cached decoding steps.
"""

import torch
from jaxtyping import Float, Int
from torch import Tensor

from ._types import Residual, RowDirections


def resid_post(layer: int) -> str:
    """Name of the residual stream after block `layer`."""
    return f"blocks.{layer}.hook_resid_post"


def resid_post_names(n_layers: int) -> list[str]:
    """Names of every layer's `resid_post`, in layer order."""
    return [resid_post(layer) for layer in range(n_layers)]


class ReadAt:
    """Store `resid[row, positions[row]]` under each hook name it is attached with (`at(name)`).

    `positions` is (batch,) for one position per row or (batch, k) for k positions per row.
    """

    def __init__(self, positions: Int[Tensor, " batch *k"]):
        self.positions = positions
        self.store: dict[str, Float[Tensor, "batch *k d_model"]] = {}

    def at(self, name: str):
        """The hook function for hook point `name` (bridge hook points may carry alias names)."""

        def read(resid: Residual, hook) -> Residual:
            rows = torch.arange(resid.shape[0], device=resid.device).reshape(-1, *[1] * (self.positions.dim() - 1))
            self.store[name] = resid[rows, self.positions.to(resid.device)].detach().clone()
            return resid

        return read

    def hooks(self, names: list[str]) -> list[tuple[str, object]]:
        """`fwd_hooks` entries reading every name in `names`."""
        return [(name, self.at(name)) for name in names]

    def stacked(self, names: list[str]) -> Float[Tensor, "batch n_layers *k d_model"]:
        """The stored rows for `names`, stacked along a layer axis."""
        return torch.stack([self.store[name] for name in names], dim=1)


class AddVector:
    """Add `vectors[row]` to the residual stream at absolute positions >= `start[row]`.

    Absolute positions: a call with more than one token starts a new sequence at position 0
    unless `offset` was set just before it (a suffix after a cached prefix); a one-token call
    continues where the last call ended (cached decoding).
    """

    def __init__(self, vectors: RowDirections, start: Int[Tensor, " batch"] | int = 0):
        self.vectors = vectors
        self.start = start
        self.offset: int | None = None
        self._end = 0

    def __call__(self, resid: Residual, hook) -> Residual:
        n = resid.shape[1]
        first = self.offset if self.offset is not None else (self._end if n == 1 else 0)
        self.offset, self._end = None, first + n
        start = torch.as_tensor(self.start, device=resid.device).reshape(-1, 1)
        positions = torch.arange(first, first + n, device=resid.device)
        mask = (positions[None, :] >= start).unsqueeze(-1).to(resid.dtype)
        vectors = self.vectors.to(device=resid.device, dtype=resid.dtype)
        return resid + mask * vectors[:, None, :]


class AddAt:
    """Add `delta[row, pos]` to the residual stream (a full pass, such as a packed one)."""

    def __init__(self, delta: Residual):
        self.delta = delta

    def __call__(self, resid: Residual, hook) -> Residual:
        return resid + self.delta.to(device=resid.device, dtype=resid.dtype)
