"""`caa-lens datasets check|stats`."""

from pathlib import Path


def cmd_datasets_check(args) -> int:
    from ..datasets.checks import check_path, report
    from ..datasets.load import BEHAVIORS, SHIPPED_ROOT
    from ..datasets.shortcuts import shortcut_table

    path = args.path or SHIPPED_ROOT
    problems = check_path(path, behaviors=BEHAVIORS if args.path is None else ())
    table = shortcut_table(path) if path.is_dir() else None
    if table is not None and len(table):
        print(table.to_string(index=False, float_format="%.2f"))
    print(f"checked {path}\n{report(problems)}")
    return 1 if problems else 0


def cmd_datasets_stats(args) -> int:
    from ..datasets.checks import stats
    from ..datasets.load import SHIPPED_ROOT

    print(stats(args.path or SHIPPED_ROOT).to_string(index=False, float_format="%.1f", na_rep="-"))
    return 0


def add_parsers(sub) -> None:
    """datasets check, datasets stats."""
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
