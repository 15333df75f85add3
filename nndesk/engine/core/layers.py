"""A dense layer: the weights W⁽ᴸ⁻¹⁾, the bias b and the activation σ of layer L.

Index convention, as in the lecture: ``weights[k, j]`` is w_kj, the weight
from neuron j of layer L−1 into neuron k of layer L, so one row is one
neuron's incoming weights and a⁽ᴸ⁾ = σ(W⁽ᴸ⁻¹⁾·a⁽ᴸ⁻¹⁾ + b).  Samples are rows,
so the code computes the same thing as ``a_prev @ W.T + b``.

W and b live in one array: b is the weight of an extra input that is always
1, so [a | 1]·[W | b]ᵀ = W·a + b.  ``params`` stores [W | b]ᵀ, shape
(n_in + 1, n_out): row j holds the weights leaving input j, the last row the
biases, column k is neuron k.  That way round, both products of training are
the fastest kind for BLAS (z = [a | 1]·params, and params −= η·[a | 1]ᵀ·δ;
about 4 µs a batch less than with [W | b]).  ``weights`` and ``bias`` are
views into it, in the lecture's orientation (assigning to them copies the
values in), and the training loop moves both with one matrix product per
layer (``Network.backprop(…, factored=True)``).

``frozen`` marks weights that training must not change (the inspector's
freeze and prune); ``None`` means all are trainable, the fast common case.
"""

from __future__ import annotations

import numpy as np

from nndesk.engine.core.activations import Activation


class Dense:
    def __init__(self, weights: np.ndarray, bias: np.ndarray, activation: Activation,
                 frozen: np.ndarray | None = None, frozen_bias: np.ndarray | None = None) -> None:
        self.activation = activation
        self.frozen = frozen  # bool (n_out, n_in)
        self.frozen_bias = frozen_bias  # bool (n_out,)
        self._store(np.asarray(weights), np.asarray(bias))

    def _store(self, weights: np.ndarray, bias: np.ndarray) -> None:
        if weights.ndim != 2 or bias.shape != weights.shape[:1]:
            raise ValueError(f"weights {weights.shape} and bias {bias.shape} don't make a layer")
        params = np.empty((weights.shape[1] + 1, weights.shape[0]), weights.dtype)
        params[:-1] = weights.T
        params[-1] = bias
        self.params = params  # [W | b]ᵀ
        self._weights, self._bias = params[:-1].T, params[-1]

    @property
    def weights(self) -> np.ndarray:
        """W⁽ᴸ⁻¹⁾, (n_out, n_in): a view into ``params``."""
        return self._weights

    @weights.setter
    def weights(self, value: np.ndarray) -> None:
        value = np.asarray(value)
        if value.shape == self._weights.shape and value.dtype == self.params.dtype:
            self._weights[...] = value
        else:  # a new shape or dtype (float64 for step-by-step): a new [W | b]
            self._store(value, self._bias.astype(value.dtype))

    @property
    def bias(self) -> np.ndarray:
        """b, (n_out,): a view into ``params``."""
        return self._bias

    @bias.setter
    def bias(self, value: np.ndarray) -> None:
        value = np.asarray(value)
        if value.shape == self._bias.shape and value.dtype == self.params.dtype:
            self._bias[...] = value
        else:
            self._store(self._weights.astype(value.dtype), value)

    @property
    def n_in(self) -> int:
        return self.params.shape[0] - 1

    @property
    def n_out(self) -> int:
        return self.params.shape[1]

    def z(self, a_prev: np.ndarray) -> np.ndarray:
        """z = W·a⁽ᴸ⁻¹⁾ + b for every sample (row) of ``a_prev``."""
        return a_prev @ self.weights.T + self.bias

    def copy(self) -> Dense:
        return Dense(self.weights.copy(), self.bias.copy(), self.activation,
                     None if self.frozen is None else self.frozen.copy(),
                     None if self.frozen_bias is None else self.frozen_bias.copy())

    def __repr__(self) -> str:
        return f"Dense({self.n_in}→{self.n_out}, {self.activation.name})"
