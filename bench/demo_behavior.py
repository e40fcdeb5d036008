"""One behaviour's extraction + layer sweep at `make demo`'s sizes, on each local Qwen model.

Prints, per model: wall seconds and this process's CPU seconds for collecting the letter-balanced
pairs (vectors) and for the packed layer sweep (every layer, -m, 0, +m, the test items), and the
ratio of each model's total to the first model's (the baseline, same run). CPU seconds divided by
the cores used estimate an idle machine's wall time when others share the CPU.

    python bench/demo_behavior.py --behavior refusal --pairs 128 --test 50
"""

import argparse
import resource
import time

import caa_lens as cl
from caa_lens.evaluation import effects, sweep  # noqa: F401  (imported before any timing)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def stage(fn, *args, **kwargs):
    """(result, wall seconds, CPU seconds) of one call."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - wall, cpu_seconds() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default="qwen2.5-coder-0.5b-instruct,qwen2.5-coder-1.5b-instruct")
    parser.add_argument("--behavior", default="refusal")
    parser.add_argument("--pairs", type=int, default=128)
    parser.add_argument("--test", type=int, default=50)
    parser.add_argument("--multiplier", type=float, default=0.25)
    parser.add_argument("--dtype", default="auto")
    args = parser.parse_args()
    pairs = cl.letter_balanced(cl.load_behavior(args.behavior), args.pairs)
    test = cl.letter_balanced(cl.load_behavior(args.behavior, "test_ab"), args.test)
    m, baseline = args.multiplier, None
    for name in args.models.split(","):
        model = cl.load_model(name, device="cpu", dtype=args.dtype)
        vecs, w1, c1 = stage(cl.extract, model, pairs, behavior=args.behavior, progress=False)
        results, w2, c2 = stage(cl.sweep, model, vecs, test, multipliers=[-m, 0, m], scale="relative", progress=False)
        total = w1 + w2
        baseline = baseline or total
        print(
            f"{name} ({model.cfg.dtype}, {len(pairs)} pairs, {len(test)} items x {vecs.n_layers} layers x 3): "
            f"extract {w1:.1f} s wall / {c1:.1f} s CPU, sweep {w2:.1f} s wall / {c2:.1f} s CPU, "
            f"total {total:.1f} s wall / {c1 + c2:.1f} s CPU ({total / baseline:.2f}x the first model); "
            f"held-out effect {cl.held_out(results).effect:+.3f}"
        )


if __name__ == "__main__":
    main()
