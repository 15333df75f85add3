"""Model files: bit-exact round trip, atomic writes, and every kind of damage ends in ModelError."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from nndesk.engine.core.training import EpochStats
from nndesk.engine.runs import model_io
from nndesk.engine.runs.model_io import FORMAT_VERSION, ModelError, load_model, save_model
from nndesk.engine.runs.recipe import TrainingRecipe

DAMAGE = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def trained():
    """A small trained xor network with Adam state, a frozen mask and a real history."""
    recipe = TrainingRecipe.for_dataset("xor", hidden=(6, 4), optimizer="adam", epochs=2, learning_rate=0.01)
    source = recipe.load_data()
    net = recipe.build_network(2, 2)
    net.layers[0].frozen = np.zeros((6, 2), bool)
    net.layers[0].frozen[1, 0] = True
    trainer = recipe.make_trainer(net, source)
    list(trainer.epochs())
    return recipe, net, trainer


@pytest.fixture(scope="module")
def good_bytes(trained, tmp_path_factory) -> bytes:
    recipe, net, trainer = trained
    path = tmp_path_factory.mktemp("good") / "m.npz"
    return save_model(path, net, recipe, trainer.history, trainer.optimizer).read_bytes()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_round_trip_is_bit_exact_with_optimizer_state_and_history(trained, tmp_path):
    recipe, net, trainer = trained
    history = (*trainer.history, EpochStats(3, 0.5, float("nan"), float("nan"), 0.1, 0.2, float("inf"),
                                            ((2.5, 0.05),)))
    path = save_model(tmp_path / "m.npz", net, recipe, history, trainer.optimizer, extra={"note": "привет"})
    m = load_model(path)
    for a, b in zip(net.parameters(), m.network.parameters()):
        assert a.dtype == b.dtype and a.tobytes() == b.tobytes()
    assert np.array_equal(m.network.layers[0].frozen, net.layers[0].frozen) and m.network.layers[1].frozen is None
    assert [layer.activation.name for layer in m.network.layers] == ["tanh", "tanh", "softmax"]
    assert m.network.cost.name == "cross-entropy" and m.recipe == recipe
    assert repr(m.history) == repr(history)  # repr: NaN == NaN
    saved = trainer.optimizer.state()
    assert set(m.optimizer_state) == set(saved)
    assert all(np.asarray(saved[k]).tobytes() == m.optimizer_state[k].tobytes() for k in saved)
    restored = m.optimizer()
    assert restored.name == "adam" and restored.t == trainer.optimizer.t
    assert m.metadata["extra"] == {"note": "привет"} and m.metadata["dataset"] == "xor"
    assert m.preprocessing is None and m.metadata["nndesk_version"]


def test_optimizer_state_saved_with_w_and_b_apart_still_resumes(trained, tmp_path):
    """Files from before [W | b] was one array hold velocity_0 = W⁽⁰⁾'s, velocity_1 = b⁽⁰⁾'s, …"""
    recipe, net, trainer = trained
    momentum = recipe.with_changes(optimizer="momentum").make_trainer(net.copy(), recipe.load_data())
    list(momentum.epochs())
    joined = momentum.optimizer.velocity
    old = {}
    for i, v in enumerate(joined):
        old[f"velocity_{2 * i}"], old[f"velocity_{2 * i + 1}"] = v[:-1].T.copy(), v[-1].copy()  # W, b
    restored = type(momentum.optimizer)()
    restored.load_state(old)
    assert [v.shape for v in restored.velocity] == [v.shape for v in joined]
    assert all(np.array_equal(a, b) for a, b in zip(restored.velocity, joined))


def test_digit_models_record_the_mnist_preprocessing(tmp_path):
    net = TrainingRecipe(hidden=(3,)).build_network(784, 10)
    m = load_model(save_model(tmp_path / "d.npz", net))
    assert m.preprocessing == "mnist-centre-of-mass-28" and m.metadata["image_shape"] == [28, 28]
    assert m.recipe is None and m.history == () and m.optimizer() is None


def test_arrays_are_plain_and_metadata_is_uint8_json(good_bytes):
    with zipfile.ZipFile(io.BytesIO(good_bytes)) as zf:
        names = set(zf.namelist())
    assert {"W0.npy", "b0.npy", "W2.npy", "frozen0.npy", "metadata.npy", "optimizer.t.npy"} <= names
    with np.load(io.BytesIO(good_bytes), allow_pickle=False) as npz:
        meta = npz["metadata"]
        assert meta.dtype == np.uint8 and json.loads(meta.tobytes())["format_version"] == FORMAT_VERSION


# ---- damage ------------------------------------------------------------------
def _expect_model_error_or_model(path: Path) -> None:
    """A damaged file may still load if the damage hit nothing that matters; anything else is ModelError."""
    before = _digest(path)
    try:
        load_model(path)
    except ModelError as e:
        assert str(path) in str(e) and "\n" not in str(e)
    assert _digest(path) == before  # a load never writes


@DAMAGE
@given(data=st.data())
def test_truncated_files_raise_model_error(good_bytes, tmp_path, data):
    n = data.draw(st.integers(0, len(good_bytes) - 1))
    path = tmp_path / "cut.npz"
    path.write_bytes(good_bytes[:n])
    with pytest.raises(ModelError):
        load_model(path)


@DAMAGE
@given(data=st.data())
def test_flipped_bytes_never_raise_anything_but_model_error(good_bytes, tmp_path, data):
    damaged = bytearray(good_bytes)
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(damaged) - 1))
        damaged[i] ^= data.draw(st.integers(1, 255))
    path = tmp_path / "flip.npz"
    path.write_bytes(bytes(damaged))
    _expect_model_error_or_model(path)


def _npz(path: Path, arrays: dict[str, np.ndarray], meta: object = None, raw_meta: bytes | None = None) -> Path:
    if raw_meta is None and meta is not None:
        raw_meta = json.dumps(meta).encode()
    if raw_meta is not None:
        arrays = {**arrays, "metadata": np.frombuffer(raw_meta, np.uint8)}
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    return path


def _parts(good_bytes: bytes) -> tuple[dict[str, np.ndarray], dict]:
    with np.load(io.BytesIO(good_bytes), allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    return arrays, json.loads(arrays.pop("metadata").tobytes())


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                        max_size=4), max_leaves=12)


@DAMAGE
@given(junk=json_values, key=st.sampled_from(["sizes", "activations", "cost", "recipe", "history", "optimizer",
                                              "format_version", None]))
def test_junk_metadata_raises_model_error(good_bytes, tmp_path, junk, key):
    arrays, meta = _parts(good_bytes)
    path = _npz(tmp_path / "junk.npz", arrays, junk if key is None else {**meta, key: junk})
    _expect_model_error_or_model(path)


@DAMAGE
@given(raw=st.binary(max_size=64))
def test_metadata_that_is_not_json_raises_model_error(good_bytes, tmp_path, raw):
    arrays, _ = _parts(good_bytes)
    with pytest.raises(ModelError):
        load_model(_npz(tmp_path / "raw.npz", arrays, raw_meta=raw))


@pytest.mark.parametrize(("edit", "message"), [
    (lambda a, m: a.pop("b1"), "missing the array b1"),
    (lambda a, m: a.__setitem__("W1", np.zeros((4, 5), np.float32)), "shape"),
    (lambda a, m: a["W0"].__setitem__((0, 0), np.nan), "NaN"),
    (lambda a, m: a.__setitem__("W0", a["W0"].astype(np.int32)), "shape|float"),
    (lambda a, m: m.__setitem__("activations", ["tanh", "swish", "softmax"]), "unknown activation 'swish'"),
    (lambda a, m: m.__setitem__("cost", "hinge"), "unknown cost"),
    (lambda a, m: m.__setitem__("sizes", [2, 6, 4]), "activations|sizes"),
    (lambda a, m: m.__setitem__("format_version", model_io.READS_UP_TO + 1), "newer nndesk"),
    (lambda a, m: m.__setitem__("format", "keras"), "not an nndesk model"),
    (lambda a, m: m["recipe"].__setitem__("optimizer", "rmsprop"), "recipe"),
    (lambda a, m: m.__setitem__("history", [{"epoch": "one"}]), "history"),
    (lambda a, m: a.pop("optimizer.t"), "optimizer"),
])
def test_inconsistent_models_raise_a_clear_model_error(good_bytes, tmp_path, edit, message):
    arrays, meta = _parts(good_bytes)
    edit(arrays, meta)
    path = _npz(tmp_path / "bad.npz", arrays, meta)
    with pytest.raises(ModelError, match=message):
        load_model(path)


_unpickled: list[str] = []


def _unpickle_marker() -> str:
    _unpickled.append("ran")
    return "boom"


class _Payload:
    def __reduce__(self):
        return _unpickle_marker, ()


def test_a_pickled_object_array_is_refused_and_never_unpickled(good_bytes, tmp_path):
    arrays, meta = _parts(good_bytes)
    arrays["W0"] = np.array([_Payload()], dtype=object)
    path = _npz(tmp_path / "pickle.npz", arrays, meta)
    with pytest.raises(ModelError, match="Python objects"):
        load_model(path)
    assert _unpickled == []


@pytest.mark.parametrize(("content", "message"), [
    (b"", "not an nndesk model"), (b"hello, this is text", "not an nndesk model"),
    (b"PK\x03\x04" + b"\0" * 40, "damaged"),
])
def test_files_that_are_not_models_raise_model_error(tmp_path, content, message):
    path = tmp_path / "x.npz"
    path.write_bytes(content)
    with pytest.raises(ModelError, match=message):
        load_model(path)


def test_another_programs_npz_and_missing_paths_raise_model_error(tmp_path):
    with pytest.raises(ModelError, match="without nndesk's metadata"):
        load_model(_npz(tmp_path / "mnist.npz", {"x_train": np.zeros((2, 784), np.uint8)}))
    with pytest.raises(ModelError, match="cannot open"):
        load_model(tmp_path / "nope.npz")
    with pytest.raises(ModelError, match="cannot open"):
        load_model(tmp_path)
    assert issubclass(ModelError, ValueError)


# ---- atomic writes -----------------------------------------------------------
@pytest.mark.parametrize("crash_in", ["savez", "fsync", "replace"])
def test_a_crash_while_saving_leaves_the_old_file_intact(trained, tmp_path, monkeypatch, crash_in):
    recipe, net, trainer = trained
    path = save_model(tmp_path / "m.npz", net, recipe, trainer.history, trainer.optimizer)
    before = _digest(path)
    real_savez = np.savez

    def half_then_crash(f, **arrays):
        real_savez(f, **arrays)
        f.truncate(f.tell() // 2)
        raise OSError(28, "No space left on device")

    def crash(*args, **kwargs):
        raise OSError(5, "Input/output error")

    target = {"savez": (model_io.np, "savez", half_then_crash), "fsync": (model_io.os, "fsync", crash),
              "replace": (model_io.os, "replace", crash)}[crash_in]
    monkeypatch.setattr(*target)
    other = net.copy()
    other.layers[0].weights += 1
    with pytest.raises(OSError):
        save_model(path, other)
    monkeypatch.undo()
    assert _digest(path) == before and load_model(path).recipe == recipe
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.npz"]  # no temporary file left behind


def test_saving_replaces_the_old_model_and_unserialisable_extra_writes_nothing(trained, tmp_path):
    recipe, net, _ = trained
    path = save_model(tmp_path / "m.npz", net, recipe)
    other = net.copy()
    other.layers[1].bias += 2
    save_model(path, other)
    assert np.array_equal(load_model(path).network.layers[1].bias, other.layers[1].bias)
    before = _digest(path)
    with pytest.raises(ValueError, match="JSON"):
        save_model(path, net, extra={"f": object()})
    assert _digest(path) == before and sorted(p.name for p in tmp_path.iterdir()) == ["m.npz"]
    assert oct(path.stat().st_mode & 0o777) == "0o644"


# ---- hostile containers and paths (issue 9) ----------------------------------
def _members(good_bytes: bytes) -> list:
    """The good model's zip members, to tamper with one by one."""
    from tests.fuzz import forge

    with zipfile.ZipFile(io.BytesIO(good_bytes)) as zf:
        return [forge.Member(info.filename, zf.read(info)) for info in zf.infolist()]


def _refused(path: Path, message: str) -> None:
    import tracemalloc

    tracemalloc.start()
    try:
        with pytest.raises(ModelError, match=message) as info:
            load_model(path)
        assert tracemalloc.get_traced_memory()[1] < 2_000_000
    finally:
        tracemalloc.stop()
    assert "\n" not in str(info.value) and str(info.value).startswith(str(path))


@pytest.mark.parametrize(("name", "message"), [
    ("W0", "member 'W0' that is not a .npy array"), ("metadata", "member 'metadata' that is not a .npy array"),
    ("W0.npy", "two members named 'W0.npy'"), ("notes.npy", "unexpected array 'notes'"),
    ("optimizer.t.npy.npy", "unexpected array"), ("../W0.npy", "not a .npy array"),
])
def test_every_member_numpy_could_load_is_checked(good_bytes, tmp_path, name, message):
    from tests.fuzz import forge

    huge = forge.npy_header(forge.header_text("<f8", (320_000_000,))) + bytes(2000)  # declares 2.5 GB
    path = tmp_path / "alias.npz"
    path.write_bytes(forge.zip_bytes([*_members(good_bytes), forge.Member(name, huge, size=2_560_000_128)]))
    _refused(path, message)


@pytest.mark.parametrize("member", ["metadata.npy", "W0.npy", "optimizer.t.npy"])
@pytest.mark.parametrize("header", ["{'descr': '<f8', 'fortran_order': False, 'shape': (3,",
                                    "{'descr': '<f8', 'shape': (3,)}", "(((", "{'descr': 1}"])
def test_a_malformed_npy_header_is_one_model_error(good_bytes, tmp_path, member, header):
    from tests.fuzz import forge

    members = [forge.Member(m.name, forge.npy_header(header) + bytes(64)) if m.name == member else m
               for m in _members(good_bytes)]
    path = tmp_path / "h.npz"
    path.write_bytes(forge.zip_bytes(members))
    _refused(path, f"malformed .npy header for {member[:-4]}")


def test_the_total_of_all_arrays_is_capped(good_bytes, tmp_path):
    """Four optimizer arrays of 3·10⁸ bytes: each fine alone, 1.2 GB together."""
    from tests.fuzz import forge

    extra = []
    for i in range(4):
        head = forge.npy_header(forge.header_text("<f4", (75_000_000,)))
        noise = np.random.default_rng(i).bytes(300_000)  # deflate could really hold 300 MB in this
        extra.append(forge.Member(f"optimizer.m_{i + 7}.npy", head + noise, forge.DEFLATED,
                                  size=len(head) + 300_000_000))
    path = tmp_path / "big.npz"
    path.write_bytes(forge.zip_bytes([*_members(good_bytes), *extra]))
    _refused(path, r"holds 1,200 MB of arrays in all, more than nndesk reads \(1,000 MB")


@pytest.mark.parametrize(("dtype", "member"), [(np.longdouble, "W0"), (np.complex128, "W1"), (np.float16, "b0"),
                                               (np.int64, "W0"), (np.uint8, "frozen0"), (np.float32, "metadata")])
def test_only_the_number_types_a_model_uses_are_read(good_bytes, tmp_path, dtype, member):
    from tests.fuzz import forge

    with np.load(io.BytesIO(good_bytes)) as npz:
        arrays = {k: npz[k] for k in npz.files}
    arrays[member] = arrays[member].astype(dtype)
    path = tmp_path / "t.npz"
    path.write_bytes(forge.npz(arrays))
    _refused(path, f"stores {member} as {np.dtype(dtype)} values")


@pytest.mark.timeout(20)
def test_a_fifo_device_socket_or_folder_is_refused_at_once(tmp_path):
    import os
    import socket
    import time

    fifo, sock = tmp_path / "m.npz", tmp_path / "s.npz"
    os.mkfifo(fifo)
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(sock))
        for path, kind in ((fifo, "named pipe"), (sock, "socket"), (tmp_path, "folder"),
                           (Path("/dev/zero"), "character device")):
            start = time.perf_counter()
            with pytest.raises(ModelError, match=f"cannot open it: it is a {kind}"):
                load_model(path)
            assert time.perf_counter() - start < 1.0


# ---- stale temporary files ---------------------------------------------------
_SLOW_WRITER = """
import os, sys, time
from nndesk.engine.runs import model_io
from nndesk.engine.runs.recipe import TrainingRecipe

def hang(tmp, target):
    print("written", flush=True)
    time.sleep(600)  # killed here, with the temporary file written and not yet renamed

os.replace = hang
model_io.save_model(sys.argv[1], TrainingRecipe(hidden=(3000,)).build_network(784, 10))
"""


def _writer(target: Path):
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", _SLOW_WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "written\n"
    return proc


def _age(path: Path, seconds: float) -> None:
    import os
    import time

    os.utime(path, (time.time() - seconds, time.time() - seconds))


def test_a_killed_saves_temporary_file_is_removed_by_the_next_save_and_nothing_else(trained, tmp_path):
    import os
    import signal

    recipe, net, _ = trained
    target = tmp_path / "m.npz"
    live = _writer(target)  # a concurrent writer of the same file, mid-save
    killed = _writer(target)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    temps = {int(p.name.split(".")[3]): p for p in tmp_path.glob(".m.npz.*.tmp")}
    assert set(temps) == {live.pid, killed.pid} and temps[killed.pid].stat().st_size > 9_000_000
    for p in temps.values():
        _age(p, 60)  # both quiet for a minute: only the pid tells the live writer from the dead one
    keep = {name: tmp_path / name for name in (".m.npz.1.abcdefgh.tmp",  # pid 1 is alive
                                               ".m.npz.tmp", "m.npz.12345678.tmp", ".m.npz.123.tmp.bak",
                                               ".mm.npz.999999.abcdefgh.tmp", ".m.npz.999999.abcdefgh.tmp.x",
                                               ".m.npz.999998.abcdefgh.tmp",  # dead pid, written just now
                                               ".m.npz.qwertyui.tmp")}  # an old nndesk's, 10 minutes quiet
    for name, p in keep.items():
        p.write_bytes(b"x")
        _age(p, 0 if "999998" in name else 600)
    old = tmp_path / ".m.npz.asdfghjk.tmp"  # an old nndesk's, quiet for two hours
    old.write_bytes(b"x")
    _age(old, 7200)
    (tmp_path / "folder").mkdir()
    os.symlink(tmp_path / "folder", tmp_path / ".m.npz.999997.abcdefgh.tmp")
    try:
        save_model(target, net, recipe)
        assert load_model(target).recipe == recipe
        left = {p.name for p in tmp_path.iterdir()}
        assert temps[live.pid].name in left and set(keep) <= left and ".m.npz.999997.abcdefgh.tmp" in left
        assert temps[killed.pid].name not in left and old.name not in left
        assert left == {"m.npz", "folder", temps[live.pid].name, ".m.npz.999997.abcdefgh.tmp", *keep}
    finally:
        live.kill()
        live.wait()


def test_taught_with_is_recorded_loads_back_and_older_files_still_load(trained, good_bytes, tmp_path):
    """Teach's record ("my digits took part") is one more metadata key: written when given, absent before."""
    recipe, net, trainer = trained
    taught = {"my_digits": 24, "held_out": 6, "held_out_turn": 2}
    path = save_model(tmp_path / "taught.npz", net, recipe, trainer.history, trainer.optimizer, taught_with=taught)
    assert load_model(path).metadata["taught_with"] == taught
    assert load_model(_npz(tmp_path / "old.npz", *_parts(good_bytes))).metadata.get("taught_with") is None
    arrays, meta = _parts(good_bytes)
    meta.pop("taught_with", None)  # a file from before Teach existed
    assert load_model(_npz(tmp_path / "older.npz", arrays, meta)).network.sizes == net.sizes
    with pytest.raises(ModelError, match="taught_with"):
        load_model(_npz(tmp_path / "bad.npz", arrays, {**meta, "taught_with": [24]}))
