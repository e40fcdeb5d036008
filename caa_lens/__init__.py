"""caa_lens: Contrastive Activation Addition (Rimsky et al. 2024) on TransformerLens.

import caa_lens as cl
model = cl.load_model("qwen2.5-coder-0.5b-instruct")    # or None: the embedded SmolLM2-135M
vecs = cl.extract(model, cl.load_behavior("sentiment"), behavior="sentiment")
results = cl.sweep(model, vecs, cl.load_behavior("sentiment", "test_ab"), multipliers=[-2, 0, 2])
with cl.steer(model, vecs, layer=13, multiplier=2.0): ...

Names are imported on first use (`__getattr__`), so `import caa_lens` and `caa-lens --help`
stay fast: torch, transformers, scikit-learn and plotly load only when something needs them.
"""

import importlib
import sys
import types

from ._version import __version__ as __version__

# public name -> the module (under caa_lens) that defines it
_EXPORTS = {
    "plotting": None,  # a subpackage
    "reference": None,  # the straightforward oracles: caa_lens.reference.collect_reference, sweep_reference
    "ChatPrompt": "chat",
    "chat_prompt": "chat",
    "default_format": "chat",
    "PairActivations": "collect",
    "collect": "collect",
    "collect_sites": "collect",
    "BEHAVIORS": "datasets",
    "ABItem": "datasets",
    "DatasetError": "datasets",
    "OpenEndedItem": "datasets",
    "load_ab": "datasets",
    "load_behavior": "datasets",
    "load_info": "datasets",
    "load_open_ended": "datasets",
    "load_rubric": "datasets",
    "text_score": "detect",
    "token_scores": "detect",
    "effect_table": "evaluate",
    "effects": "evaluate",
    "held_out": "evaluate",
    "multiplier_sweep": "evaluate",
    "summarize": "evaluate",
    "sweep": "evaluate",
    "behavior_cosines": "geometry",
    "layer_cosines": "geometry",
    "pca_separation": "geometry",
    "separation_layer": "geometry",
    "transfer": "transfer",
    "export": "export",
    "HTTPJudge": "judge",
    "Judge": "judge",
    "LocalJudge": "judge",
    "judge_summary": "judge",
    "score_generations": "judge",
    "PrefixCache": "kv",
    "load_model": "models",
    "generate_open_ended": "openended",
    "read_generations": "openended",
    "run_report": "report",
    "load_choices": "side_effects",
    "side_effects": "side_effects",
    "side_effects_summary": "side_effects",
    "compare_conditions": "system_prompts",
    "summarize_conditions": "system_prompts",
    "generate": "steering",
    "steer": "steering",
    "SteeringVectors": "vectors",
    "diagnostics": "vectors",
    "extract": "vectors",
    "from_activations": "vectors",
    "vectors_from": "vectors",
}


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'caa_lens' has no attribute {name!r}")
    module = importlib.import_module(f".{_EXPORTS[name] or name}", __name__)
    value = module if _EXPORTS[name] is None else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


class _Package(types.ModuleType):
    """Keeps a public function whose module has its name (`collect`) from being replaced by that module:
    importing `caa_lens.collect` makes Python set the package attribute `collect` to the submodule."""

    def __setattr__(self, name: str, value) -> None:
        if isinstance(value, types.ModuleType) and _EXPORTS.get(name) == name:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__all__ = [
    "ABItem",
    "BEHAVIORS",
    "ChatPrompt",
    "DatasetError",
    "HTTPJudge",
    "Judge",
    "LocalJudge",
    "OpenEndedItem",
    "PairActivations",
    "PrefixCache",
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
    "judge_summary",
    "layer_cosines",
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
