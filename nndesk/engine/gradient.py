"""A layer's batch gradient kept as its two factors, ∂C/∂[W | b]ᵀ = [a | 1]ᵀ·δ.

The lecture's ∂C/∂w_kj = δ_k · a_j is an outer product per sample; over a
mini-batch it is δᵀ·a, with δ already divided by the batch size, and with a
column of ones appended to a it covers the biases too (∂C/∂b_k = δ_k).
Keeping the factors lets an optimizer fold the product into its update
(``accumulate_into``: P ← β·P + α·[a | 1]ᵀ·δ in one BLAS call) instead of
materialising a matrix as big as the layer and passing over it twice more.
Whoever needs the numbers (the inspector, a frozen-weight mask, Adam)
calls ``dense()``.  The orientation, [W | b]ᵀ, is ``Dense.params``'s.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from nndesk.engine.gemm import accumulate_product


class OuterGradient(NamedTuple):
    a: np.ndarray  # (batch, n_in + 1): [a | 1], the activations feeding the layer and the bias's 1
    delta: np.ndarray  # (batch, n_out): ∂C/∂z of each sample, divided by the batch size

    @property
    def shape(self) -> tuple[int, int]:
        return self.a.shape[1], self.delta.shape[1]

    def dense(self) -> np.ndarray:
        """∂C/∂[W | b]ᵀ as a matrix of ``Dense.params``'s shape."""
        return self.a.T @ self.delta

    def accumulate_into(self, target: np.ndarray, alpha: float, beta: float = 1.0) -> None:
        """target ← β·target + α·∂C/∂[W | b]ᵀ, in place."""
        accumulate_product(target, self.a, self.delta, alpha, beta)


def dense(g: np.ndarray | OuterGradient) -> np.ndarray:
    """``g`` as an array, multiplying out an ``OuterGradient``."""
    return g.dense() if isinstance(g, OuterGradient) else g
