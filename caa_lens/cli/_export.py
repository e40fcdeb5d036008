"""`caa-lens export`: steering vectors as a llama.cpp control vector or an lm-eval steering file."""

from pathlib import Path

from ..options import DEFAULT_SCALE, EXPORT_FORMATS, SCALES
from ._args import check_outputs, dtype_arg, finite_float, load, output_path, parse_layers

USAGE = {
    "llamacpp": "use: llama-cli -m MODEL.gguf --control-vector {out}",
    "lm-eval": "use: lm_eval --model steered --model_args pretrained=MODEL,steer_path={out}",
}


def cmd_export(args) -> int:
    from ..core.export import export_layers
    from ..core.vectors import SteeringVectors

    vectors = SteeringVectors.load(args.vectors)
    check_outputs(args.out, args.vectors)
    layers = export_layers(
        vectors, args.format, None if args.layers == "all" else parse_layers(args.layers, vectors.n_layers)
    )
    model = load(args) if args.model else None  # read only for its architecture and module names
    path = vectors.export(
        args.out, format=args.format, layers=layers, multiplier=args.multiplier, scale=args.scale, model=model
    )
    print(
        f"wrote {path} ({args.format}: {vectors.site} of layers {layers}, multiplier {args.multiplier:g} {args.scale})"
    )
    print(USAGE[args.format].format(out=path))
    return 0


def add_parsers(sub) -> None:
    """export."""
    p = sub.add_parser("export", help="write vectors as a llama.cpp control vector or an lm-eval steering file")
    p.add_argument("vectors", type=Path, help="a vectors file written by `caa-lens vectors`")
    p.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    p.add_argument("--out", type=output_path, required=True, help="the file to write (lm-eval: .pt or .pth)")
    p.add_argument(
        "--layers", default="all", help="our block indices, e.g. 13 or 10-14 (default: all the format holds)"
    )
    p.add_argument("--multiplier", type=finite_float, default=1.0)
    p.add_argument("--scale", choices=SCALES, default=DEFAULT_SCALE)
    p.add_argument(
        "--model", default=None, help="load this model to read its architecture (default: from the vectors' model name)"
    )
    p.add_argument("--device", default=None)
    dtype_arg(p)
    p.set_defaults(func=cmd_export)
