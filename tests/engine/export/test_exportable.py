"""What an export can carry, and what it needs installed."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
from nndesk.engine.export.exportable import (
    ExportError,
    MissingPackage,
    architecture,
    dense_layers,
    features_and_dense,
    require,
)
from tests.engine.export.nets import small_net


def test_dense_layers_are_copies_in_the_lectures_orientation():
    net = small_net("tanh", "quadratic", 3)
    layers = dense_layers(net)
    assert [layer.weights.shape for layer in layers] == [(5, 6), (4, 5), (3, 4)]
    assert [layer.activation for layer in layers] == ["tanh", "tanh", "sigmoid"]
    layers[0].weights[0, 0] = 99
    assert net.layers[0].weights[0, 0] != 99  # the export can't change the network


def test_a_convolutional_network_has_features_then_dense_layers():
    net = ConvNet.create((1, 12, 12), [ConvSpec(3, 2, same=True), PoolSpec(2)], [5], 3, seed=0)
    features, dense = features_and_dense(net)
    assert [type(f).__name__ for f in features] == ["Conv2D", "MaxPool2D"] and len(dense) == 2
    assert architecture(net) == "1×12×12-conv3x3x2same-pool2-5-3"
    assert architecture(small_net("relu", "quadratic", 3)) == "6-5-4-3"
    with pytest.raises(ExportError, match="writes dense networks only"):
        dense_layers(net, "the numpy script")


def test_a_layer_of_an_unknown_kind_is_refused():
    net = small_net("relu", "quadratic", 3)
    net.layers[1] = type("Odd", (), {"activation": net.layers[1].activation, "weights": np.zeros((4, 5))})()
    with pytest.raises(ExportError, match="layer 1 is a Odd"):
        dense_layers(net)


def test_a_missing_package_says_what_needs_it_and_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)
    with pytest.raises(MissingPackage) as caught:
        require("onnx", "ONNX export")
    assert (caught.value.what, caught.value.package) == ("ONNX export", "onnx")
    assert str(caught.value) == "ONNX export needs the onnx package: pip install 'nndesk[export]'"
    assert require("json", "anything").dumps([]) == "[]"
