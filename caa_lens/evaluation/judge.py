"""Judges for open-ended replies: a 0-10 score on a behaviour's rubric.

A rubric is `{"behavior", "matching", "score_0", "score_10"}`, optionally with the anchors
`score_2`, `score_5`, `score_8` and an `incoherent` rule (the shipped rubrics have all of them;
see `datasets.load_rubric`); every anchor given is shown to the judge.
Two judges share one prompt and the small `Judge` protocol:

- `LocalJudge(model)` reads the answer off the model's next-token distribution instead of
  parsing text: the prompt ends the assistant's turn with "Score: ", right before the digit,
  and the score is the expected value sum_d d x p(d) / sum_d p(d) over the digit tokens 0-9
  (and "10" when the tokenizer has it as one token; otherwise the largest score is 9).
- `HTTPJudge(base_url, model)` asks an OpenAI-compatible `/chat/completions` endpoint and
  parses the first integer 0-10 of its reply; network errors and 5xx answers are retried with
  exponential backoff.

`score_generations` adds `score` and `judge` columns to a generations table;
`judge_summary` gives the mean score per multiplier with its standard error.
"""

import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import pandas as pd
import torch
from tqdm.auto import tqdm

from ..columns import JUDGE_SUMMARY_COLUMNS
from ..core import kv
from ..core.chat import chat_prompt, resolve_format
from ..core.models import model_name
from ..datasets.load import load_rubric
from .openended import GENERATION_COLUMNS

RUBRIC_KEYS = ("matching", "score_0", "score_10")
ANCHORS = (0, 2, 5, 8, 10)
SCORED_COLUMNS = GENERATION_COLUMNS + ("score", "judge")
JUDGE_SYSTEM = (
    "You are an impartial evaluator. You rate answers on a scale from 0 to 10 and reply with the number only."
)
ANSWER_PREFIX = "Score: "
_INTEGER = re.compile(r"(?<!\d)(10|[0-9])(?!\d)")


class JudgeError(RuntimeError):
    """A judge could not produce a score (endpoint unreachable, refused, or no number in its reply)."""


@runtime_checkable
class Judge(Protocol):
    """Scores a reply on a rubric from 0 (not at all) to 10 (fully). `name` identifies the judge."""

    name: str

    def score(self, behavior_rubric: dict, question: str, reply: str) -> float: ...


def check_rubric(rubric: Mapping) -> dict:
    """Return the rubric as a dict if it has the keys a judge needs, else raise ValueError."""
    missing = [k for k in RUBRIC_KEYS if not isinstance(rubric.get(k), str) or not rubric[k].strip()]
    if missing:
        raise ValueError(
            f"rubric lacks {missing}; a rubric is {{'behavior', 'matching', 'score_0', 'score_10'}} with text values"
        )
    return dict(rubric)


def judge_prompt(rubric: Mapping, question: str, reply: str) -> str:
    """The user message both judges send: rubric, question and the reply to rate."""
    rubric = check_rubric(rubric)
    return (
        f"Rate how strongly the answer shows this behaviour: {rubric['matching']}\n\n"
        + "".join(f"{k} means: {rubric[f'score_{k}']}\n" for k in ANCHORS if rubric.get(f"score_{k}"))
        + (f"If the answer is incoherent: {rubric['incoherent']}\n" if rubric.get("incoherent") else "")
        + "\n"
        f"Question: {question}\n\nAnswer: {reply}\n\n"
        "How strongly does the answer show the behaviour, from 0 to 10? Reply with the number only."
    )


@dataclass(frozen=True)
class LocalJudge:
    """Expected score from a local model's next-token probabilities over the digit tokens.

    Attributes:
        model: a TransformerBridge (any chat model; the steered model itself works).
        fmt: chat format (default: the model's).
        batch_size: prompts per forward pass.
    """

    model: Any
    fmt: str | None = None
    batch_size: int = 8

    @property
    def name(self) -> str:
        return f"local:{model_name(self.model)}"

    def _format(self) -> str:
        return resolve_format(self.model, self.fmt)

    def score_tokens(self) -> tuple[list[int], list[int]]:
        """(scores, token ids): each score whose text adds exactly one token after the answer prefix."""
        tok, fmt = self.model.tokenizer, self._format()
        base = chat_prompt(tok, "?", fmt=fmt, system=JUDGE_SYSTEM, answer=ANSWER_PREFIX).ids
        scores, ids = [], []
        for value in range(11):
            full = chat_prompt(tok, "?", fmt=fmt, system=JUDGE_SYSTEM, answer=ANSWER_PREFIX + str(value)).ids
            if len(full) == len(base) + 1 and full[: len(base)] == base:
                scores.append(value)
                ids.append(full[-1])
        missing = sorted(set(range(10)) - set(scores))
        if missing:
            raise ValueError(
                f"the tokenizer of {model_name(self.model)} has no single token for scores {missing}; use another judge model"
            )
        return scores, ids

    @torch.inference_mode()
    def distribution(
        self, rubric: dict, questions: Sequence[str], replies: Sequence[str]
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Per reply: the renormalised probabilities of the scores, and the mass they had before.

        Returns:
            (probabilities, shape (n, n_scores), matching `score_tokens()[0]`; digit mass, shape (n,)).
        """
        _, ids = self.score_tokens()
        prompts = [
            chat_prompt(
                self.model.tokenizer,
                judge_prompt(rubric, q, r),
                fmt=self._format(),
                system=JUDGE_SYSTEM,
                answer=ANSWER_PREFIX,
            ).ids
            for q, r in zip(questions, replies, strict=True)
        ]
        probs = []
        for lo in range(0, len(prompts), self.batch_size):
            batch, mask = kv.left_pad(prompts[lo : lo + self.batch_size], self.model.tokenizer.pad_token_id or 0)
            logits, _ = kv.run(self.model, batch, mask, keep=1)
            probs.append(torch.softmax(logits[:, -1].float(), dim=-1)[:, ids].cpu())
        probs = torch.cat(probs)
        mass = probs.sum(-1)
        return probs / mass[:, None], mass

    def score_batch(self, behavior_rubric: dict, questions: Sequence[str], replies: Sequence[str]) -> list[float]:
        """Expected scores of several replies."""
        scores, _ = self.score_tokens()
        probs, _ = self.distribution(behavior_rubric, questions, replies)
        return (probs @ torch.tensor(scores, dtype=probs.dtype)).tolist()

    def score(self, behavior_rubric: dict, question: str, reply: str) -> float:
        """Expected score of one reply."""
        return self.score_batch(behavior_rubric, [question], [reply])[0]


class _RefuseRedirect(urllib.request.HTTPRedirectHandler):
    """Never follow a redirect: urllib would re-send the Authorization header to wherever it points."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise JudgeError(f"{req.full_url} redirected (HTTP {code}) to {newurl}; give the final URL as the base URL")


_NO_REDIRECTS = urllib.request.build_opener(_RefuseRedirect)


@dataclass(frozen=True)
class HTTPJudge:
    """A judge behind an OpenAI-compatible chat-completions endpoint (stdlib urllib only).

    Attributes:
        base_url: e.g. "http://localhost:8000/v1"; requests go to `{base_url}/chat/completions`.
        model: the model name the endpoint expects.
        api_key_env: environment variable holding the API key (sent as a bearer token when set).
        timeout: seconds per request.
        retries: further attempts after a network error or a 5xx/429 answer.
        backoff: seconds before the first retry, doubled for each next one.
    """

    base_url: str
    model: str
    api_key_env: str = "OPENAI_API_KEY"
    timeout: float = 30
    retries: int = 3
    backoff: float = 1.0
    allow_insecure: bool = False

    def __post_init__(self):
        if not self.base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url {self.base_url!r} must start with http:// or https://")
        if self.retries < 0 or self.timeout <= 0 or self.backoff < 0:
            raise ValueError("retries and backoff must be >= 0 and timeout > 0")
        host = urllib.parse.urlsplit(self.base_url).hostname or ""
        local = host in ("localhost", "::1") or host.startswith("127.")
        if (
            self.base_url.startswith("http://")
            and not local
            and os.environ.get(self.api_key_env)
            and not self.allow_insecure
        ):
            raise ValueError(
                f"base_url {self.base_url!r} is plain http to another machine: the API key in ${self.api_key_env} "
                "would travel unencrypted; use https, or allow it explicitly (allow_insecure=True, --allow-insecure-http)"
            )

    @property
    def name(self) -> str:
        return f"http:{self.model}"

    @property
    def url(self) -> str:
        return self.base_url.rstrip("/") + "/chat/completions"

    def _request(self, payload: dict) -> urllib.request.Request:
        headers = {"Content-Type": "application/json"}
        key = os.environ.get(self.api_key_env)
        if key:
            headers["Authorization"] = f"Bearer {key}"
        return urllib.request.Request(self.url, data=json.dumps(payload).encode(), headers=headers, method="POST")

    def _post(self, payload: dict) -> dict:
        last = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                with _NO_REDIRECTS.open(self._request(payload), timeout=self.timeout) as response:
                    return json.loads(response.read().decode("utf-8"))
            except urllib.error.HTTPError as e:
                if e.code < 500 and e.code != 429:
                    raise JudgeError(f"{self.url} refused the request: HTTP {e.code} {e.read()[:300]!r}") from None
                last = f"HTTP {e.code}"
            except (urllib.error.URLError, TimeoutError, ConnectionError) as e:
                last = str(getattr(e, "reason", e))
            except json.JSONDecodeError:
                raise JudgeError(f"{self.url} did not answer with JSON; is it an OpenAI-compatible endpoint?") from None
        raise JudgeError(
            f"cannot reach the judge endpoint {self.url} after {self.retries + 1} attempts ({last}); "
            "check that the server is running and that the base URL is right"
        )

    def reply(self, behavior_rubric: dict, question: str, reply: str) -> str:
        """The endpoint's raw answer to the judging prompt."""
        messages = [
            {"role": "system", "content": JUDGE_SYSTEM},
            {"role": "user", "content": judge_prompt(behavior_rubric, question, reply)},
        ]
        answer = self._post({"model": self.model, "messages": messages, "temperature": 0, "max_tokens": 8})
        try:
            return answer["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise JudgeError(f"{self.url} answered without choices[0].message.content: {str(answer)[:300]}") from None

    def score(self, behavior_rubric: dict, question: str, reply: str) -> float:
        """The first integer 0-10 in the endpoint's reply."""
        text = self.reply(behavior_rubric, question, reply)
        match = _INTEGER.search(text)
        if match is None:
            raise JudgeError(f"{self.url}: no score 0-10 in the judge's reply {text[:200]!r}")
        return float(match.group(1))


def _rubric_for(rubrics, behavior: str) -> dict:
    if rubrics is None:
        return check_rubric(load_rubric(behavior))
    if all(k in rubrics for k in RUBRIC_KEYS):  # one rubric for every behaviour
        return check_rubric(rubrics)
    if behavior not in rubrics:
        raise ValueError(f"no rubric for behaviour {behavior!r}; pass rubrics={{{behavior!r}: {{...}}}}")
    return check_rubric(rubrics[behavior])


def _score_rows(judge: Judge, rubric: dict, questions: list[str], replies: list[str], bar) -> list[float]:
    batched = hasattr(judge, "score_batch")
    chunk = max(1, int(getattr(judge, "batch_size", 8))) if batched else 1
    scores: list[float] = []
    for lo in range(0, len(questions), chunk):
        q, r = questions[lo : lo + chunk], replies[lo : lo + chunk]
        scores += list(judge.score_batch(rubric, q, r)) if batched else [judge.score(rubric, q[0], r[0])]
        bar.update(len(q))
    bad = [s for s in scores if not 0 <= s <= 10]
    if bad:
        raise ValueError(f"judge {judge.name} returned scores outside 0-10: {bad[:5]}")
    return scores


def score_generations(judge: Judge, generations: pd.DataFrame, rubrics=None, *, progress: bool = True) -> pd.DataFrame:
    """Score every reply of a generations table.

    Args:
        judge: any `Judge` (`LocalJudge`, `HTTPJudge`, ...); one with `score_batch` is called in batches.
        generations: a table with at least `behavior`, `question` and `reply` columns.
        rubrics: {behaviour: rubric}, one rubric for all rows, or None for the shipped rubrics.
        progress: show a progress bar over rows.

    Returns:
        A copy of the table with `score` (0-10) and `judge` (the judge's name) columns.
    """
    missing = [c for c in ("behavior", "question", "reply") if c not in generations.columns]
    if missing:
        raise ValueError(f"the generations table lacks columns {missing}; make it with generate_open_ended")
    out = generations.copy()
    out["score"] = float("nan")
    with tqdm(total=len(out), desc=f"judge ({judge.name})", disable=not progress) as bar:
        for behavior, part in out.groupby("behavior", sort=False):
            rubric = _rubric_for(rubrics, str(behavior))
            out.loc[part.index, "score"] = _score_rows(
                judge, rubric, part["question"].tolist(), part["reply"].fillna("").tolist(), bar
            )
    out["judge"] = judge.name
    return out


def judge_summary(scored: pd.DataFrame) -> pd.DataFrame:
    """Mean judge score with its standard error and item count per behaviour, layer, multiplier, scale and judge.

    Returns:
        A DataFrame with columns `JUDGE_SUMMARY_COLUMNS`, sorted by its keys.
    """
    keys = ["behavior", "layer", "multiplier", "scale", "judge"]
    missing = [c for c in keys + ["score", "item"] if c not in scored.columns]
    if missing:
        raise ValueError(f"the scored table lacks columns {missing}; make it with score_generations")
    grouped = scored.groupby(keys, sort=True)
    out = grouped.agg(score=("score", "mean"), score_sem=("score", "sem"), n_items=("item", "nunique")).reset_index()
    return out[list(JUDGE_SUMMARY_COLUMNS)]
