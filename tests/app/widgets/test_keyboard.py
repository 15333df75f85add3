"""The window by keyboard, as a student without a mouse (or a teacher at a projector) uses it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar

from nndesk.app.shell import i18n
from nndesk.app.widgets.focus_ring import FocusRing

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def english(qapp):
    yield
    i18n.install("en")


def tab_to(window, widget, limit: int = 80) -> None:
    """Press Tab until ``widget`` has the focus, as a person would."""
    window.activateWindow()
    window.canvas.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.objectName()}")


def test_space_in_a_number_field_keeps_the_number_and_starts_training(qtbot, window) -> None:
    window.trainer.update(epochs=50)
    box = window.training_dock.momentum
    tab_to(window, box)
    before = box.text()
    assert box.lineEdit().selectedText() == before  # Tab selected it: a typed character would replace it
    with qtbot.waitSignal(window.trainer.stateChanged, check_params_cb=lambda s: s == "running"):
        QTest.keyClick(box, Qt.Key.Key_Space)
    assert box.text() == before
    QTest.keyClick(box, Qt.Key.Key_Space)
    assert window.trainer.state == "paused" and box.text() == before
    QTest.keyClick(box, Qt.Key.Key_End)
    QTest.keyClick(box, Qt.Key.Key_Backspace)
    QTest.keyClick(box, Qt.Key.Key_5)  # digits are still typed
    assert box.text() == before[:-1] + "5"
    with qtbot.waitSignal(window.trainer.finished, timeout=10_000):
        window.trainer.stop()


def test_every_tab_stop_shows_where_the_focus_is(qtbot, window) -> None:
    window.activateWindow()
    window.canvas.setFocus(Qt.FocusReason.TabFocusReason)
    seen, blind = [], []
    for _ in range(80):
        widget = QApplication.focusWidget()
        if widget in seen:
            break
        seen.append(widget)
        focused = widget.grab().toImage()
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        if widget.grab().toImage() == focused:
            blind.append(f"{type(widget).__name__} {widget.objectName()}")
    names = {type(w).__name__ for w in seen}
    assert {"NetworkCanvas", "LossPlot", "DrawPad", "InspectorPanel", "BackpropPanel"} <= names
    assert blind == []


def test_the_canvas_gets_a_focus_frame_in_the_highlight_colour(qtbot, window) -> None:
    tab_to(window, window.canvas)
    assert FocusRing.install().target() is window.canvas
    image = window.canvas.grab().toImage()
    highlight = window.canvas.palette().color(window.canvas.palette().ColorRole.Highlight)
    assert image.pixelColor(0, image.height() // 2) == highlight
    assert image.pixelColor(image.width() // 2, image.height() - 1) == highlight


def test_step_stop_and_reset_have_keys_the_training_menu_shows(qtbot, window) -> None:
    dock = window.training_dock
    shown = {a.text(): a.shortcut().toString() for a in window.training_menu.actions()}
    assert shown[dock.step_action.text()] == "F10"
    assert shown[dock.stop_action.text()] == "Shift+F5"
    assert shown[dock.reset_action.text()] == "Ctrl+R"
    window.trainer.update(epochs=50)
    window.activateWindow()
    window.canvas.setFocus()
    epochs = len(window.trainer.history)  # (the ready-trained network comes with its own)
    with qtbot.waitSignal(window.trainer.stateChanged, check_params_cb=lambda s: s == "paused", timeout=30_000):
        QTest.keyClick(window.canvas, Qt.Key.Key_F10)  # one epoch, then pause
    assert len(window.trainer.history) == epochs + 1
    with qtbot.waitSignal(window.trainer.finished, timeout=10_000):
        QTest.keyClick(window.canvas, Qt.Key.Key_F5, SHIFT)
    qtbot.waitUntil(lambda: window.trainer.state == "idle")
    window.document.set_modified(False)  # nothing to save: Reset asks nothing
    before = window.document.network.layers[0].weights.copy()
    QTest.keyClick(window.canvas, Qt.Key.Key_R, CTRL)
    assert window.trainer.history == [] and (window.document.network.layers[0].weights != before).any()


def test_ctrl_2_reaches_the_inspector_and_ctrl_1_the_canvas_where_arrows_pick_a_neuron(qtbot, window) -> None:
    window.activateWindow()
    window.draw_dock.raise_()  # the Inspector is tabbed behind the draw pad
    QTest.keyClick(window, Qt.Key.Key_2, CTRL)
    assert QApplication.focusWidget() is window.inspector and window.inspector.isVisible()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, CTRL)
    assert QApplication.focusWidget() is window.canvas
    with qtbot.waitSignal(window.canvas.neuronClicked) as picked:
        QTest.keyClick(window.canvas, Qt.Key.Key_Right)
    assert picked.args == [0, 0] and window.canvas.highlight.target.kind == "neuron"
    assert window.inspector.isVisible()  # what was picked, looked inside
    names = [a.text() for a in window.view_menu.actions()]
    assert any(a.shortcut() == QKeySequence("Ctrl+2") for a in window.view_menu.actions()), names


def test_bottom_tabs_show_whole_russian_titles_at_1024x768(qtbot, window, english) -> None:
    i18n.install("ru")
    window.resize(1024, 768)  # (as small as the docks' minimum sizes allow)
    bars = [b for b in window.findChildren(QTabBar) if b.isVisible() and b.count() > 3]
    assert bars, "no tabbed docks"
    qtbot.waitUntil(lambda: all(b.usesScrollButtons() for b in bars))
    qtbot.waitUntil(lambda: window.backprop_dock.windowTitle() == "Обратное распространение ошибки")
    qtbot.waitUntil(lambda: all(b.tabToolTip(i) == b.tabText(i) for b in bars for i in range(b.count())))
    for bar in bars:
        assert bar.elideMode() == Qt.TextElideMode.ElideNone
        for i in range(bar.count()):
            text = bar.tabText(i)
            assert bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(text), text
            assert bar.tabToolTip(i) == text
    titles = [bars[0].tabText(i) for i in range(bars[0].count())]
    assert "Функция стоимости ошибки" in titles or "Обратное распространение ошибки" in titles


def test_ctrl_plus_enlarges_the_backprop_steps_and_ctrl_0_restores_them(qtbot, window) -> None:
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_4, CTRL)  # Go to backpropagation
    panel, steps = window.backprop, window.backprop.stepsView
    assert QApplication.focusWidget() is panel
    QTest.keyClick(panel, Qt.Key.Key_Right)
    normal, html = steps.font().pointSizeF(), steps.toHtml()
    QTest.keyClick(panel, Qt.Key.Key_Equal, CTRL)
    QTest.keyClick(panel, Qt.Key.Key_Plus, CTRL)
    assert steps.font().pointSizeF() == normal + 2
    assert steps.toHtml() != html  # the formulas were typeset again, larger
    assert steps.minimumSizeHint().height() >= steps.fontMetrics().lineSpacing() * 5  # room for a step
    QTest.keyClick(panel, Qt.Key.Key_0, CTRL)
    assert steps.font().pointSizeF() == normal
    texts = [a.text() for a in steps.zoom_actions]
    assert texts == ["Larger text", "Smaller text", "Normal text size"]
