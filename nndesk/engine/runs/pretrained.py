"""The ready-trained digits network the bundled digits open with, so the first digit drawn is read.

``packaging/make_pretrained.py`` trains it reproducibly (the ``digits`` preset
on the bundled digits, with the preset's validation split and seed) and it
ships as ``resources/digits-pretrained.npz``.  It is read like any model file a
student brings (``model_io.load_model``: every check, nothing unpickled) and
used only when it is the network the recipe would train (same sizes, hidden
activation and cost).  A missing, damaged or mismatched file is never fatal:
``ReadyTrained.problem`` says why, and the window starts from random weights.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from nndesk.engine.core.convnet import network_text
from nndesk.engine.core.network import Network
from nndesk.engine.core.training import EpochStats
from nndesk.engine.data.datasets import BUNDLED
from nndesk.engine.runs.model_io import ModelError, load_model
from nndesk.engine.runs.recipe import TrainingRecipe
from nndesk.paths import resource

FILE = "digits-pretrained.npz"  # in resources/


@dataclass(frozen=True, eq=False)
class ReadyTrained:
    """The shipped network and how it was trained, or (``network`` None) why it can't be used."""

    network: Network | None
    history: tuple[EpochStats, ...] = ()
    problem: str = ""

    @property
    def val_accuracy(self) -> float | None:
        """The share of held-out digits it reads right (its last epoch), if recorded."""
        return self.history[-1].val_accuracy if self.history else None


def shipped_path() -> Path:
    """Where the installed file is; FileNotFoundError names it when an installation lacks it."""
    return resource(FILE)


def ready_trained(recipe: TrainingRecipe, path: Path | None = None) -> ReadyTrained | None:
    """The ready-trained network for ``recipe``'s data; None when there is none for that data set
    (only the bundled digits have one); ``network`` None with a ``problem`` when the file can't serve."""
    if recipe.dataset != BUNDLED:
        return None
    try:
        loaded = load_model(path or shipped_path())
    except (FileNotFoundError, ModelError) as e:
        return ReadyTrained(None, problem=str(e))
    net = loaded.network
    wanted = [784, *recipe.hidden, 10]  # the bundled digits: 28×28 pixels in, ten classes out
    hidden = {layer.activation.name for layer in net.layers[:-1]}
    if net.sizes != wanted or hidden - {recipe.activation} or net.cost.name != recipe.cost:
        def shape(sizes: list[int], hidden: str, cost: str) -> str:
            return f"{'-'.join(map(str, sizes))} {hidden}/{cost}"
        return ReadyTrained(None, problem=f"{FILE} holds a {shape(net.sizes, ','.join(sorted(hidden)), net.cost.name)} "
                                          f"network, not the {shape(wanted, recipe.activation, recipe.cost)} "
                                          "one this data set trains")
    # make_pretrained trains this one network start to end: epochs saved before histories named their
    # network were all trained by it (so an edit of it, trained on, gets its mark on the cost plot)
    text = network_text(net)
    return ReadyTrained(net, tuple(replace(s, network=s.network or text) for s in loaded.history))
