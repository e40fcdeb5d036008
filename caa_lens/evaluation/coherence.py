"""Coherence guard for open-ended replies: is the text still language, or has steering broken it?

A judge may call a reply "steered" while it has degenerated into a loop or into noise. Three
cheap signals, per reply (words are whitespace-separated, lower-cased):

- distinct-n: distinct word n-grams / all word n-grams (n = 1, 2); `repetition` = 1 - distinct-3,
  the share of word 3-grams that repeat an earlier one (loops push it towards 1);
- `compression_ratio`: UTF-8 bytes / zlib-compressed bytes (repeated text compresses well);
- `perplexity`: exp of the mean negative log-likelihood of the reply's tokens under the
  **unsteered** model, given the same chat prompt (noise and broken grammar push it up; a loop
  can have a low one, which is why the other two are there).

A reply is flagged `degenerate` when it has no words, or repetition > `MAX_REPETITION` (0.5: over
half its 3-grams are repeats), or compression ratio > `MAX_COMPRESSION` (4.0; short fluent
replies compress about 1.3-2.5x), or perplexity > `MAX_PERPLEXITY` (1000). The thresholds are
deliberately loose: they catch loops and gibberish, not dull prose. The judge summary
(`judge.judge_summary`) reports scores with and without flagged replies.
"""

import math
import zlib

import numpy as np
import pandas as pd
import torch

from ..columns import COHERENCE_COLUMNS, COHERENCE_SUMMARY_COLUMNS
from ..core.chat import chat_prompt, resolve_format

MAX_REPETITION = 0.5
MAX_COMPRESSION = 4.0
MAX_PERPLEXITY = 1000.0


def _distinct(words: list[str], n: int) -> float:
    grams = [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]
    return len(set(grams)) / len(grams) if grams else 1.0


def text_stats(reply: str) -> dict[str, int | float]:
    """distinct_1, distinct_2, repetition and compression_ratio of one reply (module docstring)."""
    words = str(reply).lower().split()
    data = str(reply).encode()
    ratio = len(data) / len(zlib.compress(data, 9)) if data else 1.0
    return {
        "n_words": len(words),
        "distinct_1": _distinct(words, 1),
        "distinct_2": _distinct(words, 2),
        "repetition": 1.0 - _distinct(words, 3),
        "compression_ratio": ratio,
    }


@torch.inference_mode()
def reply_perplexity(model, question: str, reply: str, *, fmt: str, system: str | None = None) -> float:
    """Perplexity of `reply`'s tokens under `model` (use it unsteered) after the chat prompt of `question`.

    NaN for a reply with no tokens.
    """
    prompt = chat_prompt(model.tokenizer, question, fmt=fmt, system=system).ids
    tail = model.tokenizer(str(reply), add_special_tokens=False)["input_ids"]
    if not tail:
        return float("nan")
    ids = torch.tensor([list(prompt) + list(tail)], device=model.cfg.device)
    logits = model(ids)[0, len(prompt) - 1 : -1].float()
    nll = torch.nn.functional.cross_entropy(logits, ids[0, len(prompt) :], reduction="mean")
    return float(math.exp(float(nll)))


def is_degenerate(stats: dict[str, int | float], perplexity: float = float("nan")) -> bool:
    """Whether a reply passes any documented threshold (module docstring); a NaN perplexity is not checked."""
    return bool(
        stats["n_words"] == 0
        or stats["repetition"] > MAX_REPETITION
        or stats["compression_ratio"] > MAX_COMPRESSION
        or (perplexity == perplexity and perplexity > MAX_PERPLEXITY)
    )


def coherence(generations: pd.DataFrame, model=None, *, fmt: str | None = None) -> pd.DataFrame:
    """The generations table with the coherence columns and the `degenerate` flag added.

    Args:
        generations: `generate_open_ended` output (needs `question` and `reply`).
        model: the **unsteered** model for perplexity (None: perplexity is NaN and not checked).
        fmt: chat format (default: each row's `chat_format`, else the model's default).

    Returns:
        A copy with `COHERENCE_COLUMNS` added (or replaced).
    """
    missing = [c for c in ("question", "reply") if c not in generations.columns]
    if missing:
        raise ValueError(f"the generations table lacks columns {missing}; make it with generate_open_ended")
    rows = []
    for _, row in generations.iterrows():
        stats = text_stats("" if pd.isna(row["reply"]) else row["reply"])
        ppl = float("nan")
        if model is not None:
            row_fmt = fmt or (
                row["chat_format"] if "chat_format" in row and isinstance(row["chat_format"], str) else None
            )
            system = row["system"] if "system" in row and isinstance(row["system"], str) else None
            ppl = reply_perplexity(
                model, row["question"], str(row["reply"]), fmt=resolve_format(model, row_fmt), system=system
            )
        rows.append({**stats, "perplexity": ppl, "degenerate": is_degenerate(stats, ppl)})
    added = pd.DataFrame(rows, index=generations.index, columns=list(COHERENCE_COLUMNS))
    return pd.concat([generations.drop(columns=list(COHERENCE_COLUMNS), errors="ignore"), added], axis=1)


def coherence_summary(checked: pd.DataFrame) -> pd.DataFrame:
    """Per behaviour, layer, multiplier and scale: the share of degenerate replies and mean signals.

    Returns:
        columns `COHERENCE_SUMMARY_COLUMNS`.
    """
    keys = ["behavior", "layer", "multiplier", "scale"]
    out = (
        checked.groupby(keys, sort=True)
        .agg(
            degenerate=("degenerate", "mean"),
            repetition=("repetition", "mean"),
            compression_ratio=("compression_ratio", "mean"),
            perplexity=("perplexity", lambda x: float(np.exp(np.log(x).mean())) if x.notna().any() else np.nan),
            n_replies=("degenerate", "size"),
        )
        .reset_index()
    )
    return out[list(COHERENCE_SUMMARY_COLUMNS)]


def coherent_scores(summary: pd.DataFrame, scored: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """`summary` (the judge's, per `keys`) with the mean score and s.e. over non-degenerate replies and the
    count of degenerate ones; NaN where `scored` carries no `degenerate` column (not checked).
    """
    if "degenerate" not in scored:
        return summary.assign(score_coherent=np.nan, score_coherent_sem=np.nan, n_degenerate=np.nan)
    flagged = scored["degenerate"].astype(bool)
    kept = scored[~flagged].groupby(keys, sort=True)["score"].agg(score_coherent="mean", score_coherent_sem="sem")
    count = flagged.groupby([scored[k] for k in keys], sort=True).sum().rename("n_degenerate")
    out = summary.join(kept, on=keys).join(count, on=keys)
    return out.assign(n_degenerate=out["n_degenerate"].fillna(0))
