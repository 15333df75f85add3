"""Read a photo or scan of a digit into the 28×28 input a digits network expects.

Qt's ``QImage`` decodes PNG, JPEG, BMP, GIF, TIFF, WebP… without a display or
any extra dependency, which is why this lives outside the Qt-free engine.
The pixels become a grayscale array and then go through the same MNIST-style
centring as the drawing pad (``engine.preprocess.mnist_centre``), so a file
and a drawing are treated identically.  Every failure is one ``ImageError``
naming the file, for the CLI to print and the GUI to show.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtGui import QImage, QImageReader

from nndesk.engine.data.preprocess import mnist_centre

MAX_PIXELS = 50_000_000  # 50 MP: a large phone photo; beyond that decoding alone costs seconds and GBs


class ImageError(ValueError):
    """An image file that cannot be used as a digit; ``str()`` is "<file>: <problem>"."""

    def __init__(self, path: str | os.PathLike, problem: str) -> None:
        self.path, self.problem = str(path), " ".join(problem.split())
        super().__init__(f"{self.path}: {self.problem}")

    def __reduce__(self):
        return type(self), (self.path, self.problem)


def read_gray(path: str | os.PathLike) -> np.ndarray:
    """The image as uint8 grayscale (h, w); transparency is flattened onto paper that contrasts with the ink."""
    path = Path(path)
    if not path.is_file():
        raise ImageError(path, "no such file" if not path.exists() else "is not a file")
    if path.stat().st_size == 0:
        raise ImageError(path, "is empty (0 bytes)")
    _check_png(path)
    image = _decode(path)
    w, h = image.width(), image.height()
    if w * h > MAX_PIXELS:
        raise ImageError(path, f"is {w}×{h} pixels, more than the {MAX_PIXELS // 10**6} MP nndesk reads")
    if not image.hasAlphaChannel():
        return _pixels(image.convertToFormat(QImage.Format.Format_Grayscale8), 1)[:, :, 0]
    rgba = _pixels(image.convertToFormat(QImage.Format.Format_RGBA8888), 4).astype(np.float32)
    gray = rgba[..., :3] @ np.array([0.299, 0.587, 0.114], np.float32)  # ITU-R 601 luma, as Qt uses
    alpha = rgba[..., 3] / 255
    # Transparent pixels carry no colour: put them on white behind dark ink, on black behind light ink.
    covered = alpha.sum()
    paper = 255.0 if covered == 0 or (gray * alpha).sum() / covered < 128 else 0.0
    return np.rint(gray * alpha + paper * (1 - alpha)).astype(np.uint8)


def read_digit_image(path: str | os.PathLike) -> np.ndarray:
    """float32 (28, 28) in 0..1, ink bright, centred like MNIST; ImageError if no digit can be read."""
    gray = read_gray(path)
    digit = mnist_centre(gray)
    if not digit.any():
        raise ImageError(path, "is blank: no ink stands out from the background")
    return digit


def write_gray(path: str | os.PathLike, gray: np.ndarray) -> Path:
    """Save a 2-D grayscale array (uint8, or float 0..1) as an image; the format follows the suffix.

    Written to a temporary file first, then renamed, so a failed save leaves no half-written image.
    """
    path = Path(path)
    g = np.asarray(gray)
    if g.ndim != 2 or g.size == 0:
        raise ValueError(f"expected a non-empty 2-D grayscale array, got shape {g.shape}")
    if g.dtype != np.uint8:
        g = np.rint(np.clip(np.nan_to_num(g.astype(np.float64)), 0, 1) * 255).astype(np.uint8)
    g = np.ascontiguousarray(g)
    h, w = g.shape
    image = QImage(g.data, w, h, w, QImage.Format.Format_Grayscale8).copy()  # copy: own the pixels
    tmp = path.with_name(f".{path.name}.tmp{path.suffix}")
    if not image.save(str(tmp), (path.suffix.lstrip(".") or "png").upper()):
        tmp.unlink(missing_ok=True)
        raise ImageError(path, "cannot be written (unknown image type or the folder is not writable)")
    os.replace(tmp, path)
    return path


def _check_png(path: Path) -> None:
    """Walk a PNG's chunks and check their CRCs before Qt decodes it.

    libpng reports a damaged file by printing "libpng error: …" straight to
    stderr, which no Qt message handler can catch; checking first keeps
    damaged files to one clean ImageError.  Other formats are left to Qt.
    """
    size = path.stat().st_size
    try:
        with open(path, "rb") as f:
            if f.read(8) != b"\x89PNG\r\n\x1a\n":
                return
            kind = b""
            while kind != b"IEND":
                head = f.read(8)
                if len(head) < 8:
                    raise ImageError(path, "is a truncated PNG file (it ends before its IEND chunk)")
                length, kind = struct.unpack(">I4s", head)
                if f.tell() + length + 4 > size:
                    raise ImageError(path, f"is a truncated PNG file (its {kind!r} chunk runs past the end)")
                data = f.read(length)
                if struct.unpack(">I", f.read(4))[0] != zlib.crc32(data, zlib.crc32(kind)):
                    raise ImageError(path, f"is a damaged PNG file (checksum error in its {kind!r} chunk)")
    except OSError as e:
        raise ImageError(path, f"cannot be read: {e.strerror or e}") from None


def _decode(path: Path) -> QImage:
    with _qt_messages() as messages:  # the header is parsed by size(), the pixels by read()
        reader = QImageReader(str(path))
        size = reader.size()  # from the header, before anything is decoded
        if size.isValid() and size.width() * size.height() > MAX_PIXELS:
            raise ImageError(path, f"is {size.width()}×{size.height()} pixels, more than the "
                                   f"{MAX_PIXELS // 10**6} MP nndesk reads; scale it down first")
        image = reader.read()
        error = reader.errorString()
        del reader
    if image.isNull():
        kinds = ", ".join(sorted(bytes(f).decode() for f in QImageReader.supportedImageFormats()))
        why = "; ".join([error, *messages[-1:]])
        raise ImageError(path, f"cannot be read as an image ({why}); nndesk reads {kinds}")
    return image


@contextmanager
def _qt_messages() -> Iterator[list[str]]:
    """Collect Qt's decoder warnings ("libpng error: …") instead of letting them reach stderr."""
    messages: list[str] = []
    previous = qInstallMessageHandler(lambda _kind, _context, text: messages.append(text))
    try:
        yield messages
    finally:
        qInstallMessageHandler(previous)


def _pixels(image: QImage, channels: int) -> np.ndarray:
    """(h, w, channels) uint8 copy of ``image``'s pixels (Qt pads rows to 4 bytes; the copy
    outlives the QImage, whose buffer the view would share)."""
    h, w, stride = image.height(), image.width(), image.bytesPerLine()
    rows = np.frombuffer(image.constBits(), np.uint8, count=h * stride).reshape(h, stride)
    return rows[:, :w * channels].reshape(h, w, channels).copy()
