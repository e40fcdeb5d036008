"""Shape aliases for tensors in signatures.

The only home of jaxtyping shape strings, so every module speaks the same vocabulary as
TransformerLens ("batch pos d_model", "n_layers d_model", ...).
"""

from collections.abc import Sequence

import numpy as np
from jaxtyping import Float, Int
from torch import Tensor

Tokens = Int[Tensor, "batch pos"]
NewTokens = Int[Tensor, "batch new"]  # generated tokens (as many per row, EOS-padded)
Mask = Int[Tensor, "batch total"]  # attention mask over cached and new positions
Residual = Float[Tensor, "batch pos d_model"]
Logits = Float[Tensor, "batch pos d_vocab"]
Direction = Float[Tensor, " d_model"]
RowDirections = Float[Tensor, "batch d_model"]
LayerVectors = Float[Tensor, "n_layers d_model"]
LayerScalars = Float[Tensor, " n_layers"]
PairActs = Float[Tensor, "n_pairs n_layers d_model"]
TokenActs = Float[Tensor, "n_layers pos d_model"]

# a multiplier as users give it: a number (Python, numpy or 0-d tensor), or one per row
Multipliers = float | np.number | Tensor | np.ndarray | Sequence[float]
