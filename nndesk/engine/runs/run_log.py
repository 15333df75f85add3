"""Every training run, kept: its settings, each epoch's numbers and η, how it ended — and what two runs did differently.

A student learns what η does by training twice and comparing, so a run is
recorded from the moment Train starts it (fresh weights or continuing) until
it finishes, is stopped or diverges.  ``RunRecord`` is plain data (numbers,
strings, lists, dicts) so a session can keep it as JSON; ``from_dict`` reads
such a dict back and trusts nothing in it: a session file is as hostile as any
file, and one bad record raises ``ValueError`` with one line saying what.

Epochs in a record count from the run's own start (1, 2, …) so runs overlay
on one axis; ``settings["continued_from"]`` says how many epochs the weights
had already been trained.  An η change during the run sits in the epoch it
happened in, as (fractional epoch of the run, new η) pairs: the η markers.

``changes(a, b)`` lists the settings that differ as data (the window words
them in the student's language); ``differences(a, b)`` says them in English.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from nndesk.engine.runs import run_check as check
from nndesk.engine.runs.run_check import OUTCOMES, epoch_entry, finite

__all__ = ["OUTCOMES", "MAX_RUNS", "Change", "RunLog", "RunRecord", "changes", "differences", "epoch_entry", "now"]

MAX_RUNS = 1_000  # a session holding more is not one a student made
_WITH_MOMENTUM = ("momentum", "adam")  # SGD ignores μ: a different μ there is no difference


@dataclass
class RunRecord:
    """One run: what it was set to do, what each epoch measured, how it ended."""

    id: int
    started: str  # ISO 8601 time the run started
    settings: dict[str, Any]
    history: list[dict[str, Any]] = field(default_factory=list)  # per epoch, see ``epoch_entry``
    final: dict[str, Any] = field(default_factory=dict)  # the last epoch's numbers, epochs, seconds
    label: str = ""  # the student's own name for it; "" lets the window say what differed
    outcome: str = "running"  # one of OUTCOMES

    # ---- building, while the run trains -----------------------------------------
    def add_epoch(self, stats: Any) -> dict[str, Any]:
        """Append an engine ``EpochStats`` (numbered in the window's whole story) as the run's next epoch."""
        offset = int(self.settings.get("continued_from", 0))
        entry = epoch_entry(int(stats.epoch) - offset, stats.train_cost, stats.val_cost, stats.val_accuracy,
                            stats.learning_rate, [(x - offset, eta) for x, eta in stats.lr_changes])
        self.history.append(entry)
        self.final = {**{k: entry[k] for k in ("train_cost", "val_cost", "val_accuracy")}, "epochs": len(self.history),
                      "seconds": float(self.final.get("seconds") or 0.0) + finite(stats.seconds, 0.0)}
        return entry

    def end(self, outcome: str) -> None:
        if outcome not in OUTCOMES:
            raise ValueError(f"a run ends as one of {', '.join(OUTCOMES)}, not {outcome!r}")
        self.outcome = outcome

    def copy(self) -> RunRecord:
        """A copy a saving thread can read while this run goes on training (epochs are never edited once added)."""
        return RunRecord(self.id, self.started, dict(self.settings), list(self.history), dict(self.final),
                         self.label, self.outcome)

    def eta_marks(self) -> list[tuple[float, float]]:
        """Where η changed during the run, (fractional epoch, new η); a "change" to the η in force is none."""
        eta, marks = float(self.settings["learning_rate"]), []
        for entry in self.history:
            for x, new in entry["lr_changes"]:
                if new != eta and x > 0:
                    marks.append((x, new))
                eta = new
        return marks

    # ---- JSON -----------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values (no NaN: a missing number is None)."""
        return {"id": self.id, "started": self.started, "settings": _json(self.settings),
                "history": [{**e, "lr_changes": [list(c) for c in e["lr_changes"]]} for e in self.history],
                "final": dict(self.final), "label": self.label, "outcome": self.outcome}

    @classmethod
    def from_dict(cls, d: Any) -> RunRecord:
        """The record ``to_dict`` wrote; ``ValueError`` naming the first thing that is wrong."""
        return cls(*check.record_fields(d))


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class RunLog:
    """The session's runs, oldest first; ids keep counting up (a forgotten run's number is not reused)."""

    def __init__(self, records: Iterable[RunRecord] = ()) -> None:
        self.records: list[RunRecord] = list(records)
        if len(self.records) > MAX_RUNS:
            raise ValueError(f"at most {MAX_RUNS:,} runs, got {len(self.records):,}")
        ids = [r.id for r in self.records]
        if len(set(ids)) != len(ids):
            raise ValueError("two runs have the same id")

    def __len__(self) -> int:
        return len(self.records)

    def next_id(self) -> int:
        return max((r.id for r in self.records), default=0) + 1

    def start(self, settings: dict[str, Any], started: str | None = None) -> RunRecord:
        """A new run with the next id, settings checked as ``from_dict`` checks them, added."""
        record = RunRecord(self.next_id(), started or now(), check.settings(_json(settings), "a new run"))
        return self.add(record)

    def add(self, record: RunRecord) -> RunRecord:
        if any(r.id == record.id for r in self.records):
            raise ValueError(f"run {record.id} is already in the log")
        self.records.append(record)
        del self.records[:-MAX_RUNS]  # the oldest go first
        return record

    def remove(self, run_id: int) -> RunRecord:
        i = next(i for i, r in enumerate(self.records) if r.id == run_id)
        return self.records.pop(i)

    def get(self, run_id: int) -> RunRecord | None:
        return next((r for r in self.records if r.id == run_id), None)

    def to_list(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self.records]

    @classmethod
    def from_list(cls, items: Any) -> RunLog:
        if not isinstance(items, list):
            raise ValueError(f"the runs must be a list, got {type(items).__name__}")
        if len(items) > MAX_RUNS:
            raise ValueError(f"at most {MAX_RUNS:,} runs, got {len(items):,}")
        return cls(RunRecord.from_dict(d) for d in items)


# ---- what differs ------------------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    """One setting that differs from run ``a`` to run ``b``: its key and both values."""

    key: str  # a settings key, or "hidden" (the same inputs and outputs, other hidden layers)
    before: Any
    after: Any

    def text(self) -> str:
        """In English: "η 0.1 → 1", "momentum off", "hidden 30 → 100"."""
        name = _NAMES[self.key]
        if self.key == "momentum" and not self.after:
            return "momentum off"
        if self.key == "augment":
            return f"augmentation {'on' if self.after else 'off'}"
        if self.key == "continued_from":
            return f"continued after epoch {self.after}" if self.after else "fresh weights"
        return f"{name} {value_text(self.key, self.before)} → {value_text(self.key, self.after)}"


_NAMES = {"dataset": "data", "layers": "layers", "hidden": "hidden", "activation": "activation", "cost": "cost",
          "optimizer": "optimizer", "learning_rate": "η", "momentum": "momentum", "l2": "L2", "batch_size": "batch",
          "epochs": "epochs", "augment": "augmentation", "schedule": "schedule", "continued_from": "start"}


def value_text(key: str, value: Any) -> str:
    """A setting's value as written in a difference: layers "784-30-10", numbers as short as they go."""
    if key in ("layers", "hidden"):
        return "-".join(str(n) for n in value) or "none"
    if value is None:
        return "none"
    return f"{value:g}" if isinstance(value, float) else str(value)


def changes(a: RunRecord, b: RunRecord) -> list[Change]:
    """The settings ``b`` ran with that ``a`` did not, in a fixed order (data, layers, …, η, …)."""
    out = []
    for key in check.SETTINGS:
        before, after = a.settings.get(key), b.settings.get(key)
        if key == "continued_from":
            before, after = before or 0, after or 0
        if before == after or (key == "momentum" and not (
                a.settings.get("optimizer") in _WITH_MOMENTUM and b.settings.get("optimizer") in _WITH_MOMENTUM)):
            continue
        if key == "layers" and before and after and (before[0], before[-1]) == (after[0], after[-1]):
            out.append(Change("hidden", list(before[1:-1]), list(after[1:-1])))
        else:
            out.append(Change(key, before, after))
    return out


def differences(a: RunRecord, b: RunRecord) -> list[str]:
    """What ``b`` did differently from ``a``, in English: ["η 0.1 → 1", "hidden 30 → 100"]."""
    return [c.text() for c in changes(a, b)]


def _json(settings: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in settings.items()}
