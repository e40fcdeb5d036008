"""Transfer: the vector extracted at layer k added at layer L, for every pair (k, L).

Its effect is, per item, p(matching) at +m minus p(matching) at -m (`effects.effects`),
averaged over items with a standard error clustered by scenario. It runs sweeps, so it lives
beside them and not in the model-free `geometry`.
"""

from dataclasses import replace

import pandas as pd
from tqdm.auto import tqdm

from ..columns import TRANSFER_COLUMNS
from ..core.kv import PrefixCache
from ..core.vectors import SteeringVectors
from ..datasets.load import ABItem
from ..options import DEFAULT_SCALE
from .effects import effects
from .stats import mean_sem
from .sweep import sweep


def _broadcast(vectors: SteeringVectors, source: int) -> SteeringVectors:
    """Vectors whose every layer's row is the source layer's vector."""
    (source,) = vectors.check_layers([source])
    return replace(vectors, directions=vectors.directions[source].expand_as(vectors.directions).clone())


def _per_target(results: pd.DataFrame, source: int, m: float) -> pd.DataFrame:
    """Per target layer: mean over items of p(matching) at +m minus at -m, s.e. clustered by scenario."""
    out = mean_sem(effects(results), ["layer"], "effect").drop(columns="n_groups")
    first = results.iloc[0]
    out = out.rename(columns={"layer": "target_layer"}).assign(
        behavior=first["behavior"], source_layer=source, multiplier=m, scale=first["scale"]
    )
    return out[list(TRANSFER_COLUMNS)]


def transfer(
    model,
    vectors: SteeringVectors,
    items: list[ABItem],
    *,
    source_layers,
    target_layers=None,
    multiplier: float = 1.0,
    scale: str = DEFAULT_SCALE,
    prefixes: PrefixCache | None = None,
    progress: bool = True,
) -> pd.DataFrame:
    """Steer at every target layer with the vector extracted at each source layer.

    Runs `sweep.sweep` on vectors whose every row is v_source. With scale "relative" the
    multiplier is relative to the target layer's mean residual norm.

    Args:
        model: a TransformerBridge.
        vectors: steering vectors extracted on this model.
        items: A/B evaluation items.
        source_layers: layers whose vectors are moved.
        target_layers: layers they are added at (default: all).
        multiplier: m > 0; the effect compares +m with -m.
        scale: "raw" or "relative".
        prefixes: the items' prompt caches, shared with other sweeps (`sweep.sweep`); None: one
            for this call, shared by its source layers.
        progress: show a tqdm bar over source layers.

    Returns:
        A tidy DataFrame with columns `TRANSFER_COLUMNS`, one row per (source, target).
    """
    m = float(multiplier)
    if not m > 0:
        raise ValueError(f"multiplier must be > 0 (the effect compares +m with -m), got {multiplier}")
    sources = [int(k) for k in source_layers]
    if not sources:
        raise ValueError("transfer needs at least one source layer")
    prefixes = PrefixCache(model) if prefixes is None else prefixes
    frames = []
    for source in tqdm(sources, desc="transfer", disable=not progress):
        results = sweep(
            model,
            _broadcast(vectors, source),
            items,
            layers=target_layers,
            multipliers=[-m, m],
            scale=scale,
            prefixes=prefixes,
            progress=False,
        )
        frames.append(_per_target(results, source, m))
    return pd.concat(frames, ignore_index=True)
