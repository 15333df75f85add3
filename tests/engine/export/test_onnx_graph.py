"""The ONNX graph computes what the engine computes: onnxruntime against ``Network.feedforward``."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from nndesk.engine.data.datasets import load
from nndesk.engine.export.exportable import ExportError
from nndesk.engine.export.onnx_graph import onnx_model, save_onnx
from nndesk.engine.runs.model_io import load_model
from nndesk.engine.runs.pretrained import shipped_path
from tests.engine.export.nets import KINDS, inputs, small_net

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")


def run_onnx(path, x: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(["a"], {"x": x.astype(np.float32)})[0]


def test_the_ready_trained_digits_network_reads_every_bundled_digit_as_the_engine_does(tmp_path):
    model = load_model(shipped_path())
    path = save_onnx(tmp_path / "digits.onnx", model.network, model.preprocessing)
    digits = load("mnist-bundled").train
    x = digits.inputs()
    ours, theirs = model.network.feedforward(x), run_onnx(path, x)
    assert theirs.shape == (len(digits), 10)
    assert np.abs(ours - theirs).max() <= 1e-4
    assert np.array_equal(ours.argmax(axis=1), theirs.argmax(axis=1))
    assert (theirs.argmax(axis=1) == digits.y).mean() > 0.9  # it is the trained network, not a fresh one


@pytest.mark.parametrize(("hidden", "cost", "n_out"), KINDS)
def test_every_activation_and_output_kind_agree(tmp_path, hidden, cost, n_out):
    net = small_net(hidden, cost, n_out)
    x = inputs()
    theirs = run_onnx(save_onnx(tmp_path / "net.onnx", net), x)
    ours = net.feedforward(x)
    assert np.abs(ours - theirs).max() <= 1e-5
    assert np.array_equal(ours.argmax(axis=1), theirs.argmax(axis=1))
    if hidden in ("relu", "leaky-relu"):  # the inputs reach both sides of the kink
        z = net.layers[0].z(x)
        assert (z < 0).any() and (z > 0).any()


def test_the_graph_is_the_lectures_two_steps_per_layer():
    net = small_net("sigmoid", "cross-entropy", 4)
    model = onnx_model(net, preprocessing="mnist-centre-of-mass-28")
    ops = [node.op_type for node in model.graph.node]
    assert ops == ["Gemm", "Sigmoid", "Gemm", "Sigmoid", "Gemm", "Softmax"]
    assert [i.name for i in model.graph.input] == ["x"] and [o.name for o in model.graph.output] == ["a"]
    props = {p.key: p.value for p in model.metadata_props}
    assert props["sizes"] == "6-5-4-4" and props["cost"] == "cross-entropy"
    assert props["preprocessing"] == "mnist-centre-of-mass-28"
    weights = {t.name: onnx.numpy_helper.to_array(t) for t in model.graph.initializer}
    assert np.array_equal(weights["W0"], net.layers[0].weights)  # w_kj as the lecture writes it


def test_leaky_relu_slope_is_the_engines():
    model = onnx_model(small_net("leaky-relu", "quadratic", 3))
    leaky = [n for n in model.graph.node if n.op_type == "LeakyRelu"]
    assert len(leaky) == 2 and all(abs(n.attribute[0].f - 0.01) < 1e-9 for n in leaky)


def test_a_float64_network_exports_as_float32(tmp_path):
    net = small_net("tanh", "quadratic", 3, dtype=np.float64)
    x = inputs(dtype=np.float64)
    theirs = run_onnx(save_onnx(tmp_path / "n.onnx", net), x)
    assert theirs.dtype == np.float32 and np.abs(net.feedforward(x) - theirs).max() <= 1e-5


def test_without_the_onnx_package_one_line_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "onnx", None)  # import onnx raises ImportError
    with pytest.raises(ExportError) as caught:
        save_onnx(tmp_path / "n.onnx", small_net("relu", "quadratic", 3))
    assert str(caught.value) == "ONNX export needs the onnx package: pip install 'nndesk[export]'"
    assert not (tmp_path / "n.onnx").exists()


def test_a_failed_save_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "n.onnx"
    path.write_bytes(b"old")
    monkeypatch.setattr("onnx.checker.check_model", lambda model: (_ for _ in ()).throw(ValueError("bad")))
    with pytest.raises(ValueError):
        save_onnx(path, small_net("relu", "quadratic", 3))
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["n.onnx"]


@pytest.mark.parametrize("hidden", ["relu", "sigmoid", "tanh", "leaky-relu", "linear"])
@pytest.mark.parametrize(("cost", "n_out"), [("cross-entropy", 10), ("quadratic", 3)])
def test_a_convolutional_network_agrees_layer_for_layer(tmp_path, hidden, cost, n_out):
    from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec

    # valid and "same" padding (an even kernel pads unevenly), and poolings that drop an odd last row
    net = ConvNet.create((2, 15, 15), [ConvSpec(4, 3, same=True), PoolSpec(2), ConvSpec(3, 5), PoolSpec(2)], [7],
                         n_out, hidden, cost, seed=5)
    x = np.random.default_rng(6).normal(0, 1, (40, 2 * 15 * 15)).astype(np.float32)
    model = onnx_model(net)
    ops = [node.op_type for node in model.graph.node]
    assert ops[:2] == ["Reshape", "Conv"] and ops.count("MaxPool") == 2 and "Flatten" in ops
    names = [node.name for node in model.graph.node]
    assert len(set(names)) == len(names)  # onnxruntime refuses a graph with two nodes of one name
    sizes = {p.key: p.value for p in model.metadata_props}["sizes"]
    assert sizes == f"2×15×15-conv4x4x3same-pool2-conv3x3x5-pool2-7-{n_out}"
    theirs = run_onnx(save_onnx(tmp_path / "cnn.onnx", net), x)
    ours = net.feedforward(x)
    assert np.abs(ours - theirs).max() <= 1e-5
    assert np.array_equal(ours.argmax(axis=1), theirs.argmax(axis=1))


def test_a_convolutional_network_reads_the_bundled_digits_as_the_engine_does(tmp_path):
    from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec

    net = ConvNet.create((1, 28, 28), [ConvSpec(5, 4), PoolSpec(2), ConvSpec(3, 8, same=True), PoolSpec(2)], [32],
                         10, "relu", "cross-entropy", seed=2)
    x = load("mnist-bundled").train.inputs(slice(0, 1000))
    ours, theirs = net.feedforward(x), run_onnx(save_onnx(tmp_path / "cnn.onnx", net, "mnist-centre-of-mass-28"), x)
    assert np.abs(ours - theirs).max() <= 1e-4
    assert np.array_equal(ours.argmax(axis=1), theirs.argmax(axis=1))


def test_the_numpy_script_says_it_writes_dense_networks_only(tmp_path):
    from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
    from nndesk.engine.export.formats import export

    net = ConvNet.create((1, 8, 8), [ConvSpec(3, 2), PoolSpec(2)], [], 3, seed=1)
    with pytest.raises(ExportError) as caught:
        export("numpy", net, tmp_path / "net.py")
    assert str(caught.value) == "the numpy script writes dense networks only; this one has convolutions (export it " \
                                "as ONNX)"
    assert list(tmp_path.iterdir()) == []
