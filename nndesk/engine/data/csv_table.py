"""A CSV table to learn from: rows of ``x1,…,xn,label``, a header line optional.

Any small tabular set a student finds (iris, wine, their own measurements)
becomes a ``Dataset``: inputs standardised to mean 0 and standard deviation 1
per column (features in centimetres and in grams would otherwise pull on the
weights a thousand times differently), the last column a class number.  The
file is hostile until proven otherwise: binary files, ragged rows, words,
NaN or infinity, a line of a million characters, too many rows, columns or
classes each end in one ``DataError`` line that names the line and column.
Semicolon-separated files with decimal commas (as spreadsheets in Russia
write them) read as well.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.data.npy_guard import NpyProblem, open_regular
from nndesk.engine.data.readers import DataError
from nndesk.engine.data.table import MAX_COLUMNS, MAX_ROWS, TableProblem, sniff_delimiter, standardise, table_dataset

MAX_BYTES = 64 * 10**6  # 100,000 rows of 100 numbers written with ~6 characters each
MAX_LINE = 10_000  # characters: 101 numbers of 20 digits fit with room to spare


@dataclass(frozen=True, eq=False)
class CsvTable:
    """A CSV file read: the standardised data set, and how to undo the scaling (x = z·std + mean)."""

    dataset: Dataset
    mean: np.ndarray  # (n_inputs,) float64, in the file's units
    std: np.ndarray  # (n_inputs,) float64, > 0
    columns: tuple[str, ...]  # the inputs' names: the header's, or x1, x2, …

    def describe(self, path: Path) -> str:
        d = self.dataset
        return (f"CSV table {path.name}: {len(d):,} rows, {d.n_inputs} inputs ({', '.join(self.columns[:6])}"
                f"{', …' if d.n_inputs > 6 else ''}), standardised to mean 0 and standard deviation 1; "
                f"{d.n_classes} classes")


def read_csv_table(path: str | os.PathLike) -> CsvTable:
    """The table in ``path``; DataError with one line for anything wrong with it."""
    path = Path(path)
    try:
        lines = _lines(path)
        return _parse(path, lines)
    except (TableProblem, NpyProblem) as e:
        raise DataError(path, str(e)) from None
    except OSError as e:
        raise DataError(path, f"can't be read ({e.strerror or e})") from None


def _lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of every non-blank line, after the checks that need only the bytes."""
    with open_regular(path) as f:
        size = os.fstat(f.fileno()).st_size
        if size > MAX_BYTES:
            raise TableProblem(f"is {size / 1e6:,.0f} MB; nndesk reads CSV tables up to {MAX_BYTES / 1e6:,.0f} MB")
        raw = f.read(MAX_BYTES + 1)
    if b"\0" in raw:
        raise TableProblem("is a binary file, not a CSV text table (rows like 0.5,1.2,0)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1251", "replace")  # an old spreadsheet's header; the numbers are ASCII anyway
    lines = []
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) > MAX_LINE:
            raise TableProblem(f"line {number:,} is {len(line):,} characters long; a row of a table nndesk "
                               f"reads has at most {MAX_LINE:,}")
        if line.strip():
            lines.append((number, line))
            if len(lines) > MAX_ROWS + 1:  # + a header
                raise TableProblem(f"has more than {MAX_ROWS:,} rows; nndesk reads at most {MAX_ROWS:,}")
    if not lines:
        raise TableProblem("is empty; a CSV table has rows of numbers, the class label last (x1,x2,…,label)")
    return lines


def _parse(path: Path, lines: list[tuple[int, str]]) -> CsvTable:
    delimiter = sniff_delimiter(lines[0][1] if len(lines) == 1 else lines[1][1])
    decimal_comma = delimiter == ";"
    rows = [[c.strip() for c in row] for row in csv.reader([text for _, text in lines], delimiter=delimiter)]
    numbers = [line for line, _ in lines]
    header = None
    if rows and not any(_is_number(c, decimal_comma) for c in rows[0]):  # names, not numbers: a header
        header, rows, numbers = rows[0], rows[1:], numbers[1:]
    if not rows:
        raise TableProblem("has a header but no rows of numbers under it")
    width = len(header) if header is not None else len(rows[0])
    if width < 2:
        raise TableProblem("has one column; a CSV table needs input columns and the class label last (x1,…,label)")
    if width - 1 > MAX_COLUMNS:
        raise TableProblem(f"has {width - 1:,} input columns; nndesk reads at most {MAX_COLUMNS}")
    for line, row in zip(numbers, rows):
        if len(row) != width:
            first = "the header has" if header is not None else "the first row has"
            raise TableProblem(f"line {line:,} has {len(row)} values but {first} {width}; every row needs the "
                               "same columns, the class label last")
    values = _numbers(rows, numbers, decimal_comma)
    where = [f"line {n:,}" for n in numbers]
    raw = table_dataset(path.stem, values[:, :-1], values[:, -1], where=where)
    if len(np.unique(raw.y)) < 2:
        raise TableProblem(f"has only the class {raw.y[0]} in its label column (the last); a classifier needs "
                           "at least two classes")
    z, mean, std = standardise(values[:, :-1])
    dataset = Dataset(path.stem, z, raw.y, raw.n_classes)
    columns = tuple(header[:-1]) if header is not None else tuple(f"x{i + 1}" for i in range(width - 1))
    return CsvTable(dataset, mean, std, columns)


def _numbers(rows: list[list[str]], numbers: list[int], decimal_comma: bool) -> np.ndarray:
    """Every cell as float64 at numpy's speed; the first cell that is not a number named if any."""
    cells = [c.replace(",", ".") for row in rows for c in row] if decimal_comma else [c for row in rows for c in row]
    try:
        values = np.array(cells, dtype=np.float64).reshape(len(rows), -1)
    except ValueError:
        values = None
    bad = None
    if values is None:  # find it the slow way, once
        bad = next((i, j) for i, row in enumerate(rows) for j, c in enumerate(row) if not _is_number(c, decimal_comma))
    elif not np.isfinite(values).all():
        i, j = (int(k[0]) for k in np.nonzero(~np.isfinite(values)))
        bad = (i, j)
    if bad is not None:
        i, j = bad
        cell = rows[i][j][:40]
        why = "is not a number" if values is None else "is not a finite number (NaN and infinity can't be learned from)"
        raise TableProblem(f"line {numbers[i]:,}, column {j + 1}: {cell!r} {why}")
    return values


def _is_number(cell: str, decimal_comma: bool) -> bool:
    try:
        float(cell.replace(",", ".") if decimal_comma else cell)
    except ValueError:
        return False
    return True
