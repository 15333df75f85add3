"""``nndesk export``: the three formats from a saved model, and every refusal as one line."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from nndesk import cli
from nndesk.engine.data.datasets import load
from nndesk.engine.runs.model_io import load_model
from nndesk.engine.runs.pretrained import shipped_path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_clean_error(err: str, *words: str) -> None:
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    for w in words:
        assert w in err, err


def test_onnx_of_the_ready_trained_digits_runs_in_onnxruntime(capsys, tmp_path):
    ort = pytest.importorskip("onnxruntime")
    out_path = tmp_path / "digits.onnx"
    code, out, err = run(capsys, "--lang", "en", "export", "--model", shipped_path(), "--to", "onnx", "--out", out_path)
    assert code == 0 and err == "" and out.strip() == f"wrote {out_path}"
    x = load("mnist-bundled").train.inputs(slice(0, 500))
    a = ort.InferenceSession(str(out_path), providers=["CPUExecutionProvider"]).run(None, {"x": x})[0]
    assert np.abs(a - load_model(shipped_path()).network.feedforward(x)).max() <= 1e-4


def test_pytorch_folder_with_the_training_part_of_the_data(capsys, tmp_path):
    folder = tmp_path / "digits-torch"
    code, out, err = run(capsys, "--lang", "en", "export", "--model", shipped_path(), "--to", "pytorch", "--out",
                         folder, "--data", "mnist-bundled")
    assert code == 0 and err == "", err
    assert {p.name for p in folder.iterdir()} == {"model.py", "train.py", "weights.npz", "README.md", "data.npz"}
    assert f"torchrun --standalone --nproc_per_node=2 {folder / 'train.py'} --data {folder / 'data.npz'}" in out
    model = load_model(folder / "weights.npz")
    fit, _ = model.recipe.split(load("mnist-bundled"))  # the part it trained on, validation left out
    with np.load(folder / "data.npz", allow_pickle=False) as data:
        assert np.array_equal(data["x"], fit.x) and np.array_equal(data["y"], fit.y)


def test_numpy_script(capsys, tmp_path):
    code, out, _ = run(capsys, "export", "--model", shipped_path(), "--to", "numpy", "--out", tmp_path / "net.py")
    assert code == 0 and "def predict(x):" in (tmp_path / "net.py").read_text()


def test_without_onnx_one_line_says_how_to_install_it(capsys, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)
    code, out, err = run(capsys, "--lang", "en", "export", "--model", shipped_path(), "--to", "onnx", "--out",
                         tmp_path / "m.onnx")
    assert code == 1 and out == ""
    assert_one_clean_error(err, "ONNX export needs the onnx package: pip install 'nndesk[export]'")
    assert not (tmp_path / "m.onnx").exists()


@pytest.mark.parametrize(("argv", "code", "words"), [
    (["--to", "onnx", "--data", "mnist-bundled"], 2, ["--data goes with --to pytorch only"]),
    (["--to", "keras"], 2, ["invalid choice"]),
    (["--to", "pytorch", "--data", "xor"], 1, ["2 inputs", "784"]),
])
def test_refusals_are_one_line(capsys, tmp_path, argv, code, words):
    got, out, err = run(capsys, "--lang", "en", "export", "--model", shipped_path(), "--out", tmp_path / "o", *argv)
    assert got == code
    assert_one_clean_error(err, *words)


def test_a_damaged_model_is_one_line(capsys, tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"PK\x03\x04 not really")
    code, _, err = run(capsys, "--lang", "en", "export", "--model", bad, "--to", "numpy", "--out", tmp_path / "n.py")
    assert code == 1
    assert_one_clean_error(err, str(bad))
    assert not (tmp_path / "n.py").exists()


def test_said_in_russian(capsys, tmp_path, monkeypatch):
    code, out, _ = run(capsys, "--lang", "ru", "export", "--model", shipped_path(), "--to", "numpy", "--out",
                       tmp_path / "net.py")
    assert code == 0 and out.strip() == f"записано {tmp_path / 'net.py'}"
    monkeypatch.setitem(sys.modules, "onnx", None)
    code, _, err = run(capsys, "--lang", "ru", "export", "--model", shipped_path(), "--to", "onnx", "--out",
                       tmp_path / "m.onnx")
    assert code == 1
    assert_one_clean_error(err, "для экспорта в ONNX нужен пакет onnx: pip install 'nndesk[export]'")


def test_a_convolutional_model_file_goes_to_onnx_and_pytorch_but_not_numpy(capsys, tmp_path):
    ort = pytest.importorskip("onnxruntime")
    from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
    from nndesk.engine.runs.model_io import save_model

    net = ConvNet.create((1, 28, 28), [ConvSpec(5, 4), PoolSpec(2)], [16], 10, seed=3)
    model = save_model(tmp_path / "cnn.npz", net)
    code, _, err = run(capsys, "export", "--model", model, "--to", "onnx", "--out", tmp_path / "cnn.onnx")
    assert code == 0, err
    x = load("mnist-bundled").train.inputs(slice(0, 100))
    a = ort.InferenceSession(str(tmp_path / "cnn.onnx"), providers=["CPUExecutionProvider"]).run(None, {"x": x})[0]
    assert np.abs(a - net.feedforward(x)).max() <= 1e-4
    code, _, err = run(capsys, "export", "--model", model, "--to", "pytorch", "--out", tmp_path / "cnn-torch")
    assert code == 0 and isinstance(load_model(tmp_path / "cnn-torch" / "weights.npz").network, ConvNet), err
    code, _, err = run(capsys, "--lang", "en", "export", "--model", model, "--to", "numpy", "--out", tmp_path / "n.py")
    assert code == 1
    assert_one_clean_error(err, "the numpy script writes dense networks only")
