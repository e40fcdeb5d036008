"""caa_lens: Contrastive Activation Addition (Rimsky et al. 2024) on TransformerLens.

import caa_lens as cl
model = cl.load_model()    # the default local model, Qwen2.5-Coder-0.5B-Instruct; or a name, folder or HF id
vecs = cl.extract(model, cl.load_behavior("sentiment"), behavior="sentiment")
results = cl.sweep(model, vecs, cl.load_behavior("sentiment", "test_ab"), multipliers=[-2, 0, 2])
with cl.steer(model, vecs, layer=13, multiplier=2.0): ...

Names are imported on first use (`__getattr__`), so `import caa_lens` and `caa-lens --help`
stay fast: torch, transformers, scikit-learn and plotly load only when something needs them.
"""

import importlib

from ._version import __version__ as __version__

# public module name -> the module (under caa_lens)
_MODULES = {
    "plotting": "plotting",
    "reference": "evaluation.reference",  # the straightforward oracles: collect_reference, sweep_reference
}
# public name -> the module (under caa_lens) that defines it
_EXPORTS = {
    "ChatPrompt": "core.chat",
    "chat_prompt": "core.chat",
    "default_format": "core.chat",
    "PairActivations": "core.collect",
    "collect": "core.collect",
    "collect_sites": "core.collect",
    "BEHAVIORS": "datasets.load",
    "ABItem": "datasets.load",
    "DatasetError": "datasets.load",
    "OpenEndedItem": "datasets.load",
    "load_ab": "datasets.load",
    "letter_balanced": "datasets.subsets",
    "load_behavior": "datasets.load",
    "load_info": "datasets.load",
    "load_open_ended": "datasets.load",
    "load_rubric": "datasets.load",
    "text_score": "analysis.detect",
    "token_scores": "analysis.detect",
    "effect_table": "evaluation.effects",
    "effects": "evaluation.effects",
    "held_out": "evaluation.effects",
    "held_out_effect": "evaluation.effects",
    "calibrate_kl": "core.kl",
    "calibration_table": "core.kl",
    "save_calibration": "core.kl",
    "item_slopes": "evaluation.steerability",
    "steerability": "evaluation.steerability",
    "steerability_summary": "evaluation.steerability",
    "coherence": "evaluation.coherence",
    "coherence_summary": "evaluation.coherence",
    "reliability_predictors": "analysis.geometry",
    "multiplier_sweep": "evaluation.sweep",
    "summarize": "evaluation.effects",
    "sweep": "evaluation.sweep",
    "behavior_cosines": "analysis.geometry",
    "layer_cosines": "analysis.geometry",
    "pca_separation": "analysis.geometry",
    "separation_layer": "analysis.geometry",
    "transfer": "evaluation.transfer",
    "export": "core.export",
    "HTTPJudge": "evaluation.judge",
    "Judge": "evaluation.judge",
    "LocalJudge": "evaluation.judge",
    "judge_summary": "evaluation.judge",
    "score_generations": "evaluation.judge",
    "PrefixCache": "core.kv",
    "load_model": "core.models",
    "generate_open_ended": "evaluation.openended",
    "read_generations": "evaluation.openended",
    "run_report": "report.run",
    "ModelSpec": "report.executor",
    "RayExecutor": "report.executor",
    "load_choices": "evaluation.side_effects",
    "side_effects": "evaluation.side_effects",
    "side_effects_summary": "evaluation.side_effects",
    "compare_conditions": "evaluation.system_prompts",
    "summarize_conditions": "evaluation.system_prompts",
    "generate": "core.steering",
    "steer": "core.steering",
    "SteeringVectors": "core.vectors",
    "diagnostics": "core.vectors",
    "extract": "core.vectors",
    "from_activations": "core.vectors",
    "vectors_from": "core.vectors",
}


def __getattr__(name: str):
    if name in _MODULES:
        value = importlib.import_module(f".{_MODULES[name]}", __name__)
    elif name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    else:
        raise AttributeError(f"module 'caa_lens' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS) | set(_MODULES))


__all__ = [
    "ABItem",
    "BEHAVIORS",
    "ChatPrompt",
    "DatasetError",
    "HTTPJudge",
    "Judge",
    "LocalJudge",
    "ModelSpec",
    "OpenEndedItem",
    "PairActivations",
    "PrefixCache",
    "RayExecutor",
    "SteeringVectors",
    "behavior_cosines",
    "chat_prompt",
    "collect",
    "collect_sites",
    "default_format",
    "diagnostics",
    "export",
    "extract",
    "from_activations",
    "generate",
    "generate_open_ended",
    "compare_conditions",
    "effect_table",
    "effects",
    "held_out",
    "held_out_effect",
    "calibrate_kl",
    "calibration_table",
    "save_calibration",
    "item_slopes",
    "steerability",
    "steerability_summary",
    "coherence",
    "coherence_summary",
    "reliability_predictors",
    "judge_summary",
    "layer_cosines",
    "letter_balanced",
    "load_ab",
    "load_behavior",
    "load_choices",
    "load_model",
    "load_open_ended",
    "load_info",
    "load_rubric",
    "multiplier_sweep",
    "pca_separation",
    "plotting",
    "reference",
    "read_generations",
    "run_report",
    "score_generations",
    "separation_layer",
    "side_effects",
    "side_effects_summary",
    "steer",
    "summarize",
    "summarize_conditions",
    "sweep",
    "text_score",
    "token_scores",
    "transfer",
    "vectors_from",
]
