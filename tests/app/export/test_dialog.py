"""The export dialog, used as a student uses it: pick a format, write or choose a path, press Export."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from nndesk.app.export.dialog import ExportDialog, ExportJob
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.network import Network
from nndesk.engine.export.formats import ExportFormat
from nndesk.engine.runs.model_io import load_model


@pytest.fixture
def job(tmp_path) -> ExportJob:
    net = Network.create([4, 5, 3], "tanh", "cross-entropy", seed=1)
    data = Dataset("tiny", np.random.default_rng(0).random((20, 4)).astype(np.float32), np.arange(20) % 3, 3)
    return ExportJob(net, data=data, start=tmp_path / "tiny")


@pytest.fixture
def dialog(qtbot, job) -> ExportDialog:
    d = ExportDialog(job)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def type_path(dialog: ExportDialog, path: Path) -> None:
    dialog.path_edit.setFocus()
    QTest.keySequence(dialog.path_edit, "Ctrl+A")
    QTest.keyClicks(dialog.path_edit, str(path))


def press_export(qtbot, dialog: ExportDialog) -> list[Path]:
    written = []
    dialog.exported.connect(written.append)
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return written


def test_onnx_is_chosen_first_and_the_file_runs(qtbot, dialog, job, tmp_path):
    ort = pytest.importorskip("onnxruntime")
    assert dialog.format() is ExportFormat.ONNX and dialog.path_edit.text() == str(tmp_path / "tiny.onnx")
    with qtbot.waitSignal(dialog.finished):
        written = press_export(qtbot, dialog)
    assert written == [tmp_path / "tiny.onnx"] and not dialog.isVisible()
    x = np.random.default_rng(2).random((8, 4), dtype=np.float32)
    a = ort.InferenceSession(str(written[0]), providers=["CPUExecutionProvider"]).run(None, {"x": x})[0]
    assert np.abs(a - job.network.feedforward(x)).max() <= 1e-5


def test_arrow_keys_pick_the_pytorch_folder_and_a_typed_path(qtbot, dialog, job, tmp_path):
    dialog.choices[ExportFormat.ONNX].setFocus()
    QTest.keyClick(dialog.choices[ExportFormat.ONNX], Qt.Key.Key_Down)
    assert dialog.format() is ExportFormat.PYTORCH
    assert dialog.path_edit.text() == str(tmp_path / "tiny")  # a folder: no ending
    assert dialog.include_data.isVisible() and dialog.include_data.isChecked()
    type_path(dialog, tmp_path / "for-torch")
    written = press_export(qtbot, dialog)
    folder = tmp_path / "for-torch"
    assert written == [folder]
    assert {p.name for p in folder.iterdir()} == {"model.py", "train.py", "weights.npz", "README.md", "data.npz"}
    reopened = load_model(folder / "weights.npz").network
    assert all(np.array_equal(a.weights, b.weights) for a, b in zip(reopened.layers, job.network.layers))


def test_numpy_script_by_mouse_with_choose(qtbot, dialog, job, tmp_path, monkeypatch):
    QTest.mouseClick(dialog.choices[ExportFormat.NUMPY], Qt.MouseButton.LeftButton)
    assert dialog.format() is ExportFormat.NUMPY and dialog.path_edit.text().endswith("tiny.py")
    assert not dialog.include_data.isVisible()
    chosen = tmp_path / "sub"
    chosen.mkdir()
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (asked.append(a[3]), (str(chosen / "mine"), ""))[1])
    QTest.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert asked == ["Python scripts (*.py)"] and dialog.path_edit.text() == str(chosen / "mine.py")
    press_export(qtbot, dialog)
    spec = importlib.util.spec_from_file_location("mine", chosen / "mine.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    x = np.random.default_rng(3).random((5, 4), dtype=np.float32)
    assert np.abs(module.predict(x) - job.network.feedforward(x)).max() <= 1e-6


def test_choose_for_a_folder_keeps_its_name_in_the_folder_chosen(qtbot, dialog, tmp_path, monkeypatch):
    QTest.mouseClick(dialog.choices[ExportFormat.PYTORCH], Qt.MouseButton.LeftButton)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "elsewhere"))
    QTest.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.path_edit.text() == str(tmp_path / "elsewhere" / "tiny")


def test_without_onnx_the_dialog_says_how_to_install_it_and_stays(qtbot, dialog, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)
    written = press_export(qtbot, dialog)
    assert written == [] and dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "ONNX export needs the onnx package: pip install 'nndesk[export]'"
    assert not (tmp_path / "tiny.onnx").exists()
    QTest.keyClicks(dialog.path_edit, "x")  # editing the path clears the message
    assert not dialog.error_label.isVisible()


def test_an_empty_path_and_a_file_in_the_folders_place_are_said(qtbot, dialog, tmp_path):
    type_path(dialog, tmp_path)
    dialog.path_edit.clear()
    press_export(qtbot, dialog)
    assert dialog.error_label.text() == "Choose where to write it." and dialog.isVisible()
    (tmp_path / "taken").write_text("mine")
    QTest.mouseClick(dialog.choices[ExportFormat.PYTORCH], Qt.MouseButton.LeftButton)
    type_path(dialog, tmp_path / "taken")
    assert press_export(qtbot, dialog) == [] and dialog.isVisible()
    assert "is a file, not a folder" in dialog.error_label.text()
    assert (tmp_path / "taken").read_text() == "mine"


def test_every_word_in_the_students_language(qtbot, language, job, monkeypatch):
    dialog = ExportDialog(job)
    qtbot.addWidget(dialog)
    monkeypatch.setitem(sys.modules, "onnx", None)
    press_export(qtbot, dialog)
    russian = language == "ru"
    assert (dialog.windowTitle() == "Экспорт сети") == russian
    assert dialog.choices[ExportFormat.PYTORCH].text() == ("Папка &PyTorch" if russian else "&PyTorch folder")
    assert dialog.error_label.text().startswith("Для экспорта в ONNX нужен пакет onnx" if russian else "ONNX export")
    assert "σ(W·a + b)" in dialog.purposes[ExportFormat.NUMPY].text()


def test_replacing_a_file_is_asked_first(qtbot, dialog, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from tests.app.people import answer_next_dialog

    pytest.importorskip("onnx")
    old = tmp_path / "tiny.onnx"
    old.write_bytes(b"my own file")
    answer_next_dialog(QMessageBox.StandardButton.No)
    assert press_export(qtbot, dialog) == [] and dialog.isVisible()
    assert old.read_bytes() == b"my own file"
    answer_next_dialog(QMessageBox.StandardButton.Yes)
    assert press_export(qtbot, dialog) == [old] and old.read_bytes() != b"my own file"


def test_replacing_a_folders_files_is_asked_but_not_after_the_chooser_asked(qtbot, job, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from tests.app.people import answer_next_dialog

    (tmp_path / "tiny").mkdir()
    (tmp_path / "tiny" / "train.py").write_text("# my edits")
    d = ExportDialog(job)
    qtbot.addWidget(d)
    d.show()
    QTest.mouseClick(d.choices[ExportFormat.PYTORCH], Qt.MouseButton.LeftButton)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (asked.append(a[2]), QMessageBox.StandardButton.No)[1])
    assert press_export(qtbot, d) == [] and asked == [f"Replace train.py in {tmp_path / 'tiny'}?"]
    assert (tmp_path / "tiny" / "train.py").read_text() == "# my edits"
    monkeypatch.undo()
    answer_next_dialog(QMessageBox.StandardButton.Yes)
    assert press_export(qtbot, d) == [tmp_path / "tiny"]
    assert "torchrun" in (tmp_path / "tiny" / "train.py").read_text()
    # a numpy script chosen in the file chooser (which asked about replacing it) is not asked about again
    other = ExportDialog(job)
    qtbot.addWidget(other)
    other.show()
    QTest.mouseClick(other.choices[ExportFormat.NUMPY], Qt.MouseButton.LeftButton)
    (tmp_path / "s.py").write_text("old")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "s.py"), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked twice"))
    QTest.mouseClick(other.browse_button, Qt.MouseButton.LeftButton)
    assert press_export(qtbot, other) == [tmp_path / "s.py"]
