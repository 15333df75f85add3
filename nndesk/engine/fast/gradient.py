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

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from nndesk.engine.fast.gemm import accumulate_product


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


class BatchGradients:
    """One batch's ∂C/∂W and ∂C/∂b per layer, multiplied out only when first read.

    The training loop keeps its gradients factored; turning the last batch's
    into matrices costs about 3 ms an epoch on 784-800-10, which only the
    inspector and the histograms want (the command line never does).  So the
    loop hands over the factors and whoever reads ``weights[l]`` or
    ``biases[l]`` pays for that layer, once.  Unpacks as (weights, biases).
    """

    def __init__(self, grads: list[np.ndarray | OuterGradient]) -> None:
        self._grads = grads  # each layer's ∂C/∂[W | b]ᵀ, factored or not; never written after the batch
        self._dense: list[np.ndarray | None] = [None] * len(grads)

    # Views made on each access, not kept: an owner ⇄ view cycle would leave the factors (a
    # convolution's are megabytes) to the cyclic garbage collector, epochs later.
    @property
    def weights(self) -> _Part:
        """∂C/∂W per layer, (n_out, n_in) like Dense.weights."""
        return _Part(self, lambda g: g[:-1].T)

    @property
    def biases(self) -> _Part:
        """∂C/∂b per layer."""
        return _Part(self, lambda g: g[-1])

    def layer(self, l: int) -> np.ndarray:
        """∂C/∂[W | b]ᵀ of layer ``l`` as a matrix (computed once)."""
        if self._dense[l] is None:
            self._dense[l] = dense(self._grads[l])
        return self._dense[l]

    def __len__(self) -> int:
        return len(self._grads)

    def __iter__(self):
        return iter((self.weights, self.biases))


class _Part(Sequence):
    """``BatchGradients.weights`` or ``.biases``: a read-only list of arrays made on demand."""

    def __init__(self, owner: BatchGradients, pick) -> None:
        self._owner, self._pick = owner, pick

    def __len__(self) -> int:
        return len(self._owner)

    def __getitem__(self, l: int) -> np.ndarray:
        if not -len(self) <= l < len(self):
            raise IndexError(l)
        return self._pick(self._owner.layer(l % len(self)))
