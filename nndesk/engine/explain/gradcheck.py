"""Check one gradient without backpropagation: nudge the weight and watch the cost.

    ∂C/∂w ≈ [−C(w+2h) + 8C(w+h) − 8C(w−h) + C(w−2h)] / 12h

is the central difference (C(w+h) − C(w−h)) / 2h with its h² error term
removed by Richardson extrapolation: its error shrinks like h⁴, so
h = 10⁻³ is both far from float64 round-off and accurate to ~10⁻¹²
relative.  The cost is computed in float64 on a copy; the network passed in
is never touched.  Near a ReLU kink (|z| < 2h·|a_j|) no difference formula is
meaningful; ``GradCheck.relative_error`` will say so by being large.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nndesk.engine.core.network import Network
from nndesk.engine.explain.trace import trace


@dataclass(frozen=True)
class GradCheck:
    backprop: float  # ∂C/∂w from backpropagation
    estimate: float  # from finite differences
    h: float

    @property
    def relative_error(self) -> float:
        """|g − ĝ| / max(|g|, |ĝ|); 0 when both are 0."""
        scale = max(abs(self.backprop), abs(self.estimate))
        return abs(self.backprop - self.estimate) / scale if scale > 0 else 0.0


def numerical_gradient(network: Network, x: np.ndarray, t: np.ndarray, layer: int, k: int,
                       j: int | None = None, h: float = 1e-3) -> float:
    """∂C/∂w_kj⁽ˡᵃʸᵉʳ⁾ (or ∂C/∂b_k when ``j`` is None) for the sample (x, t), by differences."""
    net = network.astype(np.float64)
    xb = np.asarray(x, dtype=np.float64).reshape(1, -1)
    tb = np.asarray(t, dtype=np.float64).reshape(1, -1)
    param = net.layers[layer].weights if j is not None else net.layers[layer].bias
    idx = (k, j) if j is not None else (k,)
    w0 = float(param[idx])

    def cost_at(w: float) -> float:
        param[idx] = w
        return net.cost.fn(net.feedforward(xb), tb, net.output_activation)

    c = [cost_at(w0 + m * h) for m in (2, 1, -1, -2)]
    param[idx] = w0
    return (-c[0] + 8 * c[1] - 8 * c[2] + c[3]) / (12 * h)


def gradcheck(network: Network, x: np.ndarray, t: np.ndarray, layer: int, k: int,
              j: int | None = None, h: float = 1e-3) -> GradCheck:
    """Backprop's ∂C/∂w next to the finite-difference estimate, for one weight or bias."""
    tr = trace(network, x, t, 0.0)
    g = tr.nabla_w[layer][k, j] if j is not None else tr.nabla_b[layer][k]
    return GradCheck(float(g), numerical_gradient(network, x, t, layer, k, j, h), h)
