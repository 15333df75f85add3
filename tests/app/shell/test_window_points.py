"""A 2-D set clicked together on the decision boundary: undoable, refused while training, saved and opened back;
CSV tables imported with a network sized to them, a bad one refused with one message."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox

from nndesk.engine.data.datasets import load
from tests.app.people import answer_next_dialog, pick

RIGHT, NONE = Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier


@pytest.fixture
def xor(window, qtbot):
    """The window on XOR, its boundary shown; unsaved points discarded when the window closes."""
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    view = window.boundary_view
    qtbot.waitUntil(lambda: view.isVisible() and view.plot.getViewBox().sceneBoundingRect().width() > 100)
    yield window
    if window.points_unsaved():
        answer_next_dialog(QMessageBox.StandardButton.Discard)


def click(window, x: float, y: float, button=Qt.MouseButton.LeftButton) -> None:
    """A click on the plane's point (x, y), as the student's mouse does it."""
    plot = window.boundary_view.plot
    QTest.mouseClick(plot.viewport(), button, NONE, plot.mapFromScene(plot.getViewBox().mapViewToScene(QPointF(x, y))))


def test_clicks_add_and_remove_points_and_undo_redo_bring_them_back(xor, qtbot) -> None:
    window, view = xor, xor.boundary_view
    original = window.source.train
    assert window.hand_made_points() is None
    network = window.document.network
    QTest.mouseClick(view.chooser.buttons[1], Qt.MouseButton.LeftButton)
    click(window, 0.3, 0.4)
    mine = window.hand_made_points()
    assert mine is not None and len(mine) == len(original) + 1 and mine.y[-1] == 1
    assert np.allclose(mine.x[-1], [0.3, 0.4], atol=0.02)
    assert len(view.x) == len(mine) and np.array_equal(view.x[-1], mine.x[-1])  # repainted at once
    assert window.document.network is network  # the same network goes on learning
    assert window.training_dock.picker.currentText() == "my points"
    extent = view.extent
    click(window, *original.x[0], button=RIGHT)  # right on the first point: that one goes
    assert len(window.points()) == len(original)
    assert not np.any(np.all(window.points().x == original.x[0], axis=1))
    assert view.extent == extent  # the plane stays put while points come and go
    window.undo_action.trigger()
    assert np.array_equal(window.points().x, mine.x)
    window.undo_action.trigger()
    assert np.array_equal(window.points().x, original.x) and np.array_equal(view.y, original.y)
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert len(window.points()) == len(original) and window.points().y[-1] == 1


def test_a_set_drawn_from_nothing_trains_and_its_boundary_follows(xor, qtbot) -> None:
    window, view = xor, xor.boundary_view
    QTest.mouseClick(view.chooser.clear_button, Qt.MouseButton.LeftButton)
    assert len(window.points()) == 0 and len(view.x) == 0
    window.train()  # nothing to learn from: said, not attempted
    assert not window.trainer.is_active and "no points" in window.status.currentMessage()
    for k, (cx, cy) in enumerate([(-0.5, -0.5), (0.5, 0.5)]):
        view.chooser.choose(k)
        for dx, dy in [(0, 0), (0.1, 0), (0, 0.1), (-0.1, 0), (0, -0.1)]:
            click(window, cx + dx, cy + dy)
    assert np.bincount(window.points().y).tolist() == [5, 5]
    before = view.values.copy()
    window.trainer.update(epochs=30, epochs_per_second=0)
    with qtbot.waitSignal(window.trainer.finished, timeout=20_000):
        window.train()
    qtbot.waitUntil(lambda: not np.allclose(view.values, before))
    p = window.document.network.feedforward(np.array([[-0.5, -0.5], [0.5, 0.5]], np.float32))
    assert p[0].argmax() == 0 and p[1].argmax() == 1  # the boundary runs between the two hand-drawn groups


def test_while_training_runs_a_click_is_refused_with_a_message(xor, qtbot) -> None:
    window = xor
    n = len(window.points())
    window.trainer.update(epochs=100_000, epochs_per_second=1)
    window.train()
    assert window.trainer.is_active
    click(window, 0.2, 0.2)
    assert len(window.points()) == n and window.hand_made_points() is None
    assert "Stop training first" in window.status.currentMessage()
    with qtbot.waitSignal(window.trainer.finished, timeout=10_000):
        window.trainer.stop()
    click(window, 0.2, 0.2)
    assert len(window.points()) == n + 1


def test_undoing_a_point_while_training_stops_the_run(xor, qtbot) -> None:
    window = xor
    click(window, 0.2, 0.2)
    window.trainer.update(epochs=100_000, epochs_per_second=1)
    window.train()
    with qtbot.waitSignal(window.trainer.finished, timeout=10_000):
        window.undo_action.trigger()
    assert len(window.points()) == len(load("xor").train)
    assert "Training stopped" in window.status.currentMessage()


def test_the_set_saves_and_opens_back_equal(xor, tmp_path, qtbot) -> None:
    window = xor
    click(window, -0.7, 0.8)
    made = window.hand_made_points()
    path = tmp_path / "mine.npz"
    assert window.save_data_set(path) and not window.points_unsaved()
    assert window.recipe.dataset == str(path.absolute())  # a model saved now names the file
    assert window.training_dock.picker.currentText() == "mine.npz"
    window.use_dataset("circles")
    assert window.hand_made_points() is None
    assert window.use_dataset(str(path))
    opened = window.source.train
    assert np.array_equal(opened.x, made.x) and np.array_equal(opened.y, made.y)
    assert opened.n_classes == 2 and window.document.sizes == [2, 8, 8, 2]  # the toy preset for a 2-D set


def test_unsaved_points_are_asked_about_before_another_set_replaces_them(xor, qtbot) -> None:
    window = xor
    click(window, 0.1, -0.1)
    answer_next_dialog(QMessageBox.StandardButton.Cancel)
    assert not window.use_dataset("circles")
    assert window.recipe.dataset == "my points" and window.points_unsaved()  # Cancel: nothing replaced
    answer_next_dialog(QMessageBox.StandardButton.Discard)
    window.use_dataset("circles")
    assert window.recipe.dataset == "circles" and not window.points_unsaved()


def test_a_valid_csv_gets_a_network_sized_to_it_and_trains_an_epoch(window, tmp_path, qtbot) -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(90, 4)) + np.repeat(np.eye(3, 4) * 3, 30, axis=0)
    labels = np.repeat([0, 1, 2], 30)
    lines = ["a,b,c,d,kind"] + [",".join(f"{v:.4f}" for v in row) + f",{k}" for row, k in zip(x, labels)]
    path = tmp_path / "three.csv"
    path.write_text("\n".join(lines) + "\n")
    assert window.import_csv(path)
    assert window.document.sizes == [4, 8, 3] and window.recipe.preset == "table"
    assert window.hand_made_points() is window.source.train and not window.points_unsaved()
    assert not window.boundary_view.isVisible()  # 4 inputs: no plane to show
    window.trainer.update(epochs=1)
    with qtbot.waitSignal(window.trainer.finished, timeout=20_000):
        window.train()
    assert len(window.trainer.history) == 1 and np.isfinite(window.trainer.history[-1].train_cost)


def test_a_bad_csv_gives_one_message_and_changes_nothing(window, tmp_path, qtbot) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("1,2,0\n3,oops,1\n")
    network, recipe = window.document.network, window.recipe
    assert not window.import_csv(path)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1 and "line 2, column 2: 'oops' is not a number" in boxes[0].detailedText()
    assert window.document.network is network and window.recipe is recipe
    boxes[0].close()


def test_use_points_keeps_a_network_that_fits_and_sizes_one_that_does_not(xor, qtbot) -> None:
    from nndesk.engine.core.dataset import Dataset

    window = xor
    network = window.document.network
    two = Dataset("two", np.array([[0, 0], [1, 1]], np.float32), np.array([0, 1]), 2)
    assert window.use_points(two)
    assert window.document.network is network and np.array_equal(window.hand_made_points().x, two.x)
    window.undo_action.trigger()  # an undoable switch
    assert len(window.points()) == len(load("xor").train)
    three = Dataset("three", np.array([[0, 0], [1, 1], [2, 0]], np.float32), np.array([0, 1, 2]), 3)
    answer_next_dialog(QMessageBox.StandardButton.Discard)  # the XOR points edited by the undo: not saved
    assert window.use_points(three)
    assert window.document.sizes == [2, 8, 8, 3] and len(window.boundary_view.chooser.buttons) == 3
    assert window.hand_made_points() is not None and window.recipe.preset == "toy"


def test_a_model_of_unsaved_points_saves_them_beside_it_and_opens_again(xor, tmp_path, qtbot) -> None:
    window = xor
    click(window, 0.6, -0.6)
    made = window.hand_made_points()
    model = tmp_path / "net.npz"
    assert window.save_model(model) and not window.points_unsaved()
    beside = tmp_path / "net-points.npz"
    assert beside.exists() and window.recipe.dataset == str(beside.absolute())
    window.use_dataset("circles")
    assert window.load_model(model)
    assert np.array_equal(window.source.train.x, made.x) and np.array_equal(window.source.train.y, made.y)
