"""TrainingRecipe: everything that defines a training run, and the one place a run is assembled.

The CLI, the GUI and model files all describe a run with this one frozen
value: data set, architecture, cost, optimizer, hyperparameters, seed, and
the lecture's tolerance (step 4.1: a sample whose outputs are all within
``tolerance`` of its target changes no weight).  ``make_trainer`` turns it
into a ``Trainer`` — validation split, augmentation, schedule — so a run
started from the command line and one started from the window behave alike,
and a saved model records exactly how it was made.

Every recipe is valid: ``__post_init__`` checks each field, so a recipe read
from a model file or typed on the command line fails early with a
``ValueError`` that says which setting is wrong.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from nndesk.engine.core.activations import HIDDEN_ACTIVATIONS, activation as make_activation
from nndesk.engine.core.control import Hyperparameters, TrainingControl
from nndesk.engine.core.costs import cost as make_cost
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.initializers import INITIALIZERS
from nndesk.engine.core.network import Network
from nndesk.engine.core.optimizers import OPTIMIZERS, Optimizer
from nndesk.engine.core.training import BatchCallback, Trainer
from nndesk.engine.data.augment import make_augmenter
from nndesk.engine.data.datasets import BUNDLED, DataSource, load
from nndesk.engine.data.readers import DataError
from nndesk.engine.data.table import hidden_for, peek_inputs
from nndesk.engine.data.toy import TOY
from nndesk.engine.runs import layer_spec
from nndesk.engine.runs.presets import make_schedule, preset

# The ranges every recipe stays in, whoever wrote it (command line, window, model file): beyond
# them a value is a typo or a hostile file, not a plan.  The CLI and model loading use these, not copies.
MAX_NEURONS = 10_000  # per hidden layer
MAX_HIDDEN_LAYERS = 16
MAX_EPOCHS = 100_000  # per run (the window's epochs box goes as far)
MAX_BATCH_SIZE = 60_000  # the whole MNIST training set in one batch: full-batch gradient descent
MAX_L2 = 1.0  # λ: at η·λ ≥ 1 weight decay alone flips every weight's sign
_PRESET_DATA = {"lecture": "lecture", "toy": "xor"}  # the data a preset is for; digits presets: BUNDLED
_HYPER = {f.name for f in fields(Hyperparameters)}


@dataclass(frozen=True)
class TrainingRecipe:
    dataset: str = "mnist-bundled"  # a ``datasets.load`` spec: bundled/toy name or a path
    hidden: tuple[int, ...] = (30,)
    activation: str = "sigmoid"  # hidden layers; the output follows from the cost
    cost: str = "cross-entropy"
    optimizer: str = "sgd"
    hyper: Hyperparameters = field(default_factory=Hyperparameters)
    init: str | None = None  # None: He for the ReLU family, else Xavier
    seed: int = 0  # weights, shuffling, split, augmentation and the toy data
    augment: bool = False  # digit distortions each epoch (image data only)
    schedule: str | None = None  # a ``presets.make_schedule`` name
    tolerance: float | None = None  # the lecture's step 4.1
    val_fraction: float = 0.1  # held out when the data has no test split
    preset: str | None = None  # the preset it started from, for display
    features: tuple[str, ...] = ()  # convolutions and poolings before the hidden layers (``layer_spec`` tokens)

    def __post_init__(self) -> None:
        _set = object.__setattr__  # frozen: normalise in place once, at construction
        if not isinstance(self.dataset, str) or not self.dataset:
            raise ValueError("the data set must be a non-empty name or path")
        hidden = tuple(self.hidden)
        if len(hidden) > MAX_HIDDEN_LAYERS or not all(_is_int(n) and 1 <= n <= MAX_NEURONS for n in hidden):
            raise ValueError(f"hidden layers must be at most {MAX_HIDDEN_LAYERS} sizes of 1..{MAX_NEURONS} "
                             f"neurons, got {list(hidden)}")
        _set(self, "hidden", tuple(int(n) for n in hidden))
        act = make_activation(_text(self.activation, "activation")).name
        if act not in HIDDEN_ACTIVATIONS:
            raise ValueError(f"{act} can't be a hidden activation; choose one of {', '.join(HIDDEN_ACTIVATIONS)}")
        _set(self, "activation", act)
        _set(self, "cost", make_cost(_text(self.cost, "cost")).name)
        if _text(self.optimizer, "optimizer").lower() not in OPTIMIZERS:
            raise ValueError(f"unknown optimizer {self.optimizer!r}; choose one of {', '.join(OPTIMIZERS)}")
        _set(self, "optimizer", self.optimizer.lower())
        if not isinstance(self.hyper, Hyperparameters):
            raise ValueError("hyper must be a Hyperparameters")
        _check_ranges(self.hyper.validated())
        if self.init is not None and self.init not in INITIALIZERS:
            raise ValueError(f"unknown initialisation {self.init!r}; choose one of {', '.join(INITIALIZERS)}")
        if not (_is_int(self.seed) and 0 <= self.seed < 2**63):
            raise ValueError(f"the seed must be a whole number ≥ 0, got {self.seed!r}")
        if not isinstance(self.augment, bool):
            raise ValueError(f"augment must be true or false, got {self.augment!r}")
        if self.schedule is not None:
            make_schedule(_text(self.schedule, "schedule"))  # raises ValueError for an unknown name
        if self.tolerance is not None and not (_is_number(self.tolerance) and 0 <= self.tolerance < math.inf):
            raise ValueError(f"the tolerance must be a number ≥ 0, got {self.tolerance!r}")
        if not (_is_number(self.val_fraction) and 0 <= self.val_fraction < 1):
            raise ValueError(f"the validation fraction must be in [0, 1), got {self.val_fraction!r}")
        if self.preset is not None:
            _text(self.preset, "preset")
        if isinstance(self.features, str) or not all(isinstance(t, str) for t in self.features):
            raise ValueError(f"features must be a list of layer names like conv5x5x32, got {self.features!r}")
        _set(self, "features", tuple(layer_spec.token(layer_spec.parse_feature(t)) for t in self.features))
        layer_spec.check_counts(self.features, self.hidden, MAX_HIDDEN_LAYERS)

    # ---- building ------------------------------------------------------------
    @classmethod
    def from_preset(cls, name: str, **overrides: Any) -> TrainingRecipe:
        """The named preset's recipe, with fields or hyperparameters (``learning_rate=…``) replaced."""
        p = preset(name)
        base = cls(dataset=_PRESET_DATA.get(p.name, BUNDLED), hidden=tuple(p.hidden), activation=p.activation,
                   cost=p.cost, optimizer=p.optimizer, hyper=p.hyper, init=p.init, augment=p.augment,
                   schedule=p.schedule, preset=p.name, features=p.features)
        return base.with_changes(**overrides)

    @classmethod
    def for_dataset(cls, dataset: str, preset_name: str | None = None, **overrides: Any) -> TrainingRecipe:
        """A recipe for ``dataset``: the given preset, or the one made for that kind of data."""
        name = preset_name or default_preset(dataset)
        if name == "table" and "hidden" not in overrides:  # its hidden layer is sized to the table's columns
            overrides["hidden"] = (hidden_for(peek_inputs(dataset) or 2),)
        return cls.from_preset(name, dataset=dataset, **overrides)

    def with_changes(self, **changes: Any) -> TrainingRecipe:
        """A copy with some fields changed; Hyperparameters fields may be given directly."""
        hyper = {k: changes.pop(k) for k in list(changes) if k in _HYPER}
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise ValueError(f"unknown recipe setting(s): {', '.join(sorted(unknown))}")
        if hyper:
            changes["hyper"] = replace(changes.get("hyper", self.hyper), **hyper)
        return replace(self, **changes)

    def load_data(self) -> DataSource:
        """The recipe's data set (toy sets are drawn with the recipe's seed)."""
        return load(self.dataset, seed=self.seed)

    def build_network(self, n_in: int, n_out: int, image_shape: tuple[int, int] | None = None) -> Network:
        """A fresh network [n_in, *hidden, n_out], seeded by the recipe (a ``ConvNet`` with ``features``)."""
        if self.features:
            return layer_spec.build(self.features, self.hidden, n_in, n_out, image_shape, self.activation,
                                    self.cost, self.init, self.seed)  # type: ignore[return-value]
        return Network.create([n_in, *self.hidden, n_out], self.activation, self.cost,
                              init=self.init, seed=self.seed)

    def split(self, source: DataSource) -> tuple[Dataset, Dataset | None]:
        """(train, validation): the test split if there is one, else a stratified hold-out."""
        train = source.train
        if train is None:
            raise DataError(source.name, "holds only test digits (t10k files); training needs the train files")
        if source.test is not None:
            return train, source.test
        if self.val_fraction == 0:
            return train, None
        fit, val = train.split(self.val_fraction, seed=self.seed)
        return (train, None) if len(val) == 0 or len(fit) == 0 else (fit, val)  # too few samples to hold out

    def make_trainer(self, network: Network, source: DataSource, control: TrainingControl | None = None,
                     on_batch: BatchCallback | None = None, optimizer: Optimizer | None = None) -> Trainer:
        """A Trainer for ``network`` on ``source`` as the recipe says.

        ``control`` defaults to one holding the recipe's hyperparameters; pass
        ``optimizer`` (e.g. restored from a model file) to continue its momentum.
        Augmentation applies only to image data and is skipped silently otherwise.
        """
        train, val = self.split(source)
        augment = make_augmenter() if self.augment and train.image_shape is not None else None
        schedule = make_schedule(self.schedule) if self.schedule is not None else None
        return Trainer(network, train, val, control=control or TrainingControl(self.hyper),
                       optimizer=optimizer or self.optimizer, seed=self.seed, augment=augment,
                       tolerance=self.tolerance, schedule=schedule, on_batch=on_batch)

    # ---- JSON ----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["hidden"] = list(self.hidden)
        if self.features:  # a dense recipe's JSON stays as older nndesk versions write and read it
            d["features"] = list(self.features)
        else:
            del d["features"]
        return d

    @classmethod
    def from_dict(cls, d: Any) -> TrainingRecipe:
        """The recipe ``to_dict`` wrote; ValueError for unknown keys or bad values."""
        if not isinstance(d, dict):
            raise ValueError(f"a recipe must be a JSON object, got {type(d).__name__}")
        unknown = set(d) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"unknown recipe field(s): {', '.join(sorted(unknown))}")
        d = dict(d)
        if "hidden" in d and not isinstance(d["hidden"], (list, tuple)):
            raise ValueError(f"hidden must be a list of layer sizes, got {d['hidden']!r}")
        if "hyper" in d:
            d["hyper"] = _hyper_from_dict(d["hyper"])
        return cls(**d)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> TrainingRecipe:
        try:
            d = json.loads(text)
        except (TypeError, ValueError) as e:
            raise ValueError(f"a recipe must be JSON: {e}") from None
        return cls.from_dict(d)


def default_preset(dataset: str) -> str:
    """The preset the app proposes for a data set: lecture, toy (also 2-D tables), table, or ``digits``."""
    if dataset == "lecture" or dataset in TOY:
        return "lecture" if dataset == "lecture" else "toy"
    width = peek_inputs(dataset)  # a CSV table's or a points .npz's inputs; None for digits
    return "digits" if width is None else "toy" if width == 2 else "table"


def _hyper_from_dict(d: Any) -> Hyperparameters:
    if not isinstance(d, dict) or set(d) - _HYPER:
        raise ValueError(f"hyper must be an object with keys among {', '.join(sorted(_HYPER))}")
    for k, v in d.items():
        ok = _is_int(v) if k in ("batch_size", "epochs") else _is_number(v)
        if not ok or not math.isfinite(v):
            raise ValueError(f"hyper.{k} must be a finite {'whole ' if k in ('batch_size', 'epochs') else ''}"
                             f"number, got {v!r}")
    return Hyperparameters(**d).validated()


def _check_ranges(h: Hyperparameters) -> None:
    """The bounds ``Hyperparameters.validated`` leaves open (it also guards live edits, which the window's
    boxes already bound); NaN fails every comparison, so it is refused too."""
    if not (_is_int(h.epochs) and 1 <= h.epochs <= MAX_EPOCHS):
        raise ValueError(f"epochs must be a whole number from 1 to {MAX_EPOCHS:,}, got {h.epochs!r}")
    if not (_is_int(h.batch_size) and 1 <= h.batch_size <= MAX_BATCH_SIZE):
        raise ValueError(f"the batch size must be a whole number from 1 to {MAX_BATCH_SIZE:,}, got {h.batch_size!r}")
    if not (_is_number(h.l2) and 0 <= h.l2 <= MAX_L2):
        raise ValueError(f"L2 (λ) must be from 0 to {MAX_L2:g}, got {h.l2!r}")


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and not math.isnan(v)


def _text(v: Any, what: str) -> str:
    if not isinstance(v, str):
        raise ValueError(f"{what} must be a name, got {v!r}")
    return v
