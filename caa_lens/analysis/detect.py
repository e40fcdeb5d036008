"""Per-token projection of the residual stream on steering vectors, for any text.

For every token t and layer L: dot = act_L[t] . v_L and cosine = dot / (|act| |v_L|), act read at
the vectors' site (`resid_post` by default).
A text is either scored raw, or as an assistant reply to a user prompt in the model's chat
format, in which case `in_reply` marks the reply's tokens (those at or after the first token
after the user's instruction). One forward pass reads only the layers asked for.
"""

import pandas as pd
import torch

from .._types import LayerVectors, TokenActs
from ..columns import TOKEN_COLUMNS
from ..core.chat import chat_prompt, resolve_format
from ..core.hooks import read_name
from ..core.vectors import SteeringVectors

_EPS = 1e-12


def _tokenize(
    model, vectors: SteeringVectors, text: str, prompt: str | None, fmt: str | None, system: str | None = None
) -> tuple[list[int], list[bool]]:
    """Token ids and, per token, whether it belongs to the scored text."""
    tokenizer = model.tokenizer
    if prompt is None:
        ids = list(tokenizer(text)["input_ids"])
        special = set(tokenizer.all_special_ids)
        return ids, [i not in special for i in ids]
    fmt = resolve_format(model, fmt, vectors)
    chat = chat_prompt(tokenizer, prompt, fmt=fmt, system=system, answer=text)
    return list(chat.ids), [pos >= chat.instruction_end for pos in range(len(chat.ids))]


def _projections(acts: TokenActs, directions: LayerVectors) -> tuple[torch.Tensor, torch.Tensor]:
    """(dot, cosine), each (n_layers, pos)."""
    dot = torch.einsum("lpd,ld->lp", acts, directions)
    norms = acts.norm(dim=-1) * directions.norm(dim=-1)[:, None]
    return dot, dot / norms.clamp_min(_EPS)


@torch.inference_mode()
def token_scores(
    model,
    vectors: SteeringVectors,
    text: str,
    *,
    layers=None,
    prompt: str | None = None,
    fmt: str | None = None,
    system: str | None = None,
) -> pd.DataFrame:
    """Dot product and cosine of every token's residual stream with each layer's vector.

    Args:
        model: a TransformerBridge.
        vectors: steering vectors extracted on this model.
        text: the text to score; with `prompt`, the assistant's reply to it.
        layers: layers to read (default: all).
        prompt: a user message; when given, `text` is scored as the reply in chat format.
        fmt: chat format (default: the vectors' format, else the model's).
        system: system prompt of the conversation (with `prompt`; None: the template's default).

    Returns:
        A tidy DataFrame with columns `TOKEN_COLUMNS`, one row per (layer, position); tokens
        as tokenised (`to_str_tokens`). Raw text: `in_reply` is False only for special tokens
        the tokenizer adds.
    """
    vectors.check_model(model)
    layers = vectors.check_layers(layers)
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"the text to score is empty, got {text!r}; give some text")
    ids, in_reply = _tokenize(model, vectors, text, prompt, fmt, system)
    tokens = torch.tensor([ids], device=model.cfg.device)
    names = [read_name(layer, vectors.site) for layer in layers]
    _, cache = model.run_with_cache(tokens, names_filter=names)
    acts = torch.stack([cache[name][0] for name in names]).float().cpu()
    dot, cosine = _projections(acts, vectors.directions[layers].float())
    n = len(ids)
    return pd.DataFrame(
        {
            "layer": [layer for layer in layers for _ in range(n)],
            "position": list(range(n)) * len(layers),
            "token": list(model.to_str_tokens(tokens[0].cpu())) * len(layers),
            "dot": dot.flatten().numpy(),
            "cosine": cosine.flatten().numpy(),
            "in_reply": in_reply * len(layers),
        },
        columns=list(TOKEN_COLUMNS),
    )


def text_score(scores: pd.DataFrame, layer: int) -> float:
    """Mean cosine over the scored text's tokens at one layer: a length-free score per text.

    Args:
        scores: the output of `token_scores`.
        layer: a layer present in `scores`.

    Returns:
        The mean of `cosine` over rows of that layer with `in_reply`.
    """
    rows = scores[(scores["layer"] == layer) & scores["in_reply"]]
    if rows.empty:
        raise ValueError(
            f"no scored tokens at layer {layer}; layers present: {sorted(int(x) for x in scores['layer'].unique())}"
        )
    return float(rows["cosine"].mean())
