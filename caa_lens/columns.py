"""Every result table's column names, in one light module (plotting imports it without torch).

Each tuple is the column order of the frame its function returns; the function's docstring says
what the columns mean.
"""

# core.vectors
DIAGNOSTIC_COLUMNS = ("layer", "vector_norm", "resid_norm", "norm_ratio", "letter_cosine", "letter_flag")

# evaluation.sweep
COLUMNS = (
    "behavior", "layer", "multiplier", "scale", "item", "p_matching", "letter_mass", "matching_letter", "group",
    "site", "operator", "logit_diff",
)  # fmt: skip
SUMMARY_COLUMNS = (
    "behavior", "layer", "multiplier", "scale", "p_matching", "p_matching_sem", "letter_mass", "n_items", "n_groups",
    "site", "operator", "logit_diff", "logit_diff_sem",
)  # fmt: skip
CONFIG_KEYS = ("site", "operator", "layer")  # what, besides the multiplier, identifies a configuration

# evaluation.openended
GENERATION_COLUMNS = (
    "behavior",
    "layer",
    "multiplier",
    "scale",
    "item",
    "question",
    "reply",
    "seed",
    "temperature",
    "max_new_tokens",
    "model",
    "dtype",
    "vectors_sha256",
    "site",
    "operator",
    "chat_format",
    "system",
)

# evaluation.system_prompts
CONDITION_COLUMNS = (
    "behavior", "condition", "multiplier", "p_matching", "p_matching_sem", "change", "change_sem",
    "letter_mass", "n_items", "n_groups",
)  # fmt: skip

# evaluation.judge (score_coherent*: over replies not flagged degenerate; n_degenerate: flagged, NaN if unchecked)
JUDGE_SUMMARY_COLUMNS = (
    "behavior", "layer", "multiplier", "scale", "judge", "score", "score_sem", "n_items", "n_unscored",
    "score_coherent", "score_coherent_sem", "n_degenerate",
)  # fmt: skip

# evaluation.coherence
COHERENCE_COLUMNS = (
    "n_words", "distinct_1", "distinct_2", "repetition", "compression_ratio", "perplexity", "degenerate",
)  # fmt: skip
COHERENCE_SUMMARY_COLUMNS = (
    "behavior", "layer", "multiplier", "scale", "degenerate", "repetition", "compression_ratio", "perplexity",
    "n_replies",
)  # fmt: skip

# evaluation.transfer
TRANSFER_COLUMNS = (
    "behavior",
    "source_layer",
    "target_layer",
    "multiplier",
    "scale",
    "effect",
    "effect_sem",
    "n_items",
)

# evaluation.side_effects
SIDE_EFFECT_COLUMNS = (
    "kind", "behavior", "layer", "multiplier", "scale", "item", "category",
    "correct_letter", "p_correct", "letter_mass", "argmax_correct",
)  # fmt: skip
SIDE_EFFECT_SUMMARY_COLUMNS = (
    "kind", "behavior", "layer", "multiplier", "scale", "accuracy", "accuracy_sem", "argmax_accuracy", "letter_mass", "n_items",
)  # fmt: skip

# datasets.checks
STATS_COLUMNS = (
    "behavior",
    "file",
    "n_items",
    "pct_matching_a",
    "question_words_mean",
    "question_words_min",
    "question_words_max",
    "matching_words_mean",
    "not_matching_words_mean",
)

# analysis.geometry
PCA_COLUMNS = ("layer", "pair", "answer", "letter", "pc1", "pc2", "letter_removed")
SEPARATION_COLUMNS = ("layer", "probe_accuracy", "fisher_ratio", "letter_removed")
PREDICTOR_COLUMNS = ("layer", "agreement", "separation", "n_pairs", "letter_removed")

# analysis.detect
TOKEN_COLUMNS = ("layer", "position", "token", "dot", "cosine", "in_reply")

# evaluation.steerability
STEERABILITY_COLUMNS = (
    "behavior", "site", "operator", "layer", "item", "group", "matching_letter", "slope", "anti_steerable",
)  # fmt: skip
STEERABILITY_SUMMARY_COLUMNS = (
    "behavior", "site", "operator", "layer", "slope", "slope_sem", "slope_sd", "slope_median", "anti_steerable",
    "n_items", "n_groups",
)  # fmt: skip

# core.kl (model, vectors: their content's key, layer, kl: the requested dose in nats (sign: direction),
# coefficient: the raw factor of v_L, achieved_kl: its measured KL)
KL_CALIBRATION_COLUMNS = (
    "model", "vectors", "layer", "kl", "coefficient", "achieved_kl", "n_evaluations", "n_prompts", "n_tokens",
)  # fmt: skip
