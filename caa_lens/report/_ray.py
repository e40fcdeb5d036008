"""The Ray executor's machinery: one actor per worker holding one model replica, and the driver's
scheduling loop (imported only when `RayExecutor` is used; needs `pip install caa_lens[ray]`).

Each actor loads its replica once, computes a unit into a private temporary folder and returns the
folder's files as bytes; the driver writes them into the report folder atomically, the marker
last. A unit whose actor dies is resubmitted by Ray once the actor restarts (`max_task_retries`)
and, when the actor is gone for good, rerun by the driver on another actor.
"""

import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ray
import torch

from .._io import write_atomic


class ReportWorker:
    """One model replica; runs units on it (a Ray actor class: `ray.remote(ReportWorker)`)."""

    def __init__(self, spec, threads: int):
        """`spec`: an `executor.ModelSpec`, loaded here once."""
        torch.set_num_threads(threads)  # the same CPU reductions as the in-process run: the same bytes
        self.model = spec.load()

    def describe(self) -> tuple[str, str, int]:
        """(model name, dtype, process id)."""
        from ..core.models import model_dtype, model_name

        return model_name(self.model), model_dtype(self.model), os.getpid()

    def run(self, work: Callable, behavior: str) -> dict[str, bytes]:
        """Compute one unit (`work(model, behavior, folder)`) in a temporary folder; its files (path inside the folder -> bytes)."""
        with tempfile.TemporaryDirectory(prefix="caa_lens_unit_") as tmp:
            folder = Path(tmp) / behavior
            work(self.model, behavior, folder)
            return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def write_unit(unit, files: dict[str, bytes]) -> None:
    """Write a finished `executor.Unit`'s files into its folder, each atomically, the marker last.

    Raises:
        ValueError: the files lack the marker or name a path outside the folder.
    """
    if unit.marker not in files:
        raise ValueError(f"{unit.behavior}: the worker returned no {unit.marker}")
    for name in sorted(files, key=lambda n: n == unit.marker):
        path = unit.folder / name
        if not path.resolve().is_relative_to(unit.folder.resolve()):
            raise ValueError(f"{unit.behavior}: the worker returned a file outside its folder: {name!r}")
        _write_bytes(path, files[name])


def _write_bytes(path: Path, data: bytes) -> None:
    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    write_atomic(path, write)


class _RaySession:
    def __init__(self, actors: list, model_name: str, dtype: str, pids: list[int]):
        self.actors, self.model_name, self.dtype, self.pids = actors, model_name, dtype, pids

    def run(self, work: Callable, units: Sequence) -> Iterator[str]:
        """Give each free actor the next unit; write each unit as it completes; rerun a dead actor's unit elsewhere."""
        pending, idle = deque(units), deque(self.actors)
        running: dict = {}  # task -> (actor, unit)
        while pending or running:
            while pending and idle:
                actor, unit = idle.popleft(), pending.popleft()
                running[actor.run.remote(work, unit.behavior)] = (actor, unit)
            if not running:
                raise RuntimeError(f"every Ray worker died; {len(pending)} units left undone (rerun to resume)")
            [ref], _ = ray.wait(list(running), num_returns=1)
            actor, unit = running.pop(ref)
            try:
                files = ray.get(ref)
            except ray.exceptions.RayActorError:  # its worker is gone for good: another one reruns the unit
                pending.appendleft(unit)
                continue
            write_unit(unit, files)
            idle.append(actor)
            yield unit.behavior


def _connect(config) -> bool:
    """Connect to the cluster (or start a local one); True when this call started the connection."""
    if ray.is_initialized():
        return False
    if config.address is None:
        ray.init(
            num_cpus=max(config.workers, os.cpu_count() or 1),
            include_dashboard=False,
            _node_ip_address="127.0.0.1",
            configure_logging=False,
            log_to_driver=False,
        )
    else:
        ray.init(address=config.address, configure_logging=False, log_to_driver=False)
    return True


@contextmanager
def session(config, spec) -> Iterator[_RaySession]:
    """Start `config.workers` actors (`config`: a `RayExecutor`) that each load `spec` (a `ModelSpec`); kill them (and a local cluster) afterwards.

    Raises:
        ValueError: the replicas disagree on the model or dtype (e.g. dtype "auto" on unlike machines).
    """
    started = _connect(config)
    actors: list[Any] = []  # actor handles
    try:
        gpus = config.gpus_per_worker
        if gpus is None:
            gpus = 1 if ray.cluster_resources().get("GPU", 0) > 0 else 0
        options = dict(num_cpus=1, num_gpus=gpus, max_restarts=config.max_restarts)
        options["max_task_retries"] = config.max_restarts
        threads = config.threads or torch.get_num_threads()
        worker: Any = ray.remote(ReportWorker).options(**options)
        actors = [worker.remote(spec, threads) for _ in range(config.workers)]
        described = ray.get([a.describe.remote() for a in actors])
        kinds = {(name, dtype) for name, dtype, _ in described}
        if len(kinds) > 1:
            raise ValueError(f"the workers loaded different models or dtypes {sorted(kinds)}; give an explicit dtype")
        (name, dtype), pids = kinds.pop(), [pid for _, _, pid in described]
        yield _RaySession(actors, name, dtype, pids)
    finally:
        for actor in actors:
            ray.kill(actor, no_restart=True)
        if started:
            ray.shutdown()
