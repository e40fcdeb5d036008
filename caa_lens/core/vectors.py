"""Steering vectors: per-layer mean differences of letter-token activations (CAA).

Rimsky et al. 2024 (arXiv 2312.06681): for layer L, v_L = mean over pairs of
act_L(matching) - act_L(not matching) (the "plain" variant, the paper's). The default
"balanced" variant (`options.DEFAULT_VARIANT`) averages that difference separately over pairs
whose matching letter is A and pairs whose matching letter is B (then averages the group means),
so an A/B imbalance cannot leak letter identity into v_L.

Diagnostics travel with the vectors: the mean residual norm at the letter (the scale that
"relative" multipliers use) and the cosine between v_L and the pure letter-identity direction
mean(act | letter A) - mean(act | letter B). On small models the plain vector is often mostly
that letter direction; this is how to see it: `diagnostics` flags every layer whose
|letter cosine| exceeds `LETTER_COSINE_LIMIT`.
"""

import dataclasses
import json
import math
import operator
import warnings
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import pandas as pd
import torch
from safetensors import SafetensorError, safe_open
from safetensors.torch import save_file

from .._io import check_input, write_atomic
from .._types import LayerScalars, LayerVectors, PairActs
from .._version import __version__
from ..columns import DIAGNOSTIC_COLUMNS
from ..datasets.load import ABItem
from ..options import DEFAULT_SITE, DEFAULT_VARIANT, VARIANTS, check_format, check_variant
from .collect import PairActivations, collect
from .hooks import check_site
from .models import model_dtype, model_name

LETTER_COSINE_LIMIT = 0.3  # |cos(v_L, letter direction)| above this: v_L is partly the answer letter


@dataclass(frozen=True)
class SteeringVectors:
    """One steering direction per layer plus what is needed to use and trust it.

    `site` is where in each block the vectors were read and are added (`options.SITES`);
    `resid_norm` is the mean norm of the residual stream there (for `attn_out` / `mlp_out`: of
    the residual stream they are added to), the scale of "relative" multipliers.
    """

    # shapes (n_layers, d_model), (n_layers,), (n_layers,): checked in __post_init__ with messages
    # that name the field, since vectors come from files (not annotated as jaxtyping shapes, whose
    # run-time check would answer first)
    directions: torch.Tensor
    resid_norm: torch.Tensor
    letter_cosine: torch.Tensor
    model: str
    behavior: str
    n_pairs: int
    dataset_sha256: str
    chat_format: str
    variant: str = "plain"
    site: str = DEFAULT_SITE
    version: str = field(default=__version__)
    dtype: str = "float32"  # what the model computed in when the activations were read

    def __post_init__(self):
        if not isinstance(self.directions, torch.Tensor) or self.directions.ndim != 2:
            raise ValueError(
                f"directions must be a (n_layers, d_model) tensor, got {getattr(self.directions, 'shape', self.directions)!r}"
            )
        for name in ("directions", "resid_norm", "letter_cosine"):
            value = getattr(self, name)
            if not isinstance(value, torch.Tensor) or not value.is_floating_point():
                raise ValueError(
                    f"{name} must be a floating-point tensor, got {getattr(value, 'dtype', type(value).__name__)}"
                )
            if not torch.isfinite(value).all():
                raise ValueError(f"{name} holds NaN or infinite values; re-extract the vectors")
        if not bool((self.resid_norm > 0).all()):
            raise ValueError("resid_norm must be positive at every layer (it is a mean norm); re-extract the vectors")
        for name in ("resid_norm", "letter_cosine"):
            if tuple(getattr(self, name).shape) != (self.n_layers,):
                raise ValueError(
                    f"{name} must have one value per layer ({self.n_layers}), got shape {tuple(getattr(self, name).shape)}"
                )
        for name in ("model", "behavior", "dataset_sha256", "chat_format", "variant", "site", "version", "dtype"):
            if not isinstance(getattr(self, name), str):
                raise ValueError(f"{name} must be a string, got {getattr(self, name)!r}")
        if not isinstance(self.n_pairs, int) or isinstance(self.n_pairs, bool) or self.n_pairs < 0:
            raise ValueError(f"n_pairs must be a whole number >= 0, got {self.n_pairs!r}")
        if self.variant not in VARIANTS + ("normalized",):
            raise ValueError(f"unknown variant {self.variant!r}; use one of {VARIANTS}")
        check_site(self.site)
        check_format(self.chat_format)

    @property
    def n_layers(self) -> int:
        """Number of layers (one vector each)."""
        return self.directions.shape[0]

    @property
    def d_model(self) -> int:
        """Width of the residual stream."""
        return self.directions.shape[1]

    def check_layers(self, layers=None) -> list[int]:
        """The layers to use as ints (None: all), each in 0..n_layers-1 (the one home of this check).

        Raises:
            ValueError: none given, a layer that is not a whole number, or one out of range.
        """
        if layers is None:
            return list(range(self.n_layers))
        try:
            layers = [operator.index(x) for x in layers]  # ints, numpy ints; not floats
        except TypeError:
            raise ValueError(f"layers must be whole numbers, got {layers!r}") from None
        if not layers:
            raise ValueError("give at least one layer")
        bad = [x for x in layers if not 0 <= x < self.n_layers]
        if bad:
            raise ValueError(f"layers {bad} are out of range 0..{self.n_layers - 1}")
        return layers

    def norms(self) -> LayerScalars:
        """Euclidean norm of each layer's vector, in float32 (a float16 vector's norm can pass 65504)."""
        return self.directions.float().norm(dim=-1)

    def normalized(self, norm: float) -> "SteeringVectors":
        """A copy whose every layer's vector has the given norm (the paper's cross-behaviour scaling).

        Raises:
            ValueError: `norm` is not a finite number > 0, or a layer's vector is zero (it has no direction).
        """
        if isinstance(norm, bool) or not isinstance(norm, int | float) or not math.isfinite(norm) or norm <= 0:
            raise ValueError(f"norm must be a finite number > 0, got {norm!r}")
        norms = self.norms()
        if not bool((norms > 0).all()):
            raise ValueError(
                f"layers {(norms == 0).nonzero().flatten().tolist()} have a zero vector; it has no direction to scale"
            )
        scaled = self.directions.float() * (norm / norms)[:, None]
        return replace(self, directions=scaled.to(self.directions.dtype), variant="normalized")

    def check_model(self, model) -> None:
        """Raise ValueError if `model` cannot take these vectors."""
        n_layers, d_model = model.cfg.n_layers, model.cfg.d_model
        if (n_layers, d_model) != (self.n_layers, self.d_model):
            raise ValueError(
                f"vectors for {self.model} are {self.n_layers} layers x {self.d_model}, but the model "
                f"{model_name(model)} has {n_layers} layers x {d_model}; extract vectors on this model"
            )
        if self.model != model_name(model):
            warnings.warn(
                f"these vectors were extracted on {self.model}, but the model is {model_name(model)}; "
                "a vector means little on another model",
                stacklevel=3,
            )

    def save(self, path: str | Path) -> Path:
        """Write tensors and metadata to one safetensors file (atomically)."""
        meta = {k: v for k, v in asdict(self).items() if not isinstance(v, torch.Tensor)}
        tensors = {
            name: getattr(self, name).contiguous().float() for name in ("directions", "resid_norm", "letter_cosine")
        }
        return write_atomic(path, lambda tmp: _save_file(tensors, tmp, {"caa_lens": json.dumps(meta)}, path))

    def export(self, path: str | Path, format: str = "llamacpp", **kwargs) -> Path:
        """Write the vectors as another tool's file: a llama.cpp control vector or an lm-eval steering file.

        Keyword arguments (layers, multiplier, scale, model) and the layer mapping: `caa_lens.export.export`.
        """
        from .export import export

        return export(self, path, format=format, **kwargs)

    @classmethod
    def load(cls, path: str | Path) -> "SteeringVectors":
        """Read a file written by `save` (safetensors, never pickle)."""
        try:
            with safe_open(str(check_input(path)), framework="pt") as f:  # a regular file of bounded size
                meta = json.loads((f.metadata() or {})["caa_lens"])
                tensors = {name: f.get_tensor(name) for name in ("directions", "resid_norm", "letter_cosine")}
        except (KeyError, OSError, json.JSONDecodeError, SafetensorError) as e:
            raise ValueError(f"{path}: not a caa_lens vectors file ({e})") from None
        except RecursionError:
            raise ValueError(f"{path}: not a caa_lens vectors file (its metadata JSON is nested too deeply)") from None
        fields = {f.name for f in dataclasses.fields(cls)} - set(tensors)
        if (
            not isinstance(meta, dict)
            or set(meta) - fields
            or fields - set(meta) - {"variant", "site", "version", "dtype"}
        ):
            raise ValueError(f"{path}: not a caa_lens vectors file (its metadata must name exactly {sorted(fields)})")
        try:
            return cls(**tensors, **meta)
        except ValueError as e:
            raise ValueError(f"{path}: {e}") from None


def _save_file(tensors: dict, tmp: Path, metadata: dict, path: str | Path) -> None:
    """Safetensors' `save_file` into `tmp`; a failure (a full disk, a file size limit) is one OSError naming `path`."""
    try:
        save_file(tensors, str(tmp), metadata=metadata)
    except (SafetensorError, OSError) as e:
        raise OSError(f"cannot write {path}: {' '.join(str(e).split())}") from None


def mean_difference(matching: PairActs, not_matching: PairActs) -> LayerVectors:
    """Per-layer mean over pairs of matching minus not matching."""
    return (matching - not_matching).mean(dim=0)


def balanced_difference(acts: PairActivations) -> LayerVectors:
    """Average over matching letters of the per-letter mean differences."""
    letters = sorted(set(acts.matching_letters))
    groups = [torch.tensor([m == letter for m in acts.matching_letters]) for letter in letters]
    return torch.stack([mean_difference(acts.matching[g], acts.not_matching[g]) for g in groups]).mean(dim=0)


def letter_direction(acts: PairActivations, first: str | None = None, second: str | None = None) -> LayerVectors:
    """mean(act | answer letter `first`) - mean(act | letter `second`), over both answers.

    By default the two letters are the data's two most frequent answer letters (A and B for A/B
    data; C and D for data answered with those); zeros when the answers use one letter only.
    """
    all_acts = torch.cat([acts.matching, acts.not_matching])
    letters = acts.matching_letters + acts.not_matching_letters
    common = sorted(set(letters), key=lambda x: (-letters.count(x), x))
    first, second = first or common[0], second or (common[1] if len(common) > 1 else common[0])
    pick = lambda x: torch.tensor([letter == x for letter in letters])  # noqa: E731
    if first == second or not pick(first).any() or not pick(second).any():
        return torch.zeros_like(all_acts[0])
    return all_acts[pick(first)].mean(dim=0) - all_acts[pick(second)].mean(dim=0)


def from_activations(
    acts: PairActivations,
    *,
    model: str,
    behavior: str,
    dataset_sha256: str,
    chat_format: str,
    variant: str = DEFAULT_VARIANT,
    dtype: str = "float32",
) -> SteeringVectors:
    """Build SteeringVectors (with diagnostics) from collected activations ("balanced" by default; "plain" by name)."""
    check_variant(variant)
    directions = (
        balanced_difference(acts) if variant == "balanced" else mean_difference(acts.matching, acts.not_matching)
    )
    resid_norm = acts.resid_norm
    if resid_norm is None:
        resid_norm = torch.cat([acts.matching, acts.not_matching]).norm(dim=-1).mean(dim=0)
    letter_cosine = torch.nn.functional.cosine_similarity(directions, letter_direction(acts), dim=-1)
    return SteeringVectors(
        directions,
        resid_norm,
        letter_cosine,
        model,
        behavior,
        len(acts.matching),
        dataset_sha256,
        chat_format,
        variant,
        acts.site,
        dtype=dtype,
    )


def extract(
    model,
    items: list[ABItem],
    *,
    behavior: str,
    dataset_sha256: str = "",
    variant: str = DEFAULT_VARIANT,
    fmt: str | None = None,
    system: str | None = None,
    site: str = DEFAULT_SITE,
    batch_size: int = 32,
    progress: bool = True,
) -> SteeringVectors:
    """Collect activations for `items` at `site` on `model` and build the steering vectors.

    `variant`: "balanced" (default: the mean of the per-letter mean differences) or "plain" (the
    paper's mean difference); take subsets with `datasets.subsets.letter_balanced` either way.
    """
    from .chat import resolve_format

    fmt = resolve_format(model, fmt)
    acts = collect(model, items, fmt=fmt, system=system, site=site, batch_size=batch_size, progress=progress)
    return vectors_from(model, acts, behavior=behavior, dataset_sha256=dataset_sha256, fmt=fmt, variant=variant)


def vectors_from(
    model,
    acts: PairActivations,
    *,
    behavior: str,
    variant: str = DEFAULT_VARIANT,
    fmt: str | None = None,
    dataset_sha256: str = "",
) -> SteeringVectors:
    """`from_activations` for activations collected on `model` (its name and chat format filled in).

    Args:
        fmt: the chat format the activations were collected with (default: the model's).
        dataset_sha256: the source file's digest, when there is one.
    """
    from .chat import resolve_format

    return from_activations(
        acts,
        model=model_name(model),
        behavior=behavior,
        dataset_sha256=dataset_sha256,
        chat_format=resolve_format(model, fmt),
        variant=variant,
        dtype=model_dtype(model),
    )


def diagnostics(vectors: SteeringVectors) -> pd.DataFrame:
    """Per layer: vector norm, mean residual norm at the letter, their ratio, letter cosine and its flag.

    `letter_flag`: |letter cosine| > `LETTER_COSINE_LIMIT` (the vector is partly the answer letter there).
    """
    norms = vectors.norms()
    return pd.DataFrame(
        {
            "layer": range(vectors.n_layers),
            "vector_norm": norms.numpy(),
            "resid_norm": vectors.resid_norm.numpy(),
            "norm_ratio": (norms / vectors.resid_norm).numpy(),
            "letter_cosine": vectors.letter_cosine.numpy(),
            "letter_flag": (vectors.letter_cosine.abs() > LETTER_COSINE_LIMIT).numpy(),
        },
        columns=list(DIAGNOSTIC_COLUMNS),
    )
