"""The ready-trained digits network: the shipped file is a valid model that fits the digits preset;
a missing, damaged or mismatched file is a reason, never an exception."""

from __future__ import annotations

import numpy as np

from nndesk.engine.runs import pretrained
from nndesk.engine.runs.model_io import save_model
from nndesk.engine.runs.recipe import TrainingRecipe

DIGITS = TrainingRecipe.for_dataset("mnist-bundled")


def test_the_shipped_file_is_the_digits_preset_trained_and_reads_held_out_digits() -> None:
    ready = pretrained.ready_trained(DIGITS)
    assert ready is not None and ready.problem == "" and ready.network is not None
    assert ready.network.sizes == [784, *DIGITS.hidden, 10]
    assert len(ready.history) == DIGITS.hyper.epochs and ready.val_accuracy >= 0.97
    _, val = DIGITS.split(DIGITS.load_data())  # the digits its training held out
    guesses = ready.network.feedforward(val.inputs(slice(None))).argmax(axis=1)
    assert np.mean(guesses == val.y) >= 0.97


def test_the_shipped_file_loads_without_pickle_as_make_pretrained_check_reads_it() -> None:
    with np.load(pretrained.shipped_path(), allow_pickle=False) as arrays:
        assert {"W0", "b0", "W1", "b1", "metadata"} <= set(arrays.files)
        assert not any(name.startswith("optimizer.") for name in arrays.files)  # kept small: no momentum


def test_only_the_bundled_digits_have_one() -> None:
    assert pretrained.ready_trained(TrainingRecipe.for_dataset("xor")) is None


def test_a_damaged_file_gives_a_reason(tmp_path) -> None:
    path = tmp_path / "digits-pretrained.npz"
    path.write_bytes(pretrained.shipped_path().read_bytes()[:50_000])  # cut short
    ready = pretrained.ready_trained(DIGITS, path)
    assert ready.network is None and "digits-pretrained.npz" in ready.problem


def test_a_missing_file_gives_a_reason(tmp_path) -> None:
    ready = pretrained.ready_trained(DIGITS, tmp_path / "nothing.npz")
    assert ready.network is None and "nothing.npz" in ready.problem


def test_a_network_of_another_shape_is_not_used(tmp_path) -> None:
    small = TrainingRecipe.for_dataset("mnist-bundled", "digits-small")
    path = save_model(tmp_path / "other.npz", small.build_network(784, 10), small)
    ready = pretrained.ready_trained(DIGITS, path)
    assert ready.network is None and "not the 784-800-10" in ready.problem
