"""Small networks with every activation the engine has, and both output kinds, for the export tests."""

from __future__ import annotations

import numpy as np

from nndesk.engine.core.activations import HIDDEN_ACTIVATIONS
from nndesk.engine.core.network import Network

# (hidden σ, cost, outputs): every hidden activation once with each output kind (sigmoid/quadratic,
# softmax/cross-entropy), and the one-output sigmoid with cross-entropy
KINDS = [(h, c, n) for h in HIDDEN_ACTIVATIONS for c, n in (("quadratic", 3), ("cross-entropy", 4))]
KINDS += [("tanh", "cross-entropy", 1)]


def small_net(hidden: str, cost: str, n_out: int, dtype: type = np.float32) -> Network:
    """A 6-5-4-n network with weights big enough that every σ sees both signs and its curved part."""
    net = Network.create([6, 5, 4, n_out], hidden, cost, seed=len(hidden) + n_out, dtype=dtype)
    rng = np.random.default_rng(7)
    for layer in net.layers:
        layer.weights = rng.normal(0, 1.5, layer.weights.shape).astype(dtype)
        layer.bias = rng.normal(0, 0.5, layer.bias.shape).astype(dtype)
    return net


def inputs(n: int = 64, d: int = 6, dtype: type = np.float32) -> np.ndarray:
    return np.random.default_rng(3).normal(0, 2, (n, d)).astype(dtype)
