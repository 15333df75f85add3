"""Read a photo or scan of a digit into the 28×28 input a digits network expects.

Qt's ``QImage`` decodes PNG, JPEG, BMP, GIF, TIFF, WebP… without a display or
any extra dependency, which is why this lives outside the Qt-free engine.
The pixels become a grayscale array and then go through the same MNIST-style
centring as the drawing pad (``engine.preprocess.mnist_centre``), so a file
and a drawing are treated identically.  Every failure is one ``ImageError``
naming the file, for the CLI to print and the GUI to show.

Files can be hostile, and a few hundred KB can declare gigapixels, so the
work is bounded before anything is decoded: only regular files of at most
``MAX_FILE_BYTES``; the format is judged by content, not by name; the size
is read from the header (``QImageReader.size()``) and more than
``MAX_PIXELS`` is refused; anything longer than ``DECODE_SIDE`` is decoded
scaled down, which loses nothing for a digit that ends up 20 pixels tall.
JPEG scales while decoding; the other formats are decoded whole and scaled
right after, so for them the decoded size (pixels × the bits of the format
the header announces) is capped at ``MAX_DECODE_BYTES``.  Peak memory stays
under 300 MB for the largest accepted image (measured: 276 MB for a 25 MP RGBA PNG).  Vector files
go through ``imageio_svg``, which bounds their drawing.  Qt's and libpng's
complaints are collected, never printed.
"""

from __future__ import annotations

import os
import stat
import struct
import sys
import tempfile
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from nndesk.engine.data.preprocess import mnist_centre
from nndesk.imageio_svg import SvgRefused, fit, read_svg

MAX_PIXELS = 25_000_000  # 25 MP, a large phone photo
MAX_DECODE_BYTES = 100_000_000  # a format that cannot decode scaled is decoded whole first: 25 MP of 32 bits
DECODE_SIDE = 2048  # longer sides are decoded scaled down to this: ≤ 4 MP reach numpy
MAX_FILE_BYTES = 64_000_000  # no digit photo is larger; decoders may read a whole file into memory
_STDERR = threading.Lock()  # held while file descriptor 2 points at a decoder's sink


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
    _check_file(path)
    _check_png(path)
    image = _decode(path)
    if not image.hasAlphaChannel():
        return _pixels(image.convertToFormat(QImage.Format.Format_Grayscale8), 1)[:, :, 0]
    rgba = _pixels(image.convertToFormat(QImage.Format.Format_RGBA8888), 4)
    del image
    gray = rgba[..., :3] @ np.array([0.299, 0.587, 0.114], np.float32)  # ITU-R 601 luma, as Qt uses
    alpha = rgba[..., 3] * np.float32(1 / 255)
    del rgba
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


def _check_file(path: Path) -> None:
    """A regular, non-empty file of at most ``MAX_FILE_BYTES``: a FIFO or a device would block or never end."""
    try:
        info = path.stat()
    except OSError as e:
        raise ImageError(path, "no such file" if not path.exists() and not path.is_symlink()
                         else f"cannot be read: {e.strerror or e}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ImageError(path, "is a folder, not an image file" if stat.S_ISDIR(info.st_mode)
                         else "is not a file (a pipe, socket or device)")
    if info.st_size == 0:
        raise ImageError(path, "is empty (0 bytes)")
    if info.st_size > MAX_FILE_BYTES:
        raise ImageError(path, f"is {info.st_size / 1e6:.0f} MB, more than the {MAX_FILE_BYTES // 10**6} MB "
                               "nndesk reads as an image")


def _decode(path: Path) -> QImage:
    """Decode at most ``DECODE_SIDE`` on the longest side, after reading the size from the header."""
    with _qt_messages() as messages:  # the header is parsed by size(), the pixels by read()
        reader = QImageReader(str(path))
        reader.setDecideFormatFromContent(True)  # a name can lie: "x.png" may be an SVGZ bomb
        kind = bytes(reader.format()).decode("ascii", "replace")
        if kind in ("svg", "svgz"):
            del reader
            try:
                return read_svg(path, messages)
            except SvgRefused as e:
                raise ImageError(path, str(e)) from None
        size = reader.size()  # from the header, before anything is decoded
        if kind and not size.isValid():
            why = "".join(f" ({m})" for m in messages.drain()[-1:])
            raise ImageError(path, f"is a {kind.upper()} image whose size cannot be read before decoding it{why}")
        w, h = size.width(), size.height()
        if kind and w * h > MAX_PIXELS:
            raise ImageError(path, f"is {w}×{h} pixels, more than the {MAX_PIXELS // 10**6} MP nndesk reads; "
                                   "scale it down first")
        bits = QImage.toPixelFormat(reader.imageFormat()).bitsPerPixel() or 64  # unknown: the widest
        whole = w * h * bits // 8
        if kind and whole > MAX_DECODE_BYTES and not reader.supportsOption(QImageIOHandler.ImageOption.ScaledSize):
            raise ImageError(path, f"is {w}×{h} pixels of {bits} bits: {whole / 1e6:.0f} MB to decode, more than "
                                   f"the {MAX_DECODE_BYTES // 10**6} MB nndesk decodes; scale it down first")
        if kind and max(w, h) > DECODE_SIDE:
            reader.setScaledSize(fit(w, h, DECODE_SIDE))  # JPEG decodes scaled; the others are scaled after
        image = reader.read() if kind else QImage()
        error = reader.errorString()
        del reader
        messages.drain()
    if image.isNull():
        kinds = ", ".join(sorted(bytes(f).decode() for f in QImageReader.supportedImageFormats()))
        why = "; ".join([error, *messages[-1:]])
        raise ImageError(path, f"cannot be read as an image ({why}); nndesk reads {kinds}")
    if image.width() * image.height() > DECODE_SIDE * DECODE_SIDE:  # a decoder that ignored the scaled size
        raise ImageError(path, f"decodes to {image.width()}×{image.height()} pixels, more than its header said")
    return image


class _Complaints(list):
    """Qt's messages as they come, plus the lines a decoder printed to file descriptor 2 (``drain``)."""

    def __init__(self, sink) -> None:
        super().__init__()
        self._sink, self._read = sink, 0

    def drain(self) -> _Complaints:
        self._sink.seek(self._read)
        text = self._sink.read(4096 - self._read) if self._read < 4096 else b""
        self._read += len(text)
        self.extend(text.decode("utf-8", "replace").splitlines())
        return self


@contextmanager
def _qt_messages() -> Iterator[_Complaints]:
    """Collect the decoders' complaints instead of letting them reach the user's terminal.

    Qt's own warnings go through its message handler; libpng prints its errors
    ("libpng error: Invalid IHDR data") straight to file descriptor 2, so that is
    pointed at a temporary file while a decoder runs (one reader at a time: the
    descriptor is the whole process's); ``drain()`` adds what it caught.
    """
    with _STDERR, tempfile.TemporaryFile() as sink:
        messages = _Complaints(sink)
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(sink.fileno(), 2)
        previous = qInstallMessageHandler(lambda _kind, _context, text: messages.append(text))
        try:
            yield messages
        finally:
            qInstallMessageHandler(previous)
            os.dup2(saved, 2)
            os.close(saved)


def _pixels(image: QImage, channels: int) -> np.ndarray:
    """(h, w, channels) uint8 copy of ``image``'s pixels (Qt pads rows to 4 bytes; the copy
    outlives the QImage, whose buffer the view would share)."""
    h, w, stride = image.height(), image.width(), image.bytesPerLine()
    rows = np.frombuffer(image.constBits(), np.uint8, count=h * stride).reshape(h, stride)
    return rows[:, :w * channels].reshape(h, w, channels).copy()
