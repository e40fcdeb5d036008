"""A/B evaluation: p(answer matching behaviour) under steering, and layer x multiplier sweeps.

For an item the prompt ends where the two answers' tokens first differ (after `(` when `(A`
splits in two; when `(A` is one token, with a lone `(` token, comparing bare letters); p_matching = p(matching token) /
(p(matching) + p(not matching)) at the next position, and letter_mass = p(matching) +
p(not matching) shows whether the model still answers with a letter at all.

Steering touches only positions after the user's instruction, so the prompt up to there is
identical for every (layer, multiplier). A sweep packs each item into one row (`packing`): that
prompt once, then one copy of the few tokens after it per configuration, each copy seeing only
the prompt and itself and steered with its own layer and multiplier; one forward pass gives
every configuration's answer. `sweep_reference` is the straightforward path (the whole prompt
again for every configuration), for tests and benchmarks.
"""

from dataclasses import dataclass
from itertools import product

import numpy as np
import pandas as pd
import torch
from tqdm.auto import tqdm

from . import packing
from .chat import LLAMA2_SEPARATOR, chat_prompt, common_prefix, default_format
from .datasets import ABItem
from .hooks import AddAt, resid_post
from .steering import row_directions, steer
from .vectors import SteeringVectors

COLUMNS = ("behavior", "layer", "multiplier", "scale", "item", "p_matching", "letter_mass", "matching_letter")
SUMMARY_COLUMNS = ("behavior", "layer", "multiplier", "scale", "p_matching", "p_matching_sem", "letter_mass", "n_items")


@dataclass(frozen=True)
class ABPrompt:
    """An A/B evaluation prompt: ids, where steering starts, and the two answer tokens."""

    ids: tuple[int, ...]
    instruction_end: int
    matching_token: int
    not_matching_token: int


def ab_prompt(tokenizer, item: ABItem, *, fmt: str, system: str | None = None) -> ABPrompt:
    """Build the evaluation prompt of an item (see the module docstring)."""
    yes, no = (
        chat_prompt(tokenizer, item.question, fmt=fmt, system=system, answer=f"({x}")
        for x in (item.matching, item.not_matching)
    )
    n = common_prefix(yes.ids, no.ids)
    if n > yes.instruction_end:
        return ABPrompt(yes.ids[:n], yes.instruction_end, yes.ids[n], no.ids[n])
    # `(A` is one token right after the instruction, so nothing steered would precede the
    # answer: end the prompt with a lone `(` token and compare the bare letter tokens instead.
    encode = lambda text: tokenizer(text, add_special_tokens=False)["input_ids"]  # noqa: E731
    separator = LLAMA2_SEPARATOR if fmt == "llama2" else ""
    ids = yes.ids[: yes.instruction_end] + tuple(encode(separator + "("))
    return ABPrompt(ids, yes.instruction_end, encode(item.matching)[0], encode(item.not_matching)[0])


def _p_matching(logits: torch.Tensor, prompt: ABPrompt) -> tuple[np.ndarray, np.ndarray]:
    probs = torch.softmax(logits.float(), dim=-1)
    yes, no = probs[:, prompt.matching_token], probs[:, prompt.not_matching_token]
    return (yes / (yes + no)).cpu().numpy(), (yes + no).cpu().numpy()


def _steer_branches(vectors, configs, scale, n_head: int, n_tail: int) -> list[tuple[str, AddAt]]:
    """Per steered layer, a hook adding each configuration's vector to its own copy of the tail."""
    hooks = []
    for layer in sorted({layer for layer, _ in configs}):
        mults = [m if l == layer else 0.0 for l, m in configs]  # noqa: E741
        directions = row_directions(vectors, layer, mults, scale).repeat_interleave(n_tail, dim=0)
        delta = torch.cat([torch.zeros(n_head, directions.shape[-1]), directions])[None]
        hooks.append((resid_post(layer), AddAt(delta)))
    return hooks


def _item_sweep(
    model, vectors, prompt: ABPrompt, configs, scale: str, configs_per_pass: int
) -> tuple[np.ndarray, np.ndarray]:
    """One packed row per pass: the head once, then one copy of the tail per configuration."""
    head, tail = prompt.ids[: prompt.instruction_end], prompt.ids[prompt.instruction_end :]
    p, mass = [], []
    for lo in range(0, len(configs), configs_per_pass):
        chunk = configs[lo : lo + configs_per_pass]
        packed = packing.pack([(head, [tail] * len(chunk))], model.tokenizer.pad_token_id)
        with model.hooks(fwd_hooks=_steer_branches(vectors, chunk, scale, len(head), len(tail))):
            logits = packing.forward(model, packed, keep=len(chunk) * len(tail))
        chunk_p, chunk_mass = _p_matching(logits[0].reshape(len(chunk), len(tail), -1)[:, -1], prompt)
        p.append(chunk_p)
        mass.append(chunk_mass)
    return np.concatenate(p), np.concatenate(mass)


def _frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _check_layers(vectors: SteeringVectors, layers) -> list[int]:
    layers = list(range(vectors.n_layers)) if layers is None else [int(x) for x in layers]
    bad = [x for x in layers if not 0 <= x < vectors.n_layers]
    if bad:
        raise ValueError(f"layers {bad} are out of range 0..{vectors.n_layers - 1}")
    return layers


@torch.inference_mode()
def sweep(
    model,
    vectors: SteeringVectors,
    items: list[ABItem],
    *,
    layers=None,
    multipliers=(-1.0, 0.0, 1.0),
    scale: str = "raw",
    fmt: str | None = None,
    system: str | None = None,
    behavior: str | None = None,
    configs_per_pass: int = 256,
    progress: bool = True,
) -> pd.DataFrame:
    """p(matching) and letter mass for every item, layer and multiplier.

    Args:
        layers: layers to steer (default: all).
        multipliers: values of m (raw or relative, see `scale`).
        configs_per_pass: configurations per forward pass (each adds the tokens after the instruction).

    Returns:
        A tidy DataFrame with columns `COLUMNS`, one row per (layer, multiplier, item).
    """
    vectors.check_model(model)
    fmt = fmt or vectors.chat_format or default_format(model)
    configs = list(product(_check_layers(vectors, layers), [float(m) for m in multipliers]))
    behavior = behavior or vectors.behavior
    rows = []
    for index, item in enumerate(tqdm(items, desc="sweep", disable=not progress)):
        p, mass = _item_sweep(
            model, vectors, ab_prompt(model.tokenizer, item, fmt=fmt, system=system), configs, scale, configs_per_pass
        )
        rows += [
            (behavior, layer, m, scale, index, pi, mi, item.matching) for (layer, m), pi, mi in zip(configs, p, mass)
        ]
    return _frame(rows)


def multiplier_sweep(
    model, vectors: SteeringVectors, items: list[ABItem], *, layer: int, multipliers, **kwargs
) -> pd.DataFrame:
    """`sweep` at one layer over many multipliers."""
    return sweep(model, vectors, items, layers=[layer], multipliers=multipliers, **kwargs)


@torch.inference_mode()
def sweep_reference(
    model,
    vectors: SteeringVectors,
    items: list[ABItem],
    *,
    layers=None,
    multipliers=(-1.0, 0.0, 1.0),
    scale: str = "raw",
    fmt: str | None = None,
    system: str | None = None,
    behavior: str | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """The straightforward sweep: the whole prompt, one configuration at a time."""
    fmt = fmt or vectors.chat_format or default_format(model)
    layers = _check_layers(vectors, layers)
    rows = []
    for index, item in enumerate(tqdm(items, desc="sweep (reference)", disable=not progress)):
        prompt = ab_prompt(model.tokenizer, item, fmt=fmt, system=system)
        for layer, m in product(layers, [float(m) for m in multipliers]):
            with steer(model, vectors, layer, m, scale=scale, start=prompt.instruction_end):
                logits = model(torch.tensor([prompt.ids], device=model.cfg.device))
            p, mass = _p_matching(logits[:, -1], prompt)
            rows.append((behavior or vectors.behavior, layer, m, scale, index, p[0], mass[0], item.matching))
    return _frame(rows)


def summarize(results: pd.DataFrame) -> pd.DataFrame:
    """Mean p(matching) with its standard error, mean letter mass and item count per configuration."""
    keys = ["behavior", "layer", "multiplier", "scale"]
    grouped = results.groupby(keys, sort=True)
    out = grouped.agg(
        p_matching=("p_matching", "mean"),
        p_matching_sem=("p_matching", "sem"),
        letter_mass=("letter_mass", "mean"),
        n_items=("item", "nunique"),
    ).reset_index()
    return out[list(SUMMARY_COLUMNS)]


def _effects(results: pd.DataFrame, items) -> pd.DataFrame:
    """Per (layer, m > 0) and item: p at +m minus p at -m."""
    part = results[results["item"].isin(items)].set_index(["layer", "multiplier", "item"])["p_matching"].sort_index()
    rows = []
    for (layer, m), _ in part.groupby(level=[0, 1]):
        if m > 0 and (layer, -m) in part.index.droplevel(2):
            diff = part.loc[(layer, m)] - part.loc[(layer, -m)]
            rows += [(layer, m, item, d) for item, d in diff.items()]
    return pd.DataFrame(rows, columns=["layer", "multiplier", "item", "effect"])


def split_items(results: pd.DataFrame, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Halve the items at random within each matching letter, so both halves are letter-balanced.

    A vector that partly encodes "answer A" helps items whose matching letter is A and hurts
    the others; an unbalanced split would turn that into a spurious held-out effect.
    """
    rng = np.random.default_rng(seed)
    letters = results.groupby("item")["matching_letter"].first() if "matching_letter" in results else None
    groups = (
        [np.array(sorted(results["item"].unique()))]
        if letters is None
        else [np.array(sorted(letters[letters == x].index)) for x in sorted(letters.unique())]
    )
    select, held = [], []
    for group in groups:
        rng.shuffle(group)
        half = (len(group) + 1) // 2 if len(select) <= len(held) else len(group) // 2
        select += list(group[:half])
        held += list(group[half:])
    return np.array(select), np.array(held)


def held_out(results: pd.DataFrame, *, seed: int = 0) -> dict:
    """Choose layer and multiplier on half of the items; report the effect on the other half.

    The effect of (L, m) is p(matching) at +m minus p(matching) at -m, per item. Items are
    halved within each matching letter (`split_items`). The choice maximises the mean effect on
    the selection half; the report is the mean and standard error of the same per-item effect
    on the held-out half.

    Returns:
        dict with layer, multiplier, effect_select, effect, effect_sem, n_select, n_held_out.
    """
    select, held = split_items(results, seed)
    chosen = _effects(results, select).groupby(["layer", "multiplier"])["effect"].mean()
    if chosen.empty:
        raise ValueError("held-out choice needs multipliers m and -m for some m > 0")
    layer, m = chosen.idxmax()
    report = _effects(results[(results["layer"] == layer)], held)
    report = report[report["multiplier"] == m]["effect"]
    return {
        "layer": int(layer),
        "multiplier": float(m),
        "effect_select": float(chosen.max()),
        "effect": float(report.mean()),
        "effect_sem": float(report.sem()),
        "n_select": len(select),
        "n_held_out": len(held),
    }
