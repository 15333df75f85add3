"""Points files: a hand-made set saved as .npz opens back equal through ``load``; bad ones are one DataError."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.data.datasets import load
from nndesk.engine.data.readers import DataError, read_npz
from nndesk.engine.data.table import hidden_for, peek_inputs, save_points, standardise
from nndesk.engine.data.toy import spiral


def test_a_saved_set_opens_back_equal_with_its_classes(tmp_path):
    data = spiral(50, seed=3)
    only_zeros = Dataset("mine", data.x[data.y == 0], data.y[data.y == 0], 2)  # class 1 emptied by hand
    for d in (data, only_zeros):
        path = save_points(tmp_path / "mine.npz", d)
        back = load(str(path)).train
        assert np.array_equal(back.x, d.x) and np.array_equal(back.y, d.y) and back.n_classes == 2
        assert back.x.dtype == np.float32 and back.image_shape is None
    assert not list(tmp_path.glob("*.tmp"))  # written atomically: no temporary left


def test_plain_x_y_points_are_read_and_images_still_are_digits(tmp_path):
    np.savez(tmp_path / "p.npz", x=np.array([[0.5, 1.5], [2, 3]]), y=np.array([0, 3]))
    d = read_npz(tmp_path / "p.npz")["train"]
    assert d.n_classes == 4 and d.x.shape == (2, 2)
    np.savez(tmp_path / "img.npz", x=np.zeros((2, 64)), y=np.array([0, 1]))  # 8×8 images: not points
    with pytest.raises(DataError, match="8×8 images"):
        read_npz(tmp_path / "img.npz")


@pytest.mark.parametrize(("arrays", "problem"), [
    ({"x": np.array([[0.0, np.nan]]), "y": np.array([0])}, "NaN or infinite"),
    ({"x": np.zeros((2, 2)), "y": np.array([0, 2.5])}, "label 2.5 on row 2 is not a whole"),
    ({"x": np.zeros((2, 2)), "y": np.array([0, -1])}, "is negative"),
    ({"x": np.zeros((1, 2)), "y": np.array([0]), "n_classes": np.array([3, 4])}, "n_classes must be one"),
    ({"x": np.zeros((1, 2)), "y": np.array([0]), "n_classes": np.array(500)}, "n_classes must be one"),
    ({"x": np.zeros((0, 2)), "y": np.zeros(0, int)}, "holds no points"),
    ({"x": np.zeros((2, 2)), "y": np.zeros((2, 1))}, "one label per point"),
    ({"x": np.zeros((2, 200)), "y": np.zeros(2), "n_classes": np.array(2)}, "200 input columns"),
])
def test_a_bad_points_file_is_one_line(tmp_path, arrays, problem):
    np.savez(tmp_path / "bad.npz", **arrays)
    with pytest.raises(DataError) as e:
        load(str(tmp_path / "bad.npz"))
    assert problem in str(e.value) and "\n" not in str(e.value)


def test_peek_reads_only_the_start(tmp_path):
    (tmp_path / "t.csv").write_text("a;b;c;label\n1,5;2;3;0\n" + "garbage\n" * 5)
    save_points(tmp_path / "p.npz", spiral(10))
    np.savez(tmp_path / "digits.npz", x=np.zeros((1, 784), np.uint8), y=np.zeros(1))
    assert peek_inputs(tmp_path / "t.csv") == 3 and peek_inputs(tmp_path / "p.npz") == 2
    assert peek_inputs(tmp_path / "digits.npz") is None and peek_inputs("xor") is None
    assert peek_inputs(tmp_path) is None and peek_inputs(tmp_path / "missing.csv") is None
    assert [hidden_for(n) for n in (2, 13, 100)] == [8, 26, 64]


def test_standardise_keeps_what_undoes_it():
    x = np.array([[1.0, 5.0], [3.0, 5.0]])
    z, mean, std = standardise(x)
    assert z.tolist() == [[-1.0, 0.0], [1.0, 0.0]] and mean.tolist() == [2.0, 5.0] and std.tolist() == [1.0, 1.0]


def test_peek_survives_a_hostile_header(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "token.npz", "w") as z:
        z.writestr("x.npy", b"\x93NUMPY\x01\x00\x20\x00{'descr': '<f8', 'shape': (3,\n")
        z.writestr("y.npy", b"")
    assert peek_inputs(tmp_path / "token.npz") is None
