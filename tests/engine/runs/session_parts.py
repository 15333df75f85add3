"""A session with every part really made (engine tests of round trips and of hostile files share it)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.runs.recipe import TrainingRecipe
from nndesk.engine.runs.session_check import GEOMETRY_MAGIC, STATE_MARKER, Layout
from nndesk.engine.runs.session_io import Session, save_session


def layout() -> Layout:
    """Bytes that start as Qt's saveState(3) and saveGeometry() do (the rest is the window's business)."""
    return Layout(STATE_MARKER + (3).to_bytes(4, "big") + bytes(range(40)), GEOMETRY_MAGIC + bytes(range(60)), 3)


def my_digits(n: int = 3):
    from nndesk.engine.data.my_digits import MyDigits

    rng = np.random.default_rng(1)
    digits = MyDigits()
    for i in range(n):
        digits.add(rng.integers(0, 256, (280, 280), dtype=np.uint8), rng.random((28, 28), dtype=np.float32), i % 10)
    return digits


def runs(history) -> tuple:
    from nndesk.engine.runs.run_log import RunLog

    log = RunLog()
    record = log.start({"learning_rate": 0.05, "batch_size": 32, "epochs": 2, "momentum": 0.9,
                        "optimizer": "momentum", "cost": "cross-entropy", "layers": [2, 5, 2], "dataset": "xor"})
    for stats in history:
        record.add_epoch(stats)
    record.end("finished")
    return tuple(log.records)


def points() -> Dataset:
    rng = np.random.default_rng(2)
    x = rng.normal(size=(40, 2)).astype(np.float32)
    return Dataset("xor (my points)", x, (x[:, 0] * x[:, 1] > 0).astype(np.int64), 2)


def full_session(optimizer: str = "momentum") -> Session:
    """xor trained two epochs with ``optimizer``, plus pace, layout, points, my digits and a run."""
    recipe = TrainingRecipe.for_dataset("xor", hidden=(5,), optimizer=optimizer, epochs=2, learning_rate=0.05,
                                        batch_size=16)
    net = recipe.build_network(2, 2)
    trainer = recipe.make_trainer(net, recipe.load_data())
    list(trainer.epochs())
    return Session(net, recipe, tuple(trainer.history), trainer.optimizer, pace=5.0, my_digits=my_digits(),
                   runs=runs(trainer.history), points=points(), layout=layout())


def saved(path: Path, session: Session | None = None) -> Path:
    return save_session(path, session or full_session())


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def rezip(path: Path, parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def npz_members(data: bytes) -> dict[str, np.ndarray]:
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        return {k: npz[k] for k in npz.files}


def npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()
