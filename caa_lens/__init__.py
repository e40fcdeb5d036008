"""caa_lens: Contrastive Activation Addition (Rimsky et al. 2024) on TransformerLens.

import caa_lens as cl
model = cl.load_model()                                  # embedded SmolLM2-135M-Instruct
vecs = cl.extract(model, cl.load_behavior("sentiment"), behavior="sentiment")
results = cl.sweep(model, vecs, cl.load_behavior("sentiment", "test_ab"), multipliers=[-2, 0, 2])
with cl.steer(model, vecs, layer=13, multiplier=2.0): ...
"""

__version__ = "0.1.0"

from . import plotting as plotting
from .chat import ChatPrompt as ChatPrompt
from .chat import chat_prompt as chat_prompt
from .chat import default_format as default_format
from .collect import PairActivations as PairActivations
from .collect import collect as collect
from .collect import collect_reference as collect_reference
from .datasets import BEHAVIORS as BEHAVIORS
from .datasets import ABItem as ABItem
from .datasets import DatasetError as DatasetError
from .datasets import OpenEndedItem as OpenEndedItem
from .datasets import load_ab as load_ab
from .datasets import load_behavior as load_behavior
from .datasets import load_info as load_info
from .datasets import load_open_ended as load_open_ended
from .datasets import load_rubric as load_rubric
from .detect import text_score as text_score
from .detect import token_scores as token_scores
from .evaluate import held_out as held_out
from .evaluate import multiplier_sweep as multiplier_sweep
from .evaluate import summarize as summarize
from .evaluate import sweep as sweep
from .evaluate import sweep_reference as sweep_reference
from .geometry import behavior_cosines as behavior_cosines
from .geometry import layer_cosines as layer_cosines
from .geometry import pca_separation as pca_separation
from .geometry import separation_layer as separation_layer
from .geometry import transfer as transfer
from .judge import HTTPJudge as HTTPJudge
from .judge import Judge as Judge
from .judge import LocalJudge as LocalJudge
from .judge import judge_summary as judge_summary
from .judge import score_generations as score_generations
from .models import load_model as load_model
from .openended import generate_open_ended as generate_open_ended
from .openended import read_generations as read_generations
from .report import run_report as run_report
from .side_effects import load_choices as load_choices
from .side_effects import side_effects as side_effects
from .side_effects import side_effects_summary as side_effects_summary
from .steering import generate as generate
from .steering import steer as steer
from .vectors import SteeringVectors as SteeringVectors
from .vectors import diagnostics as diagnostics
from .vectors import extract as extract
from .vectors import from_activations as from_activations

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
    "SteeringVectors",
    "behavior_cosines",
    "chat_prompt",
    "collect",
    "collect_reference",
    "default_format",
    "diagnostics",
    "extract",
    "from_activations",
    "generate",
    "generate_open_ended",
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
    "read_generations",
    "run_report",
    "score_generations",
    "separation_layer",
    "side_effects",
    "side_effects_summary",
    "steer",
    "summarize",
    "sweep",
    "sweep_reference",
    "text_score",
    "token_scores",
    "transfer",
]
