"""Cost functions C(a, t): ``fn`` is the cost, ``delta`` is δᴸ = ∂C/∂zᴸ.

Both average over the samples of a batch and sum over output neurons, so for
one sample and one output the quadratic cost is exactly the lecture's
C = ½(t − a)².
"""

from __future__ import annotations

import numpy as np

from nndesk.engine.core.activations import Activation

_EPS = 1e-12


class Cost:
    name: str = ""

    def fn(self, a: np.ndarray, t: np.ndarray, act: Activation) -> float:
        """Mean cost over the batch; ``act`` is the output activation."""
        raise NotImplementedError

    def delta(self, z: np.ndarray, a: np.ndarray, t: np.ndarray, act: Activation) -> np.ndarray:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Quadratic(Cost):
    """C = ½ Σₖ (tₖ − aₖ)², the lecture's "функция стоимости ошибки"."""

    name = "quadratic"

    def fn(self, a: np.ndarray, t: np.ndarray, act: Activation) -> float:
        # ``act`` is ignored: the quadratic cost does not depend on it.
        return float(0.5 * np.sum((t - a) ** 2) / len(a))

    def delta(self, z: np.ndarray, a: np.ndarray, t: np.ndarray, act: Activation) -> np.ndarray:
        # δᴸ = ∂C/∂a ⊙ σ′(zᴸ), with ∂C/∂a = −(t − a) as on the lecture's slide.
        return -(t - a) * act.prime(z, a)


class CrossEntropy(Cost):
    """C = −Σₖ tₖ ln aₖ (softmax) or −Σₖ [tₖ ln aₖ + (1−tₖ) ln(1−aₖ)] (sigmoid).

    With those two output activations the σ′ factor cancels and δᴸ = a − t,
    which is why cross-entropy learns fast even when the output saturates.
    """

    name = "cross-entropy"

    def fn(self, a: np.ndarray, t: np.ndarray, act: Activation) -> float:
        if act.name == "softmax":
            # −Σ t·ln a over the whole batch is one dot product: a single BLAS call,
            # half the time of t * log(a) and a sum (64×10, one-hot or not).
            return float(-np.vdot(t, np.log(a + _EPS))) / len(a)
        return float(-np.sum(t * np.log(a + _EPS) + (1 - t) * np.log(1 - a + _EPS)) / len(a))

    def delta(self, z: np.ndarray, a: np.ndarray, t: np.ndarray, act: Activation) -> np.ndarray:
        if act.name not in ("softmax", "sigmoid"):
            raise ValueError("cross-entropy needs a softmax or sigmoid output layer")
        return a - t


COSTS: dict[str, type[Cost]] = {cls.name: cls for cls in (Quadratic, CrossEntropy)}


def cost(name: str) -> Cost:
    key = name.replace("_", "-").lower()
    if key not in COSTS:
        raise ValueError(f"unknown cost {name!r}; choose one of {', '.join(COSTS)}")
    return COSTS[key]()
