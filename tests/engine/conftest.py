"""Writers for small MNIST-format files, shared by the reader, data set and download tests."""

from __future__ import annotations

import gzip
import struct
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest


def idx_bytes(array: np.ndarray) -> bytes:
    """An unsigned-byte IDX file: 0x0000, type 0x08, ndim, big-endian sizes, data."""
    array = np.asarray(array, dtype=np.uint8)
    return struct.pack(f">HBB{array.ndim}I", 0, 0x08, array.ndim, *array.shape) + array.tobytes()


def gz_bytes(payload: bytes) -> bytes:
    return gzip.compress(payload, mtime=0)


def digits(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """n random 28×28 "digits" and labels cycling through 0..9."""
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, size=(n, 28, 28), dtype=np.uint8), (np.arange(n) % 10).astype(np.uint8)


def write_mnist(directory: Path, n_train: int = 20, n_test: int = 10, gz: bool = True, dot: bool = False) -> Path:
    """A folder of the four MNIST files (either split left out when its count is 0)."""
    directory.mkdir(parents=True, exist_ok=True)
    sep, ext = ("." if dot else "-"), (".gz" if gz else "")
    for prefix, n in (("train", n_train), ("t10k", n_test)):
        if n:
            x, y = digits(n, seed=n)
            for kind, idx, array in (("images", "idx3", x), ("labels", "idx1", y)):
                data = idx_bytes(array)
                (directory / f"{prefix}-{kind}{sep}{idx}-ubyte{ext}").write_bytes(gz_bytes(data) if gz else data)
    return directory


@pytest.fixture
def idx():
    """Functions to build IDX/gzip bytes and MNIST folders (a fixture, so test modules need no imports)."""
    return SimpleNamespace(bytes=idx_bytes, gz=gz_bytes, digits=digits, write_mnist=write_mnist)
