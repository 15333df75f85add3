"""The first minute: ``nndesk`` opens the digits with a ready-trained network, so drawn digits are read.

The must-show test draws held-out MNIST digits (the ones the shipped
network's validation split kept out of its training) through the real draw
pad with the mouse, the way a careful student would trace them: for each of
the 28 rows, one drag across each run of ink, with the brush set to MNIST's
pen, and reads the digit the prediction panel shows.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from nndesk.app.draw.draw_pad import SIZE
from nndesk.engine.runs.recipe import TrainingRecipe
from tests.app.people import LEFT, NONE

N_DIGITS = 100
INK = 0.5  # a pixel is traced when at least this dark


def held_out_digits(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` digits of the validation split the ready-trained network was made with (never trained on)."""
    recipe = TrainingRecipe.for_dataset("mnist-bundled")
    _, val = recipe.split(recipe.load_data())
    pick = np.random.default_rng(15).choice(len(val), n, replace=False)
    images = val.x[pick].reshape(n, 28, 28).astype(np.float32) / 255
    return images, val.y[pick]


def trace(pad, image: np.ndarray) -> None:
    """Drag the mouse across each run of ink, row by row, at the pad's scale (the pad shows its paper
    as the largest centred square)."""
    side = min(pad.width(), pad.height())
    left, top, cell = (pad.width() - side) / 2, (pad.height() - side) / 2, side / 28

    def at(row: int, col: float) -> QPoint:
        return QPoint(round(left + (col + 0.5) * cell), round(top + (row + 0.5) * cell))

    for row in range(28):
        inked = np.flatnonzero(image[row] >= INK)
        if not len(inked):
            continue
        runs = np.split(inked, np.flatnonzero(np.diff(inked) > 1) + 1)
        for run in runs:
            QTest.mousePress(pad, LEFT, NONE, at(row, run[0]))
            QTest.mouseMove(pad, at(row, run[-1]))
            QTest.mouseRelease(pad, LEFT, NONE, at(row, run[-1]))


def shown_digit(window) -> int:
    """The big digit the prediction panel shows ("7", or "7?" when unsure)."""
    return int(window.draw_widget.panel.answer.text().rstrip("?"))


def test_drawn_held_out_digits_are_read_on_a_fresh_start(window, qtbot) -> None:
    assert window.recipe.dataset == "mnist-bundled" and window.ready_badge.is_ready_trained()
    dock = window.draw_widget
    window.draw_dock.raise_()
    qtbot.waitUntil(dock.pad.isVisible)
    assert dock.pad.brush_width() == 22 and SIZE == 280  # the pad's own brush: 2.2 of MNIST's 28 pixels
    images, labels = held_out_digits(N_DIGITS)
    started, wrong = time.perf_counter(), []
    for image, label in zip(images, labels):
        QTest.keyClick(dock.pad, Qt.Key.Key_Escape)  # a clean page
        trace(dock.pad, image)
        if (guess := shown_digit(window)) != label:
            wrong.append((int(label), guess))
    right = N_DIGITS - len(wrong)
    print(f"{right}/{N_DIGITS} drawn held-out digits read right in {time.perf_counter() - started:.1f} s; "
          f"wrong (meant, read): {wrong}")
    assert right >= 0.95 * N_DIGITS, wrong
