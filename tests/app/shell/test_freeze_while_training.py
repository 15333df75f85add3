"""Freeze and prune reach a running training: clicked in the inspector while XOR trains, a frozen weight
is bit-identical after many more epochs and a pruned one stays exactly 0."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QToolButton

from tests.app.people import LEFT, NONE, pick


def click_edge(qtbot, window, l: int, k: int, j: int) -> tuple[int, int, int]:
    """Click the middle of edge w_kj⁽ˡ⁾ on the canvas; returns the weight the canvas says was hit."""
    canvas = window.canvas
    where = canvas.mapFromScene(canvas.bundles[l].edge_line(k, j).center())
    with qtbot.waitSignal(canvas.edgeClicked) as hit:
        QTest.mouseClick(canvas.viewport(), LEFT, NONE, where)
    return tuple(hit.args)


def epochs_later(qtbot, window, n: int) -> None:
    done = len(window.trainer.history)
    qtbot.waitUntil(lambda: len(window.trainer.history) >= done + n, timeout=60_000)


def test_a_weight_frozen_and_one_pruned_while_training_stay_exactly_as_set(qtbot, window):
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    window.inspector_dock.show()
    window.inspector_dock.raise_()
    inspector, doc = window.inspector, window.document
    window.trainer.update(epochs=100_000)
    with qtbot.waitSignal(window.trainer.epochFinished, timeout=30_000):
        QTest.mouseClick(window.findChild(QToolButton, "trainButton"), LEFT)
    epochs_later(qtbot, window, 5)

    frozen = click_edge(qtbot, window, 1, 3, 4)
    assert inspector.selection == ("edge", *frozen)
    qtbot.mouseClick(inspector.freezeCheck, Qt.MouseButton.LeftButton)  # no question: values don't stop training
    kept = doc.weight(*frozen)  # the value shown when the student froze it
    assert doc.is_frozen(frozen) and inspector.freezeCheck.isChecked()

    pruned = click_edge(qtbot, window, 0, 5, 1)
    qtbot.mouseClick(inspector.pruneButton, Qt.MouseButton.LeftButton)
    assert doc.weight(*pruned) == 0.0

    free = (1, 0, 0)  # a weight nobody touched, to show training really went on
    free_before = doc.weight(*free)
    epochs_later(qtbot, window, 200)
    assert window.trainer.is_active
    with qtbot.waitSignal(window.trainer.finished, timeout=30_000):
        QTest.mouseClick(window.findChild(QToolButton, "stopButton"), LEFT)

    assert doc.weight(*free) != free_before
    assert doc.weight(*frozen) == kept  # bit for bit: the trained copy's final weights are in the document
    assert doc.weight(*pruned) == 0.0  # it did not grow back
    assert doc.is_frozen(frozen) and doc.is_frozen(pruned)
