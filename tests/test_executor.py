"""The report on a real local Ray cluster (started and stopped here, loopback only): two workers,
each loading the tiny random model from its folder, give the in-process run's files byte for byte;
a worker killed mid-run loses nothing; a rerun after the driver was killed resumes."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from caa_lens.cli import main
from caa_lens.report.executor import InProcess, ModelSpec, RayExecutor, executor_for
from caa_lens.report.layout import ReportLayout
from caa_lens.report.run import run_report

from .conftest import ab_items, write_items

ray = pytest.importorskip("ray", reason="the ray extra: pip install -e '.[dev,ray]' (make setup)")

pytestmark = pytest.mark.integration
BEHAVIORS = ["tiny-behavior", "refusal"]
SETTINGS = dict(
    max_pairs=4, n_test=4, layers=(1, 2), multipliers=(-1.0, 0.0, 1.0), transfer_sources=1, transfer_items=4,
    max_new_tokens=3, detail_items=4, extras_for=(),
)  # fmt: skip
CLI_SETTINGS = [
    "--max-pairs", "4", "--n-test", "4", "--layers", "1-2", "--multipliers=-1,0,1", "--transfer-sources", "1",
    "--transfer-items", "4", "--max-new-tokens", "3", "--detail-items", "4", "--extras-for", "",
]  # fmt: skip


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    """A folder in the official CAA layout with two small behaviours."""
    root = tmp_path_factory.mktemp("caa")
    for seed, behavior in enumerate(BEHAVIORS):
        for split, name, items in (("generate", "generate_dataset.json", ab_items(8, seed)), ("test", "test_dataset_ab.json", ab_items(6, seed + 5))):  # fmt: skip
            (root / split / behavior).mkdir(parents=True)
            write_items(root / split / behavior / name, items)
    return root


@pytest.fixture(scope="module")
def spec(tiny_dir):
    return ModelSpec(str(tiny_dir), device="cpu", dtype="float32")


@pytest.fixture(scope="module")
def cluster():
    """A local Ray cluster on loopback, no dashboard; its address. Stopped after the module."""
    ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", configure_logging=False)
    try:
        yield ray.get_runtime_context().gcs_address
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def reference(spec, root, tmp_path_factory):
    """The in-process report."""
    out = tmp_path_factory.mktemp("inprocess")
    run_report(spec, BEHAVIORS, out, root=root, progress=False, **SETTINGS)
    return out


def tables(out: Path) -> dict[str, bytes]:
    """Every CSV and vector file of a report folder, by path inside it."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.suffix in (".csv", ".safetensors")
    }


def files_of(out: Path) -> list[str]:
    """Every file name in a report folder (temporary files of a killed write would show here)."""
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and ".lock" not in p.name)


def assert_same_report(out: Path, reference: Path):
    ours, theirs = tables(out), tables(reference)
    assert sorted(ours) == sorted(theirs)
    assert len(theirs) > 2 * 12  # each behaviour's tables and vectors, and the tables across them
    assert [k for k in theirs if ours[k] != theirs[k]] == []
    assert files_of(out) == files_of(reference)


def worker_pids(name: str = "ray::ReportWorker.run") -> list[int]:
    """Processes below this one (the cluster's workers) whose title is `name`: workers busy with a unit."""
    children: dict[int, list[int]] = {}
    titles = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            titles[int(entry.name)] = (entry / "cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")
        except OSError:
            continue
        children.setdefault(int(stat.rpartition(")")[2].split()[1]), []).append(int(entry.name))
    below, todo = [], [os.getpid()]
    while todo:
        kids = children.get(todo.pop(), [])
        below += kids
        todo += kids
    return [pid for pid in below if titles.get(pid, "").startswith(name)]


def test_executors_are_named_and_checked(spec):
    assert isinstance(executor_for("inprocess"), InProcess)
    assert executor_for("ray") == RayExecutor()
    with pytest.raises(ValueError, match="choose one of"):
        executor_for("dask")
    with pytest.raises(ValueError, match="at least 1"):
        RayExecutor(workers=0)
    with pytest.raises(TypeError, match="ModelSpec"):
        RayExecutor().open(object())


def test_ray_import_is_lazy():
    code = "import sys, caa_lens as cl, caa_lens.cli; cl.RayExecutor(), cl.run_report; print('ray' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_two_workers_give_the_in_process_files_though_one_is_killed(cluster, reference, root, tiny_dir, tmp_path):
    """`caa-lens report --executor ray --workers 2`, one worker's process killed while it computes a unit."""
    out, result, killed = tmp_path / "ray", {}, []
    argv = ["report", "--model", str(tiny_dir), "--device", "cpu", "--dtype", "float32", "--out", str(out)]
    argv += ["--behaviors", ",".join(BEHAVIORS), "--caa-root", str(root), *CLI_SETTINGS]

    def report():
        try:
            result["code"] = main([*argv, "--executor", "ray", "--workers", "2"])
        except BaseException as e:  # shown by the assertion below
            result["error"] = e

    thread = threading.Thread(target=report)
    thread.start()
    deadline = time.monotonic() + 300
    while not killed and thread.is_alive() and time.monotonic() < deadline:
        busy = worker_pids()
        if busy:
            os.kill(busy[0], signal.SIGKILL)
            killed.append(busy[0])
        time.sleep(0.02)
    thread.join(timeout=600)
    assert killed, "no worker was seen computing a unit"
    assert result == {"code": 0}
    assert_same_report(out, reference)  # nothing missing, nothing doubled, the same bytes
    deadline = time.monotonic() + 30
    while worker_pids("ray::ReportWorker") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert worker_pids("ray::ReportWorker") == []  # the actors are killed once the report is written


def test_a_rerun_after_the_driver_was_killed_resumes(cluster, reference, spec, root, tiny_dir, tmp_path):
    out = tmp_path / "resumed"
    code = "import sys; from caa_lens.cli import main; sys.exit(main(sys.argv[1:]))"
    argv = ["report", "--model", str(tiny_dir), "--device", "cpu", "--dtype", "float32", "--out", str(out)]
    argv += ["--behaviors", ",".join(BEHAVIORS), "--caa-root", str(root), *CLI_SETTINGS]
    argv += ["--executor", "ray", "--ray-address", cluster, "--workers", "1"]  # one worker: the units run in turn
    first = ReportLayout(out).behavior(BEHAVIORS[0]).summary
    driver = subprocess.Popen([sys.executable, "-c", code, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300
        while not first.is_file() and driver.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert first.is_file(), driver.stderr.read().decode()[-2000:] if driver.poll() is not None else "timed out"
        driver.kill()
    finally:
        driver.kill()
        driver.wait()
    assert not ReportLayout(out).page_data.is_file()  # the driver died before the report was finished
    finished = first.stat().st_mtime_ns
    run_report(spec, BEHAVIORS, out, root=root, progress=False, executor=RayExecutor(workers=1), **SETTINGS)
    assert first.stat().st_mtime_ns == finished  # the finished behaviour was not recomputed
    assert_same_report(out, reference)
