"""Shared fixtures for the Qt tests: offscreen platform, throw-away settings, small data."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # a screen where the window opens at 1280×800 as it always
    os.environ["QT_QPA_PLATFORM"] += ":configfile=" + os.path.join(os.path.dirname(__file__),  # did, not Qt's
                                                                   "offscreen-screen.json")  # 800×800 default

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nndesk.engine.core.dataset import Dataset  # noqa: E402
from nndesk.engine.core.network import Network  # noqa: E402
from nndesk.engine.core.training import Trainer  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """Every test gets its own QSettings file and data folder (my digits), so nothing leaks between tests
    or into the home folder."""
    monkeypatch.setenv("NNDESK_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@dataclass
class Source:
    """The shape of ``datasets.DataSource`` the controller needs."""

    name: str
    train: Dataset
    test: Dataset | None
    description: str = ""


@dataclass
class Recipe:
    """Just enough of ``TrainingRecipe`` for the worker tests: ``make_trainer``."""

    optimizer: str = "sgd"
    fail: bool = False

    def make_trainer(self, network: Network, source: Any, control=None, on_batch=None, optimizer=None) -> Trainer:
        if self.fail:
            return _BrokenTrainer(network, source.train, source.test, control=control, on_batch=on_batch)
        return Trainer(network, source.train, source.test, control=control, optimizer=optimizer or self.optimizer,
                       on_batch=on_batch)


class _BrokenTrainer(Trainer):
    def epochs(self):
        yield from ()
        raise ZeroDivisionError("a bug in the loop")


def blobs(n: int = 2000, seed: int = 0) -> Source:
    """Two Gaussian blobs in 2-D: learnable in one epoch, many mini-batches each."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    x = (rng.normal(size=(n, 2)) + np.where(y[:, None] == 1, 1.5, -1.5)).astype(np.float32)
    ds = Dataset("blobs", x, y, 2)
    train, test = ds.split(0.2, seed)
    return Source("blobs", train, test)


@pytest.fixture
def recipe() -> type[Recipe]:
    """The ``Recipe`` class, so tests can build trainers that fail or use another optimizer."""
    return Recipe


@pytest.fixture
def source() -> Source:
    return blobs()


@pytest.fixture
def network() -> Network:
    return Network.create([2, 8, 2], "sigmoid", "cross-entropy", seed=0)


@pytest.fixture(scope="session")
def trained_digits_model(tmp_path_factory):
    """A model file of the digits-small preset really trained on the bundled MNIST digits (~2 s)."""
    from nndesk.engine.runs.model_io import save_model
    from nndesk.engine.runs.recipe import TrainingRecipe

    recipe = TrainingRecipe.from_preset("digits-small", epochs=8)
    source = recipe.load_data()
    network = recipe.build_network(source.train.n_inputs, source.train.n_outputs)
    trainer = recipe.make_trainer(network, source)
    for _ in trainer.epochs():
        pass
    assert trainer.history[-1].val_accuracy > 0.85
    path = tmp_path_factory.mktemp("models") / "digits-small.npz"
    save_model(path, network, recipe, trainer.history, trainer.optimizer)
    return path


@pytest.fixture
def window(qtbot):
    """The real main window, shown; closed without questions at the end."""
    from nndesk.app.shell.main_window import MainWindow

    window = MainWindow()
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.document.set_modified(False)  # nothing to ask about when the fixture closes it
    window.close()
    window.deleteLater()


@pytest.fixture(params=["en", "ru"])
def language(request, qapp):
    """The test runs once in English and once in Russian (the catalogue installed as ``--lang`` does)."""
    from nndesk.app.shell import i18n

    i18n.install(request.param)
    yield request.param
    i18n.install("en")
