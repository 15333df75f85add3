"""My digits in the whole window, as a student uses it: draw, say which digit, add, see it, fix it, restart."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMessageBox, QPushButton

from nndesk.engine.data.my_digits import default_path, load_my_digits
from tests.app.people import LEFT, on_paper, pick, stroke

ONE = [(0.5, 0.2), (0.52, 0.5), (0.54, 0.8)]
SEVEN = [(0.3, 0.25), (0.7, 0.25), (0.45, 0.8)]


def draw_and_add(window, points, digit: str) -> None:
    """Draw ``points`` on the pad, choose ``digit`` in "It is a" with the keyboard, click Add to my digits."""
    dock = window.draw_widget
    dock.pad.clear()
    stroke(dock.pad, on_paper(dock.pad, points))
    pick(dock.findChild(QComboBox, "targetDigit"), digit)
    button = dock.findChild(QPushButton, "addToMyDigitsButton")
    assert button.isEnabled()
    QTest.mouseClick(button, LEFT)


def counts_shown(window) -> str:
    return window.draw_widget.findChild(QLabel, "myDigitsCount").toolTip()


def on_disk(window) -> list[int]:
    """The labels saved in the user's data folder, once the background save has written them."""
    window.my_digits_events.flush()
    return load_my_digits(default_path())[0].y.tolist()


def open_my_digits(window):
    window.my_digits_dock.show()
    window.my_digits_dock.raise_()
    return window.my_digits_view


def test_draw_add_see_relabel_delete_undo_and_it_survives_a_restart(qtbot, window):
    from nndesk.app.shell.main_window import MainWindow

    changes = []
    window.my_digits_events.changed.connect(lambda: changes.append(len(window.my_digits)))
    button = window.draw_widget.findChild(QPushButton, "addToMyDigitsButton")
    assert not button.isEnabled() and "0 in all" in counts_shown(window)  # nothing drawn, nothing kept

    draw_and_add(window, ONE, "1")
    assert not button.isEnabled()  # this drawing is in; the next stroke makes a new one
    assert len(window.my_digits) == 1 and changes == [1]
    assert np.array_equal(window.my_digits.x[0], window.draw_widget.image())  # exactly what the network was fed
    assert window.my_digits.ink[0].max() == 255 and window.my_digits.ink[0].mean() < 60  # ink bright on black
    assert "1 in all" in counts_shown(window) and "1: 1" in counts_shown(window)
    window.undo_action.trigger()  # Ctrl+Z: not kept after all, so the drawing on the pad can be added again
    assert len(window.my_digits) == 0 and button.isEnabled() and "0 in all" in counts_shown(window)
    window.redo_action.trigger()
    assert len(window.my_digits) == 1 and not button.isEnabled()
    draw_and_add(window, SEVEN, "7")
    draw_and_add(window, ONE, "7")  # a 1 filed as a 7 by mistake
    assert window.my_digits.y.tolist() == [1, 7, 7] and "7: 2" in counts_shown(window)
    assert on_disk(window) == [1, 7, 7]  # every change is saved

    view = open_my_digits(window)
    grid = view.grid
    qtbot.waitUntil(lambda: grid.isVisible() and grid.count() >= 3)
    ones = [k for k in range(grid.count()) if grid.label(k) == "1"]
    sevens = [k for k in range(grid.count()) if grid.label(k) == "7"]
    assert len(ones) == 1 and len(sevens) == 2 and ones[0] < sevens[0]  # the 1s' row, then the 7s'
    QTest.mouseClick(grid.viewport(), LEFT, pos=grid.tile_rect(sevens[1]).center())
    assert grid.selected_index() == 2
    QTest.keyClick(grid, Qt.Key.Key_1)  # file it as a 1
    assert window.my_digits.y.tolist() == [1, 7, 1] and "1: 2" in counts_shown(window)
    assert grid.selected_index() == 2  # the selection followed the drawing into the 1s

    QTest.keyClick(grid, Qt.Key.Key_Delete)
    assert window.my_digits.y.tolist() == [1, 7] and on_disk(window) == [1, 7]
    window.undo_action.trigger()  # Ctrl+Z: the drawing comes back where it was
    assert window.my_digits.y.tolist() == [1, 7, 1] and on_disk(window) == [1, 7, 1]
    window.undo_action.trigger()  # and back to a 7
    assert window.my_digits.y.tolist() == [1, 7, 7]
    window.redo_action.trigger()
    kept = np.array(window.my_digits.x)

    window.document.set_modified(False)
    window.close()  # (waits for the last save)
    again = MainWindow()  # the next start reads the set back
    qtbot.addWidget(again)
    assert again.my_digits.y.tolist() == [1, 7, 1] and np.array_equal(again.my_digits.x, kept)
    assert "3 in all" in counts_shown(again) and "1: 2" in counts_shown(again)
    again.document.set_modified(False)
    again.close()


def test_clear_is_undone_and_set_my_digits_replaces_the_set(qtbot, window):
    from nndesk.engine.data.my_digits import MyDigits

    draw_and_add(window, ONE, "1")
    draw_and_add(window, SEVEN, "7")
    view = open_my_digits(window)
    QTest.mouseClick(view.findChild(QPushButton, "clearMyDigits"), LEFT)
    assert len(window.my_digits) == 0 and "0 in all" in counts_shown(window)
    assert view.grid.count() == 0 and not view.findChild(QPushButton, "clearMyDigits").isEnabled()
    window.undo_action.trigger()
    assert window.my_digits.y.tolist() == [1, 7] and view.grid.count() >= 2

    other = MyDigits()
    other.add(np.zeros((280, 280), np.uint8), np.full((28, 28), 0.5, np.float32), 4)
    with qtbot.waitSignal(window.my_digits_events.changed):
        window.set_my_digits(other)  # what opening a session does
    assert window.my_digits.y.tolist() == [4] and "4: 1" in counts_shown(window)
    assert on_disk(window) == [4]
    window.undo_action.trigger()  # the Clear's undo history meets another set: nothing of it is applied
    window.undo_action.trigger()
    assert window.my_digits.y.tolist() == [4]


def message_box(qtbot) -> QMessageBox:
    found = []

    def shown() -> bool:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        found[:] = boxes
        return bool(boxes)
    qtbot.waitUntil(shown)
    return found[0]


def test_an_unreadable_set_is_moved_aside_and_the_window_starts_empty(qtbot):
    from nndesk.app.shell.main_window import MainWindow

    path = default_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"PK\x03\x04 this zip was cut short")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    box = message_box(qtbot)
    moved = path.with_name("my-digits.damaged.npz")
    assert "moved aside" in box.text() and str(moved) in box.text() and "damaged .npz" in box.detailedText()
    assert moved.read_bytes() == b"PK\x03\x04 this zip was cut short" and not path.exists()
    assert len(window.my_digits) == 0
    box.close()
    draw_and_add(window, ONE, "1")  # and the student goes on: a new, good file
    assert on_disk(window) == [1]
    window.document.set_modified(False)
    window.close()


def test_damaged_entries_are_left_out_with_a_message_and_the_rest_kept(qtbot):
    from nndesk.app.shell.main_window import MainWindow

    rng = np.random.default_rng(1)
    x = rng.random((3, 28, 28)).astype(np.float32)
    x[1, 3, 3] = np.nan
    path = default_path()
    path.parent.mkdir(parents=True)
    np.savez(path, ink=np.zeros((3, 280, 280), np.uint8), x=x, y=np.array([2, 3, 11]))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    box = message_box(qtbot)
    assert "2 of your saved drawings" in box.text() and "other 1 are kept" in box.text()
    assert "drawing 2 dropped" in box.detailedText() and "drawing 3 dropped" in box.detailedText()
    assert window.my_digits.y.tolist() == [2] and np.array_equal(window.my_digits.x[0], x[0])
    box.close()
    window.document.set_modified(False)
    window.close()
