"""Hook points and hook functions: the only module that spells TransformerLens hook names.

Sites (`options.SITES`) of block L: `resid_pre` (the block's input), `resid_mid` (after
attention, before the MLP), `resid_post` (the block's output = `resid_pre` of L+1), `attn_out`
and `mlp_out` (what attention and the MLP add to the residual stream). Reading uses each
site's own hook. Steering `resid_mid` uses the `attn_out` hook: the bridge's `hook_resid_mid`
only feeds the MLP's layer norm, not the residual skip, while adding to attention's output
changes the residual stream at `resid_mid` itself (resid_mid = resid_pre + attn_out), which is
what steering there means.

Two hooks carry the method:
- `ReadAt` stores the residual stream at chosen positions (one per row) during a forward; with
  `stop=True` it ends the forward (`StopForward`) once every hook it was attached with has read,
  so nothing after the last layer read (later blocks, final norm, unembedding) is computed;
- `AddVector` adds a per-row vector at every position from a per-row start onwards. It tracks
  absolute positions across calls, so it is right in a full pass, in a pass over a suffix
  whose prefix sits in a KV cache, and in one-token cached decoding steps.

Both adding hooks can first ablate a direction (operator "ablate"): with a unit vector u,
x -> x - (x . u) u + delta at the steered positions, so x's component along u is replaced by
delta's. A zero u leaves x unchanged, which is how unsteered rows and positions are expressed.
"""

import contextlib
import weakref

import torch
from jaxtyping import Float, Int
from torch import Tensor

from .._types import Residual, RowDirections
from ..options import DEFAULT_SITE, check_site


def read_name(layer: int, site: str = DEFAULT_SITE) -> str:
    """Hook name whose value is the activation at `site` of block `layer`."""
    return f"blocks.{layer}.hook_{check_site(site)}"


def steer_name(layer: int, site: str = DEFAULT_SITE) -> str:
    """Hook name where a vector is added to change the residual stream at `site` (see module docstring)."""
    return read_name(layer, "attn_out" if check_site(site) == "resid_mid" else site)


def residual_site(site: str) -> str:
    """The residual-stream site a vector at `site` ends up in (`attn_out` -> resid_mid, `mlp_out` -> resid_post)."""
    return {"attn_out": "resid_mid", "mlp_out": "resid_post"}.get(check_site(site), site)


def resid_post(layer: int) -> str:
    """Name of the residual stream after block `layer`."""
    return read_name(layer, "resid_post")


def read_names(n_layers: int, site: str = DEFAULT_SITE) -> list[str]:
    """Names of every layer's `site`, in layer order."""
    return [read_name(layer, site) for layer in range(n_layers)]


def resid_post_names(n_layers: int) -> list[str]:
    """Names of every layer's `resid_post`, in layer order."""
    return read_names(n_layers, "resid_post")


class StopForward(Exception):
    """Raised by a `ReadAt(stop=True)` hook once it has read everything: the forward has nothing left to give."""


class ReadAt:
    """Store `resid[row, positions[row]]` under each hook name it is attached with (`at(name)`).

    `positions` is (batch,) for one position per row or (batch, k) for k positions per row. With
    `stop`, the hook that completes the reads raises `StopForward` (run the forward with `run`).
    """

    def __init__(self, positions: Int[Tensor, " batch *k"], stop: bool = False):
        self.positions = positions
        self.stop = stop
        self.store: dict[str, Float[Tensor, "batch *k d_model"]] = {}
        self._names: set[str] = set()

    def at(self, name: str):
        """The hook function for hook point `name` (bridge hook points may carry alias names)."""

        def read(resid: Residual, hook) -> Residual:
            rows = torch.arange(resid.shape[0], device=resid.device).reshape(-1, *[1] * (self.positions.dim() - 1))
            self.store[name] = resid[rows, self.positions.to(resid.device)].detach().clone()
            if self.stop and self._names <= self.store.keys():
                raise StopForward
            return resid

        self._names.add(name)
        return read

    def hooks(self, names: list[str]) -> list[tuple[str, object]]:
        """`fwd_hooks` entries reading every name in `names`."""
        return [(name, self.at(name)) for name in names]

    def run(self, model, names: list[str], forward) -> None:
        """Call `forward()` with the hooks reading `names` in place; a `StopForward` from them ends it early."""
        self.store.clear()
        with model.hooks(fwd_hooks=self.hooks(names)):
            try:
                forward()
            except StopForward:
                pass  # every name was read: the rest of the forward is not needed
        missing = [name for name in names if name not in self.store]
        if missing:
            raise RuntimeError(f"the forward pass never reached the hook points {missing[:3]}")

    def stacked(self, names: list[str]) -> Float[Tensor, "batch n_layers *k d_model"]:
        """The stored rows for `names`, stacked along a layer axis."""
        return torch.stack([self.store[name] for name in names], dim=1)


class AddVector:
    """Add `vectors[row]` to the residual stream at absolute positions >= `start[row]`.

    Absolute positions: a call with more than one token starts a new sequence at position 0
    unless `offset` was set just before it (a suffix after a cached prefix); a one-token call
    continues where the last call ended (cached decoding).
    """

    def __init__(
        self, vectors: RowDirections, start: Int[Tensor, " batch"] | int = 0, units: RowDirections | None = None
    ):
        self.vectors = vectors
        self.start = start
        self.units = units
        self.offset: int | None = None
        self._end = 0

    def __call__(self, resid: Residual, hook) -> Residual:
        """The hook: `resid` with the rows' vectors added from their start positions on."""
        if self.vectors.shape[0] not in (1, resid.shape[0]):
            raise ValueError(
                f"steering has {self.vectors.shape[0]} multipliers for a batch of {resid.shape[0]}; "
                "give one multiplier, or one per batch row"
            )
        n = resid.shape[1]
        first = self.offset if self.offset is not None else (self._end if n == 1 else 0)
        self.offset, self._end = None, first + n
        start = torch.as_tensor(self.start, device=resid.device).reshape(-1, 1)
        positions = torch.arange(first, first + n, device=resid.device)
        mask = (positions[None, :] >= start).unsqueeze(-1).to(resid.dtype)
        vectors = self.vectors.to(device=resid.device, dtype=resid.dtype)
        if self.units is not None:
            resid = ablate(resid, mask * self.units.to(device=resid.device, dtype=resid.dtype)[:, None, :])
        return resid + mask * vectors[:, None, :]


class AddAt:
    """Add `delta[row, pos]` to the residual stream (a full pass, such as a packed one),
    first ablating `units[row, pos]` where given (zero rows: no ablation).
    """

    def __init__(self, delta: Residual, units: Residual | None = None):
        self.delta = delta
        self.units = units

    def __call__(self, resid: Residual, hook) -> Residual:
        """The hook: `resid` plus `delta` (after ablating `units` where given)."""
        if self.units is not None:
            resid = ablate(resid, self.units.to(device=resid.device, dtype=resid.dtype))
        return resid + self.delta.to(device=resid.device, dtype=resid.dtype)


def ablate(resid: Residual, units: Residual) -> Residual:
    """`resid` minus its projection on `units` (unit vectors, or zeros to keep a position as it is)."""
    return resid - (resid * units).sum(dim=-1, keepdim=True) * units


_STEERED: "weakref.WeakKeyDictionary[object, int]" = weakref.WeakKeyDictionary()  # model -> open `steer` blocks


@contextlib.contextmanager
def steering_active(model):
    """Mark `model` as steered inside the block (`steering.steer` opens it; nested blocks count)."""
    _STEERED[model] = _STEERED.get(model, 0) + 1
    try:
        yield
    finally:
        _STEERED[model] -= 1
        if not _STEERED[model]:
            del _STEERED[model]


def check_unsteered(model, what: str) -> None:
    """Raise ValueError if a `steer` block is open on `model`: `what` would read steered activations as plain ones."""
    if _STEERED.get(model):
        raise ValueError(
            f"{what} cannot run inside a `steer` block on the same model: its hooks would steer every pass "
            "and the results would be labelled unsteered; run it outside the `with steer(...)` block"
        )
