"""The pace control: a toy set trains slowly enough to watch and steer; Stop never waits for the pace."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QSlider, QSpinBox, QToolButton

from nndesk.app.training.controller import TrainerController
from tests.app.people import LEFT, pick, type_number


def _click(window, name: str) -> None:
    QTest.mouseClick(window.findChild(QToolButton, name), LEFT)


def _type_epochs(window, n: int) -> None:
    type_number(window.findChild(QSpinBox, "epochsBox"), n)


def test_a_toy_set_trains_at_a_watchable_pace_and_eta_moved_mid_run_reaches_the_loop(window, qtbot) -> None:
    pace = window.findChild(QComboBox, "pacePicker")
    assert pace.currentText() == "as fast as possible"  # digits: no waiting
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    assert pace.currentText() == "20 epochs a second"  # a toy set: watchable by default
    assert window.trainer.pace.epochs_per_second == 20
    n = 30
    _type_epochs(window, n)
    reports = []
    window.trainer.epochFinished.connect(reports.append)
    start = time.perf_counter()
    _click(window, "trainButton")
    qtbot.waitUntil(lambda: len(reports) >= 5, timeout=10_000)
    seen = reports[-1].stats.epoch  # what the student saw when moving the slider
    eta = window.trainer.control.hyper.learning_rate
    slider = window.findChild(QSlider, "learningRateSlider")
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_PageDown)  # η ÷ 10, while it trains
    moved = window.training_dock.learning_rate.value()  # what the slider reads now
    assert abs(moved - eta / 10) < eta / 100
    qtbot.waitUntil(lambda: not window.trainer.is_active, timeout=20_000)
    seconds = time.perf_counter() - start
    assert len(reports) == n
    assert seconds >= (n - 1) / 20  # 29 waits of 1/20 s: the pace held
    later = [r.stats.learning_rate for r in reports if r.stats.epoch >= seen + 2]
    assert later and all(lr == moved for lr in later), (moved, later)
    assert reports[0].stats.learning_rate == eta


def test_a_faster_pace_chosen_mid_run_applies_at_the_next_epoch(window, qtbot) -> None:
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    pace = window.findChild(QComboBox, "pacePicker")
    pick(pace, "1 epoch a second")
    _type_epochs(window, 50)
    with qtbot.waitSignal(window.trainer.epochFinished, timeout=10_000):
        _click(window, "trainButton")
    start = time.perf_counter()
    pick(pace, "as fast as possible")  # 49 more epochs at 1 a second would take 49 s
    qtbot.waitUntil(lambda: not window.trainer.is_active, timeout=10_000)
    assert time.perf_counter() - start < 5
    assert len(window.trainer.history) == 50


def test_stop_during_a_paced_wait_returns_at_once(window, qtbot) -> None:
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    pick(window.findChild(QComboBox, "pacePicker"), "1 epoch a second")
    with qtbot.waitSignal(window.trainer.epochFinished, timeout=10_000):
        _click(window, "trainButton")
    start = time.perf_counter()
    with qtbot.waitSignal(window.trainer.finished, timeout=2_000):
        _click(window, "stopButton")  # the loop sits in a wait of up to a second
    assert time.perf_counter() - start < 0.5
    assert len(window.trainer.history) <= 2


def test_stop_and_wait_is_not_held_by_the_pace(qtbot, network, source, recipe) -> None:
    trainer = TrainerController()
    try:
        trainer.update(epochs=100, epochs_per_second=1)
        with qtbot.waitSignal(trainer.epochFinished, timeout=10_000):
            trainer.start(network, source, recipe())
        start = time.perf_counter()
        assert trainer.stop_and_wait()
        assert time.perf_counter() - start < 0.5
        trainer.update(epochs=3)  # the next run gets a fresh, uncancelled pace
        trainer.start(network, source, recipe())
        qtbot.waitUntil(lambda: not trainer.is_active, timeout=10_000)
        assert trainer.history[-1].epoch - trainer.history[-3].epoch == 2
    finally:
        trainer.shutdown()


def test_digits_go_back_to_as_fast_as_possible(window) -> None:
    picker, pace = window.findChild(QComboBox, "datasetPicker"), window.findChild(QComboBox, "pacePicker")
    pick(picker, "circles")
    pick(pace, "5 epochs a second")
    pick(picker, "MNIST digits (5,000 bundled)")
    assert pace.currentText() == "as fast as possible" and window.trainer.pace.epochs_per_second == 0
