"""The status bar tells the truth: a run's own epochs and target, a final line, no time left when nothing runs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QMessageBox, QSlider, QSpinBox, QToolButton

from nndesk.app.shell import i18n
from tests.app.people import LEFT, answer_next_dialog, pick, type_number


def _click(window, name: str) -> None:
    QTest.mouseClick(window.findChild(QToolButton, name), LEFT)


def _xor(window, epochs: int, pace: str) -> None:
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    pick(window.findChild(QComboBox, "pacePicker"), pace)
    type_number(window.findChild(QSpinBox, "epochsBox"), epochs)


def _train_to_the_end(window, qtbot) -> None:
    with qtbot.waitSignal(window.trainer.finished, timeout=20_000):
        _click(window, "trainButton")


@pytest.fixture
def english(qapp):
    yield
    i18n.install("en")


def test_a_finished_run_says_how_it_went_and_a_second_run_counts_on(window, qtbot) -> None:
    status = window.status
    _xor(window, 20, "100 epochs a second")
    assert status.epoch_label.text() == "Epoch 0 of 20" and status.summary_label.text() == ""
    _train_to_the_end(window, qtbot)
    last = window.trainer.history[-1]
    accuracy = f"{100 * last.val_accuracy:.3g}"
    assert status.summary_label.text() == f"Done: epochs 1–20, accuracy {accuracy} %, cost {last.train_cost:.2g}"
    assert status.epoch_label.text() == "Epoch 20 of 20"
    assert not status.time_left_label.isVisible() and not status.speed_label.isVisible()
    slider = window.findChild(QSlider, "learningRateSlider")
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_PageDown)  # a setting changes after the run: the run's numbers stay
    assert status.epoch_label.text() == "Epoch 20 of 20"
    assert status.summary_label.text().startswith("Done: epochs 1–20")

    seen = []
    window.trainer.epochFinished.connect(lambda _: seen.append(status.epoch_label.text()))
    _train_to_the_end(window, qtbot)  # another 20: the history's count goes on, the target with it
    assert seen[0] == "Epoch 21 of 40" and seen[-1] == "Epoch 40 of 40"
    assert status.summary_label.text().startswith("Done: epochs 21–40, accuracy ")
    assert status.epoch_label.text() == "Epoch 40 of 40"

    answer_next_dialog(QMessageBox.StandardButton.Discard)  # the trained weights are unsaved
    QTest.mouseClick(window.findChild(QToolButton, "resetButton"), LEFT)  # a fresh start: the next run's budget
    assert status.summary_label.text() == "" and status.epoch_label.text() == "Epoch 0 of 20"


def test_time_left_shows_only_while_running(window, qtbot) -> None:
    status = window.status
    _xor(window, 200, "5 epochs a second")
    with qtbot.waitSignal(window.trainer.epochFinished, timeout=10_000):
        _click(window, "trainButton")
    qtbot.waitUntil(lambda: len(window.trainer.history) >= 3 and status.time_left_label.isVisible(), timeout=5_000)
    assert status.time_left_label.text().endswith(" left")
    minutes, seconds = status.time_left_label.text().split()[0].split(":")
    left = 60 * int(minutes) + int(seconds)
    assert 30 <= left <= 60, left  # ~197 epochs at 5 a second: the paced time (compute alone: ~1 s)
    _click(window, "pauseButton")
    assert not status.time_left_label.isVisible() and not status.speed_label.isVisible()
    with qtbot.waitSignal(window.trainer.epochFinished, timeout=10_000):
        _click(window, "trainButton")  # "Resume"
    qtbot.waitUntil(lambda: status.time_left_label.isVisible(), timeout=5_000)
    with qtbot.waitSignal(window.trainer.finished, timeout=5_000):
        _click(window, "stopButton")
    assert not status.time_left_label.isVisible()
    n = window.trainer.history[-1].epoch
    assert status.summary_label.text().startswith(f"Stopped: epochs 1–{n}, accuracy ")
    assert status.epoch_label.text() == f"Epoch {n} of 200"


def test_the_final_line_in_russian(window, qtbot, english) -> None:
    _xor(window, 10, "as fast as possible")
    window.language_actions["ru"].trigger()
    _train_to_the_end(window, qtbot)
    last = window.trainer.history[-1]
    cost = f"{last.train_cost:.2g}".replace(".", ",")
    qtbot.waitUntil(lambda: window.status.summary_label.text().startswith("Готово: эпохи 1–10, точность"))
    assert window.status.summary_label.text().endswith(f"стоимость ошибки {cost}")
    assert window.status.epoch_label.text() == "Эпоха 10 из 10"


def test_a_network_with_epochs_behind_it_reads_as_finished_not_half_done(window, qtbot) -> None:
    n = len(window.trainer.history)  # the ready-trained digits network's
    assert n > 0 and window.status.epoch_label.text() == f"Epoch {n} of {n}"
    spin = window.findChild(QSpinBox, "epochsBox")
    spin.setFocus()
    QTest.keyClick(spin, Qt.Key.Key_Up)  # the next run's budget changes; what the network has done doesn't
    assert window.status.epoch_label.text() == f"Epoch {n} of {n}"
