"""ConvEditor: menus chosen with the mouse push undoable conv edits; refusals are shown and change nothing."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSpinBox,
    QToolButton,
    QToolTip,
    QWidget,
)

from nndesk.app.canvas.conv_editor import ConvEditor
from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.document.undo import DocumentUndoStack
from nndesk.app.shell import i18n
from nndesk.app.shell.window_training import GuardedUndoStack, WindowTraining
from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
from nndesk.engine.core.network import Network
from tests.app.people import answer_next_dialog, type_number

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


class Window(QMainWindow):
    """A window that shows messages as the main window does (``show_message``), recorded."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str]] = []

    def show_message(self, title: str, text: str, icon=QMessageBox.Icon.Information, details: str = "") -> None:
        self.messages.append((title, text))


def _convnet() -> ConvNet:
    return ConvNet.create((1, 28, 28), [ConvSpec(3, 4), PoolSpec(2)], [16], 10, seed=1)


@pytest.fixture
def setup(qtbot):
    window = Window()
    qtbot.addWidget(window)
    doc = NetworkDocument(_convnet(), "digits", (28, 28), seed=2)
    stack = DocumentUndoStack(doc)
    return ConvEditor(doc, stack, window), doc, stack, window


def choose(qtbot, menu: QMenu, *path: str) -> None:
    """Open ``menu`` and click each entry of ``path`` with the mouse (a submenu opens on its click)."""
    menu.popup(QPoint(200, 200))
    qtbot.waitUntil(menu.isVisible)
    for text in path:
        action = next(a for a in menu.actions() if a.text() == text)
        assert action.isEnabled()
        QTest.mouseClick(menu, LEFT, NONE, menu.actionGeometry(action).center())
        if action.menu() is not None:
            menu = action.menu()
            qtbot.waitUntil(menu.isVisible)


def answer_number(value: int) -> None:
    """Type ``value`` into the next number dialog and press Return, as the student would."""
    def act() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QInputDialog):
            type_number(box.findChild(QSpinBox), value)
        else:
            QTimer.singleShot(20, act)
    QTimer.singleShot(0, act)


def kernels(doc: NetworkDocument) -> list[np.ndarray]:
    return [p.copy() for p in doc.network.parameters()]


def test_context_menu_inserts_a_convolution_after_the_pooling_and_undo_takes_it_back(qtbot, setup) -> None:
    editor, doc, stack, _ = setup
    before = kernels(doc)
    choose(qtbot, editor.context_menu(2), "Insert convolution after")
    assert [f.spec for f in doc.network.features] == ["conv3x3x4", "pool2", "conv5x5x4"]  # 5×5, as many filters
    stack.undo()
    assert doc.network.architecture == "1×28×28-conv3x3x4-pool2-16-10"
    for x, y in zip(kernels(doc), before):
        np.testing.assert_array_equal(x, y)


def test_a_new_convolution_takes_3x3_where_5x5_would_not_fit(qtbot) -> None:
    doc = NetworkDocument(ConvNet.create((1, 12, 12), [ConvSpec(5, 2), PoolSpec(2)], [], 3, seed=0), "x", None)
    editor = ConvEditor(doc, DocumentUndoStack(doc), Window())
    assert editor.add_conv(2)  # 4×4 maps
    assert doc.network.features[2].spec == "conv3x3x2"


def test_kernel_menu_shows_the_size_and_changes_it(qtbot, setup) -> None:
    editor, doc, stack, _ = setup
    menu = editor.kernel_menu(1)
    assert [(a.text(), a.isChecked()) for a in menu.actions() if a.isCheckable()] == \
        [("3×3", True), ("5×5", False), ("7×7", False)]
    choose(qtbot, menu, "3×3")  # the size it has: nothing to change
    assert stack.count() == 0
    choose(qtbot, editor.context_menu(1), "Kernel size", "7×7")
    assert doc.network.features[0].kernels.shape == (4, 1, 7, 7) and doc.shapes[1] == (4, 22, 22)
    assert stack.count() == 1 and stack.undoText() == "Change kernel size"


def test_other_kernel_size_and_filters_are_typed_in(qtbot, setup) -> None:
    editor, doc, stack, _ = setup
    answer_number(9)
    choose(qtbot, editor.context_menu(1), "Kernel size", "Other size…")
    assert doc.network.features[0].k == 9
    old = doc.network.features[0].kernels.copy()
    answer_number(6)
    choose(qtbot, editor.context_menu(1), "Filters…")
    assert doc.network.features[0].filters == 6
    np.testing.assert_array_equal(doc.network.features[0].kernels[:4], old)
    assert stack.count() == 2


def test_filters_step_by_one_and_double_with_shift(qtbot, setup) -> None:
    editor, doc, stack, window = setup
    before = kernels(doc)
    editor.step_filters(1, +1)
    assert doc.shapes[1][0] == 5
    editor.step_filters(1, +1, Qt.KeyboardModifier.ShiftModifier)
    assert doc.shapes[1][0] == 10
    editor.step_filters(1, -1, Qt.KeyboardModifier.ShiftModifier)
    editor.step_filters(1, -1)
    for _ in range(2):
        editor.step_filters(1, -1, Qt.KeyboardModifier.ShiftModifier)
    assert doc.shapes[1][0] == 1 and not window.messages
    assert stack.count() == 1 and stack.undoText() == "Change filter count"  # a run of clicks: one undo step
    net = doc.network
    assert not editor.step_filters(1, -1)
    assert doc.network is net and stack.count() == 1
    assert window.messages == [("This change can't be made", "A convolution has 1 to 256 filters; 0 is not possible.")]
    stack.undo()
    for x, y in zip(kernels(doc), before):
        np.testing.assert_array_equal(x, y)


def test_clicks_with_training_in_between_are_undone_one_by_one(qtbot, setup) -> None:
    editor, doc, stack, _ = setup
    editor.step_filters(1, +1)
    doc.apply_weights([(w + 1, b) for w, b in doc.weights_snapshot()])  # an epoch's weights came in
    trained = kernels(doc)
    editor.step_filters(1, +1)
    editor.step_filters(2, +1)  # a pooling: refused, nothing pushed
    assert stack.count() == 2 and doc.shapes[1][0] == 6
    stack.undo()
    for x, y in zip(kernels(doc), trained):
        np.testing.assert_array_equal(x, y)


def test_removing_the_last_feature_layer_gives_a_dense_network_and_back(qtbot, setup) -> None:
    editor, doc, stack, _ = setup
    choose(qtbot, editor.context_menu(2), "Remove this pooling")
    choose(qtbot, editor.context_menu(1), "Remove this convolution")
    assert not doc.is_conv and doc.sizes == [784, 16, 10]
    choose(qtbot, editor.context_menu(0), "Insert pooling after")
    assert doc.is_conv and doc.shapes[1] == (1, 14, 14)
    stack.undo()
    stack.undo()
    assert doc.network.architecture == "1×28×28-conv3x3x4-16-10"


def test_a_refused_edit_shows_why_in_a_tooltip_without_a_window_and_in_russian(qtbot) -> None:
    doc = NetworkDocument(ConvNet.create((1, 6, 6), [PoolSpec(2), PoolSpec(2)], [], 2, seed=0), "x", None)
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    stack = DocumentUndoStack(doc)
    editor = ConvEditor(doc, stack, widget)
    net = doc.network
    with qtbot.waitSignal(editor.refused) as said:
        choose(qtbot, editor.context_menu(2), "Insert pooling after")  # 1×1 maps
    assert said.args == ["Layer a⁽³⁾'s 2×2 pooling needs maps of at least 2×2; it would get 1×1."]
    assert QToolTip.text() == said.args[0]
    assert doc.network is net and stack.count() == 0 and not doc.is_modified()
    i18n.install("ru")
    try:
        with qtbot.waitSignal(editor.refused) as said:
            editor.add_pool(2)
        assert said.args == ["Пулингу 2×2 слоя a⁽³⁾ нужны карты не меньше 2×2, а он получил бы 1×1."]
    finally:
        i18n.install("en")


def test_a_dense_network_without_an_image_offers_no_convolutions(qtbot) -> None:
    doc = NetworkDocument(Network.create([2, 3, 2]), "xor", None)
    editor = ConvEditor(doc, DocumentUndoStack(doc), Window())
    assert editor.context_menu(0).actions() == []


class TrainingWindow(WindowTraining, QMainWindow):
    """The window's guard with a trainer that is running until stopped; its last weights land on stop."""

    def __init__(self, doc: NetworkDocument) -> None:
        QMainWindow.__init__(self)
        self.document = doc
        window = self

        class Trainer:
            is_active = True

            def stop_and_wait(self) -> None:
                doc.apply_weights([(np.full_like(w, 0.25), b) for w, b in doc.weights_snapshot()])
                self.is_active = False
                window.stopped = True
        self.trainer, self.stopped = Trainer(), False


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_during_training_the_student_is_asked_first_as_for_dense_layers(qtbot, answer) -> None:
    doc = NetworkDocument(_convnet(), "digits", (28, 28), seed=2)
    window = TrainingWindow(doc)
    qtbot.addWidget(window)
    stack = GuardedUndoStack(window)
    editor = ConvEditor(doc, stack, window)
    net = doc.network
    answer_next_dialog(answer)
    pushed = editor.step_filters(1, +1)
    if answer == QMessageBox.StandardButton.No:
        assert not pushed and doc.network is net and stack.count() == 0 and not window.stopped
    else:
        assert pushed and window.stopped and doc.shapes[1] == (5, 26, 26)
        np.testing.assert_array_equal(doc.network.features[0].kernels[:4], 0.25)  # the run's last weights kept
        stack.undo()
        np.testing.assert_array_equal(doc.network.features[0].kernels, 0.25)


def test_in_the_window_a_conv_edit_during_training_asks_first(qtbot, window) -> None:
    """The real window and trainer: No keeps the run and the network; Yes stops it, and undo gives back
    the very network the run left (the dense layers' biases are the edit's too)."""
    editor = window.canvas.conv_editor
    window.trainer.update(epochs=50)
    with qtbot.waitSignal(window.trainer.epochFinished, timeout=30_000):
        QTest.mouseClick(window.findChild(QToolButton, "trainButton"), LEFT)
    answer_next_dialog(QMessageBox.StandardButton.No)
    assert not editor.add_conv(0)
    assert not window.document.is_conv and window.trainer.is_active and window.undo_stack.count() == 0
    answer_next_dialog(QMessageBox.StandardButton.Yes)
    assert editor.add_conv(0)
    assert window.document.is_conv and not window.trainer.is_active
    assert window.document.network.architecture == "1×28×28-conv5x5x8-800-10"
    kept = [layer.bias.copy() for layer in window.document.network.head.layers]
    window.undo_stack.undo()
    assert not window.document.is_conv
    for x, layer in zip(kept, window.document.network.layers):
        np.testing.assert_array_equal(x, layer.bias)
