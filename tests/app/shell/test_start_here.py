""""Start here": three paths, each one click on the real window; × remembers; Help ▸ Start here brings it back."""

from __future__ import annotations

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QToolButton

from nndesk.app.shell import settings
from nndesk.app.shell.main_window import MainWindow
from tests.app.people import LEFT, NONE, pick


def click(window, name: str) -> None:
    button = window.start_here.findChild(QToolButton if name == "startHereClose" else QPushButton, name)
    assert button.isVisible()
    QTest.mouseClick(button, LEFT)


def test_a_first_start_shows_three_paths(window) -> None:
    panel = window.start_here
    assert panel.isVisible()
    texts = [b.text() for b in panel.findChildren(QPushButton)]
    assert texts == ["① The lecture's example", "② Draw a digit", "③ Train your own"]


def test_the_lecture_path_shows_the_3_2_1_stepped_through(window, qtbot) -> None:
    click(window, "startLecture")
    assert window.recipe.dataset == "lecture" and window.document.sizes == [3, 2, 1]
    qtbot.waitUntil(window.backprop.isVisible)  # its dock raised over the cost plot
    assert window.backprop.walk is not None and not window.start_here.isVisible()
    assert not settings.start_here_dismissed()  # a path hides it for now, not for good


def test_the_drawing_path_brings_the_ready_trained_digits_and_the_pad(window, qtbot) -> None:
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    window.show_start_here()
    click(window, "startDraw")
    assert window.recipe.dataset == "mnist-bundled" and window.ready_badge.is_ready_trained()
    qtbot.waitUntil(lambda: window.draw_widget.pad.hasFocus())
    assert not window.start_here.isVisible()


def test_the_training_path_trains_xor_at_once(window, qtbot) -> None:
    with qtbot.waitSignal(window.trainer.epochFinished, timeout=30_000):
        click(window, "startTrain")
        assert window.recipe.dataset == "xor" and window.trainer.is_active
    assert not window.start_here.isVisible() and window.loss_plot.isVisible()
    window.stop_and_wait()


def test_close_is_remembered_and_help_brings_it_back(window, qtbot) -> None:
    click(window, "startHereClose")
    assert not window.start_here.isVisible() and settings.start_here_dismissed()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert not again.start_here.isVisible()
    bar = again.menuBar()  # Help ▸ Start here, with the mouse
    QTest.mouseClick(bar, LEFT, NONE, bar.actionGeometry(again.help_menu.menuAction()).center())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is again.help_menu)
    QTest.mouseClick(again.help_menu, LEFT, NONE, again.help_menu.actionGeometry(again.start_here_action).center())
    qtbot.waitUntil(again.start_here.isVisible)
    again.close()
