"""A behaviour's report summary as typed values: what `run` computes, `summary.json` holds and `html` renders.

`BehaviorSummary.to_json` / `from_json` are the only places the file's keys are spelled.
"""

from dataclasses import asdict, dataclass, field

from ..evaluation.effects import HeldOut


@dataclass(frozen=True)
class AtChoice:
    """Over all test items at the chosen layer and m: p(matching) and letter mass at -m, 0, +m, and
    the mean effect by matching letter (a letter bias shows as opposite signs).
    """

    p_matching: tuple[float, float, float]
    letter_mass: tuple[float, float, float]
    effect_by_letter: dict[str, float]


@dataclass(frozen=True)
class Probe:
    """Linear-probe separation of matching and not-matching activations across layers."""

    first_layer_90: int | None  # first layer with accuracy >= 0.9 (None: none reaches it)
    best_layer: int
    best_accuracy: float


@dataclass(frozen=True)
class Reply:
    """One steered reply, its mean token cosine with the vector, and its coherence check
    (`evaluation.coherence`: perplexity under the unsteered model; None in summaries that predate it).
    """

    multiplier: float
    reply: str
    score: float
    perplexity: float | None = None
    degenerate: bool | None = None


@dataclass(frozen=True)
class Reliability:
    """How far the held-out choice can be trusted, from the sweep's rows and the collected activations.

    On the held-out items at the chosen layer: the effect in log-odds (`effects.held_out_effect`),
    and per-item steerability (`steerability`: slope of log-odds per unit m over the layer sweep's
    multipliers; the share with a negative slope, their mean and standard deviation). At the chosen
    layer, letter direction removed: the predictors `geometry.reliability_predictors`.
    """

    effect_logodds: float
    effect_logodds_sem: float
    anti_steerable: float
    slope: float
    slope_sd: float
    agreement: float
    separation: float


@dataclass(frozen=True)
class Detection:
    """Replies to one prompt steered at -m, 0, +m, each with its mean token cosine at `layer`."""

    prompt: str
    layer: int
    replies: tuple[Reply, ...]


@dataclass(frozen=True)
class BehaviorSummary:
    """Everything the report says about one behaviour besides its CSVs."""

    behavior: str
    model: str
    settings: dict
    caa_lens: str
    n_pairs: int
    n_test: int
    dataset_sha256: str
    held_out: HeldOut
    at_choice: AtChoice
    letter_cosine: float
    transfer_sources: tuple[int, ...]
    probe_kept: Probe
    probe_removed: Probe
    detection: Detection
    system_prompts: dict[str, str] | None = None  # condition -> prompt (None: the behaviour ships none)
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> seconds
    reliability: Reliability | None = None  # None in summaries that predate it

    def to_json(self) -> dict:
        """The summary as `summary.json` holds it."""
        data = asdict(self)
        data["held_out"] = self.held_out.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict) -> "BehaviorSummary":
        """The summary `to_json` wrote."""
        d = dict(data)
        d["held_out"] = HeldOut.from_json(d["held_out"])
        at = d["at_choice"]
        d["at_choice"] = AtChoice(tuple(at["p_matching"]), tuple(at["letter_mass"]), dict(at["effect_by_letter"]))
        d["transfer_sources"] = tuple(d["transfer_sources"])
        d["probe_kept"], d["probe_removed"] = Probe(**d["probe_kept"]), Probe(**d["probe_removed"])
        det = d["detection"]
        d["detection"] = Detection(det["prompt"], det["layer"], tuple(Reply(**r) for r in det["replies"]))
        d["reliability"] = Reliability(**d["reliability"]) if d.get("reliability") else None
        return cls(**d)
