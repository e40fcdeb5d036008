"""`caa-lens info|vectors|sweep|steer|systems`: the core workflow."""

from pathlib import Path

from .._version import __version__
from ..options import DEFAULT_SCALE, DEFAULT_SITE, DEFAULT_VARIANT, OPERATORS, SCALES, SITES, VARIANTS
from ._args import (
    check_outputs,
    data_args,
    data_source,
    finite_float,
    load,
    load_items,
    model_args,
    output_path,
    parse_floats,
    parse_layers,
    positive_int,
    write_results,
)


def cmd_info(args) -> int:
    from importlib.metadata import version

    from ..core.models import LOCAL_MODELS, cache_dir, installed

    versions = "  ".join(f"{name} {version(name)}" for name in ("torch", "transformers", "transformer-lens"))
    print(f"caa_lens {__version__}  {versions}")
    print(f"cache: {cache_dir()}")
    print("local models (--model NAME):")
    for name, m in LOCAL_MODELS.items():
        state = "installed" if installed(m) else f"not installed: {m.install_hint}"
        print(f"  {name:<30} {m.licence:<11} {state}")
    if args.load:
        from ..core.chat import default_format

        model = load(args)
        tokens = model.tokenizer.convert_ids_to_tokens(model.tokenizer("(A", add_special_tokens=False)["input_ids"])
        print(
            f"model: {model.caa_lens_name}  layers {model.cfg.n_layers}  d_model {model.cfg.d_model}  format {default_format(model)}  '(A' -> {tokens}"
        )
    return 0


def cmd_vectors(args) -> int:
    from ..core.vectors import diagnostics, extract
    from ..datasets.load import load_ab_hashed

    path, behavior = data_source(args, "generate")
    items, sha256 = load_ab_hashed(path)
    items = items[: args.max_pairs]
    check_outputs(args.out, path)
    model = load(args)
    vectors = extract(
        model,
        items,
        behavior=behavior,
        dataset_sha256=sha256,  # of the bytes parsed, read once
        variant=args.variant,
        fmt=args.fmt,
        system=args.system,
        site=args.site,
    )
    vectors.save(args.out)
    print(diagnostics(vectors).to_string(index=False, float_format="%.3f"))
    print(f"wrote {args.out} ({len(items)} pairs, {vectors.n_layers} layers, site {vectors.site})")
    return 0


def cmd_sweep(args) -> int:
    from ..core.vectors import SteeringVectors
    from ..evaluation.effects import held_out, summarize
    from ..evaluation.sweep import sweep

    sets = [SteeringVectors.load(path) for path in args.vectors]
    items, behavior, path = load_items(args, "test_ab")
    check_outputs(args.out, *args.vectors, path)
    model = load(args)
    layers = parse_layers(args.layers, sets[0].n_layers)
    results = sweep(
        model,
        sets,
        items,
        layers=layers,
        multipliers=parse_floats(args.multipliers),
        scale=args.scale,
        operator=args.operator,
        fmt=args.fmt,
        system=args.system,
        behavior=behavior,
    )
    both_signs = any(m > 0 for m in results["multiplier"]) and any(m < 0 for m in results["multiplier"])
    notes = [f"held-out: {held_out(results)}"] if len(items) >= 4 and both_signs else []
    write_results(args.out, results, summarize(results), *notes)
    return 0


def cmd_steer(args) -> int:
    from ..core.steering import generate
    from ..core.vectors import SteeringVectors

    vectors = SteeringVectors.load(args.vectors)
    model = load(args)
    for m in [0.0, args.multiplier] if args.compare else [args.multiplier]:
        reply = generate(
            model,
            [args.prompt],
            vectors=vectors,
            layer=args.layer,
            multiplier=m,
            scale=args.scale,
            operator=args.operator,
            fmt=args.fmt,
            system=args.system,
            max_new_tokens=args.max_new_tokens,
        )[0]
        print(f"[layer {args.layer}, multiplier {m:+g} {args.scale}, {args.operator} at {vectors.site}] {reply}")
    return 0


def cmd_systems(args) -> int:
    from ..core.vectors import SteeringVectors
    from ..datasets.load import load_info
    from ..evaluation.system_prompts import compare_conditions, summarize_conditions

    vectors = SteeringVectors.load(args.vectors)
    items, behavior, path = load_items(args, "test_ab")
    check_outputs(args.out, args.vectors, path)
    prompts = {"positive": args.positive, "negative": args.negative}
    if None in prompts.values():
        prompts = {**load_info(behavior)["system_prompts"], **{k: v for k, v in prompts.items() if v is not None}}
    prompts["default"] = args.system  # --system is the baseline condition's prompt (None: the format's own)
    model = load(args)
    layer = parse_layers(str(args.layer), vectors.n_layers)[0]
    results = compare_conditions(
        model, vectors, items, system_prompts=prompts, layer=layer, multiplier=args.multiplier, scale=args.scale,
        fmt=args.fmt,
    )  # fmt: skip
    write_results(args.out, results, summarize_conditions(results))
    return 0


def add_parsers(sub) -> None:
    """info, vectors, sweep, steer."""
    p = sub.add_parser("info", help="versions, cache folder, local models")
    model_args(p)
    p.add_argument("--load", action="store_true", help="also load the model and describe it")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("vectors", help="extract steering vectors for every layer")
    model_args(p)
    data_args(p)
    p.add_argument(
        "--variant",
        choices=VARIANTS,
        default=DEFAULT_VARIANT,
        help="balanced: mean of the per-letter mean differences (default); plain: the paper's mean difference",
    )
    p.add_argument("--site", choices=SITES, default=DEFAULT_SITE, help="where in each block to read")
    p.add_argument("--out", type=output_path, required=True)
    p.set_defaults(func=cmd_vectors)

    p = sub.add_parser("sweep", help="p(matching) over layers x multipliers")
    model_args(p)
    data_args(p)
    p.add_argument("--vectors", type=Path, nargs="+", required=True, help="one file, or one per site")
    p.add_argument("--layers", default="all")
    p.add_argument("--multipliers", default="-1,0,1")
    p.add_argument("--scale", choices=SCALES, default=DEFAULT_SCALE)
    p.add_argument("--operator", choices=OPERATORS, default="add")
    p.add_argument("--out", type=output_path, required=True)
    p.set_defaults(func=cmd_sweep)

    p = sub.add_parser("steer", help="generate a steered reply")
    model_args(p)
    p.add_argument("--vectors", type=Path, required=True)
    p.add_argument("--layer", type=int, required=True)
    p.add_argument("--multiplier", type=finite_float, required=True)
    p.add_argument("--scale", choices=SCALES, default=DEFAULT_SCALE)
    p.add_argument("--operator", choices=OPERATORS, default="add")
    p.add_argument("--max-new-tokens", type=positive_int, default=64)
    p.add_argument("--compare", action="store_true", help="also print the unsteered reply")
    p.add_argument("prompt")
    p.set_defaults(func=cmd_steer)

    p = sub.add_parser("systems", help="system prompts (default, positive, negative) with and without steering")
    model_args(p)
    data_args(p)
    p.add_argument("--vectors", type=Path, required=True)
    p.add_argument("--layer", type=int, required=True)
    p.add_argument("--multiplier", type=finite_float, required=True, help="m; -m, 0 and +m are run")
    p.add_argument("--scale", choices=SCALES, default=DEFAULT_SCALE)
    p.add_argument("--positive", help="system prompt asking for the behaviour (default: the behaviour's own)")
    p.add_argument("--negative", help="system prompt asking for its opposite (default: the behaviour's own)")
    p.add_argument("--out", type=output_path, required=True)
    p.set_defaults(func=cmd_systems)
