"""`caa-lens generate|judge|side-effects`: open-ended steering, judging, side effects."""

import sys
from pathlib import Path

from ..options import DEFAULT_SCALE, SCALES, SIDE_EFFECT_KINDS
from ._args import (
    check_outputs,
    data_source,
    dtype_arg,
    load,
    model_args,
    non_negative_float,
    output_path,
    parse_floats,
    parse_layers,
    positive_float,
    positive_int,
    seed_int,
    write_results,
)


def _open_ended_items(args):
    """(items, behaviour name) from --data FILE or --behavior NAME [--caa-root]."""
    from ..datasets.load import load_open_ended

    path, behavior = data_source(args, "test_open_ended")
    return load_open_ended(path)[: args.max_items], behavior


def cmd_generate(args) -> int:
    from ..core.vectors import SteeringVectors
    from ..evaluation.openended import generate_open_ended

    vectors = SteeringVectors.load(args.vectors)
    items, behavior = _open_ended_items(args)
    check_outputs(args.out, args.vectors)
    model = load(args)
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
        system=args.system,
        out=args.out,
    )
    print(f"wrote {args.out} ({len(frame)} generations for {behavior})")
    return 0


def _judge(args):
    from ..core.models import load_model
    from ..evaluation.judge import HTTPJudge, LocalJudge

    if args.judge == "http":
        if not args.judge_model:
            raise SystemExit("--judge http needs --judge-model NAME (the model the endpoint serves)")
        return HTTPJudge(
            args.base_url,
            args.judge_model,
            api_key_env=args.api_key_env,
            timeout=args.timeout,
            retries=args.retries,
            allow_insecure=args.allow_insecure_http,
        )
    return LocalJudge(load_model(args.judge_model, device=args.device, dtype=args.dtype), batch_size=args.batch_size)


def _read_rubrics(path: Path) -> dict:
    """The --rubric file: a JSON object (one rubric, or {behaviour: rubric}); ValueError naming the file otherwise."""
    import json

    from .._io import read_text

    try:
        rubrics = json.loads(read_text(path))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ValueError(f"{path}: not a JSON rubric ({e})") from None
    except RecursionError:
        raise ValueError(f"{path}: not a JSON rubric (nested too deeply)") from None
    if not isinstance(rubrics, dict):
        raise ValueError(
            f"{path}: expected a JSON object (a rubric, or {{behaviour: rubric}}), got {type(rubrics).__name__}"
        )
    return rubrics


def cmd_judge(args) -> int:
    from .._io import write_csv
    from ..evaluation.judge import JudgeError, judge_summary, score_generations
    from ..evaluation.openended import read_generations

    check_outputs(args.out, args.generations, args.rubric)
    rubrics = _read_rubrics(args.rubric) if args.rubric else None
    generations = read_generations(args.generations)
    if generations.empty:
        raise ValueError(f"{args.generations} holds no generations")
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
    from ..core.vectors import SteeringVectors
    from ..evaluation.side_effects import load_choices, side_effects, side_effects_summary

    vectors = SteeringVectors.load(args.vectors)
    items = load_choices(args.data, args.kind)[: args.max_items]
    check_outputs(args.out, args.vectors, args.data)
    model = load(args)
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
        system=args.system,
    )
    write_results(args.out, results, side_effects_summary(results))
    return 0


def add_parsers(sub) -> None:
    """generate, judge, side-effects."""
    p = sub.add_parser("generate", help="steered open-ended replies at layers x multipliers (resumable JSONL)")
    model_args(p)
    p.add_argument("--vectors", type=Path, required=True)
    p.add_argument("--behavior", help="behaviour name (its open-ended prompts, shipped or under --caa-root)")
    p.add_argument("--data", type=Path, help="an open-ended JSON file ([{'question': ...}])")
    p.add_argument("--caa-root", type=Path, help="local copy of the official CAA repository")
    p.add_argument("--max-items", type=positive_int, default=None)
    p.add_argument("--layers", required=True)
    p.add_argument("--multipliers", default="-1,0,1")
    p.add_argument("--scale", choices=SCALES, default=DEFAULT_SCALE)
    p.add_argument("--max-new-tokens", type=positive_int, default=64)
    p.add_argument("--temperature", type=non_negative_float, default=0.0)
    p.add_argument("--seed", type=seed_int, default=0)
    p.add_argument("--batch-size", type=positive_int, default=8)
    p.add_argument("--out", type=output_path, required=True, help="JSONL file (appended to; a rerun resumes)")
    p.set_defaults(func=cmd_generate, resumes=True)

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
    p.add_argument("--timeout", type=positive_float, default=30)
    p.add_argument(
        "--allow-insecure-http", action="store_true", help="send the API key over plain http to a non-local host"
    )
    p.add_argument("--retries", type=int, default=3)
    p.add_argument(
        "--rubric", type=Path, help="JSON rubric for every behaviour, or {behaviour: rubric} (default: shipped)"
    )
    p.add_argument("--device", default=None)
    dtype_arg(p)
    p.add_argument("--batch-size", type=positive_int, default=8)
    p.add_argument("--out", type=output_path, required=True, help="CSV of the generations with score and judge columns")
    p.set_defaults(func=cmd_judge)

    p = sub.add_parser("side-effects", help="MMLU / TruthfulQA A/B accuracy with and without steering")
    model_args(p)
    p.add_argument("--vectors", type=Path, required=True)
    p.add_argument("--data", type=Path, required=True, help="MMLU- or TruthfulQA-style JSON (CAA format)")
    p.add_argument("--kind", choices=SIDE_EFFECT_KINDS, required=True)
    p.add_argument("--max-items", type=positive_int, default=None)
    p.add_argument("--layer", type=int, required=True)
    p.add_argument("--multipliers", default="-1,0,1")
    p.add_argument("--scale", choices=SCALES, default=DEFAULT_SCALE)
    p.add_argument("--seed", type=seed_int, default=0, help="which items get the correct answer as (A)")
    p.add_argument("--out", type=output_path, required=True)
    p.set_defaults(func=cmd_side_effects)
