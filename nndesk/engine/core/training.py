"""The training loop: an iterator of epochs, shared by the GUI worker, the CLI and the tests.

``Trainer.epochs()`` yields one immutable ``EpochStats`` per epoch and never
prints.  Between mini-batches it reads ``TrainingControl`` (learning rate,
momentum, L2, batch size, pause, stop), so changes apply at the next batch.
One mini-batch is the lecture's steps 2–6: forward, compare, cost, backprop,
update w ← w − η·∇C.  A run whose cost turns NaN/inf, or whose network
saturated (``saturation``: outputs pinned at their limits, the cost far above
its start), raises ``TrainingDiverged`` after putting back the weights it had
when the epoch began, so no work is lost.

With an augmenter, the distorted inputs of epoch e+1 are made in a
background thread while epoch e trains (numpy releases the GIL, so the two
run on two cores).  Each epoch's distortions come from their own generator,
seeded from the trainer's seed and the epoch number, so a run is the same
whether or not the background work finished early.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass

import numpy as np

from nndesk.engine.core.control import Hyperparameters, TrainingControl
from nndesk.engine.core.convnet import network_text
from nndesk.engine.core.dataset import Dataset, as_inputs
from nndesk.engine.core.network import Network
from nndesk.engine.core.optimizers import Optimizer, optimizer as make_optimizer
from nndesk.engine.core.saturation import FRESH_WEIGHTS, Collapse, Saturation, SaturationWatch
from nndesk.engine.fast.gradient import BatchGradients, OuterGradient, dense

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
    lr_changes: tuple[tuple[float, float], ...] = ()  # (fractional epoch, η the student set) seen during it
    network: str = ""  # the network that trained it (``network_text``); "" in histories saved before it was kept

    def as_dict(self) -> dict:
        d = asdict(self)
        d["lr_changes"] = [list(c) for c in self.lr_changes]
        return d


class TrainingDiverged(RuntimeError):
    """The cost became NaN/inf, the network saturated or collapsed to chance: the weights were put back to the
    epoch's start (and a collapse says whether those are collapsed too, so only fresh weights can learn)."""

    def __init__(self, epoch: int, layer: int, learning_rate: float,
                 saturation: Saturation | Collapse | None = None) -> None:
        self.epoch, self.layer, self.learning_rate = epoch, layer, learning_rate
        self.saturation = saturation
        eta = f"with learning rate {learning_rate:g}"
        what = (f" (first in layer {layer + 1}): the cost became infinite or NaN {eta}" if saturation is None
                else f": {saturation.headline} {eta} — {saturation.explain()}")
        fresh = isinstance(saturation, Collapse) and saturation.restored_collapsed  # no step revives it
        then = (f"no step revives such a network: {FRESH_WEIGHTS} with" if fresh
                else "weights were restored to the start of the epoch; try")
        super().__init__(f"training diverged in epoch {epoch}{what}; {then} a smaller learning rate "
                         f"such as {learning_rate / 10:g}")


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
        self.last_gradients: BatchGradients | None = None  # the last batch's ∂C/∂W, ∂C/∂b
        self._base_lr: float | None = None  # the live η of the previous batch, to notice changes
        self._watch: SaturationWatch | None = None  # made when training starts (after any edits)
        dtype = network.dtype.type
        self._t = train.target_matrix(dtype=dtype)
        # [x | 1]: the bias's constant input rides along as a last column (see ``Dense``).  Pixels
        # stay bytes (a quarter of the memory) and are scaled batch by batch.
        self._x = None if augment else _with_ones(train.x, dtype)
        if augment is not None:
            if train.image_shape is None:
                raise ValueError(f"data set {train.name!r} has no image shape to augment")
            self._images = train.inputs(dtype=dtype).reshape(-1, *train.image_shape)
            self._aug_seed = int(self.rng.integers(2**63))
            self._prefetch: tuple[int, _Background] | None = None
        self._val = (val.inputs(dtype=dtype), val.target_matrix(dtype=dtype), val.y) if val is not None else None

    def learning_rate(self) -> float:
        """η for the next batch: the live setting times the schedule's factor."""
        return self._eta(self.control.hyper)

    def _eta(self, hyper: Hyperparameters) -> float:
        factor = self.schedule(self.epoch, hyper.epochs) if self.schedule else 1.0
        return hyper.learning_rate * factor

    def _augmented(self, epoch: int) -> np.ndarray:
        """The training inputs of ``epoch`` (from 0), distorted by its own generator."""
        assert self.augment is not None
        rng = np.random.default_rng([self._aug_seed, epoch])
        return _with_ones(self.augment(self._images, rng).reshape(len(self.train), -1), self._images.dtype.type)

    def _epoch_inputs(self) -> np.ndarray:
        """This epoch's inputs; with augmentation, also start making the next epoch's."""
        if self.augment is None:
            return self._x
        ready = self._prefetch
        x = ready[1].result() if ready and ready[0] == self.epoch else self._augmented(self.epoch)
        nxt = self.epoch + 1
        self._prefetch = ((nxt, _Background(lambda: self._augmented(nxt)))
                          if nxt < self.control.hyper.epochs else None)
        return x

    def epochs(self) -> Iterator[EpochStats]:
        """Train until the epoch budget (re-read live) is spent or a stop is asked."""
        net, control = self.network, self.control
        trained_by = network_text(net)  # a run's network keeps its shape: an edit stops the run first
        if self._watch is None:
            self._watch = SaturationWatch(net, self.train)
        while self.epoch < control.hyper.epochs:
            if not control.checkpoint():
                return
            start = time.perf_counter()
            saved = [p.copy() for p in net.parameters()]
            x = self._epoch_inputs()
            order = self.rng.permutation(len(x))
            # Overflow inside a diverging batch is reported as TrainingDiverged, not as numpy warnings.
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                finished = self._run_epoch(x, order, saved)
            if finished is None:
                return
            costs, changes, eta = finished
            saturated = self._watch.check(costs / len(x))
            if saturated is not None:
                _restore(net.parameters(), saved)
                if isinstance(saturated, Collapse):
                    saturated = self._watch.after_restore(saturated)
                raise TrainingDiverged(self.epoch + 1, len(net.layers) - 1, eta, saturated)
            self.epoch += 1
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                val_cost, val_acc = (net.evaluate(*self._val) if self._val is not None
                                     else (float("nan"), float("nan")))
            seconds = time.perf_counter() - start
            n = len(x)
            stats = EpochStats(self.epoch, costs / n, val_cost, val_acc, eta,
                               seconds, n / seconds if seconds > 0 else float("inf"), tuple(changes),
                               trained_by)
            self.history.append(stats)
            control.epoch_done()
            yield stats

    def _run_epoch(self, x: np.ndarray, order: np.ndarray, saved: list[np.ndarray]
                   ) -> tuple[float, list[tuple[float, float]], float] | None:
        """One pass over the shuffled data: (summed cost, η changes, last η), or None if stopped."""
        net, control, t, dtype = self.network, self.control, self._t, self.network.dtype.type
        pixels = x.dtype == np.uint8  # bytes, scaled to 0..1 batch by batch
        params = net.parameters()  # each layer's [W | b]
        n, i, total, changes, batches = len(x), 0, 0.0, [], 0
        eta = self._eta(control.hyper)
        n_batches_est = max(1, -(-n // control.hyper.batch_size))
        masks = _frozen_masks(net)
        while i < n:
            batch = control.next_batch()
            if batch is None:
                return None
            hyper, edits = batch
            if edits:
                for edit in edits:
                    edit()
                params, masks = net.parameters(), _frozen_masks(net)  # an edit may have frozen a weight
            eta = self._eta(hyper)
            if self._base_lr is not None and hyper.learning_rate != self._base_lr:
                # The student moved η (a schedule is no change): the η they set, as their slider shows it
                changes.append((self.epoch + i / n, hyper.learning_rate))
            self._base_lr = hyper.learning_rate
            idx = order[i:i + hyper.batch_size]
            i += hyper.batch_size
            # np.take copies the batch's rows faster than fancy indexing x[idx].  The gradients
            # come factored, [a | 1] and δ: the optimizer folds [a | 1]ᵀ·δ into its update.
            xb = x.take(idx, axis=0)
            grads, _, cost, _ = net.backprop(as_inputs(xb, dtype) if pixels else xb, t.take(idx, axis=0),
                                             self.tolerance, factored=True)
            if not math.isfinite(cost):
                layer = _first_bad_layer(params, [dense(g) for g in grads])
                _restore(params, saved)
                raise TrainingDiverged(self.epoch + 1, layer, eta)
            if i >= n:  # the epoch's last batch: its gradients for the histograms and inspector, multiplied
                # out only if someone reads them (the optimizer may scribble on arrays: those are copied)
                self.last_gradients = BatchGradients([g if isinstance(g, OuterGradient) else g.copy() for g in grads])
            frozen = None
            if masks is not None:  # rare: the inspector froze or pruned something
                frozen = [None if m is None else p[m] for p, m in zip(params, masks)]
                grads = [g if m is None else np.where(m, 0, dense(g)) for g, m in zip(grads, masks)]
            self.optimizer.momentum = hyper.momentum
            self.optimizer.l2 = hyper.l2
            self.optimizer.step(params, grads, eta)
            if frozen is not None:  # momentum, Adam and L2 could still have moved them
                for p, m, values in zip(params, masks, frozen):
                    if m is not None:
                        p[m] = values
            total += cost * len(idx)
            batches += 1
            if self.on_batch is not None:
                self.on_batch(self.epoch + 1, batches, max(n_batches_est, batches), cost)
        return total, changes, eta


class _Background:
    """Runs ``fn`` in a daemon thread; ``result()`` waits for it and re-raises its error."""

    def __init__(self, fn: Callable[[], np.ndarray]) -> None:
        self._fn, self._value, self._error = fn, None, None
        self._thread = threading.Thread(target=self._run, name="nndesk-augment", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._fn()
        except BaseException as error:  # handed to the training thread by result()
            self._error = error

    def result(self) -> np.ndarray:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def _with_ones(x: np.ndarray, dtype: type) -> np.ndarray:
    """[x | 1]: a last column for the bias's constant input.

    Bytes stay bytes (255 scales to exactly 1 with the rest of the batch); anything
    else is converted to ``dtype`` on the way in, with no intermediate copy.
    """
    kind = np.uint8 if x.dtype == np.uint8 else dtype
    out = np.empty((len(x), x.shape[1] + 1), kind)
    out[:, :-1] = x
    out[:, -1] = 255 if kind == np.uint8 else 1
    return out


def _frozen_masks(net: Network) -> list[np.ndarray | None] | None:
    """Per layer, [frozen | frozen_bias]ᵀ over its [W | b]ᵀ; None when nothing is frozen anywhere."""
    if all(layer.frozen is None and layer.frozen_bias is None for layer in net.layers):
        return None
    masks: list[np.ndarray | None] = []
    for layer in net.layers:
        if layer.frozen is None and layer.frozen_bias is None:
            masks.append(None)
            continue
        mask = np.zeros(layer.params.shape, dtype=bool)
        if layer.frozen is not None:
            mask[:-1] = layer.frozen.T
        if layer.frozen_bias is not None:
            mask[-1] = layer.frozen_bias
        masks.append(mask)
    return masks


def _restore(params: list[np.ndarray], saved: list[np.ndarray]) -> None:
    """Put back the weights of the epoch's start."""
    for p, s in zip(params, saved):
        p[...] = s


def _first_bad_layer(params: list[np.ndarray], grads: list[np.ndarray]) -> int:
    """Index of the first layer whose [W | b]ᵀ or gradient stopped being finite."""
    for l, (p, g) in enumerate(zip(params, grads)):
        if not (np.all(np.isfinite(p)) and np.all(np.isfinite(g))):
            return l
    return len(params) - 1
