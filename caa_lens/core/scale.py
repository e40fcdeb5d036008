"""The one place a multiplier becomes a vector: m x v_L, with m read in a unit (`options.SCALES`).

- "raw": the paper's multiplier, m x v_L.
- "relative": m x (mean residual norm at L) / |v_L|, so m = 1 adds a vector as long as a typical
  residual, a unit that carries across model sizes.
"""

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import torch

from .._types import RowDirections
from ..options import DEFAULT_SCALE, check_scale

if TYPE_CHECKING:
    from .vectors import SteeringVectors


def as_multipliers(multiplier, n: int | None = None) -> list[float]:
    """One finite float per row from a number (Python, numpy or 0-d tensor) or a sequence of them.

    Raises:
        ValueError: a value is not a finite number, or the count differs from `n`.
    """
    many = isinstance(multiplier, (list, tuple)) or (hasattr(multiplier, "ndim") and multiplier.ndim > 0)
    values = list(multiplier) if many else [multiplier] * (n or 1)
    out = []
    for value in values:
        try:
            if isinstance(value, str | bytes):
                raise TypeError
            value = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"a multiplier must be a number, got {value!r}") from None
        if not math.isfinite(value):
            raise ValueError(f"a multiplier must be finite, got {value}")
        out.append(value)
    if n is not None and len(out) != n:
        raise ValueError(f"got {len(out)} multipliers for {n} prompts")
    return out


def effective_multiplier(
    vectors: "SteeringVectors", layer: int, multiplier: float, scale: str = DEFAULT_SCALE
) -> float:
    """The factor that multiplies v_L for a raw or relative multiplier."""
    check_scale(scale)
    (layer,) = vectors.check_layers([layer])
    (multiplier,) = as_multipliers(multiplier)
    if scale == "raw":
        return multiplier
    return float(multiplier * vectors.resid_norm[layer] / vectors.norms()[layer].clamp_min(1e-12))


def row_directions(
    vectors: "SteeringVectors", layer: int, multipliers: Sequence[float], scale: str = DEFAULT_SCALE
) -> RowDirections:
    """One steering vector per row: effective multiplier x v_layer."""
    factors = torch.tensor([effective_multiplier(vectors, layer, m, scale) for m in multipliers])
    return factors[:, None] * vectors.directions[layer][None, :]
