"""Export the evaluation: the matrix as a picture, the matrix and the mistakes as CSV.

Every file is written through ``QSaveFile`` (a temporary file beside the target,
renamed over it on commit), so a failed or interrupted export never leaves a
half-written file where a good one was.  The CSV text is the engine's
(``confusion_csv``, ``mistakes_csv``): the same numbers ``nndesk eval`` prints.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QSaveFile
from PySide6.QtGui import QImage

from nndesk.engine.runs.evaluation import Evaluation, confusion_csv, mistakes_csv


def mistakes_path(path: Path) -> Path:
    """Where the mistakes go beside the matrix's ``path``: ``name-mistakes.csv``."""
    return path.with_name(f"{path.stem}-mistakes.csv")


def write_csv(result: Evaluation, path: Path) -> tuple[Path, Path]:
    """The matrix to ``path`` and the mistakes beside it (``mistakes_path``); both or an OSError."""
    path = Path(path).with_suffix(".csv") if not Path(path).suffix else Path(path)
    second = mistakes_path(path)
    _write(path, confusion_csv(result).encode("utf-8"))
    _write(second, mistakes_csv(result).encode("utf-8"))
    return path, second


def write_png(image: QImage, path: Path) -> Path:
    path = Path(path).with_suffix(".png") if not Path(path).suffix else Path(path)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(f"{path}: the picture could not be encoded")
    _write(path, bytes(buffer.data()))
    return path


def _write(path: Path, data: bytes) -> None:
    out = QSaveFile(str(path))
    if not out.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(f"{path}: {out.errorString()}")
    if out.write(data) != len(data) or not out.commit():
        out.cancelWriting()
        raise OSError(f"{path}: {out.errorString()}")
