"""Cost functions C(a, t), each with ∇ₐC and δᴸ = ∂C/∂zᴸ.

Every cost shares one interface (Nielsen's ``fn``/``delta``, plus the
lecture's ∂C/∂a): ``total`` sums the cost over the samples and output
neurons, ``fn`` is its mean over the batch as a float, ``grad_a`` is ∇ₐC of
one sample and ``delta`` is δᴸ = ∇ₐC ⊙ σ′(zᴸ).  For one sample and one output
the quadratic cost is exactly the lecture's C = ½(t − a)².  ``act`` is the
output activation; a cost that does not depend on it ignores it.

Like the activations, the formulas run on floats and on the slides' Decimals.
"""

from __future__ import annotations

import numpy as np

from nndesk.engine.core.activations import Activation
from nndesk.engine.core.numbers import ln, number

_EPS = "1e-12"  # added inside ln so that ln(0) stays finite


class Cost:
    name: str = ""
    # True when σ′ cancels out of δᴸ (cross-entropy with a softmax or sigmoid output): δᴸ = a − t
    cancels_sigma_prime: bool = False

    def total(self, a: np.ndarray, t: np.ndarray, act: Activation):
        """C summed over the samples (rows) and outputs, in the numbers' own type."""
        raise NotImplementedError

    def fn(self, a: np.ndarray, t: np.ndarray, act: Activation) -> float:
        """Mean cost over the batch."""
        return float(self.total(a, t, act) / len(a))

    def grad_a(self, a: np.ndarray, t: np.ndarray, act: Activation) -> np.ndarray:
        """∇ₐC = ∂C/∂a of each sample."""
        raise NotImplementedError

    def delta(self, z: np.ndarray, a: np.ndarray, t: np.ndarray, act: Activation) -> np.ndarray:
        """δᴸ = ∂C/∂zᴸ = ∇ₐC ⊙ σ′(zᴸ), the chain rule at the output."""
        return self.grad_a(a, t, act) * act.prime(z, a)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Quadratic(Cost):
    """C = ½ Σₖ (tₖ − aₖ)², the lecture's "функция стоимости ошибки"; ``act`` is ignored."""

    name = "quadratic"

    def total(self, a: np.ndarray, t: np.ndarray, act: Activation):
        return np.sum((t - a) ** 2) / 2

    def grad_a(self, a: np.ndarray, t: np.ndarray, act: Activation) -> np.ndarray:
        return -(t - a)  # ∂C/∂a = −(t − a), as on the lecture's slide


class CrossEntropy(Cost):
    """C = −Σₖ tₖ ln aₖ (softmax) or −Σₖ [tₖ ln aₖ + (1−tₖ) ln(1−aₖ)] (sigmoid).

    With those two output activations the σ′ factor cancels and δᴸ = a − t,
    which is why cross-entropy learns fast even when the output saturates.
    """

    name = "cross-entropy"
    cancels_sigma_prime = True

    def total(self, a: np.ndarray, t: np.ndarray, act: Activation):
        eps = number(a, _EPS)
        if act.name == "softmax":
            # −Σ t·ln a over the whole batch is one dot product: a single BLAS call,
            # half the time of t * log(a) and a sum (64×10, one-hot or not).
            return -np.vdot(t, ln(a + eps))
        return -np.sum(t * ln(a + eps) + (1 - t) * ln(1 - a + eps))

    def grad_a(self, a: np.ndarray, t: np.ndarray, act: Activation) -> np.ndarray:
        """Shown by the step-through only (δᴸ never needs it); infinite where a is exactly 0 or 1."""
        if act.name == "softmax":
            return -t / a  # ∂/∂a of −Σ t ln a
        return (a - t) / (a * (1 - a))

    def delta(self, z: np.ndarray, a: np.ndarray, t: np.ndarray, act: Activation) -> np.ndarray:
        if act.name not in ("softmax", "sigmoid"):
            raise ValueError("cross-entropy needs a softmax or sigmoid output layer")
        return a - t  # ∇ₐC ⊙ σ′(zᴸ) with σ′ cancelled


COSTS: dict[str, type[Cost]] = {cls.name: cls for cls in (Quadratic, CrossEntropy)}


def cost(name: str) -> Cost:
    key = name.replace("_", "-").lower()
    if key not in COSTS:
        raise ValueError(f"unknown cost {name!r}; choose one of {', '.join(COSTS)}")
    return COSTS[key]()
