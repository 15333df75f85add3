"""How the ``nndesk`` commands talk: exit codes, one-line errors, strict JSON, a download bar.

They talk in the language ``--lang`` or the locale asks for (``nndesk.language``,
the window's catalogue, context "cli"); errors from the engine are said again
in it by ``engine_texts``.  JSON stays English: it is for programs.
"""

from __future__ import annotations

import json
import math
import sys
import time
from typing import Any

from nndesk.engine_texts import in_language
from nndesk.language import Number, translate

EXIT_ERROR, EXIT_USAGE, EXIT_DIVERGED, EXIT_INTERRUPTED = 1, 2, 3, 130


class UsageError(ValueError):
    """A bad option value found after parsing (exit status 2)."""


def fail(message: str, code: int = EXIT_ERROR) -> int:
    """One line on stderr, "nndesk: error: …", in the language spoken; returns the exit ``code``."""
    error = translate("cli", "error:")
    print(f"nndesk: {error} {' '.join(in_language(message).split())}", file=sys.stderr, flush=True)
    return code


def note(message: str) -> None:
    """A remark on stderr that is not an error: "nndesk: note: …"."""
    label = translate("cli", "note:")
    print(f"nndesk: {label} {message}", file=sys.stderr, flush=True)


def emit_json(obj: dict[str, Any]) -> None:
    """One strict-JSON line on stdout: NaN and ±inf become null."""
    print(json.dumps(_strict(obj), ensure_ascii=False), flush=True)


def _strict(v: Any) -> Any:
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if isinstance(v, dict):
        return {k: _strict(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_strict(x) for x in v]
    return v


class ProgressBar:
    """A one-line text bar on stderr, redrawn with \\r, at most ten times a second."""

    def __init__(self, stream=None, width: int = 30) -> None:
        self.stream, self.width, self._last, self._name = stream or sys.stderr, width, 0.0, None
        self._open = False  # a line is drawn but not ended

    def __call__(self, name: str, done: int, total: int) -> None:
        now = time.monotonic()
        finished = total > 0 and done >= total
        if name == self._name and not finished and now - self._last < 0.1:
            return
        self._name, self._last = name, now
        frac = min(done / total, 1.0) if total > 0 else 0.0
        bar = "#" * round(frac * self.width)
        mb = translate("cli", "MB")
        self.stream.write(f"\r{name:<28} [{bar:<{self.width}}] {frac:4.0%} {Number(done / 1e6):6.1f}/"
                          f"{Number(total / 1e6):.1f} {mb}")
        self._open = not finished
        if finished:
            self.stream.write("\n")
        self.stream.flush()

    def close(self) -> None:
        """End a half-drawn line, so a following message starts on its own line."""
        if self._open:
            self.stream.write("\n")
            self.stream.flush()
            self._open = False
