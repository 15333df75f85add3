"""read_digit_image: any image file becomes the MNIST-style 28×28 input, or one clean ImageError."""

from __future__ import annotations

import gzip
import random
import struct
import zlib

import numpy as np
import pytest
from PySide6.QtGui import QImage

from nndesk.engine.data.preprocess import centre_of_mass, mnist_centre
from nndesk.imageio import ImageError, read_digit_image, read_gray, write_gray
from nndesk.paths import resource


@pytest.fixture(scope="module")
def digit() -> np.ndarray:
    """A real bundled MNIST digit, uint8 28×28, ink bright."""
    raw = gzip.decompress(resource("mnist-5k-images-idx3-ubyte.gz").read_bytes())
    return np.frombuffer(raw, np.uint8, offset=16 + 784 * 7, count=784).reshape(28, 28)


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a.ravel() @ b.ravel() / np.linalg.norm(a) / np.linalg.norm(b))


@pytest.mark.parametrize("suffix", ["png", "jpg", "bmp"])
def test_a_scanned_dark_on_light_digit_reads_like_the_original(tmp_path, digit, suffix):
    scan = 255 - np.kron(digit, np.ones((10, 10), np.uint8))  # 280×280, black ink on white paper
    path = write_gray(tmp_path / f"digit.{suffix}", scan)
    out = read_digit_image(path)
    assert out.shape == (28, 28) and out.dtype == np.float32
    assert _cosine(out, mnist_centre(digit)) > 0.97
    assert np.allclose(centre_of_mass(out), 14.0, atol=0.05)


def test_transparent_png_with_dark_strokes_is_put_on_white_paper(tmp_path, digit):
    big = np.kron(digit, np.ones((4, 4), np.uint8))
    rgba = np.zeros((*big.shape, 4), np.uint8)
    rgba[..., 3] = big  # black strokes, opacity = ink; the background is fully transparent black
    image = QImage(rgba.data, big.shape[1], big.shape[0], big.shape[1] * 4, QImage.Format.Format_RGBA8888).copy()
    assert image.save(str(tmp_path / "alpha.png"))
    assert _cosine(read_digit_image(tmp_path / "alpha.png"), mnist_centre(big)) > 0.99


def test_write_then_read_gray_is_lossless_for_png(tmp_path):
    g = np.random.default_rng(0).integers(0, 256, (31, 17)).astype(np.uint8)  # odd width: padded rows
    assert np.array_equal(read_gray(write_gray(tmp_path / "g.png", g)), g)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_huge_image_is_refused_from_its_header(tmp_path):
    header = struct.pack(">IIBBBBB", 9000, 9000, 8, 0, 0, 0, 0)  # 81 MP grayscale
    path = tmp_path / "huge.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
                     + _png_chunk(b"IDAT", zlib.compress(b"\0" * 64)) + _png_chunk(b"IEND", b""))
    with pytest.raises(ImageError, match=r"huge\.png.*9000×9000.*25 MP"):
        read_digit_image(path)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.png", b"", "empty"),
    ("notes.png", b"this is text, not an image\n" * 20, "cannot be read as an image"),
    ("blank.png", None, "blank"),
])
def test_unusable_files_raise_image_error_naming_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    if content is None:
        write_gray(path, np.full((40, 40), 255, np.uint8))
    else:
        path.write_bytes(content)
    with pytest.raises(ImageError, match=message) as info:
        read_digit_image(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_missing_file_and_folder_raise_image_error(tmp_path):
    with pytest.raises(ImageError, match="no such file"):
        read_digit_image(tmp_path / "nope.png")
    with pytest.raises(ImageError, match="is a folder"):
        read_digit_image(tmp_path)


def test_damaged_pngs_raise_image_error_and_print_nothing(tmp_path, digit, capfd):
    good = write_gray(tmp_path / "good.png", 255 - np.kron(digit, np.ones((3, 3), np.uint8))).read_bytes()
    rnd = random.Random(1)
    damaged = [good[:n] for n in (8, 20, 33, len(good) // 2, len(good) - 1)]
    for _ in range(40):
        b = bytearray(good)
        b[rnd.randrange(8, len(b))] ^= 1 << rnd.randrange(8)
        damaged.append(bytes(b))
    for i, data in enumerate(damaged):
        path = tmp_path / f"bad{i}.png"
        path.write_bytes(data)
        with pytest.raises(ImageError):
            read_digit_image(path)
    out, err = capfd.readouterr()
    assert "libpng" not in err and out == ""

