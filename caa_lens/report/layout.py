"""Where a report's files live: every file name of a report folder, spelled once.

The writer (`run`, `across`) and the renderer (`html`) both go through these classes, so neither
spells a file name. A report folder holds `ReportLayout`'s files and one `BehaviorLayout` folder
per behaviour; `summary.json`, written last in a behaviour's folder, marks it finished (a rerun
skips it). A new kind of output is one more `_file(...)` line here.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from .._io import read_text
from ..datasets.load import check_behavior_name


def _file(name: str) -> property:
    """The file `name` inside the layout's folder, as a read-only property."""
    return property(lambda self: self.folder / name, doc=f"`{name}` in the folder.")


@dataclass(frozen=True)
class _Folder:
    folder: Path

    def __post_init__(self):
        object.__setattr__(self, "folder", Path(self.folder))

    def figure(self, name: str) -> Path:
        """The stand-alone HTML file of figure `name` (it loads plotly.js from the report folder)."""
        return self.folder / f"{name}.html"


@dataclass(frozen=True)
class BehaviorLayout(_Folder):
    """One behaviour's folder: its vectors, tables (CSV), figures and summary."""

    summary = _file("summary.json")
    vectors = _file("vectors.safetensors")
    diagnostics_csv = _file("diagnostics.csv")
    layer_cosines_csv = _file("layer_cosines.csv")
    layer_sweep_csv = _file("layer_sweep.csv")
    layer_sweep_summary_csv = _file("layer_sweep_summary.csv")
    multiplier_sweep_csv = _file("multiplier_sweep.csv")
    multiplier_sweep_summary_csv = _file("multiplier_sweep_summary.csv")
    transfer_csv = _file("transfer.csv")
    pca_points_csv = _file("pca_points.csv")
    separation_csv = _file("separation.csv")
    tokens_reply_csv = _file("tokens_reply.csv")
    tokens_prompt_csv = _file("tokens_prompt.csv")
    systems_csv = _file("system_prompts.csv")
    systems_summary_csv = _file("system_prompts_summary.csv")
    site_sweep_csv = _file("site_sweep.csv")
    site_effects_csv = _file("site_effects.csv")
    steerability_csv = _file("steerability.csv")
    predictors_csv = _file("predictors.csv")

    def site_vectors(self, site: str) -> Path:
        """The steering vectors read at `site` (besides resid_post's `vectors`), for the site figure."""
        return self.folder / f"vectors_{site}.safetensors"

    @property
    def name(self) -> str:
        """The behaviour (the folder's name)."""
        return self.folder.name

    def clear(self) -> None:
        """Remove the files of an earlier, unfinished or outdated run, summary first, so one run's files form the folder."""
        named = [getattr(self, k) for k, v in vars(BehaviorLayout).items() if isinstance(v, property) and k != "name"]
        for path in [self.summary, *named, *self.folder.glob("vectors_*.safetensors"), *self.folder.glob("*.html")]:
            path.unlink(missing_ok=True)


@dataclass(frozen=True)
class ReportLayout(_Folder):
    """A report folder: the page, plotly.js, the tables across behaviours and one folder per behaviour.

    `page_data` holds what the page shows beyond the CSVs: model, settings, skipped behaviours,
    the behaviours in report order and the layer and multiplier the figures across them use.
    """

    page = _file("report.html")
    page_data = _file("report.json")
    plotly_js = _file("plotly.min.js")
    held_out_csv = _file("held_out.csv")
    layer_sweeps_csv = _file("layer_sweeps.csv")
    multiplier_sweeps_csv = _file("multiplier_sweeps.csv")
    behavior_cosines_csv = _file("behavior_cosines.csv")

    def behavior(self, name: str) -> BehaviorLayout:
        """The folder of behaviour `name` (an identifier: it becomes a path part)."""
        return BehaviorLayout(self.folder / check_behavior_name(name))


def read_json(path: Path) -> dict:
    """A JSON file of the report (`summary.json`, `report.json`)."""
    return json.loads(read_text(path))
