"""``export()``: one call per format, and the data beside a PyTorch folder checked before anything is written."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.export.exportable import ExportError
from nndesk.engine.export.formats import ExportFormat, export
from tests.engine.export.nets import small_net


def test_each_format_writes_its_kind_of_path(tmp_path):
    net = small_net("sigmoid", "quadratic", 3)
    pytest.importorskip("onnx")
    assert export("onnx", net, tmp_path / "n.onnx").read_bytes()[:2]  # a protobuf, not empty
    assert "def predict" in export(ExportFormat.NUMPY, net, tmp_path / "n.py").read_text()
    assert (export("pytorch", net, tmp_path / "folder") / "model.py").is_file()
    assert [k.suffix for k in ExportFormat] == [".onnx", "", ".py"]
    assert [k.is_folder for k in ExportFormat] == [False, True, False]


def test_data_goes_with_a_folder_only_and_must_fit_the_network(tmp_path):
    net = small_net("relu", "cross-entropy", 4)  # 6 inputs, 4 outputs
    fits = Dataset("fits", np.zeros((5, 6), np.float32), np.arange(5) % 4, 4)
    with pytest.raises(ExportError, match="training data goes with the PyTorch folder only"):
        export("numpy", net, tmp_path / "n.py", data=fits)
    wrong = Dataset("digits", np.zeros((5, 784), np.uint8), np.arange(5), 10)
    with pytest.raises(ExportError, match="digits has 784 inputs and 10 outputs; the network has 6 and 4"):
        export("pytorch", net, tmp_path / "f", data=wrong)
    assert list(tmp_path.iterdir()) == []  # refused before anything was made
    folder = export("pytorch", net, tmp_path / "f", data=fits)
    with np.load(folder / "data.npz", allow_pickle=False) as data:
        assert sorted(data.files) == ["x", "y"] and np.array_equal(data["y"], fits.y)


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError):
        export("keras", small_net("relu", "quadratic", 3), "x")


def test_a_folder_where_a_file_should_go_is_said_plainly(tmp_path):
    with pytest.raises(ExportError, match=r"is a folder; give the \.py file's name"):
        export("numpy", small_net("relu", "quadratic", 3), tmp_path)
    assert list(tmp_path.iterdir()) == []
