"""Opening the saved set: good, partly damaged, unreadable (moved aside), unmovable; saving that fails."""

from __future__ import annotations

import numpy as np

from nndesk.app.mydigits.model import MyDigitsModel
from nndesk.engine.data.my_digits import load_my_digits, save_my_digits
from tests.app.mydigits.conftest import drawings


def test_a_saved_set_opens_as_it_was(tmp_path, qapp):
    path = tmp_path / "my-digits.npz"
    save_my_digits(path, drawings([4, 2]))
    model, opened = MyDigitsModel.open(path)
    assert opened.ok and model.digits.y.tolist() == [4, 2] and model.path == path


def test_no_file_yet_is_an_empty_set_and_the_first_change_writes_it(tmp_path, qtbot):
    path = tmp_path / "new" / "my-digits.npz"
    model, opened = MyDigitsModel.open(path)
    assert opened.ok and len(model.digits) == 0 and not path.exists()
    model.digits.add(np.zeros((280, 280), np.uint8), np.zeros((28, 28), np.float32), 6)
    with qtbot.waitSignal(model.changed):
        model.edited()
    model.flush()
    assert load_my_digits(path)[0].y.tolist() == [6]


def test_an_unreadable_file_is_moved_aside_and_the_set_starts_empty(tmp_path, qapp):
    path = tmp_path / "my-digits.npz"
    path.write_bytes(b"garbage")
    model, opened = MyDigitsModel.open(path)
    assert len(model.digits) == 0 and "is not an .npz archive" in opened.unreadable
    assert opened.moved_to == tmp_path / "my-digits.damaged.npz" and opened.moved_to.read_bytes() == b"garbage"
    assert model.path == path  # new drawings are saved in a fresh file


def test_when_it_cannot_even_be_moved_nothing_is_overwritten(tmp_path, qapp, monkeypatch):
    from nndesk.app.mydigits import model as model_module

    def refuse(path):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(model_module, "set_aside", refuse)
    path = tmp_path / "my-digits.npz"
    path.write_bytes(b"garbage")
    model, opened = MyDigitsModel.open(path)
    assert model.path is None and "Permission denied" in opened.not_moved
    model.digits.add(np.zeros((280, 280), np.uint8), np.zeros((28, 28), np.float32), 6)
    model.edited()  # kept in memory only
    model.flush()
    assert path.read_bytes() == b"garbage"


def test_a_failed_save_keeps_the_set_and_says_why(tmp_path, qtbot):
    (tmp_path / "file").write_text("not a folder")
    model = MyDigitsModel(tmp_path / "file" / "my-digits.npz", drawings([1]))
    with qtbot.waitSignal(model.saveFailed) as failed, qtbot.waitSignal(model.changed):
        model.edited()
    assert str(tmp_path / "file") in failed.args[0] and model.digits.y.tolist() == [1]
