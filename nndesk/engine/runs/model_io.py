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
``os.replace``d over the target: a crash midway leaves the old file intact,
and the next save of that file removes the crashed one's temporary file
(``stale_temps``).
Loading trusts nothing: every way a file can be wrong ends in ``ModelError``.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nndesk import __version__
from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.network import Network
from nndesk.engine.core.optimizers import Optimizer, optimizer as make_optimizer
from nndesk.engine.core.training import EpochStats
from nndesk.engine.data.atomic_write import write_npz_atomic
from nndesk.engine.data.npy_guard import FLOATS, NUMBERS, NpyProblem, looks_like_npz, open_regular, read_arrays
from nndesk.engine.data.preprocess import PREPROCESSING
from nndesk.engine.runs import conv_model, model_check
from nndesk.engine.runs.recipe import TrainingRecipe

FORMAT = "nndesk-model"
FORMAT_VERSION = 1  # dense networks: files older nndesk versions read too
READS_UP_TO = conv_model.FORMAT_VERSION  # 2: convolutional networks (``conv_model``)
MAX_BYTES = 10**9  # all arrays together: a 784-10000-10000-10 float32 network with momentum is 860 MB
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
               extra: dict[str, Any] | None = None, image_shape: tuple[int, int] | None = None,
               taught_with: dict[str, int] | None = None) -> Path:
    """Write ``network`` and how it was made to ``path`` atomically; returns the path.

    ``image_shape`` defaults to 28×28 for 784 inputs, which also records the
    MNIST preprocessing.  ``extra`` must be JSON-serialisable.  ``taught_with`` records that the
    student's own digits took part (Teach: how many, which held-out turn); older files lack it.
    """
    path = Path(path)
    sizes = network.sizes
    if image_shape is None and sizes[0] == 784:
        image_shape = (28, 28)
    image_shape = tuple(image_shape) if image_shape is not None else None
    arrays: dict[str, np.ndarray] = {}
    for l, layer in enumerate(conv_model.weight_layers(network)):
        arrays[f"W{l}"], arrays[f"b{l}"] = np.ascontiguousarray(layer.weights), layer.bias  # C order on disk
        if layer.frozen is not None:
            arrays[f"frozen{l}"] = layer.frozen.astype(bool)
        if layer.frozen_bias is not None:
            arrays[f"frozen_bias{l}"] = layer.frozen_bias.astype(bool)
    state = optimizer.state() if optimizer is not None else {}
    arrays.update({_OPT + k: np.asarray(v) for k, v in state.items()})
    meta = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "nndesk_version": __version__,
        "sizes": sizes, "activations": [layer.activation.name for layer in conv_model.weight_layers(network)],
        "cost": network.cost.name, "dtype": network.dtype.name,
        "recipe": recipe.to_dict() if recipe is not None else None,
        "history": [s.as_dict() for s in history],
        "seed": recipe.seed if recipe is not None else None,
        "dataset": recipe.dataset if recipe is not None else None,
        "image_shape": list(image_shape) if image_shape else None,
        "preprocessing": PREPROCESSING if image_shape == (28, 28) else None,
        "optimizer": {"name": optimizer.name, "arrays": sorted(state)} if optimizer is not None else None,
        "extra": extra or {},
        "taught_with": taught_with,
    }
    if isinstance(network, ConvNet):
        meta.update(conv_model.metadata(network))
    try:
        text = json.dumps(meta, ensure_ascii=False)  # NaN (no validation set) is written as NaN
    except (TypeError, ValueError) as e:
        raise ValueError(f"model metadata must be JSON-serialisable: {e}") from None
    arrays["metadata"] = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    write_npz_atomic(path, arrays)
    return path


# ---- loading -----------------------------------------------------------------
_DAMAGED = (OSError, EOFError, ValueError, TypeError, KeyError, IndexError, RuntimeError, NotImplementedError,
            OverflowError, MemoryError, zipfile.BadZipFile, UnicodeError, RecursionError)


def load_model(path: str | os.PathLike) -> LoadedModel:
    """Read a model file; any problem raises ``ModelError`` naming the file. Never writes."""
    path = Path(path)
    try:
        with open_regular(path) as f:  # a FIFO or device is refused at once: the window must not freeze
            if not looks_like_npz(f):
                raise ModelError(path, "is not an nndesk model file (not an .npz archive)")
            arrays = read_arrays(f, _model_arrays, MAX_BYTES)
        meta = _metadata(path, arrays.pop("metadata"))
        return _build(path, meta, arrays)
    except NpyProblem as e:
        raise ModelError(path, str(e)) from None
    except ModelError:
        raise
    except _DAMAGED as e:
        raise ModelError(path, f"is damaged ({type(e).__name__}: {e})") from None


_MEMBERS = ((re.compile(r"(W|b)\d{1,4}"), FLOATS), (re.compile(r"frozen(_bias)?\d{1,4}"), frozenset({"b1"})),
            (re.compile(r"metadata"), frozenset({"u1"})),
            (re.compile(_OPT.replace(".", r"\.") + r"[A-Za-z]{1,16}(_\d{1,5})?"), NUMBERS | {"b1"}))


def _model_arrays(names: frozenset[str]) -> dict[str, frozenset[str]]:
    """The dtypes each array of a model file may have; names no nndesk writes are left out (so refused)."""
    if "metadata" not in names:
        raise NpyProblem("is not an nndesk model file (an .npz archive without nndesk's metadata)")
    return {name: dtypes for name in names for pattern, dtypes in _MEMBERS if pattern.fullmatch(name)}


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
    if version > READS_UP_TO:
        raise ModelError(path, f"was saved by a newer nndesk ({meta.get('nndesk_version', '?')}, model format "
                               f"{version}; this nndesk {__version__} reads up to {READS_UP_TO}); "
                               "update nndesk")
    return meta


def _build(path: Path, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> LoadedModel:
    """Everything checked (``model_check``) before anything is returned: all of the model or an error."""
    state = {k[len(_OPT):]: arrays.pop(k) for k in [k for k in arrays if k.startswith(_OPT)]}
    try:
        model_check.check_metadata(meta)
        checks = conv_model if conv_model.is_conv(meta) else model_check
        network = checks.network(meta, arrays)
        recipe = checks.recipe(meta, network)
        state = model_check.optimizer_state(meta, network, state)
        history = model_check.history(meta.get("history"))
    except model_check.Invalid as e:
        raise ModelError(path, str(e)) from None
    return LoadedModel(network, recipe, history, meta, state)
