"""A convolutional model file opens in the window: its network, recipe, history; it trains and saves back."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QSpinBox

from nndesk.app.shell.window_conv import layers_of
from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
from nndesk.engine.runs.model_io import load_model, save_model
from nndesk.engine.runs.recipe import TrainingRecipe
from tests.app.people import type_number
from tests.app.shell.session_window import click


def test_a_cnn_model_opens_trains_and_saves_with_its_layers(qtbot, window, tmp_path):
    recipe = TrainingRecipe.from_preset("digits-cnn", features=("conv3x3x2", "pool2"), hidden=(8,))
    built = recipe.build_network(784, 10)
    path = save_model(tmp_path / "cnn.npz", built, recipe)

    assert window.load_model(path)  # as `nndesk cnn.npz` and File → Open do

    net = window.document.network
    assert isinstance(net, ConvNet) and window.document.is_conv and window.document.n_features == 2
    assert net.architecture == "1×28×28-conv3x3x2-pool2-8-10" and window.recipe.features == ("conv3x3x2", "pool2")
    assert all(np.array_equal(a, b) for a, b in zip(net.parameters(), built.parameters(), strict=True))
    type_number(window.findChild(QSpinBox, "epochsBox"), 1)
    with qtbot.waitSignal(window.trainer.finished, timeout=60_000):
        click(window, "trainButton")
    assert len(window.trainer.history) == 1
    trained = [p.copy() for p in window.document.network.parameters()]
    assert not np.array_equal(trained[0], built.parameters()[0])  # the kernels learned, in the document

    assert window.save_model(tmp_path / "again.npz")
    again = load_model(tmp_path / "again.npz")
    assert isinstance(again.network, ConvNet) and again.recipe.features == ("conv3x3x2", "pool2")
    assert all(np.array_equal(a, b) for a, b in zip(again.network.parameters(), trained, strict=True))
    assert len(again.history) == 1


def test_the_recipe_takes_the_layers_the_network_really_has():
    net = ConvNet.create((1, 28, 28), [ConvSpec(5, 4), PoolSpec(2), ConvSpec(3, 6, True)], [16, 12], 10, seed=0)
    assert layers_of(net) == {"hidden": (16, 12), "features": ("conv5x5x4", "pool2", "conv3x3x6same")}
    assert layers_of(net.head) == {"hidden": (16, 12), "features": ()}


def test_reset_and_the_cost_switch_keep_a_cnn_a_cnn(qtbot, window):
    from PySide6.QtWidgets import QMessageBox

    from tests.app.people import answer_next_dialog

    net = ConvNet.create((1, 28, 28), [ConvSpec(3, 4), PoolSpec(2)], [16], 10, "relu", "cross-entropy", seed=3)
    window.document.set_structure(net)
    before = [p.copy() for p in net.parameters()]
    answer_next_dialog(QMessageBox.StandardButton.Discard)  # the edited network is not worth keeping
    window.reset()
    fresh = window.document.network
    assert isinstance(fresh, ConvNet) and fresh.architecture == net.architecture
    assert not any(np.array_equal(a, b) for a, b in zip(fresh.parameters(), before))  # new kernels and weights
    assert np.all(fresh.features[0].bias == 0) and np.std(fresh.features[0].kernels) > 0
    assert len(window.trainer.history) == 0

    window.set_cost("quadratic")
    switched = window.document.network
    assert isinstance(switched, ConvNet) and switched.cost.name == "quadratic"
    assert switched.output_activation.name == "sigmoid" and switched.architecture == net.architecture
    assert all(np.array_equal(a, b) for a, b in zip(switched.parameters(), fresh.parameters()))  # weights stay
