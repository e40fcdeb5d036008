"""The enumerations users choose from, in one light module (no heavy imports: the CLI reads it).

- `SCALES`: how a multiplier is read: "raw" (the paper's m x v_L, `DEFAULT_SCALE`) or "relative"
  (m x mean residual norm at L / |v_L|, which carries across model sizes; see
  `steering.effective_multiplier`). `ReportSettings` defaults to "relative" for its own sweeps.
- `FORMATS`: chat formats ("llama2" or the tokenizer's "template"; see `chat`).
- `VARIANTS`: how vectors are computed from pairs ("plain" mean difference, or "balanced" over letters).
- `SIDE_EFFECT_KINDS`: multiple-choice benchmarks for side effects.
- `SITES`: where in a block activations are read and vectors added (`hooks.read_name`,
  `hooks.steer_name`): the residual stream before the block, between attention and MLP, after
  the block (`DEFAULT_SITE`, the paper's), or the attention / MLP output that is added to it.
- `EXPORT_FORMATS`: other tools' files vectors can be written as (`export`): a llama.cpp control
  vector GGUF, or a steering file for lm-evaluation-harness's `steered` model.
- `OPERATORS`: what steering does there: "add" m x v, or "ablate" (project v's direction out,
  then add m x v; m = 0 is pure directional ablation; not at resid_mid, see `steering.check_operator`).
"""

SCALES = ("raw", "relative")
DEFAULT_SCALE = "raw"  # every function and command that takes a scale; a report's settings say their own
FORMATS = ("llama2", "template")
VARIANTS = ("plain", "balanced")
SIDE_EFFECT_KINDS = ("mmlu", "truthfulqa")
SITES = ("resid_pre", "resid_mid", "resid_post", "attn_out", "mlp_out")
DEFAULT_SITE = "resid_post"
OPERATORS = ("add", "ablate")
EXPORT_FORMATS = ("llamacpp", "lm-eval")
