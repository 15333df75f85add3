"""Small seeded 2-D classification sets, and the lecture's single sample.

Each toy set places n points in about [-1, 1]², half of them in each of two
classes, in shuffled order.  ``noise`` is the standard deviation of Gaussian
jitter added to every coordinate *after* the clean shape is drawn, and the
jitter is drawn last, so one seed gives the same clean shape at every noise
level: turning the noise up blurs the boundary without moving the points'
origins.  Targets are one-hot over the two classes (``Dataset.target_matrix``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from nndesk.engine.core.dataset import Dataset


def _start(n: int, noise: float, seed: int) -> tuple[np.random.Generator, np.ndarray]:
    """The generator and the shuffled, balanced labels (n//2 or n//2 + 1 of class 0)."""
    if n < 2:
        raise ValueError(f"a toy data set needs at least 2 points, got n={n}")
    if not noise >= 0:  # also refuses NaN
        raise ValueError(f"noise must be ≥ 0, got {noise}")
    rng = np.random.default_rng(seed)
    return rng, rng.permutation(np.arange(n) % 2)


def _finish(name: str, clean: np.ndarray, y: np.ndarray, noise: float, rng: np.random.Generator) -> Dataset:
    x = clean + noise * rng.standard_normal(clean.shape)
    return Dataset(name, x.astype(np.float32), y.astype(np.int64), n_classes=2)


def _polar(r: np.ndarray, theta: np.ndarray) -> np.ndarray:
    return np.column_stack([r * np.cos(theta), r * np.sin(theta)])


def xor(n: int = 500, noise: float = 0.1, seed: int = 0) -> Dataset:
    """Class 1 where x₁·x₂ < 0: the set a single neuron cannot separate (needs a hidden layer)."""
    rng, y = _start(n, noise, seed)
    magnitude = rng.uniform(0.05, 0.9, size=(n, 2))
    s1 = rng.choice([-1.0, 1.0], size=n)
    s2 = np.where(y == 1, -s1, s1)  # same signs → class 0, opposite signs → class 1
    return _finish("xor", magnitude * np.column_stack([s1, s2]), y, noise, rng)


def circles(n: int = 500, noise: float = 0.1, seed: int = 0) -> Dataset:
    """Class 0 a disc of radius 0.45 inside class 1, a ring from 0.6 to 0.9."""
    rng, y = _start(n, noise, seed)
    inner = 0.45 * np.sqrt(rng.uniform(size=n))  # √u: uniform over the disc's area
    outer = rng.uniform(0.6, 0.9, size=n)
    r = np.where(y == 0, inner, outer)
    return _finish("circles", _polar(r, rng.uniform(0, 2 * np.pi, size=n)), y, noise, rng)


def spiral(n: int = 500, noise: float = 0.1, seed: int = 0) -> Dataset:
    """Two interleaved arms, one and three-quarter turns each, class 1 rotated by π."""
    rng, y = _start(n, noise, seed)
    t = rng.uniform(size=n)
    r = 0.05 + 0.85 * t
    theta = 3.5 * np.pi * t + np.pi * y
    return _finish("spiral", _polar(r, theta), y, noise, rng)


def gaussians(n: int = 500, noise: float = 0.1, seed: int = 0) -> Dataset:
    """Two round blobs (σ = 0.2) centred at (−0.4, −0.4) and (0.4, 0.4): linearly separable."""
    rng, y = _start(n, noise, seed)
    centres = np.where(y[:, None] == 0, -0.4, 0.4)
    return _finish("gaussians", centres + 0.2 * rng.standard_normal((n, 2)), y, noise, rng)


def lecture() -> Dataset:
    """The lecture's one sample: inputs a⁽⁰⁾ = [1, 1, 0] and target t = 0 for its single output neuron."""
    return Dataset("lecture", np.array([[1, 1, 0]], dtype=np.float32), np.array([0], dtype=np.int64),
                   n_classes=1, targets=np.array([[0.0]], dtype=np.float32))


TOY: dict[str, Callable[..., Dataset]] = {"xor": xor, "circles": circles, "spiral": spiral, "gaussians": gaussians}
