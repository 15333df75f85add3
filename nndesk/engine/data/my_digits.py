"""The student's personal digit set on disk: load (damage tolerated), save (atomic), import and export.

The set lives in one .npz in the per-user data folder (``default_path``):
``ink`` (n, 280, 280) uint8, ``x`` (n, 28, 28) float32, ``y`` (n,) labels.
A file that cannot be read at all raises ``MyDigitsError`` (one line; the
window moves the file aside and starts empty); a readable file with bad
entries — a label that is no digit, a NaN pixel — loses only those, each
with a message.  Exchange formats are the ones other tools read: an .npz of
x uint8 (n, 28, 28) and y, or MNIST IDX image and label files.
"""

from __future__ import annotations

import gzip
import os
import struct
import zipfile
from pathlib import Path

import numpy as np

from nndesk.engine.data.atomic_write import write_atomic, write_npz_atomic
from nndesk.engine.data.my_digits_set import INK_SHAPE, X_SHAPE, MyDigit, MyDigits, entry_problem, make_digit
from nndesk.engine.data.npy_guard import NpyProblem, looks_like_npz, open_regular, read_arrays
from nndesk.engine.data.readers import DataError, read_digits, read_npz
from nndesk.paths import data_dir

__all__ = ["MY_DIGITS", "MyDigit", "MyDigits", "MyDigitsError", "default_path", "export_idx", "export_npz",
           "import_digits", "load_my_digits", "save_my_digits", "set_aside"]

MY_DIGITS = "my-digits"  # the data set name: nndesk train --dataset my-digits
MAX_BYTES = 4 * 10**8  # about 5,000 drawings; a header claiming more is refused before anything is allocated
_INTEGERS = frozenset({"u1", "u2", "u4", "u8", "i1", "i2", "i4", "i8"})
_DTYPES = {"ink": frozenset({"u1"}), "x": frozenset({"f4", "f8"}), "y": _INTEGERS}


class MyDigitsError(DataError):
    """A personal-set file (or an import) that cannot be used at all; ``str()`` is "<file>: <problem>"."""


def default_path() -> Path:
    """``<per-user data folder>/nndesk/my-digits.npz`` (beside the downloaded MNIST; XDG_DATA_HOME moves it)."""
    return data_dir() / "my-digits.npz"


def save_my_digits(path: str | os.PathLike, digits: MyDigits) -> Path:
    """Write the set atomically as an .npz (deflated: the ink is mostly blank), creating the folder if needed.

    Each drawing is written row by row into the archive instead of stacked
    first: the window saves in a background thread, and a 40 MB ``np.stack``
    of 500 drawings would hold the interpreter lock the GUI needs.  zlib's
    fastest level: 3× faster than numpy's default, for files still ~1 KB a drawing.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(path, lambda f: _write_set(f, digits))


def _write_set(f, digits: MyDigits) -> None:
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for key, dtype, shape in (("ink", np.uint8, INK_SHAPE), ("x", np.float32, X_SHAPE)):
            with zf.open(f"{key}.npy", "w") as out:
                header = {"descr": np.lib.format.dtype_to_descr(np.dtype(dtype)), "fortran_order": False,
                          "shape": (len(digits), *shape)}
                np.lib.format.write_array_header_1_0(out, header)
                for digit in digits:
                    out.write(np.ascontiguousarray(getattr(digit, key), dtype).tobytes())
        with zf.open("y.npy", "w") as out:
            np.lib.format.write_array(out, digits.y, allow_pickle=False)


def load_my_digits(path: str | os.PathLike) -> tuple[MyDigits, list[str]]:
    """The set saved at ``path`` and a message for each entry dropped; a missing file is an empty set.

    Raises MyDigitsError when nothing in the file can be trusted: not an
    archive, truncated, a header claiming too much, arrays missing or of the
    wrong type or shape.
    """
    path = Path(path)
    if not os.path.lexists(path):
        return MyDigits(), []
    try:
        with open_regular(path) as f:
            if not looks_like_npz(f):
                raise NpyProblem("is not an .npz archive (a zip of .npy arrays)")
            arrays = read_arrays(f, _expect, MAX_BYTES)
    except NpyProblem as e:
        raise MyDigitsError(path, str(e)) from None
    ink, x, y = arrays["ink"], arrays["x"], arrays["y"]
    for key, a, tail in (("ink", ink, INK_SHAPE), ("x", x, X_SHAPE)):
        if a.ndim != 3 or a.shape[1:] != tail:
            raise MyDigitsError(path, f"{key} has shape {a.shape}; expected (n, {tail[0]}, {tail[1]})")
    if y.ndim != 1:
        raise MyDigitsError(path, f"y has shape {y.shape}; expected one label per drawing, (n,)")
    messages = []
    n = min(len(ink), len(x), len(y))
    if len({len(ink), len(x), len(y)}) > 1:
        messages.append(f"{path.name}: holds {len(ink)} drawings, {len(x)} inputs and {len(y)} labels; "
                        f"kept the first {n}")
    kept = []
    for i in range(n):
        label = y[i].item()
        problem = entry_problem(ink[i], x[i], label)
        if problem:
            messages.append(f"{path.name}: drawing {i + 1} dropped: {problem}")
        else:
            kept.append(make_digit(ink[i], x[i], label))
    return MyDigits(kept), messages


def set_aside(path: str | os.PathLike) -> Path:
    """Rename an unreadable set to ``<name>.damaged[-k].npz`` beside it (never deleted: it may be rescued)."""
    path = Path(path)
    for k in range(1, 1000):
        target = path.with_name(f"{path.stem}.damaged{'' if k == 1 else f'-{k}'}{path.suffix}")
        if not os.path.lexists(target):
            os.replace(path, target)
            return target
    raise OSError(f"{path}: too many damaged copies beside it already")


def _expect(keys: frozenset[str]) -> dict[str, frozenset[str]]:
    if keys != set(_DTYPES):
        listed = ", ".join(sorted(keys)) or "no arrays"
        raise NpyProblem(f"holds {listed}; a personal digit set holds ink, x and y")
    return _DTYPES


def import_digits(path: str | os.PathLike) -> MyDigits:
    """Digits from an .npz (x (n, 28, 28) or (n, 784) and y; or another personal set) or an MNIST IDX images
    file whose labels file sits beside it.  The ink of an imported digit is its 28×28 enlarged ten times."""
    path = Path(path)
    try:
        with open_regular(path) as f:
            is_npz = looks_like_npz(f)
            personal = is_npz and "ink.npy" in _names(f)
    except NpyProblem as e:
        raise MyDigitsError(path, str(e)) from None
    if personal:
        digits, messages = load_my_digits(path)
        if messages:
            raise MyDigitsError(path, messages[0].split(": ", 1)[-1])
        return digits
    try:
        if is_npz:
            parts = read_npz(path).values()
            pixels = np.concatenate([d.x for d in parts])
            labels = np.concatenate([d.y for d in parts])
        else:
            data = read_digits(path, labels_beside(path), path.name)
            pixels, labels = data.x, data.y
    except DataError as e:
        raise MyDigitsError(e.path, e.problem) from None
    return from_pixels(pixels.reshape(len(pixels), *X_SHAPE), labels)


def _names(f) -> list[str]:
    try:
        with zipfile.ZipFile(f) as zf:
            return zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
    finally:
        f.seek(0)


def labels_beside(images: Path) -> Path:
    """The labels file for an IDX images file: "images" → "labels", "idx3" → "idx1", raw or .gz."""
    name = images.name.replace("images", "labels").replace("idx3", "idx1")
    stem = name[:-3] if name.endswith(".gz") else name
    if name != images.name:
        for candidate in (name, stem, stem + ".gz"):
            if (images.parent / candidate).exists():
                return images.parent / candidate
    raise MyDigitsError(images, f"has no labels file beside it (looked for {stem} or {stem}.gz); an MNIST "
                                "images file needs its labels file in the same folder")


def from_pixels(pixels: np.ndarray, labels: np.ndarray) -> MyDigits:
    """A set from uint8 (n, 28, 28) pixels and labels; each ink is the digit drawn ten times larger."""
    scale = INK_SHAPE[0] // X_SHAPE[0]
    digits = []
    for image, label in zip(pixels, labels, strict=True):
        ink = np.repeat(np.repeat(image, scale, axis=0), scale, axis=1)
        digits.append(make_digit(ink, image.astype(np.float32) / np.float32(255), int(label)))
    return MyDigits(digits)


def _pixels(digits: MyDigits, path: Path) -> np.ndarray:
    if not len(digits):
        raise MyDigitsError(path, "was not written: the set is empty, there is nothing to export")
    return np.rint(digits.x * np.float32(255)).astype(np.uint8)


def export_npz(path: str | os.PathLike, digits: MyDigits) -> Path:
    """x uint8 (n, 28, 28) and y int64, atomically: what ``nndesk train --dataset FILE`` and Keras read."""
    path = Path(path)
    return write_npz_atomic(path, {"x": _pixels(digits, path), "y": digits.y.copy()})


def export_idx(images_path: str | os.PathLike, labels_path: str | os.PathLike, digits: MyDigits) -> None:
    """MNIST IDX files (gzipped if a name ends in .gz), each written atomically."""
    pixels = _pixels(digits, Path(images_path))
    n = len(digits)
    _write_idx(images_path, struct.pack(">HBBIII", 0, 0x08, 3, n, *X_SHAPE) + pixels.tobytes())
    _write_idx(labels_path, struct.pack(">HBBI", 0, 0x08, 1, n) + digits.y.astype(np.uint8).tobytes())


def _write_idx(path: str | os.PathLike, data: bytes) -> None:
    if str(path).endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    write_atomic(path, lambda f: f.write(data))
