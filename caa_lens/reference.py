"""The straightforward paths, kept as oracles for tests and baselines for benchmarks.

`collect_reference`: one full `run_with_cache` per prompt, read at the letter token.
`sweep_reference`: the whole prompt again for every (layer, multiplier), steered with `steer`.
The fast paths (`collect.collect`, `evaluate.sweep`) must agree with these.
"""

from itertools import product

import pandas as pd
import torch
from tqdm.auto import tqdm

from .chat import resolve_format
from .collect import PairActivations, pair_prompts
from .datasets import ABItem
from .evaluate import _check_multipliers, _frame, _p_matching, ab_prompt, item_group
from .hooks import resid_post_names
from .options import DEFAULT_SCALE
from .steering import steer
from .vectors import SteeringVectors


@torch.inference_mode()
def collect_reference(
    model, items: list[ABItem], *, fmt: str | None = None, system: str | None = None
) -> PairActivations:
    """The straightforward path: one full `run_with_cache` per prompt, read at the letter."""
    fmt = resolve_format(model, fmt)
    names = resid_post_names(model.cfg.n_layers)
    out = []
    for item in items:
        for prompt in pair_prompts(model.tokenizer, item, fmt=fmt, system=system):
            _, cache = model.run_with_cache(torch.tensor([prompt.ids], device=model.cfg.device), names_filter=names)
            out.append(torch.stack([cache[name][0, prompt.letter_pos] for name in names]).float().cpu())
    acts = torch.stack(out)
    return PairActivations(
        acts[0::2], acts[1::2], tuple(i.matching for i in items), tuple(i.not_matching for i in items)
    )


@torch.inference_mode()
def sweep_reference(
    model,
    vectors: SteeringVectors,
    items: list[ABItem],
    *,
    layers=None,
    multipliers=(-1.0, 0.0, 1.0),
    scale: str = DEFAULT_SCALE,
    fmt: str | None = None,
    system: str | None = None,
    behavior: str | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """The straightforward sweep: the whole prompt, one configuration at a time."""
    fmt = resolve_format(model, fmt, vectors)
    layers = vectors.check_layers(layers)
    rows = []
    for index, item in enumerate(tqdm(items, desc="sweep (reference)", disable=not progress)):
        prompt = ab_prompt(model.tokenizer, item, fmt=fmt, system=system)
        for layer, m in product(layers, _check_multipliers(multipliers)):
            with steer(model, vectors, layer, m, scale=scale, start=prompt.instruction_end):
                logits = model(torch.tensor([prompt.ids], device=model.cfg.device))
            p, mass = _p_matching(logits[:, -1], prompt)
            group = item_group(item, index)
            rows.append((behavior or vectors.behavior, layer, m, scale, index, p[0], mass[0], item.matching, group))
    return _frame(rows)
