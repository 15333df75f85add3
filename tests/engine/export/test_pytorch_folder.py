"""The PyTorch folder: model.py is the engine's network, train.py trains it with the recipe's cost,
alone and under torchrun (DistributedDataParallel on two processes), and writes weights nndesk opens."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.data.datasets import load
from nndesk.engine.export.exportable import ExportError
from nndesk.engine.export.pytorch_folder import DATA_FILE, write_pytorch_folder
from nndesk.engine.runs.model_io import load_model
from nndesk.engine.runs.pretrained import shipped_path
from nndesk.engine.runs.recipe import TrainingRecipe
from tests.engine.export.nets import KINDS, inputs, small_net

torch = pytest.importorskip("torch")
BIN = Path(sys.executable).parent
EPOCH = re.compile(r"^epoch (\d+) cost ([0-9.]+)$", re.M)


def module_from(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def digits_folder(tmp_path_factory) -> Path:
    """The ready-trained digits network's folder (exported once for the module: torch is slow to load)."""
    model = load_model(shipped_path())
    return write_pytorch_folder(tmp_path_factory.mktemp("pt") / "digits", model.network, model.recipe, model.history)


@pytest.fixture(scope="module")
def model_py(digits_folder):
    return module_from(digits_folder / "model.py", "exported_model")


def test_model_py_reads_the_bundled_digits_as_the_engine_does(digits_folder, model_py):
    network = load_model(shipped_path()).network
    x = load("mnist-bundled").train.inputs()
    net = model_py.load_model(digits_folder / "weights.npz")
    with torch.no_grad():
        theirs = net(torch.from_numpy(x)).numpy()
    assert theirs.dtype == np.float32 and np.abs(network.feedforward(x) - theirs).max() <= 1e-5
    assert np.array_equal(network.predict(x), theirs.argmax(axis=1))


@pytest.mark.parametrize(("hidden", "cost", "n_out"), KINDS)
def test_every_activation_and_output_kind(tmp_path, model_py, hidden, cost, n_out):
    for dtype, tolerance in ((np.float32, 1e-5), (np.float64, 1e-12)):
        network = small_net(hidden, cost, n_out, dtype)
        folder = write_pytorch_folder(tmp_path / np.dtype(dtype).name, network)
        x = inputs(dtype=dtype)
        with torch.no_grad():
            theirs = model_py.load_model(folder / "weights.npz")(torch.from_numpy(x)).numpy()
        assert theirs.dtype == dtype and np.abs(network.feedforward(x) - theirs).max() <= tolerance


@pytest.fixture
def train_py(monkeypatch):
    """train.py of a folder imported in this process, as ``python train.py`` would run it."""
    def load_train(folder: Path):
        monkeypatch.syspath_prepend(str(folder))
        for name in ("model", "train"):
            monkeypatch.delitem(sys.modules, name, raising=False)
        return module_from(folder / "train.py", "train")
    yield load_train
    for name in ("model", "train"):
        sys.modules.pop(name, None)


def run_train(module, monkeypatch, capsys, folder: Path, *options: str) -> list[float]:
    monkeypatch.setattr(sys, "argv", ["train.py", "--data", str(folder / DATA_FILE), *options])
    monkeypatch.delenv("WORLD_SIZE", raising=False)
    module.main()
    return [float(c) for _, c in EPOCH.findall(capsys.readouterr().out)]


@pytest.mark.parametrize(("cost", "n_out"), [("quadratic", 3), ("cross-entropy", 4), ("cross-entropy", 1)])
def test_train_py_measures_the_recipes_cost_as_the_engine_does(tmp_path, monkeypatch, capsys, train_py, cost,
                                                               n_out):
    network = small_net("sigmoid", cost, n_out)
    rng = np.random.default_rng(1)
    y = rng.integers(0, max(n_out, 2), 50)
    data = Dataset("random", inputs(50), y, max(n_out, 2), targets=None if n_out > 1 else y[:, None].astype(float))
    folder = write_pytorch_folder(tmp_path / "f", network, data=data)
    costs = run_train(train_py(folder), monkeypatch, capsys, folder, "--epochs", "0")
    engine_cost, _ = network.evaluate(data.inputs(), data.target_matrix())
    assert len(costs) == 1 and costs[0] == pytest.approx(engine_cost, rel=1e-5)


def test_train_py_alone_goes_on_training_and_nndesk_opens_what_it_saved(tmp_path, monkeypatch, capsys, train_py):
    recipe = TrainingRecipe.for_dataset("xor", cost="quadratic", hidden=(6,))
    source = recipe.load_data()
    network = recipe.build_network(2, 2)
    folder = write_pytorch_folder(tmp_path / "xor", network, recipe, data=source.train)
    assert f"default={recipe.hyper.learning_rate!r}" in (folder / "train.py").read_text()
    costs = run_train(train_py(folder), monkeypatch, capsys, folder, "--epochs", "30", "--lr", "0.5")
    assert len(costs) == 31 and costs[-1] < 0.8 * costs[0]
    reopened = load_model(folder / "weights.npz")  # every check nndesk makes of a model file
    cost_now, _ = reopened.network.evaluate(source.train.inputs(), source.train.target_matrix())
    assert cost_now == pytest.approx(costs[-1], rel=1e-4)
    assert reopened.metadata["extra"]["pytorch"].startswith("30 more epoch(s) in PyTorch")
    assert reopened.recipe == recipe


def test_torchrun_on_two_processes_lowers_the_cost_of_the_digits(tmp_path):
    torchrun = BIN / "torchrun"
    if not torchrun.exists():
        pytest.skip("torchrun is not installed next to this Python")
    recipe = TrainingRecipe.for_dataset("mnist-bundled", hidden=(30,))
    source = recipe.load_data()
    fit, _ = recipe.split(source)
    network = recipe.build_network(784, 10)
    folder = write_pytorch_folder(tmp_path / "digits", network, recipe, data=fit)
    done = subprocess.run([str(torchrun), "--standalone", "--nproc_per_node=2", str(folder / "train.py"),
                           "--data", str(folder / DATA_FILE), "--epochs", "1"],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr[:4000]
    assert "2 process(es) on cpu" in done.stdout
    epochs = EPOCH.findall(done.stdout)  # rank 0 alone prints: each epoch once
    assert [int(e) for e, _ in epochs] == [0, 1], done.stdout
    before, after = (float(c) for _, c in epochs)
    assert before == pytest.approx(network.evaluate(fit.inputs(), fit.target_matrix())[0], rel=1e-4)
    assert after < 0.5 * before
    trained = load_model(folder / "weights.npz").network
    assert trained.evaluate(fit.inputs(), fit.target_matrix())[0] == pytest.approx(after, rel=1e-4)


def test_the_generated_code_is_ruff_clean_and_needs_no_nndesk(digits_folder):
    for name in ("model.py", "train.py"):
        assert not re.search(r"^\s*(import|from) nndesk", (digits_folder / name).read_text(), re.M)
    ruff = shutil.which("ruff", path=str(BIN))
    if ruff is None:
        pytest.skip("ruff is not installed")
    done = subprocess.run([ruff, "check", "--isolated", "--select", "E,F,W,I,UP,B", "--target-version", "py310",
                           "--line-length", "120", "."], capture_output=True, text=True, cwd=digits_folder)
    assert done.returncode == 0, done.stdout


def test_a_file_where_the_folder_should_be_is_refused(tmp_path):
    (tmp_path / "taken").write_text("mine")
    with pytest.raises(ExportError, match="is a file, not a folder"):
        write_pytorch_folder(tmp_path / "taken", small_net("relu", "quadratic", 3))
    assert (tmp_path / "taken").read_text() == "mine"


def test_a_convolutional_network_reads_the_digits_and_trains_as_the_engine_does(tmp_path, monkeypatch, capsys,
                                                                                 model_py, train_py):
    from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec

    # an even kernel with "same" padding (one more zero after than before), a valid 3×3, odd-sized pooling
    network = ConvNet.create((1, 28, 28), [ConvSpec(4, 4, same=True), PoolSpec(2), ConvSpec(3, 6), PoolSpec(2)],
                             [16], 10, "relu", "cross-entropy", seed=2)
    digits = load("mnist-bundled").train.subset(np.arange(0, 5000, 10))
    folder = write_pytorch_folder(tmp_path / "cnn", network, data=digits)
    x = digits.inputs()
    with torch.no_grad():
        theirs = model_py.load_model(folder / "weights.npz")(torch.from_numpy(x)).numpy()
    assert np.abs(network.feedforward(x) - theirs).max() <= 1e-5
    costs = run_train(train_py(folder), monkeypatch, capsys, folder, "--epochs", "2", "--lr", "0.1")
    assert costs[0] == pytest.approx(network.evaluate(x, digits.target_matrix())[0], rel=1e-5)
    assert costs[-1] < 0.9 * costs[0]
    trained = load_model(folder / "weights.npz").network  # nndesk reads the convolutions PyTorch trained
    assert isinstance(trained, ConvNet)
    assert trained.evaluate(x, digits.target_matrix())[0] == pytest.approx(costs[-1], rel=1e-4)
