"""Opening a model is a transaction: all of it is checked first, then everything switches at once — or nothing does.

The student trains XOR with Adam for 2 epochs in the real window, then opens each of the red team's
hostile files.  Every one must give exactly one dialog and leave the network (bit for bit), the
history, the optimizer and its state, the title and the model path as they were — also while
training runs, which must go on untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QMessageBox, QSpinBox, QToolButton

from tests.app.people import LEFT, answer_next_dialog, pick
from tests.engine.runs.hostile_models import HOSTILE, trained_model


@pytest.fixture(scope="module")
def good_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("good")
    return {name: trained_model(folder / f"{name}.npz", name, hidden=(5, 3)) for name in ("adam", "momentum")}


@pytest.fixture(scope="module")
def hostile_files(good_files, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {name: make(good_files[start].read_bytes(), folder / f"{i}.npz")
            for i, (name, (start, make)) in enumerate(HOSTILE.items())}


def click(window, name: str) -> None:
    button = window.findChild(QToolButton, name)
    assert button.isEnabled(), f"{name} is disabled"
    QTest.mouseClick(button, LEFT)


def type_epochs(window, n: int) -> None:
    box = window.findChild(QSpinBox, "epochsBox")
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(box, str(n))
    assert window.trainer.control.hyper.epochs == n


@pytest.fixture
def trained(qtbot, window):
    """The window after XOR, Adam, 2 epochs of training, chosen like a person."""
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    pick(window.findChild(QComboBox, "optimizerPicker"), "Adam")
    type_epochs(window, 2)
    with qtbot.waitSignal(window.trainer.finished, timeout=30_000):
        click(window, "trainButton")
    assert len(window.trainer.history) == 2 and window.trainer.optimizer.name == "adam"
    return window


def state_of(window) -> dict[str, Any]:
    t = window.trainer
    return {"network": window.document.network, "weights": [p.copy() for p in window.document.network.parameters()],
            "history": repr(t.history), "plotted": window.loss_plot.epochs.n, "title": window.windowTitle(),
            "path": window.model_path, "optimizer": t.optimizer, "recipe": window.recipe, "source": window.source,
            "state": {k: np.array(v, copy=True) for k, v in t.optimizer.state().items()},
            "hyper": t.control.hyper}


def assert_unchanged(window, before: dict[str, Any]) -> None:
    after = state_of(window)
    assert after["network"] is before["network"]
    assert all(np.array_equal(a, b) for a, b in zip(after["weights"], before["weights"], strict=True))
    assert after["optimizer"] is before["optimizer"]
    assert after["state"].keys() == before["state"].keys()
    assert all(np.array_equal(after["state"][k], before["state"][k]) for k in before["state"])
    for key in ("history", "plotted", "title", "path", "recipe", "source", "hyper"):
        assert after[key] == before[key], key


def the_one_dialog(qtbot, window, path: Path) -> None:
    """Exactly one message is showing, naming the file; the student closes it."""
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1, [b.text() for b in boxes]
    assert boxes[0].text() == window.tr("The file is damaged or is not an nndesk model. Your current network is "
                                        "unchanged.")
    assert str(path) in boxes[0].detailedText()
    boxes[0].button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not any(b.isVisible() for b in window.findChildren(QMessageBox)))


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_model_changes_nothing_and_shows_one_dialog(qtbot, trained, hostile_files, name):
    window = trained
    before = state_of(window)
    assert not window.load_model(hostile_files[name])
    the_one_dialog(qtbot, window, hostile_files[name])
    assert_unchanged(window, before)


def test_every_hostile_model_while_training_runs_leaves_the_run_alone(qtbot, trained, hostile_files):
    window, trainer = trained, trained.trainer
    type_epochs(window, 100_000)
    with qtbot.waitSignal(trainer.epochFinished, timeout=30_000):
        click(window, "trainButton")
    network, optimizer = window.document.network, trainer.optimizer
    title, path = window.windowTitle(), window.model_path
    for name, file in hostile_files.items():
        history = repr(trainer.history)
        assert not window.load_model(file), name
        the_one_dialog(qtbot, window, file)
        assert trainer.state == "running", name
        assert window.document.network is network and trainer.optimizer is optimizer
        assert (window.windowTitle(), window.model_path) == (title, path)
        assert repr(trainer.history).startswith(history[:-1]), name  # only ever more epochs
    done = len(trainer.history)
    qtbot.waitUntil(lambda: len(trainer.history) > done + 2, timeout=30_000)  # the run goes on
    with qtbot.waitSignal(trainer.finished, timeout=30_000):
        click(window, "stopButton")


def test_a_good_model_while_training_runs_asks_and_cancel_keeps_the_run(qtbot, trained, good_files):
    window, trainer = trained, trained.trainer
    type_epochs(window, 100_000)
    with qtbot.waitSignal(trainer.epochFinished, timeout=30_000):
        click(window, "trainButton")
    network, optimizer = window.document.network, trainer.optimizer
    answer_next_dialog(QMessageBox.StandardButton.Cancel)
    assert not window.load_model(good_files["momentum"])
    assert trainer.state == "running" and window.document.network is network and trainer.optimizer is optimizer
    assert window.model_path is None

    answer_next_dialog(QMessageBox.StandardButton.Discard)  # stop training, forget its unsaved weights
    assert window.load_model(good_files["momentum"])
    assert not trainer.is_active
    assert_opened(window, good_files["momentum"])


def epochs_of(history: list) -> list[int]:
    """Epoch numbers of the controller's history (reports as dicts, or typed ``EpochStats``)."""
    return [h["epoch"] if isinstance(h, dict) else h.epoch for h in history]


def assert_opened(window, path: Path) -> None:
    """Everything switched together: network, optimizer with its state, history, recipe, title, path."""
    from nndesk.engine.runs.model_io import load_model

    saved = load_model(path)
    assert window.model_path == path and window.windowTitle().startswith(path.name)
    assert all(np.array_equal(a, b) for a, b in zip(window.document.network.parameters(),
                                                    saved.network.parameters(), strict=True))
    assert epochs_of(window.trainer.history) == [s.epoch for s in saved.history]
    assert window.loss_plot.epochs.n == len(saved.history)
    opt = window.trainer.optimizer
    assert opt.name == saved.recipe.optimizer
    assert all(np.array_equal(opt.state()[k], saved.optimizer_state[k]) for k in saved.optimizer_state)
    assert window.recipe == saved.recipe and window.trainer.control.hyper == saved.recipe.hyper
    assert not window.isWindowModified()


def test_after_the_hostile_ones_a_good_model_opens_whole(qtbot, trained, hostile_files, good_files):
    window = trained
    for file in list(hostile_files.values())[:3]:
        assert not window.load_model(file)
        the_one_dialog(qtbot, window, file)
    answer_next_dialog(QMessageBox.StandardButton.Discard)  # the 2 trained epochs are unsaved
    assert window.load_model(good_files["adam"])
    assert_opened(window, good_files["adam"])
    assert window.trainer.optimizer.t == load_model_t(good_files["adam"])
    with qtbot.waitSignal(window.trainer.finished, timeout=30_000):  # and it trains on from there
        click(window, "trainButton")
    assert epochs_of(window.trainer.history) == [1, 2, 3, 4]


def load_model_t(path: Path) -> int:
    from nndesk.engine.runs.model_io import load_model

    return int(load_model(path).optimizer_state["t"])


def test_a_data_set_while_training_runs_is_read_first_then_asked_about(qtbot, trained, tmp_path):
    window, trainer = trained, trained.trainer
    type_epochs(window, 100_000)
    with qtbot.waitSignal(trainer.epochFinished, timeout=30_000):
        click(window, "trainButton")
    network, recipe = window.document.network, window.recipe
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"PK\x03\x04 not really")
    assert not window.use_dataset(str(broken))  # no question: the file fails before anything is asked
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and str(broken) in boxes[0].detailedText()
    boxes[0].button(QMessageBox.StandardButton.Close).click()
    assert trainer.state == "running" and window.document.network is network and window.recipe == recipe

    answer_next_dialog(QMessageBox.StandardButton.Cancel)
    assert not window.use_dataset("circles")
    assert trainer.state == "running" and window.document.network is network and window.recipe == recipe
    answer_next_dialog(QMessageBox.StandardButton.Discard)
    assert window.use_dataset("circles")
    assert not trainer.is_active and window.recipe.dataset == "circles" and trainer.history == []
