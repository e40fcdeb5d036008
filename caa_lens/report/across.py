"""The tables across a report's finished behaviours: the held-out table (behaviours ranked by
held-out effect / s.e., with the log-odds effect, the anti-steerable share and the predictors of
reliability), every behaviour's layer and multiplier sweeps together, and the cosines
between the behaviours' vectors at the median chosen layer.
"""

from dataclasses import asdict

import numpy as np
import pandas as pd

from .._io import write_csv
from ..analysis.geometry import behavior_cosines
from ..core.vectors import SteeringVectors
from .layout import BehaviorLayout, ReportLayout, read_json
from .summary import BehaviorSummary


def read_summary(files: BehaviorLayout) -> BehaviorSummary:
    """A finished behaviour's summary."""
    return BehaviorSummary.from_json(read_json(files.summary))


def ranked(summaries: list[BehaviorSummary]) -> list[BehaviorSummary]:
    """Behaviours by held-out effect / s.e., largest first (those without an s.e. last)."""
    key = lambda x: (x.held_out.z != x.held_out.z, -np.nan_to_num(x.held_out.z))  # noqa: E731
    return sorted(summaries, key=key)


_UNKNOWN = dict.fromkeys(
    ("effect_logodds", "effect_logodds_sem", "anti_steerable", "slope", "slope_sd", "agreement", "separation"),
    float("nan"),
)


def held_out_table(summaries: list[BehaviorSummary]) -> pd.DataFrame:
    """The report's first table as data: one row per behaviour, sorted by held-out effect / s.e., with
    the reliability measures (`summary.Reliability`; NaN for summaries that predate them).
    """
    rows = [
        {
            "behavior": x.behavior,
            "model": x.model,
            "layer": x.held_out.layer,
            "multiplier": x.held_out.multiplier,
            "effect": x.held_out.effect,
            "effect_sem": x.held_out.effect_sem,
            "z": x.held_out.z,
            "n_held_out": x.held_out.n_held_out,
            "n_groups_held_out": x.held_out.n_groups_held_out,
            "p_matching_base": x.at_choice.p_matching[1],
            "letter_mass_base": x.at_choice.letter_mass[1],
            "letter_cosine": x.letter_cosine,
        }
        | (asdict(x.reliability) if x.reliability is not None else _UNKNOWN)
        for x in ranked(summaries)
    ]
    return pd.DataFrame(rows)


def _sweeps_across(layout: ReportLayout, behaviors: list[BehaviorLayout]) -> float:
    """Every behaviour's layer sweep at +-(largest m) and its finer multiplier sweep, in one table each; m."""
    layers = pd.concat([pd.read_csv(f.layer_sweep_summary_csv) for f in behaviors], ignore_index=True)
    m = float(layers["multiplier"].abs().max())
    write_csv(layout.layer_sweeps_csv, layers[layers["multiplier"].abs() == m])
    sweeps = pd.concat([pd.read_csv(f.multiplier_sweep_summary_csv) for f in behaviors], ignore_index=True)
    write_csv(layout.multiplier_sweeps_csv, sweeps)
    return m


def _cosines_across(layout: ReportLayout, behaviors: list[BehaviorLayout], summaries: list[BehaviorSummary]) -> int:
    """The cosines between the behaviours' vectors at the median chosen layer; that layer."""
    layer = int(np.median([x.held_out.layer for x in summaries]))
    matrix = behavior_cosines([SteeringVectors.load(f.vectors) for f in behaviors], layer)
    write_csv(layout.behavior_cosines_csv, matrix.reset_index())
    return layer


def write_across(layout: ReportLayout, behaviors: list[str]) -> dict:
    """Write the tables across finished behaviours; return the page data that goes with them.

    Returns:
        `behaviors` (name and held-out z, in report order), `layer_sweeps_multiplier` and
        `behavior_cosines_layer` (None where there is no such figure: no behaviour, or only one).
    """
    folders = [layout.behavior(b) for b in behaviors]
    summaries = [read_summary(f) for f in folders]
    write_csv(layout.held_out_csv, held_out_table(summaries))
    return {
        "behaviors": [{"behavior": x.behavior, "z": x.held_out.z} for x in ranked(summaries)],
        "layer_sweeps_multiplier": _sweeps_across(layout, folders) if folders else None,
        "behavior_cosines_layer": _cosines_across(layout, folders, summaries) if len(folders) > 1 else None,
    }
