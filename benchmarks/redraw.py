"""MNIST digits turned back into pen strokes, and simulated writers who draw them on the real pad.

No set of real pen trajectories of digits ships with nndesk or its
environment (UCI pendigits, for one, is not in any installed package), so
``bench_teach.py`` makes its own: a scanned MNIST digit is skeletonised
(scikit-image), the skeleton traced into polylines (each branch between two
ends or forks is one stroke, a closed loop one stroke round), and a
``Writer`` replays the strokes through ``DrawPad`` with QTest mouse events.
The pad then does exactly what it does for a student: round-capped strokes of
its brush, ``mnist_centre``, the 28×28 the network is fed.

A writer is a handwriting: the pad's shape on their screen, a brush width,
how large and how slanted they draw, a shaky hand, and the habits real pen
digits have and MNIST's scans mostly lack (crossed 7s, 1s with a base and a
flag).  Writers are drawn at random from a seed, so a run is repeatable.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from scipy.ndimage import zoom
from skimage.morphology import skeletonize

UP = 4  # the skeleton is traced on the digit enlarged 4×, so strokes come out smooth
STEP = 4  # one mouse position every STEP skeleton pixels (one MNIST pixel)
LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
_NEIGHBOURS = [(dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc]

Stroke = np.ndarray  # (k, 2) points (x, y) in MNIST pixels, x right, y down


def strokes(image: np.ndarray, ink: float = 0.8) -> list[Stroke]:
    """The pen strokes of a 28×28 digit (ink bright, 0..1): its skeleton as polylines in MNIST pixels.

    Only the strokes' cores count as ink (``ink`` 0.8): at 0.35 the grey rims close
    small loops, whose skeleton is then a line (a 9 became a 7, an 8 an S); one
    writer's 300 digits were read 95.0 % right at 0.35, 95.3 % at 0.5, 97.0 % at 0.8.
    """
    big = zoom(np.asarray(image, np.float32), UP, order=1)
    skeleton = skeletonize(big > ink)
    lines = [line for line in _trace(skeleton) if len(line) > UP or _alone(line, skeleton)]
    out = []
    for line in lines:
        keep = np.unique(np.r_[np.arange(0, len(line), STEP), len(line) - 1])
        pts = np.asarray(line, np.float64)[keep]
        out.append((pts[:, ::-1] + 0.5) / UP - 0.5)  # (row, col) → (x, y) at pixel centres
    return out


def _alone(line: list[tuple[int, int]], skeleton: np.ndarray) -> bool:
    """A short line that is a whole piece of ink (a dot), not a spur of a longer stroke."""
    return all(sum(_on(skeleton, r + dr, c + dc) for dr, dc in _NEIGHBOURS) <= 2 for r, c in (line[0], line[-1]))


def _on(s: np.ndarray, r: int, c: int) -> bool:
    return 0 <= r < s.shape[0] and 0 <= c < s.shape[1] and bool(s[r, c])


def _trace(s: np.ndarray) -> list[list[tuple[int, int]]]:
    """Every skeleton pixel on some polyline: walks from ends and forks, then around the loops left."""
    pixels = {(int(r), int(c)) for r, c in zip(*np.nonzero(s))}
    nbrs = {p: [(p[0] + dr, p[1] + dc) for dr, dc in _NEIGHBOURS if (p[0] + dr, p[1] + dc) in pixels]
            for p in pixels}
    nodes = {p for p, n in nbrs.items() if len(n) != 2}
    used: set[frozenset] = set()
    lines = []

    def walk(start: tuple[int, int], nxt: tuple[int, int]) -> list[tuple[int, int]]:
        line, prev, cur = [start], start, nxt
        used.add(frozenset((start, nxt)))
        while True:
            line.append(cur)
            if cur in nodes or cur == start:
                return line
            step = [q for q in nbrs[cur] if q != prev and frozenset((cur, q)) not in used]
            if not step:
                return line
            used.add(frozenset((cur, step[0])))
            prev, cur = cur, step[0]

    for p in sorted(nodes):
        if not nbrs[p]:
            lines.append([p])
        for q in nbrs[p]:
            if frozenset((p, q)) not in used:
                lines.append(walk(p, q))
    for p in sorted(pixels):  # loops with no end or fork (an 0 drawn in one go)
        for q in nbrs[p]:
            if frozenset((p, q)) not in used:
                lines.append(walk(p, q))
    return lines


@dataclass(frozen=True)
class Writer:
    """One simulated handwriting on the pad."""

    name: str
    pad: tuple[int, int]  # the pad's width and height on the writer's screen, in widget pixels
    brush: float  # the pad's brush width, paper pixels (the pad's own is 22 of 280)
    height: float  # how tall they draw, as a share of the paper's side
    slant: float  # x moves by slant·(−y): positive leans right
    aspect: float  # width stretch
    rotation: float  # degrees, counter-clockwise
    shake: float  # standard deviation of the hand's wobble, MNIST pixels
    crossed_7: bool  # a bar through the 7's stem
    based_1: bool  # a 1 with a flag at the top and a base
    straight_9: bool  # a 9 as a loop and a straight stem
    seed: int

    def label(self) -> str:
        habits = [h for h, on in (("7-bar", self.crossed_7), ("1-base", self.based_1), ("9-stem", self.straight_9))
                  if on]
        return (f"{self.name}: pad {self.pad[0]}×{self.pad[1]}, brush {self.brush:.0f}, "
                f"{self.height:.0%} tall, slant {self.slant:+.2f}, {', '.join(habits) or 'no habits'}")


def writers(n: int, seed: int, first: int = 0) -> list[Writer]:
    """``n`` writers drawn at random from ``seed`` (names ``w{first}``, ``w{first + 1}``, …)."""
    rng = np.random.default_rng(seed)
    pads = [(300, 300), (420, 260), (260, 420), (520, 320), (340, 340)]
    return [Writer(f"w{first + i}", pads[int(rng.integers(len(pads)))], float(rng.choice([14, 18, 22, 26, 30])),
                   float(rng.uniform(0.45, 0.85)), float(rng.uniform(-0.3, 0.3)), float(rng.uniform(0.8, 1.2)),
                   float(rng.uniform(-8, 8)), float(rng.uniform(0.0, 0.25)), bool(rng.random() < 0.6),
                   bool(rng.random() < 0.6), bool(rng.random() < 0.6), int(rng.integers(2**31))) for i in range(n)]


def habits(writer: Writer, label: int, lines: list[Stroke]) -> list[Stroke]:
    """``lines`` as the writer draws this digit: a 7's bar, a 1's flag and base, a 9's straight stem."""
    pts = np.concatenate(lines) if lines else np.zeros((0, 2))
    if not len(pts):
        return lines
    (x0, y0), (x1, y1) = pts.min(axis=0), pts.max(axis=0)
    h = y1 - y0
    if label == 7 and writer.crossed_7:
        mid = y0 + 0.55 * h
        near = pts[np.abs(pts[:, 1] - mid) < 0.15 * h + 0.5]
        xc = float(near[:, 0].mean()) if len(near) else (x0 + x1) / 2
        return [*lines, np.array([[xc - 0.18 * h, mid], [xc + 0.18 * h, mid]])]
    if label == 1 and writer.based_1:
        top, bottom = pts[np.argmin(pts[:, 1])], pts[np.argmax(pts[:, 1])]
        flag = np.array([top + [-0.28 * h, 0.22 * h], top])
        base = np.array([bottom + [-0.22 * h, 0.0], bottom + [0.22 * h, 0.0]])
        return [*lines, flag, base]
    if label == 9 and writer.straight_9:  # the loop (the top 55 %) kept, the tail replaced by a straight stem
        cut = y0 + 0.55 * h
        loop = [run for line in lines for run in _runs(line, line[:, 1] <= cut)]
        if loop:
            edge = np.concatenate(loop)
            right = edge[np.argmax(edge[:, 0])]
            return [*loop, np.array([right, [right[0] - 0.05 * h, y1]])]
    return lines


def _runs(line: Stroke, keep: np.ndarray) -> list[Stroke]:
    """The unbroken pieces of ``line`` where ``keep`` holds (a pen lift where it does not)."""
    index = np.flatnonzero(keep)
    return [line[part] for part in np.split(index, np.flatnonzero(np.diff(index) > 1) + 1) if len(part)]


def placed(writer: Writer, lines: list[Stroke], rng: np.random.Generator) -> list[np.ndarray]:
    """The strokes in paper pixels (0..280): the writer's size, slant, stretch, turn and wobble."""
    pts = np.concatenate(lines)
    (x0, y0), (x1, y1) = pts.min(axis=0), pts.max(axis=0)
    centre, size = np.array([(x0 + x1) / 2, (y0 + y1) / 2]), max(y1 - y0, x1 - x0, 1.0)
    a = math.radians(writer.rotation)
    turn = np.array([[math.cos(a), math.sin(a)], [-math.sin(a), math.cos(a)]])
    shape = turn @ np.array([[writer.aspect, -writer.slant], [0.0, 1.0]])
    scale = writer.height * 280 / size
    offset = 140 + rng.uniform(-20, 20, 2)
    out = []
    for line in lines:
        wobble = rng.normal(0, writer.shake, line.shape) if len(line) > 1 else 0.0
        out.append(((line + wobble - centre) @ shape.T) * scale + offset)
    return out


def draw(pad, lines: list[np.ndarray]) -> np.ndarray:
    """Clear ``pad`` and draw the paper-pixel strokes with the mouse; returns what the network is fed."""
    pad.clear()
    side = min(pad.width(), pad.height())
    left, top, f = (pad.width() - side) / 2, (pad.height() - side) / 2, side / 280

    def at(p: np.ndarray) -> QPoint:
        return QPoint(round(left + float(p[0]) * f), round(top + float(p[1]) * f))

    for line in lines:
        points = [at(p) for p in line]
        QTest.mousePress(pad, LEFT, NONE, points[0])
        for q in points[1:]:
            QTest.mouseMove(pad, q)
        QTest.mouseRelease(pad, LEFT, NONE, points[-1])
    return pad.image28()


def redraw(pad, writer: Writer, images: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """float32 (n, 28, 28): each digit as ``writer`` draws it on ``pad`` (resized to the writer's screen)."""
    pad.resize(*writer.pad)
    pad.set_brush_width(writer.brush)
    rng = np.random.default_rng(writer.seed)
    return np.array([draw(pad, placed(writer, habits(writer, int(y), strokes(img)), rng))
                     for img, y in zip(images, labels)], dtype=np.float32)
