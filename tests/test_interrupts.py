"""Interrupted runs lose nothing and resume; the same command twice gives the same bytes."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from caa_lens.cli import main

from .conftest import ab_items, write_items

CLI = str(Path(sys.executable).parent / "caa-lens")


@pytest.fixture(scope="module")
def setup(tiny_dir, tmp_path_factory):
    root = tmp_path_factory.mktemp("interrupts")
    data = write_items(root / "d.json", ab_items(40, seed=3))
    vectors = root / "v.safetensors"
    assert main(["vectors", "--model", str(tiny_dir), "--data", str(data), "--out", str(vectors)]) == 0
    big = write_items(root / "big.json", ab_items(600, seed=4))  # long enough to interrupt
    prompts = root / "open.json"
    prompts.write_text(json.dumps([{"question": f"Tell me about day {k}."} for k in range(60)]))
    return root, data, vectors, prompts, big


def _start(args: list[str]) -> subprocess.Popen:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    # SIGINT back to its default in the child: a test run started in the background (`cmd &`)
    # inherits SIGINT ignored, and Python then never raises KeyboardInterrupt
    return subprocess.Popen(
        [CLI, *map(str, args)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _wait_for(proc: subprocess.Popen, ready, timeout: float = 120) -> None:
    start = time.monotonic()
    while not ready():
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() - start < timeout, "the command never got going"
        time.sleep(0.05)


def _progress_seen(proc, marker: bytes):
    seen = bytearray()
    os.set_blocking(proc.stderr.fileno(), False)

    def ready():
        chunk = proc.stderr.read()
        seen.extend(chunk or b"")
        return marker in seen

    return ready, seen


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]  # every line valid JSON


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["sigint", "sigkill"])
@pytest.mark.parametrize("command", ["sweep", "vectors"])
def test_interrupt_keeps_the_earlier_file(command, sig, setup, tiny_dir, tmp_path):
    root, _, vectors, _, data = setup
    out = tmp_path / ("s.csv" if command == "sweep" else "v.safetensors")
    out.write_text("earlier good file\n")
    args = ["--model", tiny_dir, "--data", data, "--out", out]
    args = [command, *args, *(["--vectors", vectors] if command == "sweep" else [])]
    proc = _start(args)
    ready, seen = _progress_seen(proc, b"sweep" if command == "sweep" else b"collect")
    _wait_for(proc, ready)
    proc.send_signal(sig)
    proc.wait(timeout=60)
    os.set_blocking(proc.stderr.fileno(), True)
    err = (bytes(seen) + proc.stderr.read()).decode()
    if sig == signal.SIGINT:  # one line, no traceback
        assert proc.returncode == 130 and "Traceback" not in err and "caa-lens: interrupted" in err
    else:
        assert proc.returncode == -signal.SIGKILL
    assert out.read_text() == "earlier good file\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_sigkill_mid_generation_leaves_valid_jsonl_and_a_rerun_completes_it(setup, tiny_dir, tmp_path):
    root, _, vectors, prompts, _ = setup
    out = tmp_path / "g.jsonl"
    args = ["generate", "--model", tiny_dir, "--vectors", vectors, "--data", prompts, "--layers", "1,2"]
    args += ["--multipliers", "-1,1", "--max-new-tokens", "6", "--batch-size", "2", "--out", out]
    proc = _start(args)
    _wait_for(proc, lambda: out.is_file() and len(out.read_text().splitlines()) >= 4)
    proc.kill()
    proc.wait(timeout=30)
    partial = _lines(out)
    assert 4 <= len(partial) < 2 * 2 * 60
    assert (
        subprocess.run(
            [CLI, *map(str, args)], capture_output=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}
        ).returncode
        == 0
    )
    rows = _lines(out)
    keys = [(r["layer"], r["multiplier"], r["item"]) for r in rows]
    assert len(rows) == 2 * 2 * 60 and len(set(keys)) == len(keys)  # none missing, none twice
    assert rows[: len(partial)] == partial  # what was written before the kill is kept as it was


def test_same_command_twice_gives_identical_bytes_and_seeds_matter(setup, tiny_dir, tmp_path):
    root, data, vectors, prompts, _ = setup
    sweep = [
        "sweep",
        "--model",
        tiny_dir,
        "--vectors",
        vectors,
        "--data",
        data,
        "--layers",
        "1",
        "--multipliers",
        "-1,1",
    ]
    for name in ("a.csv", "b.csv"):
        assert main([str(a) for a in sweep + ["--out", tmp_path / name]]) == 0
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    gen = ["generate", "--model", tiny_dir, "--vectors", vectors, "--data", prompts, "--layers", "1"]
    gen += ["--multipliers", "1", "--max-items", "6", "--max-new-tokens", "8", "--temperature", "1.0"]
    for name, seed in (("s1.jsonl", 1), ("s1b.jsonl", 1), ("s2.jsonl", 2)):
        assert main([str(a) for a in gen + ["--seed", seed, "--out", tmp_path / name]]) == 0
    replies = {n: [r["reply"] for r in _lines(tmp_path / n)] for n in ("s1.jsonl", "s1b.jsonl", "s2.jsonl")}
    assert (tmp_path / "s1.jsonl").read_bytes() == (tmp_path / "s1b.jsonl").read_bytes()
    assert replies["s1.jsonl"] != replies["s2.jsonl"]


def test_sigkill_mid_report_keeps_finished_behaviours_and_a_rerun_resumes(tiny_dir, tmp_path):
    root = tmp_path / "CAA"
    names = [f"b{k}" for k in range(4)]
    for seed, behavior in enumerate(names):
        for split, name, items in (("generate", "generate_dataset.json", ab_items(8, seed)), ("test", "test_dataset_ab.json", ab_items(6, seed + 5))):  # fmt: skip
            (root / split / behavior).mkdir(parents=True)
            write_items(root / split / behavior / name, items)
    out = tmp_path / "out"
    args = ["report", "--model", tiny_dir, "--caa-root", root, "--behaviors", ",".join(names), "--out", out]
    args += [
        "--max-pairs",
        "8",
        "--n-test",
        "6",
        "--multipliers=-1,0,1",
        "--transfer-sources",
        "1",
        "--max-new-tokens",
        "4",
    ]
    proc = _start(args)
    first = out / names[0] / "summary.json"
    _wait_for(proc, first.is_file)
    proc.kill()
    proc.wait(timeout=30)
    kept = first.read_bytes()
    json.loads(kept)  # complete, not half-written
    assert not (out / names[-1] / "summary.json").exists() and not (out / "report.html").exists()
    done = subprocess.run([CLI, *map(str, args)], capture_output=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert first.read_bytes() == kept  # the finished behaviour was skipped, not recomputed
    assert all((out / b / "summary.json").is_file() for b in names) and (out / "report.html").is_file()
    assert not list(out.rglob("*.tmp"))
