"""The packed sweep engine: p(matching) and log-odds for every item under every (site, layer, multiplier).

Steering touches only positions after the user's instruction, so the prompt up to there is
identical for every (layer, multiplier), and for every sweep over the item. A sweep runs that
prompt once into a KV cache (`kv.PrefixCache`, which later sweeps may share), then packs one copy
of the few tokens after it per configuration into one row (`packing.after_prefix`), each copy
seeing only the prompt and itself and steered with its own layer and multiplier; one forward pass
gives every configuration's answer. The prompt and metric are `ab`'s; `reference.sweep_reference`
is the straightforward path (the whole prompt again for every configuration), for tests and benchmarks.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product
from typing import Any

import numpy as np
import pandas as pd
import torch
from tqdm.auto import tqdm

from ..columns import COLUMNS
from ..core import packing
from ..core.chat import check_context, resolve_format
from ..core.hooks import AddAt, check_unsteered, steer_name
from ..core.kl import calibrate_kl
from ..core.kv import PrefixCache
from ..core.models import model_dtype
from ..core.scale import as_multipliers, check_multipliers_fit, row_directions
from ..core.steering import check_operator, unit_direction
from ..core.vectors import SteeringVectors
from ..datasets.load import ABItem
from ..options import DEFAULT_SCALE
from .ab import ABPrompt, ab_prompt, item_group, p_matching


@dataclass(frozen=True)
class Config:
    """One steered configuration of a sweep: which vector set (by index), layer and multiplier."""

    vectors: int
    layer: int
    multiplier: float


def _steer_branches(vectors, configs, scale, operator, n_tail: int) -> list[tuple[str, AddAt]]:
    """Per steered (vectors, layer), a hook steering each of its configurations' own copy of the tail."""
    hooks = []
    for k, layer in sorted({(c.vectors, c.layer) for c in configs}):
        mine = torch.tensor([(c.vectors, c.layer) == (k, layer) for c in configs])
        mults = [c.multiplier if on else 0.0 for on, c in zip(mine, configs)]
        directions = row_directions(vectors[k], layer, mults, scale)
        units = mine[:, None] * unit_direction(vectors[k], layer)[None] if operator == "ablate" else None
        spread = lambda rows: rows.repeat_interleave(n_tail, 0)[None]  # noqa: E731
        hooks.append(
            (steer_name(layer, vectors[k].site), AddAt(spread(directions), None if units is None else spread(units)))
        )
    return hooks


@dataclass(frozen=True)
class _Passes:
    """What every packed pass of one sweep shares: the model, vector sets, scale, operator, row size and head caches."""

    model: Any
    vectors: list[SteeringVectors]
    scale: str
    operator: str
    configs_per_pass: int
    prefixes: PrefixCache

    def item(self, prompt: ABPrompt, configs) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every configuration of one item; adding m = 0 is the same unsteered pass at every site and
        layer, so it is computed once and its result given to each such configuration.
        """
        key = lambda c: ("unsteered",) if self.operator == "add" and c.multiplier == 0 else c  # noqa: E731
        first: dict = {}  # kind of configuration -> the first configuration of that kind
        for c in configs:
            first.setdefault(key(c), c)
        position = {k: i for i, k in enumerate(first)}
        scores = self.distinct(prompt, list(first.values()))
        index = [position[key(c)] for c in configs]
        return tuple(s[index] for s in scores)  # type: ignore[return-value]

    def distinct(self, prompt: ABPrompt, configs) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every configuration of one item, `configs_per_pass` per packed row.

        A branch that overflows to inf/NaN (a huge multiplier) would leak NaN into the other branches
        of its row through attention (0 x NaN), so such a row is recomputed one configuration at a time.
        """
        n_head, n_tail, per_pass = (
            prompt.instruction_end,
            len(prompt.ids) - prompt.instruction_end,
            self.configs_per_pass,
        )
        check_context(self.model, n_head + min(len(configs), per_pass) * n_tail, "an A/B prompt packed for a sweep")
        parts = []
        for lo in range(0, len(configs), per_pass):
            chunk = configs[lo : lo + per_pass]
            scores: tuple[np.ndarray, ...] = self.packed(prompt, chunk)
            if len(chunk) > 1 and not np.isfinite(scores[0]).all():
                scores = tuple(map(np.concatenate, zip(*(self.packed(prompt, [c]) for c in chunk))))
            parts.append(scores)
        return tuple(np.concatenate(s) for s in zip(*parts))  # type: ignore[return-value]

    def packed(self, prompt: ABPrompt, chunk) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """One packed row after the head's cached KV: one copy of the tail per configuration of `chunk`."""
        head, tail = prompt.ids[: prompt.instruction_end], prompt.ids[prompt.instruction_end :]
        cache = self.prefixes.continuation(head)
        packed = packing.after_prefix(len(head), [tail] * len(chunk))
        hooks = _steer_branches(self.vectors, chunk, self.scale, self.operator, len(tail))
        answers = torch.tensor([start + len(tail) - 1 for start in packed.starts[0]])  # each copy's last token
        with self.model.hooks(fwd_hooks=hooks):
            logits = packing.forward(self.model, packed, keep=answers, cache=cache)
        return p_matching(logits[0], prompt)


def frame(rows: list[tuple]) -> pd.DataFrame:
    """Sweep rows as a frame with `columns.COLUMNS`."""
    return pd.DataFrame(rows, columns=list(COLUMNS))


def check_multipliers(multipliers) -> list[float]:
    """At least one finite multiplier, as floats (ValueError otherwise)."""
    values = as_multipliers(list(multipliers))
    if not values:
        raise ValueError("give at least one multiplier")
    return values


def as_vector_sets(vectors) -> list[SteeringVectors]:
    """One SteeringVectors, or several for one model at distinct sites, as a list.

    Raises:
        ValueError: none given, a repeated site, or sets of different shapes.
    """
    sets = [vectors] if isinstance(vectors, SteeringVectors) else list(vectors)
    if not sets or not all(isinstance(v, SteeringVectors) for v in sets):
        raise ValueError("give SteeringVectors, or a list of them (one per site)")
    sites = [v.site for v in sets]
    if len(set(sites)) < len(sites):
        raise ValueError(f"each site may appear once, got {sites}")
    if len({(v.n_layers, v.d_model) for v in sets}) > 1:
        raise ValueError("vectors of one sweep must come from one model")
    return sets


@torch.inference_mode()
def sweep(
    model,
    vectors: SteeringVectors | Sequence[SteeringVectors],
    items: list[ABItem],
    *,
    layers=None,
    multipliers=(-1.0, 0.0, 1.0),
    scale: str = DEFAULT_SCALE,
    operator: str = "add",
    fmt: str | None = None,
    system: str | None = None,
    behavior: str | None = None,
    configs_per_pass: int = 256,
    prefixes: PrefixCache | None = None,
    progress: bool = True,
) -> pd.DataFrame:
    """p(matching), letter mass and log-odds (`ab.p_matching`) for every item, site, layer and multiplier.

    Args:
        vectors: steering vectors, or a list of them extracted at different sites (one sweep
            then covers every site; each set steers at its own `site`).
        layers: layers to steer (default: all).
        multipliers: values of m (raw or relative, see `scale`).
        operator: "add" or "ablate" (`steering.steer`).
        configs_per_pass: configurations per forward pass (each adds the tokens after the instruction).
        prefixes: KV caches of the prompts up to the instruction's end, to share with other sweeps
            over the same items and format (None: a new one for this sweep; see `kv.PrefixCache`).

    Returns:
        A tidy DataFrame with columns `COLUMNS`, one row per (site, layer, multiplier, item);
        `attrs["dtype"]` is what the model computed in (the CLI writes it beside the CSV).
    """
    check_unsteered(model, "sweep")
    sets = as_vector_sets(vectors)
    for v in sets:
        v.check_model(model)
    fmt = resolve_format(model, fmt, sets[0])
    configs = [
        Config(k, layer, m)
        for k, layer, m in product(range(len(sets)), sets[0].check_layers(layers), check_multipliers(multipliers))
    ]
    behavior = behavior or sets[0].behavior
    for v in sets:
        check_operator(operator, v.site)
        if scale == "kl":  # a calibrated dose: its coefficients found first (`core.kl`), once per process
            calibrate_kl(model, v, sets[0].check_layers(layers), check_multipliers(multipliers))
        check_multipliers_fit(v, sets[0].check_layers(layers), check_multipliers(multipliers), scale, model.cfg.dtype)
    passes = _Passes(
        model, sets, scale, operator, configs_per_pass, PrefixCache(model) if prefixes is None else prefixes
    )
    rows = []
    for index, item in enumerate(tqdm(items, desc="sweep", disable=not progress)):
        prompt = ab_prompt(model.tokenizer, item, fmt=fmt, system=system)
        p, mass, diff = passes.item(prompt, configs)
        group = item_group(item, index)
        rows += [
            (
                behavior,
                c.layer,
                c.multiplier,
                scale,
                index,
                pi,
                mi,
                item.matching,
                group,
                sets[c.vectors].site,
                operator,
                di,
            )
            for c, pi, mi, di in zip(configs, p, mass, diff)
        ]
    out = frame(rows)
    out.attrs["dtype"] = model_dtype(model)
    return out


def multiplier_sweep(
    model, vectors: SteeringVectors, items: list[ABItem], *, layer: int, multipliers, **kwargs
) -> pd.DataFrame:
    """`sweep` at one layer over many multipliers."""
    return sweep(model, vectors, items, layers=[layer], multipliers=multipliers, **kwargs)
