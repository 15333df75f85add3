"""What keeping "my digits" costs: saving and loading the personal set, and a click on Add in the window.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_my_digits.py [--sizes 100,500]

For sets of each size (drawings made of one thick stroke on the 280×280
pad, as real ones are mostly blank): the best of five atomic saves and of
three loads (every entry checked), the file's size, and — with the My
digits view shown — the time from pushing an Add command to the view
redrawn, while the save runs in its background thread.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from nndesk.engine.data.my_digits import MyDigits, load_my_digits, save_my_digits


def make_set(n: int, seed: int = 0) -> MyDigits:
    rng = np.random.default_rng(seed)
    digits = MyDigits()
    for i in range(n):
        ink = np.zeros((280, 280), np.uint8)
        r, c = rng.integers(60, 220, 2)
        ink[r - 50:r + 50, c - 8:c + 8] = 255
        digits.add(ink, (rng.random((28, 28)) * (rng.random((28, 28)) < 0.2)).astype(np.float32), i % 10)
    return digits


def files(n: int, folder: Path) -> str:
    digits, path = make_set(n), folder / f"my-digits-{n}.npz"
    saves, loads = [], []
    for _ in range(5):
        start = time.perf_counter()
        save_my_digits(path, digits)
        saves.append(time.perf_counter() - start)
    for _ in range(3):
        start = time.perf_counter()
        load_my_digits(path)
        loads.append(time.perf_counter() - start)
    return (f"{n} drawings: save {min(saves) * 1e3:.0f} ms, load {min(loads) * 1e3:.0f} ms, "
            f"file {path.stat().st_size / 1024:.0f} KB")


def click(n: int, folder: Path) -> str:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from nndesk.app.mydigits.commands import AddDigit
    from nndesk.app.mydigits.model import MyDigitsModel
    from nndesk.app.mydigits.view import MyDigitsView

    app = QApplication.instance() or QApplication([])
    digits = make_set(n)
    model, stack = MyDigitsModel(folder / f"window-{n}.npz", digits), QUndoStack()
    view = MyDigitsView(model, stack)
    view.resize(940, 280)
    view.show()
    app.processEvents()
    times, ink, x = [], digits.ink[0].copy(), digits.x[0].copy()
    for _ in range(9):
        start = time.perf_counter()
        stack.push(AddDigit(model, "add", ink, x, 3))
        app.processEvents()
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    model.flush()
    return (f"{n} drawings: Add to view redrawn median {statistics.median(times) * 1e3:.0f} ms; the background "
            f"save ended {(time.perf_counter() - start) * 1e3:.0f} ms after the last")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,500")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    folder = Path(tempfile.mkdtemp())
    for n in sizes:
        print(files(n, folder))
    for n in sizes:
        print(click(n, folder))


if __name__ == "__main__":
    main()
