"""Atomic file writes: a reader never sees a half-written file, and a crash loses nothing old."""

import glob
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomic(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call `write(tmp_path)`, flush it to disk, then move the temporary file over `path` in one step.

    Temporary files a killed earlier write of the same path left behind (`.name.XXXX.tmp`) are removed.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        stale.unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; give the file the usual mode
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return path


def write_text(path: str | Path, text: str) -> Path:
    """Write text atomically."""
    return write_atomic(path, lambda p: p.write_text(text, encoding="utf-8"))


def write_json(path: str | Path, data: object) -> Path:
    """Write JSON atomically (UTF-8, indented)."""
    return write_text(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def write_csv(path: str | Path, frame) -> Path:
    """Write a DataFrame as CSV atomically."""
    return write_atomic(path, lambda p: frame.to_csv(p, index=False))
