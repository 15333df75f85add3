"""Teaching the network the student's handwriting: a short fine-tune on MNIST plus "my digits".

A network trained on MNIST alone reads pen-drawn digits worse than MNIST's
own (issue 11 measured about three in four right on real pen digits replayed
through the pad): people draw crossed 7s, 1s with a base, 9s with a straight
tail.  A few drawings per digit fix most of it, if they are taught the right way:

* **from the current weights**, not from scratch: a few epochs with a
  smaller η (``teach_recipe``), so what the network knows of MNIST stays;
* **on MNIST and my digits together**, my digits repeated (``repeat_for``)
  so that a few hundred drawings weigh against thousands of MNIST digits;
  MNIST in the mix keeps its accuracy, my digits alone would erase it;
* **with the same augmentation** as the recipe, so each repeat of a drawing
  is a slightly different drawing and is not learnt by heart;
* **measured on drawings it was not taught** (``held_out``): a fifth of my
  digits, stratified by label, sit out each turn, and the turn rotates, so
  every drawing is held out once in ``FOLDS`` turns.  ``TeachScores`` holds
  the share read right before and after, on my held-out digits and on the
  MNIST validation digits the recipe never trains on.

``benchmarks/bench_teach.py`` chose the settings below on held-out MNIST
digits redrawn through the real pad by simulated writers: 20 drawings per
digit taught, new writers 94.7 → 96.5 % (their 1s with a base 75 → 92 %),
MNIST's held-out digits 98.6 → 98.8 %.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nndesk.engine.core.control import TrainingControl
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.network import Network
from nndesk.engine.core.training import EpochStats
from nndesk.engine.data.datasets import DataSource
from nndesk.engine.data.mix import with_extra
from nndesk.engine.runs.recipe import TrainingRecipe

FOLDS = 5  # a fifth of my digits is held out in each turn
EPOCHS = 12  # passes over MNIST + my digits (repeated)
LEARNING_RATE = 0.02  # η of the fine-tune; the digits preset starts at 0.1 and glides down
SCHEDULE = "cosine"  # η glides to almost 0: the last epochs settle instead of jumping
MINE_SHARE = 0.3  # my digits (with their repeats) are about this share of the training samples
MAX_REPEAT = 50  # beyond it a handful of drawings would be learnt by heart


def held_out(labels: np.ndarray, turn: int) -> np.ndarray:
    """bool (n,): the digits held out in ``turn`` (any whole number; turns repeat after ``FOLDS``).

    Stratified and deterministic: the k-th digit of label c (in the set's order)
    belongs to fold (k + c) mod FOLDS, so each label gives each fold its share
    and, with few digits, the folds still all get some (the offset c spreads
    the labels' first digits over the folds).  A label with a single digit is
    never held out: the network could not learn that digit from anything else.
    Adding digits at the end leaves every earlier digit's fold unchanged.
    """
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise ValueError(f"labels must be one-dimensional, got shape {labels.shape}")
    fold = turn % FOLDS
    held = np.zeros(len(labels), dtype=bool)
    for c in np.unique(labels):
        index = np.flatnonzero(labels == c)
        if len(index) < 2:
            continue
        held[index] = (np.arange(len(index)) + int(c)) % FOLDS == fold
    return held


def repeat_for(n_mine: int, n_base: int) -> int:
    """How many times my ``n_mine`` digits go into the mix with ``n_base`` MNIST digits.

    So many that they make about ``MINE_SHARE`` of the training samples: 160
    drawings among 4,500 MNIST digits are repeated 12 times.  At least once;
    at most ``MAX_REPEAT``; 0 when there are none.
    """
    if n_mine <= 0:
        return 0
    wanted = MINE_SHARE / (1 - MINE_SHARE) * n_base / n_mine
    return int(min(MAX_REPEAT, max(1, round(wanted))))


def teach_recipe(recipe: TrainingRecipe, n_mine: int) -> TrainingRecipe:
    """``recipe`` as a fine-tune: ``EPOCHS`` epochs at η = ``LEARNING_RATE`` on the ``SCHEDULE``.

    The network, optimizer, batch size and augmentation stay the recipe's (the
    digits preset distorts every epoch's digits, my digits included).  η is
    never raised above the recipe's own.  ``n_mine`` (the digits taught) does not
    change the settings today: the epochs already pass over every repeat.
    """
    if n_mine < 0:
        raise ValueError(f"the number of digits taught must be ≥ 0, got {n_mine}")
    return recipe.with_changes(epochs=EPOCHS, learning_rate=min(LEARNING_RATE, recipe.hyper.learning_rate),
                               schedule=SCHEDULE)


def teaching_source(base: DataSource, mine: Dataset, held: np.ndarray,
                    recipe: TrainingRecipe | None = None) -> DataSource:
    """MNIST's training digits plus my digits not ``held`` out (repeated), tested on MNIST's held-out part.

    When ``base`` has no test part (the bundled digits), ``recipe``'s split (default:
    the digits preset's 10 %, seed 0: the same digits the ready-trained network
    never saw) becomes the test part first, so the mix's validation digits are
    MNIST's own, and no copy of a taught drawing lands among them.
    """
    held = np.asarray(held, dtype=bool)
    if held.shape != (len(mine),):
        raise ValueError(f"held must be one flag per digit ({len(mine)}), got shape {held.shape}")
    if base.test is None:
        fit, val = (recipe or TrainingRecipe()).split(base)
        base = DataSource(base.name, fit, val, base.description)
    taught = mine.subset(np.flatnonzero(~held), mine.name)
    return with_extra(base, taught, repeat_for(len(taught), len(base.train)))


def accuracy(network: Network, data: Dataset, chunk: int = 4096) -> float:
    """The share of ``data`` that ``network`` reads right (argmax of the output); NaN for no data."""
    if len(data) == 0:
        return float("nan")
    right = 0
    for i in range(0, len(data), chunk):
        part = slice(i, i + chunk)
        right += int(np.sum(network.feedforward(data.inputs(part)).argmax(axis=1) == data.y[part]))
    return right / len(data)


@dataclass(frozen=True)
class TeachScores:
    """Shares read right (0..1; NaN when there was nothing to read) before and after teaching."""

    mine_before: float  # my held-out digits
    mine_after: float
    validation_before: float  # MNIST digits training never sees
    validation_after: float


def teach(network: Network, recipe: TrainingRecipe, base: DataSource, mine: Dataset, held: np.ndarray,
          control: TrainingControl | None = None) -> tuple[TeachScores, list[EpochStats]]:
    """Fine-tune ``network`` in place on ``base`` + my digits not held out; the scores and the epochs run.

    ``recipe`` is the one the network was trained with; ``control`` (default: the
    fine-tune's hyperparameters) lets a caller pause or stop, as any training.
    """
    held = np.asarray(held, dtype=bool)
    source = teaching_source(base, mine, held, recipe)
    tuned = teach_recipe(recipe, int(np.count_nonzero(~held)))
    test = mine.subset(np.flatnonzero(held), mine.name)
    before = accuracy(network, test), accuracy(network, source.test)
    trainer = tuned.make_trainer(network, source, control=control)
    epochs = list(trainer.epochs())
    return TeachScores(before[0], accuracy(network, test), before[1], accuracy(network, source.test)), epochs
