"""What an export can carry, and what it needs installed: the checks every format shares.

Each format writes the lecture's dense layers, a = σ(W·a + b); ONNX also
convolutions, poolings and the flatten before the dense layers.  So
``dense_layers`` and ``features_and_dense`` are the one place that says what
a network must be to leave nndesk, in one clear sentence when it can't.  Optional libraries
(onnx) are imported only when asked for; a missing one is an ``ExportError``
that says how to install it, never a traceback.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

import numpy as np

from nndesk.engine.core.activations import ACTIVATIONS
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.layers import Dense
from nndesk.engine.core.network import Network
from nndesk.engine.core.pool import MaxPool2D

INSTALL = "pip install 'nndesk[export]'"


class ExportError(ValueError):
    """An export that can't be made; ``str()`` is one line that says why."""


class MissingPackage(ExportError):
    """An optional library is missing: ``what`` needs ``package`` (the window and CLI say it in their language)."""

    def __init__(self, what: str, package: str) -> None:
        self.what, self.package = what, package
        super().__init__(f"{what} needs the {package} package: {INSTALL}")


@dataclass(frozen=True, eq=False)
class DenseLayer:
    """One layer as the lecture writes it: W (n_out, n_in), b (n_out,), and the name of σ."""

    weights: np.ndarray
    bias: np.ndarray
    activation: str


def dense_layers(network: Network | ConvNet, what: str = "this export") -> list[DenseLayer]:
    """The network's layers, copied; ``ExportError`` for a layer ``what`` can't write (yet)."""
    if isinstance(network, ConvNet):
        raise ExportError(f"{what} writes dense networks only; this one has convolutions (export it as ONNX)")
    out = []
    for l, layer in enumerate(network.layers):
        if not isinstance(layer, Dense) or layer.activation.name not in ACTIVATIONS:
            raise ExportError(f"{what} writes dense layers only; layer {l} is a {type(layer).__name__}")
        out.append(DenseLayer(np.array(layer.weights), np.array(layer.bias), layer.activation.name))
    return out


def features_and_dense(network: Network | ConvNet) -> tuple[list[Conv2D | MaxPool2D], list[DenseLayer]]:
    """A convolutional network's feature layers (convolutions and poolings, before the flatten) and its dense
    layers; ([], the dense layers) for a dense network.  ``ExportError`` for any other kind of layer."""
    if not isinstance(network, ConvNet):
        return [], dense_layers(network)
    for l, layer in enumerate(network.features):
        if not isinstance(layer, (Conv2D, MaxPool2D)):
            raise ExportError(f"export can't write layer {l}, a {type(layer).__name__}")
    return [layer.copy() for layer in network.features], dense_layers(network.head)


def architecture(network: Network | ConvNet) -> str:
    """``784-30-10``, or ``1×28×28-conv5x5x8-pool2-…-10`` for a convolutional network."""
    if not isinstance(network, ConvNet):
        return "-".join(map(str, network.sizes))
    return "-".join(["×".join(map(str, network.input_shape)), *(layer.spec for layer in network.features),
                     *map(str, network.head.sizes[1:])])


def require(module: str, what: str) -> ModuleType:
    """Import an optional library, or say in one line which package ``what`` needs."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingPackage(what, module) from None
