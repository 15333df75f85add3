"""What a run record read from a file must be before any of it is used (``run_log.RunRecord.from_dict``).

A session file is as hostile as any file: every field is checked for its type
and range, unknown fields are refused, sizes are bounded before anything is
built, and a message is one line that names the run and the field.  Numbers a
record cannot hold as JSON (NaN, ∞: no validation set) are kept as None.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from nndesk.engine.runs.recipe import MAX_EPOCHS

OUTCOMES = ("running", "finished", "stopped", "diverged", "failed")
MAX_TEXT = 300  # characters in any name or label
MAX_LAYERS = 64
MAX_MARKS = 10_000  # η changes in one epoch (the slider sends ≤ 10 a second)
EPOCH_KEYS = {"epoch", "train_cost", "val_cost", "val_accuracy", "learning_rate", "lr_changes"}
FINAL_KEYS = {"train_cost", "val_cost", "val_accuracy", "epochs", "seconds"}
RECORD_KEYS = {"id", "started", "settings", "history", "final", "label", "outcome"}
# setting -> what it may hold; the order is the order differences are listed in
SETTINGS: dict[str, str] = {
    "dataset": "text", "layers": "layers", "activation": "text", "cost": "text", "optimizer": "text",
    "learning_rate": "positive", "momentum": "fraction", "l2": "nonnegative", "batch_size": "count",
    "epochs": "count", "augment": "bool", "schedule": "text?", "continued_from": "count0",
}
REQUIRED = ("dataset", "layers", "learning_rate")
_FLOATS = ("positive", "fraction", "nonnegative")


def epoch_entry(epoch: int, train_cost: float, val_cost: float, val_accuracy: float, learning_rate: float,
                lr_changes: Iterable[tuple[float, float]] = ()) -> dict[str, Any]:
    """One epoch as a record keeps it: numbers that are NaN/∞ (no validation set) become None."""
    return {"epoch": int(epoch), "train_cost": finite(train_cost), "val_cost": finite(val_cost),
            "val_accuracy": finite(val_accuracy), "learning_rate": float(learning_rate),
            "lr_changes": [(float(x), float(eta)) for x, eta in lr_changes]}


def record_fields(d: Any) -> tuple:
    """(id, started, settings, history, final, label, outcome) of a record dict, each checked."""
    if not isinstance(d, dict):
        raise ValueError(f"a run must be a JSON object, got {type(d).__name__}")
    keys(d, RECORD_KEYS, {"id", "started", "settings"}, "a run")
    rid = d["id"]
    if not (is_int(rid) and 1 <= rid < 2**31):
        raise ValueError(f"a run's id must be a whole number ≥ 1, got {shown(rid)}")
    where = f"run {rid}"
    started = text(d["started"], f"{where}: started")
    try:
        datetime.fromisoformat(started)
    except ValueError:
        raise ValueError(f"{where}: started must be an ISO time, got {shown(started)}") from None
    history = d.get("history", [])
    if not isinstance(history, list) or len(history) > MAX_EPOCHS:
        raise ValueError(f"{where}: the history must be a list of at most {MAX_EPOCHS:,} epochs")
    epochs = [epoch(e, f"{where}, epoch {i + 1}") for i, e in enumerate(history)]
    if any(b["epoch"] <= a["epoch"] for a, b in zip(epochs, epochs[1:])):
        raise ValueError(f"{where}: the history's epochs must go up")
    outcome = d.get("outcome", "finished")
    if outcome not in OUTCOMES:
        raise ValueError(f"{where}: outcome must be one of {', '.join(OUTCOMES)}, got {shown(outcome)}")
    return (rid, started, settings(d["settings"], where), epochs, final(d.get("final", {}), where),
            text(d.get("label", ""), f"{where}: label", empty=True), outcome)


def settings(d: Any, where: str) -> dict[str, Any]:
    """A run's settings, each known key of its kind (η > 0, 0 ≤ μ < 1, layers 2..64 sizes…)."""
    if not isinstance(d, dict):
        raise ValueError(f"{where}: settings must be an object")
    keys(d, set(SETTINGS), set(REQUIRED), f"{where}'s settings")
    out = {}
    for key, value in d.items():
        kind, ok = SETTINGS[key], False
        if kind == "text" or (kind == "text?" and value is not None):
            ok = isinstance(value, str) and 0 < len(value) <= MAX_TEXT
        elif kind == "text?":
            ok = True
        elif kind == "layers":
            ok = (isinstance(value, (list, tuple)) and 2 <= len(value) <= MAX_LAYERS
                  and all(is_int(n) and 1 <= n <= 10_000_000 for n in value))
        elif kind == "bool":
            ok = isinstance(value, bool)
        elif kind in ("count", "count0"):
            ok = is_int(value) and (1 if kind == "count" else 0) <= value <= 10**9
        elif is_number(value) and math.isfinite(value):
            ok = {"positive": value > 0, "fraction": 0 <= value < 1, "nonnegative": value >= 0}[kind]
        if not ok:
            raise ValueError(f"{where}: the setting {key} can't be {shown(value)}")
        out[key] = list(value) if kind == "layers" else float(value) if kind in _FLOATS else value
    return out


def epoch(e: Any, where: str) -> dict[str, Any]:
    if not isinstance(e, dict):
        raise ValueError(f"{where}: an epoch must be an object")
    keys(e, EPOCH_KEYS, EPOCH_KEYS, where)
    if not (is_int(e["epoch"]) and 1 <= e["epoch"] <= 10**9):
        raise ValueError(f"{where}: epoch must be a whole number ≥ 1, got {shown(e['epoch'])}")
    numbers = {k: _maybe_number(e[k], k, where) for k in ("train_cost", "val_cost", "val_accuracy")}
    if numbers["val_accuracy"] is not None and not 0 <= numbers["val_accuracy"] <= 1:
        raise ValueError(f"{where}: val_accuracy must be from 0 to 1")
    eta = e["learning_rate"]
    if not (is_number(eta) and math.isfinite(eta) and eta > 0):
        raise ValueError(f"{where}: learning_rate must be a number > 0, got {shown(eta)}")
    marks = e["lr_changes"]
    if not isinstance(marks, list) or len(marks) > MAX_MARKS:
        raise ValueError(f"{where}: lr_changes must be a list of at most {MAX_MARKS:,} [epoch, η] pairs")
    for m in marks:
        if not (isinstance(m, (list, tuple)) and len(m) == 2 and all(is_number(v) and math.isfinite(v) for v in m)
                and m[1] > 0):
            raise ValueError(f"{where}: an η change must be [epoch, η > 0], got {shown(m)}")
    return epoch_entry(e["epoch"], *(_nan(numbers[k]) for k in ("train_cost", "val_cost", "val_accuracy")),
                       eta, [(m[0], m[1]) for m in marks])


def final(d: Any, where: str) -> dict[str, Any]:
    if not isinstance(d, dict):
        raise ValueError(f"{where}: final must be an object")
    keys(d, FINAL_KEYS, set(), f"{where}'s final")
    out = {k: _maybe_number(v, k, where) for k, v in d.items()}
    if out.get("epochs") is not None and not (is_int(d["epochs"]) and d["epochs"] >= 0):
        raise ValueError(f"{where}: final epochs must be a whole number ≥ 0")
    return out


def keys(d: dict, allowed: set[str], required: set[str], what: str) -> None:
    if not all(isinstance(k, str) for k in d):
        raise ValueError(f"{what} has a key that is not text")
    if unknown := set(d) - allowed:
        raise ValueError(f"{what} has unknown field(s): {shown(', '.join(sorted(unknown)[:5]))}")
    if missing := required - set(d):
        raise ValueError(f"{what} lacks {', '.join(sorted(missing))}")


def text(v: Any, what: str, empty: bool = False) -> str:
    if not isinstance(v, str) or len(v) > MAX_TEXT or (not v and not empty):
        raise ValueError(f"{what} must be text of at most {MAX_TEXT} characters, got {shown(v)}")
    return v


def shown(v: Any) -> str:
    """A value in a message: one line, at most ~40 characters (a hostile file's megabyte stays out)."""
    r = repr(v).replace("\n", " ")
    return r if len(r) <= 40 else r[:37] + "…"


def finite(v: Any, default: float | None = None) -> float | None:
    v = float(v)
    return v if math.isfinite(v) else default


def _maybe_number(v: Any, key: str, where: str) -> float | int | None:
    if v is None:
        return None
    if not (is_number(v) and math.isfinite(v)):
        raise ValueError(f"{where}: {key} must be a finite number or null, got {shown(v)}")
    return v


def _nan(v: float | None) -> float:
    return math.nan if v is None else float(v)


def is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)
