"""Arguments and parsing shared by the command groups."""

import argparse
import math
import os
from pathlib import Path

from ..options import DEFAULT_DTYPE, DTYPES, FORMATS

MAX_LAYERS = 10_000  # the bound on a layer number when the model's depth is not known yet


def parse_layers(text: str, n_layers: int) -> list[int]:
    """'all', '13', '0-29' or '3,5,10-12' -> a sorted list of layers (0 < n_layers: checked against it).

    Raises:
        ValueError: a part is not a layer or an increasing range, or lies outside 0..n_layers-1.
    """
    if text == "all":
        return list(range(n_layers))
    layers: set[int] = set()
    for part in text.split(","):
        lo, dash, hi = part.strip().partition("-")
        if not _digits(lo) or (dash and not _digits(hi)):
            raise ValueError(f"--layers {text!r}: {part!r} is not a layer (0 or more) or a range like 4-20")
        if int(hi or lo) < int(lo):
            raise ValueError(f"--layers {text!r}: the range {part!r} runs backwards; write {hi}-{lo}")
        top = int(hi or lo)  # bounds checked before the range is built
        if n_layers and top >= n_layers:
            raise ValueError(f"--layers {text!r}: layers run from 0 to {n_layers - 1}")
        if top >= MAX_LAYERS:
            raise ValueError(f"--layers {text!r}: layer {top} is beyond any model (at most {MAX_LAYERS} layers)")
        layers.update(range(int(lo), top + 1))
    return sorted(layers)


def _digits(text: str) -> bool:
    """ASCII digits only: `str.isdigit` also accepts '²' and other digits `int` cannot read."""
    return text.isascii() and text.isdigit()


def parse_floats(text: str) -> list[float]:
    """'-1,0,1' -> [-1.0, 0.0, 1.0].

    Raises:
        ValueError: no number, a part that is not a number, or NaN / infinity (1e309 overflows to it).
    """
    values = []
    for part in (x.strip() for x in text.split(",")):
        try:
            value = float(part)
        except ValueError:
            raise ValueError(f"--multipliers {text!r}: {part!r} is not a number") from None
        if not math.isfinite(value):
            raise ValueError(f"--multipliers {text!r}: {part!r} is not a finite number")
        values.append(value)
    return values


def _checked(kind, ok, what: str):
    """An argparse type: `kind(text)` that satisfies `ok`, else a clear usage error."""

    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
        if not ok(value):
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}")
        return value

    return parse


positive_int = _checked(int, lambda n: n >= 1, "a whole number of at least 1")
finite_float = _checked(float, math.isfinite, "a finite number")
non_negative_float = _checked(float, lambda x: math.isfinite(x) and x >= 0, "a finite number of at least 0")
positive_float = _checked(float, lambda x: math.isfinite(x) and x > 0, "a finite number above 0")
MAX_SEED = 2**63 - 1  # what torch.Generator.manual_seed takes, with room for a per-batch offset
seed_int = _checked(int, lambda n: 0 <= n <= MAX_SEED // 2, f"a whole number from 0 to {MAX_SEED // 2}")


def output_path(text: str) -> Path:
    """An argparse type for --out/--html: a file path, not empty and not an existing folder."""
    path = output_folder(text)
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r} is a folder; give a file path")
    return path


def output_folder(text: str) -> Path:
    """An argparse type for an output folder (or file): not empty, so never the current folder by accident."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the output path is empty")
    return Path(text)


def check_outputs(out: Path | None, *inputs: Path | None) -> None:
    """Refuse an output that is also an input, or whose folder cannot be written (before any computing)."""
    if out is None:
        return
    for source in inputs:
        if source is not None and Path(source).exists() and Path(source).resolve() == out.resolve():
            raise ValueError(f"--out {out} is also an input; choose another output path")
    folder = out.resolve().parent
    while not folder.exists():
        folder = folder.parent
    if not os.access(folder, os.W_OK):
        raise ValueError(f"cannot write {out}: {folder} is not writable")


def model_args(p: argparse.ArgumentParser) -> None:
    """--model, --device, --dtype, --format and --system."""
    p.add_argument(
        "--model", default=None, help="local model name, HF id, folder or .gguf (default: qwen2.5-coder-0.5b-instruct)"
    )
    p.add_argument("--device", default=None)
    dtype_arg(p)
    p.add_argument("--format", dest="fmt", choices=FORMATS, default=None, help="chat format")
    p.add_argument("--system", default=None, help="system prompt (default: the chat template's own, none for llama2)")


def dtype_arg(p: argparse.ArgumentParser) -> None:
    """--dtype: 'auto' (bfloat16 where the device computes it natively, else float32) or a dtype."""
    p.add_argument("--dtype", choices=DTYPES, default=DEFAULT_DTYPE, help="auto: bfloat16 where native, else float32")


def data_args(p: argparse.ArgumentParser) -> None:
    """--data, --caa-root, --behavior and --max-pairs."""
    p.add_argument("--data", type=Path, help="a CAA-format A/B JSON file")
    p.add_argument("--caa-root", type=Path, help="local copy of the official CAA repository")
    p.add_argument("--behavior", help="behaviour name (shipped, or under --caa-root)")
    p.add_argument("--max-pairs", type=positive_int, default=None, help="take this many items, letter-balanced (all)")


def load(args):
    """The model named by the parsed model arguments."""
    from ..core.models import load_model

    return load_model(args.model, device=args.device, dtype=args.dtype)


def data_source(args, split: str) -> tuple[Path, str]:
    """The data file (--data, or the behaviour's split, shipped or under --caa-root) and the behaviour name."""
    from ..datasets.load import behavior_path

    if args.data is None and args.behavior is None:
        raise SystemExit("give --data FILE or --behavior NAME")
    path = Path(args.data or behavior_path(args.behavior, split, root=args.caa_root))
    if path.is_dir():
        raise ValueError(f"{path} is a folder; --data takes a JSON file")
    return path, args.behavior or path.stem


def load_items(args, split: str):
    """(A/B items, behaviour name, file path) from --data or --behavior [--caa-root].

    --max-pairs takes a letter-balanced subset (`datasets.subsets.letter_balanced`).
    """
    from ..datasets.load import load_ab
    from ..datasets.subsets import letter_balanced

    path, behavior = data_source(args, split)
    items = load_ab(path)
    return items if args.max_pairs is None else letter_balanced(items, args.max_pairs), behavior, path


def write_results(path: Path, results, summary, *notes) -> None:
    """Write a command's per-item `results` to `path` (CSV), their `attrs` (e.g. the dtype) to `path`.meta.json,
    and print its `summary` table, any notes and where it went.
    """
    from .._io import write_csv, write_json

    write_csv(path, results)
    if results.attrs:
        write_json(path.with_name(path.name + ".meta.json"), dict(results.attrs))
    print(summary.to_string(index=False, float_format="%.3f"))
    for note in notes:
        print(note)
    print(f"wrote {path} ({len(results)} rows)")
