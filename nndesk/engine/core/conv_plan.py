"""The plan of a convolutional network's feature layers, and whether it fits before anything is built.

``conv_edit`` turns the network into a list of steps (``Conv``, ``Pool``), edits the list, and asks
``check_shapes`` whether every layer fits the maps it gets and no limit of ``conv_refusal`` is passed
(a ``Refusal`` names the first layer that doesn't fit); only then does it draw fresh weights.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from nndesk.engine.core import conv_refusal as limits
from nndesk.engine.core.activations import Activation
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.conv_refusal import Refusal
from nndesk.engine.core.layers import Dense

Shape = tuple[int, int, int]


class Conv(NamedTuple):
    """A convolution to build: ``source``'s kernels and biases are kept where they fit (same k)."""

    k: int
    filters: int
    same: bool
    activation: Activation
    source: Conv2D | None = None


class Pool(NamedTuple):
    size: int


def check_shapes(shape: Shape, plan: list[Conv | Pool], before: list[Conv | Pool], first: Dense) -> None:
    """Every layer fits the maps it gets, and no image's maps, copied windows or first dense layer (which
    reads the flattened maps: ``first``, as it is now) grow past the limits.

    A network already past a limit (a model file from the command line allows more) can still be
    edited as long as the edit doesn't make its biggest maps or copies bigger: pooling or fewer
    filters must stay possible.
    """
    if len(plan) > max(limits.MAX_FEATURE_LAYERS, len(before)):
        raise Refusal("too_many_layers", max=limits.MAX_FEATURE_LAYERS)
    values, copied = _sizes(shape, plan)
    was_values, was_copied = _sizes(shape, before)
    top = max(values, default=(0, 0, ()))
    if top[0] > max(limits.MAX_VALUES, max(was_values, default=(0,))[0]):
        raise Refusal("too_many_values", L=top[1], n=top[0], max=limits.MAX_VALUES)
    top = max(copied, default=(0, 0, ()))
    if top[0] > max(limits.MAX_PATCH_VALUES, max(was_copied, default=(0,))[0]):
        k, c = top[2]
        raise Refusal("too_much_copying", L=top[1], k=k, c=c, n=top[0], max=limits.MAX_PATCH_VALUES)
    flat = values[-1][0] if values else int(np.prod(shape))
    if flat * first.n_out > max(limits.MAX_DENSE_WEIGHTS, first.n_in * first.n_out):
        raise Refusal("dense_too_big", n=flat * first.n_out, inputs=flat, neurons=first.n_out,
                      max=limits.MAX_DENSE_WEIGHTS)


def _sizes(shape: Shape, plan: list[Conv | Pool]) -> tuple[list[tuple], list[tuple]]:
    """Per layer (numbers in one image's maps, L, ()) and per convolution (numbers its windows copy,
    L, (k, C)); ``Refusal`` at the first layer that doesn't fit the maps it gets."""
    c, h, w = shape
    values, copied = [], []
    for i, step in enumerate(plan):
        L = i + 1
        if isinstance(step, Pool):
            if step.size > min(h, w):
                raise Refusal("pool_too_big", L=L, p=step.size, h=h, w=w)
            h, w = h // step.size, w // step.size
        else:
            if step.k > min(h, w):
                raise Refusal("kernel_too_big", L=L, k=step.k, h=h, w=w)
            oh, ow = (h, w) if step.same else (h - step.k + 1, w - step.k + 1)
            copied.append((oh * ow * (step.k * step.k * c + 1), L, (step.k, c)))
            c, h, w = step.filters, oh, ow
        values.append((c * h * w, L, ()))
    return values, copied
