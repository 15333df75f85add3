"""Adding extra digits to a base set: repeated in the training part only, never in the test part."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.data.datasets import DataSource, load
from nndesk.engine.data.mix import default_repeat, with_extra


def digits(n: int, label: int, name: str) -> Dataset:
    return Dataset(name, np.full((n, 784), label, np.uint8), np.full(n, label, np.int64), 10, (28, 28))


def base() -> DataSource:
    return DataSource("base", digits(100, 1, "base"), digits(10, 2, "base test"), "a base")


def test_extra_digits_are_repeated_in_training_and_the_test_part_is_the_bases():
    mixed = with_extra(base(), digits(3, 7, "mine"), 4)
    assert len(mixed.train) == 100 + 12 and np.count_nonzero(mixed.train.y == 7) == 12
    assert np.all(mixed.train.x[mixed.train.y == 7] == 7) and np.all(mixed.train.x[:100] == 1)
    assert mixed.test is base().test or np.array_equal(mixed.test.y, base().test.y)
    assert mixed.train.image_shape == (28, 28) and "mine" in mixed.name and "× 4" in mixed.description


def test_repeat_zero_or_no_extra_changes_nothing():
    b = base()
    assert with_extra(b, digits(3, 7, "mine"), 0) is b
    assert with_extra(b, digits(0, 7, "mine"), 5) is b


@pytest.mark.parametrize("source, extra, problem", [
    (DataSource("t", None, digits(5, 1, "t"), ""), digits(2, 1, "mine"), "no training part"),
    (load("xor"), digits(2, 1, "mine"), "cannot be added"),
    (base(), digits(2, 1, "mine"), "repeat must be"),
])
def test_what_cannot_be_mixed_is_refused(source, extra, problem):
    with pytest.raises(ValueError, match=problem):
        with_extra(source, extra, -1 if problem == "repeat must be" else 2)


@pytest.mark.parametrize("n_extra, n_base, repeat", [(20, 5000, 25), (1, 5000, 50), (600, 5000, 1), (0, 10, 1),
                                                      (100, 5000, 5)])
def test_the_default_repeat_makes_extras_about_a_tenth(n_extra, n_base, repeat):
    assert default_repeat(n_extra, n_base) == repeat
