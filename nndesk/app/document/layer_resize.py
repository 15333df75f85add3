"""New and resized weight matrices for the editor: keep what was learned, start the rest small.

Pure numpy on ``Dense`` layers (the document calls these, then rebuilds the
``Network``).  Fresh weights use the same fan-in scaling as ``Network.create``
(He for ReLU, Xavier otherwise), so a grown layer does not start saturated.
"""

from __future__ import annotations

import numpy as np

from nndesk.engine.core.activations import activation
from nndesk.engine.core.initializers import default_initializer, init_weights
from nndesk.engine.core.layers import Dense


def fresh_dense(n_out: int, n_in: int, activation_name: str, rng: np.random.Generator,
                dtype: np.dtype | type) -> Dense:
    """New small random weights W (n_out, n_in) and zero biases b."""
    w = init_weights(default_initializer(activation_name), n_out, n_in, rng, dtype)
    return Dense(w, np.zeros(n_out, dtype=dtype), activation(activation_name))


def resized_dense(dense: Dense, n_out: int, n_in: int, rng: np.random.Generator) -> Dense:
    """``dense`` grown or cut to (n_out, n_in): the overlapping block of W, b and the
    freeze masks kept; new rows and columns fresh (and not frozen)."""
    new = fresh_dense(n_out, n_in, dense.activation.name, rng, dense.weights.dtype)
    r, c = min(n_out, dense.n_out), min(n_in, dense.n_in)
    new.weights[:r, :c] = dense.weights[:r, :c]
    new.bias[:r] = dense.bias[:r]
    new.activation = dense.activation
    if dense.frozen is not None:
        new.frozen = np.zeros((n_out, n_in), dtype=bool)
        new.frozen[:r, :c] = dense.frozen[:r, :c]
    if dense.frozen_bias is not None:
        new.frozen_bias = np.zeros(n_out, dtype=bool)
        new.frozen_bias[:r] = dense.frozen_bias[:r]
    return new
