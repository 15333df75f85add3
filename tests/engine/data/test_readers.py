"""IDX and .npz readers: valid files round-trip; every broken file ends in one DataError, fast and small."""

from __future__ import annotations

import io
import math
import os
import pickle
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from nndesk.engine.data.readers import DataError, read_digits, read_idx, read_mnist_dir, read_npz
from nndesk.paths import resource

# Each example overwrites the same file in tmp_path, so sharing the fixture across examples is safe.
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def read_or_reject(read, path):
    """The reader's result, or None after checking its DataError; any other exception fails the test."""
    start = time.perf_counter()
    try:
        return read(path)
    except DataError as e:
        message = str(e)
        assert message.startswith(str(path)) and len(message) > len(str(path)) + 5
        assert "\n" not in message
        return None
    finally:
        assert time.perf_counter() - start < 1.0


def rejects(read, path) -> str:
    start = time.perf_counter()
    with pytest.raises(DataError) as info:
        read(path)
    assert time.perf_counter() - start < 1.0
    assert str(info.value).startswith(str(path)) and "\n" not in str(info.value)
    return info.value.problem


def idx_oracle(payload: bytes) -> tuple[int, ...] | None:
    """The shape a well-formed unsigned-byte IDX payload declares, else None (the spec in six lines)."""
    if len(payload) < 4 or payload[:3] != b"\x00\x00\x08" or not 1 <= payload[3] <= 4:
        return None
    ndim = payload[3]
    if len(payload) < 4 + 4 * ndim:
        return None
    dims = struct.unpack(f">{ndim}I", payload[4:4 + 4 * ndim])
    return dims if 0 not in dims and len(payload) == 4 + 4 * ndim + math.prod(dims) else None


# --- IDX -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("shape", [(7,), (3, 5), (4, 28, 28), (2, 3, 4, 5)])
def test_read_idx_round_trips_every_rank_raw_and_gzipped(tmp_path, idx, gz, shape):
    array = np.random.default_rng(1).integers(0, 256, size=shape, dtype=np.uint8)
    data = idx.bytes(array)
    path = tmp_path / "a.idx"
    path.write_bytes(idx.gz(data) if gz else data)
    got = read_idx(path)
    assert got.dtype == np.uint8 and got.shape == shape and np.array_equal(got, array)


@pytest.mark.parametrize(("payload", "problem"), [
    (b"", "too short"),
    (b"\x01\x00\x08\x01\x00\x00\x00\x01\x05", "not an IDX file"),
    (b"\x00\x00\x0d\x01\x00\x00\x00\x01\x00\x00\x00\x00", "float values"),
    (b"\x00\x00\x08\x00", "0 dimensions"),
    (b"\x00\x00\x08\x05" + b"\x00\x00\x00\x01" * 5 + b"\x07", "5 dimensions"),
    (b"\x00\x00\x08\x02\x00\x00\x00\x03\x00\x00\x00\x00", "dimension 2 as 0"),
    (b"\x00\x00\x08\x03\x00\x00\x00\x01", "truncated inside its 16-byte IDX header"),
    (b"\x00\x00\x08\x01\x00\x00\x00\x03\x01\x02", "only 2 follow"),
    (b"\x00\x00\x08\x01\x00\x00\x00\x03\x01\x02\x03\x04", "more data than"),
])
def test_read_idx_says_what_is_wrong(tmp_path, payload, problem):
    path = tmp_path / "bad-idx1-ubyte"
    path.write_bytes(payload)
    assert problem in rejects(read_idx, path)


def test_read_idx_names_a_missing_file(tmp_path):
    assert "cannot open" in rejects(read_idx, tmp_path / "missing-idx3-ubyte")


def test_read_idx_reports_a_damaged_gzip_stream(tmp_path, idx):
    path = tmp_path / "x.gz"
    path.write_bytes(idx.gz(idx.bytes(np.zeros((50, 28, 28))))[:-30])
    assert "gzip" in rejects(read_idx, path)


@FUZZ
@given(shape=st.lists(st.integers(1, 6), min_size=1, max_size=4), mode=st.sampled_from(["raw", "gz", "gz-stream"]),
       cut=st.floats(0, 1, exclude_max=True))
def test_read_idx_rejects_every_truncation(tmp_path, idx, shape, mode, cut):
    data = idx.bytes(np.ones(shape))
    path = tmp_path / "t.idx"
    if mode == "gz-stream":  # cut the compressed bytes: the gzip layer must notice
        packed = idx.gz(data)
        path.write_bytes(packed[: int(cut * len(packed))])
    else:
        short = data[: int(cut * len(data))]
        path.write_bytes(idx.gz(short) if mode == "gz" else short)
    rejects(read_idx, path)


@FUZZ
@given(shape=st.lists(st.integers(1, 6), min_size=1, max_size=4), extra=st.binary(min_size=1, max_size=40),
       gz=st.booleans())
def test_read_idx_rejects_trailing_bytes(tmp_path, idx, shape, extra, gz):
    data = idx.bytes(np.ones(shape)) + extra
    path = tmp_path / "t.idx"
    path.write_bytes(idx.gz(data) if gz else data)
    assert "more data than" in rejects(read_idx, path)


@FUZZ
@given(dims=st.lists(st.integers(1, 2**32 - 1), min_size=1, max_size=4), tail=st.binary(max_size=64),
       gz=st.booleans())
def test_read_idx_rejects_absurd_sizes_before_allocating(tmp_path, idx, dims, tail, gz):
    assume(math.prod(dims) > 2 * 10**8 or dims[0] > 10**7)
    data = struct.pack(f">HBB{len(dims)}I", 0, 8, len(dims), *dims) + tail
    path = tmp_path / "huge.idx"
    path.write_bytes(idx.gz(data) if gz else data)
    tracemalloc.start()
    try:
        assert "more than nndesk reads" in rejects(read_idx, path)
        assert tracemalloc.get_traced_memory()[1] < 1_000_000
    finally:
        tracemalloc.stop()


@FUZZ
@given(payload=st.binary(max_size=300), wrap=st.sampled_from(["raw", "gz", "gz-magic"]))
def test_read_idx_random_bytes_are_either_valid_idx_or_a_data_error(tmp_path, idx, payload, wrap):
    path = tmp_path / "r.idx"
    path.write_bytes({"raw": payload, "gz": idx.gz(payload), "gz-magic": b"\x1f\x8b" + payload}[wrap])
    got = read_or_reject(read_idx, path)
    if wrap == "gz-magic":
        assert got is None
    else:
        shape = idx_oracle(payload)
        assert (got is None) == (shape is None)
        assert got is None or (got.shape == shape and got.tobytes() == payload[-got.size:])


@FUZZ
@given(edits=st.lists(st.tuples(st.integers(0, 23), st.integers(0, 255)), min_size=1, max_size=4), gz=st.booleans())
def test_read_idx_mutated_headers_are_either_valid_or_a_data_error(tmp_path, idx, edits, gz):
    data = bytearray(idx.bytes(np.arange(2 * 3 * 4).reshape(2, 3, 4)))
    for pos, value in edits:
        data[pos] = value
    path = tmp_path / "m.idx"
    path.write_bytes(idx.gz(bytes(data)) if gz else bytes(data))
    got = read_or_reject(read_idx, path)
    shape = idx_oracle(bytes(data))
    assert (got is None) == (shape is None)
    assert got is None or got.shape == shape


# --- MNIST folders -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("gz", "dot"), [(False, False), (True, False), (True, True), (False, True)])
def test_read_mnist_dir_reads_both_splits_in_every_spelling(tmp_path, idx, gz, dot):
    folder = idx.write_mnist(tmp_path / "mnist", n_train=30, n_test=12, gz=gz, dot=dot)
    data = read_mnist_dir(folder)
    assert sorted(data) == ["test", "train"]
    train, test = data["train"], data["test"]
    assert train.x.shape == (30, 784) and train.x.dtype == np.uint8 and test.x.shape == (12, 784)
    assert train.y.dtype == np.int64 and train.n_classes == 10 and train.image_shape == (28, 28)
    x, y = idx.digits(30, seed=30)
    assert np.array_equal(train.x, x.reshape(30, 784)) and np.array_equal(train.y, y)


def test_read_mnist_dir_with_only_test_files_gives_only_test(tmp_path, idx):
    data = read_mnist_dir(idx.write_mnist(tmp_path / "t10k", n_train=0, n_test=5))
    assert list(data) == ["test"] and len(data["test"]) == 5


def test_read_mnist_dir_says_what_is_missing(tmp_path, idx):
    assert "holds no MNIST files" in rejects(read_mnist_dir, tmp_path)
    assert "is not a folder" in rejects(read_mnist_dir, tmp_path / "nope")
    folder = idx.write_mnist(tmp_path / "half", n_train=4, n_test=0)
    (folder / "train-labels-idx1-ubyte.gz").unlink()
    assert "no train-labels-idx1-ubyte" in rejects(read_mnist_dir, folder)


@FUZZ
@given(n_images=st.integers(1, 4), n_labels=st.integers(1, 4), rows=st.sampled_from([27, 28]),
       cols=st.sampled_from([28, 29]), labels=st.lists(st.integers(0, 12), min_size=4, max_size=4),
       gz=st.booleans())
def test_read_mnist_dir_accepts_exactly_the_valid_digit_files(tmp_path, idx, n_images, n_labels, rows, cols, labels,
                                                              gz):
    images = np.zeros((n_images, rows, cols), np.uint8)
    y = np.array(labels[:n_labels], np.uint8)
    ext = ".gz" if gz else ""
    for name, array in (("train-images-idx3-ubyte", images), ("train-labels-idx1-ubyte", y)):
        for stale in (tmp_path / name, tmp_path / (name + ".gz")):
            stale.unlink(missing_ok=True)
        data = idx.bytes(array)
        (tmp_path / (name + ext)).write_bytes(idx.gz(data) if gz else data)
    got = read_or_reject(read_mnist_dir, tmp_path)
    valid = (rows, cols) == (28, 28) and n_images == n_labels and max(y) <= 9
    assert (got is not None) == valid
    assert got is None or (got["train"].x.shape == (n_images, 784) and np.array_equal(got["train"].y, y))


def test_bundled_digits_are_5000_images_500_per_class():
    data = read_digits(resource("mnist-5k-images-idx3-ubyte.gz"), resource("mnist-5k-labels-idx1-ubyte.gz"), "b")
    assert data.x.shape == (5000, 784) and data.x.dtype == np.uint8
    assert np.array_equal(np.bincount(data.y), [500] * 10)
    assert data.x.max() == 255 and 0.05 < data.x.mean() / 255 < 0.25  # ink on a black background


# --- .npz ----------------------------------------------------------------------------------------------

def save_npz(path, **arrays):
    with open(path, "wb") as f:
        np.savez(f, **arrays)  # a file object, so numpy never appends ".npz" to the name
    return path


def test_read_npz_reads_keras_mnist_layout(tmp_path, idx):
    x, y = idx.digits(12)
    path = save_npz(tmp_path / "mnist.npz", x_train=x, y_train=y, x_test=x[:5], y_test=y[:5])
    data = read_npz(path)
    assert sorted(data) == ["test", "train"]
    assert np.array_equal(data["train"].x, x.reshape(12, 784)) and data["train"].y.dtype == np.int64
    assert len(data["test"]) == 5 and data["test"].image_shape == (28, 28)


@pytest.mark.parametrize(("pixels", "scale"), [(np.float32, 1 / 255), (np.float64, 1.0), (np.int64, 1)])
def test_read_npz_turns_float_and_int_pixels_into_bytes(tmp_path, pixels, scale):
    x = np.arange(4 * 784).reshape(4, 784) % 256
    path = save_npz(tmp_path / "d.npz", x=(x * scale).astype(pixels), y=np.array([0.0, 3.0, 9.0, 1.0]))
    data = read_npz(path)["train"]
    assert data.x.dtype == np.uint8 and np.array_equal(data.x, x)
    assert np.array_equal(data.y, [0, 3, 9, 1]) and data.y.dtype == np.int64


def test_read_npz_rounds_near_integer_floats(tmp_path):
    x = np.full((1, 784), 0.5 / 255 + 0.001, np.float32)
    x[0, 0] = 1.0
    assert read_npz(save_npz(tmp_path / "r.npz", x=x, y=np.array([1])))["train"].x[0, :2].tolist() == [255, 1]


BAD_NPZ = {
    "objects": ({"x": np.array([None, 1], dtype=object), "y": np.array([1, 2])}, "Python objects"),
    "nan": ({"x": np.where(np.arange(784) == 7, np.nan, 0.5)[None], "y": np.array([1])}, "NaN or infinite"),
    "inf": ({"x": np.full((1, 784), np.inf), "y": np.array([1])}, "NaN or infinite"),
    "negative": ({"x": np.full((1, 784), -1.0), "y": np.array([1])}, "span -1..-1"),
    "too bright": ({"x": np.full((1, 784), 300), "y": np.array([1])}, "span 300..300"),
    "label 10": ({"x": np.zeros((2, 784), np.uint8), "y": np.array([3, 10])}, "y[1] = 10 is not a digit"),
    "label -1": ({"x": np.zeros((1, 784), np.uint8), "y": np.array([-1])}, "y[0] = -1"),
    "label 2.5": ({"x": np.zeros((1, 784), np.uint8), "y": np.array([2.5])}, "y[0] = 2.5 is not a whole"),
    "counts": ({"x": np.zeros((3, 784), np.uint8), "y": np.array([1, 2])}, "for 3 images"),
    "16x16": ({"x": np.zeros((3, 16, 16), np.uint8), "y": np.zeros(3, int)}, "16×16 images"),
    "256 wide": ({"x": np.zeros((3, 256), np.uint8), "y": np.zeros(3, int)}, "16×16 images"),
    "odd shape": ({"x": np.zeros((3, 28, 20), np.uint8), "y": np.zeros(3, int)}, "expected (n, 28, 28)"),
    "empty": ({"x": np.zeros((0, 784), np.uint8), "y": np.zeros(0, int)}, "holds no images"),
    "strings": ({"x": np.array(["a"]), "y": np.array([1])}, "expected numbers"),
    "bools": ({"x": np.zeros((1, 784), bool), "y": np.array([1])}, "bool values"),
    "no keys": ({"a": np.zeros(3)}, "holds a; expected x_train"),
    "half keras": ({"x_train": np.zeros((1, 784)), "x_test": np.zeros((1, 784)), "y_test": np.zeros(1)},
                   "no y_train"),
}


@pytest.mark.parametrize("case", BAD_NPZ)
def test_read_npz_says_what_is_wrong(tmp_path, case):
    arrays, problem = BAD_NPZ[case]
    assert problem in rejects(read_npz, save_npz(tmp_path / "bad.npz", **arrays))


@pytest.mark.parametrize(("content", "problem"), [
    (b"", "not an .npz archive"),
    (b"\x93NUMPY\x01\x00", "not an .npz archive"),
    (pickle.dumps({"x": 1}), "not an .npz archive"),
    (b"PK\x03\x04" + b"\x00" * 40, "damaged .npz archive"),
    (b"PK\x05\x06" + b"\x00" * 18, "no arrays"),
])
def test_read_npz_refuses_what_is_not_a_zip_of_arrays(tmp_path, content, problem):
    path = tmp_path / "f.npz"
    path.write_bytes(content)
    assert problem in rejects(read_npz, path)


def forged_npz(shape, descr="<f8", data=b"") -> bytes:
    """An .npz whose x.npy header declares any shape, followed by only ``data``."""
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, {"descr": descr, "fortran_order": False, "shape": tuple(shape)})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("x.npy", header.getvalue() + data)
        zf.writestr("y.npy", header.getvalue())
    return out.getvalue()


@FUZZ
@given(shape=st.lists(st.integers(0, 10**12), min_size=1, max_size=3), descr=st.sampled_from(["<f8", "|u1", "<i4"]),
       data=st.binary(max_size=64))
def test_read_npz_rejects_forged_sizes_before_allocating(tmp_path, shape, descr, data):
    assume(math.prod(shape) * np.dtype(descr).itemsize > len(data))
    path = tmp_path / "forged.npz"
    path.write_bytes(forged_npz(shape, descr, data))
    tracemalloc.start()
    try:
        rejects(read_npz, path)
        assert tracemalloc.get_traced_memory()[1] < 2_000_000
    finally:
        tracemalloc.stop()


DEFECTS = ["none", "nan", "inf", "negative", "too bright", "label out of range", "fractional label",
           "count mismatch", "wrong side", "object pixels"]


@FUZZ
@given(n=st.integers(1, 5), layout=st.sampled_from(["keras", "plain"]), flat=st.booleans(),
       dtype=st.sampled_from(["uint8", "int16", "float32", "float64", "unit-float32"]),
       label_dtype=st.sampled_from(["int64", "uint8", "float64"]), defect=st.sampled_from(DEFECTS),
       where=st.integers(0, 10**6), seed=st.integers(0, 2**16))
def test_read_npz_accepts_good_digits_and_rejects_each_defect(tmp_path, n, layout, flat, dtype, label_dtype, defect,
                                                             where, seed):
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 256, size=(n, 28, 28)).astype(np.float64)
    y = rng.integers(0, 10, size=n).astype(np.float64)
    if dtype == "unit-float32":
        x /= 255
    pixel, label = np.unravel_index(where % x.size, x.shape), where % n
    if defect in ("nan", "inf", "negative", "too bright"):
        assume(dtype != "uint8" and (dtype != "int16" or defect in ("negative", "too bright")))  # representable
        x[pixel] = {"nan": np.nan, "inf": -np.inf, "negative": -3, "too bright": 256}[defect]
    elif defect == "label out of range":
        y[label] = 10 + where % 50 if where % 2 else -1 - where % 50
    elif defect == "fractional label":
        assume(label_dtype == "float64")
        y[label] += 0.5
    elif defect == "count mismatch":
        y = np.append(y, 1)
    elif defect == "wrong side":
        x = x[:, :27, :27]
    x = x.astype(np.float32 if dtype == "unit-float32" else dtype) if defect != "object pixels" else x.astype(object)
    y = y.astype(label_dtype)
    x = x.reshape(len(x), -1) if flat else x
    keys = ("x_train", "y_train") if layout == "keras" else ("x", "y")
    path = save_npz(tmp_path / "f.npz", **dict(zip(keys, (x, y))))
    got = read_or_reject(read_npz, path)
    assert (got is not None) == (defect == "none")
    if got is not None:
        expected = np.rint(x.astype(np.float64) * (255 if dtype == "unit-float32" else 1)).reshape(n, 784)
        assert np.array_equal(got["train"].x, expected) and np.array_equal(got["train"].y, y)


@FUZZ
@given(cut=st.floats(0, 1, exclude_max=True), edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True),
                                                                        st.integers(0, 255)), max_size=3))
def test_read_npz_damaged_archives_are_either_readable_or_a_data_error(tmp_path, idx, cut, edits):
    x, y = idx.digits(2)
    whole = bytearray(save_npz(tmp_path / "ok.npz", x=x, y=y).read_bytes())
    for pos, value in edits:
        whole[int(pos * len(whole))] = value
    damaged = bytes(whole) if edits else bytes(whole[: int(cut * len(whole))])
    path = tmp_path / "damaged.npz"
    path.write_bytes(damaged)
    got = read_or_reject(read_npz, path)
    if not edits:
        assert got is None  # every truncation is caught
    elif got is not None:
        d = got["train"]
        assert d.x.dtype == np.uint8 and d.x.shape == (len(d.y), 784) and d.y.min() >= 0 and d.y.max() <= 9


# --- hostile archives and paths (issue 9) ---------------------------------------------------------------

def _digit_members(**overrides: bytes) -> list:
    """x.npy and y.npy of two valid digits as zip members, with any member's bytes replaced."""
    from tests.fuzz import forge

    parts = {"x.npy": forge.npy(np.zeros((2, 784), np.uint8)), "y.npy": forge.npy(np.array([3, 4], np.uint8))}
    return [forge.Member(name, data) for name, data in {**parts, **overrides}.items()]


@pytest.mark.parametrize(("extra", "problem"), [
    ("x", "member 'x' that is not a .npy array"),  # np.load(...)["x"] would return this one
    ("y", "member 'y' that is not a .npy array"),
    ("x.npy.npy", "unexpected array 'x.npy'"),
    ("data/x.npy", "member 'data/x.npy' that is not a .npy array"),
    ("x_train.npy", "no y_train"),
    ("labels.npy", "unexpected array 'labels'"),
    ("x.npy", "two members named 'x.npy'"),
])
def test_read_npz_checks_every_member_numpy_could_load(tmp_path, extra, problem):
    from tests.fuzz import forge

    huge = forge.npy_header(forge.header_text("<f8", (300_000_000,))) + bytes(1000)  # declares 2.4 GB
    path = tmp_path / "alias.npz"
    path.write_bytes(forge.zip_bytes([*_digit_members(), forge.Member(extra, huge, size=2_400_000_128)]))
    tracemalloc.start()
    try:
        assert problem in rejects(read_npz, path)
        assert tracemalloc.get_traced_memory()[1] < 2_000_000
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("header", [
    "{'descr': '<f8', 'fortran_order': False, 'shape': (3,",  # numpy's tokenizer: TokenError
    "{'descr': '<f8', 'fortran_order': False, 'shape': (3,)} )",
    "{'descr': '<f8', 'fortran_order': False}",
    "{'descr': 'not a type', 'fortran_order': False, 'shape': (3,)}",
    "{'descr': '<f8', 'fortran_order': 'yes', 'shape': (3,)}",
    "{'descr': '<f8', 'fortran_order': False, 'shape': (3.5,)}",
    "[1, 2, 3]", "\x00\xff", "{" * 200, "",
])
def test_a_malformed_npy_header_is_one_data_error(tmp_path, header):
    from tests.fuzz import forge

    path = tmp_path / "h.npz"
    path.write_bytes(forge.zip_bytes(_digit_members(**{"x.npy": forge.npy_header(header) + bytes(64)})))
    assert "malformed .npy header for x" in rejects(read_npz, path)


def _declared(name: str, shape: tuple[int, ...], descr: str = "<f8") -> object:
    """A deflated member whose header and zip sizes declare ``shape`` with a plausible compressed size."""
    from tests.fuzz import forge

    nbytes = math.prod(shape) * np.dtype(descr).itemsize
    head = forge.npy_header(forge.header_text(descr, shape))
    noise = np.random.default_rng(0).bytes(nbytes // 1000)  # incompressible: deflate could hold nbytes in it
    return forge.Member(name, head + noise, forge.DEFLATED, size=len(head) + nbytes)


def test_the_total_of_all_arrays_is_capped_not_each_array(tmp_path):
    """Keras' four arrays of 10⁸ float64 each: every one under a per-array cap, 3.2 GB together."""
    from tests.fuzz import forge

    path = tmp_path / "keras.npz"
    path.write_bytes(forge.zip_bytes([_declared(k + ".npy", (100_000_000,)) for k in ("x_train", "y_train", "x_test",
                                                                          "y_test")]))
    assert path.stat().st_size < 4_000_000
    tracemalloc.start()
    try:
        assert "3,200 MB of arrays in all, more than nndesk reads (600 MB" in rejects(read_npz, path)
        assert tracemalloc.get_traced_memory()[1] < 2_000_000
    finally:
        tracemalloc.stop()


def test_the_cap_follows_the_memory_free_now(tmp_path, monkeypatch, idx):
    from nndesk.engine.data import npy_guard

    x, y = idx.digits(3000)  # 2.4 MB of pixels as uint8, 18.8 MB as float64
    path = save_npz(tmp_path / "d.npz", x=x.astype(np.float64), y=y)
    monkeypatch.setattr(npy_guard, "available_memory", lambda: 30_000_000)
    assert "more than nndesk reads (15 MB: half of the 30 MB free now)" in rejects(read_npz, path)
    monkeypatch.setattr(npy_guard, "available_memory", lambda: 40_000_000)
    assert len(read_npz(path)["train"]) == 3000


@pytest.mark.parametrize("dtype", ["<f16", "<c16", "<c8", "|b1", "<U3", "|S4", "|V8", "<M8[D]", "<m8[s]",
                                   "[('a', '<f8'), ('b', '<f8')]", "('<f8', (784,))"])
def test_only_number_types_nndesk_can_use_are_read(tmp_path, dtype):
    from tests.fuzz import forge

    descr = eval(dtype) if dtype[0] in "[(" else dtype  # noqa: S307 - a literal from this list
    dt = np.dtype(descr)
    shape = (2,) if dt.shape else (2, 784)
    header = forge.npy_header(repr({"descr": descr, "fortran_order": False, "shape": shape}))
    path = tmp_path / "t.npz"
    path.write_bytes(forge.zip_bytes(_digit_members(**{"x.npy": header + bytes(2 * 784 * dt.itemsize)})))
    assert "expected numbers" in rejects(read_npz, path)


@pytest.mark.parametrize("dtype", ["uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64",
                                   "float16", "float32", "float64", ">f8", ">i4"])
def test_every_usable_number_type_is_read(tmp_path, dtype):
    x = (np.arange(2 * 784) % 100).reshape(2, 784)
    got = read_npz(save_npz(tmp_path / "ok.npz", x=x.astype(dtype), y=np.array([1, 2], dtype)))["train"]
    assert np.array_equal(got.x, x) and got.y.tolist() == [1, 2]


def test_float_pixels_are_converted_without_a_second_full_size_copy(tmp_path, idx):
    x, y = idx.digits(10_000)
    path = save_npz(tmp_path / "f64.npz", x=x.astype(np.float64), y=y)
    decoded = x.size * 8
    tracemalloc.start()
    try:
        got = read_npz(path)["train"]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert np.array_equal(got.x, x.reshape(len(x), -1))
    assert peak < 1.4 * decoded  # was 1.55×: the float64 array plus full-size float32 copies and the bytes


def _special_files(tmp_path):
    """A FIFO, a folder, a socket and two devices: paths a user can type that must not be read."""
    import socket

    fifo, folder, sock = tmp_path / "fifo", tmp_path / "folder", tmp_path / "s"
    os.mkfifo(fifo)
    folder.mkdir()
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    return server, {fifo: "named pipe (FIFO)", folder: "folder", sock: "socket", Path("/dev/zero"): "device",
                    Path("/dev/null"): "device"}


@pytest.mark.timeout(20)
@pytest.mark.parametrize("reader", [read_npz, read_idx])
def test_a_fifo_device_socket_or_folder_is_refused_at_once(tmp_path, reader):
    server, specials = _special_files(tmp_path)
    with server:
        for path, kind in specials.items():
            assert f"it is a {kind}" in rejects(reader, path) or kind == "device"


@pytest.mark.timeout(20)
def test_an_mnist_folder_whose_file_is_a_fifo_is_refused_at_once(tmp_path, idx):
    idx.write_mnist(tmp_path, n_test=0, gz=False)
    (tmp_path / "train-images-idx3-ubyte").unlink()
    os.mkfifo(tmp_path / "train-images-idx3-ubyte")
    start = time.perf_counter()
    with pytest.raises(DataError, match="train-images-idx3-ubyte: cannot open it: it is a named pipe"):
        read_mnist_dir(tmp_path)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("declared", [(60_000, 784), (100_000, 784)])
def test_a_compressed_member_claiming_more_than_it_holds_is_refused_before_allocating(tmp_path, declared):
    """Under every cap and plausible for deflate (50 KB could hold 63 MB of zeros), yet only noise is there."""
    from tests.fuzz import forge

    path = tmp_path / "claims.npz"
    path.write_bytes(forge.zip_bytes([_declared("x.npy", declared, "|u1"), *_digit_members()[1:]]))
    tracemalloc.start()
    try:
        problem = rejects(read_npz, path)
        assert tracemalloc.get_traced_memory()[1] < 4_000_000
    finally:
        tracemalloc.stop()
    assert "missing data" in problem or "damaged" in problem
