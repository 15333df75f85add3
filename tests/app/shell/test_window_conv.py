"""A convolutional model file: the window says it can't show it yet and keeps the student's network."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QMessageBox

from nndesk.engine.runs.model_io import save_model
from nndesk.engine.runs.recipe import TrainingRecipe


def test_a_cnn_model_is_refused_with_one_clear_message(qtbot, window, tmp_path):
    recipe = TrainingRecipe.from_preset("digits-cnn", features=("conv3x3x2", "pool2"), hidden=(8,))
    path = save_model(tmp_path / "cnn.npz", recipe.build_network(784, 10), recipe)
    network, weights = window.document.network, [p.copy() for p in window.document.network.parameters()]
    title = window.windowTitle()

    assert not window.load_model(path)  # as `nndesk cnn.npz` and File → Open do

    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    assert "1×28×28-conv3x3x2-pool2-8-10" in boxes[0].text() and "nndesk eval" in boxes[0].text()
    assert str(path) in boxes[0].detailedText()
    boxes[0].button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not any(b.isVisible() for b in window.findChildren(QMessageBox)))
    assert window.document.network is network and window.windowTitle() == title and window.model_path is None
    assert all(np.array_equal(a, b) for a, b in zip(window.document.network.parameters(), weights, strict=True))
