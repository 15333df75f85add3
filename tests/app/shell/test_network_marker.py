"""The cost plot marks where the student edited the network between two runs.

Epochs go on counting across an edit, so without a mark the curve would look like one network's story.
The marker comes from the history itself (each epoch records its network), so a saved model shows it too.
"""

from __future__ import annotations

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QToolButton

from tests.app.people import LEFT, NONE, pick


def train(qtbot, window, epochs: int) -> None:
    window.trainer.update(epochs=epochs)  # a run of this many more
    with qtbot.waitSignal(window.trainer.finished, timeout=60_000):
        QTest.mouseClick(window.findChild(QToolButton, "trainButton"), LEFT)


def click_on_canvas(window, item) -> None:
    canvas = window.canvas
    QTest.mouseClick(canvas.viewport(), LEFT, NONE, canvas.mapFromScene(item.scenePos()))


def test_a_neuron_added_between_runs_is_marked_and_the_mark_is_saved(qtbot, window, tmp_path) -> None:
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    plot = window.loss_plot
    train(qtbot, window, 3)
    before = window.trainer.history[-1].network
    assert before.startswith("-".join(map(str, window.document.sizes)) + " ")
    assert plot.network_markers == []  # one network so far

    with qtbot.waitSignal(window.document.architectureChanged):
        click_on_canvas(window, window.canvas.columns[1].plus_button)
    assert plot.network_markers == []  # nothing trained the new network yet
    train(qtbot, window, 2)

    after = window.trainer.history[-1].network
    assert after != before and [s.epoch for s in window.trainer.history] == [1, 2, 3, 4, 5]
    [line] = plot.network_markers
    assert line.value() == 3  # between epoch 3 (the old network) and epoch 4 (the new one)
    assert line.label.toPlainText() == "new network"
    assert f"before: {before}" in line.toolTip() and f"after: {after}" in line.toolTip()

    path = tmp_path / "edited.npz"
    assert window.save_model(path)
    window.loss_plot.clear_history()
    assert window.load_model(path)
    [again] = window.loss_plot.network_markers  # the history in the file knows where the edit was
    assert again.value() == 3 and again.networks == (before, after)


def test_the_ready_trained_network_edited_and_trained_on_is_marked_too(qtbot, window) -> None:
    """Its shipped history predates the field: it was all trained by the shipped network, so it says so."""
    assert len(window.trainer.history) == 400 and window.loss_plot.network_markers == []
    with qtbot.waitSignal(window.document.architectureChanged):
        click_on_canvas(window, window.canvas.columns[1].minus_button)
    train(qtbot, window, 1)
    [line] = window.loss_plot.network_markers
    assert line.value() == 400 and line.networks == ("784-800-10 relu,softmax", "784-799-10 relu,softmax")
