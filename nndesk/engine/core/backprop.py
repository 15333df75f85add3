"""Backpropagation as the lecture writes it: the one reference for every number nndesk explains.

    forward   z⁽ˡ⁺¹⁾ = W⁽ˡ⁾·a⁽ˡ⁾ + b⁽ˡ⁺¹⁾,   a⁽ˡ⁺¹⁾ = σ(z⁽ˡ⁺¹⁾)
    output    δᴸ = ∇ₐC ⊙ σ′(zᴸ)              (cross-entropy: σ′ cancels, δᴸ = a − t)
    hidden    δ⁽ˡ⁾ = (W⁽ˡ⁾)ᵀ·δ⁽ˡ⁺¹⁾ ⊙ σ′(z⁽ˡ⁾)
    gradient  ∂C/∂W⁽ˡ⁾ = δ⁽ˡ⁺¹⁾·a⁽ˡ⁾ᵀ,   ∂C/∂b⁽ˡ⁺¹⁾ = δ⁽ˡ⁺¹⁾
    update    w_new = w − η·∂C/∂w           (frozen weights keep w)

Layer numbers are the lecture's: a⁽⁰⁾ is the input and W⁽ˡ⁾ joins neuron
layer l to layer l+1.  The lists are per weight layer, so one shift remains:
``zs[l]``, ``dC_da[l]``, ``sigma_prime[l]`` and ``deltas[l]`` belong to neuron
layer l+1 (there is no z⁽⁰⁾), while ``activations[l]`` is a⁽ˡ⁾.

Samples are rows.  The numbers may be floats or the slides' ``Decimal``
(the activations and costs are generic); ``shown`` rounds each number as
it is written down, before the next formula reads it — the identity in
float, a cut to 2–3 decimals in ``explain/slide.py``.  Who runs this:
``explain.trace`` (the inspector, the step-through, gradcheck), the slides,
and ``Network.backprop``'s unfactored form.  Training runs the factored
form beside it (``Network.backprop(…, factored=True)``); the tests in
tests/engine/core/test_backprop.py prove both land on the same weights.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from nndesk.engine.core.costs import Cost
from nndesk.engine.core.layers import Dense
from nndesk.engine.core.numbers import full

Quantity = Literal["z", "a", "cost", "dC_da", "sigma_prime", "delta", "gradient", "weight"]
Shown = Callable[[Quantity, Any], Any]


def exact(quantity: Quantity, value: Any) -> Any:
    """Numbers as computed: nothing is rounded between the formulas."""
    return value


@dataclass(frozen=True, eq=False)
class Backprop:
    """Every number of one forward and backward pass (lists per weight layer l, see the index note)."""

    zs: list[np.ndarray]  # zs[l] = z⁽ˡ⁺¹⁾, one row per sample
    activations: list[np.ndarray]  # activations[l] = a⁽ˡ⁾; [0] is the input
    cost: Any  # C, the mean over the samples
    dC_da: list[np.ndarray]  # ∂C/∂a⁽ˡ⁺¹⁾
    sigma_prime: list[np.ndarray]  # σ′(z⁽ˡ⁺¹⁾); NaN for a softmax output (no element-wise σ′)
    deltas: list[np.ndarray]  # δ⁽ˡ⁺¹⁾ = ∂C/∂z⁽ˡ⁺¹⁾ of each sample
    nabla_w: list[np.ndarray]  # ∂C/∂W⁽ˡ⁾, the mean over the samples
    nabla_b: list[np.ndarray]  # ∂C/∂b⁽ˡ⁺¹⁾, the mean over the samples
    learned: int  # samples that moved the weights (all but those step 4.1 skipped)
    dC_dx: np.ndarray | None = None  # ∂C/∂a⁽⁰⁾ = δ⁽¹⁾·W⁽⁰⁾ of each sample, when asked for (``wrt_input``)


def backprop(layers: Sequence[Dense], cost: Cost, x: np.ndarray, t: np.ndarray, tolerance: float | None = None,
             shown: Shown = exact, wrt_input: bool = False) -> Backprop:
    """One forward and backward pass over the rows of ``x`` with targets ``t``.

    ``tolerance`` is the lecture's step 4.1: a sample whose every output is
    within ``tolerance`` of its target changes no weight (its δ is 0), while
    the gradients stay means over all the samples.  ``wrt_input`` carries δ one
    layer further, to the pixels: ∂C/∂a⁽⁰⁾ (what ``explain/attribution.py`` shows).
    """
    a, zs, acts = x, [], [x]
    for layer in layers:
        z = shown("z", a @ layer.weights.T + layer.bias)  # z = W·a + b
        a = shown("a", layer.activation.fn(z))  # a = σ(z)
        zs.append(z)
        acts.append(a)
    n, out = len(x), layers[-1].activation
    c = shown("cost", cost.total(a, t, out) / n)
    dC_da, sigma_prime, deltas, nabla_w, nabla_b = ([None] * len(layers) for _ in range(5))
    with np.errstate(divide="ignore", invalid="ignore"):  # cross-entropy's ∂C/∂a at a saturated output
        dC_da[-1] = shown("dC_da", cost.grad_a(a, t, out))  # the lecture's C′ = −(t − a)
    sigma_prime[-1] = shown("sigma_prime", out.prime(zs[-1], a) if out.elementwise else full(a.shape, "NaN", a))
    if cost.cancels_sigma_prime:
        g = cost.delta(zs[-1], a, t, out)  # δᴸ = a − t
    else:
        g = dC_da[-1] * sigma_prime[-1]  # δᴸ = ∇ₐC ⊙ σ′(zᴸ)
    learned = n
    if tolerance is not None:
        close = np.all(abs(t - a) <= tolerance, axis=1)
        g[close] = 0
        learned -= int(close.sum())
    for l in range(len(layers) - 1, -1, -1):  # g is δ⁽ˡ⁺¹⁾ before it is shown
        deltas[l] = shown("delta", g)
        nabla_w[l] = shown("gradient", g.T @ acts[l] / n)  # ∂C/∂w_kj = δ_k·a_j, averaged over the samples
        nabla_b[l] = shown("gradient", g.sum(axis=0) / n)  # ∂C/∂b_k = δ_k
        if l > 0:
            # δ⁽ˡ⁾ = (W⁽ˡ⁾)ᵀ·δ⁽ˡ⁺¹⁾ ⊙ σ′(z⁽ˡ⁾), from the δ as shown (the slides multiply what they wrote)
            dC_da[l - 1] = shown("dC_da", deltas[l] @ layers[l].weights)
            sigma_prime[l - 1] = shown("sigma_prime", layers[l - 1].activation.prime(zs[l - 1], acts[l]))
            g = dC_da[l - 1] * sigma_prime[l - 1]
    dC_dx = shown("dC_da", deltas[0] @ layers[0].weights) if wrt_input else None  # ∂C/∂a⁽⁰⁾ = δ⁽¹⁾·W⁽⁰⁾
    return Backprop(zs, acts, c, dC_da, sigma_prime, deltas, nabla_w, nabla_b, learned, dC_dx)


def update(layers: Sequence[Dense], nabla_w: Sequence[np.ndarray], nabla_b: Sequence[np.ndarray], eta: Any,
           shown: Shown = exact) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The lecture's formula 4, w_new = w − η·∂C/∂w, as new arrays; frozen weights and biases keep theirs.

    Training moves the weights in place through ``optimizers`` instead (SGD is this rule).
    """
    new_w, new_b = [], []
    for layer, gw, gb in zip(layers, nabla_w, nabla_b):
        w = shown("weight", layer.weights - eta * gw)
        b = shown("weight", layer.bias - eta * gb)
        new_w.append(w if layer.frozen is None else np.where(layer.frozen, layer.weights, w))
        new_b.append(b if layer.frozen_bias is None else np.where(layer.frozen_bias, layer.bias, b))
    return new_w, new_b
