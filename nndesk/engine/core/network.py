"""A feed-forward network: ``feedforward`` and ``backprop``, in the lecture's notation.

Layer numbers are the lecture's: ``activations[0]`` is the input a⁽⁰⁾ and
``layers[l]`` holds W⁽ˡ⁾, the weights from neuron layer l into layer l+1, so
a⁽ˡ⁺¹⁾ = σ(W⁽ˡ⁾·a⁽ˡ⁾ + b).  The one shift left is Python's: ``zs[l]`` is
z⁽ˡ⁺¹⁾ (there is no z⁽⁰⁾).  ``backprop`` returns ∂C/∂W and ∂C/∂b averaged
over the batch:

    δᴸ = ∇ₐC ⊙ σ′(zᴸ)                    (the cost's ``delta``)
    δ⁽ˡ⁾ = (W⁽ˡ⁾)ᵀ·δ⁽ˡ⁺¹⁾ ⊙ σ′(z⁽ˡ⁾)      (one layer back)
    ∂C/∂W⁽ˡ⁾ = δ⁽ˡ⁺¹⁾·a⁽ˡ⁾ᵀ,  ∂C/∂b = δ⁽ˡ⁺¹⁾

in two forms: the lecture's, readable, which ``core/backprop.py`` writes
once for every explanation, and the factored one that training runs (a
few BLAS calls a layer, no gradient matrix).  The tests prove they agree.
Nothing here updates weights: that is the optimizer's job (``optimizers``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nndesk.engine.core.activations import Activation, activation
from nndesk.engine.core.answers import Answers
from nndesk.engine.core.backprop import backprop as lecture_backprop
from nndesk.engine.core.costs import Cost, cost as make_cost
from nndesk.engine.core.initializers import default_initializer, init_weights
from nndesk.engine.core.layers import Dense
from nndesk.engine.fast.gradient import OuterGradient


class Network(Answers):
    def __init__(self, layers: list[Dense], cost: Cost) -> None:
        if not layers:
            raise ValueError("a network needs at least one layer")
        for prev, nxt in zip(layers, layers[1:]):
            if prev.n_out != nxt.n_in:
                raise ValueError(f"layer sizes don't chain: {prev!r} then {nxt!r}")
        if layers[-1].activation.name == "softmax" and cost.name != "cross-entropy":
            raise ValueError("a softmax output needs the cross-entropy cost")
        for layer in layers[:-1]:
            if not layer.activation.elementwise:
                raise ValueError("softmax is only allowed on the output layer")
        self.layers = layers
        self.cost = cost

    @classmethod
    def create(cls, sizes: Sequence[int], hidden_activation: str = "sigmoid",
               cost: str = "quadratic", output_activation: str | None = None,
               init: str | None = None, seed: int | None = None,
               dtype: np.dtype | type = np.float32) -> Network:
        """A fresh network with ``sizes`` = [n_inputs, hidden…, n_outputs].

        The output activation defaults to softmax for cross-entropy with more
        than one output, else to sigmoid (the lecture's).
        """
        if len(sizes) < 2 or any(int(n) < 1 for n in sizes):
            raise ValueError(f"bad layer sizes {list(sizes)}: need ≥ 2 layers of ≥ 1 neuron")
        c = make_cost(cost)
        if output_activation is None:
            output_activation = "softmax" if c.name == "cross-entropy" and sizes[-1] > 1 else "sigmoid"
        rng = np.random.default_rng(seed)
        layers = []
        for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
            act = output_activation if i == len(sizes) - 2 else hidden_activation
            scheme = init or default_initializer(hidden_activation)
            w = init_weights(scheme, int(n_out), int(n_in), rng, dtype)
            layers.append(Dense(w, np.zeros(int(n_out), dtype=dtype), activation(act)))
        return cls(layers, c)

    # ---- shape -------------------------------------------------------------
    @property
    def sizes(self) -> list[int]:
        return [self.layers[0].n_in] + [layer.n_out for layer in self.layers]

    @property
    def dtype(self) -> np.dtype:
        return self.layers[0].weights.dtype

    @property
    def output_activation(self) -> Activation:
        return self.layers[-1].activation

    def parameters(self) -> list[np.ndarray]:
        """Each layer's [W | b]ᵀ (``Dense.params``), in layer order: what the optimizers move."""
        return [layer.params for layer in self.layers]

    def copy(self) -> Network:
        return Network([layer.copy() for layer in self.layers], self.cost)

    def astype(self, dtype: np.dtype | type) -> Network:
        """A copy with every parameter in ``dtype`` (float64 for step-by-step mode)."""
        net = self.copy()
        for layer in net.layers:
            layer.weights = layer.weights.astype(dtype)
            layer.bias = layer.bias.astype(dtype)
        return net

    # ---- forward -----------------------------------------------------------
    def feedforward(self, x: np.ndarray) -> np.ndarray:
        """a⁽ᴸ⁾ for every row of ``x``: apply a = σ(W·a + b) layer by layer."""
        a = np.asarray(x, dtype=self.dtype)
        for layer in self.layers:
            a = layer.activation.fn(layer.z(a))
        return a

    def forward(self, x: np.ndarray, with_ones: bool = False) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Every zˡ and aˡ; ``activations[0]`` is the input, ``zs[l]`` feeds ``activations[l+1]``.

        ``with_ones``: ``x`` is [a⁽⁰⁾ | 1] (a last column of ones) and every hidden aˡ gets
        that column too, so each z = [a | 1]·[W | b]ᵀ is one matrix product, bias included.
        """
        a = np.asarray(x, dtype=self.dtype)
        zs, activations = [], [a]
        last = len(self.layers) - 1
        for l, layer in enumerate(self.layers):
            if with_ones:
                z = a @ layer.params  # [a | 1]·[W | b]ᵀ = W·a + b
            else:
                z = a @ layer.weights.T  # z = W·a + b (samples are rows), the bias added in place
                z += layer.bias
            if with_ones and l < last:
                a = np.empty((len(z), z.shape[1] + 1), z.dtype)
                a[:, -1] = 1
                layer.activation.into(z, a[:, :-1])
            else:
                a = layer.activation.fn(z)
            zs.append(z)
            activations.append(a)
        return zs, activations

    # ---- backward ----------------------------------------------------------
    def backprop(self, x: np.ndarray, t: np.ndarray, tolerance: float | None = None,
                 factored: bool = False) -> tuple[list, list[np.ndarray] | None, float, int]:
        """∂C/∂W, ∂C/∂b (batch means), the batch cost, and how many samples learned.

        ``tolerance`` is the lecture's step 4.1: a sample whose every output is
        within ``tolerance`` of its target changes no weight.

        Unfactored, this is the lecture's reference (``core/backprop.py``).
        ``factored`` is the training loop's form of the same formulas: ``x`` is
        [a⁽⁰⁾ | 1], and each layer's ∂C/∂[W | b]ᵀ = [a | 1]ᵀ·δ comes back as an
        ``OuterGradient`` ([a | 1] and δ, not multiplied out) for the optimizer
        to fold into its update; the biases' gradients are its last row, so the
        second list is None.
        """
        if not factored:
            dtype = self.dtype
            ref = lecture_backprop(self.layers, self.cost, np.asarray(x, dtype), np.asarray(t, dtype), tolerance)
            return ref.nabla_w, ref.nabla_b, float(ref.cost), ref.learned
        if x.shape[1] != self.layers[0].params.shape[0]:
            raise ValueError(f"factored backprop needs [x | 1] with {self.layers[0].n_in + 1} columns")
        zs, activations = self.forward(x, with_ones=True)
        a_out, dtype, out_act = activations[-1], self.dtype, self.layers[-1].activation
        t = np.asarray(t, dtype=dtype)
        c = self.cost.fn(a_out, t, out_act)
        delta = self.cost.delta(zs[-1], a_out, t, out_act)  # δᴸ
        learned = len(x)
        if tolerance is not None:
            close = np.all(np.abs(t - a_out) <= tolerance, axis=1)
            delta[close] = 0
            learned -= int(close.sum())
        # Averaging over the batch: δ is linear all the way back, so dividing δᴸ by n
        # once makes every [a | 1]ᵀ·δ below a batch mean, with no extra pass over a big matrix.
        delta *= dtype.type(1 / len(x))
        grads: list[OuterGradient] = [None] * len(self.layers)  # type: ignore[list-item]
        for l in range(len(self.layers) - 1, -1, -1):  # ``delta`` is δ⁽ˡ⁺¹⁾, ``activations[l]`` is [a⁽ˡ⁾ | 1]
            # ∂C/∂[W⁽ˡ⁾ | b]ᵀ = [a⁽ˡ⁾ | 1]ᵀ·δ⁽ˡ⁺¹⁾ (δ is a new array per layer: the factors stay put)
            grads[l] = OuterGradient(activations[l], delta)
            if l > 0:
                # δ⁽ˡ⁾ = (W⁽ˡ⁾)ᵀ·δ⁽ˡ⁺¹⁾ ⊙ σ′(z⁽ˡ⁾): zs[l−1] is z⁽ˡ⁾, and a⁽ˡ⁾ = σ(z⁽ˡ⁾) is
                # activations[l] without its column of ones
                delta = delta @ self.layers[l].weights
                delta *= self.layers[l - 1].activation.prime(zs[l - 1], activations[l][:, :-1])
        return grads, None, c, learned

    @property
    def architecture(self) -> str:
        """The layers' sizes as text: ``784-30-10`` (a ``ConvNet`` writes its features too)."""
        return "-".join(map(str, self.sizes))

    def __repr__(self) -> str:
        arch = self.architecture
        acts = ",".join(layer.activation.name for layer in self.layers)
        return f"Network({arch}, {acts}, cost={self.cost.name})"

