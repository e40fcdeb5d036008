"""Where a report's units of work run: in this process (the default) or on a Ray cluster.

A unit is one behaviour: `work(model, behavior, folder)` (the report's `analyse_behavior`) is a
pure function of the model, the behaviour, the settings and the data root that writes one folder,
its marker file (`summary.json`) last. An executor runs the units it is given and yields each
one's name once its folder is complete; the caller merges the folders in the behaviours' order, so
the result does not depend on where or in which order the units ran.

- `InProcess`: one model in this process, the units one after another (fastest on one machine).
- `RayExecutor`: one Ray actor per worker, each holding one model replica loaded once from a
  `ModelSpec`; units go to whichever actor is free; a finished unit's files come back to the
  driver, which writes them atomically (marker last) as each unit completes, so a rerun after a
  crash resumes and the cluster's machines need no shared file system; a unit whose worker died
  is rerun on a restarted or another worker. Ray is imported only here, when used
  (`pip install caa_lens[ray]`).
"""

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

EXECUTORS = ("inprocess", "ray")

Work = Callable[[object, str, Path], object]
"""`work(model, behavior, folder)`: computes one unit and writes its files into `folder`."""


@dataclass(frozen=True)
class ModelSpec:
    """How to load a model (`core.models.load_model`'s arguments), so each worker loads its own replica.

    Attributes:
        name: None for the embedded SmolLM2; a local model name, Hugging Face id, folder or `.gguf` file.
        device: e.g. "cpu" or "cuda" (default: CUDA when the worker has it).
        dtype: "auto", or e.g. "float32".
        device_map: e.g. "auto" to spread one replica over all the GPUs a worker holds.
    """

    name: str | None = None
    device: str | None = None
    dtype: str = "auto"
    device_map: str | None = None

    def load(self):
        """The model, loaded here."""
        from ..core.models import load_model

        return load_model(self.name, device=self.device, dtype=self.dtype, device_map=self.device_map)


@dataclass(frozen=True)
class Unit:
    """One behaviour's work: its name, the folder it fills and that folder's marker, written last."""

    behavior: str
    folder: Path
    marker: str


@runtime_checkable
class Session(Protocol):
    """An executor while it holds its models."""

    model_name: str
    dtype: str

    def run(self, work: Work, units: Sequence[Unit]) -> Iterator[str]:
        """Run every unit; yield each one's behaviour as soon as its folder is complete."""
        ...


@runtime_checkable
class Executor(Protocol):
    """Something that runs a report's units (`InProcess`, `RayExecutor`)."""

    def open(self, model) -> AbstractContextManager[Session]:
        """Load or take `model` (a loaded model or a `ModelSpec`) and hold it while the context lasts."""
        ...


class _Local:
    def __init__(self, model):
        from ..core.models import model_dtype, model_name

        self.model, self.model_name, self.dtype = model, model_name(model), model_dtype(model)

    def run(self, work: Work, units: Sequence[Unit]) -> Iterator[str]:
        for unit in units:
            work(self.model, unit.behavior, unit.folder)
            yield unit.behavior


@dataclass(frozen=True)
class InProcess:
    """Run the units one after another in this process, on one model (the default executor)."""

    @contextmanager
    def open(self, model) -> Iterator[Session]:
        """`model`: a loaded model, or a `ModelSpec` loaded here."""
        yield _Local(model.load() if isinstance(model, ModelSpec) else model)


@dataclass(frozen=True)
class RayExecutor:
    """Run the units on Ray actors, one model replica per worker.

    Attributes:
        address: a running cluster's address (e.g. "10.0.0.1:6379", or "auto" from a node of it);
            None starts a local cluster on this machine (loopback only, no dashboard) and stops it
            afterwards. A Ray connection already open in this process is used as it is.
        workers: actors, each loading one replica of the model.
        gpus_per_worker: GPUs each actor reserves (None: 1 where the cluster has GPUs, else 0);
            with `ModelSpec(device_map="auto")`, a whole node's GPUs make one replica.
        threads: torch threads in each actor (None: this process's count, so CPU reductions and
            hence the files are the same bytes as an in-process run).
        max_restarts: how often Ray restarts a dead actor (its unit then reruns there or on another).
    """

    address: str | None = None
    workers: int = 2
    gpus_per_worker: float | None = None
    threads: int | None = None
    max_restarts: int = 2

    def __post_init__(self):
        if self.workers < 1:
            raise ValueError(f"workers={self.workers}: need at least 1")
        if self.gpus_per_worker is not None and self.gpus_per_worker < 0:
            raise ValueError(f"gpus_per_worker={self.gpus_per_worker}: need 0 or more")

    def open(self, model) -> AbstractContextManager[Session]:
        """`model`: a `ModelSpec` (or a model name); each actor loads its own replica from it.

        Raises:
            TypeError: `model` is an already loaded model (its load arguments are needed instead).
            ModuleNotFoundError: Ray is not installed (`pip install caa_lens[ray]`).
        """
        if isinstance(model, str):
            model = ModelSpec(model)
        if not isinstance(model, ModelSpec):
            raise TypeError(
                "the ray executor loads the model in each worker: pass ModelSpec(name, device=..., dtype=...) "
                "(or a model name) instead of a loaded model"
            )
        try:
            from . import _ray
        except ModuleNotFoundError as e:
            if e.name != "ray":
                raise
            raise ModuleNotFoundError("the ray executor needs Ray: pip install 'caa_lens[ray]'", name="ray") from None
        return _ray.session(self, model)


def executor_for(executor: "str | Executor") -> Executor:
    """The executor named "inprocess" or "ray" (default options), or `executor` itself."""
    if not isinstance(executor, str):
        return executor
    if executor not in EXECUTORS:
        raise ValueError(f"executor {executor!r}: choose one of {', '.join(EXECUTORS)}")
    return InProcess() if executor == "inprocess" else RayExecutor()
