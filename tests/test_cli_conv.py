"""``nndesk train --layers conv…`` end to end: a CNN trains, saves, evaluates and predicts; bad lines are one error."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.data.datasets import load
from nndesk.engine.runs.model_io import load_model
from nndesk.imageio import write_gray
from tests.test_cli import assert_one_clean_error, json_lines, run

CNN = ["--dataset", "mnist-bundled", "--layers", "conv5x5x8,pool2,conv3x3x8,pool2,32", "--no-augment",
       "--epochs", "1", "--batch-size", "32", "--lr", "0.05"]


@pytest.fixture(scope="module")
def cnn_model(tmp_path_factory) -> Path:
    from nndesk import cli

    path = tmp_path_factory.mktemp("cnn") / "cnn.npz"
    assert cli.main(["train", *CNN, "--json", "--out", str(path)]) == 0
    return path


def test_train_saves_a_cnn_that_learned(capsys, cnn_model: Path) -> None:
    model = load_model(cnn_model)
    assert isinstance(model.network, ConvNet)
    assert model.network.architecture == "1×28×28-conv5x5x8-pool2-conv3x3x8-pool2-32-10"
    assert model.recipe.features == ("conv5x5x8", "pool2", "conv3x3x8", "pool2") and model.recipe.hidden == (32,)
    assert model.history[-1].val_accuracy > 0.7  # one epoch on 4,500 digits


def test_the_text_output_names_the_layers(capsys) -> None:
    code, out, _ = run(capsys, "train", *CNN[:3], "conv3x3x2,pool2", "--no-augment", "--epochs", "1")
    assert code == 0 and "1×28×28-conv3x3x2-pool2-10" in out and "done: accuracy" in out


def test_eval_and_predict_use_the_cnn(capsys, tmp_path: Path, cnn_model: Path) -> None:
    code, out, _ = run(capsys, "eval", "--model", cnn_model, "--dataset", "mnist-bundled", "--json")
    assert code == 0 and json_lines(out)[0]["accuracy"] > 0.7
    digits = load("mnist-bundled").train
    scan = 255 - np.kron(digits.x[0].reshape(28, 28), np.ones((6, 6), np.uint8))  # dark ink on paper
    image = write_gray(tmp_path / "d.png", scan)
    code, out, err = run(capsys, "predict", "--model", cnn_model, image, "--json")
    result = json_lines(out)[0]
    assert code == 0 and err == "" and 0 <= result["digit"] <= 9
    assert sum(result["probabilities"]) == pytest.approx(1, abs=1e-5)


@pytest.mark.parametrize("layers,words", [
    ("conv5x3x8", ["--layers", "square"]), ("conv3x3x8,64,pool2", ["--layers", "after a dense layer"]),
    ("conv3x3x8,poool2", ["--layers", "'poool2'"]), ("conv99x99x1", ["--layers", "15×15"]),
    ("conv5x5x8,pool2,conv5x5x8,pool2,conv5x5x8", ["--layers", "doesn't fit"]),
])
def test_bad_layer_lines_exit_2_with_one_line(capsys, layers: str, words: list[str]) -> None:
    code, out, err = run(capsys, "train", "--dataset", "mnist-bundled", "--layers", layers, "--epochs", "1")
    assert code == 2 and out == ""
    assert_one_clean_error(err, *words)


def test_convolutions_on_data_without_images_are_refused(capsys) -> None:
    code, _, err = run(capsys, "train", "--dataset", "xor", "--layers", "conv3x3x2", "--epochs", "1")
    assert code == 2
    assert_one_clean_error(err, "need images")


def test_a_cnn_too_big_for_memory_is_refused_before_building(capsys) -> None:
    code, out, err = run(capsys, "train", "--dataset", "mnist-bundled", "--layers", "conv3x3x1024same,conv3x3x1024same",
                         "--batch-size", "60000", "--epochs", "1")
    assert code == 2 and out == ""
    assert_one_clean_error(err, "GB")
