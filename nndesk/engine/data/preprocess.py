"""Turn any grayscale digit image into the kind of 28×28 picture MNIST is made of.

MNIST's recipe (LeCun et al.): crop the ink, scale its longest side to 20 px
keeping the aspect ratio (anti-aliased, so grey levels appear at the edges),
then place it in a 28×28 field so its centre of mass sits at the centre.  A
network trained on MNIST only knows digits made this way, so a drawn or
photographed digit must go through the same steps or accuracy drops sharply.

Two details matter.  The resampling is by *area* (each output pixel is the
mean of the input it covers), which keeps thin strokes grey instead of
dropping them.  And the centring shift is *sub-pixel*, done by bilinear
interpolation: a bilinear shift moves the centre of mass by exactly the shift,
whereas rounding to whole pixels leaves it up to half a pixel off (which cost
a peer app 5 points of accuracy).  Coordinates are pixel centres: pixel i is
at i, so the target (14.0, 14.0) is where MNIST's own digits sit on average.

Both steps work on rows, then columns: the area step sums blocks of whole
pixels between the output's edges (memory O(output × input side), whatever
the aspect ratio: a 1×16,000,000 strip costs a few 20-wide rows, not a
20×16,000,000 matrix), the shift is a 28×20 matrix product; a 280×280
drawing costs well under a millisecond.  Images whose mass lies far from the middle of
their bounding box may lose a little ink at the field's edge, as in MNIST.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FIELD = 28  # output side
BOX = 20  # the longest side of the scaled digit
CENTRE = 14.0  # centre of mass, in pixel-centre coordinates
BBOX_INK = 0.1  # ink needed above the background to widen the crop
PREPROCESSING = "mnist-centre-of-mass-28"  # the name model files record


@dataclass(frozen=True, eq=False)
class Steps:
    """Each step from the ink to the 28×28 input, for showing them (``mnist_centre`` is ``centred``).

    ``box`` is the ink's bounding box in the input, rows [top, bottom) and columns [left, right);
    it and ``crop``/``scaled`` are None for an image without ink.
    """

    box: tuple[int, int, int, int] | None
    crop: np.ndarray | None  # the ink in the box, 0..1, peak 1
    scaled: np.ndarray | None  # the crop with its longest side BOX px (float64)
    centre: tuple[float, float]  # the scaled digit's centre of mass, moved to (CENTRE, CENTRE)
    centred: np.ndarray  # float32 (28, 28): what the network is fed


def mnist_centre(gray: np.ndarray, ink_is_dark: bool | None = None) -> np.ndarray:
    """float32 (28, 28) in 0..1, ink bright, from a 2-D grayscale image of any size.

    Integer images are scaled by their type's maximum; float images are taken
    as 0..1 (or 0..255 if any value exceeds 1).  ``ink_is_dark=None`` decides
    from the border: a bright border means dark ink on light paper.  An image
    without ink gives all zeros.
    """
    return mnist_steps(gray, ink_is_dark).centred


def mnist_steps(gray: np.ndarray, ink_is_dark: bool | None = None) -> Steps:
    """``mnist_centre`` one step at a time: the box, the crop, the 20-px digit, its centre of mass, the input."""
    blank = np.zeros((FIELD, FIELD), np.float32)
    found = _inked_crop(gray, ink_is_dark)
    if found is None:
        return Steps(None, None, None, (float("nan"), float("nan")), blank)
    crop, box = found
    h, w = crop.shape
    f = BOX / max(h, w)
    out_h, out_w = max(1, round(h * f)), max(1, round(w * f))
    scaled = _area_resample(_area_resample(crop, out_h, axis=0), out_w, axis=1)
    cy, cx = centre_of_mass(scaled)
    if cy != cy:  # NaN: nothing left
        return Steps(box, crop, scaled, (cy, cx), blank)
    # Pixel k of ``scaled`` lands at k + (CENTRE − c), so the centre of mass lands on CENTRE.
    out = _shift_matrix(out_h, CENTRE - cy) @ scaled @ _shift_matrix(out_w, CENTRE - cx).T
    return Steps(box, crop, scaled, (cy, cx), np.clip(out, 0.0, 1.0).astype(np.float32))


def shrunk(gray: np.ndarray) -> np.ndarray:
    """float32 (28, 28): dark ink on light paper, the whole image shrunk by area, no crop and no centring.

    What a naive demo feeds an MNIST network: the digit stays where and as large
    as it was drawn, which is why such demos misread digits MNIST's recipe reads.
    """
    ink = 1.0 - np.asarray(gray, np.float32) / 255.0
    return np.clip(_area_resample(_area_resample(ink, FIELD, axis=0), FIELD, axis=1), 0.0, 1.0).astype(np.float32)


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    """(row, column) centre of mass in pixel-centre coordinates; (nan, nan) if empty."""
    image = np.asarray(image, dtype=np.float64)
    mass = image.sum()
    if not mass > 0:
        return float("nan"), float("nan")
    return (float(image.sum(axis=1) @ np.arange(image.shape[0]) / mass),
            float(image.sum(axis=0) @ np.arange(image.shape[1]) / mass))


def _inked_crop(gray: np.ndarray, ink_is_dark: bool | None) -> tuple[np.ndarray, tuple[int, int, int, int]] | None:
    """The bounding box of the ink as float32 ink amounts 0..1 (peak 1) and where it is, or None if blank.

    Only the border and one comparison touch the whole image; the float
    work happens on the crop, which keeps a large drawing cheap.
    """
    g = np.asarray(gray)
    if g.ndim != 2 or g.size == 0:
        raise ValueError(f"expected a non-empty 2-D grayscale image, got shape {g.shape}")
    if g.dtype == np.bool_:
        g, scale = g.view(np.uint8), 1.0
    elif np.issubdtype(g.dtype, np.integer):
        scale = 1.0 / np.iinfo(g.dtype).max
    else:  # NaN compares False below, so it never counts as ink; the crop replaces it
        peak = np.fmax.reduce(g, axis=None)  # the max, ignoring NaN
        scale = 1.0 / 255 if peak > 1.0 else 1.0
    h, w = g.shape  # the border, each pixel once (a one-row image is all border), worked on in place
    edges = [g[0]] + ([g[-1]] if h > 1 else []) + ([g[1:-1, 0], g[1:-1, -1]] if w > 1 else [g[1:-1, 0]])
    border = np.concatenate(edges).astype(np.float32)
    np.nan_to_num(border, copy=False)
    border *= np.float32(scale)
    np.clip(border, 0.0, 1.0, out=border)
    if ink_is_dark is None:
        ink_is_dark = bool(border.mean() > 0.5)
    if ink_is_dark:
        np.subtract(1.0, border, out=border)
    # Paper is rarely exactly black after inversion: the background level is the
    # border's median plus 6 robust σ of its noise (3σ would still let a few
    # hundred noisy pixels of a photo stretch the crop); a clean image gives 0.
    med = np.median(border, overwrite_input=True)  # reorders ``border``, which the spread ignores
    border -= med
    np.abs(border, out=border)
    floor = float(med + 6 * 1.4826 * np.median(border, overwrite_input=True))
    if floor >= 1.0:
        return None
    # The crop keeps ink 10 % above the background: JPEG ringing and faint smudges
    # stay out of it, while MNIST's own anti-aliased edges (all 20 px wide boxes
    # of the bundled digits are still 20 px at this threshold) stay in.
    edge = floor + BBOX_INK * (1.0 - floor)
    mask = g < (1.0 - edge) / scale if ink_is_dark else g > edge / scale
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if rows.size == 0:
        return None
    crop = g[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1].astype(np.float32) * np.float32(scale)
    crop = np.nan_to_num(crop, nan=1.0 if ink_is_dark else 0.0, copy=False)
    crop = np.clip(1.0 - crop if ink_is_dark else crop, 0.0, 1.0) - np.float32(floor)
    np.maximum(crop, 0.0, out=crop)
    return crop / crop.max(), (int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1)


def _area_resample(a: np.ndarray, n_out: int, axis: int) -> np.ndarray:
    """``a`` resampled to ``n_out`` pixels along ``axis``, each the mean of the input it covers (float64).

    Output pixel i spans [i·s, (i+1)·s) in input units, s = n / n_out.  With F(y) the
    integral of the input from 0 to y (a step function), pixel i is (F((i+1)·s) − F(i·s)) / s,
    so F is needed only at the n_out + 1 edges: the whole pixels below each edge are summed
    in blocks (``np.add.reduceat``) and the pixel an edge cuts adds its covered fraction.
    """
    a = np.moveaxis(a, axis, 0)
    n = a.shape[0]
    y = np.minimum(np.arange(n_out + 1) * (n / n_out), n)  # the edges
    k = np.minimum(y.astype(np.intp), n - 1)  # the pixel each edge cuts (the last edge: all of the last)
    frac = (y - k).reshape(-1, *([1] * (a.ndim - 1)))
    starts, first = np.unique(k, return_inverse=True)
    blocks = np.add.reduceat(a, starts, axis=0, dtype=np.float64)  # pixels [starts[m], starts[m + 1])
    below = np.concatenate([np.zeros_like(blocks[:1]), np.cumsum(blocks[:-1], axis=0)])  # Σ pixels < starts[m]
    f = below[first] + frac * a[k]  # F at each edge
    return np.moveaxis(np.diff(f, axis=0) / (n / n_out), 0, axis)


def _shift_matrix(n_in: int, d: float) -> np.ndarray:
    """(FIELD, n_in) bilinear matrix placing input pixel k at k + d.

    Output pixel i samples the input at y = i − d: weight 1 − frac at ⌊y⌋ and
    frac at ⌊y⌋ + 1.  Such a shift keeps the mass and moves its centre by d.
    """
    y = np.arange(FIELD) - d
    y0 = np.floor(y).astype(int)
    frac = y - y0
    m = np.zeros((FIELD, n_in))
    rows = np.arange(FIELD)
    for col, weight in ((y0, 1.0 - frac), (y0 + 1, frac)):
        ok = (col >= 0) & (col < n_in)  # taps outside the digit read the empty background
        m[rows[ok], col[ok]] += weight[ok]
    return m
