"""Temporary files of an atomic save: named after their writer, removed once that writer is gone.

A save writes ``.<name>.<pid>.<random>.tmp`` beside the target and renames it
over the target at the end.  If the writer is killed (``kill -9``, a power
cut) the temporary file stays — up to the model's size — and nothing else
would ever remove it.  So each save of a target first removes that target's
stale temporary files, and only those: same folder, the exact name pattern,
a regular file of this user, its writer's pid no longer alive, and not
modified for ``QUIET_SECONDS`` (a concurrent writer of the same file, even
one whose pid this process cannot see, keeps writing and so keeps it fresh).
Names from nndesk versions before the pid was added (``.<name>.<random>.tmp``)
are removed only after an hour untouched.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from pathlib import Path

QUIET_SECONDS = 10.0
LEGACY_SECONDS = 3600.0
_RANDOM = r"[a-z0-9_]{8}"  # what tempfile.mkstemp puts between prefix and suffix


def temp_prefix(path: Path) -> str:
    """What ``mkstemp(prefix=…, suffix=".tmp")`` needs to name a temporary file of ``path`` by this process."""
    return f".{path.name}.{os.getpid()}."


def remove_stale(path: Path) -> list[Path]:
    """Remove the abandoned temporary files of ``path``; returns those removed. Never raises."""
    pattern = re.compile(re.escape(f".{path.name}.") + rf"(?:(\d{{1,10}})\.)?{_RANDOM}\.tmp")
    removed = []
    now = time.time()
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        match = pattern.fullmatch(name)
        if match is None:
            continue
        candidate = path.parent / name
        with contextlib.suppress(OSError):
            if _abandoned(candidate, match.group(1), now):
                os.unlink(candidate)
                removed.append(candidate)
    return removed


def _abandoned(candidate: Path, pid: str | None, now: float) -> bool:
    st = os.lstat(candidate)
    if not stat.S_ISREG(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
        return False
    quiet = now - st.st_mtime
    if pid is None:
        return quiet > LEGACY_SECONDS
    return quiet > QUIET_SECONDS and int(pid) != os.getpid() and not alive(int(pid))


def alive(pid: int) -> bool:
    """True if a process of that pid exists (or might: when in doubt, the file is kept)."""
    if pid <= 0 or os.name == "nt":  # on Windows os.kill(pid, 0) would end the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True
    return True
