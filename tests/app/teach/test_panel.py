"""The Teach panel: the button says what is missing, asks to teach when clicked, and shows before → after."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest

from nndesk.app.teach.panel import TeachPanel
from nndesk.app.teach.readiness import readiness
from nndesk.engine.runs.teach import TeachScores

LABELS = np.repeat([1, 4, 6], 10)


def _panel(qtbot) -> TeachPanel:
    panel = TeachPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_the_button_waits_for_enough_digits_and_says_what_is_missing(qtbot):
    panel = _panel(qtbot)
    panel.set_readiness(readiness(LABELS[:3], 0, False, True), 0)
    assert not panel.button.isEnabled()
    assert "at least 5" in panel.button.toolTip() and "you have 3" in panel.button.toolTip()
    panel.set_readiness(readiness(np.arange(10), 0, False, True), 0)
    assert not panel.button.isEnabled() and "more than once" in panel.button.toolTip()
    panel.set_readiness(readiness(LABELS, 0, True, True), 0)
    assert not panel.button.isEnabled() and "Training is running" in panel.button.toolTip()
    panel.set_readiness(readiness(LABELS, 0, False, False), 0)
    assert not panel.button.isEnabled() and "28×28" in panel.button.toolTip()
    panel.set_readiness(readiness(LABELS, 2, False, True), 2)
    assert panel.button.isEnabled()
    assert "trains on 24" in panel.plan.text() and "holds out 6" in panel.plan.text()
    assert "turn 3 of 5" in panel.plan.text()


def test_a_click_asks_to_teach_and_stop_is_the_training_docks_own(qtbot):
    panel = _panel(qtbot)
    stop = QAction("Stop", panel)
    panel.set_stop_action(stop)
    panel.set_readiness(readiness(LABELS, 0, False, True), 0)
    with qtbot.waitSignal(panel.teachRequested, timeout=1000):
        QTest.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    stop.setEnabled(False)
    assert not panel.stop_button.isEnabled() and panel.stop_button.text() == "Stop"
    stop.setEnabled(True)
    with qtbot.waitSignal(stop.triggered, timeout=1000):
        QTest.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)


def test_progress_then_before_and_after_with_what_they_mean(qtbot):
    panel = _panel(qtbot)
    panel.show_running(3)
    assert panel.progress.isVisible() and not panel.scores_view.isVisible()
    panel.set_progress(2)
    assert panel.progress.text() == "Teaching: epoch 2 of 3"
    panel.show_scores(TeachScores(1 / 3, 1.0, 0.986, 0.982), held=6, validation=500, turn=0, stopped=False)
    assert not panel.progress.isVisible() and panel.scores_view.isVisible()
    assert "turn 1 of 5" in panel.result_title.text() and "stopped" not in panel.result_title.text()
    assert "more of your held-out digits" in panel.summary.text() and "forget" in panel.summary.text()
    assert panel.scores() == TeachScores(1 / 3, 1.0, 0.986, 0.982)
    panel.show_scores(TeachScores(0.5, 0.5, 0.98, 0.99), held=4, validation=500, turn=6, stopped=True)
    assert "turn 2 of 5, stopped early" in panel.result_title.text()
    assert "as many" in panel.summary.text() and "forgot nothing" in panel.summary.text()


def test_the_panel_speaks_the_ui_language(qtbot, language):
    panel = _panel(qtbot)
    panel.set_readiness(readiness(LABELS, 0, False, True), 0)
    panel.show_scores(TeachScores(1 / 3, 1.0, 0.986, 0.988), held=6, validation=500, turn=0, stopped=False)
    mine, validation = panel.scores_view.row_texts()
    if language == "ru":
        assert panel.button.text() == "Дообучить" and "Последнее дообучение" in panel.result_title.text()
        assert "отложено: 6" in mine and "▲ +67 п. п." in mine and "98,6 %" in validation
    else:
        assert panel.button.text() == "Teach" and "Last Teach" in panel.result_title.text()
        assert "held out: 6" in mine and "▲ +67 points" in mine and "98.6 %" in validation


def test_a_second_teach_says_its_held_out_digits_were_not_new(qtbot):
    panel = _panel(qtbot)
    panel.show_scores(TeachScores(0.5, 1.0, 0.98, 0.98), held=6, validation=500, turn=0, stopped=False)
    assert "earlier Teach" not in panel.summary.text()
    panel.show_scores(TeachScores(0.9, 1.0, 0.98, 0.98), held=6, validation=500, turn=1, stopped=False,
                      taught_before=True)
    assert "earlier Teach of this network trained on most of the digits held out now" in panel.summary.text()


def test_while_teach_runs_the_plan_speaks_of_this_run_not_of_digits_added_meanwhile(qtbot):
    panel = _panel(qtbot)
    panel.set_readiness(readiness(LABELS, 0, False, True), 0)
    panel.set_readiness(readiness(LABELS, 0, True, True), 0)  # the run has begun
    panel.show_running(12)
    assert "This Teach trains on 24" in panel.plan.text() and "turn 1 of 5" in panel.plan.text()
    more = np.concatenate([LABELS, np.repeat([7], 5)])
    panel.set_readiness(readiness(more, 0, True, True), 0)  # a digit kept while it runs
    assert "Your digits: 30. This Teach trains on 24" in panel.plan.text()
    panel.show_scores(TeachScores(0.5, 1.0, 0.98, 0.98), held=6, validation=500, turn=0, stopped=False)
    panel.set_readiness(readiness(more, 1, False, True), 1)
    assert "Your digits: 35. The next Teach" in panel.plan.text() and "turn 2 of 5" in panel.plan.text()
