"""A session file gives back every part equal: network, optimizer, history, recipe, settings, my digits,
runs, hand-made points and the window layout."""

from __future__ import annotations

import os
import zipfile

import numpy as np
import pytest

from nndesk.engine.runs import session_io
from nndesk.engine.runs.session_io import Session, load_session, peek_session, save_session
from tests.engine.runs import session_parts


def _same_history(a, b) -> None:
    assert len(a) == len(b) > 0
    for x, y in zip(a, b):
        np.testing.assert_equal(x.as_dict(), y.as_dict())  # NaN (no validation) equals NaN here


@pytest.mark.parametrize("optimizer", ["momentum", "adam", "sgd"])
def test_round_trip_is_equal_in_every_array_and_setting(tmp_path, optimizer):
    session = session_parts.full_session(optimizer)
    back = load_session(save_session(tmp_path / "s.nndesk", session))

    assert back.network.sizes == session.network.sizes and back.network.cost.name == session.network.cost.name
    for a, b in zip(back.network.layers, session.network.layers):
        np.testing.assert_array_equal(a.params, b.params)
        assert a.activation.name == b.activation.name and a.params.dtype == b.params.dtype
    assert back.optimizer.name == session.optimizer.name
    before, after = session.optimizer.state(), back.optimizer.state()
    assert set(before) == set(after) and (optimizer == "sgd" or before)
    for key in before:
        np.testing.assert_array_equal(after[key], before[key])
    _same_history(back.history, session.history)
    assert back.recipe == session.recipe  # data set, layers, cost, optimizer, η, batch size, momentum, epochs…
    assert back.pace == 5.0
    assert back.layout == session.layout
    np.testing.assert_array_equal(back.points.x, session.points.x)
    np.testing.assert_array_equal(back.points.y, session.points.y)
    assert (back.points.name, back.points.n_classes) == (session.points.name, 2)
    for key in ("ink", "x", "y"):
        np.testing.assert_array_equal(getattr(back.my_digits, key), getattr(session.my_digits, key))
    assert [r.to_dict() for r in back.runs] == [r.to_dict() for r in session.runs]
    assert back.runs[0].history and back.runs[0].outcome == "finished"


def test_optional_parts_stay_out(tmp_path):
    full = session_parts.full_session()
    bare = Session(full.network, full.recipe, full.history, full.optimizer)
    path = save_session(tmp_path / "bare.nndesk", bare)
    assert set(session_parts.members(path)) == {"session.json", "model.npz"}
    back = load_session(path)
    assert (back.my_digits, back.runs, back.points, back.layout, back.pace) == (None, None, None, None, 0.0)


def test_an_empty_digit_set_is_not_saved_but_an_empty_run_list_is(tmp_path):
    from nndesk.engine.data.my_digits import MyDigits

    full = session_parts.full_session()
    path = save_session(tmp_path / "s.nndesk", Session(full.network, full.recipe, my_digits=MyDigits(), runs=()))
    assert set(session_parts.members(path)) == {"session.json", "model.npz", "runs.json"}
    assert load_session(path).runs == ()


def test_teachs_record_goes_with_the_network(tmp_path):
    """A taught network's session says so, as its model file does (the next Teach holds out the next fold)."""
    full = session_parts.full_session()
    record = {"my_digits": 24, "held_out": 6, "held_out_turn": 2}
    path = save_session(tmp_path / "t.nndesk", Session(full.network, full.recipe, taught_with=record))
    assert load_session(path).taught_with == record
    assert load_session(save_session(tmp_path / "u.nndesk", Session(full.network, full.recipe))).taught_with is None


def test_the_model_inside_is_an_ordinary_model_file(tmp_path):
    """Unzipped, model.npz opens as any nndesk model: the session adds to the format, it doesn't fork it."""
    from nndesk.engine.runs.model_io import load_model

    path = session_parts.saved(tmp_path / "s.nndesk")
    (tmp_path / "model.npz").write_bytes(session_parts.members(path)["model.npz"])
    assert load_model(tmp_path / "model.npz").network.sizes == [2, 5, 2]


def test_snapshot_shares_no_array_with_the_live_session():
    session = session_parts.full_session()
    snap = session.snapshot()
    live = [*session.network.parameters(), *session.optimizer.state().values(), session.my_digits.ink]
    copied = [*snap.network.parameters(), *snap.optimizer.state().values(), snap.my_digits.ink]
    assert all(not np.shares_memory(a, b) for a in live for b in copied)
    for a, b in zip(live, copied):
        np.testing.assert_array_equal(a, b)
    session.network.layers[0].params[:] = 7  # the live network trains on; the snapshot being saved does not
    assert not np.any(snap.network.layers[0].params == 7)


def test_peek_reads_when_who_and_how_far(tmp_path):
    path = session_parts.saved(tmp_path / "s.nndesk")
    info = peek_session(path)
    assert info.pid == os.getpid() and info.epochs == 2 and info.dataset == "xor"
    assert info.saved[:4].isdigit() and "T" in info.saved


def test_saving_is_atomic_a_failed_save_leaves_the_old_file(tmp_path, monkeypatch):
    path = session_parts.saved(tmp_path / "s.nndesk")
    before = path.read_bytes()

    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(session_io.zipfile.ZipFile, "writestr", broken)
    with pytest.raises(OSError):
        save_session(path, session_parts.full_session())
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.nndesk"]  # no temporary file left


def test_members_are_compressed_where_it_pays_and_only_once(tmp_path):
    with zipfile.ZipFile(session_parts.saved(tmp_path / "s.nndesk")) as zf:
        kinds = {i.filename: i.compress_type for i in zf.infolist()}
    assert kinds["model.npz"] == kinds["my-digits.npz"] == kinds["points.npz"] == zipfile.ZIP_STORED  # (deflated
    assert kinds["session.json"] == kinds["runs.json"] == zipfile.ZIP_DEFLATED  # inside, my digits: not twice)


def test_a_convolutional_network_round_trips_too(tmp_path):
    """The model part is model_io's, so whatever it saves (format 2: convolutions) a session holds."""
    from nndesk.engine.runs.recipe import TrainingRecipe

    recipe = TrainingRecipe.from_preset("digits-cnn")
    net = recipe.build_network(784, 10)
    back = load_session(save_session(tmp_path / "cnn.nndesk", Session(net, recipe)))
    assert type(back.network) is type(net) and back.network.architecture == net.architecture
    assert all(np.array_equal(a, b) for a, b in zip(back.network.parameters(), net.parameters(), strict=True))
    assert back.recipe == recipe


@pytest.mark.parametrize("rows, columns", [(0, 2), (30, 5)])
def test_hand_made_sets_of_any_table_shape_round_trip(tmp_path, rows, columns):
    """A cleared plane (no points yet) and an imported 5-column table are hand-made sets as well."""
    from nndesk.engine.core.dataset import Dataset
    from nndesk.engine.runs.recipe import TrainingRecipe

    rng = np.random.default_rng(3)
    table = Dataset("my points", rng.normal(size=(rows, columns)).astype(np.float32),
                    rng.integers(0, 3, rows).astype(np.int64), 3)
    recipe = TrainingRecipe.for_dataset("xor", hidden=(4,))
    net = recipe.build_network(columns, 3)
    back = load_session(save_session(tmp_path / "t.nndesk", Session(net, recipe, points=table))).points
    assert back.x.shape == (rows, columns) and back.n_classes == 3 and back.name == "my points"
    np.testing.assert_array_equal(back.x, table.x)
    np.testing.assert_array_equal(back.y, table.y)
