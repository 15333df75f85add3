"""Activation functions σ and their derivatives σ′, one small class each.

Every activation shares one interface (Nielsen's costs do the same):
``fn(z)`` is a = σ(z) and ``prime(z, a)`` is ∂a/∂z.  ``prime`` receives the
already computed activation ``a`` too, because for the sigmoid the lecture
writes σ′(z) = σ(z)(1 − σ(z)) = a(1 − a): reusing ``a`` is both the lecture's
formula and the cheap way.  Softmax has no element-wise derivative; it only
appears as the output of cross-entropy, whose δ = a − t needs none.
"""

from __future__ import annotations

import numpy as np


class Activation:
    """Base class: subclasses set ``name`` and implement ``fn`` and ``prime``."""

    name: str = ""
    elementwise: bool = True

    def fn(self, z: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def into(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        """σ(z) written into ``out`` (the training loop's [a | 1] buffer); subclasses skip the copy."""
        out[...] = self.fn(z)
        return out

    def prime(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Sigmoid(Activation):
    """σ(z) = 1 / (1 + e⁻ᶻ), the lecture's activation."""

    name = "sigmoid"

    def fn(self, z: np.ndarray) -> np.ndarray:
        # Written as ½(1 + tanh(z/2)): identical to 1/(1+e⁻ᶻ) but never overflows.
        return 0.5 * (1.0 + np.tanh(0.5 * z))

    def into(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        np.multiply(z, 0.5, out=out)
        np.tanh(out, out=out)
        out += 1.0
        out *= 0.5
        return out

    def prime(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return a * (1.0 - a)  # σ′(z) = σ(z)(1 − σ(z))


class Tanh(Activation):
    name = "tanh"

    def fn(self, z: np.ndarray) -> np.ndarray:
        return np.tanh(z)

    def into(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        return np.tanh(z, out=out)

    def prime(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return 1.0 - a * a


class ReLU(Activation):
    name = "relu"

    def fn(self, z: np.ndarray) -> np.ndarray:
        # a = max(z, 0), against a row of zeros: numpy's fast (SIMD) loop for maximum needs
        # both operands to advance in memory; the scalar 0 takes a loop 1.5–2.5× slower.
        return np.maximum(z, np.zeros(z.shape[-1:], z.dtype))

    def into(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        return np.maximum(z, np.zeros(z.shape[-1:], z.dtype), out=out)

    def prime(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return (z > 0).astype(z.dtype)


class LeakyReLU(Activation):
    """max(z, αz) with α = 0.01: keeps a small gradient for negative z."""

    name = "leaky-relu"
    alpha = 0.01

    def fn(self, z: np.ndarray) -> np.ndarray:
        return np.where(z > 0, z, self.alpha * z)

    def prime(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return np.where(z > 0, 1.0, self.alpha).astype(z.dtype)


class Linear(Activation):
    name = "linear"

    def fn(self, z: np.ndarray) -> np.ndarray:
        return z

    def prime(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return np.ones_like(z)


class Softmax(Activation):
    """aₖ = e^{zₖ} / Σⱼ e^{zⱼ} over each row; only valid as cross-entropy's output."""

    name = "softmax"
    elementwise = False

    def fn(self, z: np.ndarray) -> np.ndarray:
        # Shifting each row by its max changes nothing but keeps e^z finite.  The work is
        # done on a copy of zᵀ (one sample per column), so the max and the sum over each
        # sample's outputs run along long contiguous rows: 5 µs instead of 8 for 64×10.
        e = z.T.copy()
        e -= e.max(axis=0)
        np.exp(e, out=e)
        e /= e.sum(axis=0)  # aₖ = e^{zₖ} / Σⱼ e^{zⱼ}
        return e.T  # a view in column order: everything downstream reads it as well as a copy

    def prime(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        raise TypeError("softmax has no element-wise derivative; pair it with cross-entropy")


ACTIVATIONS: dict[str, type[Activation]] = {
    cls.name: cls for cls in (Sigmoid, Tanh, ReLU, LeakyReLU, Linear, Softmax)
}
HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky-relu", "linear")


def activation(name: str) -> Activation:
    """The activation called ``name`` (accepts ``leaky_relu`` for ``leaky-relu``)."""
    key = name.replace("_", "-").lower()
    if key not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}; choose one of {', '.join(ACTIVATIONS)}")
    return ACTIVATIONS[key]()
