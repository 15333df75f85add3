"""Initial weights: the lecture's "arbitrary" small numbers, or scaled by fan-in.

Biases start at 0 (the lecture sets b = 0).  Scaling by the fan-in keeps
z = W·a + b of order one, so deep or wide layers don't start saturated.
"""

from __future__ import annotations

import numpy as np

INITIALIZERS = ("small", "xavier", "lecun", "he")


def init_weights(name: str, n_out: int, n_in: int, rng: np.random.Generator,
                 dtype: np.dtype | type = np.float32) -> np.ndarray:
    """A (n_out, n_in) matrix W: row k holds the weights w_kj into neuron k."""
    return (rng.standard_normal((n_out, n_in)) * init_scale(name, n_out, n_in)).astype(dtype)


def init_scale(name: str, n_out: int, n_in: int) -> float:
    """The standard deviation of ``name``'s weights for a layer of n_in inputs and n_out neurons."""
    if name == "small":  # the lecture: "размечаем произвольные значения веса"
        return 0.1
    if name == "xavier":  # Glorot: Var = 2 / (fan_in + fan_out)
        return float(np.sqrt(2.0 / (n_in + n_out)))
    if name == "lecun":  # Var = 1 / fan_in
        return float(np.sqrt(1.0 / n_in))
    if name == "he":  # Var = 2 / fan_in, for ReLU
        return float(np.sqrt(2.0 / n_in))
    raise ValueError(f"unknown initialisation {name!r}; choose one of {', '.join(INITIALIZERS)}")


def default_initializer(activation_name: str) -> str:
    """He for the ReLU family, Xavier for the S-shaped and linear ones."""
    return "he" if "relu" in activation_name else "xavier"
