"""A run that collapses to chance level, in the real window: the banner says so, and one click recovers.

η = 10 on the digits kills every ReLU within the first epoch, and the network then
answers "1" (or some one digit) for every input.  The window must say so within
that run, put the epoch's weights back, and offer η/10 in one click; a network
that is already dead (nothing but fresh weights can help) gets Reset in that click.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPushButton, QSlider, QToolButton

from nndesk.app.shell import i18n
from nndesk.engine.runs.model_io import load_model, save_model
from nndesk.engine.runs.recipe import TrainingRecipe
from tests.app.people import LEFT, answer_next_dialog


def _train_button(window) -> QToolButton:
    return window.findChild(QToolButton, "trainButton")


@pytest.fixture
def fresh_digits_small(tmp_path):
    """A fresh 784-32-10 (digits-small, seed 1) as a model file: the one η = 10 used to run at 10 % for good."""
    recipe = TrainingRecipe.from_preset("digits-small", seed=1)
    path = tmp_path / "fresh.npz"
    save_model(path, recipe.build_network(784, 10), recipe)
    return path


def test_digits_small_at_eta_10_shows_the_collapse_banner_and_one_click_trains_again_at_1(
        qtbot, window, fresh_digits_small):
    assert window.load_model(fresh_digits_small)
    start = [p.copy() for p in window.document.network.parameters()]
    slider = window.findChild(QSlider, "learningRateSlider")
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_End)  # the slider's top: η = 10
    assert window.trainer.control.hyper.learning_rate == 10
    with qtbot.waitSignal(window.trainer.diverged, timeout=60_000) as blocker:
        QTest.mouseClick(_train_button(window), LEFT)
    explanation, eta = blocker.args
    assert "collapsed to chance level" in explanation and eta == 10
    qtbot.waitUntil(lambda: window.trainer.state == "idle", timeout=10_000)
    banner = window.divergence_banner
    assert banner.isVisible()
    assert banner.messageLabel.text().startswith("Training collapsed to chance level: with learning rate η = 10 ")
    assert banner.applyButton.text() == "Use η = 1 and train again"  # its start was given back: no Reset needed
    for p, b in zip(window.document.network.parameters(), start):
        np.testing.assert_array_equal(p, b)

    QTest.mouseClick(banner.findChild(QPushButton, "applySmallerButton"), LEFT)
    assert not banner.isVisible() and window.trainer.is_active  # training again, from the start it was given
    assert window.trainer.control.hyper.learning_rate == 1
    assert window.training_dock.learning_rate.label.text() == "η = 1"
    window.trainer.stop_and_wait()


@pytest.fixture
def dead_digits_model(trained_digits_model, tmp_path):
    """The digits-small model after η = 10 killed it: every hidden ReLU below zero for every input."""
    model = load_model(trained_digits_model)
    model.network.layers[0].bias[:] = -1e3
    path = tmp_path / "dead.npz"
    save_model(path, model.network, model.recipe, model.history, None)
    return path


@pytest.fixture
def english(qapp):
    yield
    i18n.install("en")


def test_a_dead_network_gets_reset_in_the_same_click_in_english_and_russian(
        qtbot, window, dead_digits_model, english):
    assert window.load_model(dead_digits_model)
    with qtbot.waitSignal(window.trainer.diverged, timeout=60_000):
        QTest.mouseClick(_train_button(window), LEFT)  # at the preset's η = 0.05: a smaller η cannot help
    qtbot.waitUntil(lambda: window.trainer.state == "idle", timeout=10_000)
    banner = window.divergence_banner
    assert "no learning rate can revive them" in banner.messageLabel.text()
    assert banner.applyButton.text() == "Reset, use η = 0.005 and train again"
    i18n.install("ru")
    qtbot.waitUntil(lambda: banner.applyButton.text() == "Сбросить, взять η = 0,005 и обучить снова")
    assert banner.messageLabel.text().startswith("Обучение свелось к угадыванию")

    answer_next_dialog(QMessageBox.StandardButton.Discard)  # Reset asks about the unsaved work, if any
    with qtbot.waitSignal(window.trainer.epochFinished, timeout=60_000) as epoch:
        QTest.mouseClick(banner.findChild(QPushButton, "applySmallerButton"), LEFT)
    assert not np.all(window.document.network.layers[0].bias <= -1e3)  # fresh weights
    assert window.trainer.control.hyper.learning_rate == pytest.approx(0.005)
    assert epoch.args[0].stats.val_accuracy > 0.5
    window.trainer.stop_and_wait()
