"""The cost plot across runs and data sets, in the real window: one story of epochs, η as the slider says it.

A student trains, stops mid-epoch, trains again: the mini-batch trace of the
second run must go on after the first (its own segment, no line drawn back
across the first), η markers must read what the slider reads, a new data set
starts the axes over, and no axis is rescaled into "C (x0.001)".
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QMessageBox, QSlider, QToolButton

from nndesk.app.shell import i18n
from nndesk.app.style.eta_text import eta_text
from nndesk.app.views.loss_plot import LossPlot
from nndesk.engine.core.training import EpochStats
from tests.app.people import LEFT, answer_next_dialog, pick


def _segments(x: np.ndarray) -> list[np.ndarray]:
    """The trace's runs: split at its NaN gaps."""
    cuts = np.flatnonzero(np.isnan(x))
    return [s[np.isfinite(s)] for s in np.split(x, cuts) if np.isfinite(s).any()]


def test_a_second_run_continues_the_mini_batch_trace_and_marks_eta_as_the_slider_shows_it(qtbot, window):
    t, plot = window.trainer, window.loss_plot
    train = window.findChild(QToolButton, "trainButton")
    stop = window.findChild(QToolButton, "stopButton")
    slider = window.findChild(QSlider, "learningRateSlider")

    start = len(t.history)  # the ready-trained network comes with its own history
    QTest.mouseClick(train, LEFT)  # run 1: one epoch and part of the next, then Stop
    qtbot.waitUntil(lambda: len(t.history) > start and plot.batches.data[plot.batches.n - 1, 0] > start + 1.1,
                    timeout=120_000)
    QTest.mouseClick(stop, LEFT)
    qtbot.waitUntil(lambda: t.state == "idle", timeout=30_000)
    first_run_epochs = len(t.history)
    assert plot.batches.data[plot.batches.n - 1, 0] > first_run_epochs  # a tail past the last finished epoch

    QTest.mouseClick(train, LEFT)  # run 2: the student lowers η while it trains
    qtbot.waitUntil(lambda: plot.batches.data[plot.batches.n - 1, 0] > first_run_epochs + 0.05, timeout=60_000)
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_PageDown)  # η ÷ 10
    qtbot.waitUntil(lambda: bool(plot.lr_markers), timeout=120_000)
    QTest.mouseClick(stop, LEFT)
    qtbot.waitUntil(lambda: t.state == "idle", timeout=30_000)

    plot.redraw()
    x, y = plot.batch_curve.getOriginalDataset()
    first, second = _segments(x)
    assert first[-1] <= first_run_epochs < second[0]  # run 2 starts after run 1's last finished epoch
    assert np.all(np.diff(first) > 0) and np.all(np.diff(second) > 0)
    finite = x[np.isfinite(x)]
    assert np.all(np.diff(finite) > 0)  # nowhere does the trace go back in epochs
    # the digits preset has a cosine schedule: the marker says the η the student set, as the slider does
    label = window.training_dock.learning_rate.label.text()
    assert plot.lr_markers[-1].label.toPlainText() == label == eta_text(slider_value := t.control.hyper.learning_rate)
    assert slider_value == pytest.approx(0.01)


def test_a_new_data_set_starts_the_axes_over(qtbot, window):
    plot, t = window.loss_plot, window.trainer
    picker = window.findChild(QComboBox, "datasetPicker")
    if window.document.is_modified():  # (the ready-trained digits are not: nothing to ask)
        answer_next_dialog(QMessageBox.StandardButton.Discard)
    pick(picker, "XOR")
    window.trainer.update(epochs=60)
    QTest.mouseClick(window.findChild(QToolButton, "trainButton"), LEFT)
    qtbot.waitUntil(lambda: t.state == "idle" and len(t.history) == 60, timeout=60_000)
    plot.redraw()
    (x0, x1), _ = plot.getPlotItem().vb.viewRange()
    assert x1 >= 60

    assert window.document.is_modified()
    answer_next_dialog(QMessageBox.StandardButton.Discard)  # XOR's training is not saved: the window asks
    pick(picker, "circles")
    (x0, x1), (y0, y1) = plot.getPlotItem().vb.viewRange()
    assert x1 < 2 and y1 < 2  # not XOR's 0…100 epochs any more
    assert plot.epochs.n == 0 and plot.batches.n == 0


def test_no_axis_is_rescaled_into_an_si_prefix(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(420, 260)
    plot.show()
    for epoch in range(1, 6):  # a cost of a few thousandths, as a well-trained toy set has
        plot.add_epoch(EpochStats(epoch, 0.0008 / epoch, 0.0009 / epoch, 0.99, 0.1, 1.0, 100.0))
    plot.redraw()
    for side in ("left", "bottom", "right"):
        axis = plot.getPlotItem().getAxis(side)
        assert "(x" not in axis.labelString() and axis.autoSIPrefixScale == 1.0
    assert "cost C" in plot.getPlotItem().getAxis("left").labelString()


@pytest.fixture
def russian(qapp):
    i18n.install("ru")
    yield
    i18n.install("en")


def test_eta_markers_are_written_like_the_slider_in_russian(qtbot, russian):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.add_epoch(EpochStats(2, 0.5, 0.6, 0.9, 0.012, 1.0, 100.0, ((1.5, 0.012),)))
    assert plot.lr_markers[0].label.toPlainText() == eta_text(0.012) == "η = 0,012"
