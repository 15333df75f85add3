"""The ``nndesk`` command end to end: in-process through ``main`` and as a real ``python -m nndesk``."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest

from nndesk import cli, paths
from nndesk.engine.core.training import Trainer
from nndesk.engine.data import download
from nndesk.engine.data.datasets import load
from nndesk.engine.runs.model_io import load_model
from nndesk.imageio import write_gray

DIGITS = ["--dataset", "mnist-bundled", "--preset", "digits-small", "--layers", "16", "--no-augment"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]  # every line must be strict JSON


def assert_one_clean_error(err: str, *words: str) -> None:
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    for w in words:
        assert w in err, err


@pytest.fixture(scope="module")
def digit_model(tmp_path_factory) -> tuple[Path, dict]:
    path = tmp_path_factory.mktemp("model") / "digits.npz"
    code = cli.main(["train", *DIGITS, "--epochs", "2", "--json", "--out", str(path)])
    assert code == 0 and path.is_file()
    return path, load_model(path).metadata


# ---- train -------------------------------------------------------------------
@pytest.mark.parametrize(("dataset", "extra"), [("xor", ["--layers", "4", "--lr", "0.2"]), ("lecture", [])])
def test_train_json_prints_one_object_per_epoch_then_a_summary(capsys, tmp_path, dataset, extra):
    code, out, err = run(capsys, "train", "--dataset", dataset, "--epochs", "2", "--json", *extra,
                         "--out", tmp_path / "m.npz")
    assert code == 0 and err == ""
    *epochs, summary = json_lines(out)
    assert [e["epoch"] for e in epochs] == [1, 2]
    for e in epochs:
        assert {"epoch", "train_cost", "val_cost", "val_accuracy", "learning_rate", "seconds",
                "samples_per_second"} <= set(e)
    assert summary["summary"] is True and summary["epochs"] == 2 and summary["out"] == str(tmp_path / "m.npz")
    assert 0 <= summary["accuracy"] <= 1 and summary["seconds"] > 0
    assert len(load_model(tmp_path / "m.npz").history) == 2
    if dataset == "lecture":  # one sample: nothing to validate on, so null rather than NaN
        assert epochs[0]["val_accuracy"] is None and summary["evaluated_on"] == "training"


def test_train_on_bundled_digits_learns_and_saves_a_complete_model(digit_model):
    path, meta = digit_model
    assert meta["sizes"] == [784, 16, 10] and meta["preprocessing"] == "mnist-centre-of-mass-28"
    assert meta["recipe"]["preset"] == "digits-small" and meta["optimizer"]["name"] == "momentum"
    assert meta["history"][-1]["val_accuracy"] > 0.7


def test_train_prints_a_readable_table_without_json(capsys):
    code, out, _ = run(capsys, "train", "--dataset", "gaussians", "--epochs", "3", "--layers", "3")
    lines = out.splitlines()
    assert code == 0 and [line.split()[1] for line in lines if line.startswith("epoch")] == ["1/3", "2/3", "3/3"]
    assert "val acc" in lines[2] and lines[-1].startswith("done: accuracy") and "not saved" in lines[-1]


@pytest.mark.parametrize(("argv", "words"), [
    (["--dataset", "xor", "--lr", "-1"], ["learning rate"]),
    (["--dataset", "xor", "--layers", "8,x"], ["--layers"]),
    (["--dataset", "xor", "--preset", "huge"], ["--preset"]),
    (["--dataset", "xor", "--batch-size", "0"], ["batch size"]),
    (["--epochs", "2"], ["--dataset"]),
])
def test_bad_options_exit_2_with_one_line(capsys, argv, words):
    code, out, err = run(capsys, "train", *argv)
    assert code == 2 and out == ""
    assert_one_clean_error(err, *words)


def test_a_missing_dataset_path_is_one_clean_error(capsys, tmp_path):
    code, _, err = run(capsys, "train", "--dataset", tmp_path / "no-such-data", "--epochs", "1")
    assert code == 1
    assert_one_clean_error(err, "no-such-data", "neither a data set name")


def test_divergence_exits_3_with_the_engines_explanation(capsys):
    code, _, err = run(capsys, "train", "--dataset", "xor", "--activation", "relu", "--optimizer", "sgd",
                       "--lr", "100000", "--epochs", "3", "--json")
    assert code == 3
    assert_one_clean_error(err, "diverged", "smaller learning rate")


def _interrupt_after_first_epoch(monkeypatch):
    real = Trainer.epochs

    def epochs(self):
        gen = real(self)
        yield next(gen)
        raise KeyboardInterrupt

    monkeypatch.setattr(Trainer, "epochs", epochs)


def test_ctrl_c_saves_the_model_so_far_only_with_out(capsys, tmp_path, monkeypatch):
    _interrupt_after_first_epoch(monkeypatch)
    code, out, err = run(capsys, "train", "--dataset", "xor", "--epochs", "5", "--json", "--out", tmp_path / "m.npz")
    assert code == 130 and len(json_lines(out)) == 1
    assert_one_clean_error(err, "interrupted", "saved", "after 1 complete epoch")
    assert len(load_model(tmp_path / "m.npz").history) == 1
    code, _, err = run(capsys, "train", "--dataset", "xor", "--epochs", "5")
    assert code == 130 and sorted(os.listdir(tmp_path)) == ["m.npz"]
    assert_one_clean_error(err, "nothing saved")


# ---- eval --------------------------------------------------------------------
def test_eval_reports_accuracy_cost_and_confusion_on_the_held_out_part(capsys, digit_model):
    path, meta = digit_model
    code, out, err = run(capsys, "eval", "--model", path, "--dataset", "mnist-bundled", "--json")
    (result,) = json_lines(out)
    assert code == 0 and err == "" and result["split"] == "validation" and result["n"] == 500
    confusion = np.array(result["confusion"])
    assert confusion.shape == (10, 10) and confusion.sum() == 500
    assert result["accuracy"] == pytest.approx(np.trace(confusion) / 500)
    assert result["accuracy"] == pytest.approx(meta["history"][-1]["val_accuracy"])  # the same held-out digits
    code, out, _ = run(capsys, "eval", "--model", path, "--dataset", "mnist-bundled")
    assert code == 0 and "accuracy" in out and "confusion matrix" in out


def _write_idx(path: Path, array: np.ndarray) -> None:
    header = struct.pack(f">HBB{array.ndim}I", 0, 8, array.ndim, *array.shape)
    path.write_bytes(gzip.compress(header + array.astype(np.uint8).tobytes(), mtime=0))


@pytest.fixture
def t10k_only(tmp_path) -> Path:
    digits = load("mnist-bundled").train
    folder = tmp_path / "mnist-test"
    folder.mkdir()
    _write_idx(folder / "t10k-images-idx3-ubyte.gz", digits.x[::50].reshape(-1, 28, 28))
    _write_idx(folder / "t10k-labels-idx1-ubyte.gz", digits.y[::50])
    return folder


def test_eval_uses_the_test_files_of_a_folder_that_only_has_t10k(capsys, digit_model, t10k_only):
    code, out, _ = run(capsys, "eval", "--model", digit_model[0], "--dataset", t10k_only, "--json")
    (result,) = json_lines(out)
    assert code == 0 and result["split"] == "test" and result["n"] == 100


def test_training_on_test_files_alone_is_a_clean_error(capsys, t10k_only):
    code, _, err = run(capsys, "train", "--dataset", t10k_only, "--epochs", "1")
    assert code == 1
    assert_one_clean_error(err, "only test")


def test_eval_of_a_damaged_or_mismatched_model_is_a_clean_error(capsys, tmp_path, digit_model):
    damaged = tmp_path / "damaged.npz"
    damaged.write_bytes(digit_model[0].read_bytes()[:3000])
    code, _, err = run(capsys, "eval", "--model", damaged, "--dataset", "mnist-bundled")
    assert code == 1
    assert_one_clean_error(err, "damaged.npz")
    code, _, err = run(capsys, "eval", "--model", digit_model[0], "--dataset", "xor")
    assert code == 1
    assert_one_clean_error(err, "784 inputs")


# ---- predict -----------------------------------------------------------------
def test_predict_reads_digit_images_and_reports_bad_ones(capsys, tmp_path, digit_model):
    digits = load("mnist-bundled").train
    paths = []
    for i in (0, 1, 2):
        scan = 255 - np.kron(digits.x[i].reshape(28, 28), np.ones((6, 6), np.uint8))  # dark ink on paper
        paths.append(write_gray(tmp_path / f"d{i}.png", scan))
    code, out, err = run(capsys, "predict", "--model", digit_model[0], *paths, "--json")
    results = json_lines(out)
    assert code == 0 and err == "" and [r["image"] for r in results] == [str(p) for p in paths]
    for r in results:
        assert 0 <= r["digit"] <= 9 and sum(r["probabilities"]) == pytest.approx(1, abs=1e-5)
        assert r["digit"] == int(np.argmax(r["probabilities"]))
    bad = tmp_path / "notes.png"
    bad.write_text("not an image")
    code, out, err = run(capsys, "predict", "--model", digit_model[0], bad, paths[0])
    assert code == 1 and out.startswith(f"{paths[0]}: ")  # the good image is still read
    assert_one_clean_error(err, "notes.png", "cannot be read as an image")


def test_predict_with_a_model_that_does_not_take_images_is_a_clean_error(capsys, tmp_path):
    assert cli.main(["train", "--dataset", "xor", "--epochs", "1", "--out", str(tmp_path / "x.npz")]) == 0
    write_gray(tmp_path / "d.png", np.eye(20))
    capsys.readouterr()
    code, _, err = run(capsys, "predict", "--model", tmp_path / "x.npz", tmp_path / "d.png")
    assert code == 1
    assert_one_clean_error(err, "2 inputs", "28×28")


# ---- data download -------------------------------------------------------------
@pytest.fixture
def mirror(tmp_path, monkeypatch):
    """A local http.server serving four small fake MNIST files, their hashes patched in."""
    root = tmp_path / "mirror"
    root.mkdir()
    files = {}
    for i, name in enumerate(download.MNIST_FILES):
        data = os.urandom(3000 + 500 * i)
        (root / name).write_bytes(data)
        files[name] = (len(data), hashlib.sha256(data).hexdigest())
    monkeypatch.setattr(download, "MNIST_FILES", files)
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    handler = partial(SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", files
    server.shutdown()
    server.server_close()
    thread.join()


def test_download_fetches_verifies_and_shows_progress(capsys, tmp_path, mirror):
    url, files = mirror
    code, out, err = run(capsys, "data", "download", "mnist", "--url", url, "--dir", tmp_path / "mnist")
    assert code == 0 and "Traceback" not in err
    assert sorted(os.listdir(tmp_path / "mnist")) == sorted(files)
    assert "\r" in err and "100%" in err and str(tmp_path / "mnist") in out


def test_download_from_a_closed_port_is_a_clean_error(capsys, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, _, err = run(capsys, "data", "download", "mnist", "--url", f"http://127.0.0.1:{port}/",
                       "--dir", tmp_path / "mnist", "--retries", "0")
    assert code == 1 and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("nndesk: error: cannot reach 127.0.0.1")


def test_default_download_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert paths.mnist_dir() == tmp_path / "nndesk" / "mnist"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/is/ignored")
    assert paths.mnist_dir() == Path.home() / ".local" / "share" / "nndesk" / "mnist"


# ---- the window ----------------------------------------------------------------
def test_no_command_opens_the_window_passing_its_options_through(monkeypatch):
    import nndesk.app.shell.main
    import nndesk.selftest

    calls = []
    monkeypatch.setattr(nndesk.app.shell.main, "main", lambda argv: calls.append(argv) or 0)
    monkeypatch.setattr(nndesk.selftest, "run_self_test", lambda: calls.append("self-test") or 0)
    assert cli.main([]) == 0 and cli.main(["--lang", "ru"]) == 0 and cli.main(["--self-test"]) == 0
    assert calls == [[], ["--lang", "ru"], "self-test"]


def test_version_and_help(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("nndesk ")
    code, out, _ = run(capsys, "--help")
    assert code == 0 and all(c in out for c in ("train", "eval", "predict", "data"))


# ---- real processes ------------------------------------------------------------
def _nndesk(*argv: str, **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "NNDESK_DEBUG"}
    return subprocess.run([sys.executable, "-m", "nndesk", *map(str, argv)], capture_output=True, text=True,
                          timeout=60, env=env, **kwargs)


def test_python_m_nndesk_trains_and_reports_errors_without_tracebacks(tmp_path):
    done = _nndesk("train", "--dataset", "circles", "--layers", "6", "--epochs", "2", "--json",
                   "--out", tmp_path / "c.npz")
    assert done.returncode == 0, done.stderr
    *epochs, summary = json_lines(done.stdout)
    assert len(epochs) == 2 and summary["summary"] is True
    (tmp_path / "bad.npz").write_bytes(b"PK\x03\x04 not really a zip")
    failed = _nndesk("eval", "--model", tmp_path / "bad.npz", "--dataset", "circles")
    assert failed.returncode == 1
    assert_one_clean_error(failed.stderr, "bad.npz")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_sigint_during_a_real_run_saves_the_model_so_far(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "NNDESK_DEBUG"}
    proc = subprocess.Popen([sys.executable, "-m", "nndesk", "train", *DIGITS, "--epochs", "200", "--json",
                             "--out", str(tmp_path / "m.npz")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    try:
        first = json.loads(proc.stdout.readline())  # wait for one finished epoch
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert first["epoch"] == 1 and proc.returncode == 130
    assert_one_clean_error(err, "interrupted", "saved")
    assert len(load_model(tmp_path / "m.npz").history) >= 1


# ---- hostile paths and arguments (issue 9) -------------------------------------
@pytest.mark.parametrize("argv", [
    ["train", "--dataset", ""], ["train", "--dataset", "  "], ["train", "--dataset", "xor", "--out", ""],
    ["eval", "--model", "", "--dataset", "xor"], ["eval", "--model", "m.npz", "--dataset", ""],
    ["predict", "--model", "", "a.png"], ["train", "--dataset", "xor", "--epochs", "1e30"],
    ["train", "--dataset", "xor", "--epochs", str(10**12)], ["train", "--dataset", "xor", "--batch-size", str(10**15)],
    ["train", "--dataset", "xor", "--lr", "1e400"], ["train", "--dataset", "xor", "--seed", str(10**30)],
    ["train", "--dataset", "xor", "--momentum", "nan"], ["train", "--dataset", "xor", "--layers", "0"],
    ["train", "--dataset", "xor", "--layers", ",".join(["10"] * 17)],
    ["train", "--dataset", "xor", "--layers", "10001"],
])
def test_empty_or_absurd_arguments_are_usage_errors(capsys, tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)  # "" must not silently mean this folder
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert_one_clean_error(err)


def _special_outs(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "fifo.npz"
    os.mkfifo(fifo)
    return {"folder": tmp_path, "named pipe": fifo, "character device": Path("/dev/null"),
            "cannot write in /proc": Path("/proc/m.npz"), "does not exist": tmp_path / "no" / "m.npz"}


@pytest.mark.timeout(60)
def test_an_out_the_model_cannot_be_saved_to_fails_before_training(capsys, tmp_path):
    for words, out in _special_outs(tmp_path).items():
        code, stdout, err = run(capsys, "train", *DIGITS, "--epochs", "50", "--json", "--out", out)
        assert code == 2 and stdout == ""  # not one epoch ran
        assert_one_clean_error(err, "--out", words)
    assert Path("/dev/null").is_char_device() and sorted(p.name for p in tmp_path.iterdir()) == ["fifo.npz"]


@pytest.mark.timeout(30)
def test_a_fifo_folder_or_device_as_data_or_model_is_refused_at_once(capsys, tmp_path, digit_model):
    fifo = tmp_path / "pipe.npz"
    os.mkfifo(fifo)
    for argv, words in [(["train", "--dataset", fifo], "named pipe"), (["eval", "--model", fifo, "--dataset", "xor"],
                                                                       "named pipe"),
                        (["predict", "--model", tmp_path, "x.png"], "folder"),
                        (["eval", "--model", digit_model[0], "--dataset", "/dev/zero"], "character device")]:
        code, _, err = run(capsys, *argv)
        assert code == 1
        assert_one_clean_error(err, "cannot open it: it is a", words)


def test_a_network_too_big_for_memory_is_refused_before_it_is_built(capsys, monkeypatch):
    from nndesk.engine.data import npy_guard

    monkeypatch.setattr(npy_guard, "available_memory", lambda: 8 * 10**9)
    layers = ",".join(["10000"] * 16)
    code, out, err = run(capsys, "train", "--dataset", "mnist-bundled", "--layers", layers, "--optimizer", "adam")
    assert code == 2 and out == ""
    assert_one_clean_error(err, "784-10000-", "needs about 32.0 GB (1,508,100,010 weights, adam state, a batch)",
                           "half of the 8.0 GB free now")
    code, _, err = run(capsys, "train", "--dataset", "xor", "--layers", "3000", "--epochs", "1")
    assert code == 0, err  # a network that fits still trains


def test_a_network_whose_model_file_nndesk_could_not_open_is_refused_with_out(capsys, tmp_path):
    code, _, err = run(capsys, "train", "--dataset", "xor", "--layers", "10000,10000,10000", "--optimizer", "momentum",
                       "--out", tmp_path / "m.npz")
    assert code == 2
    assert_one_clean_error(err, "2-10000-10000-10000-2 would make a 1,601 MB model file", "(1,000 MB)")
    assert list(tmp_path.iterdir()) == []


_MEASURED = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": done.returncode, "out": done.stdout, "err": done.stderr, "peak_kb": peak}))
"""


@pytest.mark.timeout(60)
def test_the_largest_layers_fail_in_one_line_with_little_memory(tmp_path):
    """A real process: refused before the 6 GB of weights exist; its peak memory is measured by the kernel.

    Started from a small launcher, whose only child it is: a child forked from
    this big test process would count the test process's pages as its own.
    """
    env = {k: v for k, v in os.environ.items() if k != "NNDESK_DEBUG"}
    launched = subprocess.run([sys.executable, "-c", _MEASURED, sys.executable, "-m", "nndesk", "train", "--dataset",
                               "mnist-bundled", "--layers", ",".join(["10000"] * 16), "--out", str(tmp_path / "m.npz")],
                              capture_output=True, text=True, timeout=60, env=env)
    done = json.loads(launched.stdout)
    assert done["code"] == 2 and done["out"] == ""
    assert_one_clean_error(done["err"], "784-10000-10000")
    assert "GB (" in done["err"] or "MB model file" in done["err"]
    assert done["peak_kb"] < 300_000
