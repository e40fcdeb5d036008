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
        print(
            f"model: {model.caa_lens_name}  layers {model.cfg.n_layers}  d_model {model.cfg.d_model}  format {default_format(model)}  '(A' -> {tokens}"
        )
    return 0


def cmd_vectors(args) -> int:
    from .datasets import file_sha256
    from .vectors import diagnostics, extract

    items, behavior, path = _items(args, "generate")
    model = _load(args)
    vectors = extract(
        model, items, behavior=behavior, dataset_sha256=file_sha256(path), variant=args.variant, fmt=args.fmt
    )
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
    results = sweep(
        model,
        vectors,
        items,
        layers=layers,
        multipliers=parse_floats(args.multipliers),
        scale=args.scale,
        fmt=args.fmt,
        behavior=behavior,
    )
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
    for m in [0.0, args.multiplier] if args.compare else [args.multiplier]:
        reply = generate(
            model,
            [args.prompt],
            vectors=vectors,
            layer=args.layer,
            multiplier=m,
            scale=args.scale,
            fmt=args.fmt,
            max_new_tokens=args.max_new_tokens,
        )[0]
        print(f"[layer {args.layer}, multiplier {m:+g} {args.scale}] {reply}")
    return 0


def cmd_datasets_check(args) -> int:
    from .checks import check_path, report
    from .datasets import BEHAVIORS, SHIPPED_ROOT

    path = args.path or SHIPPED_ROOT
    problems = check_path(path, behaviors=BEHAVIORS if args.path is None else ())
    print(f"checked {path}\n{report(problems)}")
    return 1 if problems else 0


def cmd_datasets_stats(args) -> int:
    from .checks import stats
    from .datasets import SHIPPED_ROOT

    print(stats(args.path or SHIPPED_ROOT).to_string(index=False, float_format="%.1f", na_rep="-"))
    return 0


def _datasets_parser(sub) -> None:
    p = sub.add_parser("datasets", help="check or summarise behaviour datasets")
    commands = p.add_subparsers(dest="datasets_command", required=True)
    for name, func, text in (
        ("check", cmd_datasets_check, "report schema, balance, duplicate and leakage problems (exit 1 if any)"),
        ("stats", cmd_datasets_stats, "items, %% matching=A and lengths per behaviour and file"),
    ):
        q = commands.add_parser(name, help=text)
        q.add_argument(
            "path",
            nargs="?",
            type=Path,
            default=None,
            help="datasets folder, behaviour folder or file (default: the shipped datasets)",
        )
        q.set_defaults(func=func)


def _open_ended_items(args):
    """(items, behaviour name) from --data FILE or --behavior NAME [--caa-root]."""
    from .datasets import behavior_path, load_open_ended

    if args.data is None and args.behavior is None:
        raise SystemExit("give --data FILE or --behavior NAME")
    path = args.data or behavior_path(args.behavior, "test_open_ended", root=args.caa_root)
    return load_open_ended(path)[: args.max_items], args.behavior or Path(path).parent.name


def cmd_generate(args) -> int:
    from .openended import generate_open_ended
    from .vectors import SteeringVectors

    vectors = SteeringVectors.load(args.vectors)
    items, behavior = _open_ended_items(args)
    model = _load(args)
    frame = generate_open_ended(
        model,
        vectors,
        items,
        layers=parse_layers(args.layers, vectors.n_layers),
        multipliers=parse_floats(args.multipliers),
        scale=args.scale,
        behavior=behavior,
        max_new_tokens=args.max_new_tokens,
        temperature=args.temperature,
        seed=args.seed,
        batch_size=args.batch_size,
        fmt=args.fmt,
        out=args.out,
    )
    print(f"wrote {args.out} ({len(frame)} generations for {behavior})")
    return 0


def _judge(args):
    from .judge import HTTPJudge, LocalJudge
    from .models import load_model

    if args.judge == "http":
        if not args.judge_model:
            raise SystemExit("--judge http needs --judge-model NAME (the model the endpoint serves)")
        return HTTPJudge(
            args.base_url, args.judge_model, api_key_env=args.api_key_env, timeout=args.timeout, retries=args.retries
        )
    return LocalJudge(load_model(args.judge_model, device=args.device, dtype=args.dtype), batch_size=args.batch_size)


def cmd_judge(args) -> int:
    import json

    from ._io import write_csv
    from .judge import JudgeError, judge_summary, score_generations
    from .openended import read_generations

    generations = read_generations(args.generations)
    if generations.empty:
        raise ValueError(f"{args.generations} holds no generations")
    rubrics = json.loads(args.rubric.read_text(encoding="utf-8")) if args.rubric else None
    try:
        scored = score_generations(_judge(args), generations, rubrics)
    except JudgeError as e:
        print(f"caa-lens: error: {e}", file=sys.stderr)
        return 2
    write_csv(args.out, scored)
    print(judge_summary(scored).to_string(index=False, float_format="%.2f"))
    print(f"wrote {args.out} ({len(scored)} scored generations)")
    return 0


def cmd_side_effects(args) -> int:
    from ._io import write_csv
    from .side_effects import load_choices, side_effects, side_effects_summary
    from .vectors import SteeringVectors

    vectors = SteeringVectors.load(args.vectors)
    items = load_choices(args.data, args.kind)[: args.max_items]
    model = _load(args)
    results = side_effects(
        model,
        vectors,
        items,
        layer=args.layer,
        multipliers=parse_floats(args.multipliers),
        scale=args.scale,
        kind=args.kind,
        seed=args.seed,
        fmt=args.fmt,
    )
    write_csv(args.out, results)
    print(side_effects_summary(results).to_string(index=False, float_format="%.3f"))
    print(f"wrote {args.out} ({len(results)} rows)")
    return 0


def _open_ended_parsers(sub) -> None:
    p = sub.add_parser("generate", help="steered open-ended replies at layers x multipliers (resumable JSONL)")
    _model_args(p)
    p.add_argument("--vectors", type=Path, required=True)
    p.add_argument("--behavior", help="behaviour name (its open-ended prompts, shipped or under --caa-root)")
    p.add_argument("--data", type=Path, help="an open-ended JSON file ([{'question': ...}])")
    p.add_argument("--caa-root", type=Path, help="local copy of the official CAA repository")
    p.add_argument("--max-items", type=int, default=None)
    p.add_argument("--layers", required=True)
    p.add_argument("--multipliers", default="-1,0,1")
    p.add_argument("--scale", choices=["raw", "relative"], default="relative")
    p.add_argument("--max-new-tokens", type=int, default=64)
    p.add_argument("--temperature", type=float, default=0.0)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--out", type=Path, required=True, help="JSONL file (appended to; a rerun resumes)")
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("judge", help="score generations 0-10 on the behaviour's rubric")
    p.add_argument("--generations", type=Path, required=True)
    p.add_argument("--judge", choices=["local", "http"], default="local")
    p.add_argument(
        "--judge-model",
        "--model",
        dest="judge_model",
        default=None,
        help="local: model to load (default: embedded); http: model name",
    )
    p.add_argument("--base-url", default="http://localhost:8000/v1", help="OpenAI-compatible endpoint (http judge)")
    p.add_argument("--api-key-env", default="OPENAI_API_KEY")
    p.add_argument("--timeout", type=float, default=30)
    p.add_argument("--retries", type=int, default=3)
    p.add_argument(
        "--rubric", type=Path, help="JSON rubric for every behaviour, or {behaviour: rubric} (default: shipped)"
    )
    p.add_argument("--device", default=None)
    p.add_argument("--dtype", default=None)
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--out", type=Path, required=True, help="CSV of the generations with score and judge columns")
    p.set_defaults(func=cmd_judge)

    p = sub.add_parser("side-effects", help="MMLU / TruthfulQA A/B accuracy with and without steering")
    _model_args(p)
    p.add_argument("--vectors", type=Path, required=True)
    p.add_argument("--data", type=Path, required=True, help="MMLU- or TruthfulQA-style JSON (CAA format)")
    p.add_argument("--kind", choices=["mmlu", "truthfulqa"], required=True)
    p.add_argument("--max-items", type=int, default=None)
    p.add_argument("--layer", type=int, required=True)
    p.add_argument("--multipliers", default="-1,0,1")
    p.add_argument("--scale", choices=["raw", "relative"], default="raw")
    p.add_argument("--seed", type=int, default=0, help="which items get the correct answer as (A)")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_side_effects)


def cmd_report(args) -> int:
    from .datasets import BEHAVIORS
    from .report import ReportSettings, run_report

    behaviors = (
        list(BEHAVIORS) if args.behaviors == "all" else [b.strip() for b in args.behaviors.split(",") if b.strip()]
    )
    sources = args.transfer_sources
    settings = ReportSettings(
        max_pairs=args.max_pairs,
        n_test=args.n_test,
        multipliers=tuple(parse_floats(args.multipliers)),
        scale=args.scale,
        layers=None if args.layers == "all" else tuple(parse_layers(args.layers, 0)),
        max_new_tokens=args.max_new_tokens,
        transfer_items=args.transfer_items,
        transfer_sources=int(sources) if sources.isdigit() else tuple(parse_layers(sources, 0)),
    )
    model = _load(args)
    path = run_report(model, behaviors, args.out, root=args.caa_root, overwrite=args.overwrite, **vars(settings))
    print(f"wrote {path}")
    return 0


def cmd_detect(args) -> int:
    from ._io import write_text
    from .detect import text_score, token_scores
    from .plotting import token_text_html
    from .vectors import SteeringVectors

    vectors = SteeringVectors.load(args.vectors)
    model = _load(args)
    scores = token_scores(model, vectors, args.text, layers=[args.layer], prompt=args.prompt, fmt=args.fmt)
    shown = scores.drop(columns="layer").assign(token=scores["token"].map(repr))
    print(shown.to_string(index=False, float_format="%.3f"))
    print(
        f"layer {args.layer}: mean cosine over the {'reply' if args.prompt else 'text'} {text_score(scores, args.layer):+.3f}"
    )
    if args.html:
        body = f"<p>{vectors.behavior} vector, layer {args.layer}: cosine per token</p>{token_text_html(scores, args.layer)}"
        write_text(args.html, f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{body}</body></html>\n')
        print(f"wrote {args.html}")
    return 0


def _report_parsers(sub) -> None:
    from .report import ReportSettings as S

    p = sub.add_parser("report", help="every analysis of each behaviour: CSVs, figures and one offline report.html")
    _model_args(p)
    p.add_argument("--behaviors", default="all", help="'all' or a comma list, e.g. sentiment,french")
    p.add_argument(
        "--caa-root", type=Path, help="local copy of the official CAA repository (default: shipped datasets)"
    )
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--max-pairs", type=int, default=S.max_pairs, help="contrast pairs per vector")
    p.add_argument("--n-test", type=int, default=S.n_test, help="A/B test items per sweep")
    p.add_argument("--layers", default="all", help="layers to sweep, e.g. all or 4-20")
    p.add_argument("--multipliers", default=",".join(f"{m:g}" for m in S.multipliers))
    p.add_argument("--scale", choices=["raw", "relative"], default=S.scale)
    p.add_argument(
        "--transfer-sources", default=str(S.transfer_sources), help="how many source layers (3), or which (5,10,15)"
    )
    p.add_argument("--transfer-items", type=int, default=S.transfer_items, help="test items for the transfer figure")
    p.add_argument("--max-new-tokens", type=int, default=S.max_new_tokens)
    p.add_argument("--overwrite", action="store_true", help="recompute behaviours already in --out")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("detect", help="per-token projection of a text on a steering vector")
    _model_args(p)
    p.add_argument("--vectors", type=Path, required=True)
    p.add_argument("--layer", type=int, required=True)
    p.add_argument("--prompt", help="a user message: the text is then scored as the assistant's reply to it")
    p.add_argument("--html", type=Path, help="also write the text coloured by cosine")
    p.add_argument("text")
    p.set_defaults(func=cmd_detect)


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
    _datasets_parser(sub)
    _open_ended_parsers(sub)
    _report_parsers(sub)
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
