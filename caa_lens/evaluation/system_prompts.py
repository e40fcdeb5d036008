"""System prompt versus CAA: the same A/B items under three system prompts, each with and without steering.

Conditions (`CONDITIONS`): "default" (the format's own: Llama 2 has no system block, a ChatML
template its default system turn, e.g. Qwen's "You are Qwen, ..."), "positive" (a prompt that
asks for the behaviour) and "negative" (one that asks for its opposite); each behaviour ships
the pair in its `behavior.json` (`datasets.load_info`). Each condition is swept at one layer at
-m, 0 and +m. `summarize_conditions` gives, per condition and multiplier, mean p(matching) and
the paired change against the same condition unsteered (m = 0), each with its standard error
clustered by scenario: "positive at +m minus positive at 0" is the paper's question of whether
CAA on top of a prompt beats the prompt alone.
"""

import pandas as pd

from ..columns import CONDITION_COLUMNS
from ..core.vectors import SteeringVectors
from .stats import mean_sem
from .sweep import sweep

CONDITIONS = ("default", "positive", "negative")


def condition_prompts(system_prompts: dict) -> dict[str, str | None]:
    """System prompt of each condition from a behaviour's {'positive': ..., 'negative': ...}, and
    optionally 'default' (the baseline condition's prompt; None or absent: the format's own).

    Raises:
        ValueError: a prompt is missing or empty.
    """
    for key in ("positive", "negative"):
        if not isinstance(system_prompts.get(key), str) or not system_prompts[key].strip():
            raise ValueError(f"system_prompts needs a non-empty {key!r} prompt, got {system_prompts.get(key)!r}")
    default = system_prompts.get("default")
    if default is not None and (not isinstance(default, str) or not default.strip()):
        raise ValueError(f"system_prompts' 'default' must be a non-empty prompt or None, got {default!r}")
    return {"default": default, "positive": system_prompts["positive"], "negative": system_prompts["negative"]}


def compare_conditions(
    model,
    vectors: SteeringVectors,
    items: list,
    *,
    system_prompts: dict,
    layer: int,
    multiplier: float,
    scale: str = "relative",
    fmt: str | None = None,
    conditions=CONDITIONS,
    progress: bool = True,
) -> pd.DataFrame:
    """Per item, condition and multiplier (-m, 0, +m at `layer`): `sweep.sweep`'s columns plus
    `condition` and `system` (the prompt's text, "" for the default). `conditions`: which to run.
    """
    m = abs(float(multiplier))
    if m == 0:
        raise ValueError("compare_conditions needs a multiplier other than 0")
    if not conditions or set(conditions) - set(CONDITIONS):
        raise ValueError(f"conditions must be some of {CONDITIONS}, got {conditions}")
    frames = []
    for condition, system in condition_prompts(system_prompts).items():
        if condition not in conditions:
            continue
        results = sweep(
            model, vectors, items, layers=[layer], multipliers=[-m, 0.0, m], scale=scale, fmt=fmt, system=system,
            progress=progress,
        )  # fmt: skip
        frames.append(results.assign(condition=condition, system=system or ""))
    return pd.concat(frames, ignore_index=True)


def summarize_conditions(results: pd.DataFrame) -> pd.DataFrame:
    """Per condition and multiplier: mean p(matching), the paired change from the same condition at
    m = 0, their clustered standard errors, mean letter mass and counts (`CONDITION_COLUMNS`).
    """
    keys = ["behavior", "condition", "multiplier"]
    base = results[results["multiplier"] == 0].set_index(["condition", "item"])["p_matching"]
    change = results["p_matching"].to_numpy() - base.loc[list(zip(results["condition"], results["item"]))].to_numpy()
    with_change = results.assign(change=change)
    out = mean_sem(with_change, keys, "p_matching")
    out = out.merge(mean_sem(with_change, keys, "change")[[*keys, "change", "change_sem"]], on=keys)
    mass = with_change.groupby(keys, sort=True)["letter_mass"].mean().rename("letter_mass").reset_index()
    out = out.merge(mass, on=keys)
    order = {c: i for i, c in enumerate(CONDITIONS)}
    out = out.sort_values(
        ["behavior", "condition", "multiplier"], key=lambda s: s.map(order) if s.name == "condition" else s
    )
    return out[list(CONDITION_COLUMNS)].reset_index(drop=True)
