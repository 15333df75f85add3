"""What a training run tells whoever watches it: one frozen report per epoch and per (throttled) batch.

A run trains in its own thread while the window reads what it sends.  So a
report is a value, never a view of the training loop's state: its weights are
copies made in the training thread, marked read-only (every listener gets
the same object; none may write into another's data), and nothing in it
changes after it is made.  A report carries the engine's ``EpochStats``
unchanged, so a history is simply the list of them.

Epoch numbers continue across runs (train 5, stop, train 5 more: epochs
6–10); ``continued`` renumbers a run's report into that one story.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from nndesk.engine.core.convnet import ConvNet, weight_layers
from nndesk.engine.core.network import Network
from nndesk.engine.core.training import EpochStats
from nndesk.engine.fast.gradient import BatchGradients

WeightsSnapshot = tuple[tuple[np.ndarray, np.ndarray], ...]  # ((W⁽ˡ⁾, b⁽ˡ⁾), …), read-only copies


def weights_snapshot(network: Network | ConvNet) -> WeightsSnapshot:
    """Read-only copies of every weight layer's weights and bias, safe to hand to another thread."""
    pairs = []
    for layer in weight_layers(network):
        # order="K": W is a view of [W | b]ᵀ, so the copy keeps that layout (a plain memcpy here,
        # and writing it back into another network is one too)
        w, b = layer.weights.copy(order="K"), layer.bias.copy()
        w.flags.writeable = b.flags.writeable = False
        pairs.append((w, b))
    return tuple(pairs)


@dataclass(frozen=True)
class EpochReport:
    """One finished epoch: its stats, the weights after it, the gradients of its last mini-batch."""

    stats: EpochStats
    epochs: int  # the run's epoch budget, in the same numbering as ``stats.epoch`` ("epoch 7 of 12")
    weights: WeightsSnapshot
    gradients: BatchGradients | None = None  # ∂C/∂W, ∂C/∂b of the last batch, multiplied out when first read

    def continued(self, offset: int, lr_changes: tuple[tuple[float, float], ...] | None = None) -> EpochReport:
        """This report ``offset`` epochs later in the story (η markers move along; or ``lr_changes``)."""
        changes = self.stats.lr_changes if lr_changes is None else lr_changes
        stats = replace(self.stats, epoch=self.stats.epoch + offset,
                        lr_changes=tuple((x + offset, eta) for x, eta in changes))
        return replace(self, stats=stats, epochs=self.epochs + offset)


@dataclass(frozen=True)
class BatchReport:
    """Progress inside an epoch (sent at most ~30 times a second)."""

    epoch: int  # 1-based, in the same numbering as ``EpochReport``
    batch: int  # mini-batches done in this epoch
    n_batches: int
    cost: float  # this mini-batch's cost
    samples_per_second: float  # so far in this epoch

    def continued(self, offset: int) -> BatchReport:
        return replace(self, epoch=self.epoch + offset)
