"""The training loop: an iterator of epochs, shared by the GUI worker, the CLI and the tests.

``Trainer.epochs()`` yields one immutable ``EpochStats`` per epoch and never
prints.  Between mini-batches it reads ``TrainingControl`` (learning rate,
momentum, L2, batch size, pause, stop), so changes apply at the next batch.
One mini-batch is the lecture's steps 2–6: forward, compare, cost, backprop,
update w ← w − η·∇C.  A run whose cost turns NaN/inf raises
``TrainingDiverged`` after putting back the weights it had when the epoch
began, so no work is lost.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass

import numpy as np

from nndesk.engine.control import TrainingControl
from nndesk.engine.dataset import Dataset
from nndesk.engine.network import Network
from nndesk.engine.optimizers import Optimizer, optimizer as make_optimizer

# (images float32 (n, h, w) in 0..1, rng) -> images of the same shape
Augmenter = Callable[[np.ndarray, np.random.Generator], np.ndarray]
# (epoch, batch index, number of batches, batch cost)
BatchCallback = Callable[[int, int, int, float], None]
# (epoch index from 0, total epochs) -> factor on the learning rate
Schedule = Callable[[int, int], float]


@dataclass(frozen=True)
class EpochStats:
    epoch: int  # 1-based
    train_cost: float  # mean of the epoch's mini-batch costs
    val_cost: float
    val_accuracy: float  # NaN when there is no validation set
    learning_rate: float  # η in force at the end of the epoch
    seconds: float
    samples_per_second: float
    lr_changes: tuple[tuple[float, float], ...] = ()  # (fractional epoch, new η) seen during it

    def as_dict(self) -> dict:
        d = asdict(self)
        d["lr_changes"] = [list(c) for c in self.lr_changes]
        return d


class TrainingDiverged(RuntimeError):
    """The cost became NaN/inf: the weights were put back to the epoch's start."""

    def __init__(self, epoch: int, layer: int, learning_rate: float) -> None:
        self.epoch, self.layer, self.learning_rate = epoch, layer, learning_rate
        super().__init__(
            f"training diverged in epoch {epoch} (first in layer {layer + 1}): the cost became "
            f"infinite or NaN with learning rate {learning_rate:g}; weights were restored to the "
            f"start of the epoch; try a smaller learning rate such as {learning_rate / 10:g}")


class Trainer:
    def __init__(self, network: Network, train: Dataset, val: Dataset | None = None,
                 control: TrainingControl | None = None, optimizer: str | Optimizer = "sgd",
                 seed: int | None = 0, augment: Augmenter | None = None,
                 tolerance: float | None = None, schedule: Schedule | None = None,
                 on_batch: BatchCallback | None = None) -> None:
        if train.n_inputs != network.sizes[0] or train.n_outputs != network.sizes[-1]:
            raise ValueError(f"data set {train.name!r} has {train.n_inputs} inputs and {train.n_outputs} "
                             f"outputs but the network is {'-'.join(map(str, network.sizes))}")
        self.network, self.train, self.val = network, train, val
        self.control = control or TrainingControl()
        hyper = self.control.hyper
        self.optimizer = (optimizer if isinstance(optimizer, Optimizer)
                          else make_optimizer(optimizer, hyper.momentum, hyper.l2))
        self.rng = np.random.default_rng(seed)
        self.augment, self.tolerance, self.schedule, self.on_batch = augment, tolerance, schedule, on_batch
        self.epoch = 0
        self.history: list[EpochStats] = []
        dtype = network.dtype.type
        self._t = train.target_matrix(dtype=dtype)
        self._x = None if augment else train.inputs(dtype=dtype)
        self._val = (val.inputs(dtype=dtype), val.target_matrix(dtype=dtype), val.y) if val is not None else None

    def learning_rate(self) -> float:
        """η for the next batch: the live setting times the schedule's factor."""
        hyper = self.control.hyper
        factor = self.schedule(self.epoch, hyper.epochs) if self.schedule else 1.0
        return hyper.learning_rate * factor

    def _epoch_inputs(self) -> np.ndarray:
        if self.augment is None:
            return self._x
        shape = self.train.image_shape
        images = self.train.inputs(dtype=self.network.dtype.type).reshape(-1, *shape)
        return self.augment(images, self.rng).reshape(len(self.train), -1)

    def epochs(self) -> Iterator[EpochStats]:
        """Train until the epoch budget (re-read live) is spent or a stop is asked."""
        net, control = self.network, self.control
        params = net.parameters()
        while self.epoch < control.hyper.epochs:
            if not control.checkpoint():
                return
            start = time.perf_counter()
            saved = [p.copy() for p in params]
            x, t = self._epoch_inputs(), self._t
            order = self.rng.permutation(len(x))
            n, i, costs, changes = len(x), 0, [], []
            last_lr = self.learning_rate()
            n_batches_est = max(1, -(-n // control.hyper.batch_size))
            while i < n:
                if not control.checkpoint():
                    return
                for edit in control.take_edits():
                    edit()
                hyper = control.hyper
                eta = self.learning_rate()
                if eta != last_lr:
                    changes.append((self.epoch + i / n, eta))
                    last_lr = eta
                idx = order[i:i + hyper.batch_size]
                i += hyper.batch_size
                nabla_w, nabla_b, cost, _ = net.backprop(x[idx], t[idx], self.tolerance)
                if not np.isfinite(cost):
                    layer = _first_bad_layer(net, nabla_w)
                    for p, s in zip(params, saved):
                        p[...] = s
                    raise TrainingDiverged(self.epoch + 1, layer, eta)
                grads = [g for pair in zip(nabla_w, nabla_b) for g in pair]
                _mask_frozen(net, grads)
                self.optimizer.momentum = hyper.momentum
                self.optimizer.l2 = hyper.l2
                self.optimizer.step(params, grads, eta)
                costs.append(cost * len(idx))
                if self.on_batch is not None:
                    self.on_batch(self.epoch + 1, len(costs), max(n_batches_est, len(costs)), cost)
            self.epoch += 1
            val_cost, val_acc = (net.evaluate(*self._val) if self._val is not None
                                 else (float("nan"), float("nan")))
            seconds = time.perf_counter() - start
            stats = EpochStats(self.epoch, float(np.sum(costs) / n), val_cost, val_acc, last_lr,
                               seconds, n / seconds if seconds > 0 else float("inf"), tuple(changes))
            self.history.append(stats)
            control.epoch_done()
            yield stats


def _mask_frozen(net: Network, grads: list[np.ndarray]) -> None:
    """Zero the gradient of frozen weights so no optimizer moves them."""
    for l, layer in enumerate(net.layers):
        if layer.frozen is not None:
            grads[2 * l] = np.where(layer.frozen, 0, grads[2 * l])
        if layer.frozen_bias is not None:
            grads[2 * l + 1] = np.where(layer.frozen_bias, 0, grads[2 * l + 1])


def _first_bad_layer(net: Network, nabla_w: list[np.ndarray]) -> int:
    """Index of the first layer whose weights or gradient stopped being finite."""
    for l, (layer, g) in enumerate(zip(net.layers, nabla_w)):
        if not (np.all(np.isfinite(layer.weights)) and np.all(np.isfinite(g))):
            return l
    return len(net.layers) - 1
