"""The enumerations users choose from, each as a tuple of values and a `Literal` type, and the one
check per option (light: no heavy imports, the CLI reads it).

- `SCALES`: how a multiplier is read: "raw" (the paper's m x v_L, `DEFAULT_SCALE`), "relative"
  (m x mean residual norm at L / |v_L|, which carries across model sizes) or "kl" (the coefficient
  whose mean per-token KL(steered || unsteered) on neutral text is |m| nats, calibrated per model,
  vectors and layer; see `core.scale` and `core.kl`).
  `ReportSettings` defaults to "relative" for its own sweeps.
- `FORMATS`: chat formats ("llama2" or the tokenizer's "template"; see `core.chat`).
- `VARIANTS`: how vectors are computed from pairs: "balanced" (`DEFAULT_VARIANT`: the mean of the
  per-letter mean differences, so the answer letter cannot leak in) or "plain" (the paper's mean difference).
- `SIDE_EFFECT_KINDS`: multiple-choice benchmarks for side effects.
- `METRICS`: what an A/B effect is measured in (`evaluation.effects`): "p" (`DEFAULT_METRIC`: p(matching),
  bounded in [0, 1]) or "logodds" (log p(matching letter) - log p(not matching letter), the sweep's
  `logit_diff`: unbounded, insensitive to probability mass leaving the two letters; Pres et al. 2024).
- `SITES`: where in a block activations are read and vectors added (`core.hooks`): the residual
  stream before the block, between attention and MLP, after the block (`DEFAULT_SITE`, the
  paper's), or the attention / MLP output that is added to it.
- `EXPORT_FORMATS`: other tools' files vectors can be written as (`core.export`): a llama.cpp
  control vector GGUF, or a steering file for lm-evaluation-harness's `steered` model.
- `OPERATORS`: what steering does there: "add" m x v, or "ablate" (project v's direction out,
  then add m x v; m = 0 is pure directional ablation; not at resid_mid, see `core.steering.check_operator`).
- `DTYPES`: the dtype a model is loaded in: "auto" (`DEFAULT_DTYPE`: bfloat16 where the device computes
  it natively, else float32; `core.models.auto_dtype`) or a dtype by name.
"""

from typing import Literal, get_args

Scale = Literal["raw", "relative", "kl"]
Format = Literal["llama2", "template"]
Variant = Literal["plain", "balanced"]
SideEffectKind = Literal["mmlu", "truthfulqa"]
Metric = Literal["p", "logodds"]
Site = Literal["resid_pre", "resid_mid", "resid_post", "attn_out", "mlp_out"]
Operator = Literal["add", "ablate"]
ExportFormat = Literal["llamacpp", "lm-eval"]
DType = Literal["auto", "float32", "bfloat16", "float16"]

SCALES: tuple[Scale, ...] = get_args(Scale)
FORMATS: tuple[Format, ...] = get_args(Format)
VARIANTS: tuple[Variant, ...] = get_args(Variant)
SIDE_EFFECT_KINDS: tuple[SideEffectKind, ...] = get_args(SideEffectKind)
SITES: tuple[Site, ...] = get_args(Site)
OPERATORS: tuple[Operator, ...] = get_args(Operator)
EXPORT_FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
DTYPES: tuple[DType, ...] = get_args(DType)
METRICS: tuple[Metric, ...] = get_args(Metric)

DEFAULT_SCALE: Scale = "raw"  # every function and command that takes a scale; a report's settings say their own
DEFAULT_SITE: Site = "resid_post"
DEFAULT_DTYPE: DType = "auto"  # load_model and every command's --dtype
DEFAULT_VARIANT: Variant = "balanced"  # every function, command and report that extracts vectors
DEFAULT_METRIC: Metric = "p"  # effects, effect tables and held-out choices


def check_choice(what: str, value: object, choices: tuple[str, ...]) -> str:
    """Return `value` if it is one of `choices`, else raise ValueError naming the option and its values."""
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"unknown {what} {value!r}; use one of {choices}")
    return value


def check_scale(value: object) -> Scale:
    """`value` as a `Scale`, or ValueError."""
    return check_choice("scale", value, SCALES)  # type: ignore[return-value]


def check_site(value: object) -> Site:
    """`value` as a `Site`, or ValueError."""
    return check_choice("site", value, SITES)  # type: ignore[return-value]


def check_format(value: object) -> Format:
    """`value` as a `Format`, or ValueError."""
    return check_choice("chat format", value, FORMATS)  # type: ignore[return-value]


def check_variant(value: object) -> Variant:
    """`value` as a `Variant`, or ValueError."""
    return check_choice("variant", value, VARIANTS)  # type: ignore[return-value]


def check_operator_name(value: object) -> Operator:
    """`value` as an `Operator`, or ValueError (where it may act: `core.steering.check_operator`)."""
    return check_choice("operator", value, OPERATORS)  # type: ignore[return-value]


def check_export_format(value: object) -> ExportFormat:
    """`value` as an `ExportFormat`, or ValueError."""
    return check_choice("export format", value, EXPORT_FORMATS)  # type: ignore[return-value]


def check_metric(value: object) -> Metric:
    """`value` as a `Metric`, or ValueError."""
    return check_choice("metric", value, METRICS)  # type: ignore[return-value]
