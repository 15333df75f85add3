"""How far the network's accuracy carries: noise, rotation, shift and stroke width, and when to say "not sure".

A test accuracy of 98 % is one number for one kind of picture.  A drawn
digit is tilted, off-centre or written with a thicker pen, so a student
should see how fast the accuracy falls as the held-out digits move away from
MNIST's own look.  Each curve distorts *all* the digits by the same amount
at each level (no randomness but the noise, drawn with a fixed seed), so a
point on a curve is the plain accuracy of one distorted copy of the set:

* noise: xᵢ + N(0, σ²), clipped to the pixels' 0..1;
* rotation and shift: ``data.augment.warp``, the augmentation's own bilinear
  affine map (zero outside the image);
* stroke width: the augmentation's grey-level dilation (thicker, +) or
  erosion (thinner, −) with a 3×3 cross; level 1 is one full step, 1.5 one
  step and a half-way blend towards the next.

Everything is vectorised over the digits: a curve is one warp and one
forward pass over (levels × digits) rows.  ``coverage`` answers the other
question: if the network says "not sure" below a confidence θ, how many
digits does it still answer, and how often is it right on those?
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nndesk.engine.core.network import Network
from nndesk.engine.data.augment import DigitAugmenter, warp

NOISE = np.linspace(0.0, 0.6, 9)  # σ of the added noise, pixels 0..1
ROTATION = np.linspace(-30.0, 30.0, 9)  # degrees, counter-clockwise
SHIFT = np.linspace(-4.0, 4.0, 9)  # pixels, right (and down) positive
STROKE = np.linspace(-2.0, 2.0, 9)  # erosion (−) / dilation (+) steps
KINDS = ("noise", "rotation", "shift", "stroke")


@dataclass(frozen=True, eq=False)
class Curve:
    """Accuracy at each level of one distortion; ``accuracy_y`` is the vertical shift's (shift only)."""

    kind: str
    levels: np.ndarray
    accuracy: np.ndarray
    accuracy_y: np.ndarray | None = None


@dataclass(frozen=True, eq=False)
class Coverage:
    """For each confidence threshold θ: the share of digits answered (max aₖ ≥ θ) and the accuracy on them."""

    thresholds: np.ndarray
    answered: np.ndarray
    accuracy: np.ndarray  # NaN where nothing is answered

    def at(self, threshold: float) -> tuple[float, float]:
        """(answered, accuracy) at the nearest computed threshold."""
        i = int(np.argmin(np.abs(self.thresholds - threshold)))
        return float(self.answered[i]), float(self.accuracy[i])


def accuracy(network: Network, images: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The accuracy of each stack of distorted copies: ``images`` (levels, n, h, w) -> (levels,)."""
    m, n = images.shape[:2]
    predicted = network.predict(images.reshape(m * n, -1)).reshape(m, n)
    return (predicted == labels[None, :]).mean(axis=1)


def noisy(images: np.ndarray, levels: np.ndarray, seed: int = 0) -> np.ndarray:
    """(levels, n, h, w): each level's σ times one fixed draw of N(0, 1), added and clipped to 0..1."""
    unit = np.random.default_rng(seed).standard_normal(images.shape, dtype=np.float32)
    out = images[None] + np.asarray(levels, np.float32)[:, None, None, None] * unit[None]
    return np.clip(out, 0.0, 1.0, out=out)


def _warped(images: np.ndarray, theta: np.ndarray, tx: np.ndarray, ty: np.ndarray) -> np.ndarray:
    """(levels, n, h, w): every image under each level's rotation θ (radians) and shift (tx, ty).

    One warp of all the digits per level keeps warp's temporaries small (a few MB, not a few hundred).
    """
    n = len(images)
    one, out = np.ones(n, np.float32), np.empty((len(theta), *images.shape), np.float32)
    for i, (t, x, y) in enumerate(zip(theta, tx, ty)):
        out[i] = warp(images, one * t, one, one, 0 * one, one * x, one * y)
    return out


def rotated(images: np.ndarray, degrees: np.ndarray) -> np.ndarray:
    zero = np.zeros(len(degrees))
    return _warped(images, np.deg2rad(degrees), zero, zero)


def shifted(images: np.ndarray, pixels: np.ndarray, vertical: bool = False) -> np.ndarray:
    zero = np.zeros(len(pixels))
    return _warped(images, zero, zero if vertical else pixels, pixels if vertical else zero)


def stroked(images: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """(levels, n, h, w): dilated (steps > 0) or eroded (< 0) |steps| times, the fraction as a blend."""
    out = np.empty((len(steps), *images.shape), np.float32)
    for i, s in enumerate(np.asarray(steps, np.float64)):
        x, left = images, abs(s)
        while left > 1e-9:  # whole steps, then the rest as a partial blend (the augmentation's own rule)
            k = min(left, 1.0) * np.sign(s)
            x = DigitAugmenter._thicken(x, np.full(len(x), k, np.float32))
            left -= 1.0
        out[i] = x
    return out


_MAKERS: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "noise": noisy, "rotation": rotated, "shift": shifted, "stroke": stroked}
LEVELS = {"noise": NOISE, "rotation": ROTATION, "shift": SHIFT, "stroke": STROKE}


def curve(network: Network, images: np.ndarray, labels: np.ndarray, kind: str,
          levels: np.ndarray | None = None) -> Curve:
    """Accuracy of ``network`` on ``images`` (n, h, w) 0..1 under each level of the distortion ``kind``."""
    if kind not in _MAKERS:
        raise ValueError(f"unknown distortion {kind!r}; choose one of {', '.join(KINDS)}")
    images = np.asarray(images, np.float32)
    labels = np.asarray(labels)
    levels = np.asarray(LEVELS[kind] if levels is None else levels, np.float64)
    acc = accuracy(network, _MAKERS[kind](images, levels), labels)
    acc_y = accuracy(network, shifted(images, levels, vertical=True), labels) if kind == "shift" else None
    return Curve(kind, levels, acc, acc_y)


def curves(network: Network, images: np.ndarray, labels: np.ndarray) -> list[Curve]:
    """All four curves at their standard levels."""
    return [curve(network, images, labels, kind) for kind in KINDS]


def coverage(outputs: np.ndarray, labels: np.ndarray, thresholds: np.ndarray | None = None) -> Coverage:
    """Share answered and accuracy when the network answers only at confidence max aₖ ≥ θ, for each θ.

    Confidence is the largest output (with softmax, the probability of the answer).
    """
    a = np.asarray(outputs)
    thresholds = np.linspace(0.0, 1.0, 101) if thresholds is None else np.asarray(thresholds, np.float64)
    confidence, right = a.max(axis=1), a.argmax(axis=1) == np.asarray(labels)
    answered = confidence[None, :] >= thresholds[:, None]  # (thresholds, n)
    count = answered.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        acc = np.where(count > 0, (answered & right[None, :]).sum(axis=1) / count, np.nan)
    return Coverage(thresholds, count / max(len(a), 1), acc)
