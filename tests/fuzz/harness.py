"""Run many hostile files through a real loader in a memory-limited worker process, and name any failure.

One worker process loads a whole batch (spawning a process per case would
cost more than the cases); it runs under ``RLIMIT_AS`` = 1 GiB with one BLAS
thread, so a file that makes a loader allocate gigabytes fails as a
MemoryError instead of swapping the machine.  Every case ends as one of:

- ``ok``: the loader returned;
- ``clean``: it raised one of the expected errors (DataError, ModelError, …)
  whose message is one non-empty line, and does not wrap a MemoryError or an
  "internal error" (a loader that catches everything must not hide them);
- ``crash``: anything else — another exception, a multi-line message, a case
  timeout, or the worker dying.  When the worker dies, the rest of its batch
  is re-run one case per process, so the culprit is named, not guessed.

Usage::

    outcomes = run_cases("nndesk.engine.data.readers:read_npz", paths)
    assert_no_crash(outcomes)

``cases.py`` turns hypothesis strategies into distinct files (``collect``,
``write_cases``) and makes the paths no loader may open (``special_paths``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

WORKER = Path(__file__).with_name("worker.py")
LIMIT = 1 << 30  # bytes of address space per worker
CLEAN = ("nndesk.engine.data.readers:DataError", "nndesk.engine.runs.model_io:ModelError")


@dataclass(frozen=True)
class Outcome:
    path: str
    status: str  # "ok", "clean" or "crash"
    detail: str  # the result's type, the error's message, or what went wrong
    output: str = ""  # what the loader printed to stdout/stderr during this case
    seconds: float = 0.0
    peak_kb: int = 0  # the worker's peak RSS so far (monotonic across its batch)


def run_cases(loader: str, paths: Sequence[str | os.PathLike], *, clean: Iterable[str] = CLEAN,
              batch: int = 400, case_seconds: float = 5.0, limit: int = LIMIT) -> list[Outcome]:
    """One Outcome per path, in order; ``loader`` and ``clean`` are "module:name" importable in the worker."""
    paths = [os.fspath(p) for p in paths]
    clean = list(clean)
    out: list[Outcome] = []
    for i in range(0, len(paths), batch):
        part = paths[i:i + batch]
        got = _run_batch(loader, part, clean, case_seconds, limit)
        if len(got) < len(part):  # the worker died: one process per remaining case names the culprit
            for path in part[len(got):]:
                got += _run_batch(loader, [path], clean, case_seconds, limit) or [
                    Outcome(path, "crash", _death_note(loader, path, clean, case_seconds, limit))]
        out += got
    return out


def worker_env() -> dict[str, str]:
    """The environment a memory-limited numpy process needs: one BLAS thread (each reserves address space)."""
    env = dict(os.environ)
    env.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    return env


def _run_batch(loader: str, paths: list[str], clean: list[str], case_seconds: float, limit: int) -> list[Outcome]:
    out, _, _ = _spawn(loader, paths, clean, case_seconds, limit)
    return out


def _spawn(loader: str, paths: list[str], clean: list[str], case_seconds: float,
           limit: int) -> tuple[list[Outcome], int | None, str]:
    request = json.dumps({"loader": loader, "clean": clean, "paths": paths, "limit": limit,
                          "case_seconds": case_seconds})
    proc = subprocess.Popen([sys.executable, str(WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=worker_env(), text=True)
    try:
        stdout, stderr = proc.communicate(request, timeout=30 + case_seconds * len(paths))
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, stderr = proc.communicate()
    out = []
    for line in stdout.splitlines():
        try:
            out.append(Outcome(**json.loads(line)))
        except (ValueError, TypeError):
            break  # a half-written last line: the worker died while writing it
    return out, proc.returncode, stderr


def _death_note(loader: str, path: str, clean: list[str], case_seconds: float, limit: int) -> str:
    _, code, stderr = _spawn(loader, [path], clean, case_seconds, limit)
    last = stderr.strip().splitlines()[-3:] if stderr.strip() else []
    return f"the worker died (exit {code}): {' | '.join(last)}"


def crashes(outcomes: Iterable[Outcome]) -> list[Outcome]:
    return [o for o in outcomes if o.status == "crash"]


def assert_no_crash(outcomes: Sequence[Outcome], names: dict[str, str] | None = None) -> None:
    """Fail naming every case that crashed; ``names`` maps a path to a readable description of its case."""
    bad = crashes(outcomes)
    if bad:
        names = names or {}
        lines = [f"{names.get(o.path, o.path)}: {o.detail}" for o in bad[:20]]
        raise AssertionError(f"{len(bad)} of {len(outcomes)} cases crashed:\n" + "\n".join(lines))
