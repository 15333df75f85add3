"""Session files (``.nndesk``): the whole desk in one zip, to carry on tomorrow where one stopped today.

The zip holds files nndesk already knows how to write and check, each read by its owner:

    session.json    what the session is: format, version, pace, the parts it holds, the window layout
    model.npz       an ordinary nndesk model file (``model_io``): network, optimizer state, history, and
                    the recipe with the live settings (η, batch size, momentum, …, cost, optimizer,
                    the data set it trains on)
    my-digits.npz   the student's own digits (``my_digits``), when there are any
    points.npz      the points of a hand-made 2-D set (x, y), when the data set is one
    runs.json       the run list (``RunLog.to_list``: ``RunRecord.to_dict`` each)

Nothing is ever unpickled.  Reading trusts nothing: the zip must hold only these names, each
member is extracted with a cap on its size that counts the bytes really inflated (a zip bomb
stops at the cap), JSON is parsed after a size cap with a depth limit, and every part is checked
by the code that owns it (``model_io.load_model`` runs ``model_check``; ``load_my_digits``;
``RunLog.from_list``) before ``load_session`` returns: all of a session or one
``SessionError``.  Saving is atomic (``atomic_write``), so a crash midway leaves the old file.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from nndesk import __version__
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.network import Network
from nndesk.engine.core.optimizers import Optimizer, optimizer as make_optimizer
from nndesk.engine.core.training import EpochStats
from nndesk.engine.data.atomic_write import write_atomic, write_npz_atomic
from nndesk.engine.data.npy_guard import CORRUPT, NpyProblem, looks_like_npz, open_regular, read_arrays
from nndesk.engine.runs import model_io, session_check
from nndesk.engine.runs.recipe import TrainingRecipe
from nndesk.engine.runs.session_check import FORMAT, FORMAT_VERSION, Invalid, Layout

SUFFIX = ".nndesk"
SESSION, MODEL, MY_DIGITS, POINTS, RUNS = "session.json", "model.npz", "my-digits.npz", "points.npz", "runs.json"
PARTS = (MODEL, MY_DIGITS, POINTS, RUNS)
_CAPS = {SESSION: 2**20, MODEL: model_io.MAX_BYTES + 2**20, MY_DIGITS: 4 * 10**8 + 2**20,
         POINTS: 16 * 2**20, RUNS: 32 * 2**20}  # bytes each member may inflate to
_CHUNK = 1 << 20


class SessionError(ValueError):
    """A session file that cannot be used; ``str()`` is "<file>: <problem>" on one line."""

    def __init__(self, path: str | os.PathLike, problem: str) -> None:
        self.path, self.problem = str(path), " ".join(problem.split())
        super().__init__(f"{self.path}: {self.problem}")

    def __reduce__(self):
        return type(self), (self.path, self.problem)


@dataclass(frozen=True, eq=False)
class Session:
    """Everything a session file holds.  ``runs`` are ``RunRecord``s; ``my_digits`` a ``MyDigits``."""

    network: Network
    recipe: TrainingRecipe
    history: tuple[EpochStats, ...] = ()
    optimizer: Optimizer | None = None
    pace: float = 0.0  # epochs per second, 0: as fast as possible
    my_digits: Any = None
    runs: tuple[Any, ...] | None = None
    points: Dataset | None = None
    layout: Layout | None = None
    saved: str = ""  # local time of the save, ISO 8601
    pid: int = 0  # the process that saved it (an autosave whose writer is alive is not a crash's)
    taught_with: dict[str, int] | None = None  # Teach's record (model_io's "taught_with"), kept with the network

    def snapshot(self) -> Session:
        """A copy that shares no array with the live window, for saving in another thread."""
        opt = None
        if self.optimizer is not None:
            opt = make_optimizer(self.optimizer.name, getattr(self.optimizer, "momentum", 0.9), self.optimizer.l2)
            opt.load_state({k: np.array(v, copy=True) for k, v in self.optimizer.state().items()})
        digits = self.my_digits.copy() if self.my_digits is not None else None
        return replace(self, network=self.network.copy(), optimizer=opt, history=tuple(self.history),
                       my_digits=digits, runs=None if self.runs is None else tuple(r.copy() for r in self.runs))


@dataclass(frozen=True)
class SessionInfo:
    """What the restore banner says about an autosave without reading all of it."""

    saved: str
    pid: int
    epochs: int
    dataset: str


# ---- saving --------------------------------------------------------------------------------
def save_session(path: str | os.PathLike, session: Session) -> Path:
    """Write ``session`` to ``path`` atomically; returns the path."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="nndesk-session-") as tmp:
        folder, parts = Path(tmp), [MODEL]
        model_io.save_model(folder / MODEL, session.network, session.recipe, session.history, session.optimizer,
                            taught_with=session.taught_with)
        meta: dict[str, Any] = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "nndesk_version": __version__,
            "saved": session.saved or time.strftime("%Y-%m-%dT%H:%M:%S"), "pid": session.pid or os.getpid(),
            "pace": float(session.pace), "dataset": session.recipe.dataset, "epochs": len(session.history),
            "layout": session.layout.to_json() if session.layout is not None else None, "points": None}
        if session.my_digits is not None and len(session.my_digits):
            from nndesk.engine.data.my_digits import save_my_digits
            save_my_digits(folder / MY_DIGITS, session.my_digits)
            parts.append(MY_DIGITS)
        if session.points is not None:
            pts = session.points
            write_npz_atomic(folder / POINTS, {"x": np.asarray(pts.x, np.float32), "y": np.asarray(pts.y, np.int64)})
            meta["points"] = {"name": pts.name, "n_classes": int(pts.n_classes)}
            parts.append(POINTS)
        if session.runs is not None:
            from nndesk.engine.runs.run_log import RunLog
            text = json.dumps(RunLog(session.runs).to_list(), ensure_ascii=False, allow_nan=False)
            (folder / RUNS).write_text(text, encoding="utf-8")
            parts.append(RUNS)
        meta["parts"] = parts
        text = json.dumps(meta, ensure_ascii=False, allow_nan=False)
        write_atomic(path, lambda f: _zip(f, text, folder, parts))
    return path


def _zip(f: Any, description: str, folder: Path, parts: list[str]) -> None:
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr(SESSION, description, zipfile.ZIP_DEFLATED)
        for name in parts:  # floats barely compress, my digits are deflated inside already; JSON compresses well
            method = zipfile.ZIP_DEFLATED if name.endswith(".json") else zipfile.ZIP_STORED
            zf.write(folder / name, name, method, compresslevel=1 if method == zipfile.ZIP_DEFLATED else None)


# ---- loading -------------------------------------------------------------------------------
def load_session(path: str | os.PathLike) -> Session:
    """Read and check all of a session; any problem raises ``SessionError`` naming the file. Never writes."""
    path = Path(path)
    try:
        with _opened(path) as (zf, members), tempfile.TemporaryDirectory(prefix="nndesk-session-") as tmp:
            meta = _description(zf, members)
            folder = Path(tmp)
            for name in meta["parts"]:
                _extract(zf, members[name], folder / name)
            return _build(path, meta, folder)
    except Invalid as e:
        raise SessionError(path, str(e)) from None
    except NpyProblem as e:
        raise SessionError(path, str(e)) from None
    except SessionError:
        raise
    except (*CORRUPT, MemoryError, RecursionError) as e:
        raise SessionError(path, f"is damaged ({type(e).__name__}: {e})") from None


def peek_session(path: str | os.PathLike) -> SessionInfo:
    """Only ``session.json`` (cheap): when, by which process, how many epochs, which data."""
    path = Path(path)
    try:
        with _opened(path) as (zf, members):
            meta = _description(zf, members)
    except (Invalid, NpyProblem) as e:
        raise SessionError(path, str(e)) from None
    except (*CORRUPT, MemoryError, RecursionError) as e:
        raise SessionError(path, f"is damaged ({type(e).__name__}: {e})") from None
    epochs, dataset = meta.get("epochs", 0), meta.get("dataset", "")
    whole = isinstance(epochs, int) and not isinstance(epochs, bool) and epochs >= 0
    return SessionInfo(meta.get("saved", ""), meta.get("pid", 0), epochs if whole else 0,
                       dataset if isinstance(dataset, str) else "")


class _opened:
    """``with _opened(path) as (zipfile, {name: info})``: a regular file, a zip, only a session's member names."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> tuple[zipfile.ZipFile, dict[str, zipfile.ZipInfo]]:
        self.file = open_regular(self.path)
        try:
            if not looks_like_npz(self.file):
                raise Invalid("is not an nndesk session (not a zip archive)")
            self.zf = zipfile.ZipFile(self.file)
            members: dict[str, zipfile.ZipInfo] = {}
            for info in self.zf.infolist():
                if info.filename not in (SESSION, *PARTS) or info.filename in members:
                    raise Invalid(f"holds a member {info.filename[:60]!r} that an nndesk session does not have")
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    raise Invalid(f"compresses {info.filename} with zip method {info.compress_type}")
                members[info.filename] = info
            if SESSION not in members or MODEL not in members:
                raise Invalid(f"is not an nndesk session (it lacks {SESSION if SESSION not in members else MODEL})")
            return self.zf, members
        except BaseException:
            self.file.close()
            raise

    def __exit__(self, *exc: object) -> None:
        self.zf.close()
        self.file.close()


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, write: Callable[[bytes], Any]) -> None:
    """Inflate a member in chunks, at most its cap and exactly the size it claims (else: bomb or truncated)."""
    cap = _CAPS[info.filename]
    if info.file_size > cap:
        raise Invalid(f"holds {info.filename} of {info.file_size:,} bytes, more than nndesk reads ({cap:,})")
    got = 0
    with zf.open(info) as fp:
        while chunk := fp.read(_CHUNK):
            got += len(chunk)
            if got > info.file_size:
                raise Invalid(f"holds {info.filename} that inflates beyond the size it claims (a zip bomb?)")
            write(chunk)
    if got != info.file_size:
        raise Invalid(f"is truncated: {info.filename} is missing data")


def _json_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, allow_nan: bool = False) -> Any:
    chunks: list[bytes] = []
    _read(zf, info, chunks.append)
    return session_check.parse_json(b"".join(chunks), info.filename, allow_nan)


def _description(zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]) -> dict[str, Any]:
    meta = _json_member(zf, members[SESSION])
    return session_check.description(meta, set(members) - {SESSION}, PARTS)


def _extract(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> None:
    with open(target, "wb") as out:
        _read(zf, info, out.write)


def _build(path: Path, meta: dict[str, Any], folder: Path) -> Session:
    """Each part checked by its owner; all of them, or an error."""
    try:
        model = model_io.load_model(folder / MODEL)
    except model_io.ModelError as e:
        raise SessionError(path, f"holds a network ({MODEL}) that {e.problem}") from None
    if model.recipe is None:
        raise Invalid(f"holds a network ({MODEL}) without the recipe a session always saves")
    layout = session_check.layout(meta.get("layout"))
    parts = set(meta["parts"])
    digits = points = runs = None
    if MY_DIGITS in parts:
        from nndesk.engine.data.my_digits import load_my_digits
        try:
            digits, problems = load_my_digits(folder / MY_DIGITS)
        except ValueError as e:
            raise Invalid(f"holds my digits ({MY_DIGITS}) that can't be read: {_after_path(e, folder)}") from None
        if problems:
            raise Invalid(f"holds my digits ({MY_DIGITS}) with a bad entry: {_after_path(problems[0], folder)}")
    if POINTS in parts:
        with open_regular(folder / POINTS) as f:
            arrays = read_arrays(f, lambda keys: {k: frozenset({"f4", "f8", "i8", "i4"}) for k in keys},
                                 _CAPS[POINTS])
        points = session_check.points(meta.get("points"), arrays)
    if RUNS in parts:
        runs = _runs(session_check.parse_json((folder / RUNS).read_bytes(), RUNS))
    return Session(model.network, model.recipe, model.history, model.optimizer(), float(meta.get("pace", 0.0)),
                   digits, runs, points, layout, meta.get("saved", ""), meta.get("pid", 0),
                   model.metadata.get("taught_with"))  # (model_check checked it; the window's setter again)


def _runs(raw: Any) -> tuple[Any, ...]:
    from nndesk.engine.runs.run_log import RunLog

    try:
        return tuple(RunLog.from_list(raw).records)
    except (ValueError, TypeError, KeyError) as e:
        raise Invalid(f"has a run list ({RUNS}) that is not one: {e}") from None


def _after_path(e: object, folder: Path) -> str:
    """A part's own message without the temporary folder it was read from."""
    return str(e).replace(str(folder) + os.sep, "")
