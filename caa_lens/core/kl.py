"""Calibrated dose: the coefficient c whose mean per-token KL(steered || unsteered) on neutral text
is a stated value (the "kl" multiplier unit, `options.SCALES`; after steering-lite's iso-KL calibration).

A fixed set of neutral prompts (`NEUTRAL_PROMPTS`) is chat-formatted and continued greedily by the
**unsteered** model for `N_TOKENS` tokens (once per model and format). For a coefficient c, the
sequences are run again with c x v_L added at the vectors' site from the first token after the
instruction (as `steer` does), and

    KL(c) = mean over prompts and steered positions t of sum_x p_c(x | <t) (log p_c(x | <t) - log p_0(x | <t)),

each position's next-token distribution steered (p_c) against unsteered (p_0), in float32. For a
multiplier m, c is found by bisection on [0, c_hi] along sign(m) (c_hi doubled from the relative
unit until KL(c_hi) >= |m|) until |KL(c) - |m|| <= `RTOL` x |m|, and recorded in `core.scale` per
(model, vectors' content, layer, m). `calibration_table` lists every calibration of this process and
`save_calibration` writes it.
"""

import math
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import torch

from .._io import write_csv
from ..columns import KL_CALIBRATION_COLUMNS
from .chat import chat_prompt, resolve_format
from .hooks import AddVector, check_unsteered, steer_name
from .models import model_name
from .scale import as_multipliers, kl_key, record_kl, recorded_kl

if TYPE_CHECKING:
    from .vectors import SteeringVectors

NEUTRAL_PROMPTS = (
    "Describe the water cycle in a few sentences.",
    "What is the capital of Australia?",
    "Give me a recipe for a simple tomato soup.",
    "Explain how a bicycle's gears work.",
    "Write two sentences about the history of the printing press.",
    "List three common uses of copper.",
    "How many days are there in a leap year?",
    "Summarise what photosynthesis does.",
)
N_TOKENS = 16
RTOL = 0.02
MAX_STEPS = 40
_TABLE: list[tuple] = []  # every calibration of this process, in order
_TEXT: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # model -> {fmt: _Neutral}


@dataclass(frozen=True)
class _Neutral:
    """The neutral sequences right-padded into one batch (causal attention: padding after a
    sequence never reaches it), where each row's steering starts, which positions are scored,
    and the unsteered log-probabilities there.
    """

    ids: torch.Tensor
    starts: torch.Tensor
    scored: torch.Tensor
    base: torch.Tensor


@torch.inference_mode()
def _neutral_text(model, fmt: str) -> _Neutral:
    """The neutral prompts with their greedy unsteered continuations (computed once per model and format)."""
    cached = _TEXT.setdefault(model, {})
    if fmt not in cached:
        chats = [chat_prompt(model.tokenizer, prompt, fmt=fmt) for prompt in NEUTRAL_PROMPTS]
        ends = torch.tensor([len(c.ids) for c in chats], device=model.cfg.device)
        width = int(ends.max()) + N_TOKENS
        batch = torch.full((len(chats), width), model.tokenizer.pad_token_id or 0, device=model.cfg.device)
        for row, chat in enumerate(chats):
            batch[row, : len(chat.ids)] = torch.tensor(chat.ids)
        rows = torch.arange(len(chats), device=model.cfg.device)
        for step in range(N_TOKENS):  # all rows at once: right padding never reaches earlier positions
            last = ends + step - 1
            batch[rows, last + 1] = model(batch[:, : int(last.max()) + 1])[rows, last].argmax(-1)
        positions = torch.arange(width, device=model.cfg.device)[None]
        starts = torch.tensor([c.instruction_end for c in chats], device=model.cfg.device)
        scored = (positions >= starts[:, None]) & (positions < (ends + N_TOKENS)[:, None])
        base = torch.log_softmax(model(batch).float(), dim=-1)[scored]
        cached[fmt] = _Neutral(batch, starts, scored, base)
    return cached[fmt]


@torch.inference_mode()
def mean_kl(model, vectors: "SteeringVectors", layer: int, coefficient: float, *, fmt: str | None = None) -> float:
    """Mean per-token KL(steered || unsteered) in nats of adding `coefficient` x v_layer (raw) on the
    neutral text (module docstring).
    """
    fmt = resolve_format(model, fmt, vectors)
    text = _neutral_text(model, fmt)
    direction = (coefficient * vectors.directions[layer].double()).float().expand(len(text.starts), -1)
    with model.hooks(fwd_hooks=[(steer_name(layer, vectors.site), AddVector(direction, text.starts))]):
        steered = torch.log_softmax(model(text.ids).float(), dim=-1)[text.scored]
    return float((steered.exp() * (steered - text.base)).sum(-1).mean())


def _bisect(model, vectors, layer: int, target: float, sign: float, fmt: str) -> tuple[float, float, int]:
    """(coefficient >= 0, its KL, evaluations) with KL(sign x coefficient) = target within RTOL."""
    kl = lambda c: mean_kl(model, vectors, layer, sign * c, fmt=fmt)  # noqa: E731
    norm = float(vectors.norms()[layer])
    if norm == 0:
        raise ValueError(f"layer {layer}'s vector is zero: no coefficient gives a KL dose; use another layer")
    hi = float(vectors.resid_norm[layer]) / norm / 4 if float(vectors.resid_norm[layer]) > 0 else 1.0 / norm
    lo, steps, value = 0.0, 1, kl(hi)
    while value < target:
        if steps >= MAX_STEPS or not math.isfinite(value):
            raise ValueError(
                f"KL {target:g} at layer {layer} is out of reach: {value:.3g} nats at coefficient {hi:.3g}"
            )
        lo, hi, steps = hi, 2 * hi, steps + 1
        value = kl(hi)
    mid, got = hi, value
    while abs(got - target) > RTOL * target and steps < MAX_STEPS:
        mid = (lo + hi) / 2
        got, steps = kl(mid), steps + 1
        lo, hi = (mid, hi) if got < target else (lo, mid)
    return mid, got, steps


def calibrate_kl(model, vectors: "SteeringVectors", layers, multipliers, *, fmt: str | None = None) -> pd.DataFrame:
    """Calibrate every (layer, nonzero m) of the "kl" unit not yet calibrated; record the coefficients.

    Args:
        model: the model the vectors were extracted on (unsteered).
        vectors: steering vectors.
        layers: layers to calibrate.
        multipliers: KL doses in nats (the sign of m is the direction; 0 needs nothing).
        fmt: chat format of the neutral prompts (default: the vectors').

    Returns:
        The calibrations of these (layer, m), columns `KL_CALIBRATION_COLUMNS`.

    Raises:
        ValueError: vectors from another model, or a dose no coefficient reaches.
    """
    if vectors.model != model_name(model):
        raise ValueError(
            f"a kl calibration is per model: these vectors come from {vectors.model}, the model is "
            f"{model_name(model)}; extract vectors on this model"
        )
    vectors.check_model(model)
    check_unsteered(model, "kl calibration")
    fmt = resolve_format(model, fmt, vectors)
    layers, rows = vectors.check_layers(layers), []
    for layer in layers:
        for m in dict.fromkeys(as_multipliers(list(multipliers))):
            key = kl_key(vectors, layer, m)
            if m == 0:
                continue
            if recorded_kl(key) is None:
                c, got, steps = _bisect(model, vectors, layer, abs(m), math.copysign(1.0, m), fmt)
                record_kl(key, math.copysign(c, m))
                _TABLE.append((*key, math.copysign(c, m), got, steps, len(NEUTRAL_PROMPTS), N_TOKENS))
            rows += [row for row in _TABLE if row[:4] == key]
    return pd.DataFrame(rows, columns=list(KL_CALIBRATION_COLUMNS))


def calibration_table() -> pd.DataFrame:
    """Every kl calibration of this process (columns `KL_CALIBRATION_COLUMNS`)."""
    return pd.DataFrame(_TABLE, columns=list(KL_CALIBRATION_COLUMNS))


def save_calibration(path: str | Path) -> Path:
    """Write `calibration_table` as CSV (atomically); the path written."""
    return write_csv(path, calibration_table())
