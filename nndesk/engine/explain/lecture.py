"""The lecture's worked example: a 3-2-1 sigmoid network, one sample, one step.

The slides compute it by hand (Лекция 1, "Обучение нейросети. Вычисление
градиента"): a⁽⁰⁾ = [1, 1, 0], hidden weights W⁽⁰⁾, output weights W⁽¹⁾, all
biases b = 0, quadratic cost C = ½(t − a)² with target t = 0 and learning
rate η = 0.1.  The network is float64 so the step-by-step view can compare
its exact numbers with the slides' rounded ones.
"""

from __future__ import annotations

import numpy as np

from nndesk.engine.core.activations import Sigmoid
from nndesk.engine.core.costs import Quadratic
from nndesk.engine.core.layers import Dense
from nndesk.engine.core.network import Network

LECTURE_INPUT = np.array([1.0, 1.0, 0.0])  # a⁽⁰⁾
LECTURE_TARGET = np.array([0.0])  # t = target₀
LECTURE_ETA = 0.1  # η, "шаг обучения"

# W⁽⁰⁾: row k holds w_k0, w_k1, w_k2 into hidden neuron k.
_W0 = [[0.2, 0.1, 0.12],
       [0.1, -0.1, 0.2]]
# W⁽¹⁾: w_00 = 0.2, w_01 = 0.52 into the output neuron.
_W1 = [[0.2, 0.52]]


def lecture_network() -> Network:
    """A fresh float64 copy of the lecture's 3-2-1 network (b = 0 everywhere)."""
    layers = [
        Dense(np.array(_W0, dtype=np.float64), np.zeros(2), Sigmoid()),
        Dense(np.array(_W1, dtype=np.float64), np.zeros(1), Sigmoid()),
    ]
    return Network(layers, Quadratic())
