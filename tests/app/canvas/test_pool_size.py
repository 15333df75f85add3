"""A pooling's block size from the canvas: its "block 2×2 ▾" button and its right-click menu, undoable."""

from __future__ import annotations

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from tests.app.canvas.test_conv_scene import LEFT, NONE, click, digits_cnn, make_canvas, right_click_and_choose


def test_the_block_button_changes_a_poolings_size_and_undo_puts_it_back(qtbot) -> None:
    canvas, doc, stack = make_canvas(qtbot, digits_cnn())
    pool = canvas.columns[2]
    assert pool.kind == "pool" and pool.pool_button.text == "block 2×2 ▾"
    kernels = doc.network.features[2].kernels.copy()
    click(canvas, pool.pool_button.scenePos())
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["2×2"]
    action = next(a for a in menu.actions() if a.text() == "3×3")
    with qtbot.waitSignal(doc.architectureChanged):
        QTest.mouseClick(menu, LEFT, NONE, menu.actionGeometry(action).center())
    assert [f.spec for f in doc.network.features] == ["conv5x5x32", "pool3", "conv5x5x64", "pool2"]
    assert doc.shapes[2] == (32, 8, 8) and canvas.columns[2].pool_button.text == "block 3×3 ▾"
    assert (doc.network.features[2].kernels == kernels).all()  # the next convolution's kernels stay
    stack.undo()
    assert doc.network.architecture == digits_cnn().architecture


def test_a_size_that_does_not_fit_is_refused_and_nothing_changes(qtbot) -> None:
    canvas, doc, stack = make_canvas(qtbot, digits_cnn())
    assert not canvas.conv_editor.set_pool_size(2, 8)  # 24 → 3×3 maps: the 5×5 kernels after it would not fit
    assert stack.count() == 0 and doc.network.architecture == digits_cnn().architecture
    assert canvas.conv_editor.set_pool_size(4, 8)  # the last pooling: 8×8 → 1×1 maps, which fits
    assert doc.shapes[4] == (64, 1, 1) and stack.count() == 1


def test_the_right_click_menu_of_a_pooling_has_its_sizes(qtbot) -> None:
    canvas, doc, _ = make_canvas(qtbot, digits_cnn())
    menu = canvas.conv_editor.context_menu(4)
    [sizes] = [a.menu() for a in menu.actions() if a.menu() is not None]
    assert sizes.title() == "Pooling size" and [a.text() for a in sizes.actions() if a.text()] == \
        ["2×2", "3×3", "4×4", "Other size…"]
    with qtbot.waitSignal(doc.architectureChanged):
        right_click_and_choose(canvas, canvas.columns[4].sceneBoundingRect().center(), "Remove this pooling")
    assert [f.spec for f in doc.network.features] == ["conv5x5x32", "pool2", "conv5x5x64"]


def test_other_size_asks_for_a_number(qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QInputDialog

    canvas, doc, _ = make_canvas(qtbot, digits_cnn())

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        assert dialog.intMinimum() == 2 and dialog.intMaximum() == 8 and dialog.intValue() == 2
        dialog.setIntValue(4)
        dialog.accept()
    QTimer.singleShot(0, answer)
    assert canvas.conv_editor.ask_pool_size(4)
    assert doc.network.features[3].size == 4 and doc.shapes[4] == (64, 2, 2)
