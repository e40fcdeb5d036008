"""The `caa-lens` command: a thin layer over the library (`main(argv) -> int`).

Each command group lives in its own module and adds its subcommands with `add_parsers`.
"""

import argparse
import sys
import warnings

from .._version import __version__
from . import _core, _datasets, _export, _openended, _report
from ._args import parse_floats, parse_layers

__all__ = ["build_parser", "main", "parse_floats", "parse_layers"]

VALUE_FLAGS = ("--multipliers", "--multiplier")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser: one group of subcommands per module."""
    parser = argparse.ArgumentParser(prog="caa-lens", description="Contrastive Activation Addition on TransformerLens")
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)
    for group in (_core, _datasets, _openended, _report, _export):
        group.add_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # argparse reads a value such as "-1,0,1" as an option: glue it to its flag first
    for i in range(len(argv) - 1, 0, -1):
        if argv[i - 1] in VALUE_FLAGS and argv[i].startswith("-"):
            argv[i - 1 : i + 1] = [f"{argv[i - 1]}={argv[i]}"]
    args = build_parser().parse_args(argv)
    with warnings.catch_warnings():  # restores the caller's warning display on return
        warnings.showwarning = _show_warning
        return _run(args)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """A warning as one line on stderr, like the errors (no file name, line number or source)."""
    print(f"caa-lens: warning: {message}", file=sys.stderr)


def _run(args) -> int:
    try:
        return args.func(args)
    except (ValueError, OSError) as e:  # bad data, arguments or files: one line, no traceback
        message = " ".join(str(e).split()) if str(e).count("\n") > 3 else str(e)
        print(f"caa-lens: error: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        if getattr(args, "resumes", False):  # generate, report: what was finished is on disk and a rerun skips it
            print("caa-lens: interrupted; what was finished is kept and a rerun resumes from there", file=sys.stderr)
        else:  # every other command writes its output whole at the end
            print(
                "caa-lens: interrupted; nothing was written (outputs are written only once complete)", file=sys.stderr
            )
        return 130


if __name__ == "__main__":
    sys.exit(main())
