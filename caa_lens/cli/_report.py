"""`caa-lens report|detect`: the full report and per-token detection."""

import html
from pathlib import Path

from ..options import SCALES, SITES, VARIANTS
from ._args import (
    check_outputs,
    load,
    model_args,
    non_negative_float,
    output_folder,
    output_path,
    parse_floats,
    parse_layers,
    positive_int,
)


def _names(text: str) -> list[str]:
    """Behaviour names from a comma list."""
    return [b.strip() for b in text.split(",") if b.strip()]


def cmd_report(args) -> int:
    from ..datasets.load import BEHAVIORS
    from ..report.executor import InProcess, ModelSpec, RayExecutor
    from ..report.run import run_report
    from ..report.settings import ReportSettings

    behaviors = list(BEHAVIORS) if args.behaviors == "all" else _names(args.behaviors)
    sources = args.transfer_sources
    settings = ReportSettings(
        max_pairs=args.max_pairs,
        n_test=args.n_test,
        multipliers=tuple(parse_floats(args.multipliers)),
        scale=args.scale,
        layers=None if args.layers == "all" else tuple(parse_layers(args.layers, 0)),
        max_new_tokens=args.max_new_tokens,
        transfer_items=args.transfer_items,
        detail_items=args.detail_items,
        variant=args.variant,
        sites=tuple(args.sites),
        extras_for=None if args.extras_for is None else tuple(_names(args.extras_for)),
        transfer_sources=int(sources) if sources.isdigit() else tuple(parse_layers(sources, 0)),
    )
    # loaded where the behaviours run: here, or once in each Ray worker
    model = ModelSpec(args.model, device=args.device, dtype=args.dtype, device_map=args.device_map)
    executor = (
        RayExecutor(address=args.ray_address, workers=args.workers, gpus_per_worker=args.gpus_per_worker)
        if args.executor == "ray"
        else InProcess()
    )
    path = run_report(
        model, behaviors, args.out, root=args.caa_root, overwrite=args.overwrite, settings=settings, executor=executor
    )
    print(f"wrote {path}")
    return 0


def cmd_detect(args) -> int:
    from .._io import write_text
    from ..analysis.detect import text_score, token_scores
    from ..core.vectors import SteeringVectors
    from ..plotting import token_text_html
    from ..report.html import page

    vectors = SteeringVectors.load(args.vectors)
    check_outputs(args.html, args.vectors)
    model = load(args)
    scores = token_scores(
        model, vectors, args.text, layers=[args.layer], prompt=args.prompt, fmt=args.fmt, system=args.system
    )
    shown = scores.drop(columns="layer").assign(token=scores["token"].map(repr))
    print(shown.to_string(index=False, float_format="%.3f"))
    print(
        f"layer {args.layer}: mean cosine over the {'reply' if args.prompt else 'text'} {text_score(scores, args.layer):+.3f}"
    )
    if args.html:
        caption = f"{vectors.behavior} vector, layer {args.layer}: cosine per token"  # text from the file: escaped
        body = f"<p>{html.escape(caption)}</p>{token_text_html(scores, args.layer)}"
        write_text(args.html, page(caption, body))
        print(f"wrote {args.html}")
    return 0


def add_parsers(sub) -> None:
    """report, detect."""
    from ..report.executor import EXECUTORS
    from ..report.settings import ReportSettings as S

    p = sub.add_parser("report", help="every analysis of each behaviour: CSVs, figures and one offline report.html")
    model_args(p)
    p.add_argument("--behaviors", default="all", help="'all' or a comma list, e.g. sentiment,french")
    p.add_argument(
        "--caa-root", type=Path, help="local copy of the official CAA repository (default: shipped datasets)"
    )
    p.add_argument("--out", type=output_folder, required=True)
    p.add_argument(
        "--max-pairs", type=positive_int, default=S.max_pairs, help="contrast pairs per vector (letter-balanced)"
    )
    p.add_argument("--n-test", type=positive_int, default=S.n_test, help="A/B test items per sweep (letter-balanced)")
    p.add_argument(
        "--variant",
        choices=VARIANTS,
        default=S.variant,
        help="balanced (default) or plain (the paper's mean difference)",
    )
    p.add_argument("--layers", default="all", help="layers to sweep, e.g. all or 4-20")
    p.add_argument("--multipliers", default=",".join(f"{m:g}" for m in S.multipliers))
    p.add_argument("--scale", choices=SCALES, default=S.scale)
    p.add_argument(
        "--transfer-sources", default=str(S.transfer_sources), help="how many source layers (3), or which (5,10,15)"
    )
    p.add_argument(
        "--transfer-items", type=positive_int, default=S.transfer_items, help="test items for the transfer figure"
    )
    p.add_argument("--max-new-tokens", type=positive_int, default=S.max_new_tokens)
    p.add_argument(
        "--detail-items",
        type=positive_int,
        default=S.detail_items,
        help="test items of the finer multiplier sweep (all)",
    )
    p.add_argument(
        "--sites",
        nargs="+",
        choices=SITES,
        default=list(S.sites),
        help="also sweep these sites for a site x layer figure (each ~1/3 of a layer sweep's time)",
    )
    p.add_argument(
        "--extras-for",
        help="comma list: only these behaviours get the system-prompt comparison and the site figure (all)",
    )
    p.add_argument("--overwrite", action="store_true", help="recompute behaviours already in --out")
    p.add_argument("--device-map", help="e.g. auto: spread one model replica over the GPUs it may use")
    p.add_argument(
        "--executor",
        choices=EXECUTORS,
        default="inprocess",
        help="where the behaviours run: this process, or Ray workers (pip install 'caa_lens[ray]')",
    )
    p.add_argument(
        "--ray-address", help="a running Ray cluster, e.g. 10.0.0.1:6379 (default: start a local one, then stop it)"
    )
    p.add_argument("--workers", type=positive_int, default=2, help="Ray workers, one model replica each (2)")
    p.add_argument(
        "--gpus-per-worker",
        type=non_negative_float,
        default=None,
        help="GPUs each Ray worker reserves (default: 1 where the cluster has GPUs, else 0)",
    )
    p.set_defaults(func=cmd_report, resumes=True)

    p = sub.add_parser("detect", help="per-token projection of a text on a steering vector")
    model_args(p)
    p.add_argument("--vectors", type=Path, required=True)
    p.add_argument("--layer", type=int, required=True)
    p.add_argument("--prompt", help="a user message: the text is then scored as the assistant's reply to it")
    p.add_argument("--html", type=output_path, help="also write the text coloured by cosine")
    p.add_argument("text")
    p.set_defaults(func=cmd_detect)
