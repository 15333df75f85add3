"""What every network answers and how well: shared by the dense ``Network`` and the ``ConvNet``.

Both only need ``feedforward``, ``cost`` and ``output_activation``; the answer is the
output with the largest activation, the cost the lecture's C averaged over the samples.
"""

from __future__ import annotations

import numpy as np


class Answers:
    """``predict`` and ``evaluate`` for any network with ``feedforward``, ``cost`` and ``output_activation``."""

    def predict(self, x: np.ndarray) -> np.ndarray:
        return np.argmax(self.feedforward(x), axis=1)  # type: ignore[attr-defined]

    def evaluate(self, x: np.ndarray, t: np.ndarray, labels: np.ndarray | None = None,
                 chunk: int = 4096) -> tuple[float, float]:
        """Mean cost and accuracy (fraction of ``labels`` predicted; NaN without labels)."""
        total, correct = 0.0, 0
        for i in range(0, len(x), chunk):
            a = self.feedforward(x[i:i + chunk])  # type: ignore[attr-defined]
            total += self.cost.fn(a, t[i:i + chunk], self.output_activation) * len(a)  # type: ignore[attr-defined]
            if labels is not None:
                correct += int(np.sum(np.argmax(a, axis=1) == labels[i:i + chunk]))
        n = max(len(x), 1)
        return total / n, (correct / n if labels is not None else float("nan"))
