"""A convolutional network: convolutions and poolings, a flatten, then an ordinary dense ``Network``.

    input (C, H, W) → [Conv2D | MaxPool2D]… → Flatten → Dense… → output

The dense part is a ``Network`` of ``Dense`` layers (``head``), trained by the
same factored formulas; the feature layers in front of it pass δ on the same
way — ∂C/∂a of the flatten's output is δ⁽¹⁾·W⁽⁰⁾, turned back into feature maps,
through each pooling (to the winners) and convolution (``Conv2D.backward``).
A ``ConvNet`` answers everything the training loop asks of a ``Network``
(``sizes``, ``dtype``, ``parameters``, ``backprop(…, factored=True)``,
``feedforward``, ``evaluate``, ``layers``), so ``Trainer``, the optimizers,
augmentation and model files work unchanged; views that draw single neurons
and weights are for dense networks and should check ``isinstance(net, ConvNet)``.

For views: ``layers`` is [features…, Flatten, Dense…], each with ``in_shape`` and
``out_shape`` ((C, H, W) for feature maps, (n,) for vectors); ``shapes`` lists the
input's and every layer's output shape; ``feature_maps(x)`` gives one input's
output of every layer; a ``Conv2D``'s kernels are ``layer.kernels`` (F, C, k, k).
``sizes`` counts the numbers each layer outputs ([C·H·W of the input, …, n_out]).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from nndesk.engine.core import conv_pool
from nndesk.engine.core.activations import Activation, activation
from nndesk.engine.core.answers import Answers
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.costs import Cost
from nndesk.engine.core.initializers import default_initializer, init_weights
from nndesk.engine.core.layers import Dense
from nndesk.engine.core.network import Network
from nndesk.engine.core.pool import Flatten, MaxPool2D
from nndesk.engine.fast.gradient import OuterGradient, dense

CHUNK = 256  # samples per forward pass outside training: the patch matrices stay a few MB


class ConvSpec(NamedTuple):
    k: int  # kernels are k×k
    filters: int
    same: bool = False  # zero padding that keeps the size ("same"), else "valid"


class PoolSpec(NamedTuple):
    size: int = 2  # size×size blocks, stride size


Feature = Conv2D | MaxPool2D


class ConvNet(Answers):
    def __init__(self, features: list[Feature], head: list[Dense], cost: Cost) -> None:
        if not features:
            raise ValueError("a convolutional network needs at least one convolution or pooling")
        for prev, nxt in zip(features, features[1:]):
            if tuple(prev.out_shape) != tuple(nxt.in_shape):
                raise ValueError(f"layer shapes don't chain: {prev!r} then {nxt!r}")
        self.features = features
        # A convolution with a pooling after it runs as one step, σ(max z) (``conv_pool``)
        self._steps: list[tuple[Feature, ...]] = []
        for layer in features:
            if isinstance(layer, MaxPool2D) and self._steps and isinstance(self._steps[-1][-1], Conv2D) \
                    and len(self._steps[-1]) == 1:
                self._steps[-1] = (self._steps[-1][0], layer)
            else:
                self._steps.append((layer,))
        self.flatten = Flatten(features[-1].out_shape)
        if head[0].n_in != self.flatten.n_out:
            raise ValueError(f"the first dense layer takes {head[0].n_in} inputs but the feature maps have "
                             f"{self.flatten.n_out} numbers")
        self.head = Network(head, cost)  # checks the dense layers chain and softmax goes with cross-entropy
        self.cost = cost

    @classmethod
    def create(cls, input_shape: tuple[int, int, int], features: Sequence[ConvSpec | PoolSpec],
               hidden: Sequence[int], n_out: int, hidden_activation: str = "relu",
               cost: str = "cross-entropy", output_activation: str | None = None, init: str | None = None,
               seed: int | None = None, dtype: np.dtype | type = np.float32) -> ConvNet:
        """Fresh weights for input (C, H, W) → features → dense ``hidden`` → ``n_out`` outputs."""
        rng = np.random.default_rng(seed)
        scheme = init or default_initializer(hidden_activation)
        shape, layers = tuple(int(n) for n in input_shape), []
        for spec in features:
            if isinstance(spec, ConvSpec):
                fan_in = spec.k * spec.k * shape[0]
                kernels = init_weights(scheme, spec.filters, fan_in, rng, dtype).reshape(
                    spec.filters, shape[0], spec.k, spec.k)
                layer = Conv2D(kernels, np.zeros(spec.filters, dtype), activation(hidden_activation), shape, spec.same)
            else:
                layer = MaxPool2D(shape, spec.size)
            layers.append(layer)
            shape = layer.out_shape
        head = Network.create([int(np.prod(shape)), *hidden, n_out], hidden_activation, cost, output_activation,
                              init, seed=int(rng.integers(2**63)), dtype=dtype)
        return cls(layers, head.layers, head.cost)

    # ---- shape -------------------------------------------------------------
    @property
    def layers(self) -> list:
        """Every layer in order: features, the flatten, the dense layers."""
        return [*self.features, self.flatten, *self.head.layers]

    @property
    def input_shape(self) -> tuple[int, int, int]:
        """(C, H, W) of one input."""
        return self.features[0].in_shape

    @property
    def shapes(self) -> list[tuple[int, ...]]:
        """The input's shape, then each layer's output shape: (C, H, W) or (n,)."""
        return [self.input_shape, *(tuple(layer.out_shape) for layer in self.layers[:-len(self.head.layers)]),
                *((layer.n_out,) for layer in self.head.layers)]

    @property
    def sizes(self) -> list[int]:
        """How many numbers the input and each layer hold: [C·H·W, …, n_out]."""
        return [int(np.prod(s)) for s in self.shapes]

    @property
    def architecture(self) -> str:
        """The layers as text: ``1×28×28-conv5x5x32-pool2-…-128-10``."""
        return "-".join(["×".join(map(str, self.input_shape)), *(f.spec for f in self.features),
                         *map(str, self.head.sizes[1:])])

    @property
    def dtype(self) -> np.dtype:
        return self.head.dtype

    @property
    def output_activation(self) -> Activation:
        return self.head.output_activation

    def parameters(self) -> list[np.ndarray]:
        """Each weight layer's [W | b]ᵀ in layer order (convolutions, then the dense layers)."""
        return [layer.params for layer in self.features if isinstance(layer, Conv2D)] + self.head.parameters()

    def copy(self) -> ConvNet:
        return ConvNet([layer.copy() for layer in self.features], [layer.copy() for layer in self.head.layers],
                       self.cost)

    def astype(self, dtype: np.dtype | type) -> ConvNet:
        """A copy with every parameter in ``dtype`` (float64 for gradient checks)."""
        return ConvNet([layer.astype(dtype) for layer in self.features], self.head.astype(dtype).layers, self.cost)

    # ---- forward -----------------------------------------------------------
    def _images(self, x: np.ndarray) -> np.ndarray:
        """Rows of C·H·W numbers (C, H, W order) as channels-last images (B, H, W, C)."""
        c, h, w = self.input_shape
        return np.asarray(x, self.dtype).reshape(len(x), c, h, w).transpose(0, 2, 3, 1)

    def feedforward(self, x: np.ndarray) -> np.ndarray:
        """a⁽ᴸ⁾ for every row of ``x`` (C·H·W numbers each), in chunks of ``CHUNK`` samples."""
        outs = []
        for i in range(0, max(len(x), 1), CHUNK):
            a = self._images(x[i:i + CHUNK])
            for step in self._steps:
                a, _ = _forward(step, a)
            outs.append(self.head.feedforward(self.flatten.forward(a)))
        return outs[0] if len(outs) == 1 else np.concatenate(outs)

    def feature_maps(self, x: np.ndarray) -> list[np.ndarray]:
        """One input's output of every layer: (C, H, W) feature maps, then vectors — what views draw."""
        a, out = self._images(np.asarray(x).reshape(1, -1)), []
        for layer in self.features:
            a, _ = layer.forward(a)
            out.append(a[0].transpose(2, 0, 1).copy())
        v = self.flatten.forward(a)
        out.append(v[0].copy())
        for layer in self.head.layers:
            v = layer.activation.fn(layer.z(v))
            out.append(v[0].copy())
        return out

    # ---- backward ----------------------------------------------------------
    def backprop(self, x: np.ndarray, t: np.ndarray, tolerance: float | None = None,
                 factored: bool = False) -> tuple[list, list[np.ndarray] | None, float, int]:
        """∂C/∂W, ∂C/∂b (batch means) per weight layer, the batch cost, and how many samples learned.

        ``factored`` is the training loop's form (as ``Network.backprop``): ``x`` is [a⁽⁰⁾ | 1] and
        each layer's ∂C/∂[W | b]ᵀ comes back as an ``OuterGradient``.  Unfactored, ``x`` is a⁽⁰⁾ and
        the gradients are multiplied out: kernels (F, C, k, k) or W (n_out, n_in), and biases.
        """
        grads, c, learned, _ = self._backward(x[:, :-1] if factored else x, t, tolerance, False)
        if factored:
            return grads, None, c, learned
        weight_layers = [layer for layer in self.layers if hasattr(layer, "params")]
        full = [dense(g) for g in grads]
        nabla_w = [(g[:-1].reshape(layer.k, layer.k, layer.in_shape[0], -1).transpose(3, 2, 0, 1)
                    if isinstance(layer, Conv2D) else g[:-1].T) for g, layer in zip(full, weight_layers)]
        return nabla_w, [g[-1] for g in full], c, learned

    def input_gradient(self, x: np.ndarray, t: np.ndarray) -> np.ndarray:
        """∂C/∂x: how the batch's mean cost changes with each input number (rows like ``x``)."""
        return self._backward(x, t, None, True)[3]

    def _backward(self, x: np.ndarray, t: np.ndarray, tolerance: float | None, wrt_input: bool
                  ) -> tuple[list[OuterGradient], float, int, np.ndarray | None]:
        dtype = self.dtype
        a, caches = self._images(x), []
        for step in self._steps:
            a, cache = _forward(step, a)
            caches.append(cache)
        head = self.head.layers
        zs, acts = self.head.forward(self.flatten.forward(a, ones=True), with_ones=True)
        a_out, out_act, t = acts[-1], head[-1].activation, np.asarray(t, dtype)
        c = self.cost.fn(a_out, t, out_act)
        delta = self.cost.delta(zs[-1], a_out, t, out_act)  # δᴸ
        learned = len(x)
        if tolerance is not None:  # the lecture's step 4.1
            close = np.all(np.abs(t - a_out) <= tolerance, axis=1)
            delta[close] = 0
            learned -= int(close.sum())
        delta *= dtype.type(1 / len(x))  # batch means all the way back (δ is linear in δᴸ)
        grads: list[OuterGradient] = [None] * len(head)  # type: ignore[list-item]
        for l in range(len(head) - 1, -1, -1):
            grads[l] = OuterGradient(acts[l], delta)
            delta = delta @ head[l].weights  # ∂C/∂a⁽ˡ⁾ (for l = 0: of the flattened feature maps)
            if l > 0:
                delta *= head[l - 1].activation.prime(zs[l - 1], acts[l][:, :-1])
        g, feature_grads = self.flatten.backward(delta), []
        for i in range(len(self._steps) - 1, -1, -1):
            pg, g = _backward(self._steps[i], g, caches[i], need_input=i > 0 or wrt_input)
            if pg is not None:
                feature_grads.append(pg)
        dx = None
        if wrt_input:  # back from channels-last to rows in C, H, W order
            dx = np.ascontiguousarray(g.transpose(0, 3, 1, 2)).reshape(len(x), -1)
        return feature_grads[::-1] + grads, float(c), learned, dx

    def __repr__(self) -> str:
        arch = ",".join(layer.spec for layer in self.features)
        dense_sizes = "-".join(str(n) for n in self.head.sizes[1:])
        return f"ConvNet({'×'.join(map(str, self.input_shape))}: {arch} → {dense_sizes}, cost={self.cost.name})"


def weight_layers(network: Network | ConvNet) -> list:
    """The layers that hold weights, in order (convolutions, then dense): what snapshots and files store."""
    if isinstance(network, ConvNet):
        return [layer for layer in network.features if isinstance(layer, Conv2D)] + network.head.layers
    return network.layers


def network_text(net: Network | ConvNet) -> str:
    """The network as an epoch's history records it: its layers and their activations.

    Epochs keep counting across an edit of the network (a neuron, a layer, an activation), so the history
    says which network trained each epoch, and the cost plot can mark where that changed.
    """
    return f"{net.architecture} {','.join(layer.activation.name for layer in weight_layers(net))}"


def _forward(step: tuple[Feature, ...], a: np.ndarray) -> tuple[np.ndarray, object]:
    """One layer's forward pass, or a convolution and its pooling together."""
    if len(step) == 2:
        return conv_pool.forward(*step, a)  # type: ignore[arg-type]
    return step[0].forward(a)


def _backward(step: tuple[Feature, ...], grad: np.ndarray, cache: object, need_input: bool) -> tuple:
    if len(step) == 2:
        return conv_pool.backward(*step, grad, cache, need_input)  # type: ignore[arg-type]
    return step[0].backward(grad, cache, need_input)  # type: ignore[arg-type]
