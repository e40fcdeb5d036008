"""What a report computes: its settings as one frozen, validated value (light: the CLI reads its defaults)."""

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from ..options import DEFAULT_SITE, DEFAULT_VARIANT, check_scale, check_site, check_variant


@dataclass(frozen=True)
class ReportSettings:
    """What a report computes (see figures/README.md for `make demo`'s smaller sizes and their cost).

    `detail_items`: test items of the finer multiplier sweep at the chosen layer (None: all `n_test`).
    `sites`: sites besides `resid_post` for the site x layer figure (each costs about a third of
    the layer sweep: every layer at -m and +m on the held-out half; `()`: no such figure).
    `extras_for`: the behaviours that get the system-prompt comparison (about a third of the layer
    sweep) and the site figure; None: every behaviour.
    `variant`: how vectors are computed ("balanced" by default, "plain": the paper's). Every subset
    (`max_pairs`, `n_test`, `detail_items`, `transfer_items`) takes equal numbers of A- and
    B-matching items (`datasets.subsets.letter_balanced`).
    """

    max_pairs: int = 64
    n_test: int = 32
    layers: Sequence[int] | None = None  # stored as a tuple, like every sequence here
    multipliers: Sequence[float] = (-1.0, -0.5, 0.0, 0.5, 1.0)
    scale: str = "relative"
    transfer_sources: int | Sequence[int] = 3
    transfer_items: int = 8
    max_new_tokens: int = 32
    detail_items: int | None = None
    sites: Sequence[str] = ()
    extras_for: Sequence[str] | None = None
    variant: str = DEFAULT_VARIANT

    def __post_init__(self):
        fix = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731
        fix("multipliers", tuple(float(m) for m in self.multipliers))
        fix("layers", None if self.layers is None else tuple(int(x) for x in self.layers))
        if not isinstance(self.transfer_sources, int):
            fix("transfer_sources", tuple(int(x) for x in self.transfer_sources))
        fix("sites", tuple(dict.fromkeys(x for x in self.sites if x != DEFAULT_SITE)))
        fix("extras_for", None if self.extras_for is None else tuple(self.extras_for))
        for site in self.sites:
            check_site(site)
        check_scale(self.scale)
        check_variant(self.variant)
        if not any(m > 0 and -m in self.multipliers for m in self.multipliers):
            raise ValueError(
                f"multipliers {self.multipliers} need some m > 0 together with -m (for the held-out effect)"
            )
        if min(self.n_test, self.transfer_items, self.detail_items or 4) < 4 or self.max_pairs < 2:
            raise ValueError("need n_test >= 4, transfer_items >= 4, detail_items >= 4 and max_pairs >= 2")

    def as_json(self) -> dict:
        """The settings as JSON values (tuples become lists), as recorded in summaries."""
        return json.loads(json.dumps(asdict(self)))

    def extras(self, behavior: str) -> bool:
        """Whether `behavior` gets the system-prompt comparison and the site figure."""
        return self.extras_for is None or behavior in self.extras_for
