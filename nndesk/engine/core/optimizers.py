"""Optimizers: how a gradient ∇C becomes a weight change.

All share ``step(params, grads, eta)``, which updates ``params`` in place
and may use ``grads`` as scratch space (``Network.backprop`` makes them fresh
for every batch, and nothing reads them after the step).  Each parameter is
a layer's [W | b]ᵀ (``Dense.params``: the biases are its last row), and its
gradient may come as an ``OuterGradient`` ([a | 1] and δ of [a | 1]ᵀ·δ):
SGD and momentum fold that product into their update, one BLAS call with no
gradient matrix; Adam, which needs (∂C/∂w)², multiplies it out.
Plain SGD is the lecture's rule w_new = w_old − η·∇C.  ``l2`` adds λ·w to
the gradient of every weight (never to the bias row), i.e. the cost gains
½λ‖W‖².
"""

from __future__ import annotations

import numpy as np

from nndesk.engine.fast.gradient import OuterGradient


class Optimizer:
    name = ""

    def __init__(self, l2: float = 0.0) -> None:
        self.l2 = l2

    def _grad(self, p: np.ndarray, g: np.ndarray | OuterGradient) -> np.ndarray:
        if isinstance(g, OuterGradient):
            g = g.dense()
        if self.l2:  # ∇C + λ·w on the weights, not the bias row, in ``g`` (see ``step``)
            g[:-1] += self.l2 * p[:-1]
        return g

    def step(self, params: list[np.ndarray], grads: list[np.ndarray], eta: float) -> None:
        """Move ``params`` (in place) by the gradients ``grads`` with learning rate η.

        ``grads`` may be overwritten: the optimizer uses them as scratch so an
        update makes no temporary array.  Pass copies if you need them afterwards.
        """
        raise NotImplementedError

    def state(self) -> dict[str, np.ndarray]:
        """Arrays to save with a model so training can resume exactly."""
        return {}

    def state_shapes(self, shapes: list[tuple[int, ...]]) -> dict[str, tuple[int, ...]]:
        """The arrays ``state()`` holds for parameters of these ``shapes``, by name: what a loader
        checks a file's state against before ``load_state`` trusts it."""
        return {}

    def load_state(self, state: dict[str, np.ndarray]) -> None:
        """Inverse of ``state``; arrays of the wrong shape are ignored."""


class SGD(Optimizer):
    """w ← w − η·∇C."""

    name = "sgd"

    def step(self, params: list[np.ndarray], grads: list[np.ndarray], eta: float) -> None:
        for p, g in zip(params, grads):
            if isinstance(g, OuterGradient):  # [W | b]ᵀ ← [W | b]ᵀ − η·[a | 1]ᵀ·δ, in the product's call
                if self.l2:
                    p[:-1] *= 1.0 - eta * self.l2  # w ← (1 − ηλ)·w first
                g.accumulate_into(p, -eta)
                continue
            g = self._grad(p, g)
            g *= eta  # η·∇C, computed in the gradient's own array (no temporary) …
            p -= g  # … then w ← w − η·∇C


class Momentum(Optimizer):
    """v ← μ·v − η·∇C;  w ← w + v: a heavy ball that rolls through small bumps."""

    name = "momentum"

    def __init__(self, momentum: float = 0.9, l2: float = 0.0) -> None:
        super().__init__(l2)
        self.momentum = momentum
        self.velocity: list[np.ndarray] = []

    def step(self, params: list[np.ndarray], grads: list[np.ndarray], eta: float) -> None:
        if len(self.velocity) != len(params) or any(v.shape != p.shape for v, p in zip(self.velocity, params)):
            self.velocity = [np.zeros_like(p) for p in params]
        for p, g, v in zip(params, grads, self.velocity):
            if isinstance(g, OuterGradient):  # v ← μ·v − η·(λ·w) − η·[a | 1]ᵀ·δ, the product in place
                beta = self.momentum
                if self.l2:
                    v *= beta
                    v[:-1] -= (eta * self.l2) * p[:-1]
                    beta = 1.0
                g.accumulate_into(v, -eta, beta)
            else:
                g = self._grad(p, g)
                g *= eta
                v *= self.momentum
                v -= g
            p += v

    def state(self) -> dict[str, np.ndarray]:
        return {f"velocity_{i}": v for i, v in enumerate(self.velocity)}

    def state_shapes(self, shapes: list[tuple[int, ...]]) -> dict[str, tuple[int, ...]]:
        return {f"velocity_{i}": s for i, s in enumerate(shapes)}

    def load_state(self, state: dict[str, np.ndarray]) -> None:
        self.velocity = _joined([state[k] for k in sorted(state, key=lambda k: int(k.split("_")[1]))
                                 if k.startswith("velocity_")])


class Adam(Optimizer):
    """Adam (Kingma & Ba): per-weight step sizes from running gradient moments.

    ``momentum`` plays the role of β₁, so the UI's momentum slider works here too.
    """

    name = "adam"

    def __init__(self, momentum: float = 0.9, l2: float = 0.0, beta2: float = 0.999,
                 eps: float = 1e-8) -> None:
        super().__init__(l2)
        self.momentum, self.beta2, self.eps = momentum, beta2, eps
        self.m: list[np.ndarray] = []
        self.v: list[np.ndarray] = []
        self.t = 0

    def step(self, params: list[np.ndarray], grads: list[np.ndarray], eta: float) -> None:
        if len(self.m) != len(params) or any(m.shape != p.shape for m, p in zip(self.m, params)):
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
            self.t = 0
        self.t += 1
        b1, b2 = self.momentum, self.beta2
        scale = eta * np.sqrt(1 - b2 ** self.t) / (1 - b1 ** self.t)
        for p, g, m, v in zip(params, grads, self.m, self.v):
            g = self._grad(p, g)
            m *= b1
            m += (1 - b1) * g
            v *= b2
            v += (1 - b2) * g * g
            p -= (scale * m / (np.sqrt(v) + self.eps)).astype(p.dtype)

    def state(self) -> dict[str, np.ndarray]:
        out = {f"m_{i}": m for i, m in enumerate(self.m)}
        out.update({f"v_{i}": v for i, v in enumerate(self.v)})
        out["t"] = np.array(self.t)
        return out

    def state_shapes(self, shapes: list[tuple[int, ...]]) -> dict[str, tuple[int, ...]]:
        out = {f"{name}_{i}": s for name in ("m", "v") for i, s in enumerate(shapes)}
        return out | {"t": ()}  # t: the step count, a scalar

    def load_state(self, state: dict[str, np.ndarray]) -> None:
        ms = sorted((k for k in state if k.startswith("m_")), key=lambda k: int(k[2:]))
        self.m = _joined([state[k] for k in ms])
        self.v = _joined([state["v_" + k[2:]] for k in ms])
        self.t = int(state.get("t", 0))


def _joined(arrays: list[np.ndarray]) -> list[np.ndarray]:
    """Per-layer [W | b]ᵀ state from files that stored W and b apart (W⁽⁰⁾, b⁽⁰⁾, W⁽¹⁾, …)."""
    pairs = list(zip(arrays[::2], arrays[1::2]))
    if len(arrays) % 2 == 0 and pairs and all(w.ndim == 2 and b.shape == w.shape[:1] for w, b in pairs):
        return [np.concatenate([w.T, b[None]], axis=0) for w, b in pairs]
    return arrays


OPTIMIZERS: dict[str, type[Optimizer]] = {cls.name: cls for cls in (SGD, Momentum, Adam)}


def optimizer(name: str, momentum: float = 0.9, l2: float = 0.0) -> Optimizer:
    """The optimizer called ``name``; SGD ignores ``momentum``."""
    key = name.lower()
    if key == "sgd":
        return SGD(l2=l2)
    if key == "momentum":
        return Momentum(momentum=momentum, l2=l2)
    if key == "adam":
        return Adam(momentum=momentum, l2=l2)
    raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")
