"""Activation functions σ and their derivatives σ′, one small class each.

Every activation shares one interface (Nielsen's costs do the same):
``fn(z)`` is a = σ(z) and ``prime(z, a)`` is ∂a/∂z.  ``prime`` receives the
already computed activation ``a`` too, because for the sigmoid the lecture
writes σ′(z) = σ(z)(1 − σ(z)) = a(1 − a): reusing ``a`` is both the lecture's
formula and the cheap way.  Softmax has no element-wise derivative; it only
appears as the output of cross-entropy, whose δ = a − t needs none.

Each formula is written once and runs on any number type: float arrays for
training, and ``Decimal`` arrays for the slides' hand arithmetic
(``explain/slide.py`` calls these very objects).  ``numbers`` supplies what
depends on the type (tanh, constants, 0/1 masks).  ``into`` is the training
loop's in-place float copy of ``fn``.
"""

from __future__ import annotations

import numpy as np

from nndesk.engine.core.numbers import full, indicator, number, tanh


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
        return (1 + tanh(z / 2)) / 2

    def into(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        np.multiply(z, 0.5, out=out)
        np.tanh(out, out=out)
        out += 1.0
        out *= 0.5
        return out

    def prime(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return a * (1 - a)  # σ′(z) = σ(z)(1 − σ(z))


class Tanh(Activation):
    """tanh z = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ): an S like σ, but from −1 to 1."""

    name = "tanh"

    def fn(self, z: np.ndarray) -> np.ndarray:
        return tanh(z)

    def into(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        return np.tanh(z, out=out)

    def prime(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return 1 - a * a  # tanh′(z) = 1 − tanh²(z)


class ReLU(Activation):
    """max(z, 0)."""

    name = "relu"

    def fn(self, z: np.ndarray) -> np.ndarray:
        # a = max(z, 0), against a row of zeros: numpy's fast (SIMD) loop for maximum needs
        # both operands to advance in memory; the scalar 0 takes a loop 1.5–2.5× slower.
        return np.maximum(z, full(z.shape[-1:], 0, z))

    def into(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        return np.maximum(z, np.zeros(z.shape[-1:], z.dtype), out=out)

    def prime(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return indicator(z > 0, z)  # 1 for z > 0, else 0 (at the kink too)


class LeakyReLU(Activation):
    """max(z, αz) with α = 0.01: keeps a small gradient for negative z."""

    name = "leaky-relu"
    alpha = 0.01

    def _alpha(self, z: np.ndarray):
        """α in z's number type, read from its decimal text (the slides' Decimal gets exactly 0.01)."""
        return number(z, repr(self.alpha))

    def fn(self, z: np.ndarray) -> np.ndarray:
        return np.maximum(z, self._alpha(z) * z)  # z for z > 0, αz below (0 < α < 1)

    def prime(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        alpha = self._alpha(z)
        slope = indicator(z > 0, z) * (1 - alpha)
        slope += alpha  # α + (1 − α)·[z > 0]: 1 above 0, α below (a cast and two passes beat ``where`` 5×)
        return slope


class Linear(Activation):
    """The identity, a = z: a layer that only mixes its inputs."""

    name = "linear"

    def fn(self, z: np.ndarray) -> np.ndarray:
        return z

    def prime(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return full(z.shape, 1, z)


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
