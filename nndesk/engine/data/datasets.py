"""One entry point for every data set: ``load(spec)`` turns a name or a path into a DataSource.

A spec is a bundled or toy name from ``DATASET_NAMES``, or the path of an
.npz file, of a CSV table (``csv_table``) or of a folder of MNIST IDX
files.  Nothing is cached: the bundled 5,000 digits decompress in a few hundredths of a second, and a cache would be
state that tests and a long-running GUI would have to reset.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.data import my_digits
from nndesk.engine.data.csv_table import read_csv_table
from nndesk.engine.data.readers import DataError, read_digits, read_mnist_dir, read_npz
from nndesk.engine.data.toy import TOY, lecture
from nndesk.paths import resource

BUNDLED = "mnist-bundled"
DATASET_NAMES = (BUNDLED, *TOY, "lecture")

_TOY_TEXT = {
    "xor": "XOR: class 1 where x₁·x₂ < 0; no straight line separates it, one hidden layer does",
    "circles": "a disc inside a ring: needs a curved boundary",
    "spiral": "two interleaved spiral arms: hard, needs a wide or deep network",
    "gaussians": "two Gaussian blobs: separable by one straight line",
}


@dataclass(frozen=True)
class DataSource:
    """What a spec yields: a training set and/or a test set, and a line to show the user.

    ``train`` is None only for a folder holding just the t10k (test) files,
    which ``eval`` can still use; ``test`` is None when there is no separate
    test set (the bundled digits, toy sets, files with only x/y), so callers
    hold out a validation split from ``train`` instead.
    """

    name: str
    train: Dataset | None
    test: Dataset | None
    description: str


def load(spec: str | os.PathLike, seed: int = 0, noise: float = 0.1) -> DataSource:
    """The data set called ``spec``; ``seed`` and ``noise`` shape the toy sets and are ignored otherwise."""
    name = os.fspath(spec)
    if name == BUNDLED:
        return _bundled()
    if name in TOY:
        data = TOY[name](seed=seed, noise=noise)
        return DataSource(name, data, None, f"{_TOY_TEXT[name]} ({len(data)} points, noise {noise:g}, seed {seed})")
    if name == "lecture":
        return DataSource(name, lecture(), None, "the lecture's single sample: inputs [1, 1, 0], target 0")
    if name == my_digits.MY_DIGITS:
        return _my_digits()
    path = Path(name).expanduser()
    if name.strip() and path.is_dir():  # "" would be the current folder
        return _from_files(path, read_mnist_dir(path), "MNIST IDX files")
    if name.strip() and path.suffix.lower() == ".csv" and path.exists():  # x1,…,xn,label rows (csv_table)
        table = read_csv_table(path)
        return DataSource(path.name, table.dataset, None, table.describe(path))
    if name.strip() and path.exists():  # read_npz refuses a FIFO or device by name, without opening it
        return _from_files(path, read_npz(path), ".npz archive")
    names = ", ".join((*DATASET_NAMES, my_digits.MY_DIGITS))
    raise DataError(name or "''", f"is neither a data set name nor an existing file or folder; choose one of "
                                  f"{names}, or give an .npz file or a folder of MNIST IDX files")


def _bundled() -> DataSource:
    try:
        images = resource("mnist-5k-images-idx3-ubyte.gz")
        labels = resource("mnist-5k-labels-idx1-ubyte.gz")
    except FileNotFoundError as e:
        raise DataError(BUNDLED, str(e)) from None
    train = read_digits(images, labels, BUNDLED)
    return DataSource(BUNDLED, train, None, f"{len(train):,} MNIST digits bundled with nndesk "
                                            "(500 per class, from the MNIST training set)")


def _my_digits() -> DataSource:
    """The student's own drawings (Add to my digits in the window); none yet is an error, not an empty set."""
    path = my_digits.default_path()
    digits, dropped = my_digits.load_my_digits(path)
    if not len(digits):
        raise DataError(my_digits.MY_DIGITS, f"no drawings saved yet ({path} is missing or empty); draw digits "
                                             "in the window's Draw dock and press Add to my digits")
    counts = " ".join(f"{k}:{c}" for k, c in enumerate(digits.counts()))
    skipped = f"; {len(dropped)} damaged entries skipped" if dropped else ""
    return DataSource(my_digits.MY_DIGITS, digits.dataset(my_digits.MY_DIGITS), None,
                      f"{len(digits):,} of my digits from {path} ({counts}){skipped}")


def _from_files(path: Path, splits: dict[str, Dataset], kind: str) -> DataSource:
    train, test = splits.get("train"), splits.get("test")
    counts = ", ".join(f"{len(d):,} {split}" for split, d in splits.items())
    what = "digits" if next(iter(splits.values())).image_shape else "points"  # a table's .npz (engine.data.table)
    return DataSource(path.name or str(path), train, test, f"{kind} {path}: {counts} {what}")
