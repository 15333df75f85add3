"""The fuzz worker: load many files under a 1 GiB address-space limit and classify each outcome.

Run by ``harness.run_cases`` as a script, one process per batch.  It reads one
JSON request on stdin ({"loader", "clean", "paths", "limit", "case_seconds"})
and writes one JSON line per case on its own copy of stdout, flushed at once,
so the parent knows how far it got if the process dies.  Whatever the loader
prints to stdout or stderr is captured per case (a clean failure must not spill
library warnings onto the user's terminal).
"""

from __future__ import annotations

import faulthandler
import importlib
import json
import os
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path


class CaseTimeout(BaseException):
    """Raised by SIGALRM: a BaseException, so a loader's ``except Exception`` cannot swallow it."""


def _resolve(name: str):
    module, _, attr = name.partition(":")
    return getattr(importlib.import_module(module), attr)


def _peak_kb() -> int:
    """This process's own peak RSS. Not ru_maxrss: Linux carries that across fork and exec, so a worker started
    by a pytest process of 900 MB would report 900 MB before loading anything."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _on_alarm(signum, frame):
    raise CaseTimeout


def main() -> None:
    request = json.loads(sys.stdin.read())
    limit = int(request["limit"])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))  # before numpy: imports must fit as well
    results = os.fdopen(os.dup(1), "w", buffering=1)
    faulthandler.enable(os.fdopen(os.dup(2), "w"))  # a crash's traceback goes to the real stderr, not the capture
    capture = tempfile.TemporaryFile()
    os.dup2(capture.fileno(), 1)
    os.dup2(capture.fileno(), 2)
    loader = _resolve(request["loader"])
    clean = tuple(_resolve(name) for name in request["clean"])
    signal.signal(signal.SIGALRM, _on_alarm)
    for path in request["paths"]:
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, float(request["case_seconds"]))
        try:
            result = loader(path)
            status, detail = "ok", type(result).__name__
            del result
        except CaseTimeout:
            status, detail = "crash", f"timeout after {request['case_seconds']} s"
        except clean as e:
            text = str(e)
            one_line = bool(text.strip()) and "\n" not in text
            hid = "MemoryError" in text or "internal error" in text  # a loader that wraps everything hides these
            status = "clean" if one_line and not hid else "crash"
            detail = text if one_line else f"not one line: {text!r}"
        except BaseException as e:  # MemoryError, a bug, anything else: the case fails
            status, detail = "crash", f"{type(e).__name__}: {e}"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        seconds = time.perf_counter() - start
        sys.stdout.flush(), sys.stderr.flush()
        capture.seek(0)
        output = capture.read(4000).decode("utf-8", "replace")
        capture.seek(0), capture.truncate()
        peak_kb = _peak_kb()
        results.write(json.dumps({"path": path, "status": status, "detail": detail, "output": output,
                                  "seconds": seconds, "peak_kb": peak_kb}) + "\n")


if __name__ == "__main__":
    main()
