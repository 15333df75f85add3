"""The student's loop, driven like a person: pick data, train, turn η down, pause, step, stop, draw."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QSlider, QToolButton

from nndesk.app.shell.main_window import MainWindow
from nndesk.engine.core.training import EpochStats
from tests.app.people import LEFT, NONE, answer_next_dialog, on_paper, pick, stroke


def click(window: MainWindow, name: str) -> None:
    button = window.findChild(QToolButton, name)
    assert button.isEnabled(), f"{name} is disabled"
    QTest.mouseClick(button, LEFT)








def test_train_mnist_change_rate_pause_step_stop_then_draw(qtbot, window, trained_digits_model):
    picker = window.findChild(QComboBox, "datasetPicker")
    pick(picker, "XOR")  # a toy set first: the decision boundary shows, the pad hides
    assert window.recipe.dataset == "xor" and window.document.sizes[0] == 2
    pick(picker, "MNIST digits (5,000 bundled)")
    assert window.recipe.dataset == "mnist-bundled" and window.document.sizes[0] == 784
    click(window, "resetButton")  # the digits open ready-trained: from scratch, as a student would
    trainer = window.trainer

    with qtbot.waitSignal(trainer.epochFinished, timeout=30_000, check_params_cb=lambda r: r.stats.epoch == 3):
        click(window, "trainButton")
    assert [h.epoch for h in trainer.history[:3]] == [1, 2, 3]
    assert trainer.history[2].val_accuracy > 0.8

    slider = window.findChild(QSlider, "learningRateSlider")
    before = window.training_dock.learning_rate.value()
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_PageDown)  # η ÷ 10, on the real slider
    assert trainer.control.hyper.learning_rate == pytest.approx(before / 10, rel=0.02)
    with qtbot.waitSignal(trainer.epochFinished, timeout=30_000,
                          check_params_cb=lambda r: r.stats.learning_rate < before / 5) as changed:
        pass
    assert changed.args[0].stats.lr_changes
    assert any(line.eta < before / 5 for line in window.loss_plot.lr_markers)

    click(window, "pauseButton")
    assert trainer.state == "paused"
    qtbot.wait(50)
    done = len(trainer.history)
    with qtbot.waitSignal(trainer.epochFinished, timeout=30_000):
        click(window, "stepButton")
    qtbot.waitUntil(lambda: trainer.state == "paused", timeout=5_000)
    assert len(trainer.history) == done + 1
    with qtbot.waitSignal(trainer.finished, timeout=10_000):
        click(window, "stopButton")
    assert "Epoch" in window.status.epoch_label.text()

    answer_next_dialog(QMessageBox.StandardButton.Discard)  # the trained weights are unsaved
    assert window.load_model(trained_digits_model)
    dock = window.draw_widget
    pad = dock.pad
    stroke(pad, on_paper(pad, [(0.5, 0.14), (0.5, 0.32), (0.5, 0.54), (0.5, 0.71), (0.5, 0.88)]))
    assert int(np.argmax(dock.panel.probabilities())) == 1
    pad.clear()
    ring = [(0.5 + 0.21 * np.sin(t), 0.5 - 0.34 * np.cos(t)) for t in np.linspace(0, 2 * np.pi, 40)]
    stroke(pad, on_paper(pad, ring))
    assert int(np.argmax(dock.panel.probabilities())) == 0


def test_a_bad_data_file_gives_a_dialog_and_keeps_the_data(qtbot, window, tmp_path):
    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"not a zip file")
    assert not window.use_dataset(str(bad))
    box = window.findChild(QMessageBox, "nndeskMessage")
    assert box is not None and box.isVisible()
    assert window.recipe.dataset == "mnist-bundled"
    assert window.findChild(QComboBox, "datasetPicker").currentData() == "mnist-bundled"
    box.button(QMessageBox.StandardButton.Close).click()


def test_a_damaged_model_file_gives_a_dialog_and_nothing_is_lost(qtbot, window, tmp_path):
    network = window.document.network
    damaged = tmp_path / "damaged.npz"
    damaged.write_bytes(b"PK\x03\x04 truncated")
    assert not window.load_model(damaged)
    assert window.document.network is network
    assert window.findChild(QMessageBox, "nndeskMessage").isVisible()


def test_save_then_open_round_trips_and_names_the_window(qtbot, window, tmp_path):
    window.document.set_modified(True)
    assert window.isWindowModified()
    path = tmp_path / "mine.npz"
    assert window.save_model(path)
    assert window.windowTitle().startswith("mine.npz") and not window.isWindowModified()
    assert window.load_model(path)
    assert window.document.sizes == [784, 800, 10]


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, window):
    window.document.set_modified(True)
    answer_next_dialog(QMessageBox.StandardButton.Cancel)
    window.close()
    assert window.isVisible()


def test_docks_and_layout_are_restored(qtbot, window):
    window.loss_dock.hide()
    window.document.set_modified(False)
    window.close()
    again = MainWindow()
    again.show()
    assert not again.loss_dock.isVisible() and again.training_dock.isVisible()
    again.close()
    again.deleteLater()


def test_editing_the_architecture_while_training_asks_first(qtbot, window):
    from nndesk.app.document.editor_commands import ResizeLayerCommand

    window.trainer.update(epochs=50)
    with qtbot.waitSignal(window.trainer.epochFinished, timeout=30_000):
        click(window, "trainButton")
    answer_next_dialog(QMessageBox.StandardButton.No)
    window.undo_stack.push(ResizeLayerCommand(window.document, 1, 20))
    assert window.document.sizes == [784, 800, 10] and window.trainer.is_active
    answer_next_dialog(QMessageBox.StandardButton.Yes)
    window.undo_stack.push(ResizeLayerCommand(window.document, 1, 20))
    assert window.document.sizes == [784, 20, 10] and not window.trainer.is_active


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_divergence_shows_the_banner_and_one_click_retries_with_a_smaller_rate(qtbot, window):
    from nndesk.app.document.editor_commands import SetActivationCommand

    window.undo_stack.push(SetActivationCommand(window.document, 1, "linear"))  # nothing bounds a linear layer
    window.trainer.update(learning_rate=1e5, epochs=2)  # typed in: far past the slider's 10
    with qtbot.waitSignal(window.trainer.diverged, timeout=30_000):
        click(window, "trainButton")
    qtbot.waitUntil(lambda: window.trainer.state == "idle", timeout=10_000)
    banner = window.divergence_banner
    assert banner.isVisible() and "100000" in banner.messageLabel.text()
    with qtbot.waitSignal(window.trainer.stateChanged, check_params_cb=lambda s: s == "running"):
        QTest.mouseClick(banner.applyButton, LEFT)
    assert window.trainer.control.hyper.learning_rate == pytest.approx(1e4)
    assert window.training_dock.learning_rate.value() == pytest.approx(1e4)  # the dock follows
    assert not banner.isVisible()
    with qtbot.waitSignal(window.trainer.finished, timeout=30_000):
        window.trainer.stop()


def test_a_weight_typed_in_while_paused_is_trained_from(qtbot, window):
    from nndesk.app.document.editor_commands import SetWeightCommand

    window.trainer.update(epochs=50, learning_rate=1e-4)
    with qtbot.waitSignal(window.trainer.epochFinished, timeout=30_000):
        click(window, "trainButton")
    click(window, "pauseButton")
    qtbot.wait(50)
    window.undo_stack.push(SetWeightCommand(window.document, 1, 3, 7, 5.0))  # as the inspector does
    with qtbot.waitSignal(window.trainer.epochFinished, timeout=30_000) as stepped:
        click(window, "stepButton")
    w = stepped.args[0].weights[1][0]
    assert w[3, 7] == pytest.approx(5.0, abs=0.05)  # the trained copy got the edit before its next batch
    with qtbot.waitSignal(window.trainer.finished, timeout=10_000):
        click(window, "stopButton")


def test_space_starts_and_pauses_training(qtbot, window):
    window.activateWindow()
    window.trainer.update(epochs=50)
    window.canvas.setFocus()
    with qtbot.waitSignal(window.trainer.stateChanged, check_params_cb=lambda s: s == "running"):
        QTest.keyClick(window.canvas, Qt.Key.Key_Space)
    QTest.keyClick(window.canvas, Qt.Key.Key_Space)
    assert window.trainer.state == "paused"
    with qtbot.waitSignal(window.trainer.finished, timeout=10_000):
        window.trainer.stop()


def test_a_toy_set_trains_with_the_decision_boundary_in_view(qtbot, window):
    pick(window.findChild(QComboBox, "datasetPicker"), "circles")
    assert window.boundary_dock.isVisible() and not window.draw_dock.isVisible()
    window.trainer.update(epochs=30)
    with qtbot.waitSignal(window.trainer.finished, timeout=30_000):
        click(window, "trainButton")
    assert window.trainer.history[-1].val_accuracy > 0.8
    assert window.boundary_view.values is not None


def test_dragging_the_learning_rate_slider_does_not_flood_the_trainer(qtbot, window):
    from PySide6.QtWidgets import QStyle, QStyleOptionSlider

    slider = window.findChild(QSlider, "learningRateSlider")
    updates = []
    window.trainer.settingsChanged.connect(lambda hyper: updates.append(hyper.learning_rate))
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    handle = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                           QStyle.SubControl.SC_SliderHandle, slider).center()
    QTest.mousePress(slider, LEFT, NONE, handle)
    for dx in range(2, 80, 2):  # 39 moves in a few milliseconds: a quick drag to the left
        QTest.mouseMove(slider, handle - QPoint(dx, 0))
    QTest.mouseRelease(slider, LEFT, NONE, handle - QPoint(78, 0))
    final = window.training_dock.learning_rate.value()
    assert 1 <= len(updates) <= 3  # the leading edge went through at once; the rest waits
    qtbot.waitUntil(lambda: updates[-1] == final, timeout=1_000)  # and the last position always lands
    assert len(updates) <= 4 and window.trainer.control.hyper.learning_rate == final < 0.05
    assert window.findChild(QLabel, "learningRateValue").text().endswith(QLocale().toString(final, "g", 3))


def test_the_input_picture_shows_the_mean_digit_until_one_is_drawn(qtbot, window):
    def picture() -> np.ndarray:
        image = window.canvas.columns[0]._pixmap.pixmap().toImage()
        return np.array([[image.pixelColor(x, y).lightness() for x in range(28)] for y in range(28)])

    mean = window.document.mean_input
    assert mean is not None and mean.shape == (784,) and 0 < mean.max() <= 1
    assert picture()[14, 14] > 60 and picture()[0, 0] < 10  # a grey blur in the middle, black at the border
    pick(window.findChild(QComboBox, "datasetPicker"), "circles")
    assert window.document.mean_input is None  # 2-D points are no picture
    pick(window.findChild(QComboBox, "datasetPicker"), "MNIST digits (5,000 bundled)")
    assert window.document.mean_input is not None and picture()[14, 14] > 60


def test_lecture_example_button_shows_the_lectures_network_on_the_canvas_and_steps_highlight_it(qtbot, window):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from nndesk.engine.explain.lecture import lecture_network

    panel = window.backprop
    window.backprop_dock.show()
    window.backprop_dock.raise_()
    QTest.mouseClick(panel.lectureButton, Qt.MouseButton.LeftButton)
    assert window.recipe.dataset == "lecture"
    assert window.document.network.sizes == [3, 2, 1]
    assert window.recipe.optimizer == "sgd"  # the lecture's plain w ← w − η·∇C
    np.testing.assert_allclose(window.document.network.layers[0].weights, lecture_network().layers[0].weights)
    highlights = []
    panel.highlightRequested.connect(lambda *args: highlights.append(args))
    for _ in range(2):
        QTest.mouseClick(panel.stepForwardButton, Qt.MouseButton.LeftButton)
    assert highlights and highlights[-1][0] == "neuron"
    assert "0.57" in panel.stepsView.toPlainText()


def test_the_backprop_panel_steps_a_training_sample_of_the_users_own_network(qtbot, window):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    panel = window.backprop
    window.backprop_dock.show()
    window.backprop_dock.raise_()
    assert window.document.network.sizes[0] == 784
    epochs = len(window.trainer.history) or window.trainer.control.hyper.epochs  # the ready-trained network's 400
    assert window.status.epoch_label.text().endswith(f" {epochs}")  # "Epoch 400 of 400" before training
    QTest.mouseClick(panel.stepForwardButton, Qt.MouseButton.LeftButton)
    assert panel.stepsView.toPlainText().strip() != ""


def test_after_an_epoch_the_inspector_shows_a_clicked_weights_last_batch_gradient(qtbot, window):
    window.trainer.update(epochs=1)
    with qtbot.waitSignal(window.trainer.finished, timeout=60_000):
        window.train()
    window.inspector_dock.show()
    window.inspector_dock.raise_()
    window.canvas.edgeClicked.emit(1, 3, 5)
    assert all(isinstance(h, EpochStats) for h in window.trainer.history)  # the history keeps no arrays …
    shown = [line.text() for line in window.inspector.lines if line.isVisible()]
    assert any("last batch" in t for t in shown)  # … but the inspector got the epoch's last-batch ∂C/∂W
