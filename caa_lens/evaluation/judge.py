"""Judges for open-ended replies: a 0-10 score on a behaviour's rubric.

A rubric is `{"behavior", "matching", "score_0", "score_10"}`, optionally with the anchors
`score_2`, `score_5`, `score_8` and an `incoherent` rule (the shipped rubrics have all of them;
see `datasets.load_rubric`); every anchor given is shown to the judge.
Two judges share one prompt and the small `Judge` protocol:

- `LocalJudge(model)` reads the answer off the model's next-token distribution instead of
  parsing text: the prompt ends the assistant's turn with "Score: ", right before the digit,
  and the score is the expected value sum_d d x p(d) / sum_d p(d) over the digit tokens 0-9
  (and "10" when the tokenizer has it as one token; otherwise the largest score is 9).
- `HTTPJudge(base_url, model)` asks an OpenAI-compatible `/chat/completions` endpoint to end its
  reply with a line `Score: N` (N a whole number 0-10) and reads that line alone; a reply without
  exactly one such score (prose, "7.9", "-3", two different scores, non-text content) is
  unscored (NaN) and counted in the summary's `n_unscored`. Network errors and 5xx answers are
  retried with exponential backoff; `timeout` bounds each whole request.

`score_generations` adds `score` and `judge` columns to a generations table;
`judge_summary` gives the mean score per multiplier with its standard error and the count of
unscored replies.
"""

import contextlib
import http.client
import ipaddress
import json
import math
import os
import re
import socket
import threading
import time
import unicodedata
import urllib.parse
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
from .coherence import coherent_scores
from .openended import GENERATION_COLUMNS

RUBRIC_KEYS = ("matching", "score_0", "score_10")
ANCHORS = (0, 2, 5, 8, 10)
SCORED_COLUMNS = GENERATION_COLUMNS + ("score", "judge")
JUDGE_SYSTEM = (
    "You are an impartial evaluator. You rate answers on a scale from 0 to 10 "
    "and end your reply with a line 'Score: N', where N is a whole number from 0 to 10."
)
ANSWER_PREFIX = "Score: "
_SCORE_LINE = re.compile(r"\**\s*score\s*\**\s*:\s*\**\s*(\d+)\s*(?:/\s*10)?\s*\**\s*\.?\s*", re.IGNORECASE)
_ANY_SCORE = re.compile(r"score\s*\**\s*:", re.IGNORECASE)
MAX_REPLY_BYTES = 1 << 20  # an endpoint's answer is read up to this size


class JudgeError(RuntimeError):
    """A judge could not produce a score (endpoint unreachable, refused, or no number in its reply)."""


@runtime_checkable
class Judge(Protocol):
    """Scores a reply on a rubric from 0 (not at all) to 10 (fully). `name` identifies the judge."""

    name: str

    def score(self, behavior_rubric: dict, question: str, reply: str) -> float:
        """The score 0-10 of `reply` to `question` on the rubric (NaN: the judge gave no valid score)."""
        ...


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
        "How strongly does the answer show the behaviour, from 0 to 10? "
        "End your reply with a line 'Score: N', where N is a whole number from 0 to 10."
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
        """`local:` and the judge model's name."""
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
        parts: list[torch.Tensor] = []
        for lo in range(0, len(prompts), self.batch_size):
            batch, mask = kv.left_pad(prompts[lo : lo + self.batch_size], self.model.tokenizer.pad_token_id or 0)
            logits, _ = kv.run(self.model, batch, mask, keep=1)
            parts.append(torch.softmax(logits[:, -1].float(), dim=-1)[:, ids].cpu())
        probs = torch.cat(parts)
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


def parse_score(text: object) -> float:
    """The score of a judge's reply: N of its one `Score: N` line (the last line, N a whole number 0-10), else NaN.

    Unscored (NaN): content that is not text, no score line, a score line that is not the last
    line, several score lines, or N outside 0-10 ("7.9", "-3", "11").
    """
    if not isinstance(text, str):
        return math.nan
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if not lines or len(_ANY_SCORE.findall(text)) != 1:
        return math.nan
    match = _SCORE_LINE.fullmatch(lines[-1])
    if match is None or int(match.group(1)) > 10:
        return math.nan
    return float(match.group(1))


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine: `localhost`, or an IP address in a loopback range (parsed, not a prefix)."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _control_characters(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in text if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")})


@dataclass(frozen=True)
class HTTPJudge:
    """A judge behind an OpenAI-compatible chat-completions endpoint (stdlib `http.client`).

    Attributes:
        base_url: e.g. "http://localhost:8000/v1"; requests go to `{base_url}/chat/completions`.
            Credentials in it (`user:pass@host`) are refused: the key goes in `api_key_env`.
        model: the model name the endpoint expects.
        api_key_env: environment variable holding the API key (sent as a bearer token when set;
            surrounding whitespace is stripped, control characters are refused; never printed).
        timeout: seconds for each whole request (connect, send, every byte of the answer).
        retries: further attempts after a network error or a 5xx/429 answer.
        backoff: seconds before the first retry, doubled for each next one.
        allow_insecure: send the key over plain http to a host that is not this machine.
    """

    base_url: str
    model: str
    api_key_env: str = "OPENAI_API_KEY"
    timeout: float = 30
    retries: int = 3
    backoff: float = 1.0
    allow_insecure: bool = False

    def __post_init__(self):
        if not isinstance(self.base_url, str) or not self.base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url {self.base_url!r} must start with http:// or https://")
        if not all(math.isfinite(x) for x in (self.timeout, self.backoff)):
            raise ValueError("timeout and backoff must be finite numbers")
        if self.retries < 0 or self.timeout <= 0 or self.backoff < 0:
            raise ValueError("retries and backoff must be >= 0 and timeout > 0")
        parts = urllib.parse.urlsplit(self.base_url)
        if "@" in parts.netloc:
            raise ValueError(
                f"base_url {parts.scheme}://…@{parts.netloc.rpartition('@')[2]}{parts.path} carries credentials; "
                f"remove them and put the key in ${self.api_key_env}"
            )
        try:
            _ = parts.port
        except ValueError:
            raise ValueError(f"base_url {self.base_url!r} has a port that is not a number 0-65535") from None
        if not parts.hostname:
            raise ValueError(f"base_url {self.base_url!r} names no host")
        key = self._key()
        if parts.scheme == "http" and not is_loopback(parts.hostname) and key and not self.allow_insecure:
            raise ValueError(
                f"base_url {self.base_url!r} is plain http to another machine: the API key in ${self.api_key_env} "
                "would travel unencrypted; use https, or allow it explicitly (allow_insecure=True, --allow-insecure-http)"
            )

    @property
    def name(self) -> str:
        """`http:` and the endpoint's model name."""
        return f"http:{self.model}"

    @property
    def url(self) -> str:
        """The chat-completions URL the requests go to."""
        return self.base_url.rstrip("/") + "/chat/completions"

    def _key(self) -> str:
        """The API key from the environment, stripped ('' when unset); ValueError if it holds control characters."""
        key = os.environ.get(self.api_key_env, "").strip()
        bad = _control_characters(key)
        if bad:
            raise ValueError(
                f"${self.api_key_env} holds control or invisible characters ({', '.join(bad)}); set it to the key alone"
            )
        return key

    def _redact(self, text: str) -> str:
        """`text` with the API key (and its bearer header) replaced by '[redacted]'."""
        key = os.environ.get(self.api_key_env, "").strip()
        return text.replace(key, "[redacted]") if len(key) >= 4 else text

    def _error(self, message: str) -> JudgeError:
        return JudgeError(self._redact(message))

    def _send(self, body: bytes) -> tuple[int, str, bytes]:
        """(status, Location header, body) of one POST, all within `timeout` seconds (else TimeoutError)."""
        parts = urllib.parse.urlsplit(self.url)
        connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        conn = connection_class(parts.hostname or "", parts.port, timeout=self.timeout)
        headers = {"Content-Type": "application/json", "Host": parts.netloc}
        key = self._key()
        if key:
            headers["Authorization"] = f"Bearer {key}"
        expired = threading.Event()

        def expire():  # the deadline: unblock whatever read or write is waiting
            expired.set()
            if conn.sock is not None:
                with contextlib.suppress(OSError):
                    conn.sock.shutdown(socket.SHUT_RDWR)

        timer = threading.Timer(self.timeout, expire)
        timer.daemon = True
        timer.start()
        try:
            conn.request("POST", parts.path + (f"?{parts.query}" if parts.query else ""), body, headers)
            response = conn.getresponse()
            data = response.read(MAX_REPLY_BYTES + 1)
            if expired.is_set():
                raise TimeoutError
            return response.status, response.getheader("Location", ""), data
        except (OSError, http.client.HTTPException):
            if expired.is_set():
                raise TimeoutError(f"no complete answer within {self.timeout:g} s") from None
            raise
        finally:
            timer.cancel()
            conn.close()

    def _post(self, payload: dict) -> dict:
        body, last = json.dumps(payload).encode(), ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                status, location, data = self._send(body)
            except TimeoutError as e:
                last = str(e) or f"no complete answer within {self.timeout:g} s"
                continue
            except (OSError, http.client.HTTPException) as e:
                last = f"{type(e).__name__}: {e}"
                continue
            if 300 <= status < 400:
                raise self._error(
                    f"{self.url} redirected (HTTP {status}) to {location}; give the final URL as the base URL"
                )
            if status >= 500 or status == 429:
                last = f"HTTP {status}"
                continue
            if status >= 400:
                raise self._error(f"{self.url} refused the request: HTTP {status} {data[:300]!r}")
            if len(data) > MAX_REPLY_BYTES:
                raise self._error(f"{self.url} answered with more than {MAX_REPLY_BYTES:,} bytes")
            try:
                return json.loads(data.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
                raise self._error(
                    f"{self.url} did not answer with JSON; is it an OpenAI-compatible endpoint?"
                ) from None
        raise self._error(
            f"cannot reach the judge endpoint {self.url} after {self.retries + 1} attempts ({last}); "
            "check that the server is running and that the base URL is right"
        )

    def reply(self, behavior_rubric: dict, question: str, reply: str) -> object:
        """The endpoint's raw answer to the judging prompt (`choices[0].message.content`, whatever its type)."""
        messages = [
            {"role": "system", "content": JUDGE_SYSTEM},
            {"role": "user", "content": judge_prompt(behavior_rubric, question, reply)},
        ]
        answer = self._post({"model": self.model, "messages": messages, "temperature": 0, "max_tokens": 16})
        try:
            return answer["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise self._error(f"{self.url} answered without choices[0].message.content: {str(answer)[:300]}") from None

    def score(self, behavior_rubric: dict, question: str, reply: str) -> float:
        """N of the reply's final `Score: N` line, or NaN (unscored) when there is not exactly one score 0-10."""
        return parse_score(self.reply(behavior_rubric, question, reply))


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
        scores += list(judge.score_batch(rubric, q, r)) if batched else [judge.score(rubric, q[0], r[0])]  # type: ignore[attr-defined]
        bar.update(len(q))
    bad = [s for s in scores if not (0 <= s <= 10 or math.isnan(s))]  # NaN: a reply the judge left unscored
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
        A copy of the table with `score` (0-10; NaN where the judge gave no valid score) and `judge`
        (the judge's name) columns.
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
    """Mean judge score with its standard error, per behaviour, layer, multiplier, scale and judge.

    Unscored replies (NaN) are left out of the mean and counted in `n_unscored`; `n_items` counts
    the items with a score. Where `scored` carries the coherence guard's `degenerate` flag
    (`coherence.coherence`), `score_coherent` is the mean over the replies not flagged.

    Returns:
        A DataFrame with columns `JUDGE_SUMMARY_COLUMNS`, sorted by its keys.
    """
    keys = ["behavior", "layer", "multiplier", "scale", "judge"]
    missing = [c for c in keys + ["score", "item"] if c not in scored.columns]
    if missing:
        raise ValueError(f"the scored table lacks columns {missing}; make it with score_generations")
    frame = scored.assign(
        scored_item=scored["item"].where(scored["score"].notna()), unscored=scored["score"].isna().astype(int)
    )
    out = (
        frame.groupby(keys, sort=True)
        .agg(
            score=("score", "mean"),
            score_sem=("score", "sem"),
            n_items=("scored_item", "nunique"),
            n_unscored=("unscored", "sum"),
        )
        .reset_index()
    )
    return coherent_scores(out, scored, keys)[list(JUDGE_SUMMARY_COLUMNS)]
