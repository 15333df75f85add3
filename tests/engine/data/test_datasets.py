"""load(spec): every name in DATASET_NAMES, .npz files and MNIST folders, and clear errors for the rest."""

from __future__ import annotations

import dataclasses
import time

import numpy as np
import pytest

from nndesk.engine.data.datasets import DATASET_NAMES, DataSource, load
from nndesk.engine.data.readers import DataError


@pytest.mark.parametrize("name", DATASET_NAMES)
def test_every_listed_name_loads_a_training_set(name):
    source = load(name)
    assert isinstance(source, DataSource) and source.name == name
    assert source.train is not None and len(source.train) > 0 and source.test is None
    assert source.description and "\n" not in source.description


def test_bundled_digits_are_5000_uint8_images_and_load_fast():
    best = min(_seconds(lambda: load("mnist-bundled")) for _ in range(3))
    train = load("mnist-bundled").train
    assert train.x.shape == (5000, 784) and train.x.dtype == np.uint8 and train.image_shape == (28, 28)
    assert np.array_equal(np.bincount(train.y), [500] * 10)
    assert best < 0.2


def _seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def test_nothing_is_cached_between_loads():
    a, b = load("mnist-bundled").train, load("mnist-bundled").train
    assert a is not b and not np.shares_memory(a.x, b.x)


def test_toy_seed_and_noise_are_passed_through():
    a, b = load("spiral", seed=5, noise=0.2), load("spiral", seed=5, noise=0.2)
    assert np.array_equal(a.train.x, b.train.x) and "noise 0.2" in a.description and "seed 5" in a.description
    assert not np.array_equal(a.train.x, load("spiral", seed=6, noise=0.2).train.x)


def test_lecture_is_the_single_sample():
    train = load("lecture").train
    assert train.x.tolist() == [[1.0, 1.0, 0.0]] and train.target_matrix().tolist() == [[0.0]]


def test_a_folder_of_mnist_files_gives_train_and_test(tmp_path, idx):
    folder = idx.write_mnist(tmp_path / "mnist", n_train=20, n_test=10)
    source = load(str(folder))
    assert source.name == "mnist" and len(source.train) == 20 and len(source.test) == 10
    assert "20 train" in source.description and "10 test" in source.description


def test_a_folder_of_only_test_files_gives_no_training_set(tmp_path, idx):
    source = load(idx.write_mnist(tmp_path / "t10k-only", n_train=0, n_test=7))
    assert source.train is None and len(source.test) == 7


def test_an_npz_file_loads_by_path(tmp_path, idx):
    x, y = idx.digits(6)
    path = tmp_path / "mine.npz"
    with open(path, "wb") as f:
        np.savez(f, x=x.reshape(6, -1) / 255.0, y=y)
    source = load(path)
    assert source.name == "mine.npz" and np.array_equal(source.train.x, x.reshape(6, -1)) and source.test is None


def test_a_user_path_with_tilde_is_expanded(tmp_path, idx, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    idx.write_mnist(tmp_path / "digits", n_train=3, n_test=0)
    assert len(load("~/digits").train) == 3


@pytest.mark.parametrize("spec", ["minst", "XOR", "", "no/such/file.npz"])
def test_unknown_specs_list_the_choices(spec):
    with pytest.raises(DataError) as info:
        load(spec)
    message = str(info.value)
    assert all(name in message for name in DATASET_NAMES) and ".npz" in message and "\n" not in message


def test_a_broken_file_reports_the_reader_error(tmp_path):
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a zip")
    with pytest.raises(DataError, match="broken.npz: is not an .npz archive"):
        load(str(path))


def test_data_source_is_immutable():
    source = load("xor")
    with pytest.raises(dataclasses.FrozenInstanceError):
        source.train = None
