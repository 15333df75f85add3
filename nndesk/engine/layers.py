"""A dense layer: the weights W⁽ᴸ⁻¹⁾, the bias b and the activation σ of layer L.

Index convention, as in the lecture: ``weights[k, j]`` is w_kj, the weight
from neuron j of layer L−1 into neuron k of layer L, so one row is one
neuron's incoming weights and a⁽ᴸ⁾ = σ(W⁽ᴸ⁻¹⁾·a⁽ᴸ⁻¹⁾ + b).  Samples are rows,
so the code computes the same thing as ``a_prev @ W.T + b``.

``frozen`` marks weights that training must not change (the inspector's
freeze and prune); ``None`` means all are trainable, the fast common case.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nndesk.engine.activations import Activation


@dataclass(eq=False)
class Dense:
    weights: np.ndarray  # (n_out, n_in): W⁽ᴸ⁻¹⁾
    bias: np.ndarray  # (n_out,): b
    activation: Activation
    frozen: np.ndarray | None = field(default=None)  # bool (n_out, n_in)
    frozen_bias: np.ndarray | None = field(default=None)  # bool (n_out,)

    @property
    def n_in(self) -> int:
        return self.weights.shape[1]

    @property
    def n_out(self) -> int:
        return self.weights.shape[0]

    def z(self, a_prev: np.ndarray) -> np.ndarray:
        """z = W·a⁽ᴸ⁻¹⁾ + b for every sample (row) of ``a_prev``."""
        return a_prev @ self.weights.T + self.bias

    def copy(self) -> Dense:
        return Dense(self.weights.copy(), self.bias.copy(), self.activation,
                     None if self.frozen is None else self.frozen.copy(),
                     None if self.frozen_bias is None else self.frozen_bias.copy())

    def __repr__(self) -> str:
        return f"Dense({self.n_in}→{self.n_out}, {self.activation.name})"
