"""Steered open-ended generation: a behaviour's free-form prompts at layers x multipliers.

Every reply is kept with the settings that made it, one row per (layer, item, multiplier), in
a tidy table with columns `GENERATION_COLUMNS`. Rows run item-major, so one batch holds
several multipliers of the same prompts. With an output file the table is JSONL, rewritten
atomically after every batch with the batch's rows appended, under an exclusive lock (a second
run into the same file fails at once); a rerun after an interruption skips the rows already
there. Every row records each setting that changes a reply (model and dtype, the vectors'
content hash and site, operator, chat format, system prompt, sampling); a rerun with other
settings is refused rather than mixing its replies with the file's. Each batch is generated
with seed `seed + offset` (its first row's offset within the layer's rows, as
`steering.generate` does over a whole list), so the same settings give the same replies,
whether the run was resumed or not.
"""

import hashlib
import json
import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

from .._io import locked, read_text, write_atomic
from ..columns import GENERATION_COLUMNS
from ..core.chat import resolve_format
from ..core.kl import calibrate_kl
from ..core.models import model_name
from ..core.scale import as_multipliers, check_multipliers_fit
from ..core.steering import check_operator, generate
from ..core.vectors import SteeringVectors
from ..datasets.load import OpenEndedItem
from ..options import DEFAULT_SCALE, check_scale

# Everything but the reply: two rows with the same key come from the same settings.
KEY_COLUMNS = tuple(c for c in GENERATION_COLUMNS if c != "reply")


def _key(row: dict) -> tuple:
    return tuple(row[c] for c in KEY_COLUMNS)


def read_generations(path: str | Path) -> pd.DataFrame:
    """Read a generations JSONL file (columns `GENERATION_COLUMNS`).

    Raises:
        ValueError: a line other than an unfinished last one is not valid JSON, or a column is missing.
    """
    return pd.DataFrame(_read_rows(Path(path)), columns=list(GENERATION_COLUMNS))


def _read_rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    try:
        lines = read_text(path).split("\n")
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not UTF-8 text; is this a generations file?") from None
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            if number == len(lines):  # no newline after it: an unfinished last line
                warnings.warn(
                    f"{path}: ignoring the unfinished last line {number}; it will be regenerated", stacklevel=3
                )
                continue
            raise ValueError(f"{path}: line {number} is not valid JSON; fix or delete that line") from None
        except RecursionError:
            raise ValueError(f"{path}: line {number} is not valid JSON (nested too deeply)") from None
        if not isinstance(row, dict):
            raise ValueError(
                f"{path}: line {number} is {type(row).__name__}, not a JSON object; is this a generations file?"
            )
        missing = [c for c in GENERATION_COLUMNS if c not in row]
        if missing:
            raise ValueError(f"{path}: line {number} lacks columns {missing}; is this a generations file?")
        rows.append(row)
    return rows


def _append(path: Path, rows: list[dict]) -> None:
    """Rewrite `path` atomically as its complete rows plus `rows`."""
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _read_rows(path) + rows)

    def write(p: Path) -> None:
        p.write_text(text, encoding="utf-8")

    write_atomic(path, write)


def _plan(items, layers, multipliers, settings: dict) -> list[list[dict]]:
    """Rows to generate, grouped by layer, item-major (the reply left empty)."""
    return [
        [
            {**settings, "layer": layer, "multiplier": m, "item": i, "question": item.question, "reply": None}
            for i, item in enumerate(items)
            for m in multipliers
        ]
        for layer in layers
    ]


# Settings that change a reply but are the same for every row of a run (the rest of the key is per row).
RUN_SETTINGS = (
    "model", "dtype", "vectors_sha256", "site", "operator", "chat_format", "system", "max_new_tokens", "temperature",
    "seed",
)  # fmt: skip


def vectors_sha256(vectors: SteeringVectors) -> str:
    """SHA-256 of what steering reads from the vectors: directions, residual norms (relative scale) and site."""
    digest = hashlib.sha256(vectors.site.encode())
    for tensor in (vectors.directions, vectors.resid_norm):
        digest.update(tensor.detach().float().contiguous().cpu().numpy().tobytes())
    return digest.hexdigest()


def _check_settings(out, rows, settings: dict) -> None:
    """Refuse to add rows made with other generation settings to a file (they would be pooled later)."""
    for row in rows:
        other = {k: row[k] for k in RUN_SETTINGS if row[k] != settings[k]}
        other = {k: (v[:16] + "…" if k == "vectors_sha256" and isinstance(v, str) else v) for k, v in other.items()}
        if other:
            ours = {k: (settings[k][:16] + "…" if k == "vectors_sha256" else settings[k]) for k in other}
            raise ValueError(f"{out} holds generations made with {other}, not {ours}; write these to another file")


def _check(vectors: SteeringVectors, layers, multipliers, scale: str, batch_size: int) -> tuple[list[int], list[float]]:
    check_scale(scale)
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    layers = vectors.check_layers(layers)
    multipliers = as_multipliers(list(multipliers))
    if not multipliers:
        raise ValueError("give at least one multiplier (0 is the unsteered baseline)")
    return layers, multipliers


def generate_open_ended(
    model,
    vectors: SteeringVectors,
    items: Sequence[OpenEndedItem | str],
    *,
    layers: Sequence[int],
    multipliers: Sequence[float] = (-1.0, 0.0, 1.0),
    scale: str = DEFAULT_SCALE,
    behavior: str | None = None,
    max_new_tokens: int = 64,
    temperature: float = 0.0,
    seed: int = 0,
    batch_size: int = 8,
    fmt: str | None = None,
    system: str | None = None,
    operator: str = "add",
    out: str | Path | None = None,
    progress: bool = True,
) -> pd.DataFrame:
    """Steered replies to every prompt at every layer and multiplier.

    Args:
        model: a TransformerBridge the vectors were extracted on.
        vectors: steering vectors.
        items: open-ended items (or plain question strings); `item` is the index in this list.
        layers: layers to steer.
        multipliers: values of m (include 0 for the unsteered baseline).
        scale: "raw", "relative" or "kl" (see `scale.effective_multiplier`).
        behavior: name recorded in the table (default: the vectors' behaviour).
        max_new_tokens, temperature, seed: generation settings (greedy when temperature is 0).
        batch_size: rows per generation batch.
        fmt, system: chat format and system prompt (default: the vectors' format).
        operator: "add" or "ablate" (see `steering.steer`).
        out: a JSONL file to append to and resume from (locked while this runs; a file made with
            other settings is refused); None keeps everything in memory.
        progress: show a progress bar over batches.

    Returns:
        A DataFrame with columns `GENERATION_COLUMNS`, one row per (layer, item, multiplier),
        in that order.
    """
    vectors.check_model(model)
    layers, multipliers = _check(vectors, layers, multipliers, scale, batch_size)
    if scale == "kl":  # a calibrated dose: its coefficients found first (`core.kl`)
        calibrate_kl(model, vectors, layers, multipliers, fmt=fmt)
    check_multipliers_fit(vectors, layers, multipliers, scale, model.cfg.dtype)  # before any reply is generated
    items = [OpenEndedItem(x) if isinstance(x, str) else x for x in items]
    if not items:
        raise ValueError("no prompts to generate from; pass open-ended items or question strings")
    fmt = resolve_format(model, fmt, vectors)
    settings = {
        "behavior": behavior or vectors.behavior,
        "scale": scale,
        "seed": int(seed),
        "temperature": float(temperature),
        "max_new_tokens": int(max_new_tokens),
        "model": model_name(model),
        "dtype": str(model.cfg.dtype).removeprefix("torch."),
        "vectors_sha256": vectors_sha256(vectors),
        "site": vectors.site,
        "operator": check_operator(operator, vectors.site),
        "chat_format": fmt,
        "system": system,
    }
    plan = _plan(items, layers, multipliers, settings)
    if out is None:
        return _run(model, vectors, plan, settings, batch_size, None, progress)
    with locked(out):
        return _run(model, vectors, plan, settings, batch_size, Path(out), progress)


def _run(model, vectors, plan, settings: dict, batch_size: int, out: Path | None, progress: bool) -> pd.DataFrame:
    """Generate the planned rows not yet in `out`, appending each batch; the whole table in plan order."""
    done = {_key(r): r for r in _read_rows(out)} if out is not None else {}
    _check_settings(out, done.values(), settings)
    batches = [(rows, lo) for rows in plan for lo in range(0, len(rows), batch_size)]
    for rows, lo in tqdm(batches, desc="generate", disable=not progress):
        batch = rows[lo : lo + batch_size]
        if all(_key(r) in done for r in batch):
            continue
        replies = generate(
            model,
            [r["question"] for r in batch],
            vectors=vectors,
            layer=batch[0]["layer"],
            multiplier=[r["multiplier"] for r in batch],
            scale=settings["scale"],
            operator=settings["operator"],
            fmt=settings["chat_format"],
            system=settings["system"],
            max_new_tokens=settings["max_new_tokens"],
            temperature=settings["temperature"],
            seed=settings["seed"] + lo,
            batch_size=len(batch),
        )
        new = [{**r, "reply": reply} for r, reply in zip(batch, replies, strict=True) if _key(r) not in done]
        if out is not None:
            _append(out, new)
        done.update((_key(r), r) for r in new)
    ordered = [done[_key(r)] for rows in plan for r in rows]
    return pd.DataFrame(ordered, columns=list(GENERATION_COLUMNS))
