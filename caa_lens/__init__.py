"""caa_lens: Contrastive Activation Addition (Rimsky et al. 2024) on TransformerLens.

    import caa_lens as cl
    model = cl.load_model()                                  # embedded SmolLM2-135M-Instruct
    vecs = cl.extract(model, cl.load_behavior("sentiment"), behavior="sentiment")
    results = cl.sweep(model, vecs, cl.load_behavior("sentiment", "test_ab"), multipliers=[-2, 0, 2])
    with cl.steer(model, vecs, layer=13, multiplier=2.0): ...
"""

__version__ = "0.1.0"

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
from .datasets import load_open_ended as load_open_ended
from .datasets import load_rubric as load_rubric
from .evaluate import held_out as held_out
from .evaluate import multiplier_sweep as multiplier_sweep
from .evaluate import summarize as summarize
from .evaluate import sweep as sweep
from .evaluate import sweep_reference as sweep_reference
from .models import load_model as load_model
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
    "OpenEndedItem",
    "PairActivations",
    "SteeringVectors",
    "chat_prompt",
    "collect",
    "collect_reference",
    "default_format",
    "diagnostics",
    "extract",
    "from_activations",
    "generate",
    "held_out",
    "load_ab",
    "load_behavior",
    "load_model",
    "load_open_ended",
    "load_rubric",
    "multiplier_sweep",
    "steer",
    "summarize",
    "sweep",
    "sweep_reference",
]
