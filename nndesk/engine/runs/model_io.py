"""Model files: one ``.npz`` of plain arrays plus a JSON description, written atomically.

Arrays: ``W0, b0, W1, b1, …`` (``weights[k, j]`` = w_kj, as in ``layers``),
``frozen<l>``/``frozen_bias<l>`` masks when some weights are frozen,
``optimizer.<key>`` for the optimizer's state (momentum, Adam moments), and
``metadata``: UTF-8 JSON as a uint8 array — never an object array, so the
file loads with ``allow_pickle=False`` and a model file can't run code.

The JSON says what the arrays mean (sizes, activations, cost), how they were
made (recipe, history, seed, data set) and how to feed the network (the
preprocessing its inputs expect).  ``FORMAT_VERSION`` grows when the layout
changes; a file from a newer nndesk is refused with a clear message instead
of being misread.

Saving goes to a temporary file in the same folder, is fsync'ed, then
``os.replace``d over the target: a crash midway leaves the old file intact.
Loading trusts nothing: every way a file can be wrong ends in ``ModelError``.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nndesk import __version__
from nndesk.engine.core.activations import ACTIVATIONS, activation
from nndesk.engine.core.costs import COSTS, cost as make_cost
from nndesk.engine.core.layers import Dense
from nndesk.engine.core.network import Network
from nndesk.engine.core.optimizers import OPTIMIZERS, Optimizer, optimizer as make_optimizer
from nndesk.engine.core.training import EpochStats
from nndesk.engine.data.npy_guard import NpyProblem, check_npy_member, looks_like_npz
from nndesk.engine.data.preprocess import PREPROCESSING
from nndesk.engine.runs.recipe import TrainingRecipe

FORMAT = "nndesk-model"
FORMAT_VERSION = 1
MAX_VALUES = 10**8  # per array: far above any network the app can build
MAX_METADATA = 16 * 2**20  # bytes of JSON
_OPT = "optimizer."


class ModelError(ValueError):
    """A model file that cannot be used; ``str()`` is "<file>: <problem>" on one line."""

    def __init__(self, path: str | os.PathLike, problem: str) -> None:
        self.path, self.problem = str(path), " ".join(problem.split())
        super().__init__(f"{self.path}: {self.problem}")

    def __reduce__(self):  # picklable although __init__ takes two arguments
        return type(self), (self.path, self.problem)


@dataclass(frozen=True, eq=False)
class LoadedModel:
    network: Network
    recipe: TrainingRecipe | None
    history: tuple[EpochStats, ...]
    metadata: dict[str, Any]
    optimizer_state: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def preprocessing(self) -> str | None:
        """How inputs must be prepared, e.g. ``"mnist-centre-of-mass-28"`` (None: raw features)."""
        return self.metadata.get("preprocessing")

    def optimizer(self) -> Optimizer | None:
        """The saved optimizer with its state restored, to continue training where it stopped."""
        opt = self.metadata.get("optimizer")
        if not opt:
            return None
        hyper = self.recipe.hyper if self.recipe else None
        out = make_optimizer(opt["name"], *((hyper.momentum, hyper.l2) if hyper else ()))
        out.load_state(dict(self.optimizer_state))
        return out


def save_model(path: str | os.PathLike, network: Network, recipe: TrainingRecipe | None = None,
               history: tuple[EpochStats, ...] | list[EpochStats] = (), optimizer: Optimizer | None = None,
               extra: dict[str, Any] | None = None, image_shape: tuple[int, int] | None = None) -> Path:
    """Write ``network`` and how it was made to ``path`` atomically; returns the path.

    ``image_shape`` defaults to 28×28 for 784 inputs, which also records the
    MNIST preprocessing.  ``extra`` must be JSON-serialisable.
    """
    path = Path(path)
    sizes = network.sizes
    if image_shape is None and sizes[0] == 784:
        image_shape = (28, 28)
    image_shape = tuple(image_shape) if image_shape is not None else None
    arrays: dict[str, np.ndarray] = {}
    for l, layer in enumerate(network.layers):
        arrays[f"W{l}"], arrays[f"b{l}"] = np.ascontiguousarray(layer.weights), layer.bias  # C order on disk
        if layer.frozen is not None:
            arrays[f"frozen{l}"] = layer.frozen.astype(bool)
        if layer.frozen_bias is not None:
            arrays[f"frozen_bias{l}"] = layer.frozen_bias.astype(bool)
    state = optimizer.state() if optimizer is not None else {}
    arrays.update({_OPT + k: np.asarray(v) for k, v in state.items()})
    meta = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "nndesk_version": __version__,
        "sizes": sizes, "activations": [layer.activation.name for layer in network.layers],
        "cost": network.cost.name, "dtype": network.dtype.name,
        "recipe": recipe.to_dict() if recipe is not None else None,
        "history": [s.as_dict() for s in history],
        "seed": recipe.seed if recipe is not None else None,
        "dataset": recipe.dataset if recipe is not None else None,
        "image_shape": list(image_shape) if image_shape else None,
        "preprocessing": PREPROCESSING if image_shape == (28, 28) else None,
        "optimizer": {"name": optimizer.name, "arrays": sorted(state)} if optimizer is not None else None,
        "extra": extra or {},
    }
    try:
        text = json.dumps(meta, ensure_ascii=False)  # NaN (no validation set) is written as NaN
    except (TypeError, ValueError) as e:
        raise ValueError(f"model metadata must be JSON-serialisable: {e}") from None
    arrays["metadata"] = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    _write_atomic(path, arrays)
    return path


def _write_atomic(path: Path, arrays: dict[str, np.ndarray]) -> None:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:  # name the file the user asked for, not the temporary one
        raise OSError(e.errno, e.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, **arrays)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a model is an ordinary document
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable (POSIX; not on Windows)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


# ---- loading -----------------------------------------------------------------
_DAMAGED = (OSError, EOFError, ValueError, TypeError, KeyError, IndexError, RuntimeError, NotImplementedError,
            OverflowError, MemoryError, zipfile.BadZipFile, UnicodeError, RecursionError)


def load_model(path: str | os.PathLike) -> LoadedModel:
    """Read a model file; any problem raises ``ModelError`` naming the file. Never writes."""
    path = Path(path)
    try:
        is_npz = looks_like_npz(path)
    except OSError as e:
        raise ModelError(path, f"cannot open it: {e.strerror or e}") from None
    if not is_npz:
        raise ModelError(path, "is not an nndesk model file (not an .npz archive)")
    try:
        with zipfile.ZipFile(path) as zf:
            counts = {info.filename[:-4]: _npy_header(path, zf, info) for info in zf.infolist()
                      if info.filename.endswith(".npy")}
        if "metadata" not in counts:
            raise ModelError(path, "is not an nndesk model file (an .npz archive without nndesk's metadata)")
        if sum(counts.values()) > MAX_VALUES:
            raise ModelError(path, f"declares {sum(counts.values()):,} values in all, more than nndesk reads")
        with np.load(path, allow_pickle=False) as npz:
            meta = _metadata(path, npz["metadata"])
            arrays = {k: npz[k] for k in counts if k != "metadata"}
        return _build(path, meta, arrays)
    except ModelError:
        raise
    except _DAMAGED as e:
        raise ModelError(path, f"is damaged ({type(e).__name__}: {e})") from None


def _npy_header(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """Check one member's .npy header before numpy allocates what it declares; returns its size."""
    try:
        shape, _ = check_npy_member(zf, info, MAX_VALUES)
    except NpyProblem as e:
        raise ModelError(path, str(e)) from None
    return math.prod(shape)


def _metadata(path: Path, raw: np.ndarray) -> dict[str, Any]:
    if raw.dtype != np.uint8 or raw.ndim != 1 or len(raw) > MAX_METADATA:
        raise ModelError(path, "has metadata that is not UTF-8 JSON text")
    try:
        meta = json.loads(raw.tobytes().decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise ModelError(path, f"has metadata that is not valid JSON ({e})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ModelError(path, "is not an nndesk model file (its metadata is another program's)")
    version = meta.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ModelError(path, f"has an invalid format version {version!r}")
    if version > FORMAT_VERSION:
        raise ModelError(path, f"was saved by a newer nndesk ({meta.get('nndesk_version', '?')}, model format "
                               f"{version}; this nndesk {__version__} reads up to {FORMAT_VERSION}); update nndesk")
    return meta


def _build(path: Path, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> LoadedModel:
    def bad(problem: str) -> ModelError:
        return ModelError(path, problem)

    sizes, acts, cost_name = meta.get("sizes"), meta.get("activations"), meta.get("cost")
    if (not isinstance(sizes, list) or len(sizes) < 2 or not all(type(n) is int and n >= 1 for n in sizes)
            or not isinstance(acts, list) or len(acts) != len(sizes) - 1):
        raise bad(f"has invalid layer sizes {sizes!r} or activations {acts!r}")
    for name in acts:
        if name not in ACTIVATIONS:
            raise bad(f"uses an unknown activation {name!r}")
    if cost_name not in COSTS:
        raise bad(f"uses an unknown cost {cost_name!r}")
    layers = []
    for l, (n_in, n_out, name) in enumerate(zip(sizes, sizes[1:], acts)):
        w, b = _array(path, arrays, f"W{l}", (n_out, n_in), "f"), _array(path, arrays, f"b{l}", (n_out,), "f")
        if w.dtype != b.dtype or (layers and w.dtype != layers[0].weights.dtype):
            raise bad(f"mixes number types across its weights ({w.dtype}, {b.dtype})")
        frozen = _array(path, arrays, f"frozen{l}", (n_out, n_in), "b", required=False)
        frozen_bias = _array(path, arrays, f"frozen_bias{l}", (n_out,), "b", required=False)
        layers.append(Dense(w, b, activation(name), frozen, frozen_bias))
    try:
        network = Network(layers, make_cost(cost_name))
    except ValueError as e:
        raise bad(f"describes an impossible network: {e}") from None
    recipe = None
    if meta.get("recipe") is not None:
        try:
            recipe = TrainingRecipe.from_dict(meta["recipe"])
        except (ValueError, TypeError) as e:
            raise bad(f"has an invalid training recipe: {e}") from None
    opt = meta.get("optimizer")
    state = {k[len(_OPT):]: v for k, v in arrays.items() if k.startswith(_OPT)}
    if opt is not None and not (isinstance(opt, dict) and opt.get("name") in OPTIMIZERS
                                and opt.get("arrays") == sorted(state)):
        raise bad("has optimizer state that doesn't match its description")
    for k, v in state.items():
        if v.dtype.kind == "f" and not np.all(np.isfinite(v)):
            raise bad(f"has NaN or infinite values in the optimizer's {k}")
    return LoadedModel(network, recipe, _history(path, meta.get("history")), meta, state)


def _array(path: Path, arrays: dict[str, np.ndarray], key: str, shape: tuple[int, ...], kind: str,
           required: bool = True) -> np.ndarray | None:
    a = arrays.get(key)
    if a is None:
        if required:
            raise ModelError(path, f"is missing the array {key}")
        return None
    if a.shape != shape or a.dtype.kind != kind:
        want = "float" if kind == "f" else "bool"
        raise ModelError(path, f"has {key} of shape {a.shape} ({a.dtype}); the layer sizes need {shape} {want}")
    if kind == "f" and not np.all(np.isfinite(a)):
        raise ModelError(path, f"has NaN or infinite values in {key}")
    return a


def _history(path: Path, raw: Any) -> tuple[EpochStats, ...]:
    if raw is None:
        return ()
    out = []
    try:
        for d in raw:
            d = dict(d)
            changes = tuple((float(e), float(lr)) for e, lr in d.pop("lr_changes", ()))
            if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in d.values()):
                raise TypeError("non-numeric value")
            out.append(EpochStats(**d, lr_changes=changes))
    except (TypeError, ValueError) as e:
        raise ModelError(path, f"has an invalid training history ({e})") from None
    return tuple(out)
