"""Runs through the window: two real runs with different η, listed, ticked with the mouse, overlaid and told apart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QMessageBox, QSlider, QSpinBox, QTabBar, QToolButton

from nndesk.app.runs.run_table import EPOCHS, ETA, TICK, WHAT
from nndesk.engine.runs.run_log import RunLog
from tests.app.people import LEFT, answer_next_dialog, pick, tick, type_number


def click(window, name: str) -> None:
    QTest.mouseClick(window.findChild(QToolButton, name), LEFT)


def train(qtbot, window) -> None:
    with qtbot.waitSignal(window.trainer.finished, timeout=30_000):
        click(window, "trainButton")


def eta_over_ten(qtbot, window) -> float:
    """PageDown on the learning-rate slider, as a person divides η by 10 (0.05 → 0.00501: the slider's notches)."""
    slider = window.findChild(QSlider, "learningRateSlider")
    before = window.trainer.control.hyper.learning_rate
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.trainer.control.hyper.learning_rate == pytest.approx(before / 10, rel=0.01))
    return window.trainer.control.hyper.learning_rate


def written(eta: float, language: str = "en") -> str:
    return f"{eta:g}".replace(".", "," if language == "ru" else ".")


def open_runs_tab(qtbot, window) -> None:
    """Click the Runs tab under the canvas."""
    title = window.runs_dock.windowTitle()
    bar, i = next((bar, i) for bar in window.findChildren(QTabBar) for i in range(bar.count())
                  if bar.tabText(i) == title)
    QTest.mouseClick(bar, LEFT, pos=bar.tabRect(i).center())
    qtbot.waitUntil(lambda: window.runs_panel.isVisible())


def xor_for(window, epochs: int) -> None:
    picker = window.findChild(QComboBox, "datasetPicker")
    pick(picker, picker.itemText(picker.findData("xor")))
    type_number(window.findChild(QSpinBox, "epochsBox"), epochs)


def test_two_runs_with_different_eta_overlaid_with_a_legend_naming_it(qtbot, window, language):
    xor_for(window, 15)
    train(qtbot, window)
    answer_next_dialog(QMessageBox.StandardButton.Discard)  # fresh weights for the second run
    click(window, "resetButton")
    qtbot.waitUntil(lambda: window.trainer.history == [])
    slower = eta_over_ten(qtbot, window)
    train(qtbot, window)

    runs = window.runs.records
    assert [r.id for r in runs] == [1, 2] and [r.outcome for r in runs] == ["finished", "finished"]
    assert [r.settings["learning_rate"] for r in runs] == [0.05, slower] and [len(r.history) for r in runs] == [15, 15]
    assert runs[1].settings["continued_from"] == 0 and runs[0].settings["layers"] == window.document.sizes

    open_runs_tab(qtbot, window)
    table, panel = window.runs_panel.table, window.runs_panel
    qtbot.waitUntil(lambda: table.rowCount() == 2 and table.item(1, EPOCHS).text() == "15")
    before, after = written(0.05, language), written(slower, language)
    assert (table.item(0, ETA).text(), table.item(1, ETA).text()) == (before, after)
    assert ("," in before) == (language == "ru")  # η written as the language writes numbers
    tick(table, 0)
    tick(table, 1)
    assert [r.id for r in panel.ticked()] == [1, 2]

    cost_curves = [cost for cost, _ in panel.overlay.curves]
    assert [len(c.xData) for c in cost_curves] == [15, 15]
    assert list(cost_curves[1].yData) == [e["train_cost"] for e in runs[1].history]
    colors = {c.opts["pen"].color().name() for c in cost_curves}
    assert len(colors) == 2  # told apart by colour (and line style)
    legend = [label.text() for label in panel.legend.entries]
    run = "Запуск" if language == "ru" else "Run"
    assert legend == [f"{run} 1: η {before}", f"{run} 2: η {before} → {after}"]
    assert panel.legend.hint.isHidden()
    assert table.item(0, TICK).icon().isNull() is False  # the row shows its curve's pen


def test_changing_eta_mid_run_marks_that_epoch(qtbot, window):
    xor_for(window, 40)
    click(window, "trainButton")
    qtbot.waitUntil(lambda: len(window.trainer.history) >= 3, timeout=10_000)
    at = len(window.trainer.history)
    with qtbot.waitSignal(window.trainer.finished, timeout=30_000):
        slower = eta_over_ten(qtbot, window)  # while it trains
    [run] = window.runs.records
    [(x, eta)] = run.eta_marks()
    assert eta == slower and at <= x <= at + 3 and run.history[-1]["learning_rate"] == slower

    open_runs_tab(qtbot, window)
    tick(window.runs_panel.table, 0)
    [marker] = window.runs_panel.overlay.markers
    assert marker.value() == pytest.approx(x) and marker.label.toPlainText() == f"η = {written(slower)}"
    assert window.runs_panel.table.item(0, ETA).text() == f"0.05 → {written(slower)}"


def test_a_continued_run_a_stopped_run_and_the_session_contract(qtbot, window):
    xor_for(window, 10)
    train(qtbot, window)
    type_number(window.findChild(QSpinBox, "epochsBox"), 500)
    click(window, "trainButton")  # continues from the trained weights
    qtbot.waitUntil(lambda: len(window.trainer.history) >= 12, timeout=10_000)
    with qtbot.waitSignal(window.trainer.finished, timeout=10_000):
        click(window, "stopButton")
    first, second = window.runs.records
    assert second.settings["continued_from"] == 10 and second.outcome == "stopped"
    assert second.history[0]["epoch"] == 1 and len(second.history) < 500

    saved = window.runs.to_list()  # what a session keeps
    window.set_runs([])
    assert len(window.runs) == 0 and window.runs_panel.table.rowCount() == 0
    window.set_runs(RunLog.from_list(saved))
    open_runs_tab(qtbot, window)
    table = window.runs_panel.table
    assert table.rowCount() == 2 and "continued after epoch 10" in table.item(1, WHAT).text()
    assert "stopped" in table.item(1, WHAT).text()
    type_number(window.findChild(QSpinBox, "epochsBox"), 3)
    train(qtbot, window)  # the next run numbers on after the session's
    assert [r.id for r in window.runs.records] == [1, 2, 3] and table.rowCount() == 3


def test_a_diverged_run_is_listed_as_diverged(qtbot, window):
    xor_for(window, 30)
    slider = window.findChild(QSlider, "learningRateSlider")
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_End)  # η = 10: XOR diverges in its first epoch
    qtbot.waitUntil(lambda: window.trainer.control.hyper.learning_rate == 10.0)
    train(qtbot, window)
    [run] = window.runs.records
    assert run.outcome == "diverged" and run.settings["learning_rate"] == 10.0
    open_runs_tab(qtbot, window)
    table = window.runs_panel.table
    qtbot.waitUntil(lambda: table.item(0, WHAT).text() == "first run · diverged")
    assert table.item(0, EPOCHS).text() == str(len(run.history))


def test_the_runs_come_back_with_the_session_after_a_restart(qtbot, window, tmp_path):
    from nndesk.app.shell.main_window import MainWindow

    xor_for(window, 5)
    train(qtbot, window)
    eta_over_ten(qtbot, window)
    train(qtbot, window)
    window.runs.records[1].label = "slower"
    path = tmp_path / "lesson.nndesk"
    assert window.save_session(path)
    saved = window.runs.to_list()

    again = MainWindow()  # the next start: no runs until the session is opened
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    try:
        assert len(again.runs) == 0
        assert again.open_session(path)
        assert again.runs.to_list() == saved
        open_runs_tab(qtbot, again)
        table = again.runs_panel.table
        assert table.rowCount() == 2 and table.item(1, WHAT).text() == "slower"
        tick(table, 0)
        tick(table, 1)
        assert len(again.runs_panel.overlay.curves) == 2
    finally:
        again.document.set_modified(False)
        again.close()
