"""The same small report (SmolLM2-135M, 2 behaviours) on a local Ray cluster with 1 and 2 workers (and, with
--in-process, in this process first).

Each time is the whole `run_report` call: for Ray that includes starting the local cluster, the
workers loading their replicas and the driver writing the files. The files of every run must
be the same bytes. Last line: time with 1 worker / time with 2 workers (on a 2-core machine expect
<= 1x: two replicas share the same two cores; on N GPU machines the units spread over N replicas).
"""

import argparse
import sys
import tempfile
from pathlib import Path

from caa_lens.report.executor import ModelSpec, RayExecutor
from caa_lens.report.run import run_report

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from _common import timed  # noqa: E402

BEHAVIORS = ["sycophancy", "refusal"]
SETTINGS = dict(
    max_pairs=4, n_test=4, layers=tuple(range(8, 10)), multipliers=(-1.0, 0.0, 1.0), transfer_sources=1,
    transfer_items=4, max_new_tokens=4, detail_items=4, extras_for=(),
)  # fmt: skip


def tables(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.csv"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="smollm2-135m-instruct")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--dtype", default="float32")
    parser.add_argument("--in-process", action="store_true", help="also time the in-process executor")
    args = parser.parse_args()
    spec = ModelSpec(args.model, device=args.device, dtype=args.dtype)
    with tempfile.TemporaryDirectory() as tmp:
        runs = {"ray, 1 worker": RayExecutor(workers=1), "ray, 2 workers": RayExecutor(workers=2)}
        if args.in_process:
            runs = {"in process": None} | runs
        seconds, outputs = {}, {}
        for name, executor in runs.items():
            out = Path(tmp) / name.replace(" ", "_").replace(",", "")
            kwargs = {} if executor is None else {"executor": executor}
            _, seconds[name] = timed(run_report, spec, BEHAVIORS, out, progress=False, **kwargs, **SETTINGS)
            outputs[name] = tables(out)
            print(f"{name}: {seconds[name]:.1f} s for {len(BEHAVIORS)} behaviours")
        first = next(iter(outputs.values()))
        print(
            f"CSV files: {len(first)} per run, the same bytes in every run: {all(o == first for o in outputs.values())}"
        )
    ratio = seconds["ray, 1 worker"] / seconds["ray, 2 workers"]
    print(f"ray 1 worker / 2 workers: {ratio:.2f}x")


if __name__ == "__main__":
    main()
