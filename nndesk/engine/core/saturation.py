"""Noticing a run that diverged without ever producing an infinite cost: saturated, or collapsed to chance.

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

A run can also *collapse to chance* with nothing pinned and a modest cost: a
huge step kills every ReLU (z < 0 for all inputs, so ∂C/∂w = 0 below them for
good), the output layer is left with its biases, and the network gives the
same answer whatever the input — 10% on the digits, cost near ln 10, and a
smaller η cannot bring it back.  It counts as collapsed when its accuracy on
the probe is within ``AT_CHANCE`` of chance (the largest class's share) and

- its outputs no longer depend on the input (their spread over the probe is
  below ``SAME``: 10⁻⁷ when dead, 10⁻² and more in any healthy epoch, even
  XOR's first ones, which sit at chance with answers that still vary);
- or it began the run well above chance (a trained network, ``FELL`` of the
  way from chance to 100%) and has stayed at chance for ``PATIENCE`` epochs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.network import Network

PROBE = 512  # samples the cost is measured on (evenly spaced through the training set)
RISE = 3.0  # "far above": more than this many times the start or the constant guess
PINNED = 0.9  # share of output values at a limit that counts as a saturated output layer
_LIMIT = 1e-6  # within this of 0 or 1 (or ±1 for tanh) counts as at the limit
SATURATED = "the network saturated"  # in every such TrainingDiverged message (the window's banner looks for it)
COLLAPSED = "the network collapsed to chance level"  # likewise, for a run that collapsed to chance
FRESH_WEIGHTS = "start again from fresh weights"  # …when the weights put back are collapsed too (banner: Reset)
AT_CHANCE = 0.02  # accuracy within this (and one probe sample) of chance counts as chance level
SAME = 1e-4  # outputs whose spread over the probe is below this: one answer for every input
FELL = 0.5  # "well above chance": this share of the way from chance to 100 %
PATIENCE = 2  # epochs in a row at chance level after starting well above it


@dataclass(frozen=True)
class Saturation:
    """Why a run counts as saturated: the costs and the share of pinned outputs it was judged by."""

    start_cost: float  # on the probe, before this run's first batch
    guess_cost: float  # of always answering the mean target
    cost: float  # on the probe, now
    pinned: float  # share of output values at a limit, 0..1
    headline = SATURATED

    def explain(self) -> str:
        """What was seen, in one clause (``TrainingDiverged`` puts it in its message)."""
        if self.cost > RISE * max(self.start_cost, self.guess_cost):
            return (f"its cost rose from {self.start_cost:.3g} at the start to {self.cost:.3g}, "
                    "though no number became infinite")
        return (f"{self.pinned:.0%} of its outputs are pinned at their limits, where σ′ = 0 and nothing "
                f"learns, and its cost {self.cost:.3g} is no better than always guessing the average "
                f"answer ({self.guess_cost:.3g})")


@dataclass(frozen=True)
class Collapse:
    """Why a run counts as collapsed to chance: its accuracy, chance's, and how much its answers still vary."""

    accuracy: float  # on the probe, now, 0..1
    chance: float  # the largest class's share of the probe (what one constant answer can reach)
    spread: float  # largest standard deviation of an output over the probe
    start_accuracy: float  # on the probe, before this run's first batch
    restored_collapsed: bool = True  # the weights put back (the epoch's start) are collapsed too: Reset
    headline = COLLAPSED

    def explain(self) -> str:
        """What was seen, in one clause (``TrainingDiverged`` puts it in its message)."""
        if self.spread < SAME:
            return (f"it gives the same answer for every input (accuracy {self.accuracy:.0%}, what always "
                    f"guessing one class gets: {self.chance:.0%}): its neurons stopped responding to the input")
        return (f"its accuracy fell from {self.start_accuracy:.0%} at the start to {self.accuracy:.0%}, "
                f"what always guessing one class gets ({self.chance:.0%})")


class SaturationWatch:
    """Remembers a run's starting cost and judges, after each epoch, whether the network saturated or collapsed."""

    def __init__(self, network: Network, data: Dataset) -> None:
        self.network = network
        idx = np.unique(np.linspace(0, len(data) - 1, min(PROBE, len(data))).astype(np.int64))
        dtype = network.dtype.type
        self._x, self._t = data.inputs(idx, dtype), data.target_matrix(idx, dtype)
        act = network.output_activation
        guess = np.ascontiguousarray(np.broadcast_to(self._t.mean(axis=0), self._t.shape))
        self._y = self._t.argmax(axis=1)  # each probe sample's class
        counts = np.bincount(self._y, minlength=self._t.shape[1])
        self.chance = float(counts.max() / len(self._y))  # one constant answer's accuracy
        # Chance level: within AT_CHANCE of it, and within one sample (a 4-sample probe moves in steps of 25 %).
        self._at_chance = self.chance + AT_CHANCE + 1 / len(self._y)
        with np.errstate(all="ignore"):
            self.guess_cost = float(network.cost.fn(guess, self._t, act))
            self.start_cost, _, self.start_accuracy, _ = self._measure()
        # With one target for every sample (the lecture's single sample) the guess is perfect: use the start.
        self._no_better = self.guess_cost if self.guess_cost > 0 else self.start_cost
        self._began_above = self.start_accuracy >= self.chance + FELL * (1 - self.chance)
        self._epochs_at_chance = 0

    def check(self, epoch_cost: float) -> Saturation | Collapse | None:
        """A ``Saturation`` or ``Collapse`` if the network saturated or collapsed to chance, else None.

        Both the epoch's mean cost (free: training computed it) and the probe's cost now
        must show saturation, so one bad batch or one spike at the epoch's end is not enough.
        The probe runs only when the epoch's cost is no better than the constant guess
        (a network that answers alike for every input can do no better, give or take the
        probe's share of each class), which a learning network leaves behind within an
        epoch or two.
        """
        if not epoch_cost >= 0.98 * self._no_better:
            self._epochs_at_chance = 0
            return None
        with np.errstate(all="ignore"):
            probe_cost, pinned, accuracy, spread = self._measure()
        cost = min(epoch_cost, probe_cost)
        at_chance = self.chance < 1 and accuracy <= self._at_chance  # (one class only: nothing to guess)
        self._epochs_at_chance = self._epochs_at_chance + 1 if at_chance else 0
        if at_chance and spread < SAME and pinned < PINNED:
            # Dead neurons, outputs not at a limit: "one answer for every input" says what happened
            # even when the output biases have also pushed the cost up (it depends on the last steps).
            return Collapse(accuracy, self.chance, spread, self.start_accuracy)
        rose = cost > RISE * max(self.start_cost, self.guess_cost)
        stuck = pinned >= PINNED and cost >= self._no_better > 0
        if rose or stuck:
            return Saturation(self.start_cost, self.guess_cost, probe_cost, pinned)
        if at_chance and self._began_above and self._epochs_at_chance >= PATIENCE:
            return Collapse(accuracy, self.chance, spread, self.start_accuracy)
        return None

    def after_restore(self, collapse: Collapse) -> Collapse:
        """``collapse``, told whether the weights just put back (the epoch's start) are collapsed too.

        A network that died in this epoch is whole again at its start, and a smaller η
        goes on from there; one that was already dead needs fresh weights (Reset).
        """
        with np.errstate(all="ignore"):
            _, _, accuracy, spread = self._measure()
        dead = self.chance < 1 and accuracy <= self._at_chance and (spread < SAME or self._began_above)
        return replace(collapse, restored_collapsed=dead)

    def _measure(self) -> tuple[float, float, float, float]:
        """(cost, share of output values at a limit, accuracy, largest spread of an output) on the probe."""
        net = self.network
        a = net.feedforward(self._x)
        cost = float(net.cost.fn(a, self._t, net.output_activation))
        accuracy = float(np.mean(a.argmax(axis=1) == self._y))
        spread = float(a.std(axis=0).max()) if len(a) > 1 else float("inf")
        return cost, pinned_share(net.output_activation.name, a), accuracy, spread


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
