"""Results of a sweep, summarised: mean p(matching) per configuration, per-item effects, held-out choice.

The effect of a configuration (site, operator, layer, m > 0) on an item is p(matching | +m) -
p(matching | -m), or with `metric="logodds"` the same difference of the log-odds `logit_diff`
(log p(matching letter) - log p(not matching letter); `options.METRICS`). Standard errors are clustered by scenario (`stats`); `held_out` chooses the
configuration on half of the scenarios and reports it on the other half.
"""

from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from ..columns import CONFIG_KEYS, SUMMARY_COLUMNS
from ..options import DEFAULT_METRIC, DEFAULT_SITE, check_metric
from .stats import clustered_sem, mean_sem


@dataclass(frozen=True)
class HeldOut:
    """The held-out choice (`held_out`): the configuration chosen on one half of the scenarios and
    its effect on the other half, with the items of each half.

    Fields read as attributes (`choice.layer`); `choice["layer"]` works too, as for a mapping.
    """

    site: str
    operator: str
    layer: int
    multiplier: float
    effect_select: float
    effect: float
    effect_sem: float
    n_select: int
    n_held_out: int
    n_groups_held_out: int
    select_items: tuple[int, ...] = field(repr=False, default=())
    held_items: tuple[int, ...] = field(repr=False, default=())
    metric: str = DEFAULT_METRIC

    @property
    def z(self) -> float:
        """Held-out effect over its standard error (NaN without one)."""
        sem = self.effect_sem
        return self.effect / sem if sem == sem and sem > 0 else float("nan")

    def __getitem__(self, key: str):
        return getattr(self, key)

    def to_json(self) -> dict:
        """The choice as JSON-ready values."""
        return asdict(self) | {"select_items": list(self.select_items), "held_items": list(self.held_items)}

    @classmethod
    def from_json(cls, data: dict) -> "HeldOut":
        """The choice `to_json` wrote."""
        items = {k: tuple(int(i) for i in data.get(k, ())) for k in ("select_items", "held_items")}
        return cls(**(data | items))


def with_config_keys(results: pd.DataFrame) -> pd.DataFrame:
    """`results` with `site` and `operator` filled in where a frame predates them (resid_post, add)."""
    missing = {k: v for k, v in (("site", DEFAULT_SITE), ("operator", "add")) if k not in results}
    return results.assign(**missing) if missing else results


def config_keys(results: pd.DataFrame) -> list[str]:
    """The columns of `CONFIG_KEYS` that `results` has (frames from before sites have only `layer`)."""
    return [k for k in CONFIG_KEYS if k in results]


def with_logit_diff(results: pd.DataFrame) -> pd.DataFrame:
    """`results` with `logit_diff` derived as logit(p_matching) where a frame predates it (exact up to float
    rounding; infinite where p_matching rounded to 0 or 1).
    """
    if "logit_diff" in results:
        return results
    p = results["p_matching"].to_numpy(dtype=float)
    with np.errstate(divide="ignore"):
        return results.assign(logit_diff=np.log(p) - np.log1p(-p))


def metric_column(metric: str) -> str:
    """The sweep column a metric reads ("p": p_matching, "logodds": logit_diff)."""
    return {"p": "p_matching", "logodds": "logit_diff"}[check_metric(metric)]


def summarize(results: pd.DataFrame) -> pd.DataFrame:
    """Mean p(matching) and mean log-odds, each with its standard error clustered by scenario
    (`stats`), mean letter mass, counts (columns `SUMMARY_COLUMNS`; both metrics, so no `metric`).
    """
    results = with_logit_diff(with_config_keys(results))
    keys = ["behavior", *CONFIG_KEYS, "multiplier", "scale"]
    out = mean_sem(results, keys, "p_matching")
    logodds = mean_sem(results, keys, "logit_diff")
    mass = results.groupby(keys, sort=True)["letter_mass"].mean().reset_index(drop=True)
    out = out.assign(letter_mass=mass, logit_diff=logodds["logit_diff"], logit_diff_sem=logodds["logit_diff_sem"])
    return out[list(SUMMARY_COLUMNS)]


def _groups(results: pd.DataFrame) -> pd.Series:
    """Scenario of each item (the item itself where results carry no groups)."""
    if "group" in results:
        return results.groupby("item")["group"].first()
    items = np.sort(results["item"].unique())
    return pd.Series([f"item-{i}" for i in items], index=items)


def effects(
    results: pd.DataFrame, items=None, *, min_letter_mass: float | None = None, metric: str = DEFAULT_METRIC
) -> pd.DataFrame:
    """Per configuration (site, operator, layer, m > 0) and item: p(matching | +m) - p(matching | -m)
    (`metric="p"`) or logit_diff(+m) - logit_diff(-m) (`metric="logodds"`).

    Args:
        results: `sweep` output holding both +m and -m.
        metric: "p" or "logodds" (`options.METRICS`).
        items: only these items (default: all).
        min_letter_mass: drop configurations whose mean letter mass at +m or -m is below it
            (where the model stops answering with a letter, p(matching) is a ratio of two tiny
            probabilities); None keeps every configuration.

    Returns:
        columns site, operator (where `results` has them), layer, multiplier, item, group, effect.
    """
    column = metric_column(metric)
    results = with_logit_diff(results)
    config = config_keys(results)
    keys = [*config, "multiplier"]
    part = results if items is None else results[results["item"].isin(items)]
    if min_letter_mass is not None:
        mass = results.groupby(keys)["letter_mass"].mean()
        low = {(*k[:-1], abs(k[-1])) for k, value in mass.items() if k[-1] != 0 and value < min_letter_mass}
        flat = zip(*(part[k] for k in config), part["multiplier"].abs(), strict=True)
        part = part[[key not in low for key in flat]]
    table = part.set_index([*keys, "item"])[column].sort_index()
    configs, groups = set(table.index.droplevel(-1)), _groups(results)
    rows = []
    for key in sorted(configs):
        *config, m = key
        if m > 0 and (*config, -m) in configs:
            diff = table.loc[key] - table.loc[(*config, -m)]
            rows += [(*config, m, item, groups[item], d) for item, d in diff.items()]
    return pd.DataFrame(rows, columns=[*keys, "item", "group", "effect"])


def effect_table(results: pd.DataFrame, items=None, *, metric: str = DEFAULT_METRIC) -> pd.DataFrame:
    """Per configuration (`effects` in `metric`): mean effect, its standard error clustered by scenario, counts.

    Returns:
        columns behavior, site, operator, layer, multiplier, effect, effect_sem, n_items, n_groups.
    """
    keys = [*CONFIG_KEYS, "multiplier"]
    table = mean_sem(effects(with_config_keys(results), items, metric=metric), keys, "effect")
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
    select: list[int] = []
    held: list[int] = []
    for letter in sorted(set(letter_of.values())):
        names = np.array(sorted(g for g, x in letter_of.items() if x == letter))
        rng.shuffle(names)
        half = (len(names) + 1) // 2 if len(select) <= len(held) else len(names) // 2
        select += [i for g in names[:half] for i in members[g]]
        held += [i for g in names[half:] for i in members[g]]
    return np.array(sorted(select)), np.array(sorted(held))


def held_out(
    results: pd.DataFrame, *, seed: int = 0, min_letter_mass: float | None = None, metric: str = DEFAULT_METRIC
) -> HeldOut:
    """Choose the configuration on half of the scenarios; report its effect on the other half.

    A configuration is a site, operator, layer and multiplier (one site unless the sweep had several).
    The effect of (L, m) is p(matching) at +m minus p(matching) at -m, per item. Scenarios are
    halved within each matching letter (`split_items`). The choice maximises the mean effect on
    the selection half; the report is the mean of the same per-item effect on the held-out half
    with its standard error clustered by scenario (`stats.clustered_sem`). `min_letter_mass`
    (see `effects`) keeps configurations where the model stops answering from being chosen.
    `metric` ("p" or "logodds") is what the effect is measured in, for the choice and the report
    (`held_out_effect` gives the chosen configuration's held-out effect in the other metric).

    Returns:
        The choice, its effects and the two halves' items (`HeldOut`).
    """
    select, held = split_items(results, seed)
    keys = [*config_keys(results), "multiplier"]
    chosen = effects(results, select, min_letter_mass=min_letter_mass, metric=metric).groupby(keys)["effect"].mean()
    if chosen.empty:
        raise ValueError("held-out choice needs multipliers m and -m for some m > 0")
    best = dict(zip(keys, chosen.idxmax(), strict=True))
    report = effects(results, held, metric=metric)
    report = report[np.logical_and.reduce([report[k] == v for k, v in best.items()])]
    return HeldOut(
        site=best.get("site", DEFAULT_SITE),
        operator=best.get("operator", "add"),
        layer=int(best["layer"]),
        multiplier=float(best["multiplier"]),
        effect_select=float(chosen.max()),
        effect=float(report["effect"].mean()),
        effect_sem=clustered_sem(report["effect"], report["group"]),
        n_select=len(select),
        n_held_out=len(held),
        n_groups_held_out=int(report["group"].nunique()),
        select_items=tuple(int(i) for i in select),
        held_items=tuple(int(i) for i in held),
        metric=metric,
    )


def held_out_effect(results: pd.DataFrame, choice: HeldOut, metric: str = DEFAULT_METRIC) -> tuple[float, float]:
    """The chosen configuration's mean effect on its held-out items in `metric`, with its clustered s.e.

    So a choice made in one metric can be reported in the other (the report shows p and log-odds).
    """
    config = {"site": choice.site, "operator": choice.operator, "layer": choice.layer, "multiplier": choice.multiplier}
    report = effects(with_config_keys(results), list(choice.held_items), metric=metric)
    report = report[np.logical_and.reduce([report[k] == v for k, v in config.items()])]
    return float(report["effect"].mean()), clustered_sem(report["effect"], report["group"])
