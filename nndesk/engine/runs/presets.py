"""Named recipes: a network shape plus the settings that train it well.

A preset is what the app proposes for a data set before the student changes
anything: ``digits`` for the bundled MNIST digits (the accurate one; see
``benchmarks/digits_accuracy.py`` for how its accuracy was estimated),
``digits-small`` when speed matters more (tests, a first look), ``lecture``
for the slides' 3-2-1 example and ``toy`` for the 2-D sets.  Learning-rate
schedules live here too, by name, so a recipe file can name one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from nndesk.engine.core.control import Hyperparameters
from nndesk.engine.core.network import Network
from nndesk.engine.core.training import Schedule
from nndesk.engine.runs.layer_spec import build


@dataclass(frozen=True)
class Preset:
    name: str
    hidden: tuple[int, ...]  # hidden layer sizes; inputs and outputs come from the data
    activation: str  # hidden activation σ
    cost: str  # cross-entropy gets a softmax output layer (Network.create)
    optimizer: str
    hyper: Hyperparameters
    init: str | None  # None: He for ReLU, Xavier otherwise
    augment: bool  # distort the digits anew each epoch (image data only)
    schedule: str | None  # a ``make_schedule`` name
    description: str
    features: tuple[str, ...] = ()  # convolutions and poolings first (``layer_spec`` tokens): a ConvNet

    def network(self, n_inputs: int, n_outputs: int, seed: int | None = 0) -> Network:
        """A fresh network [n_inputs, *hidden, n_outputs] of this preset (images: square, one channel)."""
        if self.features:
            return build(self.features, self.hidden, n_inputs, n_outputs, None, self.activation, self.cost,
                         self.init, seed)  # type: ignore[return-value]
        return Network.create([n_inputs, *self.hidden, n_outputs], self.activation, self.cost,
                              init=self.init, seed=seed)


PRESETS: dict[str, Preset] = {p.name: p for p in (
    Preset("digits", (800,), "relu", "cross-entropy", "momentum",
           Hyperparameters(learning_rate=0.1, momentum=0.9, l2=0.0, batch_size=128, epochs=400),
           "he", True, "cosine",
           "784-800-10 ReLU, softmax + cross-entropy, momentum SGD with a cosine schedule, trained on "
           "freshly distorted digits every epoch: about 98.8% on digits it never saw (cross-validated "
           "on the 5,000 bundled digits), in about a minute"),
    Preset("digits-small", (32,), "relu", "cross-entropy", "momentum",
           Hyperparameters(learning_rate=0.05, momentum=0.9, l2=0.0, batch_size=32, epochs=5),
           "he", False, None,
           "784-32-10 ReLU, softmax + cross-entropy: trains in seconds, about 92% on unseen digits"),
    Preset("lecture", (2,), "sigmoid", "quadratic", "sgd",
           Hyperparameters(learning_rate=0.1, momentum=0.0, l2=0.0, batch_size=1, epochs=100),
           "small", False, None,
           "the lecture's 3-2-1 sigmoid network, quadratic cost, plain SGD with η = 0.1, one sample at a time"),
    Preset("toy", (8, 8), "tanh", "cross-entropy", "momentum",
           Hyperparameters(learning_rate=0.05, momentum=0.9, l2=0.0, batch_size=16, epochs=200),
           "xavier", False, None,
           "2-8-8-2 tanh with a softmax output, for the 2-D toy sets"),
    Preset("table", (16,), "tanh", "cross-entropy", "momentum",
           Hyperparameters(learning_rate=0.05, momentum=0.9, l2=0.0, batch_size=16, epochs=200),
           "xavier", False, None,
           "one tanh hidden layer sized to the table's columns (recipe.for_dataset), a softmax output, "
           "for a CSV table's standardised inputs"),
    Preset("digits-cnn", (128,), "relu", "cross-entropy", "momentum",
           Hyperparameters(learning_rate=0.05, momentum=0.9, l2=0.0005, batch_size=64, epochs=100),
           "he", True, "cosine",
           "convolutions conv5×5×32 → pool 2×2 → conv5×5×64 → pool 2×2 → 128 → 10, ReLU, softmax + "
           "cross-entropy, momentum SGD with a cosine schedule on freshly distorted digits every epoch: about "
           "99.2–99.3% on digits it never saw (cross-validated on the 5,000 bundled digits), in a few minutes",
           ("conv5x5x32", "pool2", "conv5x5x64", "pool2")),
)}


def preset(name: str) -> Preset:
    """The preset called ``name``; ValueError lists the known names."""
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}") from None


def _cosine(epoch: int, total: int) -> float:
    """½(1 + cos(π·e/E)): starts at 1, glides to almost 0 in the last epoch."""
    return 0.5 * (1.0 + math.cos(math.pi * min(epoch, total) / max(total, 1)))


def _step(epoch: int, total: int) -> float:
    """η, then η/10 from half-way, then η/100 for the last quarter."""
    return 1.0 if epoch < total / 2 else 0.1 if epoch < 3 * total / 4 else 0.01


def _linear(epoch: int, total: int) -> float:
    """1 − e/E: a straight line down to almost 0."""
    return max(1.0 - epoch / max(total, 1), 0.0)


SCHEDULES: dict[str, Schedule | None] = {"constant": None, "cosine": _cosine, "step": _step, "linear": _linear}


def make_schedule(name: str | None) -> Schedule | None:
    """The schedule called ``name`` (factor on η per epoch); ``None``/"constant" keep η as set."""
    if name is None:
        return None
    key = name.lower()
    if key not in SCHEDULES:
        raise ValueError(f"unknown schedule {name!r}; choose one of {', '.join(SCHEDULES)}")
    return SCHEDULES[key]
