"""Noticing a run that diverged without ever producing an infinite cost: a saturated network.

With a huge η the first steps w ← w − η·∇C throw the weights so far that every
bounded output (σ, tanh, softmax) sits on one of its limits.  The cost then
stays finite — cross-entropy is capped by the ε inside its ln, the quadratic
cost by ½ per output — so the NaN/inf check never fires, yet nothing can learn
any more: at a limit σ′(z) = 0, and the run "trains" for hours at chance level.
Two signs tell such a run from a merely slow one:

- the cost is far above where it started: more than ``RISE`` × the larger of
  the starting cost and the cost of always guessing the mean target (a fresh
  network sits near that guess; a saturated softmax pays −ln ε ≈ 27.6 for each
  wrong sample, 10–20× its start);
- or most outputs are pinned at a limit *and* the cost is no better than that
  constant guess (the quadratic cost's saturation: ½ per wrong output, which on
  the digits is barely above the guess, while σ′ = 0 freezes it there).

A slow start has neither: its cost hovers near the guess with outputs near the
middle.  Both signs must hold for the epoch's mean cost and for the cost on a
fixed probe of at most ``PROBE`` training samples after the epoch (a network
that spikes and recovers is not saturated).  The probe runs only when the
epoch's cost leaves any doubt, so a healthy run pays for one small forward
pass, at the start.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.network import Network

PROBE = 512  # samples the cost is measured on (evenly spaced through the training set)
RISE = 3.0  # "far above": more than this many times the start or the constant guess
PINNED = 0.9  # share of output values at a limit that counts as a saturated output layer
_LIMIT = 1e-6  # within this of 0 or 1 (or ±1 for tanh) counts as at the limit
SATURATED = "the network saturated"  # in every such TrainingDiverged message (the window's banner looks for it)


@dataclass(frozen=True)
class Saturation:
    """Why a run counts as saturated: the costs and the share of pinned outputs it was judged by."""

    start_cost: float  # on the probe, before this run's first batch
    guess_cost: float  # of always answering the mean target
    cost: float  # on the probe, now
    pinned: float  # share of output values at a limit, 0..1

    def explain(self) -> str:
        """What was seen, in one clause (``TrainingDiverged`` puts it in its message)."""
        if self.cost > RISE * max(self.start_cost, self.guess_cost):
            return (f"its cost rose from {self.start_cost:.3g} at the start to {self.cost:.3g}, "
                    "though no number became infinite")
        return (f"{self.pinned:.0%} of its outputs are pinned at their limits, where σ′ = 0 and nothing "
                f"learns, and its cost {self.cost:.3g} is no better than always guessing the average "
                f"answer ({self.guess_cost:.3g})")


class SaturationWatch:
    """Remembers a run's starting cost and judges, after each epoch, whether the network saturated."""

    def __init__(self, network: Network, data: Dataset) -> None:
        self.network = network
        idx = np.unique(np.linspace(0, len(data) - 1, min(PROBE, len(data))).astype(np.int64))
        dtype = network.dtype.type
        self._x, self._t = data.inputs(idx, dtype), data.target_matrix(idx, dtype)
        act = network.output_activation
        guess = np.ascontiguousarray(np.broadcast_to(self._t.mean(axis=0), self._t.shape))
        with np.errstate(all="ignore"):
            self.guess_cost = float(network.cost.fn(guess, self._t, act))
            self.start_cost, _ = self._measure()
        # With one target for every sample (the lecture's single sample) the guess is perfect: use the start.
        self._no_better = self.guess_cost if self.guess_cost > 0 else self.start_cost

    def check(self, epoch_cost: float) -> Saturation | None:
        """A ``Saturation`` if the network saturated, else None.

        Both the epoch's mean cost (free: training computed it) and the probe's cost now
        must show it, so one bad batch or one spike at the epoch's end is not enough.
        The probe runs only when the epoch's cost is no better than the constant guess,
        which a learning network leaves behind within an epoch or two.
        """
        if not epoch_cost >= self._no_better:
            return None
        with np.errstate(all="ignore"):
            probe_cost, pinned = self._measure()
        cost = min(epoch_cost, probe_cost)
        rose = cost > RISE * max(self.start_cost, self.guess_cost)
        stuck = pinned >= PINNED and cost >= self._no_better > 0
        return Saturation(self.start_cost, self.guess_cost, probe_cost, pinned) if rose or stuck else None

    def _measure(self) -> tuple[float, float]:
        """(cost, share of output values at a limit) on the probe."""
        net = self.network
        a = net.feedforward(self._x)
        return float(net.cost.fn(a, self._t, net.output_activation)), pinned_share(net.output_activation.name, a)


def pinned_share(activation: str, a: np.ndarray) -> float:
    """Share of outputs at a limit of their activation (0 for unbounded ones, which cannot pin)."""
    if activation == "sigmoid":  # σ ∈ (0, 1)
        at_limit = np.minimum(a, 1 - a) < _LIMIT
    elif activation == "tanh":  # ∈ (−1, 1)
        at_limit = 1 - np.abs(a) < _LIMIT
    elif activation == "softmax":  # one answer takes all: a row is pinned as a whole
        at_limit = a.max(axis=1) > 1 - _LIMIT
    else:
        return 0.0
    return float(np.mean(at_limit))
