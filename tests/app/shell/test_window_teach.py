"""A model file's "taught_with" is shown and saved again only if it is what nndesk writes."""

from __future__ import annotations

import pytest

from nndesk.app.shell.window_teach import taught_record


def test_a_record_nndesk_wrote_is_kept_and_anything_else_in_it_dropped():
    record = {"my_digits": 24, "held_out": 6, "held_out_turn": 2}
    assert taught_record(record) == record
    assert taught_record({**record, "note": "<script>"}) == record


@pytest.mark.parametrize("hostile", [None, [24], "24", {}, {"my_digits": True}, {"my_digits": -1},
                                     {"held_out_turn": 1.5}, {"held_out": "6"}, {"other": 1}])
def test_anything_else_is_no_record(hostile):
    assert taught_record(hostile) is None
