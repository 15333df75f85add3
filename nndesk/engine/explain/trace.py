"""One sample's every intermediate number: z, a, ∂C/∂a, σ′, δ, ∂C/∂w, ∂C/∂b and the new weights.

``Network.backprop`` keeps only what training needs; the step-by-step view
and the inspector need everything in between.  ``trace`` runs the same
formulas on one sample in float64, in the same order, so its gradients equal
``backprop``'s bit for bit (the tests check this):

    z⁽ˡ⁺¹⁾ = W⁽ˡ⁾·a⁽ˡ⁾ + b,   a⁽ˡ⁺¹⁾ = σ(z⁽ˡ⁺¹⁾)
    output:  ∂C/∂a = −(t − a) (quadratic),  δ = ∂C/∂a ⊙ σ′(z)   (the cost's ``delta``)
    hidden:  ∂C/∂a⁽ˡ⁾ = (W⁽ˡ⁾)ᵀ δ⁽ˡ⁺¹⁾,      δ⁽ˡ⁾ = ∂C/∂a⁽ˡ⁾ ⊙ σ′(z⁽ˡ⁾)
    ∂C/∂w_kj = δ_k · a_j,   ∂C/∂b_k = δ_k,   w_new = w − η·∂C/∂w   (frozen weights keep w)

Index shift, as in ``Network``: list index ``l`` is the weight layer W⁽ˡ⁾, so
``zs[l]``, ``dC_da[l]``, ``sigma_prime[l]`` and ``deltas[l]`` belong to neuron
layer l+1, while ``activations[l]`` is a⁽ˡ⁾ (``activations[0]`` is the input).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nndesk.engine.core.network import Network


@dataclass(frozen=True, eq=False)
class Trace:
    x: np.ndarray  # a⁽⁰⁾
    t: np.ndarray  # target
    eta: float  # η
    weights: list[np.ndarray]  # W⁽ˡ⁾ before the update
    biases: list[np.ndarray]
    zs: list[np.ndarray]
    activations: list[np.ndarray]
    cost: float  # C
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


def _output_dC_da(cost_name: str, act_name: str, a: np.ndarray, t: np.ndarray) -> np.ndarray:
    """∂C/∂a at the output, for display; the δ used below always comes from the cost."""
    if cost_name == "quadratic":
        return -(t - a)  # the lecture's C′ = −(a_target − a_output)
    if act_name == "softmax":
        return -t / a  # C = −Σ t ln a
    return (a - t) / (a * (1 - a))  # binary cross-entropy


def trace(network: Network, x: np.ndarray, t: np.ndarray, eta: float) -> Trace:
    """Every intermediate of one forward and backward pass for the sample (x, t), in float64."""
    net = network if network.dtype == np.float64 else network.astype(np.float64)
    xb = np.asarray(x, dtype=np.float64).reshape(1, -1)
    tb = np.asarray(t, dtype=np.float64).reshape(1, -1)
    zs, activations = net.forward(xb)
    layers, out = net.layers, net.output_activation
    cost = net.cost.fn(activations[-1], tb, out)
    n = len(layers)
    dC_da: list[np.ndarray] = [None] * n  # type: ignore[list-item]
    sigma_prime: list[np.ndarray] = [None] * n  # type: ignore[list-item]
    deltas: list[np.ndarray] = [None] * n  # type: ignore[list-item]
    nabla_w: list[np.ndarray] = [None] * n  # type: ignore[list-item]
    nabla_b: list[np.ndarray] = [None] * n  # type: ignore[list-item]
    a_out = activations[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        dC_da[-1] = _output_dC_da(net.cost.name, out.name, a_out, tb)
    sigma_prime[-1] = np.full_like(a_out, np.nan) if not out.elementwise else out.prime(zs[-1], a_out)
    delta = net.cost.delta(zs[-1], a_out, tb, out)  # δᴸ, exactly as backprop computes it
    for l in range(n - 1, -1, -1):
        deltas[l] = delta
        nabla_w[l] = delta.T @ activations[l] / 1  # ∂C/∂w_kj = δ_k a_j
        nabla_b[l] = delta.sum(axis=0) / 1  # ∂C/∂b_k = δ_k
        if l > 0:
            below = layers[l - 1].activation
            dC_da[l - 1] = delta @ layers[l].weights  # ∂C/∂a⁽ˡ⁾ = (W⁽ˡ⁾)ᵀ δ⁽ˡ⁺¹⁾
            sigma_prime[l - 1] = below.prime(zs[l - 1], activations[l])
            delta = dC_da[l - 1] * sigma_prime[l - 1]  # δ⁽ˡ⁾ = ∂C/∂a ⊙ σ′(z)
    new_w, new_b = [], []
    for layer, gw, gb in zip(layers, nabla_w, nabla_b):
        w = layer.weights - eta * gw  # w_new = w − η·∇C
        b = layer.bias - eta * gb
        if layer.frozen is not None:
            w = np.where(layer.frozen, layer.weights, w)
        if layer.frozen_bias is not None:
            b = np.where(layer.frozen_bias, layer.bias, b)
        new_w.append(w)
        new_b.append(b)
    row = [v.ravel() for v in (xb, tb)]
    return Trace(
        x=row[0], t=row[1], eta=float(eta),
        weights=[layer.weights.copy() for layer in layers], biases=[layer.bias.copy() for layer in layers],
        zs=[z[0] for z in zs], activations=[a[0] for a in activations], cost=float(cost),
        dC_da=[v[0] for v in dC_da], sigma_prime=[v[0] for v in sigma_prime], deltas=[v[0] for v in deltas],
        nabla_w=nabla_w, nabla_b=nabla_b, new_weights=new_w, new_biases=new_b,
    )
