"""Shape aliases and the small model/tokenizer protocols the library relies on.

The only home of jaxtyping shape strings, so every module speaks the same vocabulary as
TransformerLens ("batch pos d_model", "n_layers d_model", ...).
"""

from typing import Any, Protocol

from jaxtyping import Float, Int
from torch import Tensor

Tokens = Int[Tensor, "batch pos"]
Residual = Float[Tensor, "batch pos d_model"]
Logits = Float[Tensor, "batch pos d_vocab"]
Direction = Float[Tensor, " d_model"]
RowDirections = Float[Tensor, "batch d_model"]
LayerVectors = Float[Tensor, "n_layers d_model"]
LayerScalars = Float[Tensor, " n_layers"]
PairActs = Float[Tensor, "n_pairs n_layers d_model"]
TokenActs = Float[Tensor, "n_layers pos d_model"]


class Tokenizer(Protocol):
    """What we use of a Hugging Face tokenizer."""

    pad_token_id: int | None
    eos_token_id: int | None
    bos_token_id: int | None
    chat_template: str | None

    def __call__(self, text: str, **kwargs: Any) -> Any: ...

    def apply_chat_template(self, messages: list[dict], **kwargs: Any) -> Any: ...

    def convert_ids_to_tokens(self, ids: list[int]) -> list[str]: ...

    def decode(self, ids: list[int], **kwargs: Any) -> str: ...


class Model(Protocol):
    """What we use of a TransformerBridge: forward (with an HF KV cache), hooks, a tokenizer."""

    cfg: Any
    tokenizer: Any

    def __call__(self, input: Tensor, **kwargs: Any) -> Any: ...

    def hooks(self, fwd_hooks: list, **kwargs: Any) -> Any: ...

    def run_with_cache(self, input: Tensor, **kwargs: Any) -> Any: ...
