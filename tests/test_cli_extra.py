"""``nndesk train --dataset my-digits`` and ``--extra my-digits``: the student's drawings from the command line."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nndesk import cli
from nndesk.cli_extra import with_extras
from nndesk.engine.data.datasets import DataSource, load
from nndesk.engine.data.my_digits import MyDigits, default_path, save_my_digits
from nndesk.engine.runs.recipe import TrainingRecipe

SMALL = ["--preset", "digits-small", "--layers", "16", "--no-augment", "--epochs", "1", "--json"]


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    return tmp_path


def my_set(n_per_digit: int = 3) -> MyDigits:
    """Thirty 'drawings' taken from the bundled digits, so a network can tell them apart."""
    data = load("mnist-bundled").train
    digits = MyDigits()
    for d in range(10):
        for i in np.flatnonzero(data.y == d)[:n_per_digit]:
            x = data.x[i].reshape(28, 28).astype(np.float32) / np.float32(255)
            digits.add(np.zeros((280, 280), np.uint8), x, d)
    return digits


def run(capsys, *argv: str) -> tuple[int, list[dict], str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def test_train_on_my_digits_alone(capsys, data_home):
    save_my_digits(default_path(), my_set())
    code, lines, err = run(capsys, "train", "--dataset", "my-digits", *SMALL)
    assert code == 0, err
    assert lines[-1]["summary"] and lines[-1]["dataset"] == "my-digits" and lines[-1]["sizes"] == [784, 16, 10]


def test_extra_my_digits_adds_them_repeated_to_the_training_part(capsys, data_home):
    save_my_digits(default_path(), my_set())
    code, lines, err = run(capsys, "train", "--dataset", "mnist-bundled", "--extra", "my-digits",
                           "--extra-repeat", "4", *SMALL)
    assert code == 0, err
    assert lines[-1]["evaluated_on"] == "validation"  # held out from the bundled digits, not called a test set


def test_the_validation_part_is_held_out_before_the_extras_are_added(data_home):
    recipe = TrainingRecipe.for_dataset("mnist-bundled")
    base = recipe.load_data()
    fit, val = recipe.split(base)
    mine = my_set()
    save_my_digits(default_path(), mine)
    mixed = with_extras(recipe, base, ["my-digits"], 5)
    assert len(mixed.train) == len(fit) + 5 * len(mine) and np.array_equal(mixed.test.y, val.y)
    assert with_extras(recipe, base, None, None) is base
    auto = with_extras(recipe, base, ["my-digits"], None)  # default: about a tenth of the mix
    assert len(auto.train) == len(fit) + 15 * len(mine)


@pytest.mark.parametrize("argv, words", [
    (["train", "--dataset", "my-digits"], ["my-digits", "no drawings saved yet", "Add to my digits"]),
    (["train", "--dataset", "mnist-bundled", "--extra", "my-digits"], ["my-digits", "no drawings saved yet"]),
    (["train", "--dataset", "xor", "--extra", "mnist-bundled"], ["cannot be added"]),
    (["train", "--dataset", "mnist-bundled", "--extra", "mnist-bundled", "--extra-repeat", "0"],
     ["--extra-repeat must be ≥ 1"]),
])
def test_what_cannot_be_done_is_one_clear_line_and_a_failing_exit(capsys, data_home, argv, words):
    code = cli.main([*argv, "--epochs", "1"])
    _, err = capsys.readouterr()
    assert code != 0 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert all(w in err for w in words), err


def test_a_damaged_set_is_one_clear_line(capsys, data_home):
    default_path().parent.mkdir(parents=True)
    default_path().write_bytes(b"PK\x03\x04 cut")
    code = cli.main(["train", "--dataset", "my-digits", "--epochs", "1"])
    _, err = capsys.readouterr()
    assert code != 0 and "my-digits.npz" in err and "damaged" in err and len(err.strip().splitlines()) == 1


def test_a_source_without_a_training_part_cannot_take_extras(data_home):
    save_my_digits(default_path(), my_set(1))
    recipe = TrainingRecipe.for_dataset("mnist-bundled")
    only_test = DataSource("t", None, load("mnist-bundled").train, "")
    with pytest.raises(ValueError, match="no training part"):
        with_extras(recipe, only_test, ["my-digits"], 1)
