"""The `caa-lens` command: a thin layer over the library (`main(argv) -> int`)."""

import argparse
import sys
from pathlib import Path

from . import __version__


VALUE_FLAGS = ("--multipliers", "--multiplier")


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


def _model_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", default=None, help="HF id, local folder or .gguf (default: embedded SmolLM2)")
    p.add_argument("--device", default=None)
    p.add_argument("--dtype", default=None, help="float32, float16 or bfloat16")
    p.add_argument("--format", dest="fmt", choices=["llama2", "template"], default=None, help="chat format")


def _data_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", type=Path, help="a CAA-format A/B JSON file")
    p.add_argument("--caa-root", type=Path, help="local copy of the official CAA repository")
    p.add_argument("--behavior", help="behaviour name (shipped, or under --caa-root)")
    p.add_argument("--max-pairs", type=int, default=None)


def _load(args):
    from .models import load_model

    return load_model(args.model, device=args.device, dtype=args.dtype)


def _items(args, split: str):
    """(items, behaviour name, file path) from --data or --behavior [--caa-root]."""
    from .datasets import behavior_path, load_ab

    if args.data is None and args.behavior is None:
        raise SystemExit("give --data FILE or --behavior NAME")
    path = args.data or behavior_path(args.behavior, split, root=args.caa_root)
    items = load_ab(path)[: args.max_pairs]
    return items, args.behavior or Path(path).parent.name, path


def cmd_info(args) -> int:
    from importlib.metadata import version

    from .models import cache_dir, embedded_gguf

    versions = "  ".join(f"{name} {version(name)}" for name in ("torch", "transformers", "transformer-lens"))
    print(f"caa_lens {__version__}  {versions}")
    print(f"cache: {cache_dir()}")
    try:
        print(f"embedded model: {embedded_gguf()}")
    except FileNotFoundError as e:
        print(e)
    if args.load:
        from .chat import default_format

        model = _load(args)
        tokens = model.tokenizer.convert_ids_to_tokens(model.tokenizer("(A", add_special_tokens=False)["input_ids"])
        print(f"model: {model.caa_lens_name}  layers {model.cfg.n_layers}  d_model {model.cfg.d_model}  format {default_format(model)}  '(A' -> {tokens}")
    return 0


def cmd_vectors(args) -> int:
    from .datasets import file_sha256
    from .vectors import diagnostics, extract

    items, behavior, path = _items(args, "generate")
    model = _load(args)
    vectors = extract(model, items, behavior=behavior, dataset_sha256=file_sha256(path), variant=args.variant, fmt=args.fmt)
    vectors.save(args.out)
    print(diagnostics(vectors).to_string(index=False, float_format="%.3f"))
    print(f"wrote {args.out} ({len(items)} pairs, {vectors.n_layers} layers)")
    return 0


def cmd_sweep(args) -> int:
    from ._io import write_csv
    from .evaluate import held_out, summarize, sweep
    from .vectors import SteeringVectors

    vectors = SteeringVectors.load(args.vectors)
    items, behavior, _ = _items(args, "test_ab")
    model = _load(args)
    layers = parse_layers(args.layers, vectors.n_layers)
    results = sweep(model, vectors, items, layers=layers, multipliers=parse_floats(args.multipliers), scale=args.scale, fmt=args.fmt, behavior=behavior)
    write_csv(args.out, results)
    print(summarize(results).to_string(index=False, float_format="%.3f"))
    if len(items) >= 4 and any(m > 0 for m in results["multiplier"]) and any(m < 0 for m in results["multiplier"]):
        print("held-out:", held_out(results))
    print(f"wrote {args.out} ({len(results)} rows)")
    return 0


def cmd_steer(args) -> int:
    from .steering import generate
    from .vectors import SteeringVectors

    vectors = SteeringVectors.load(args.vectors)
    model = _load(args)
    for m in ([0.0, args.multiplier] if args.compare else [args.multiplier]):
        reply = generate(model, [args.prompt], vectors=vectors, layer=args.layer, multiplier=m, scale=args.scale, fmt=args.fmt, max_new_tokens=args.max_new_tokens)[0]
        print(f"[layer {args.layer}, multiplier {m:+g} {args.scale}] {reply}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="caa-lens", description="Contrastive Activation Addition on TransformerLens")
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("info", help="versions, cache folder, embedded model")
    _model_args(p)
    p.add_argument("--load", action="store_true", help="also load the model and describe it")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("vectors", help="extract steering vectors for every layer")
    _model_args(p)
    _data_args(p)
    p.add_argument("--variant", choices=["plain", "balanced"], default="plain")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_vectors)

    p = sub.add_parser("sweep", help="p(matching) over layers x multipliers")
    _model_args(p)
    _data_args(p)
    p.add_argument("--vectors", type=Path, required=True)
    p.add_argument("--layers", default="all")
    p.add_argument("--multipliers", default="-1,0,1")
    p.add_argument("--scale", choices=["raw", "relative"], default="raw")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_sweep)

    p = sub.add_parser("steer", help="generate a steered reply")
    _model_args(p)
    p.add_argument("--vectors", type=Path, required=True)
    p.add_argument("--layer", type=int, required=True)
    p.add_argument("--multiplier", type=float, required=True)
    p.add_argument("--scale", choices=["raw", "relative"], default="raw")
    p.add_argument("--max-new-tokens", type=int, default=64)
    p.add_argument("--compare", action="store_true", help="also print the unsteered reply")
    p.add_argument("prompt")
    p.set_defaults(func=cmd_steer)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # argparse reads a value such as "-1,0,1" as an option: glue it to its flag first
    for i in range(len(argv) - 1, 0, -1):
        if argv[i - 1] in VALUE_FLAGS and argv[i].startswith("-"):
            argv[i - 1 : i + 1] = [f"{argv[i - 1]}={argv[i]}"]
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (ValueError, FileNotFoundError) as e:
        print(f"caa-lens: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
