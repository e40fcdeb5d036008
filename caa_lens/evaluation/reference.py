"""The straightforward paths, kept as oracles for tests and baselines for benchmarks.

`collect_reference`: one full `run_with_cache` per prompt, read at the letter token.
`sweep_reference`: the whole prompt again for every (site, layer, multiplier), steered with `steer`.
The fast paths (`collect.collect`, `sweep.sweep`) must agree with these.
"""

from collections.abc import Sequence
from itertools import product

import pandas as pd
import torch
from tqdm.auto import tqdm

from ..core.chat import resolve_format
from ..core.collect import PairActivations, pair_prompts
from ..core.hooks import read_names
from ..core.steering import steer
from ..core.vectors import SteeringVectors
from ..datasets.load import ABItem
from ..options import DEFAULT_SCALE, DEFAULT_SITE
from .ab import ab_prompt, item_group, p_matching
from .sweep import as_vector_sets, check_multipliers, frame


@torch.inference_mode()
def collect_reference(
    model, items: list[ABItem], *, fmt: str | None = None, system: str | None = None, site: str = DEFAULT_SITE
) -> PairActivations:
    """The straightforward path: one full `run_with_cache` per prompt, read at the letter at `site`."""
    fmt = resolve_format(model, fmt)
    names = read_names(model.cfg.n_layers, site)
    out = []
    for item in items:
        for prompt in pair_prompts(model.tokenizer, item, fmt=fmt, system=system):
            _, cache = model.run_with_cache(torch.tensor([prompt.ids], device=model.cfg.device), names_filter=names)
            out.append(torch.stack([cache[name][0, prompt.letter_pos] for name in names]).float().cpu())
    acts = torch.stack(out)
    return PairActivations(
        acts[0::2], acts[1::2], tuple(i.matching for i in items), tuple(i.not_matching for i in items), site
    )


@torch.inference_mode()
def sweep_reference(
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
    progress: bool = False,
) -> pd.DataFrame:
    """The straightforward sweep: the whole prompt, one configuration (site, layer, m) at a time."""
    sets = as_vector_sets(vectors)
    fmt = resolve_format(model, fmt, sets[0])
    configs = list(product(sets, sets[0].check_layers(layers), check_multipliers(multipliers)))
    rows = []
    for index, item in enumerate(tqdm(items, desc="sweep (reference)", disable=not progress)):
        prompt = ab_prompt(model.tokenizer, item, fmt=fmt, system=system)
        for vecs, layer, m in configs:
            with steer(model, vecs, layer, m, scale=scale, start=prompt.instruction_end, operator=operator):
                logits = model(torch.tensor([prompt.ids], device=model.cfg.device))
            p, mass, diff = p_matching(logits[:, -1], prompt)
            group = item_group(item, index)
            row = (behavior or vecs.behavior, layer, m, scale, index, p[0], mass[0], item.matching, group)
            rows.append((*row, vecs.site, operator, diff[0]))
    return frame(rows)
