"""Runs and their differences said in the student's language: "η 0,1 → 1", "импульс выкл.", "Прогон 3".

The engine says what differs as data (``run_log.changes``); here each
setting's name is a catalogue entry and each value is written the way the
UI writes numbers (η exactly as the slider writes it), so the legend and the
list read like the rest of the window in either language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from nndesk.app.style.eta_text import eta_value
from nndesk.engine.runs.run_log import Change, RunRecord, changes
from nndesk.language import Number

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls
DatasetName = Callable[[str], str]  # a data set's spec -> the name the picker shows


def setting_name(key: str) -> str:
    names = {"dataset": translate("RunTexts", "data"), "layers": translate("RunTexts", "layers"),
             "hidden": translate("RunTexts", "hidden"), "activation": translate("RunTexts", "activation"),
             "cost": translate("RunTexts", "cost"), "optimizer": translate("RunTexts", "optimizer"),
             "learning_rate": "η", "momentum": translate("RunTexts", "momentum"), "l2": "L2 λ",
             "batch_size": translate("RunTexts", "batch"), "epochs": translate("RunTexts", "epochs"),
             "schedule": translate("RunTexts", "η schedule")}
    return names.get(key, key)


def value_text(key: str, value: Any, dataset_name: DatasetName = str) -> str:
    """One setting's value: η as the slider writes it, numbers in the UI's way, layers "784-30-10"."""
    if key in ("layers", "hidden"):
        return "-".join(str(n) for n in value) if value else translate("RunTexts", "none")
    if value is None:
        return translate("RunTexts", "none")
    if key == "learning_rate":
        return eta_value(value)
    if key == "dataset":
        return dataset_name(value)
    return f"{Number(value):g}" if isinstance(value, float) else str(value)


def change_text(change: Change, dataset_name: DatasetName = str) -> str:
    """"η 0.1 → 1", "momentum off", "hidden 30 → 100", "continued after epoch 20"."""
    key, before, after = change.key, change.before, change.after
    if key == "momentum" and not after:
        return translate("RunTexts", "momentum off")
    if key == "augment":
        return translate("RunTexts", "augmentation on") if after else translate("RunTexts", "augmentation off")
    if key == "continued_from":
        return (translate("RunTexts", "continued after epoch %1").replace("%1", str(after)) if after
                else translate("RunTexts", "fresh weights"))
    return (f"{setting_name(key)} {value_text(key, before, dataset_name)} → "
            f"{value_text(key, after, dataset_name)}")


def setting_text(key: str, record: RunRecord, dataset_name: DatasetName = str) -> str:
    """What one run had for a setting that differs among those shown: "η 0.1", "hidden 30", "fresh weights"."""
    s = record.settings
    if key == "hidden":
        return f"{setting_name(key)} {value_text(key, s['layers'][1:-1])}"
    if key == "momentum" and not s.get(key):
        return translate("RunTexts", "momentum off")
    if key == "augment":
        return translate("RunTexts", "augmentation on") if s.get(key) else translate("RunTexts", "augmentation off")
    if key == "continued_from":
        done = s.get(key) or 0
        return (translate("RunTexts", "continued after epoch %1").replace("%1", str(done)) if done
                else translate("RunTexts", "fresh weights"))
    return f"{setting_name(key)} {value_text(key, s.get(key), dataset_name)}"


def run_name(record: RunRecord) -> str:
    return translate("RunTexts", "Run %1").replace("%1", str(record.id))


def outcome_text(outcome: str) -> str:
    """How a run ended, for its "what" ("" for a run that did all its epochs)."""
    return {"running": translate("RunTexts", "training…"), "stopped": translate("RunTexts", "stopped"),
            "diverged": translate("RunTexts", "diverged"), "failed": translate("RunTexts", "failed")}.get(outcome, "")


def what_text(record: RunRecord, previous: RunRecord | None, dataset_name: DatasetName = str) -> str:
    """The list's short "what": the student's label, else what differs from the run before, and how it ended."""
    if record.label:
        what = record.label
    elif previous is None:
        what = translate("RunTexts", "first run")
    else:
        what = ", ".join(change_text(c, dataset_name) for c in changes(previous, record))
        what = what or translate("RunTexts", "same settings")
    ended = outcome_text(record.outcome)
    return f"{what} · {ended}" if ended else what


def legend_texts(records: list[RunRecord], dataset_name: DatasetName = str) -> list[str]:
    """One line per shown run: the first "Run 1: η 0.1", each other what it changed from the first."""
    if not records:
        return []
    base = records[0]
    keys = list(dict.fromkeys(c.key for r in records[1:] for c in changes(base, r)))
    first = ", ".join(setting_text(k, base, dataset_name) for k in keys)
    lines = [f"{run_name(base)}: {first}" if first else run_name(base)]
    for r in records[1:]:
        said = ", ".join(change_text(c, dataset_name) for c in changes(base, r))
        lines.append(f"{run_name(r)}: {said or translate('RunTexts', 'same settings')}")
    return lines
