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
    if name == "small":  # the lecture: "размечаем произвольные значения веса"
        scale = 0.1
    elif name == "xavier":  # Glorot: Var = 2 / (fan_in + fan_out)
        scale = np.sqrt(2.0 / (n_in + n_out))
    elif name == "lecun":  # Var = 1 / fan_in
        scale = np.sqrt(1.0 / n_in)
    elif name == "he":  # Var = 2 / fan_in, for ReLU
        scale = np.sqrt(2.0 / n_in)
    else:
        raise ValueError(f"unknown initialisation {name!r}; choose one of {', '.join(INITIALIZERS)}")
    return (rng.standard_normal((n_out, n_in)) * scale).astype(dtype)


def default_initializer(activation_name: str) -> str:
    """He for the ReLU family, Xavier for the S-shaped and linear ones."""
    return "he" if "relu" in activation_name else "xavier"
