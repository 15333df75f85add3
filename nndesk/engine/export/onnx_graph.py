"""The network as an ONNX graph, the format every inference runtime reads (onnxruntime, OpenCV, …).

Each layer becomes the lecture's two steps: a ``Gemm`` node for z = W·a + b
(ONNX multiplies rows of samples, so it computes a·Wᵀ + b, as the engine
does) and one node for a = σ(z).  Every activation the engine has has an
ONNX operator of the same formula: Sigmoid, Tanh, Relu, LeakyRelu (α = 0.01),
Identity, and Softmax over each sample's outputs.  The input ``x`` is what the
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
from nndesk.engine.core.network import Network
from nndesk.engine.data.atomic_write import write_atomic
from nndesk.engine.export.exportable import dense_layers, require

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


def onnx_model(network: Network, name: str = "nndesk", preprocessing: str | None = None):
    """An ``onnx.ModelProto`` of ``network``, checked by ``onnx.checker``; ``ExportError`` without onnx."""
    onnx = require("onnx", "ONNX export")
    from onnx import TensorProto, helper, numpy_helper

    layers = dense_layers(network)
    nodes, weights = [], []
    a = "x"  # a⁽⁰⁾, the input
    for l, layer in enumerate(layers):
        w, b, z = f"W{l}", f"b{l}", f"z{l + 1}"
        weights += [numpy_helper.from_array(layer.weights.astype(np.float32), w),
                    numpy_helper.from_array(layer.bias.astype(np.float32), b)]
        # z⁽ˡ⁺¹⁾ = W⁽ˡ⁾·a⁽ˡ⁾ + b: Gemm computes a·Wᵀ + b for every row (sample) of a
        nodes.append(helper.make_node("Gemm", [a, w, b], [z], name=f"z{l + 1} = W{l}·a{l} + b{l}", transB=1))
        a_next = "a" if l == len(layers) - 1 else f"a{l + 1}"
        op, attributes = OPERATORS[layer.activation]
        nodes.append(helper.make_node(op, [z], [a_next], name=f"a{l + 1} = {layer.activation}(z{l + 1})",
                                      **attributes))
        a = a_next
    sizes = network.sizes
    x_info = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", sizes[0]],
                                           doc_string=_input_doc(sizes[0], preprocessing))
    a_info = helper.make_tensor_value_info("a", TensorProto.FLOAT, ["batch", sizes[-1]],
                                           doc_string=f"a⁽ᴸ⁾: the {layers[-1].activation} outputs, one row a sample")
    graph = helper.make_graph(nodes, name, [x_info], [a_info], weights)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="nndesk",
                              producer_version=__version__, ir_version=IR_VERSION,
                              doc_string=f"{'-'.join(map(str, sizes))} network from nndesk: a = σ(W·a + b) per layer")
    helper.set_model_props(model, {"sizes": "-".join(map(str, sizes)),
                                   "activations": ",".join(layer.activation for layer in layers),
                                   "cost": network.cost.name, "preprocessing": preprocessing or ""})
    onnx.checker.check_model(model)
    return model


def save_onnx(path: str | os.PathLike, network: Network, preprocessing: str | None = None) -> Path:
    """Write the ONNX file atomically (a failed write leaves any older file intact)."""
    model = onnx_model(network, Path(path).stem or "nndesk", preprocessing)
    data = model.SerializeToString()
    return write_atomic(path, lambda f: f.write(data))


def _input_doc(n: int, preprocessing: str | None) -> str:
    if preprocessing:
        return f"a⁽⁰⁾: {n} inputs, one row a sample (pixels 0…1, prepared as {preprocessing})"
    return f"a⁽⁰⁾: {n} inputs, one row a sample"
