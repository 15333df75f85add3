"""Undo and redo of each change of the set, saved each time; old commands never touch a replaced set."""

from __future__ import annotations

import numpy as np

from nndesk.app.mydigits.commands import AddDigit, RelabelDigit, RemoveDigits, ReplaceDigits
from nndesk.engine.data.my_digits import MyDigits, load_my_digits
from tests.app.mydigits.conftest import drawings


def on_disk(model) -> list[int]:
    model.flush()  # the save runs in the background
    return load_my_digits(model.path)[0].y.tolist()


def test_add_undo_redo(model, stack):
    stack.push(AddDigit(model, "add", np.zeros((280, 280), np.uint8), np.zeros((28, 28), np.float32), 9))
    assert model.digits.y.tolist() == [3, 1, 3, 0, 7, 9] == on_disk(model)
    stack.undo()
    assert model.digits.y.tolist() == [3, 1, 3, 0, 7] == on_disk(model)
    stack.redo()
    assert model.digits.y.tolist() == [3, 1, 3, 0, 7, 9] == on_disk(model)


def test_remove_puts_each_drawing_back_where_it_was(model, stack):
    before = np.array(model.digits.x)
    stack.push(RemoveDigits(model, "remove", [3, 1]))
    assert model.digits.y.tolist() == [3, 3, 7] == on_disk(model)
    stack.undo()
    assert model.digits.y.tolist() == [3, 1, 3, 0, 7] == on_disk(model)
    assert np.array_equal(model.digits.x, before)


def test_relabel_and_back(model, stack):
    stack.push(RelabelDigit(model, "relabel", 4, 2))
    assert model.digits.y.tolist() == [3, 1, 3, 0, 2] == on_disk(model)
    stack.undo()
    assert model.digits.y.tolist() == [3, 1, 3, 0, 7]


def test_a_removal_follows_its_drawing_after_earlier_edits_are_undone(model, stack):
    stack.push(RemoveDigits(model, "remove the first", [0]))
    stack.push(RelabelDigit(model, "relabel the 7", 3, 5))  # index 3 now: the 7
    stack.undo()
    stack.undo()
    stack.redo()  # removes the first drawing again (the 3 with pixels 1/255), not whatever is at 0 now
    assert model.digits.y.tolist() == [1, 3, 0, 7] and model.digits.x[0, 0, 0] == np.float32(2 / 255)


def test_replace_clear_and_import_are_one_step_each(model, stack):
    stack.push(ReplaceDigits(model, "clear", MyDigits()))
    assert len(model.digits) == 0 and on_disk(model) == []
    stack.undo()
    assert model.digits.y.tolist() == [3, 1, 3, 0, 7] == on_disk(model)
    stack.push(ReplaceDigits(model, "import", MyDigits([*model.digits, *drawings([8, 8])])))
    assert model.digits.counts()[8] == 2
    stack.undo()
    assert model.digits.counts()[8] == 0


def test_commands_made_on_a_replaced_set_do_nothing(model, stack):
    stack.push(RemoveDigits(model, "remove", [0]))
    stack.push(RelabelDigit(model, "relabel", 0, 9))
    model.replace(drawings([5, 5]))  # a session opened: another set
    stack.undo()
    stack.undo()
    assert model.digits.y.tolist() == [5, 5]
