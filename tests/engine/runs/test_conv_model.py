"""Convolutional model files: a trained CNN round-trips whole; hostile ones fail in one line before allocating."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.data.datasets import DataSource, load
from nndesk.engine.runs.model_io import ModelError, load_model, save_model
from nndesk.engine.runs.recipe import TrainingRecipe
from tests.engine.runs.hostile_models import edited


@pytest.fixture(scope="module")
def cnn_file(tmp_path_factory) -> Path:
    """A small CNN on 600 bundled digits, trained one epoch with momentum (so it has optimizer state)."""
    recipe = TrainingRecipe.from_preset("digits-cnn", features=("conv3x3x4same", "pool2", "conv3x3x6", "pool2"),
                                        hidden=(16,), epochs=1, augment=False)
    data = load("mnist-bundled").train
    small = data.subset(np.arange(0, len(data), 8))
    net = recipe.build_network(784, 10, (28, 28))
    trainer = recipe.make_trainer(net, DataSource(small.name, small, None, "600 digits"))
    list(trainer.epochs())
    return save_model(tmp_path_factory.mktemp("cnn") / "cnn.npz", net, recipe, trainer.history, trainer.optimizer)


def test_round_trip_keeps_everything(cnn_file: Path) -> None:
    model = load_model(cnn_file)
    net = model.network
    assert isinstance(net, ConvNet) and net.architecture == "1×28×28-conv3x3x4same-pool2-conv3x3x6-pool2-16-10"
    assert model.metadata["format_version"] == 2 and model.metadata["image_shape"] == [28, 28]
    assert model.recipe.features == ("conv3x3x4same", "pool2", "conv3x3x6", "pool2") and len(model.history) == 1
    again = save_model(cnn_file.with_name("again.npz"), net, model.recipe, model.history, model.optimizer())
    twin = load_model(again).network
    assert all(np.array_equal(a, b) for a, b in zip(net.parameters(), twin.parameters(), strict=True))
    x = load("mnist-bundled").train.inputs(np.arange(20))
    np.testing.assert_array_equal(net.feedforward(x), twin.feedforward(x))
    opt = model.optimizer()
    assert [v.shape for v in opt.velocity] == [p.shape for p in net.parameters()]


def test_dense_files_keep_version_1_and_their_recipe_json(tmp_path: Path) -> None:
    recipe = TrainingRecipe.from_preset("digits-small")
    meta = load_model(save_model(tmp_path / "d.npz", recipe.build_network(784, 10), recipe)).metadata
    assert meta["format_version"] == 1 and "features" not in meta and "features" not in meta["recipe"]


def _meta(edit):
    return lambda arrays, meta: edit(meta)


HOSTILE = {
    "a kernel of 10⁹ weights": (_meta(lambda m: m["features"].__setitem__("layers", ["conv31623x31623x1", "pool2",
                                                                                      "conv3x3x6", "pool2"])),
                                "15×15"),
    "too many filters": (_meta(lambda m: m["features"].__setitem__("layers", ["conv3x3x100000same", "pool2",
                                                                              "conv3x3x6", "pool2"])), "1024 filters"),
    "a negative input size": (_meta(lambda m: m["features"].__setitem__("input_shape", [1, -28, 28])),
                              "invalid input shape"),
    "a huge input": (_meta(lambda m: m["features"].__setitem__("input_shape", [1, 10**6, 10**6])),
                     "invalid input shape"),
    "shapes that don't chain": (_meta(lambda m: m["features"].__setitem__("layers", ["conv3x3x4same", "pool2",
                                                                                     "conv3x3x6"])),
                                "don't start with"),
    "a kernel that doesn't fit": (_meta(lambda m: m["features"].__setitem__("layers", ["pool8", "conv5x5x6"])),
                                  "doesn't fit"),
    "kernels of another shape": (lambda a, m: a.__setitem__("W1", np.zeros((6, 4, 5, 5), np.float32)), "W1"),
    "NaN in a kernel": (lambda a, m: a["W0"].__setitem__((0, 0, 0, 0), np.nan), "NaN"),
    "a mask on a convolution": (lambda a, m: a.__setitem__("frozen0", np.zeros((4, 1, 3, 3), bool)), "don't use"),
    "an unknown activation": (_meta(lambda m: m["features"].__setitem__("activations", ["relu", "swish"])),
                              "activations"),
    "softmax in a convolution": (_meta(lambda m: (m["features"].__setitem__("activations", ["softmax", "relu"]),
                                                  m["activations"].__setitem__(0, "softmax"))), "softmax"),
    "version 1 with convolutions": (_meta(lambda m: m.__setitem__("format_version", 1)), "older"),
    "layers that are not text": (_meta(lambda m: m["features"].__setitem__("layers", [3, 2])), "invalid list"),
    "a recipe for other layers": (_meta(lambda m: m["recipe"].__setitem__("features", ["conv3x3x4same"])),
                                  "differ"),
    "a newer format": (_meta(lambda m: m.__setitem__("format_version", 3)), "newer nndesk"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_cnn_files_fail_with_one_line(cnn_file: Path, tmp_path: Path, name: str) -> None:
    edit, words = HOSTILE[name]
    path = edited(cnn_file.read_bytes(), tmp_path / "bad.npz", edit)
    with pytest.raises(ModelError) as e:
        load_model(path)
    assert words in str(e.value) and "\n" not in str(e.value), str(e.value)


def test_metadata_names_the_features_for_other_programs(cnn_file: Path) -> None:
    import zipfile

    with zipfile.ZipFile(cnn_file) as zf:
        names = set(zf.namelist())
        meta = json.loads(np.load(zf.open("metadata.npy")).tobytes())
    assert {"W0.npy", "b0.npy", "W1.npy", "W3.npy"} <= names and "W4.npy" not in names
    assert meta["features"] == {"input_shape": [1, 28, 28], "activations": ["relu", "relu"],
                                "layers": ["conv3x3x4same", "pool2", "conv3x3x6", "pool2"]}
    assert meta["sizes"] == [6 * 6 * 6, 16, 10]  # 28 (same) → 14 → 12 (valid 3×3) → 6
