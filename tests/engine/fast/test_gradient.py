"""BatchGradients lets go of its factors as soon as nobody holds it (no reference cycle to wait for)."""

from __future__ import annotations

import gc
import weakref

import numpy as np

from nndesk.engine.fast.gradient import BatchGradients, OuterGradient


def test_the_factors_are_freed_without_the_cyclic_collector() -> None:
    a, delta = np.ones((5, 4)), np.ones((5, 3))
    gone = weakref.ref(a)
    grads = BatchGradients([OuterGradient(a, delta)])
    weights, biases = grads
    assert weights[0].shape == (3, 3) and biases[0].shape == (3,)
    del a, weights, biases
    gc.disable()
    try:
        del grads
        assert gone() is None  # a convolution's factors are megabytes: epochs of them used to pile up
    finally:
        gc.enable()
