"""One sample's every intermediate number: z, a, ∂C/∂a, σ′, δ, ∂C/∂w, ∂C/∂b and the new weights.

Training keeps only what it needs; the step-by-step view and the inspector
need everything in between.  ``trace`` runs the lecture's reference
(``core/backprop.py``) on one sample in float64 — the same code that
``Network.backprop`` runs unfactored and ``slide.py`` runs over Decimals —
so its gradients are backprop's, bit for bit (the tests check this):

    z⁽ˡ⁺¹⁾ = W⁽ˡ⁾·a⁽ˡ⁾ + b,   a⁽ˡ⁺¹⁾ = σ(z⁽ˡ⁺¹⁾)
    output:  ∂C/∂a = −(t − a) (quadratic),  δ = ∂C/∂a ⊙ σ′(z)   (cross-entropy: δ = a − t)
    hidden:  ∂C/∂a⁽ˡ⁾ = (W⁽ˡ⁾)ᵀ δ⁽ˡ⁺¹⁾,      δ⁽ˡ⁾ = ∂C/∂a⁽ˡ⁾ ⊙ σ′(z⁽ˡ⁾)
    ∂C/∂w_kj = δ_k · a_j,   ∂C/∂b_k = δ_k,   w_new = w − η·∂C/∂w   (frozen weights keep w)

Index shift, as in ``Network``: list index ``l`` is the weight layer W⁽ˡ⁾, so
``zs[l]``, ``dC_da[l]``, ``sigma_prime[l]`` and ``deltas[l]`` belong to neuron
layer l+1, while ``activations[l]`` is a⁽ˡ⁾ (``activations[0]`` is the input).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nndesk.engine.core.backprop import Shown, backprop, exact, update
from nndesk.engine.core.costs import Cost
from nndesk.engine.core.layers import Dense
from nndesk.engine.core.network import Network


@dataclass(frozen=True, eq=False)
class Trace:
    x: np.ndarray  # a⁽⁰⁾
    t: np.ndarray  # target
    eta: Any  # η
    weights: list[np.ndarray]  # W⁽ˡ⁾ before the update
    biases: list[np.ndarray]
    zs: list[np.ndarray]
    activations: list[np.ndarray]
    cost: Any  # C
    dC_da: list[np.ndarray]  # ∂C/∂a; for softmax + cross-entropy output −t/a
    sigma_prime: list[np.ndarray]  # σ′(z); NaN for a softmax output (no element-wise σ′)
    deltas: list[np.ndarray]  # δ = ∂C/∂z
    nabla_w: list[np.ndarray]
    nabla_b: list[np.ndarray]
    new_weights: list[np.ndarray]  # W − η·∇C
    new_biases: list[np.ndarray]

    @property
    def n_layers(self) -> int:
        """Number of weight layers (the output is neuron layer ``n_layers``)."""
        return len(self.weights)


def trace(network: Network, x: np.ndarray, t: np.ndarray, eta: float) -> Trace:
    """Every intermediate of one forward and backward pass for the sample (x, t), in float64."""
    net = network if network.dtype == np.float64 else network.astype(np.float64)
    xb = np.asarray(x, dtype=np.float64).reshape(1, -1)
    tb = np.asarray(t, dtype=np.float64).reshape(1, -1)
    return sample_trace(net.layers, net.cost, xb, tb, float(eta), float)


def sample_trace(layers: Sequence[Dense], cost: Cost, x: np.ndarray, t: np.ndarray, eta: Any,
                 number: type = float, shown: Shown = exact) -> Trace:
    """The reference's pass and update for one sample (1-row ``x`` and ``t``), as a ``Trace``.

    ``number`` is the cost's type (float, or the slides' Decimal); ``shown`` rounds as on the slides.
    """
    p = backprop(layers, cost, x, t, shown=shown)
    new_w, new_b = update(layers, p.nabla_w, p.nabla_b, eta, shown)

    def row(arrays: list[np.ndarray]) -> list[np.ndarray]:
        return [v[0] for v in arrays]
    return Trace(
        x=x[0], t=t[0], eta=eta,
        weights=[layer.weights.copy() for layer in layers], biases=[layer.bias.copy() for layer in layers],
        zs=row(p.zs), activations=row(p.activations), cost=number(p.cost),
        dC_da=row(p.dC_da), sigma_prime=row(p.sigma_prime), deltas=row(p.deltas),
        nabla_w=p.nabla_w, nabla_b=p.nabla_b, new_weights=new_w, new_biases=new_b,
    )
