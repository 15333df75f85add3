"""The cost plot: curves made once, throttled redraws, η markers, log axis, export, palette."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest

from nndesk.app.views.loss_plot import LossPlot
from nndesk.engine.core.reports import BatchReport
from nndesk.engine.core.training import EpochStats


def report(epoch: int, lr_changes=()) -> EpochStats:
    return EpochStats(epoch, 1 / epoch, 1.2 / epoch, 0.5 + epoch / 5000, 0.1, 1.0, 100.0, tuple(lr_changes))


@pytest.fixture
def plot(qtbot):
    widget = LossPlot()
    qtbot.addWidget(widget)
    widget.resize(500, 300)
    widget.show()
    return widget


def test_a_flood_of_epochs_is_drawn_by_the_same_curves_in_one_redraw(qtbot, plot, monkeypatch):
    curves = (plot.train_curve, plot.val_curve, plot.accuracy_curve, plot.batch_curve)
    redraws = []
    original = plot.redraw
    monkeypatch.setattr(plot, "redraw", lambda: (redraws.append(1), original()))
    plot._redraw.timeout.disconnect()
    plot._redraw.timeout.connect(plot.redraw)
    for epoch in range(1, 1001):
        plot.add_epoch(report(epoch))
        plot.add_batch(BatchReport(epoch, 1, 2, 1.0, 100.0))
    assert redraws == []  # nothing drawn synchronously
    qtbot.waitUntil(lambda: len(redraws) == 1, timeout=1000)
    assert (plot.train_curve, plot.val_curve, plot.accuracy_curve, plot.batch_curve) == curves
    x, y = plot.train_curve.getOriginalDataset()
    assert len(x) == 1000 and y[-1] == pytest.approx(1 / 1000)
    assert len(plot.epochs.data) == 1024  # doubled from 256



def test_epochs_arriving_fast_are_redrawn_at_most_twice_a_second(qtbot, plot, monkeypatch):
    import time

    redraws = []
    original = plot.redraw
    monkeypatch.setattr(plot, "redraw", lambda: (redraws.append(time.perf_counter()), original()))
    plot._redraw.timeout.disconnect()
    plot._redraw.timeout.connect(plot.redraw)
    plot.add_epoch(report(1))
    qtbot.waitUntil(lambda: len(redraws) == 1, timeout=1000)  # the first epoch shows at once
    plot.add_epoch(report(2))  # the next one right after: waits for the 500 ms gap
    qtbot.waitUntil(lambda: len(redraws) == 2, timeout=2000)
    assert redraws[1] - redraws[0] >= 0.47  # a coarse 500 ms QTimer may fire up to 5 % early
    x, _ = plot.train_curve.getOriginalDataset()
    assert len(x) == 2


def test_a_learning_rate_change_gets_a_labelled_marker(qtbot, plot):
    plot.add_epoch(report(1))
    plot.add_epoch(report(2, [(1.5, 0.02)]))
    assert len(plot.lr_markers) == 1
    marker = plot.lr_markers[0]
    assert marker.value() == pytest.approx(1.5)
    assert "0.02" in marker.label.toPlainText()
    plot.clear_history()
    assert plot.lr_markers == [] and plot.epochs.n == 0


def test_log_axis_toggle_bends_only_the_cost(qtbot, plot):
    plot.log_action.trigger()
    assert plot.getPlotItem().getAxis("left").logMode
    assert not plot.getPlotItem().getAxis("right").logMode
    plot.log_action.trigger()
    assert not plot.getPlotItem().getAxis("left").logMode


def test_right_click_menu_exports_png_and_csv(qtbot, plot, tmp_path):
    QTest.mouseClick(plot.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier,
                     plot.viewport().rect().center())
    qtbot.waitUntil(plot.menu.isVisible)
    texts = [a.text() for a in plot.menu.actions() if a.text()]
    assert texts == ["Show everything", "Logarithmic cost axis", "Export as PNG…", "Export as CSV…"]
    plot.menu.hide()
    for epoch in range(1, 4):
        plot.add_epoch(report(epoch))
    plot.redraw()
    plot.export(str(tmp_path / "cost.png"))
    plot.export(str(tmp_path / "cost.csv"))
    assert (tmp_path / "cost.png").read_bytes()[:4] == b"\x89PNG"
    rows = list(csv.reader(open(tmp_path / "cost.csv")))
    header = rows[0]
    assert any("accuracy" in h for h in header) and any("training cost" in h for h in header)
    assert len(rows) == 4


def test_colours_follow_a_dark_palette(qtbot, plot):
    light = plot.backgroundBrush().color()
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#101010"))
    plot.setPalette(dark)
    assert plot.backgroundBrush().color() == QColor("#101010") != light


def test_the_view_follows_the_data_in_steps_until_the_student_moves_it(qtbot, plot):
    view = plot.getPlotItem().vb
    plot.add_epoch(report(3))
    plot.redraw()
    (x0, x1), (y0, y1) = view.viewRange()
    assert x0 <= 0 and 5 <= x1 < 5.5 and y0 <= 0 and 0.5 <= y1 < 0.52  # epochs up to 5, costs up to 0.5 (> 1.2 / 3)
    plot.add_epoch(report(4))
    plot.redraw()
    assert view.viewRange() == [[x0, x1], [y0, y1]]  # within the step: the axes stay (no re-ticking)
    plot.add_epoch(report(6))
    plot.redraw()
    assert 10 <= view.viewRange()[0][1] < 10.5  # past the step: the next one, 10 epochs
    view.setRange(xRange=(2, 3), padding=0)
    view.sigRangeChangedManually.emit(view.state["mouseEnabled"])  # as a drag or the wheel does
    plot.add_epoch(report(30))
    plot.redraw()
    assert view.viewRange()[0] == pytest.approx([2, 3])  # the student's zoom stays
    plot.view_all_action.trigger()
    assert 50 <= view.viewRange()[0][1] < 52  # "Show everything": following again


def test_nice_steps():
    from nndesk.app.views.plot_range import X_STEPS, Y_STEPS, nice_ceil

    assert [nice_ceil(v, X_STEPS) for v in (1, 1.5, 3, 7, 12, 500)] == [1, 2, 5, 10, 20, 500]
    assert [nice_ceil(v, Y_STEPS) for v in (0.04, 1.1, 2.3, 6)] == [0.05, 1.5, 3, 7]
