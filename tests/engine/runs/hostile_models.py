"""Hostile model files made from a good one, one thing wrong each (engine and window tests share them)."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from nndesk.engine.runs.model_io import save_model
from nndesk.engine.runs.recipe import TrainingRecipe

Edit = Callable[[dict[str, np.ndarray], dict], None]
Maker = Callable[[bytes, Path], Path]


def trained_model(path: Path, optimizer: str, hidden: tuple[int, ...] = (5, 3)) -> Path:
    """A small xor network really trained two epochs, saved with its optimizer state and history."""
    recipe = TrainingRecipe.for_dataset("xor", hidden=hidden, optimizer=optimizer, epochs=2, learning_rate=0.05)
    net = recipe.build_network(2, 2)
    trainer = recipe.make_trainer(net, recipe.load_data())
    list(trainer.epochs())
    return save_model(path, net, recipe, trainer.history, trainer.optimizer)


def edited(good: bytes, path: Path, edit: Edit) -> Path:
    """``good`` with ``edit(arrays, metadata)`` applied; the optimizer's array list follows the arrays."""
    with np.load(io.BytesIO(good), allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    meta = json.loads(arrays.pop("metadata").tobytes())
    edit(arrays, meta)
    if isinstance(meta, dict) and isinstance(meta.get("optimizer"), dict):
        meta["optimizer"]["arrays"] = sorted(k[len("optimizer."):] for k in arrays if k.startswith("optimizer."))
    with open(path, "wb") as f:
        np.savez(f, **arrays, metadata=np.frombuffer(json.dumps(meta).encode(), np.uint8))
    return path


def _members(good: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def history_1e400(good: bytes, path: Path) -> Path:
    """The first epoch's cost written as 1e400, which JSON reads as infinity."""
    members = _members(good)
    text = np.load(io.BytesIO(members["metadata.npy"]), allow_pickle=False).tobytes()
    cost = json.dumps(json.loads(text)["history"][0]["train_cost"]).encode()
    text = text.replace(cost, b"1e400", 1)
    array = np.frombuffer(text, np.uint8)
    buf = io.BytesIO()
    np.save(buf, array)
    return _zip(path, {**members, "metadata.npy": buf.getvalue()})


def malformed_header(good: bytes, path: Path) -> Path:
    """W0.npy's header dict with an unclosed bracket: numpy's own header parser fails on it."""
    members = _members(good)
    raw = members["W0.npy"]
    size = int.from_bytes(raw[8:10], "little")
    header = raw[10:10 + size].decode("latin1")
    broken = header.replace("'shape': (", "'shape': ((", 1).replace(" \n", "\n", 1)  # same length
    assert len(broken) == len(header) and broken != header
    return _zip(path, {**members, "W0.npy": raw[:10] + broken.encode("latin1") + raw[10 + size:]})


def truncated(good: bytes, path: Path) -> Path:
    path.write_bytes(good[:len(good) // 2])
    return path


def _set(key: str, value: Callable[[dict], np.ndarray]) -> Maker:
    return lambda good, path: edited(good, path, lambda a, m: a.__setitem__(key, value(a)))


def _recipe_epochs(epochs: float) -> Maker:
    return lambda good, path: edited(good, path, lambda a, m: m["recipe"]["hyper"].__setitem__("epochs", epochs))


# name: (the good file it starts from, how it is made hostile)
HOSTILE: dict[str, tuple[str, Maker]] = {
    "unexpected optimizer keys": ("adam", _set("optimizer.mystery", lambda a: np.zeros(3, np.float32))),
    "2-D Adam step count": ("adam", _set("optimizer.t", lambda a: np.array([[3]]))),
    "history 1e400": ("adam", history_1e400),
    "recipe epochs 10**18": ("adam", _recipe_epochs(10**18)),
    "recipe epochs 1e18": ("adam", _recipe_epochs(1e18)),
    "malformed .npy header": ("adam", malformed_header),
    "int32 momentum": ("momentum", _set("optimizer.velocity_0", lambda a: a["optimizer.velocity_0"].astype(np.int32))),
    "bool momentum": ("momentum", _set("optimizer.velocity_1", lambda a: a["optimizer.velocity_1"] != 0)),
    "uint8 momentum": ("momentum", _set("optimizer.velocity_2", lambda a: a["optimizer.velocity_2"].astype(np.uint8))),
    "truncated file": ("adam", truncated),
}
