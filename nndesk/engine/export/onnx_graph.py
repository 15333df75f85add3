"""The network as an ONNX graph, the format every inference runtime reads (onnxruntime, OpenCV, …).

Each layer becomes the lecture's two steps: a ``Gemm`` node for z = W·a + b
(ONNX multiplies rows of samples, so it computes a·Wᵀ + b, as the engine
does) and one node for a = σ(z).  Every activation the engine has has an
ONNX operator of the same formula: Sigmoid, Tanh, Relu, LeakyRelu (α = 0.01),
Identity, and Softmax over each sample's outputs.  A convolutional network's
feature layers go before them: a Reshape of the input row to (C, H, W)
images, ``Conv`` (the kernels as (F, C, k, k), zero padding for "same") and
σ, ``MaxPool``, then ``Flatten`` in C, H, W order, the engine's own.  The input ``x`` is what the
network reads (digits: 784 pixels 0…1, row by row, centred the MNIST way);
the output ``a`` is a⁽ᴸ⁾, the probabilities the window shows.  Weights are
float32, ONNX's common number type.  Built with ``onnx.helper``, an optional
extra: ``pip install 'nndesk[export]'``.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from nndesk import __version__
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.network import Network
from nndesk.engine.core.pool import MaxPool2D
from nndesk.engine.data.atomic_write import write_atomic
from nndesk.engine.export.exportable import architecture, features_and_dense, require
from nndesk.engine.fast.im2col import padding

OPSET = 17  # Softmax over one axis (opset 13+); read by onnxruntime 1.12 and later
IR_VERSION = 8  # the file format that goes with opset 17, so older runtimes read it too
# σ as an ONNX operator, and its attributes: the same formula the engine computes
OPERATORS: dict[str, tuple[str, dict[str, float | int]]] = {
    "sigmoid": ("Sigmoid", {}),
    "tanh": ("Tanh", {}),
    "relu": ("Relu", {}),
    "leaky-relu": ("LeakyRelu", {"alpha": 0.01}),
    "linear": ("Identity", {}),
    "softmax": ("Softmax", {"axis": 1}),
}


def onnx_model(network: Network | ConvNet, name: str = "nndesk", preprocessing: str | None = None):
    """An ``onnx.ModelProto`` of ``network``, checked by ``onnx.checker``; ``ExportError`` without onnx."""
    onnx = require("onnx", "ONNX export")
    from onnx import TensorProto, helper

    features, layers = features_and_dense(network)
    graph = _Graph()
    a = "x"  # a⁽⁰⁾, the input: one row of numbers a sample
    if features:  # the row as images (C, H, W), the order the engine reads it in
        a = graph.node("Reshape", [a, graph.constant("image_shape", np.array([-1, *network.input_shape]))],
                       "image", "the input as (C, H, W) images")
        for f, layer in enumerate(features):
            a = graph.feature(f, layer, a)
        a = graph.node("Flatten", [a], "flat", "the feature maps as one row, C·H·W order", axis=1)
    for l, layer in enumerate(layers):
        last = l == len(layers) - 1
        w, b = graph.constant(f"W{l}", layer.weights), graph.constant(f"b{l}", layer.bias)
        # z⁽ˡ⁺¹⁾ = W⁽ˡ⁾·a⁽ˡ⁾ + b: Gemm computes a·Wᵀ + b for every row (sample) of a
        z = graph.node("Gemm", [a, w, b], f"z{l + 1}", f"z{l + 1} = W{l}·a{l} + b{l}", transB=1)
        a = graph.activation(layer.activation, z, "a" if last else f"a{l + 1}", f"a{l + 1}")
    sizes = network.sizes
    x_info = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", sizes[0]],
                                           doc_string=_input_doc(network, preprocessing))
    a_info = helper.make_tensor_value_info("a", TensorProto.FLOAT, ["batch", sizes[-1]],
                                           doc_string=f"a⁽ᴸ⁾: the {layers[-1].activation} outputs, one row a sample")
    model = helper.make_model(helper.make_graph(graph.nodes, name, [x_info], [a_info], graph.weights),
                              opset_imports=[helper.make_opsetid("", OPSET)], producer_name="nndesk",
                              producer_version=__version__, ir_version=IR_VERSION,
                              doc_string=f"{architecture(network)} network from nndesk: a = σ(W·a + b) per layer")
    helper.set_model_props(model, {"sizes": architecture(network),
                                   "activations": ",".join(layer.activation for layer in layers),
                                   "cost": network.cost.name, "preprocessing": preprocessing or ""})
    onnx.checker.check_model(model)
    return model


class _Graph:
    """The nodes and weights of the graph being built, one layer at a time."""

    def __init__(self) -> None:
        from onnx import helper, numpy_helper

        self.helper, self.numpy_helper = helper, numpy_helper
        self.nodes: list = []
        self.weights: list = []

    def constant(self, name: str, value: np.ndarray) -> str:
        value = value.astype(np.float32) if value.dtype.kind == "f" else value.astype(np.int64)
        self.weights.append(self.numpy_helper.from_array(value, name))
        return name

    def node(self, op: str, inputs: list[str], output: str, title: str, **attributes) -> str:
        """One node; its name says what it computes (names must differ: the output's leads)."""
        name = title if title.startswith(output) else f"{output}: {title}"
        self.nodes.append(self.helper.make_node(op, inputs, [output], name=name, **attributes))
        return output

    def activation(self, name: str, z: str, out: str, title: str) -> str:
        op, attributes = OPERATORS[name]
        return self.node(op, [z], out, f"{title} = {name}({z})", **attributes)

    def feature(self, f: int, layer: Conv2D | MaxPool2D, a: str) -> str:
        """A convolution (kernels (F, C, k, k), as ONNX stores them, then σ) or a max pooling."""
        if isinstance(layer, MaxPool2D):
            p = layer.size  # p×p blocks, stride p; an odd last row or column is dropped (floor), as the engine
            return self.node("MaxPool", [a], f"pool{f}", f"max of each {p}×{p} block", kernel_shape=[p, p],
                             strides=[p, p])
        k, (before, after) = layer.k, padding(layer.k, layer.same)
        kernels, bias = self.constant(f"K{f}", layer.kernels), self.constant(f"c{f}", layer.bias)
        z = self.node("Conv", [a, kernels, bias], f"conv_z{f}", f"{k}×{k} convolution, {layer.filters} filters",
                      kernel_shape=[k, k], pads=[before, before, after, after], strides=[1, 1])
        return self.activation(layer.activation.name, z, f"conv_a{f}", f"conv_a{f}")


def save_onnx(path: str | os.PathLike, network: Network | ConvNet, preprocessing: str | None = None) -> Path:
    """Write the ONNX file atomically (a failed write leaves any older file intact)."""
    model = onnx_model(network, Path(path).stem or "nndesk", preprocessing)
    data = model.SerializeToString()
    return write_atomic(path, lambda f: f.write(data))


def _input_doc(network: Network | ConvNet, preprocessing: str | None) -> str:
    n = network.sizes[0]
    if isinstance(network, ConvNet):
        n = f"{n} (C·H·W = {'×'.join(map(str, network.input_shape))}, channel by channel, row by row)"
    if preprocessing:
        return f"a⁽⁰⁾: {n} inputs, one row a sample (pixels 0…1, prepared as {preprocessing})"
    return f"a⁽⁰⁾: {n} inputs, one row a sample"
