"""Atomic saves: write a temporary file beside the target, fsync it, rename it over the target.

A crash midway leaves the old file intact; the temporary file is named after its
writer (``stale_temps``), so the next save of the same target removes what a killed
writer left.  Every file nndesk writes (models, sessions, my digits) goes through here.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import numpy as np

from nndesk.engine.data import stale_temps


def write_atomic(path: str | os.PathLike, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write(f)`` on ``.<name>.<pid>.<random>.tmp``, fsync, rename over ``path``; return ``path``."""
    path = Path(path)
    stale_temps.remove_stale(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=stale_temps.temp_prefix(path), suffix=".tmp", dir=path.parent)
    except OSError as e:  # name the file the user asked for, not the temporary one
        raise OSError(e.errno, e.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; the file is an ordinary document
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable (POSIX; not on Windows)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return path


def write_npz_atomic(path: str | os.PathLike, arrays: dict[str, np.ndarray], compressed: bool = False) -> Path:
    """``np.savez`` (or ``savez_compressed``) of plain arrays, atomically."""
    save = np.savez_compressed if compressed else np.savez
    return write_atomic(path, lambda f: save(f, **arrays))
