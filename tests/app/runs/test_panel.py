"""The Runs view follows the recorder: new runs at once, a running run's row and curves a few times a second."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from nndesk.app.runs.panel import RunsPanel
from nndesk.app.runs.recorder import RunRecorder
from nndesk.app.runs.run_table import EPOCHS, WHAT
from nndesk.engine.core.training import EpochStats
from tests.app.people import tick

SETTINGS = {"dataset": "xor", "layers": [2, 8, 2], "learning_rate": 0.1, "epochs": 3}


def epoch(n: int) -> EpochStats:
    return EpochStats(n, 1.0 / n, 1.1 / n, 0.5, 0.1, 0.01, 100.0)


def panel_with_runs(qtbot, n: int) -> tuple[RunsPanel, RunRecorder]:
    recorder = RunRecorder()
    panel = RunsPanel(recorder)
    qtbot.addWidget(panel)
    panel.resize(1000, 320)
    panel.show()
    qtbot.waitExposed(panel)
    for i in range(n):
        recorder.begin({**SETTINGS, "learning_rate": 0.1 * (i + 1)})
        for e in range(1, 4):
            recorder.add_epoch(epoch(e))
        recorder.end()
    return panel, recorder


def test_a_running_ticked_run_is_followed(qtbot):
    panel, recorder = panel_with_runs(qtbot, 1)
    live = recorder.begin(SETTINGS)
    assert panel.table.rowCount() == 2  # at once
    tick(panel.table, 0)
    tick(panel.table, 1)
    recorder.add_epoch(epoch(1))
    recorder.add_epoch(epoch(2))
    assert panel.table.item(1, EPOCHS).text() == "0"  # not yet: a few times a second
    qtbot.waitUntil(lambda: panel.table.item(1, EPOCHS).text() == "2", timeout=2000)
    assert len(panel.overlay.curves[1][0].xData) == 2 and panel.ticked()[1] is live


def test_the_legend_hint_then_entries(qtbot):
    panel, recorder = panel_with_runs(qtbot, 0)
    assert "Every training run" in panel.legend.hint.text()
    panel, recorder = panel_with_runs(qtbot, 2)
    assert "Tick 2 to 4" in panel.legend.hint.text() and panel.legend.entries == []
    tick(panel.table, 1)
    tick(panel.table, 0)  # the first ticked is the one compared with
    assert [e.text() for e in panel.legend.entries] == ["Run 2: η 0.2", "Run 1: η 0.2 → 0.1"]
    assert panel.legend.hint.isHidden()


def test_naming_a_run_and_forgetting_one(qtbot):
    panel, recorder = panel_with_runs(qtbot, 2)
    qtbot.waitUntil(lambda: panel.table.item(1, WHAT).text() == "η 0.1 → 0.2")  # ended: no "training…"
    panel.table.setFocus()
    panel.table.setCurrentCell(1, WHAT)
    QTest.keyClick(panel.table, Qt.Key.Key_F2)
    editor = panel.table.focusWidget()
    QTest.keyClick(editor, Qt.Key.Key_End)
    QTest.keyClicks(editor, ", big batch")  # typed after what the cell said
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: recorder.log.get(2).label == "η 0.1 → 0.2, big batch")
    qtbot.waitUntil(lambda: panel.table.item(1, WHAT).text() == "η 0.1 → 0.2, big batch")
    panel.table.selectRow(0)
    QTest.keyClick(panel.table, Qt.Key.Key_Delete)
    assert [r.id for r in recorder.log.records] == [2] and panel.table.rowCount() == 1


def test_the_language_changes_the_list(qtbot, language):
    panel, _ = panel_with_runs(qtbot, 1)
    qtbot.waitUntil(lambda: panel.table.item(0, WHAT).text() == ("первый запуск" if language == "ru" else "first run"))
    assert panel.table.horizontalHeaderItem(0).text() == ("Запуск" if language == "ru" else "Run")


def test_switching_the_language_rewrites_the_list_and_legend(qtbot):
    from nndesk.app.shell import i18n

    panel, _ = panel_with_runs(qtbot, 2)
    tick(panel.table, 0)
    tick(panel.table, 1)
    try:
        i18n.install("ru")
        qtbot.waitUntil(lambda: panel.table.item(0, WHAT).text() == "первый запуск")
        assert [e.text() for e in panel.legend.entries] == ["Запуск 1: η 0,1", "Запуск 2: η 0,1 → 0,2"]
    finally:
        i18n.install("en")
    qtbot.waitUntil(lambda: panel.table.item(0, WHAT).text() == "first run")


def test_hidden_it_waits_and_catches_up_when_shown(qtbot):
    panel, recorder = panel_with_runs(qtbot, 1)
    live = recorder.begin(SETTINGS)
    panel.hide()
    for e in range(1, 4):
        recorder.add_epoch(epoch(e))
    qtbot.waitUntil(lambda: not panel._timer.isActive())  # the refresh came due: nothing drawn while hidden
    assert panel.table.item(1, EPOCHS).text() == "0"
    panel.show()
    qtbot.waitUntil(lambda: panel.table.item(1, EPOCHS).text() == "3")
    assert live.final["epochs"] == 3
