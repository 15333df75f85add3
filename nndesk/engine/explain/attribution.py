"""Which pixels pushed the network towards a digit: ∂aₖ/∂x and gradient × input.

The question "why 5 and not 3?" has a chain-rule answer.  Treat one output
aₖ as if it were the cost, C = aₖ, and run the network's own backpropagation
(``core/backprop.py``, the same one every other explanation runs) one layer
further than training needs, down to the pixels:

    δᴸ = ∂aₖ/∂zᴸ             σ′(zᴸ)·eₖ for an element-wise output; aₖ(eₖ − a) for softmax
    δ⁽ˡ⁾ = (W⁽ˡ⁾)ᵀ·δ⁽ˡ⁺¹⁾ ⊙ σ′(z⁽ˡ⁾)
    ∂aₖ/∂x = δ⁽¹⁾·W⁽⁰⁾         how much aₖ would move per unit of each pixel

Gradient × input, xᵢ·∂aₖ/∂xᵢ, keeps only the pixels that are inked: what the
drawing itself did for digit k (a blank pixel contributed nothing, however
sensitive aₖ is to it).  Positive means the pixel pushed towards k.

Both are first-order: they say what a small change of each pixel would do,
which ``tests/engine/explain/test_attribution.py`` checks against finite
differences of the output.  A ``ConvNet`` runs its own backward pass the same
way, down through the poolings and kernels to the pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nndesk.engine.core.activations import Activation
from nndesk.engine.core.backprop import backprop
from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.costs import Cost
from nndesk.engine.core.network import Network


class OutputOf(Cost):
    """C = a_{k[i]} of each sample i: the "cost" whose backpropagation gives ∂aₖ/∂x (the targets are ignored)."""

    name = "output"
    cancels_sigma_prime = True  # backprop takes δᴸ from ``delta``: a softmax output has no element-wise σ′

    def __init__(self, k: np.ndarray) -> None:
        self.k = np.asarray(k, dtype=np.intp)

    def _onehot(self, a: np.ndarray) -> np.ndarray:
        e = np.zeros_like(a)
        e[np.arange(len(a)), self.k] = 1
        return e

    def total(self, a: np.ndarray, t: np.ndarray, act: Activation):
        return a[np.arange(len(a)), self.k].sum()

    def grad_a(self, a: np.ndarray, t: np.ndarray, act: Activation) -> np.ndarray:
        return self._onehot(a)  # ∂aₖ/∂a = eₖ

    def delta(self, z: np.ndarray, a: np.ndarray, t: np.ndarray, act: Activation) -> np.ndarray:
        e = self._onehot(a)
        if act.elementwise:
            return e * act.prime(z, a)  # ∂aₖ/∂zⱼ = σ′(zₖ) if j = k else 0
        return a[np.arange(len(a)), self.k][:, None] * (e - a)  # softmax: ∂aₖ/∂zⱼ = aₖ(δₖⱼ − aⱼ)


@dataclass(frozen=True, eq=False)
class Attribution:
    """For each asked-for output k: ∂aₖ/∂x and x ⊙ ∂aₖ/∂x, rows in the order of ``digits``."""

    digits: tuple[int, ...]
    outputs: np.ndarray  # a⁽ᴸ⁾ of the input, all outputs
    gradient: np.ndarray  # (len(digits), n_inputs): ∂aₖ/∂x
    times_input: np.ndarray  # (len(digits), n_inputs): xᵢ·∂aₖ/∂xᵢ


def attribute(network: Network | ConvNet, x: np.ndarray, digits: tuple[int, ...] | list[int]) -> Attribution:
    """∂aₖ/∂x and gradient × input of one input ``x`` for each output k in ``digits`` (float64).

    The input is repeated once per digit, so one backward pass serves all of them.
    """
    net = network.astype(np.float64)
    x = np.asarray(x, dtype=np.float64).reshape(1, -1)
    ks = np.asarray(list(digits), dtype=np.intp)
    rows = np.repeat(x, len(ks), axis=0)
    if isinstance(net, ConvNet):
        net.cost = OutputOf(ks)  # (a float64 copy of its own) its backward pass then gives ∂aₖ/∂x
        gradient = net.input_gradient(rows, np.zeros((len(ks), net.sizes[-1]))) * len(ks)  # not a batch mean
        return Attribution(tuple(int(k) for k in ks), net.feedforward(x)[0], gradient, gradient * rows)
    ref = backprop(net.layers, OutputOf(ks), rows, np.zeros((len(ks), net.sizes[-1])), wrt_input=True)
    return Attribution(tuple(int(k) for k in ks), ref.activations[-1][0].copy(), ref.dC_dx, ref.dC_dx * rows)


def winner_and_runner_up(outputs: np.ndarray) -> tuple[int, int]:
    """The two digits the network likes most, best first."""
    order = np.argsort(-np.asarray(outputs).reshape(-1), kind="stable")
    return int(order[0]), int(order[1])
