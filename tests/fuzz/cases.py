"""Turn hypothesis strategies into a fixed list of hostile files, and the paths no loader may open.

Hypothesis generates the cases in the parent (``collect``: derandomized, so
every run tries the same files and a failure reproduces), the files are
written to a temporary folder, and the harness loads them all in one worker.
"""

from __future__ import annotations

import hashlib
import os
import socket
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings, strategies as st

CASES = 500  # per loader (issue 9: at least 500)


def collect(strategy: st.SearchStrategy, n: int = CASES) -> list[Any]:
    """``n`` examples of ``strategy``, the same ones every run."""
    out: list[Any] = []

    @settings(max_examples=n, database=None, derandomize=True, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def gather(case: Any) -> None:
        out.append(case)

    gather()
    return out


def write_cases(folder: Path, cases: Sequence[Any], build: Callable[[Any], bytes], n: int = CASES,
                suffix: str = "") -> tuple[list[Path], dict[str, str]]:
    """The first ``n`` cases that make distinct files, one file each; returns the paths and each case's name.

    Hypothesis repeats itself (small seeds, favourite branches), so ask
    ``collect`` for about twice as many cases as files are needed.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths, names, seen = [], {}, set()
    for case in cases:
        data = build(case)
        digest = hashlib.sha1(data).digest()
        if digest in seen:
            continue
        seen.add(digest)
        path = folder / f"case{len(paths):04d}{suffix}"
        path.write_bytes(data)
        paths.append(path)
        names[str(path)] = f"case {len(paths) - 1} {case!r}"[:400]
        if len(paths) == n:
            break
    return paths, names


def special_paths(folder: Path) -> list[Path]:
    """A FIFO, a folder, a socket, devices, a symlink to the FIFO and a missing file: none is a file to read."""
    folder.mkdir(parents=True, exist_ok=True)
    fifo, sock, link = folder / "fifo.npz", folder / "sock.npz", folder / "link.npz"
    os.mkfifo(fifo)
    with socket.socket(socket.AF_UNIX) as s:  # the socket file stays after close
        s.bind(str(sock))
    link.symlink_to(fifo)
    (folder / "dir.npz").mkdir()
    return [fifo, sock, link, folder / "dir.npz", Path("/dev/zero"), Path("/dev/null"), folder / "missing.npz"]
