"""Arguments and parsing shared by the command groups."""

import argparse
from pathlib import Path


def parse_layers(text: str, n_layers: int) -> list[int]:
    """'all', '13', '0-29' or '3,5,10-12' -> a sorted list of layers."""
    if text == "all":
        return list(range(n_layers))
    layers: set[int] = set()
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        layers.update(range(int(lo), int(hi or lo) + 1))
    return sorted(layers)


def parse_floats(text: str) -> list[float]:
    """'-1,0,1' -> [-1.0, 0.0, 1.0]."""
    return [float(x) for x in text.split(",") if x.strip()]


def model_args(p: argparse.ArgumentParser) -> None:
    """--model, --device, --dtype and --format."""
    p.add_argument("--model", default=None, help="HF id, local folder or .gguf (default: embedded SmolLM2)")
    p.add_argument("--device", default=None)
    p.add_argument("--dtype", default=None, help="float32, float16 or bfloat16")
    p.add_argument("--format", dest="fmt", choices=["llama2", "template"], default=None, help="chat format")


def data_args(p: argparse.ArgumentParser) -> None:
    """--data, --caa-root, --behavior and --max-pairs."""
    p.add_argument("--data", type=Path, help="a CAA-format A/B JSON file")
    p.add_argument("--caa-root", type=Path, help="local copy of the official CAA repository")
    p.add_argument("--behavior", help="behaviour name (shipped, or under --caa-root)")
    p.add_argument("--max-pairs", type=int, default=None)


def load(args):
    """The model named by the parsed model arguments."""
    from ..models import load_model

    return load_model(args.model, device=args.device, dtype=args.dtype)


def data_source(args, split: str) -> tuple[Path, str]:
    """The data file (--data, or the behaviour's split, shipped or under --caa-root) and the behaviour name."""
    from ..datasets import behavior_path

    if args.data is None and args.behavior is None:
        raise SystemExit("give --data FILE or --behavior NAME")
    path = Path(args.data or behavior_path(args.behavior, split, root=args.caa_root))
    return path, args.behavior or path.parent.name


def load_items(args, split: str):
    """(A/B items, behaviour name, file path) from --data or --behavior [--caa-root]."""
    from ..datasets import load_ab

    path, behavior = data_source(args, split)
    return load_ab(path)[: args.max_pairs], behavior, path
