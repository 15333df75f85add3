"""The run list: ticks with the mouse, a fifth refused (boxes disabled, saying why), labels, Delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from nndesk.app.runs.run_table import MAX_TICKED, TICK, WHAT, RunTable
from nndesk.engine.core.training import EpochStats
from nndesk.engine.runs.run_log import RunLog
from tests.app.people import tick

SETTINGS = {"dataset": "xor", "layers": [2, 8, 2], "learning_rate": 0.1, "epochs": 2}


def log_of(n: int) -> RunLog:
    log = RunLog()
    for i in range(n):
        run = log.start({**SETTINGS, "learning_rate": 0.1 * (i + 1)})
        run.add_epoch(EpochStats(1, 0.5, 0.6, 0.75, run.settings["learning_rate"], 0.1, 10.0))
        run.end("finished")
    return log


def table_with(qtbot, n: int) -> tuple[RunTable, RunLog]:
    table, log = RunTable(), log_of(n)
    qtbot.addWidget(table)
    table.resize(700, 300)
    table.show()
    qtbot.waitExposed(table)
    table.set_runs(log.records)
    return table, log


def test_a_row_says_what_the_run_was(qtbot):
    table, log = table_with(qtbot, 2)
    row = [table.item(1, c).text() for c in range(table.columnCount())]
    assert row == ["2", "η 0.1 → 0.2", "0.2", "1", "0.5000", "75.0 %", "2-8-2", "xor"]
    assert table.item(0, WHAT).text() == "first run"


def test_ticking_with_the_mouse_and_a_fifth_is_refused(qtbot):
    table, log = table_with(qtbot, 6)
    for row in (2, 0, 1, 3):
        with qtbot.waitSignal(table.tickedChanged):
            tick(table, row)
    assert table.ticked == [3, 1, 2, 4]  # in the order they were ticked
    fifth = table.item(4, TICK)
    assert not fifth.flags() & Qt.ItemFlag.ItemIsEnabled and "untick one" in fifth.toolTip()
    tick(table, 4)  # a click on a disabled box does nothing
    assert table.ticked == [3, 1, 2, 4] and fifth.checkState() == Qt.CheckState.Unchecked
    with qtbot.waitSignal(table.tickedChanged):
        tick(table, 0)  # untick one…
    assert fifth.flags() & Qt.ItemFlag.ItemIsEnabled
    tick(table, 4)  # …and the fifth can be chosen
    assert table.ticked == [3, 2, 4, 5] and len(table.ticked) == MAX_TICKED


def test_a_tick_made_by_any_other_way_past_four_is_put_back(qtbot):
    table, _ = table_with(qtbot, 5)
    for i in range(1, 6):
        table.item(i - 1, TICK).setCheckState(Qt.CheckState.Checked)  # e.g. Space on a row
    assert table.ticked == [1, 2, 3, 4] and table.item(4, TICK).checkState() == Qt.CheckState.Unchecked


def test_space_ticks_the_current_row(qtbot):
    table, _ = table_with(qtbot, 2)
    table.setFocus()
    table.setCurrentCell(1, TICK)
    with qtbot.waitSignal(table.tickedChanged):
        QTest.keyClick(table, Qt.Key.Key_Space)
    assert table.ticked == [2]


def test_ticks_of_forgotten_runs_are_released_and_the_rest_kept(qtbot):
    table, log = table_with(qtbot, 3)
    tick(table, 0)
    tick(table, 2)
    log.remove(1)
    with qtbot.waitSignal(table.tickedChanged) as signal:
        table.set_runs(log.records)
    assert signal.args == [[3]] and table.item(1, TICK).checkState() == Qt.CheckState.Checked


def test_the_student_names_a_run_and_delete_forgets_the_selected(qtbot):
    table, _ = table_with(qtbot, 2)
    table.setFocus()
    table.setCurrentCell(0, WHAT)
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = table.focusWidget()
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(table.labelEdited) as signal:
        QTest.keyClicks(editor, "slow start")
        QTest.keyClick(editor, Qt.Key.Key_Return)
    assert signal.args == [1, "slow start"]
    table.selectRow(1)
    with qtbot.waitSignal(table.forgetRequested) as signal:
        QTest.keyClick(table, Qt.Key.Key_Delete)
    assert signal.args == [[2]]


def test_delete_while_naming_deletes_a_letter_not_the_run(qtbot):
    table, _ = table_with(qtbot, 2)
    table.setFocus()
    table.setCurrentCell(1, WHAT)
    table.name_action.trigger()  # "Name this run…" from the right-click menu
    editor = table.focusWidget()
    assert table.state() == table.State.EditingState and editor is not table
    QTest.keyClick(editor, Qt.Key.Key_Home)
    with qtbot.assertNotEmitted(table.forgetRequested):
        QTest.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.text() == " 0.1 → 0.2"  # "η" deleted
    assert table.name_action in table.actions() and table.forget_action in table.actions()
