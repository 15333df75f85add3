"""A run that collapses to chance level stops with a divergence, and no healthy preset ever does.

η = 10 on the digits kills every ReLU in the first epoch: the network then gives
one answer for every input, 10 % on ten balanced classes, at a finite cost that
neither rises far above the start nor pins an output (so the saturation rule
let it "train" on at chance).  The opposite risk is flagging a healthy start:
XOR's first epochs sit at chance too, but their answers still vary with the input.
"""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from nndesk.engine.core.saturation import COLLAPSED, Collapse
from nndesk.engine.core.training import TrainingDiverged
from nndesk.engine.fast.blas import blas_threads
from nndesk.engine.runs.recipe import TrainingRecipe


@pytest.fixture(autouse=True)
def _one_blas_thread():
    with blas_threads(1):  # as the CLI and the app train; a busy 2-core machine is 5× slower with two
        yield


def _run(dataset: str, preset: str | None = None, break_it=None, **changes):
    """The net and its trainer for ``dataset`` as the app would train it (``break_it(net)`` first)."""
    recipe = TrainingRecipe.for_dataset(dataset, preset, **changes)
    source = recipe.load_data()
    net = recipe.build_network(source.train.n_inputs, source.train.n_outputs)
    if break_it is not None:
        break_it(net)
    return net, recipe.make_trainer(net, source)


def test_digits_at_eta_10_collapse_to_chance_in_the_first_epoch_and_the_start_is_given_back() -> None:
    # seed 1: before the rule this ran all its epochs at 10 %, cost 4–7, exit 0
    net, trainer = _run("mnist-bundled", "digits-small", learning_rate=10, epochs=5, seed=1)
    before = [p.copy() for p in net.parameters()]
    with pytest.raises(TrainingDiverged) as info:
        list(trainer.epochs())
    error = info.value
    collapse = error.saturation
    assert isinstance(collapse, Collapse) and error.epoch == 1 and trainer.history == []
    assert collapse.accuracy <= collapse.chance + 0.02 and collapse.chance == pytest.approx(0.1, abs=0.01)
    assert collapse.spread < 1e-4  # one answer for every input
    assert not collapse.restored_collapsed  # the fresh start it was given back can still learn
    message = str(error)
    assert COLLAPSED in message and "same answer for every input" in message
    assert "weights were restored to the start of the epoch; try a smaller learning rate such as 1" in message
    for p, b in zip(net.parameters(), before):
        np.testing.assert_array_equal(p, b)


def _kill_the_hidden_relus(net) -> None:
    """What η = 10 leaves behind: every hidden ReLU below zero for every input."""
    net.layers[0].bias[:] = -1e3


def test_a_dead_network_at_a_sensible_eta_is_told_to_start_again_from_fresh_weights() -> None:
    # The student lowered η after the collapse: it can never recover, only Reset helps
    _, trainer = _run("mnist-bundled", "digits-small", break_it=_kill_the_hidden_relus, epochs=3)
    with pytest.raises(TrainingDiverged) as info:
        list(trainer.epochs())
    assert info.value.saturation.restored_collapsed
    assert "no step revives such a network: start again from fresh weights with a smaller learning rate such as " \
           "0.005" in str(info.value)


@pytest.mark.parametrize(("dataset", "preset", "epochs"), [
    ("xor", None, 60), ("circles", None, 60), ("spiral", None, 40), ("gaussians", None, 20), ("lecture", None, 30),
    ("mnist-bundled", "digits-small", 2),
])
@pytest.mark.parametrize("seed", [0, 1])
def test_healthy_presets_never_count_as_collapsed(dataset, preset, epochs, seed) -> None:
    _, trainer = _run(dataset, preset, epochs=epochs, seed=seed)
    stats = list(trainer.epochs())  # raises TrainingDiverged if the rule misfires
    assert len(stats) == epochs


def test_the_command_line_exits_3_with_the_collapse_line() -> None:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, "-m", "nndesk", "train", "--dataset", "mnist-bundled", "--preset",
                           "digits-small", "--lr", "10", "--seed", "1"], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 3, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"nndesk: error: training diverged in epoch 1: {COLLAPSED}")
