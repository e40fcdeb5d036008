"""The one place a multiplier becomes a vector: m x v_L, with m read in a unit (`options.SCALES`).

- "raw": the paper's multiplier, m x v_L.
- "relative": m x (mean residual norm at L) / |v_L|, so m = 1 adds a vector as long as a typical
  residual, a unit that carries across model sizes (refused for a zero v_L, which has no length to scale).
- "kl": sign(m) x c x v_L, where c >= 0 is the coefficient whose mean per-token KL(steered ||
  unsteered) over fixed neutral prompts is |m| nats (equal dose across behaviours and models).
  `core.kl.calibrate_kl` finds c by bisection on a model and records it here, per (model, vectors'
  content, layer, m); `steer` and `sweep` calibrate what they need first. Reading an uncalibrated
  "kl" multiplier raises ValueError.

Scaling is computed in float32 whatever the vectors' dtype (a float16 vector's norm can pass 65504),
and every scaled vector must be finite in the dtype it is used in (`check_finite`): a value that
overflows is refused, never added as infinity.
"""

import hashlib
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


_KL: dict[tuple[str, str, int, float], float] = {}  # (model, vectors' content, layer, m) -> raw coefficient


def content_key(vectors: "SteeringVectors") -> str:
    """A short SHA-256 of the vectors' directions (float32 bytes): what a calibration is recorded for."""
    return hashlib.sha256(vectors.directions.float().contiguous().numpy().tobytes()).hexdigest()[:16]


def kl_key(vectors: "SteeringVectors", layer: int, multiplier: float) -> tuple[str, str, int, float]:
    """The key of a "kl" multiplier's calibration (`core.kl` records it; `effective_multiplier` reads it)."""
    return (vectors.model, content_key(vectors), int(layer), float(multiplier))


def record_kl(key: tuple[str, str, int, float], coefficient: float) -> None:
    """Record the raw coefficient of a calibrated "kl" multiplier (`core.kl.calibrate`)."""
    _KL[key] = float(coefficient)


def recorded_kl(key: tuple[str, str, int, float]) -> float | None:
    """The recorded coefficient of a "kl" multiplier, or None."""
    return _KL.get(key)


def effective_multiplier(
    vectors: "SteeringVectors", layer: int, multiplier: float, scale: str = DEFAULT_SCALE
) -> float:
    """The factor that multiplies v_L for a raw, relative or (calibrated) kl multiplier."""
    check_scale(scale)
    (layer,) = vectors.check_layers([layer])
    (multiplier,) = as_multipliers(multiplier)
    if scale == "raw" or (scale == "kl" and multiplier == 0):
        return multiplier
    if scale == "kl":
        coefficient = recorded_kl(kl_key(vectors, layer, multiplier))
        if coefficient is None:
            raise ValueError(
                f"kl multiplier {multiplier:g} at layer {layer} is not calibrated for these vectors; "
                "call caa_lens.calibrate_kl(model, vectors, layers, multipliers) first (steer, sweep and "
                "generate_open_ended do)"
            )
        return coefficient
    norm = float(vectors.norms()[layer])
    if norm == 0:
        raise ValueError(f"layer {layer}'s vector is zero: it has no length for a relative multiplier; use raw scale")
    return multiplier * float(vectors.resid_norm[layer]) / norm


def check_finite(scaled: torch.Tensor, dtype: torch.dtype, what: str) -> torch.Tensor:
    """`scaled` if every value is finite in `dtype` (float32 or the model's), else ValueError naming `what`."""
    limit = torch.finfo(dtype).max
    if not bool(torch.isfinite(scaled).all()) or bool((scaled.abs() > limit).any()):
        raise ValueError(
            f"{what} overflows {str(dtype).removeprefix('torch.')} (largest {limit:.4g}); use a smaller multiplier"
        )
    return scaled


def scaled_vector(
    vectors: "SteeringVectors",
    layer: int,
    multiplier: float,
    scale: str = DEFAULT_SCALE,
    dtype: torch.dtype = torch.float32,
) -> torch.Tensor:
    """Effective multiplier x v_layer in float32, checked finite in `dtype`."""
    (multiplier,) = as_multipliers(multiplier)
    factor = effective_multiplier(vectors, layer, multiplier, scale)
    scaled = torch.tensor(factor, dtype=torch.float64) * vectors.directions[layer].double()
    return check_finite(scaled, dtype, f"multiplier {multiplier:g} ({scale}) x layer {layer}'s vector").float()


def check_multipliers_fit(vectors: "SteeringVectors", layers, multipliers, scale: str, dtype: torch.dtype) -> None:
    """Raise ValueError unless every (layer, multiplier) gives a finite scaled vector in `dtype` (before computing)."""
    for layer in layers:
        for m in multipliers:
            scaled_vector(vectors, layer, m, scale, dtype)


def row_directions(
    vectors: "SteeringVectors",
    layer: int,
    multipliers: Sequence[float],
    scale: str = DEFAULT_SCALE,
    dtype: torch.dtype = torch.float32,
) -> RowDirections:
    """One steering vector per row: effective multiplier x v_layer (float32, each finite in `dtype`)."""
    multipliers = as_multipliers(list(multipliers))
    distinct = {m: scaled_vector(vectors, layer, m, scale, dtype) for m in dict.fromkeys(multipliers)}
    return torch.stack([distinct[m] for m in multipliers])
