"""Readers for the digit files people bring: MNIST IDX (raw or .gz) and Keras-style .npz.

A reader trusts nothing it has not checked.  A header is compared with the
data that really follows before anything is allocated, sizes are capped, and
every way a file can be wrong ends in one ``DataError`` that names the file
and the problem on one line, so the GUI can show it and the CLI can print it.
Nothing here unpickles: .npz arrays holding Python objects are refused.
Only what MNIST needs is read: unsigned-byte IDX files and 28×28 digits.
"""

from __future__ import annotations

import gzip
import math
import os
import struct
import zlib
from pathlib import Path

import numpy as np

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.data.npy_guard import NUMBERS, NpyProblem, looks_like_npz, open_regular, read_arrays
from nndesk.engine.data.table import TableProblem, is_points_npz, points_from_npz

MAX_BYTES = 2 * 10**8  # IDX payload cap; the full MNIST training images are 47 MB
MAX_ITEMS = 10**7  # cap on an IDX file's first dimension (samples)
MAX_NPZ_BYTES = 6 * 10**8  # all of an .npz's arrays together; the full MNIST as float64 is 440 MB
IMAGE_SHAPE = (28, 28)
_CHUNK = 1 << 20
_ROWS = 2048  # images converted at a time, so a float64 set never has a second full-size copy
_IDX_TYPES = {0x08: "unsigned byte", 0x09: "signed byte", 0x0B: "short", 0x0C: "int", 0x0D: "float", 0x0E: "double"}


class DataError(ValueError):
    """A data file (or data set name) that cannot be used; ``str()`` is "<file>: <problem>" on one line."""

    def __init__(self, path: str | os.PathLike, problem: str) -> None:
        self.path, self.problem = str(path), " ".join(problem.split())
        super().__init__(f"{self.path}: {self.problem}")

    def __reduce__(self):  # keep it picklable although __init__ takes two arguments
        return type(self), (self.path, self.problem)


def _shape(dims: tuple[int, ...]) -> str:
    return "×".join(f"{d:,}" for d in dims)


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """The unsigned-byte array in an IDX file, raw or gzipped (sniffed, not guessed from the name)."""
    path = Path(path)
    raw = _open(path)
    with raw:
        if raw.read(2) != b"\x1f\x8b":
            raw.seek(0)
            return _parse_idx(path, raw, os.fstat(raw.fileno()).st_size)
        raw.seek(0)
        try:
            with gzip.GzipFile(fileobj=raw) as f:
                return _parse_idx(path, f, None)
        except (OSError, EOFError, zlib.error) as e:
            raise DataError(path, f"is a damaged gzip file ({e})") from None


def _open(path: Path):
    """The file opened for reading; a folder, FIFO or device is refused at once (a FIFO would block)."""
    try:
        return open_regular(path)
    except NpyProblem as e:
        raise DataError(path, str(e)) from None


def _parse_idx(path: Path, f, size: int | None) -> np.ndarray:
    """IDX: 0x0000, type byte, ndim byte, ndim big-endian uint32 sizes, then the data.

    ``size`` is the file size for raw files (checked before reading); gzip
    streams are read at most one byte past the declared end.
    """
    head = f.read(4)
    if len(head) < 4:
        raise DataError(path, f"is too short for an IDX file ({len(head)} bytes)")
    zero, code, ndim = struct.unpack(">HBB", head)
    if zero != 0:
        raise DataError(path, "is not an IDX file (an IDX file starts with two zero bytes)")
    if code != 0x08:
        kind = _IDX_TYPES.get(code, "unknown")
        raise DataError(path, f"holds {kind} values (IDX type 0x{code:02X}); nndesk reads unsigned bytes (0x08)")
    if not 1 <= ndim <= 4:
        raise DataError(path, f"declares {ndim} dimensions; nndesk reads IDX files with 1 to 4")
    header = 4 + 4 * ndim
    sizes = f.read(4 * ndim)
    if len(sizes) < 4 * ndim:
        raise DataError(path, f"is truncated inside its {header}-byte IDX header")
    dims = struct.unpack(f">{ndim}I", sizes)
    for k, d in enumerate(dims, 1):
        if d == 0:
            raise DataError(path, f"declares dimension {k} as 0, so it holds no data")
    total = math.prod(dims)
    if dims[0] > MAX_ITEMS or total > MAX_BYTES:
        raise DataError(path, f"declares {_shape(dims)} = {total:,} bytes, more than nndesk reads "
                              f"({MAX_ITEMS:,} items, {MAX_BYTES:,} bytes)")
    if size is not None:  # raw: the file size must be exact before anything is allocated
        got = size - header
        if got == total:
            buf = bytearray(total)
            got = f.readinto(buf)
    else:  # gzip: the real length is unknown, so read in chunks and stop one byte past the end
        buf = bytearray()
        while len(buf) <= total:
            chunk = f.read(min(_CHUNK, total + 1 - len(buf)))
            if not chunk:
                break
            buf += chunk
        got = len(buf)
    if got < total:
        raise DataError(path, f"is truncated: its header declares {_shape(dims)} = {total:,} data bytes "
                              f"but only {got:,} follow")
    if got > total:
        raise DataError(path, f"has more data than the {_shape(dims)} = {total:,} bytes its header declares")
    return np.frombuffer(buf, np.uint8).reshape(dims)


def read_digits(images: str | os.PathLike, labels: str | os.PathLike, name: str) -> Dataset:
    """A digits Dataset from an MNIST image file (n×28×28) and its label file (n digits 0..9)."""
    x, y = read_idx(images), read_idx(labels)
    if x.ndim != 3 or x.shape[1:] != IMAGE_SHAPE:
        raise DataError(images, f"holds an array of {_shape(x.shape)}; MNIST images are n×28×28")
    if y.ndim != 1:
        raise DataError(labels, f"holds an array of {_shape(y.shape)}; MNIST labels are a list of n digits")
    if len(x) != len(y):
        raise DataError(labels, f"has {len(y):,} labels for the {len(x):,} images in {Path(images).name}")
    bad = np.flatnonzero(y > 9)
    if len(bad):
        raise DataError(labels, f"label {y[bad[0]]} at index {bad[0]:,} is not a digit 0..9")
    return Dataset(name, x.reshape(len(x), -1), y.astype(np.int64), 10, IMAGE_SHAPE)


def _find(directory: Path, prefix: str, kind: str) -> Path | None:
    """``train-images-idx3-ubyte`` or ``train-images.idx3-ubyte``, raw or .gz."""
    idx = "idx3" if kind == "images" else "idx1"
    for sep in ("-", "."):
        for ext in ("", ".gz"):
            path = directory / f"{prefix}-{kind}{sep}{idx}-ubyte{ext}"
            if path.exists():  # not is_file(): a FIFO or folder of that name is refused by read_idx, not skipped
                return path
    return None


def read_mnist_dir(directory: str | os.PathLike) -> dict[str, Dataset]:
    """The "train" and/or "test" digits in a folder of original MNIST files (t10k = test)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise DataError(directory, "is not a folder")
    found = {}
    for split, prefix in (("train", "train"), ("test", "t10k")):
        images, labels = _find(directory, prefix, "images"), _find(directory, prefix, "labels")
        if images and labels:
            found[split] = read_digits(images, labels, directory.name + ("" if split == "train" else " test"))
        elif images or labels:
            have, missing = (images, "labels-idx1") if images else (labels, "images-idx3")
            raise DataError(directory, f"has {have.name} but no {prefix}-{missing}-ubyte[.gz] to go with it")
    if not found:
        raise DataError(directory, "holds no MNIST files (train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                                   "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, raw or .gz)")
    return found


_NPZ_SPLITS = {"train": ("x_train", "y_train"), "test": ("x_test", "y_test")}


def read_npz(path: str | os.PathLike) -> dict[str, Dataset]:
    """Digits from a Keras-style ``mnist.npz`` (x_train, y_train, x_test, y_test) or plain ``x``, ``y`` (train).

    x may be (n, 28, 28) or (n, 784), uint8 or integers 0..255, or floats in
    0..1 or 0..255 (rounded to uint8); y integers (or whole floats) 0..9.
    Any other member, and more than ``MAX_NPZ_BYTES`` in all, is refused.
    """
    path = Path(path)
    with _open(path) as f:
        if not looks_like_npz(f):
            raise DataError(path, "is not an .npz archive (a zip of .npy arrays)")
        try:
            arrays = read_arrays(f, _digit_arrays, MAX_NPZ_BYTES)
        except NpyProblem as e:
            raise DataError(path, str(e)) from None
    if is_points_npz(arrays):  # float points x (n, d) and classes y: a hand-made set or a table (engine.data.table)
        try:
            return {"train": points_from_npz(path.stem, arrays)}
        except TableProblem as e:
            raise DataError(path, str(e)) from None
    splits = _npz_keys(frozenset(arrays))
    return {split: _npz_digits(path, split, xk, yk, arrays[xk], arrays[yk]) for split, (xk, yk) in splits.items()}


def _digit_arrays(names: frozenset[str]) -> dict[str, frozenset[str]]:
    """The arrays a digits .npz may hold, given the ones it does: any number type each."""
    allowed = {key: NUMBERS for pair in _npz_keys(names).values() for key in pair}
    return {**allowed, "n_classes": NUMBERS} if "n_classes" in names and "x" in allowed else allowed


def _npz_keys(names: frozenset[str]) -> dict[str, tuple[str, str]]:
    """Which (x, y) pair makes each split; raises NpyProblem when the names make none."""
    splits = {s: pair for s, pair in _NPZ_SPLITS.items() if names & set(pair)}
    if not splits and names & {"x", "y"}:
        splits = {"train": ("x", "y")}
    if not splits:
        listed = ", ".join(sorted(names)[:8]) + (", …" if len(names) > 8 else "") or "no arrays"
        raise NpyProblem(f"holds {listed}; expected x_train, y_train, x_test, y_test "
                         "(as in Keras' mnist.npz) or x, y")
    for xk, yk in splits.values():
        if xk not in names or yk not in names:
            have, missing = (xk, yk) if xk in names else (yk, xk)
            raise NpyProblem(f"has the array {have} but no {missing}")
    return splits


def _npz_digits(path: Path, split: str, xk: str, yk: str, x: np.ndarray, y: np.ndarray) -> Dataset:
    if not (x.ndim == 3 and x.shape[1:] == IMAGE_SHAPE or x.ndim == 2 and x.shape[1] == 784):
        side = math.isqrt(x.shape[1]) if x.ndim == 2 else x.shape[1] if x.ndim == 3 else 0
        if side and (x.ndim == 3 and x.shape[1] == x.shape[2] or x.ndim == 2 and side * side == x.shape[1]):
            raise DataError(path, f"{xk} holds {side}×{side} images; nndesk's digit networks take 28×28 "
                                  "(MNIST's size), so resize them first")
        raise DataError(path, f"{xk} has shape {x.shape}; expected (n, 28, 28) or (n, 784)")
    n = len(x)
    if n == 0:
        raise DataError(path, f"{xk} holds no images")
    if y.ndim != 1 or len(y) != n:
        raise DataError(path, f"{yk} has shape {y.shape} for {n:,} images in {xk}; expected one label each, ({n},)")
    pixels = _pixels(path, xk, x.reshape(n, -1))
    labels = _labels(path, yk, y)
    return Dataset(path.stem + ("" if split == "train" else " test"), pixels, labels, 10, IMAGE_SHAPE)


def _pixels(path: Path, key: str, x: np.ndarray) -> np.ndarray:
    """uint8 pixels: integers 0..255 as they are; floats 0..1 scaled by 255, floats 0..255 rounded.

    Checked and converted ``_ROWS`` images at a time: a full-size float32 or
    boolean temporary of a 440 MB float64 set would double the peak memory.
    """
    if x.dtype.kind not in "iuf":
        raise DataError(path, f"{key} holds {x.dtype} values; expected uint8 pixels or floats")
    if x.dtype == np.uint8:
        return x
    lo, hi = math.inf, -math.inf
    for start in range(0, len(x), _ROWS):
        part = x[start:start + _ROWS]
        if x.dtype.kind == "f" and not np.isfinite(part).all():
            bad = start * x.shape[1] + np.flatnonzero(~np.isfinite(part))[0]
            raise DataError(path, f"{key} has a NaN or infinite pixel in image {bad // x.shape[1]:,}")
        lo, hi = min(lo, part.min().item()), max(hi, part.max().item())
    if lo < 0 or hi > 255:
        raise DataError(path, f"{key} pixel values span {lo:g}..{hi:g}; expected 0..255 (or 0..1 for floats)")
    if x.dtype.kind != "f":
        return x.astype(np.uint8)
    out = np.empty(x.shape, np.uint8)
    scale = np.float32(255 if hi <= 1 else 1)
    for start in range(0, len(x), _ROWS):
        scaled = x[start:start + _ROWS].astype(np.float32)
        scaled *= scale
        out[start:start + _ROWS] = np.rint(scaled, out=scaled)
    return out


def _labels(path: Path, key: str, y: np.ndarray) -> np.ndarray:
    if y.dtype.kind == "f":
        whole = np.isfinite(y) & (y == np.round(y))
        if not whole.all():
            i = np.flatnonzero(~whole)[0]
            raise DataError(path, f"{key}[{i:,}] = {y[i].item():g} is not a whole-number digit label 0..9")
    elif y.dtype.kind not in "iu":
        raise DataError(path, f"{key} holds {y.dtype} values; expected integer labels 0..9")
    bad = np.flatnonzero((y < 0) | (y > 9))
    if len(bad):
        raise DataError(path, f"{key}[{bad[0]:,}] = {y[bad[0]].item():g} is not a digit label 0..9")
    return y.astype(np.int64)
