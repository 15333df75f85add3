"""The numpy script's ``predict`` is the engine's forward pass, and it runs on its own."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nndesk.engine.data.datasets import load
from nndesk.engine.export.numpy_script import numpy_script, save_numpy_script
from nndesk.engine.runs.model_io import load_model
from nndesk.engine.runs.pretrained import shipped_path
from tests.engine.export.nets import KINDS, inputs, small_net


def imported(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def digits_script(tmp_path_factory) -> tuple[Path, object]:
    model = load_model(shipped_path())
    path = save_numpy_script(tmp_path_factory.mktemp("numpy") / "digits_net.py", model.network, model.preprocessing)
    return path, model.network


def test_predict_on_the_bundled_digits_equals_the_engine(digits_script):
    path, network = digits_script
    x = load("mnist-bundled").train.inputs()
    ours, theirs = network.feedforward(x), imported(path).predict(x)
    assert theirs.dtype == np.float32 and np.abs(ours - theirs).max() <= 1e-6
    assert np.array_equal(ours.argmax(axis=1), theirs.argmax(axis=1))


@pytest.mark.parametrize(("hidden", "cost", "n_out"), KINDS)
def test_every_activation_and_output_kind(tmp_path, hidden, cost, n_out):
    for dtype in (np.float32, np.float64):
        net = small_net(hidden, cost, n_out, dtype)
        x = inputs(dtype=dtype)
        theirs = imported(save_numpy_script(tmp_path / f"net_{np.dtype(dtype).name}.py", net)).predict(x)
        assert theirs.dtype == dtype
        assert np.abs(net.feedforward(x) - theirs).max() <= (1e-6 if dtype == np.float32 else 1e-12)


def test_the_script_reads_like_the_lecture_and_carries_only_the_formulas_it_uses():
    text = numpy_script(small_net("tanh", "cross-entropy", 4), "tiny.py")
    assert "a = sigma(z)" in text and "z = a @ W.T + b" in text and "σ(W·a + b)" in text
    assert "def tanh(" in text and "def softmax(" in text and "def sigmoid(" not in text
    assert "nndesk" not in text.split('"""', 2)[2]  # after the docstring: no nndesk import or name
    assert "allow_pickle=False" in text and "pickle" not in text.replace("allow_pickle", "")


def test_run_on_a_file_it_prints_each_rows_answer(digits_script, tmp_path):
    path, network = digits_script
    digits = load("mnist-bundled").train
    np.save(tmp_path / "x.npy", digits.x[:20].reshape(20, 28, 28))  # uint8 images, as MNIST ships them
    done = subprocess.run([sys.executable, str(path), str(tmp_path / "x.npy")], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert [int(s) for s in done.stdout.split()] == network.predict(digits.inputs(slice(0, 20))).tolist()


def test_the_script_is_ruff_clean(digits_script):
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    if ruff is None:
        pytest.skip("ruff is not installed")
    done = subprocess.run([ruff, "check", "--isolated", "--select", "E,F,W,I,UP,B", "--target-version", "py310",
                           "--line-length", "120", str(digits_script[0])], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
