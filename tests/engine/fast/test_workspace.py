"""A workspace reuses an array only when nobody holds it (nor a view of it)."""

from __future__ import annotations

import numpy as np

from nndesk.engine.fast.workspace import Workspace


def test_a_free_array_is_handed_out_again() -> None:
    ws = Workspace()
    a = ws.empty((3, 4), np.float32)
    address = a.ctypes.data
    del a
    assert ws.empty((3, 4), np.float32).ctypes.data == address


def test_a_held_array_or_view_is_never_handed_out() -> None:
    ws = Workspace(keep=3)
    held = ws.empty((3, 4), np.float32)
    view = ws.empty((2, 2), np.float32)[:1]
    assert ws.empty((3, 4), np.float32) is not held
    assert not np.shares_memory(ws.empty((2, 2), np.float32), view)


def test_other_shapes_and_types_get_their_own_and_the_list_stays_short() -> None:
    ws = Workspace(keep=2)
    for shape in ((1,), (2,), (3,), (4,)):
        ws.empty(shape, np.float64)
    assert ws.empty((5,), np.float32).dtype == np.float32
    assert len(ws._arrays) == 2
