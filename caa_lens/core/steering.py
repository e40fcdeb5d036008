"""Steering: add `multiplier x v_L` at the vectors' site of block L (`resid_post` by default) after
the user's instruction; or, with operator "ablate", first project v_L's direction out there.

Positions from the first token after the instruction through every generated token are
steered; the instruction itself never is. Multipliers become vectors in `scale`. Generation is batched, left-padded and
KV-cached; each row has its own steering start and may have its own multiplier.
"""

import math
from collections.abc import Sequence
from contextlib import contextmanager

import torch
from tqdm.auto import tqdm

from .._types import Multipliers, NewTokens, Tokens
from ..options import DEFAULT_SCALE, DEFAULT_SITE, check_operator_name
from . import kv
from .chat import chat_prompt, check_context, resolve_format
from .hooks import AddVector, steer_name, steering_active
from .kl import calibrate_kl
from .scale import as_multipliers, row_directions
from .vectors import SteeringVectors


def check_operator(operator: str, site: str = DEFAULT_SITE) -> str:
    """Return `operator` if it is one of `options.OPERATORS` and can act at `site`, else raise ValueError.

    Ablation at `resid_mid` is refused: steering there goes through attention's output
    (`hooks`), which cannot see the residual stream's component to remove.
    """
    check_operator_name(operator)
    if operator == "ablate" and site == "resid_mid":
        raise ValueError("ablation at resid_mid is not supported; ablate at resid_pre or resid_post, or attn_out")
    return operator


def unit_direction(vectors: SteeringVectors, layer: int) -> torch.Tensor:
    """v_layer / |v_layer| (zeros for a zero vector, which then ablates nothing)."""
    v = vectors.directions[layer]
    return v / v.norm().clamp_min(1e-12)


@contextmanager
def steer(
    model,
    vectors: SteeringVectors,
    layer: int,
    multiplier: Multipliers,
    *,
    scale: str = DEFAULT_SCALE,
    start=0,
    operator: str = "add",
):
    """Add the layer's vector at the vectors' site inside the `with` block.

    Args:
        model: a TransformerBridge.
        vectors: steering vectors extracted on this model (their `site` is where they act).
        layer: the block that is steered.
        multiplier: one value, or one per batch row.
        scale: "raw", "relative" or "kl" (`core.scale`; a kl dose is calibrated on first use, `core.kl`).
        start: first steered position (int, or one per row); 0 steers every position.
        operator: "add", or "ablate" (remove the component along v_layer, then add m x v_layer).

    Yields:
        The `AddVector` hook (its `offset` may be set before a forward over a cached prefix).
    """
    vectors.check_model(model)
    if scale == "kl":  # the coefficients of a calibrated dose, found once per (model, vectors, layer, m)
        calibrate_kl(model, vectors, [layer], as_multipliers(multiplier))
    directions = row_directions(vectors, layer, as_multipliers(multiplier), scale, dtype=model.cfg.dtype)
    units = (
        unit_direction(vectors, layer).expand_as(directions)
        if check_operator(operator, vectors.site) == "ablate"
        else None
    )
    hook = AddVector(directions, start, units)
    with steering_active(model), model.hooks(fwd_hooks=[(steer_name(layer, vectors.site), hook)]):
        yield hook


def _sample(logits: torch.Tensor, temperature: float, generator: torch.Generator) -> torch.Tensor:
    if temperature <= 0:
        return logits.argmax(dim=-1)
    probs = torch.softmax(logits.float() / temperature, dim=-1).cpu()
    return torch.multinomial(probs, 1, generator=generator).squeeze(-1).to(logits.device)


@torch.inference_mode()
def generate_ids(
    model,
    ids: Tokens,
    mask: Tokens,
    *,
    max_new_tokens: int,
    temperature: float = 0.0,
    seed: int = 0,
    use_cache: bool = True,
    stop_at_eos: bool = True,
) -> NewTokens:
    """Continue left-padded `ids` (hooks already in place); returns the new tokens, EOS-padded."""
    generator = torch.Generator().manual_seed(seed)
    eos = model.tokenizer.eos_token_id
    done = torch.zeros(ids.shape[0], dtype=torch.bool, device=ids.device)
    cache, step_ids, new = None, ids, []
    for _ in range(max_new_tokens):
        logits, cache = kv.run(model, step_ids, mask, cache if use_cache else None, keep=1)
        token = _sample(logits[:, -1], temperature, generator).to(ids.device)
        token = torch.where(done, torch.full_like(token, eos), token)
        new.append(token)
        done |= token == eos
        mask = torch.cat([mask, torch.ones_like(mask[:, :1])], dim=1)
        ids = torch.cat([ids, token[:, None]], dim=1)
        step_ids = token[:, None] if use_cache else ids
        if stop_at_eos and bool(done.all()):
            break
    return torch.stack(new, dim=1) if new else ids[:, :0]


def generate(
    model,
    prompts: Sequence[str],
    *,
    vectors: SteeringVectors | None = None,
    layer: int | None = None,
    multiplier: Multipliers = 0.0,
    scale: str = DEFAULT_SCALE,
    operator: str = "add",
    fmt: str | None = None,
    system: str | None = None,
    max_new_tokens: int = 64,
    temperature: float = 0.0,
    seed: int = 0,
    batch_size: int = 8,
    use_cache: bool = True,
    stop_at_eos: bool = True,
    progress: bool = False,
) -> list[str]:
    """Chat-format each prompt and generate a reply, optionally steered.

    Args:
        prompts: user messages.
        vectors, layer, multiplier, scale, operator: steering (none when `vectors` is None;
            see `steer`); `multiplier` may give one value per prompt.
        temperature: 0 for greedy decoding; otherwise sampling with `seed`.
        use_cache: KV-cached decoding (the uncached path exists to check it).
        stop_at_eos: stop once every row has produced EOS (False: always max_new_tokens steps).

    Returns:
        The decoded replies, special tokens removed.
    """
    fmt = resolve_format(model, fmt, vectors)
    chats = [chat_prompt(model.tokenizer, p, fmt=fmt, system=system) for p in prompts]
    for chat in chats:
        check_context(model, len(chat.ids) + max_new_tokens, "a prompt plus max_new_tokens")
    mults = as_multipliers(multiplier, len(prompts))
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a whole number of at least 1, got {batch_size!r}")
    if isinstance(max_new_tokens, bool) or not isinstance(max_new_tokens, int) or max_new_tokens < 1:
        raise ValueError(f"max_new_tokens must be a whole number of at least 1, got {max_new_tokens!r}")
    if not (isinstance(temperature, int | float) and math.isfinite(temperature) and temperature >= 0):
        raise ValueError(f"temperature must be a finite number >= 0 (0: greedy), got {temperature!r}")
    replies: list[str] = []
    for lo in tqdm(range(0, len(chats), batch_size), desc="generate", disable=not progress):
        batch, batch_mults = chats[lo : lo + batch_size], mults[lo : lo + batch_size]
        ids, mask = kv.left_pad([c.ids for c in batch], model.tokenizer.pad_token_id)
        start = torch.tensor([ids.shape[1] - len(c.ids) + c.instruction_end for c in batch])
        with _maybe_steer(model, vectors, layer, batch_mults, scale, start, operator):
            new = generate_ids(
                model,
                ids.to(model.cfg.device),
                mask.to(model.cfg.device),
                max_new_tokens=max_new_tokens,
                temperature=temperature,
                seed=seed + lo,
                use_cache=use_cache,
                stop_at_eos=stop_at_eos,
            )
        replies += [model.tokenizer.decode(row, skip_special_tokens=True).strip() for row in new.tolist()]
    return replies


@contextmanager
def _maybe_steer(model, vectors, layer, multipliers, scale, start, operator):
    if vectors is None:
        yield None
        return
    if layer is None:
        raise ValueError("steering needs a layer")
    with steer(model, vectors, layer, multipliers, scale=scale, start=start, operator=operator) as hook:
        yield hook
