"""Whether Teach can run now, and if not, the one thing missing (the button's tooltip says it).

Teach measures what it changed on a fifth of the student's digits that it
does not train on (``teach.held_out``, "held out in turn"), so it needs
enough digits to hold some out and keep some to learn from; it trains like
Train, so not while another run is active; and it reads 28×28 digits into
ten classes, so the network and the data must be the digits kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import numpy as np

from nndesk.engine.runs.teach import FOLDS, held_out


class Missing(str, Enum):
    """What stands between the student and Teach (NOTHING: it can run)."""

    NOTHING = "nothing"
    DIGITS_DATA = "digits-data"  # a toy set, or a network that does not read 28×28 into 10 classes
    TRAINING = "training"  # a run (Train or Teach) is active
    MORE_DIGITS = "more-digits"  # too few of my digits to hold some out and learn from the rest


@dataclass(frozen=True)
class Readiness:
    missing: Missing
    have: int  # my digits so far
    need: int  # at least this many (one per held-out fold)
    held: int  # held out in this turn (0 when there are too few)

    @property
    def ready(self) -> bool:
        return self.missing is Missing.NOTHING


def readiness(labels: np.ndarray, turn: int, training: bool, digits_network: bool) -> Readiness:
    """Can Teach run with my digits' ``labels`` in ``turn``?  The first thing missing, in the order a
    student would fix it: the right kind of network, the run that is going on, more digits."""
    labels = np.asarray(labels)
    held = held_out(labels, turn) if len(labels) else np.zeros(0, bool)
    n_held = int(held.sum())
    enough = len(labels) >= FOLDS and 0 < n_held < len(labels)
    if not digits_network:
        missing = Missing.DIGITS_DATA
    elif training:
        missing = Missing.TRAINING
    elif not enough:
        missing = Missing.MORE_DIGITS
    else:
        missing = Missing.NOTHING
    return Readiness(missing, len(labels), FOLDS, n_held if enough else 0)
