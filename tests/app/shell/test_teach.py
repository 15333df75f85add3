"""The pad learns your handwriting: draw, label, keep thirty digits, Teach, and it reads that hand better.

A person with an unusual hand — a 1 with a flag and a base, a closed 4 with
a foot, a boxy 6 — draws with the mouse on the real pad, says which digit
each is with the keyboard, keeps each with "Add to my digits", and presses
Teach.  The ready-trained network misreads that hand; after the Teach run
(an ordinary run in the worker: Train locked meanwhile, Stop available) it
reads the held-out drawings and fresh ones of the same hand better, the
panel's numbers agree with the network's own, Train is back, and the saved
model file says that my digits took part.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from nndesk.engine.runs import teach
from nndesk.engine.runs.model_io import load_model
from tests.app.people import answer_next_dialog, on_paper, pick, stroke

# A person's hand, on the pad's paper (0–1); each drawing wobbles around it (``_draw``).
HAND = {
    1: [[(0.20, 0.45), (0.40, 0.30), (0.58, 0.18), (0.58, 0.82)], [(0.30, 0.82), (0.85, 0.82)]],
    4: [[(0.75, 0.85), (0.75, 0.15), (0.20, 0.60), (0.85, 0.60)], [(0.55, 0.85), (0.90, 0.85)]],
    6: [[(0.65, 0.20), (0.30, 0.20), (0.30, 0.80), (0.70, 0.80), (0.70, 0.50), (0.30, 0.50)]],
}
KEPT, FRESH = 10, 3  # drawings of each digit kept in my digits; drawn afterwards to check, never kept
TEACH_EPOCHS = 3  # CI: a short Teach (the app's own is teach.EPOCHS)


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path, monkeypatch):
    """My digits are saved in the per-user data folder: this test's own, before the window opens."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(teach, "EPOCHS", TEACH_EPOCHS)


def _draw(pad, digit: int, rng: np.random.Generator) -> None:
    """Clear the pad (right-click), then draw ``digit`` in this hand: a little bigger or smaller, shifted,
    every corner a little elsewhere, as no two drawings of a person are alike."""
    QTest.mouseClick(pad, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
    sx, sy = rng.uniform(0.85, 1.1, 2)
    dx, dy = rng.uniform(-0.06, 0.06, 2)
    for line in HAND[digit]:
        points = [(0.5 + (x - 0.5) * sx + dx + rng.normal(0, 0.015), 0.5 + (y - 0.5) * sy + dy + rng.normal(0, 0.015))
                  for x, y in line]
        stroke(pad, on_paper(pad, points))


def _reads(network, images: np.ndarray, labels: np.ndarray) -> float:
    return float(np.mean(network.feedforward(images.reshape(len(images), -1)).argmax(axis=1) == labels))


def test_teach_learns_my_hand_on_drawings_it_held_out_and_the_file_says_so(window, qtbot, tmp_path):
    started = time.monotonic()
    dock, rng = window.draw_widget, np.random.default_rng(7)
    window.draw_dock.raise_()
    add = dock.findChild(type(dock.step_button), "addToMyDigitsButton")
    assert not window.teach_panel.button.isEnabled() and "at least 5" in window.teach_panel.button.toolTip()
    for digit in HAND:
        for _ in range(KEPT):
            _draw(dock.pad, digit, rng)
            if dock.target.currentText() != str(digit):
                pick(dock.target, str(digit))  # "It is a": the arrow keys, as a person on the keyboard
            QTest.mouseClick(add, Qt.MouseButton.LeftButton)
    assert len(window.my_digits) == len(HAND) * KEPT
    assert window.my_digits.counts()[list(HAND)].tolist() == [KEPT] * len(HAND)
    fresh, fresh_labels = [], []
    for digit in HAND:  # more of the same hand, never kept: Teach has never seen these
        for _ in range(FRESH):
            _draw(dock.pad, digit, rng)
            fresh.append(dock.image())
            fresh_labels.append(digit)
    fresh, fresh_labels = np.array(fresh), np.array(fresh_labels)

    labels, images = window.my_digits.y, window.my_digits.x
    held = teach.held_out(labels, 0)  # the first Teach's turn
    before = window.document.network.copy()
    assert _reads(before, images[held], labels[held]) <= 0.5  # the ready-trained network misreads this hand
    assert _reads(before, fresh, fresh_labels) <= 0.5

    panel = window.teach_panel
    window.teach_dock.raise_()
    qtbot.waitUntil(panel.button.isVisible)
    assert panel.button.isEnabled(), panel.button.toolTip()
    assert "holds out 6" in panel.plan.text()
    train, epochs_before = window.training_dock.train_action, len(window.trainer.history)  # the ready-trained 400
    with qtbot.waitSignal(window.trainer.finished, timeout=120_000):
        QTest.mouseClick(panel.button, Qt.MouseButton.LeftButton)
        assert window.trainer.is_active and window.is_teaching
        assert not train.isEnabled() and not panel.button.isEnabled()  # one run at a time
        assert window.training_dock.stop_action.isEnabled() and panel.stop_button.isEnabled()
        assert panel.progress.isVisible()
        assert window.trainer.control.hyper.epochs == TEACH_EPOCHS  # the Training dock shows Teach's settings
    assert not window.is_teaching
    assert len(window.trainer.history) == epochs_before + TEACH_EPOCHS  # an ordinary run: on the cost plot too

    after = window.document.network
    scores = panel.scores()
    assert scores is not None and scores.mine_after > scores.mine_before
    assert scores.mine_before == pytest.approx(_reads(before, images[held], labels[held]))
    assert scores.mine_after == pytest.approx(_reads(after, images[held], labels[held]))  # the panel tells the truth
    assert scores.mine_after >= 0.8
    assert _reads(after, fresh, fresh_labels) > _reads(before, fresh, fresh_labels)  # and the hand, not the drawings
    assert scores.validation_after > 0.9  # it still reads MNIST
    assert "held out: 6" in panel.scores_view.row_texts()[0] and panel.summary.text()

    assert train.isEnabled() and train.text() == "Train"  # Train is back
    assert window.trainer.control.hyper.epochs == window.recipe.hyper.epochs  # the student's settings too
    assert window.training_dock.epochs.value() == window.recipe.hyper.epochs
    assert panel.button.isEnabled() and "turn 2 of 5" in panel.plan.text()  # the next Teach holds out the next fifth

    path = tmp_path / "taught.npz"
    assert window.save_model(path)
    loaded = load_model(path)
    assert loaded.metadata["taught_with"] == {"my_digits": 24, "held_out": 6, "held_out_turn": 0}
    assert _reads(loaded.network, images[held], labels[held]) == scores.mine_after
    window.reset()  # another network: my digits took no part in it
    assert window.taught_with is None
    answer_next_dialog(QMessageBox.StandardButton.Discard)  # the reset network is not worth keeping
    assert window.load_model(path) and window.taught_with == loaded.metadata["taught_with"]
    assert "turn 2 of 5" in panel.plan.text()  # the opened network's next Teach holds out the fold after its own
    print(f"teach test: {time.monotonic() - started:.1f} s")


def _some_digits(window, n_per_class: int = 4) -> None:
    """Digits from the data set as if drawn (fast: this test is about the run, not the drawing)."""
    from nndesk.engine.data.my_digits import MyDigits

    train, mine = window.source.train, MyDigits()
    for digit in (2, 3, 5):
        for i in np.flatnonzero(train.y == digit)[:n_per_class]:
            mine.add(np.zeros((280, 280), np.uint8), train.x[i].reshape(28, 28).astype(np.float32) / 255, digit)
    window.set_my_digits(mine)


def test_stop_ends_teach_early_and_train_and_the_settings_come_back(window, qtbot):
    panel, dock = window.teach_panel, window.training_dock
    _some_digits(window)
    window.teach_dock.raise_()
    qtbot.waitUntil(panel.button.isVisible)
    assert panel.button.isEnabled(), panel.button.toolTip()
    epochs, eta = window.trainer.control.hyper.epochs, window.trainer.control.hyper.learning_rate
    with qtbot.waitSignal(window.trainer.finished, timeout=60_000):
        QTest.mouseClick(panel.button, Qt.MouseButton.LeftButton)
        assert window.trainer.control.hyper.learning_rate == teach.LEARNING_RATE
        assert "Training is running" in panel.button.toolTip()
        QTest.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)  # the Training dock's own Stop
    assert "stopped early" in panel.result_title.text() and panel.scores() is not None
    assert dock.train_action.isEnabled() and dock.reset_action.isEnabled() and panel.button.isEnabled()
    assert (window.trainer.control.hyper.epochs, window.trainer.control.hyper.learning_rate) == (epochs, eta)
    held = int(teach.held_out(window.my_digits.y, 0).sum())
    assert window.taught_with == {"my_digits": 12 - held, "held_out": held, "held_out_turn": 0}  # its batches count
    assert "turn 2 of 5" in panel.plan.text()
    answer_next_dialog(QMessageBox.StandardButton.Discard)  # the taught network is not worth keeping
    window.reset()  # my digits take no part in the new network; the turns go on
    assert window.taught_with is None and "turn 2 of 5" in panel.plan.text()


def test_teach_waits_for_digits_data_and_enough_digits(window, qtbot):
    panel = window.teach_panel
    _some_digits(window, n_per_class=1)  # three digits, each drawn once
    assert not panel.button.isEnabled() and "at least 5" in panel.button.toolTip()
    _some_digits(window)
    assert panel.button.isEnabled()
    window.use_dataset("xor")
    assert not panel.button.isEnabled() and "28×28" in panel.button.toolTip()
