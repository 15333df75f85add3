"""The My digits view with the mouse and keyboard: delete, clear, undo, import and export through the dialogs."""

from __future__ import annotations

import numpy as np
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from nndesk.app.mydigits.view import MyDigitsView, idx_paths
from nndesk.engine.data.my_digits import MyDigits, export_npz, load_my_digits
from nndesk.engine.data.readers import read_digits, read_npz
from tests.app.mydigits.conftest import drawings
from tests.app.people import LEFT


def saved(model) -> list[int]:
    model.flush()
    return load_my_digits(model.path)[0].y.tolist()


def shown(qtbot, model, stack) -> MyDigitsView:
    view = MyDigitsView(model, stack)
    qtbot.addWidget(view)
    view.resize(700, 420)
    view.show()
    qtbot.waitExposed(view)
    return view


def click(view, name: str) -> None:
    button = view.findChild(QPushButton, name)
    assert button.isEnabled(), f"{name} is disabled"
    QTest.mouseClick(button, LEFT)


def test_select_a_tile_delete_it_and_undo(qtbot, model, stack):
    view = shown(qtbot, model, stack)
    summary = view.findChild(QLabel, "myDigitsSummary").text()
    assert "5 drawings" in summary and "3: 2" in summary and "7: 1" in summary
    assert not view.findChild(QPushButton, "deleteMyDigit").isEnabled()  # nothing selected
    grid = view.grid
    seven = next(k for k in range(grid.count()) if grid.label(k) == "7")
    QTest.mouseClick(grid.viewport(), LEFT, pos=grid.tile_rect(seven).center())
    click(view, "deleteMyDigit")
    assert model.digits.y.tolist() == [3, 1, 3, 0] == saved(model)
    assert "7: 0" in view.findChild(QLabel, "myDigitsSummary").text()
    stack.undo()
    assert model.digits.y.tolist() == [3, 1, 3, 0, 7]


def test_clear_all_then_undo_and_the_empty_view_says_what_to_do(qtbot, model, stack):
    view = shown(qtbot, model, stack)
    click(view, "clearMyDigits")
    assert len(model.digits) == 0 and view.grid.count() == 0
    assert "No drawings yet" in view.findChild(QLabel, "myDigitsSummary").text()
    assert "Add to my digits" in view.findChild(QLabel, "myDigitsHint").text()
    assert not view.findChild(QPushButton, "exportMyDigits").isEnabled()
    stack.undo()
    assert len(model.digits) == 5 and view.findChild(QPushButton, "exportMyDigits").isEnabled()


def test_export_npz_and_idx_through_the_save_dialog(qtbot, model, stack, tmp_path, monkeypatch):
    view = shown(qtbot, model, stack)
    npz = tmp_path / "out.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(npz), "NumPy archive: x, y (*.npz)"))
    click(view, "exportMyDigits")
    data = read_npz(npz)["train"]
    assert data.y.tolist() == [3, 1, 3, 0, 7] and data.x[4, 0] == 5  # drawing 5's pixels are 5/255

    chosen = tmp_path / "mine"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(chosen), "MNIST IDX files (*-ubyte *-ubyte.gz)"))
    click(view, "exportMyDigits")
    images, labels = idx_paths(str(chosen))
    assert images.name == "mine-images-idx3-ubyte" and labels.name == "mine-labels-idx1-ubyte"
    assert read_digits(images, labels, "mine").y.tolist() == [3, 1, 3, 0, 7]


def test_import_adds_to_the_set_in_one_undoable_step(qtbot, model, stack, tmp_path, monkeypatch):
    view = shown(qtbot, model, stack)
    source = tmp_path / "friends.npz"
    export_npz(source, drawings([9, 9, 2]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    click(view, "importMyDigits")
    assert model.digits.y.tolist() == [3, 1, 3, 0, 7, 9, 9, 2] == saved(model)
    assert model.digits.ink.shape == (8, 280, 280)
    stack.undo()
    assert model.digits.y.tolist() == [3, 1, 3, 0, 7]


def test_a_bad_import_is_one_message_and_changes_nothing(qtbot, model, stack, tmp_path, monkeypatch):
    view = shown(qtbot, model, stack)
    bad = tmp_path / "bad.npz"
    np.savez(bad, x=np.zeros((2, 28, 28), np.uint8), y=np.array([1, 12]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    with qtbot.waitSignal(view.problem) as problem:
        click(view, "importMyDigits")
    title, text, details = problem.args
    assert title == "Import failed" and "bad.npz" in details and "is not a digit label" in details
    assert model.digits.y.tolist() == [3, 1, 3, 0, 7] and stack.count() == 0


def test_a_cancelled_dialog_does_nothing(qtbot, model, stack, monkeypatch):
    view = shown(qtbot, model, stack)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    click(view, "importMyDigits")
    click(view, "exportMyDigits")
    assert stack.count() == 0 and len(model.digits) == 5


def test_idx_names_from_whatever_the_student_typed(tmp_path):
    for typed in ("a", "a-images-idx3-ubyte", "a-labels-idx1-ubyte", "a.idx3-ubyte"):
        assert [p.name for p in idx_paths(str(tmp_path / typed))] == ["a-images-idx3-ubyte", "a-labels-idx1-ubyte"]
    assert idx_paths(str(tmp_path / "a-images-idx3-ubyte.gz"))[1].name == "a-labels-idx1-ubyte.gz"


def test_an_empty_set_shows_an_empty_grid(qtbot, tmp_path, stack):
    from nndesk.app.mydigits.model import MyDigitsModel

    view = shown(qtbot, MyDigitsModel(None, MyDigits()), stack)
    assert view.grid.count() == 0 and not view.findChild(QPushButton, "clearMyDigits").isEnabled()


def test_an_export_that_cannot_be_written_is_one_message(qtbot, model, stack, tmp_path, monkeypatch):
    view = shown(qtbot, model, stack)
    target = tmp_path / "no-such-folder" / "mine.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(view.problem) as problem:
        click(view, "exportMyDigits")
    assert problem.args[0] == "Export failed" and "no-such-folder" in problem.args[2] and not target.exists()
