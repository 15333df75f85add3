"""How a network does on held-out data: the confusion matrix, per-class precision and recall, its mistakes.

One function, ``evaluate``, computes what ``nndesk eval`` prints and what the
window's evaluation view shows, so the two can never disagree: cost and
accuracy exactly as ``Network.evaluate`` adds them up (same chunks, same
sums), the confusion matrix from the same forward pass, and each sample's
answer as probabilities ("confidence").  Everything is vectorised: 500
digits through 784-800-10 take a few milliseconds.

``held_out`` says which data a model is measured on, the same way for the
command line and the window: the data's test split, else the part training
held out (when it is the data the model was trained on), else all of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.network import Network


def shares(a: np.ndarray, softmax: bool) -> np.ndarray:
    """Outputs as probabilities: a softmax output already is one; sigmoid outputs become shares of their sum."""
    a = np.asarray(a, dtype=np.float64)
    if softmax:
        return a
    total = a.sum(axis=-1, keepdims=True)
    return np.divide(a, total, out=np.zeros_like(a), where=total > 0)


@dataclass(frozen=True, eq=False)
class Evaluation:
    """A network's answers on ``labels``: ``confusion[i, j]`` counts true class i answered as j (rows = true)."""

    cost: float
    accuracy: float
    labels: np.ndarray  # (n,) the true classes
    predicted: np.ndarray  # (n,) argmax of the output
    probabilities: np.ndarray  # (n, n_out) float64, each row the output as shares (``shares``)
    confusion: np.ndarray  # (k, k) int64

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def n_classes(self) -> int:
        return len(self.confusion)

    @cached_property
    def precision(self) -> np.ndarray:
        """Per class j: of the samples answered j, the share that are j (NaN if none was answered j)."""
        answered = self.confusion.sum(axis=0)
        return np.divide(np.diag(self.confusion), answered, out=np.full(self.n_classes, np.nan),
                         where=answered > 0)

    @cached_property
    def recall(self) -> np.ndarray:
        """Per class i: of the samples that are i, the share answered i (NaN if there are none)."""
        present = self.confusion.sum(axis=1)
        return np.divide(np.diag(self.confusion), present, out=np.full(self.n_classes, np.nan), where=present > 0)

    @cached_property
    def confidence(self) -> np.ndarray:
        """(n,) the probability of the answer given."""
        return self.probabilities[np.arange(len(self)), self.predicted]

    def mistakes(self, true: int | None = None, predicted: int | None = None) -> np.ndarray:
        """Indices of the wrong answers (optionally only true → predicted), the most confident first."""
        wrong = self.predicted != self.labels
        if true is not None:
            wrong &= self.labels == true
        if predicted is not None:
            wrong &= self.predicted == predicted
        index = np.flatnonzero(wrong)
        return index[np.argsort(-self.confidence[index], kind="stable")]

    def top(self, i: int, k: int = 3) -> list[tuple[int, float]]:
        """Sample i's ``k`` most likely classes with their probabilities, the likeliest first."""
        p = self.probabilities[i]
        order = np.argsort(-p, kind="stable")[:k]
        return [(int(c), float(p[c])) for c in order]


def evaluate(network: Network, data: Dataset, chunk: int = 4096) -> Evaluation:
    """``network`` on every sample of ``data``: cost and accuracy as ``Network.evaluate``, answers, confusion."""
    x, t, y = data.inputs(), data.target_matrix(), data.y
    total, outputs = 0.0, []
    for i in range(0, len(x), chunk):  # the same sums as Network.evaluate, so the numbers are equal
        a = network.feedforward(x[i:i + chunk])
        total += network.cost.fn(a, t[i:i + chunk], network.output_activation) * len(a)
        outputs.append(a)
    n = max(len(x), 1)
    a = np.concatenate(outputs) if outputs else np.zeros((0, network.sizes[-1]), network.dtype)
    predicted = np.argmax(a, axis=1)
    labels = np.asarray(y, dtype=np.int64)
    k = max(data.n_classes, data.n_outputs)
    confusion = np.zeros((k, k), dtype=np.int64)
    np.add.at(confusion, (labels, predicted), 1)
    accuracy = int(np.sum(predicted == labels)) / n
    return Evaluation(total / n, accuracy, labels, predicted,
                      shares(a, network.output_activation.name == "softmax"), confusion)


def held_out(source: Any, recipe: Any, spec: str) -> tuple[Dataset, str]:
    """The data to measure a model on and which split it is ("test", "validation" or "all").

    ``source`` is a loaded ``DataSource``; ``recipe`` the model's (None if the file has none); ``spec``
    the data set as named.  The held-out part is only trustworthy on the data the model was trained on.
    """
    if source.test is not None:
        return source.test, "test"
    part = recipe.split(source)[1] if recipe is not None and recipe.dataset == spec else None
    return (part, "validation") if part is not None else (source.train, "all")


def confusion_csv(result: Evaluation) -> str:
    """The matrix as CSV (rows = true class, columns = answer), each row's recall, then each column's precision."""
    k = result.n_classes
    lines = ["true \\ answered," + ",".join(map(str, range(k))) + ",recall"]
    for i in range(k):
        lines.append(f"{i}," + ",".join(map(str, result.confusion[i])) + f",{_share(result.recall[i])}")
    lines.append("precision," + ",".join(_share(p) for p in result.precision) + ",")
    return "\n".join(lines) + "\n"


def mistakes_csv(result: Evaluation) -> str:
    """Every mistake, the surest first: its index in the data, true class, answer, confidence, top three."""
    lines = ["index,true,answered,confidence,first,p_first,second,p_second,third,p_third"]
    for i in result.mistakes():
        top = ",".join(f"{c},{p:.6f}" for c, p in result.top(int(i)))
        lines.append(f"{i},{result.labels[i]},{result.predicted[i]},{result.confidence[i]:.6f},{top}")
    return "\n".join(lines) + "\n"


def _share(p: float) -> str:
    return "" if np.isnan(p) else f"{p:.6f}"
