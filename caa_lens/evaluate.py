"""A/B evaluation: p(answer matching behaviour) under steering, and layer x multiplier sweeps.

For an item the prompt ends where the two answers' tokens first differ, i.e. after ` (` when the
letter is a token of its own (`chat.ab_answer`); when `(A` is one token, with a lone ` (`. Each letter is scored as the sum
of the next-token probabilities of all its spellings (`letters.letter_tokens`: `A`, ` A`, ...,
since Qwen answers ` A` and Llama 2 `A`): p_matching = p(matching letter) / (p(matching) +
p(not matching)), and letter_mass = p(matching) + p(not matching) shows whether the model still
answers with a letter at all.

Steering touches only positions after the user's instruction, so the prompt up to there is
identical for every (layer, multiplier), and for every sweep over the item. A sweep runs that
prompt once into a KV cache (`kv.PrefixCache`, which later sweeps may share), then packs one copy
of the few tokens after it per configuration into one row (`packing.after_prefix`), each copy
seeing only the prompt and itself and steered with its own layer and multiplier; one forward pass
gives every configuration's answer. `reference.sweep_reference` is the straightforward path (the
whole prompt again for every configuration), for tests and benchmarks.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product

import numpy as np
import pandas as pd
import torch
from tqdm.auto import tqdm

from . import packing
from .chat import LLAMA2_SEPARATOR, ab_answer, chat_prompt, check_context, common_prefix, resolve_format
from .datasets import ABItem
from .hooks import AddAt, steer_name
from .kv import PrefixCache
from .letters import letter_tokens
from .options import DEFAULT_SCALE, DEFAULT_SITE
from .stats import clustered_sem, mean_sem
from .steering import as_multipliers, check_operator, row_directions, unit_direction
from .vectors import SteeringVectors

COLUMNS = (
    "behavior", "layer", "multiplier", "scale", "item", "p_matching", "letter_mass", "matching_letter", "group",
    "site", "operator",
)  # fmt: skip
SUMMARY_COLUMNS = (
    "behavior", "layer", "multiplier", "scale", "p_matching", "p_matching_sem", "letter_mass", "n_items", "n_groups",
    "site", "operator",
)  # fmt: skip
CONFIG_KEYS = ("site", "operator", "layer")  # what, besides the multiplier, identifies a configuration


@dataclass(frozen=True)
class ABPrompt:
    """An A/B evaluation prompt: ids, where steering starts, and the tokens spelling each answer letter."""

    ids: tuple[int, ...]
    instruction_end: int
    matching_tokens: tuple[int, ...]
    not_matching_tokens: tuple[int, ...]


def ab_prompt(tokenizer, item: ABItem, *, fmt: str, system: str | None = None) -> ABPrompt:
    """Build the evaluation prompt of an item (see the module docstring)."""
    yes, no = (
        chat_prompt(tokenizer, item.question, fmt=fmt, system=system, answer=ab_answer(x, fmt))
        for x in (item.matching, item.not_matching)
    )
    n = common_prefix(yes.ids, no.ids)
    letters = letter_tokens(tokenizer, item.matching), letter_tokens(tokenizer, item.not_matching)
    if n > yes.instruction_end and yes.ids[n] in letters[0]:
        return ABPrompt(yes.ids[:n], yes.instruction_end, *letters)
    # `(A` is one token (right after the instruction, nothing steered would precede the answer;
    # or after a space, the next token would not be a letter): end the prompt with the tokens
    # of a lone `(` and score the letter tokens after it.
    separator = LLAMA2_SEPARATOR if fmt == "llama2" else ""
    lone = tokenizer(separator + ab_answer("", fmt), add_special_tokens=False)["input_ids"]
    ids = yes.ids[: yes.instruction_end] + tuple(lone)
    return ABPrompt(ids, yes.instruction_end, *letters)


def _p_matching(logits: torch.Tensor, prompt: ABPrompt) -> tuple[np.ndarray, np.ndarray]:
    probs = torch.softmax(logits.float(), dim=-1)
    yes = probs[:, list(prompt.matching_tokens)].sum(-1)
    no = probs[:, list(prompt.not_matching_tokens)].sum(-1)
    return (yes / (yes + no)).cpu().numpy(), (yes + no).cpu().numpy()


def _steer_branches(vectors, configs, scale, operator, n_tail: int) -> list[tuple[str, AddAt]]:
    """Per steered (vectors, layer), a hook steering each of its configurations' own copy of the tail."""
    hooks = []
    for k, layer in sorted({(k, layer) for k, layer, _ in configs}):
        mine = torch.tensor([(kk, ll) == (k, layer) for kk, ll, _ in configs])
        mults = [m if on else 0.0 for on, (_, _, m) in zip(mine, configs)]
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

    model: object
    vectors: list[SteeringVectors]
    scale: str
    operator: str
    configs_per_pass: int
    prefixes: PrefixCache

    def item(self, prompt: ABPrompt, configs) -> tuple[np.ndarray, np.ndarray]:
        """Every configuration of one item; adding m = 0 is the same unsteered pass at every site and
        layer, so it is computed once and its result given to each such configuration."""
        key = lambda c: ("unsteered",) if self.operator == "add" and c[2] == 0 else c  # noqa: E731
        first: dict = {}  # kind of configuration -> the first configuration of that kind
        for c in configs:
            first.setdefault(key(c), c)
        position = {k: i for i, k in enumerate(first)}
        p, mass = self.distinct(prompt, list(first.values()))
        index = [position[key(c)] for c in configs]
        return p[index], mass[index]

    def distinct(self, prompt: ABPrompt, configs) -> tuple[np.ndarray, np.ndarray]:
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
        p, mass = [], []
        for lo in range(0, len(configs), per_pass):
            chunk = configs[lo : lo + per_pass]
            chunk_p, chunk_mass = self.packed(prompt, chunk)
            if len(chunk) > 1 and not np.isfinite(chunk_p).all():
                chunk_p, chunk_mass = map(np.concatenate, zip(*(self.packed(prompt, [c]) for c in chunk)))
            p.append(chunk_p)
            mass.append(chunk_mass)
        return np.concatenate(p), np.concatenate(mass)

    def packed(self, prompt: ABPrompt, chunk) -> tuple[np.ndarray, np.ndarray]:
        """One packed row after the head's cached KV: one copy of the tail per configuration of `chunk`."""
        head, tail = prompt.ids[: prompt.instruction_end], prompt.ids[prompt.instruction_end :]
        cache = self.prefixes.continuation(head)
        packed = packing.after_prefix(len(head), [tail] * len(chunk))
        hooks = _steer_branches(self.vectors, chunk, self.scale, self.operator, len(tail))
        with self.model.hooks(fwd_hooks=hooks):
            logits = packing.forward(self.model, packed, keep=len(chunk) * len(tail), cache=cache)
        return _p_matching(logits[0].reshape(len(chunk), len(tail), -1)[:, -1], prompt)


def item_group(item: ABItem, index: int) -> str:
    """The item's scenario, or its own index as a one-item cluster when it has none."""
    return item.group if item.group is not None else f"item-{index}"


def _frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _check_multipliers(multipliers) -> list[float]:
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
    """p(matching) and letter mass for every item, site, layer and multiplier.

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
        A tidy DataFrame with columns `COLUMNS`, one row per (site, layer, multiplier, item).
    """
    sets = as_vector_sets(vectors)
    for v in sets:
        v.check_model(model)
    fmt = resolve_format(model, fmt, sets[0])
    configs = list(product(range(len(sets)), sets[0].check_layers(layers), _check_multipliers(multipliers)))
    behavior = behavior or sets[0].behavior
    for v in sets:
        check_operator(operator, v.site)
    passes = _Passes(
        model, sets, scale, operator, configs_per_pass, PrefixCache(model) if prefixes is None else prefixes
    )
    rows = []
    for index, item in enumerate(tqdm(items, desc="sweep", disable=not progress)):
        prompt = ab_prompt(model.tokenizer, item, fmt=fmt, system=system)
        p, mass = passes.item(prompt, configs)
        group = item_group(item, index)
        rows += [
            (behavior, layer, m, scale, index, pi, mi, item.matching, group, sets[k].site, operator)
            for (k, layer, m), pi, mi in zip(configs, p, mass)
        ]
    return _frame(rows)


def multiplier_sweep(
    model, vectors: SteeringVectors, items: list[ABItem], *, layer: int, multipliers, **kwargs
) -> pd.DataFrame:
    """`sweep` at one layer over many multipliers."""
    return sweep(model, vectors, items, layers=[layer], multipliers=multipliers, **kwargs)


def with_config_keys(results: pd.DataFrame) -> pd.DataFrame:
    """`results` with `site` and `operator` filled in where a frame predates them (resid_post, add)."""
    missing = {k: v for k, v in (("site", DEFAULT_SITE), ("operator", "add")) if k not in results}
    return results.assign(**missing) if missing else results


def config_keys(results: pd.DataFrame) -> list[str]:
    """The columns of `CONFIG_KEYS` that `results` has (frames from before sites have only `layer`)."""
    return [k for k in CONFIG_KEYS if k in results]


def summarize(results: pd.DataFrame) -> pd.DataFrame:
    """Mean p(matching) with its standard error clustered by scenario (`stats`), mean letter mass, counts."""
    results = with_config_keys(results)
    keys = ["behavior", *CONFIG_KEYS, "multiplier", "scale"]
    out = mean_sem(results, keys, "p_matching")
    mass = results.groupby(keys, sort=True)["letter_mass"].mean().reset_index(drop=True)
    return out.assign(letter_mass=mass)[list(SUMMARY_COLUMNS)]


def _groups(results: pd.DataFrame) -> pd.Series:
    """Scenario of each item (the item itself where results carry no groups)."""
    if "group" in results:
        return results.groupby("item")["group"].first()
    items = np.sort(results["item"].unique())
    return pd.Series([f"item-{i}" for i in items], index=items)


def effects(results: pd.DataFrame, items=None, *, min_letter_mass: float | None = None) -> pd.DataFrame:
    """Per configuration (site, operator, layer, m > 0) and item: p(matching | +m) - p(matching | -m).

    Args:
        results: `sweep` output holding both +m and -m.
        items: only these items (default: all).
        min_letter_mass: drop configurations whose mean letter mass at +m or -m is below it
            (where the model stops answering with a letter, p(matching) is a ratio of two tiny
            probabilities); None keeps every configuration.

    Returns:
        columns site, operator (where `results` has them), layer, multiplier, item, group, effect.
    """
    config = config_keys(results)
    keys = [*config, "multiplier"]
    part = results if items is None else results[results["item"].isin(items)]
    if min_letter_mass is not None:
        mass = results.groupby(keys)["letter_mass"].mean()
        low = {(*k[:-1], abs(k[-1])) for k, value in mass.items() if k[-1] != 0 and value < min_letter_mass}
        flat = zip(*(part[k] for k in config), part["multiplier"].abs(), strict=True)
        part = part[[key not in low for key in flat]]
    table = part.set_index([*keys, "item"])["p_matching"].sort_index()
    configs, groups = set(table.index.droplevel(-1)), _groups(results)
    rows = []
    for key in sorted(configs):
        *config, m = key
        if m > 0 and (*config, -m) in configs:
            diff = table.loc[key] - table.loc[(*config, -m)]
            rows += [(*config, m, item, groups[item], d) for item, d in diff.items()]
    return pd.DataFrame(rows, columns=[*keys, "item", "group", "effect"])


def effect_table(results: pd.DataFrame, items=None) -> pd.DataFrame:
    """Per configuration (`effects`): mean effect, its standard error clustered by scenario, counts.

    Returns:
        columns behavior, site, operator, layer, multiplier, effect, effect_sem, n_items, n_groups.
    """
    keys = [*CONFIG_KEYS, "multiplier"]
    table = mean_sem(effects(with_config_keys(results), items), keys, "effect")
    return table.assign(behavior=results["behavior"].iloc[0])[["behavior", *table.columns]]


def split_items(results: pd.DataFrame, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Halve the scenarios at random within each matching letter; return the items of each half.

    Whole groups (scenarios) go to one half, so no scenario informs both the choice and the
    report. A vector that partly encodes "answer A" helps items whose matching letter is A and
    hurts the others; stratifying by letter (a group's first item's) keeps both halves balanced.
    """
    rng = np.random.default_rng(seed)
    groups = _groups(results)
    firsts = results.groupby("item")["matching_letter"].first() if "matching_letter" in results else None
    members = {g: np.sort(part.index.to_numpy()) for g, part in groups.groupby(groups)}
    letter_of = {g: (firsts[m[0]] if firsts is not None else "") for g, m in members.items()}
    select, held = [], []
    for letter in sorted(set(letter_of.values())):
        names = np.array(sorted(g for g, x in letter_of.items() if x == letter))
        rng.shuffle(names)
        half = (len(names) + 1) // 2 if len(select) <= len(held) else len(names) // 2
        select += [i for g in names[:half] for i in members[g]]
        held += [i for g in names[half:] for i in members[g]]
    return np.array(sorted(select)), np.array(sorted(held))


def held_out(results: pd.DataFrame, *, seed: int = 0, min_letter_mass: float | None = None) -> dict:
    """Choose the configuration on half of the scenarios; report its effect on the other half.

    A configuration is a site, operator, layer and multiplier (one site unless the sweep had several).
    The effect of (L, m) is p(matching) at +m minus p(matching) at -m, per item. Scenarios are
    halved within each matching letter (`split_items`). The choice maximises the mean effect on
    the selection half; the report is the mean of the same per-item effect on the held-out half
    with its standard error clustered by scenario (`stats.clustered_sem`). `min_letter_mass`
    (see `effects`) keeps configurations where the model stops answering from being chosen.

    Returns:
        dict with site, operator, layer, multiplier, effect_select, effect, effect_sem, n_select,
        n_held_out, n_groups_held_out.
    """
    select, held = split_items(results, seed)
    keys = [*config_keys(results), "multiplier"]
    chosen = effects(results, select, min_letter_mass=min_letter_mass).groupby(keys)["effect"].mean()
    if chosen.empty:
        raise ValueError("held-out choice needs multipliers m and -m for some m > 0")
    best = dict(zip(keys, chosen.idxmax(), strict=True))
    report = effects(results, held)
    report = report[np.logical_and.reduce([report[k] == v for k, v in best.items()])]
    return {
        "site": best.get("site", DEFAULT_SITE),
        "operator": best.get("operator", "add"),
        "layer": int(best["layer"]),
        "multiplier": float(best["multiplier"]),
        "effect_select": float(chosen.max()),
        "effect": float(report["effect"].mean()),
        "effect_sem": clustered_sem(report["effect"], report["group"]),
        "n_select": len(select),
        "n_held_out": len(held),
        "n_groups_held_out": int(report["group"].nunique()),
    }
