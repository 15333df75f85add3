"""A personal set of a few distinct drawings, a model saving it to tmp_path, and an undo stack."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QUndoStack

from nndesk.app.mydigits.model import MyDigitsModel
from nndesk.engine.data.my_digits import MyDigits


def drawings(labels) -> MyDigits:
    """One drawing per label; drawing i's pixels are all (i + 1) / 255, so each is recognisable."""
    digits = MyDigits()
    for i, label in enumerate(labels):
        digits.add(np.full((280, 280), i + 1, np.uint8), np.full((28, 28), (i + 1) / 255, np.float32), label)
    return digits


@pytest.fixture
def model(tmp_path, qapp) -> MyDigitsModel:
    return MyDigitsModel(tmp_path / "my-digits.npz", drawings([3, 1, 3, 0, 7]))


@pytest.fixture
def stack(qapp) -> QUndoStack:
    return QUndoStack()
