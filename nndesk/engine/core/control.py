"""Live settings and pause/stop requests that another thread hands to a running training.

The training loop reads both between mini-batches.  A GUI thread writes
them; a lock makes each read a consistent snapshot.  (Queued Qt signals to a
busy worker would only arrive after its loop returns, which is why this is
plain shared state and not slots.)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Hyperparameters:
    """The settings a student may change while training runs."""

    learning_rate: float = 0.1  # η
    momentum: float = 0.9  # μ for momentum, β₁ for Adam; SGD ignores it
    l2: float = 0.0  # λ
    batch_size: int = 32
    epochs: int = 30

    def validated(self) -> Hyperparameters:
        if not (self.learning_rate > 0 and self.learning_rate < 1e6):
            raise ValueError(f"learning rate must be positive, got {self.learning_rate}")
        if not 0 <= self.momentum < 1:
            raise ValueError(f"momentum must be in [0, 1), got {self.momentum}")
        if self.l2 < 0:
            raise ValueError(f"L2 must be ≥ 0, got {self.l2}")
        if self.batch_size < 1 or self.epochs < 1:
            raise ValueError("batch size and epochs must be ≥ 1")
        return self


class TrainingControl:
    """Thread-safe hyperparameters plus pause / resume / step / stop."""

    def __init__(self, hyper: Hyperparameters | None = None) -> None:
        self._cond = threading.Condition()
        self._hyper = (hyper or Hyperparameters()).validated()
        self._paused = False
        self._stop = False
        self._step_epochs = 0  # epochs still to run before pausing again
        self._edits: list[Callable[[], None]] = []

    # ---- settings ------------------------------------------------------------
    @property
    def hyper(self) -> Hyperparameters:
        with self._cond:
            return self._hyper

    def update(self, **changes: float | int) -> Hyperparameters:
        """Change some settings; they apply at the next mini-batch."""
        names = {f.name for f in fields(Hyperparameters)}
        unknown = set(changes) - names
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        with self._cond:
            self._hyper = replace(self._hyper, **changes).validated()
            return self._hyper

    def post_edit(self, edit: Callable[[], None]) -> None:
        """Queue a change to the network (a weight typed in the inspector…).

        The training loop runs queued edits in its own thread before the next
        mini-batch, so the network is never changed under a running batch.
        """
        with self._cond:
            self._edits.append(edit)

    # ---- flow ----------------------------------------------------------------
    def pause(self) -> None:
        with self._cond:
            self._paused = True
            self._step_epochs = 0

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._step_epochs = 0
            self._cond.notify_all()

    def step_epoch(self) -> None:
        """Run one more epoch, then pause."""
        with self._cond:
            self._paused = False
            self._step_epochs = 1
            self._cond.notify_all()

    def stop(self) -> None:
        """Ask the loop to end; also wakes a paused loop so it can end."""
        with self._cond:
            self._stop = True
            self._cond.notify_all()

    @property
    def paused(self) -> bool:
        with self._cond:
            return self._paused

    def checkpoint(self) -> bool:
        """Called by the loop between batches: blocks while paused; False means stop."""
        with self._cond:
            while self._paused and not self._stop:
                self._cond.wait()
            return not self._stop

    def next_batch(self) -> tuple[Hyperparameters, list[Callable[[], None]]] | None:
        """The settings and queued edits for the next batch, after any pause; None means stop.

        The loop calls this before every mini-batch (a thousand times an epoch),
        so it takes the lock once instead of three times.
        """
        with self._cond:
            while self._paused and not self._stop:
                self._cond.wait()
            if self._stop:
                return None
            edits = self._edits
            if edits:
                self._edits = []
            return self._hyper, edits

    def epoch_done(self) -> None:
        """Called by the loop after each epoch, to end a single step."""
        with self._cond:
            if self._step_epochs:
                self._step_epochs -= 1
                if self._step_epochs == 0:
                    self._paused = True
