"""Small tables of numbers: a hand-made 2-D set or an imported CSV, n rows of inputs and a class each.

Both kinds end up as one ``Dataset`` of float inputs and whole-number labels,
and both must stay small enough to train in a blink and to show: the limits
live here so the CSV reader, the points file and the window agree on them.
``peek_inputs`` answers "how many inputs?" from a file's first line or its
array header alone, so a recipe can size its network before the data is read.
"""

from __future__ import annotations

import contextlib
import csv
import os
import zipfile
from pathlib import Path

import numpy as np

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.data.atomic_write import write_npz_atomic

MAX_COLUMNS = 100  # inputs; a wider table is an image or a spreadsheet, not a table to learn by hand
MAX_ROWS = 100_000
MAX_CLASSES = 20
IMAGE_WIDTH = 64  # an .npz of x, y floats this wide or wider is a set of images (8×8 and up), not points
DELIMITERS = (",", ";", "\t")


class TableProblem(ValueError):
    """What is wrong with a table, phrased to follow "<file>: "; the readers add the file's name."""


def classes_of(labels: np.ndarray, where: list[str] | None = None) -> np.ndarray:
    """The labels as int64 class numbers 0..MAX_CLASSES−1; ``where[i]`` names row i in a problem."""
    labels = np.asarray(labels)
    if labels.dtype.kind not in "iuf":
        raise TableProblem(f"its labels are {labels.dtype} values; labels are class numbers 0, 1, 2, …")
    if len(labels) == 0:
        return labels.astype(np.int64)
    checks = ((~np.isfinite(labels) | (labels != np.round(labels)) if labels.dtype.kind == "f"
               else np.zeros(len(labels), bool), "is not a whole class number 0, 1, 2, …"),
              (labels < 0, "is negative; labels are class numbers 0, 1, 2, …"),
              (labels >= MAX_CLASSES, f"is too large: nndesk learns at most {MAX_CLASSES} classes "
                                      f"(0..{MAX_CLASSES - 1})"))
    for bad, problem in checks:
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            row = where[i] if where is not None else f"row {i + 1:,}"
            raise TableProblem(f"the label {labels[i].item():g} on {row} {problem}")
    return labels.astype(np.int64)


def table_dataset(name: str, x: np.ndarray, labels: np.ndarray, n_classes: int | None = None,
                  where: list[str] | None = None) -> Dataset:
    """A checked Dataset of float32 inputs (n, d) and class labels; ``n_classes`` at least max label + 1."""
    x = np.asarray(x)
    if x.ndim != 2 or x.dtype.kind not in "iuf":
        raise TableProblem(f"its inputs have shape {x.shape} ({x.dtype}); expected rows of numbers (n, d)")
    if not 1 <= x.shape[1] <= MAX_COLUMNS:
        raise TableProblem(f"has {x.shape[1]:,} input columns; nndesk reads 1 to {MAX_COLUMNS}")
    if len(x) > MAX_ROWS:
        raise TableProblem(f"has {len(x):,} rows; nndesk reads at most {MAX_ROWS:,}")
    if len(labels) != len(x):
        raise TableProblem(f"has {len(labels):,} labels for {len(x):,} rows of inputs")
    if x.dtype.kind == "f" and not np.isfinite(x).all():
        i = int(np.flatnonzero(~np.isfinite(x).all(axis=1))[0])
        raise TableProblem(f"{where[i] if where else f'row {i + 1:,}'} holds a NaN or infinite value; "
                           "every value must be a finite number")
    y = classes_of(labels, where)
    k = max(int(y.max()) + 1 if len(y) else 0, n_classes or 0, 2)
    if k > MAX_CLASSES:
        raise TableProblem(f"declares {k} classes; nndesk learns at most {MAX_CLASSES}")
    return Dataset(name, x.astype(np.float32), y, n_classes=k)


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(z, mean, std): each column shifted to mean 0 and scaled to standard deviation 1.

    A column with one value throughout keeps std 1 (it becomes all zeros): dividing by 0
    would make it NaN, and it carries nothing to learn anyway.  Keeping mean and std lets
    whoever shows the data turn z back into the file's own units (x = z·std + mean).
    """
    x64 = np.asarray(x, np.float64)
    mean = x64.mean(axis=0) if len(x64) else np.zeros(x64.shape[1])
    std = x64.std(axis=0) if len(x64) else np.ones(x64.shape[1])
    std = np.where(std > 1e-12 * np.maximum(np.abs(mean), 1), std, 1.0)
    return ((x64 - mean) / std).astype(np.float32), mean, std


def hidden_for(n_inputs: int) -> int:
    """One hidden layer's size for a table: twice the inputs, at least 8, at most 64 neurons."""
    return int(min(64, max(8, 2 * n_inputs)))


def peek_inputs(spec: str | os.PathLike) -> int | None:
    """The number of inputs of a table file (.csv, or an .npz of points), from its start only; else None.

    None for anything else (a name, a folder, digits, an unreadable file): the
    real reader will say what is wrong when the data is loaded.
    """
    path = Path(spec).expanduser()
    with contextlib.suppress(Exception):  # a hostile header raises anything (TokenError…): the reader will say
        if not path.is_file():
            return None
        if path.suffix.lower() == ".csv":
            return _csv_inputs(path)
        if path.suffix.lower() == ".npz":
            return _npz_inputs(path)
    return None


def _csv_inputs(path: Path) -> int | None:
    with path.open("rb") as f:
        start = f.read(20_000)  # two rows at most: never the whole of a file that is one huge line
    lines = [line.decode("utf-8-sig", "replace") for line in start.splitlines()[:2] if line.strip()]
    rows = [row for row in csv.reader(lines, delimiter=sniff_delimiter(lines[0] if lines else ""))]
    widths = [len(row) - 1 for row in rows if row]
    return widths[-1] if widths and widths[-1] >= 1 else None


def _npz_inputs(path: Path) -> int | None:
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        if "x.npy" not in names or not ({"x.npy", "y.npy"} <= names <= {"x.npy", "y.npy", "n_classes.npy"}):
            return None
        with zf.open("x.npy") as f:
            version = np.lib.format.read_magic(f)
            read = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            shape, _, dtype = read(f)  # the header only, never the data
    if len(shape) != 2 or dtype.kind != "f" or not 1 <= shape[1] <= MAX_COLUMNS:
        return None
    return shape[1] if "n_classes.npy" in names or shape[1] < IMAGE_WIDTH else None


def sniff_delimiter(line: str) -> str:
    """Comma, or semicolon (a spreadsheet that writes decimal commas), or tab: whichever the line has."""
    for d in (";", "\t", ","):
        if d in line:
            return d
    return ","


def is_points_npz(arrays: dict[str, np.ndarray]) -> bool:
    """True for an .npz of float points x (n, d) and labels y (with ``n_classes``, or narrower than an image)."""
    x = arrays.get("x")
    if x is None or "y" not in arrays or x.ndim != 2 or x.dtype.kind != "f" or set(arrays) - {"x", "y", "n_classes"}:
        return False
    return "n_classes" in arrays or 1 <= x.shape[1] < IMAGE_WIDTH


def points_from_npz(name: str, arrays: dict[str, np.ndarray]) -> Dataset:
    """The Dataset of a points .npz (``is_points_npz``): x floats, y class numbers, optional n_classes."""
    n_classes = arrays.get("n_classes")
    k = None
    if n_classes is not None:
        if n_classes.shape != () or n_classes.dtype.kind not in "iu" or not 1 <= int(n_classes) <= MAX_CLASSES:
            raise TableProblem(f"n_classes must be one whole number 1..{MAX_CLASSES}, got {n_classes!r}"[:200])
        k = int(n_classes)
    y = arrays["y"]
    if len(arrays["x"]) == 0:
        raise TableProblem("holds no points")
    if y.ndim != 1:
        raise TableProblem(f"y has shape {y.shape}; expected one label per point")
    return table_dataset(name, arrays["x"], y, k)


def save_points(path: str | os.PathLike, dataset: Dataset) -> Path:
    """Write x (float32), y (int64) and n_classes to an .npz, atomically: what File ▸ Open data set reads back."""
    if len(dataset) == 0:
        raise TableProblem("would hold no points; add some first")
    return write_npz_atomic(path, {"x": np.asarray(dataset.inputs(), np.float32), "y": dataset.y.astype(np.int64),
                                   "n_classes": np.array(dataset.n_classes, np.int64)})
