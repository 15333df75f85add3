"""A weight matrix's batch gradient kept as its two factors, ∂C/∂W = δᵀ·a.

The lecture's ∂C/∂w_kj = δ_k · a_j is an outer product per sample; over a
mini-batch it is δᵀ·a, with δ already divided by the batch size.  Keeping
the factors lets an optimizer fold the product into its update
(``accumulate_into``: W ← β·W + α·δᵀ·a in one BLAS call) instead of
materialising a matrix as big as W and passing over it twice more.
Whoever needs the numbers (the inspector, a frozen-weight mask, Adam)
calls ``dense()``.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from nndesk.engine.gemm import accumulate_product


class OuterGradient(NamedTuple):
    delta: np.ndarray  # (batch, n_out): ∂C/∂z of each sample, divided by the batch size
    a: np.ndarray  # (batch, n_in): the activations feeding the layer

    @property
    def shape(self) -> tuple[int, int]:
        return self.delta.shape[1], self.a.shape[1]

    def dense(self) -> np.ndarray:
        """∂C/∂W as a matrix of the weights' shape."""
        return self.delta.T @ self.a

    def accumulate_into(self, target: np.ndarray, alpha: float, beta: float = 1.0) -> None:
        """target ← β·target + α·∂C/∂W, in place."""
        accumulate_product(target, self.delta, self.a, alpha, beta)


def dense(g: np.ndarray | OuterGradient) -> np.ndarray:
    """``g`` as an array, multiplying out an ``OuterGradient``."""
    return g.dense() if isinstance(g, OuterGradient) else g
