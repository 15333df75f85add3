"""The personal digit set: edits, the file round trip, exchange formats, and damaged or hostile files."""

from __future__ import annotations

import os
import zipfile

import numpy as np
import pytest

from nndesk.engine.data import my_digits as md
from nndesk.engine.data.my_digits import MyDigit, MyDigits, MyDigitsError, load_my_digits, save_my_digits
from nndesk.engine.data.readers import read_digits, read_npz
from tests.fuzz import forge


def drawing(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """A distinct (ink, x) pair per seed: a blob of ink and its 28×28 with exact 1/255 steps."""
    rng = np.random.default_rng(seed)
    ink = (rng.random((280, 280)) < 0.1).astype(np.uint8) * 255
    x = rng.integers(0, 256, (28, 28)).astype(np.float32) / np.float32(255)
    return ink, x


def sample_set(labels=(3, 1, 4, 1, 5)) -> MyDigits:
    digits = MyDigits()
    for seed, label in enumerate(labels):
        digits.add(*drawing(seed), label)
    return digits


def test_edits_keep_ink_x_and_labels_together():
    digits = sample_set()
    assert len(digits) == 5 and digits.counts().tolist() == [0, 2, 0, 1, 1, 1, 0, 0, 0, 0]
    assert digits.ink.shape == (5, 280, 280) and digits.x.dtype == np.float32 and digits.y.dtype == np.int64
    digits.relabel(0, 7)
    assert digits.y.tolist() == [7, 1, 4, 1, 5]
    gone = digits.remove(2)
    assert gone.label == 4 and np.array_equal(gone.x, drawing(2)[1]) and digits.y.tolist() == [7, 1, 1, 5]
    digits.insert(2, gone)
    assert digits.y.tolist() == [7, 1, 4, 1, 5] and np.array_equal(digits.ink[2], drawing(2)[0])
    assert digits.add(*drawing(9), 0) == 5
    old = digits.clear()
    assert len(digits) == 0 and digits.counts().sum() == 0 and len(old) == 6 and old.y[0] == 7


def test_a_copy_and_the_stored_arrays_cannot_be_changed_through_each_other():
    ink, x = drawing(0)
    digits = MyDigits()
    digits.add(ink, x, 2)
    ink[:] = 0
    x[:] = 0
    assert digits.ink.max() == 255 and digits.x.max() > 0  # add copied what it was given
    copy = digits.copy()
    copy.relabel(0, 8)
    copy.add(*drawing(1), 1)
    assert digits.y.tolist() == [2] and copy.y.tolist() == [8, 1]
    with pytest.raises(ValueError):
        digits.x[0, 0, 0] = 0.5


@pytest.mark.parametrize("ink, x, label, problem", [
    (np.zeros((28, 28), np.uint8), np.zeros((28, 28), np.float32), 1, "280×280"),
    (np.zeros((280, 280), np.uint8), np.zeros((784,), np.float32), 1, "28×28"),
    (np.zeros((280, 280), np.uint8), np.full((28, 28), np.nan, np.float32), 1, "NaN"),
    (np.zeros((280, 280), np.uint8), np.full((28, 28), 2, np.float32), 1, "not 0..1"),
    (np.zeros((280, 280), np.uint8), np.zeros((28, 28), np.float32), 10, "not a digit"),
    (np.zeros((280, 280), np.uint8), np.zeros((28, 28), np.float32), -1, "not a digit"),
])
def test_a_drawing_that_is_not_one_is_refused(ink, x, label, problem):
    digits = sample_set()
    with pytest.raises(ValueError, match=problem):
        digits.add(ink, x, label)
    with pytest.raises(ValueError, match="not a digit"):
        digits.relabel(0, 10)
    assert len(digits) == 5 and digits.y[0] == 3


def test_the_data_set_is_the_pixels_the_network_saw():
    digits = sample_set()
    data = digits.dataset()
    assert data.x.shape == (5, 784) and data.x.dtype == np.uint8 and data.n_classes == 10
    assert data.image_shape == (28, 28) and data.y.tolist() == [3, 1, 4, 1, 5]
    assert np.allclose(data.inputs(), digits.x.reshape(5, -1), atol=1e-6)
    assert len(MyDigits().dataset()) == 0


def test_the_set_round_trips_through_its_file(tmp_path):
    digits = sample_set()
    path = tmp_path / "sub" / "my-digits.npz"
    save_my_digits(path, digits)
    back, messages = load_my_digits(path)
    assert messages == []
    assert np.array_equal(back.ink, digits.ink) and np.array_equal(back.x, digits.x)
    assert back.y.tolist() == digits.y.tolist()
    assert [p.name for p in path.parent.iterdir()] == ["my-digits.npz"]  # no temporary file left


def test_a_missing_file_is_an_empty_set(tmp_path):
    digits, messages = load_my_digits(tmp_path / "none.npz")
    assert len(digits) == 0 and messages == []


def test_default_path_is_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    if os.name == "posix" and not hasattr(os, "startfile"):
        assert md.default_path() == tmp_path / "nndesk" / "my-digits.npz"


def arrays(n=4):
    digits = sample_set(tuple(range(n)))
    return {"ink": np.array(digits.ink), "x": np.array(digits.x), "y": np.array(digits.y)}


@pytest.mark.parametrize("edit, kept, problem", [
    (lambda a: a["y"].__setitem__(1, 12), [0, 2, 3], "drawing 2 dropped: the label 12 is not a digit"),
    (lambda a: a["y"].__setitem__(0, -3), [1, 2, 3], "drawing 1 dropped: the label -3"),
    (lambda a: a["x"].__setitem__((2, 5, 5), np.nan), [0, 1, 3], "drawing 3 dropped: the input has a NaN"),
    (lambda a: a["x"].__setitem__((3, 0, 0), 7.0), [0, 1, 2], "drawing 4 dropped: the input's pixels span"),
    (lambda a: a.__setitem__("y", a["y"][:2]), [0, 1], "holds 4 drawings, 4 inputs and 2 labels; kept the first 2"),
])
def test_bad_entries_are_dropped_with_a_message_and_the_good_ones_kept(tmp_path, edit, kept, problem):
    a = arrays()
    edit(a)
    path = tmp_path / "my-digits.npz"
    path.write_bytes(forge.npz(a))
    digits, messages = load_my_digits(path)
    assert digits.y.tolist() == kept
    assert len(messages) == 1 and problem in messages[0] and messages[0].startswith("my-digits.npz: ")
    assert np.array_equal(digits.x, arrays()["x"][kept])


def _truncated(tmp_path):
    good = tmp_path / "good.npz"
    save_my_digits(good, sample_set())
    return good.read_bytes()[:-300]


@pytest.mark.parametrize("content, problem", [
    (lambda t: b"not a zip at all", "is not an .npz archive"),
    (lambda t: b"", "is not an .npz archive"),
    (_truncated, "damaged .npz archive"),
    (lambda t: forge.npz({"x": arrays()["x"], "y": arrays()["y"]}), "holds x, y; a personal digit set holds ink"),
    (lambda t: forge.npz({**arrays(), "ink": np.zeros((4, 100, 100), np.uint8)}), "ink has shape (4, 100, 100)"),
    (lambda t: forge.npz({**arrays(), "x": np.zeros((4, 784), np.float32)}), "x has shape (4, 784)"),
    (lambda t: forge.npz({**arrays(), "y": np.zeros((4, 2), np.int64)}), "y has shape (4, 2)"),
    (lambda t: forge.zip_bytes([forge.Member("ink.npy", forge.npy(arrays()["ink"])),
                                forge.Member("y.npy", forge.npy(arrays()["y"])),
                                forge.Member("x.npy", forge.npy_header(forge.header_text("|O", (4, 28, 28)))
                                             + bytes(64))]), "Python objects"),
    (lambda t: forge.npz({**arrays(), "ink": arrays()["ink"].astype(np.float32)}), "ink as float32"),
    (lambda t: forge.zip_bytes([forge.Member("ink.npy", forge.npy(arrays()["ink"])),
                                forge.Member("y.npy", forge.npy(arrays()["y"])),
                                forge.Member("x.npy", forge.npy_header(forge.header_text("<f4", (10**9, 28, 28)))
                                             + bytes(100))]), "missing data"),
])
def test_a_file_that_cannot_be_read_is_one_clear_error(tmp_path, content, problem):
    path = tmp_path / "my-digits.npz"
    path.write_bytes(content(tmp_path))
    with pytest.raises(MyDigitsError) as e:
        load_my_digits(path)
    assert problem in str(e.value) and str(e.value).startswith(str(path)) and "\n" not in str(e.value)
    assert isinstance(e.value, ValueError)


def test_a_header_claiming_gigabytes_is_refused_before_anything_is_allocated(tmp_path):
    huge = forge.npy_header(forge.header_text("<f4", (2_000_000, 28, 28)))
    members = [forge.Member("ink.npy", forge.npy(arrays()["ink"])), forge.Member("y.npy", forge.npy(arrays()["y"])),
               forge.Member("x.npy", huge + bytes(1000), forge.DEFLATED, size=len(huge) + 6_272_000_000 % 2**32)]
    path = tmp_path / "my-digits.npz"
    path.write_bytes(forge.zip_bytes(members))
    with pytest.raises(MyDigitsError, match="truncated|more than nndesk reads"):
        load_my_digits(path)


def test_a_folder_in_its_place_is_an_error_not_a_hang(tmp_path):
    (tmp_path / "my-digits.npz").mkdir()
    with pytest.raises(MyDigitsError, match="a folder"):
        load_my_digits(tmp_path / "my-digits.npz")


def test_export_npz_is_what_the_digit_readers_and_import_read(tmp_path):
    digits = sample_set()
    md.export_npz(tmp_path / "mine.npz", digits)
    with zipfile.ZipFile(tmp_path / "mine.npz") as zf:
        assert sorted(zf.namelist()) == ["x.npy", "y.npy"]
    data = read_npz(tmp_path / "mine.npz")["train"]
    assert np.array_equal(data.x, digits.dataset().x) and data.y.tolist() == [3, 1, 4, 1, 5]
    back = md.import_digits(tmp_path / "mine.npz")
    assert np.array_equal(back.x, digits.x) and back.y.tolist() == [3, 1, 4, 1, 5]
    assert back.ink.shape == (5, 280, 280) and np.array_equal(back.ink[0, ::10, ::10], digits.dataset().x[0]
                                                              .reshape(28, 28))


@pytest.mark.parametrize("gz", ["", ".gz"])
def test_export_idx_is_mnist_and_import_finds_the_labels_beside(tmp_path, gz):
    digits = sample_set()
    images, labels = tmp_path / f"mine-images-idx3-ubyte{gz}", tmp_path / f"mine-labels-idx1-ubyte{gz}"
    md.export_idx(images, labels, digits)
    data = read_digits(images, labels, "mine")
    assert np.array_equal(data.x, digits.dataset().x) and data.y.tolist() == [3, 1, 4, 1, 5]
    assert md.import_digits(images).y.tolist() == [3, 1, 4, 1, 5]


def test_import_reads_a_personal_set_and_keras_style_splits(tmp_path):
    save_my_digits(tmp_path / "other.npz", sample_set((9, 8)))
    assert md.import_digits(tmp_path / "other.npz").y.tolist() == [9, 8]
    x = np.zeros((3, 28, 28), np.uint8)
    np.savez(tmp_path / "keras.npz", x_train=x, y_train=np.array([1, 2, 3]), x_test=x[:1], y_test=np.array([4]))
    assert md.import_digits(tmp_path / "keras.npz").y.tolist() == [1, 2, 3, 4]


@pytest.mark.parametrize("make, problem", [
    (lambda p: [p.write_bytes(b"\x00\x00\x08\x03" + bytes(8)),
                p.with_name("mine-labels-idx1-ubyte").write_bytes(forge.idx(np.ones(2)))],
     "truncated inside its 16-byte IDX header"),
    (lambda p: p.write_bytes(forge.idx(np.zeros((2, 28, 28)))), "has no labels file beside it"),
    (lambda p: np.savez(p, x=np.zeros((2, 28, 28)), y=np.array([1, 11])), "is not a digit label"),
    (lambda p: np.savez(p, x=np.full((2, 28, 28), np.nan), y=np.array([1, 1])), "NaN"),
    (lambda p: np.savez(p, x=np.zeros((2, 10, 10)), y=np.array([1, 1])), "10×10 images"),
])
def test_an_import_that_cannot_be_read_says_why(tmp_path, make, problem):
    path = tmp_path / "mine-images-idx3-ubyte"
    make(path)
    if not path.exists():
        path = path.with_name(path.name + ".npz")
    with pytest.raises(MyDigitsError, match=problem):
        md.import_digits(path)


def test_an_empty_set_is_not_exported(tmp_path):
    with pytest.raises(MyDigitsError, match="empty"):
        md.export_npz(tmp_path / "x.npz", MyDigits())
    assert not (tmp_path / "x.npz").exists()


def test_a_my_digit_checks_itself():
    ink, x = drawing(0)
    assert MyDigit(ink, x, 4).label == 4
    with pytest.raises(ValueError, match="not a digit"):
        MyDigit(ink, x, True)


def test_a_damaged_file_is_set_aside_under_a_new_name_never_deleted(tmp_path):
    path = tmp_path / "my-digits.npz"
    for k, name in enumerate(["my-digits.damaged.npz", "my-digits.damaged-2.npz"]):
        path.write_bytes(b"broken %d" % k)
        assert md.set_aside(path) == tmp_path / name
        assert not path.exists() and (tmp_path / name).read_bytes() == b"broken %d" % k


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_its_place_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "my-digits.npz")
    with pytest.raises(MyDigitsError, match="named pipe"):
        load_my_digits(tmp_path / "my-digits.npz")
    with pytest.raises(MyDigitsError, match="named pipe"):
        md.import_digits(tmp_path / "my-digits.npz")
