"""Safe file I/O: atomic writes, exclusive locks on outputs, bounded reads of regular files.

- Writes go to a temporary file beside the target and replace it in one step: a reader never
  sees a half-written file and a crash loses nothing old. The target keeps its mode (a new file
  gets 0666 minus the umask), and a file the user cannot write is refused, not replaced.
- `locked(path)` holds an exclusive `flock` on a sidecar `.NAME.lock` for as long as a run
  writes `path` (a file or a folder); a second run fails at once with a message naming it.
- `read_bytes` / `read_text` read only regular files (symlinks to them are fine), at most
  `MAX_INPUT_BYTES`: a FIFO, a device such as /dev/zero or a huge file is refused by name.
"""

import contextlib
import fcntl
import json
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

MAX_INPUT_BYTES = 2**30  # 1 GiB: far above any dataset, vectors or generations file


class OutputInUse(OSError):
    """Another live run holds the lock on an output."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def _remove_orphans(path: Path) -> None:
    """Remove temporaries of `path` (`.NAME.PID.XXXX.tmp`) whose writing process is gone."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.(?:(\d+)\.)?[^.]+\.tmp")
    for stale in path.parent.iterdir():
        match = pattern.fullmatch(stale.name)
        if match and not (match.group(1) and _pid_alive(int(match.group(1)))):
            stale.unlink(missing_ok=True)


def _target_mode(path: Path) -> int:
    """The mode the written file gets: an existing file's own (refused if not writable), else 0666 minus the umask."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return 0o666 & ~_umask()
    if not os.access(path, os.W_OK) or not st.st_mode & 0o222:  # no write bit: protected even from root
        raise PermissionError(f"{path} is write-protected; make it writable or write elsewhere")
    return stat.S_IMODE(st.st_mode)


def write_atomic(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call `write(tmp_path)`, flush it to disk, then move the temporary file over `path` in one step.

    Temporary files that a killed earlier write of the same path left behind are removed; those a
    live process is still writing are left alone.

    Raises:
        PermissionError: `path` exists and the user cannot write it.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _target_mode(path)
    _remove_orphans(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, mode)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return path


def write_text(path: str | Path, text: str) -> Path:
    """Write text atomically."""

    def write(p: Path) -> None:
        p.write_text(text, encoding="utf-8")

    return write_atomic(path, write)


def write_json(path: str | Path, data: object) -> Path:
    """Write JSON atomically (UTF-8, indented)."""
    return write_text(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def write_csv(path: str | Path, frame) -> Path:
    """Write a DataFrame as CSV atomically."""
    return write_atomic(path, lambda p: frame.to_csv(p, index=False))


def lock_path(path: str | Path) -> Path:
    """The sidecar lock file of an output (a file or a folder): `.NAME.lock` beside it."""
    path = Path(path).absolute()
    return path.parent / f".{path.name}.lock"


@contextlib.contextmanager
def locked(path: str | Path) -> Iterator[Path]:
    """Hold an exclusive lock on the output `path` inside the `with` block (released when the process ends).

    Raises:
        OutputInUse: another live process holds it; the message names the output and that process.
    """
    sidecar = lock_path(path)
    sidecar.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(sidecar, os.O_RDWR | os.O_CREAT, 0o666 & ~_umask())
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise OutputInUse(
                f"{path} is being written by another caa-lens run (pid {holder}); "
                "wait for it to finish or write to another output",
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield Path(path)
    finally:
        os.close(fd)  # closing releases the lock


def _open_input(path: Path, limit: int) -> int:
    """A read-only descriptor of the regular file `path` of at most `limit` bytes (see `read_bytes`)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO opens at once instead of waiting for a writer
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise IsADirectoryError(f"{path}: is a folder, not a file") from None
    st = os.fstat(fd)
    if stat.S_ISREG(st.st_mode) and st.st_size <= limit:
        return fd
    os.close(fd)
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(f"{path}: is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise ValueError(f"{path}: is not a regular file (a pipe, device or socket); give a file")
    raise ValueError(f"{path}: is {st.st_size:,} bytes; inputs are read up to {limit:,} bytes")


def check_input(path: str | Path, limit: int = MAX_INPUT_BYTES) -> Path:
    """`path` if it is a regular file of at most `limit` bytes (for readers that open the file themselves).

    Raises:
        as `read_bytes`.
    """
    os.close(_open_input(Path(path), limit))
    return Path(path)


def read_bytes(path: str | Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file, at most `limit` of them (every input path reads through here).

    Raises:
        FileNotFoundError, IsADirectoryError: no such file, or a folder.
        ValueError: not a regular file (a FIFO, a device such as /dev/zero, a socket) or larger than `limit`.
    """
    path = Path(path)
    with os.fdopen(_open_input(path, limit), "rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:  # grew while being read
        raise ValueError(f"{path}: is more than {limit:,} bytes; inputs are read up to {limit:,} bytes")
    return data


def read_text(path: str | Path, encoding: str = "utf-8", limit: int = MAX_INPUT_BYTES) -> str:
    """`read_bytes` decoded (UnicodeDecodeError as usual when it is not `encoding`)."""
    return read_bytes(path, limit).decode(encoding)
