"""Digit augmentation: every epoch sees slightly different handwriting.

With only 5,000 training digits a network soon learns the digits by heart;
distorting them anew each epoch (as a different hand would write them)
is what lets a plain MLP generalise to digits it never saw.  Each image gets

* a random affine map: rotation, scale, aspect ratio, shear and shift;
* an elastic distortion: a smooth random displacement field (random
  displacements on a coarse grid, interpolated bilinearly to every pixel),
  after Simard, Steinkraus & Platt (2003);
* a random stroke thickness: a blend towards the grey dilation (thicker)
  or the grey erosion (thinner) of the image.

All of it is vectorised over the batch: the affine map and the elastic field
are added into one source coordinate per output pixel and the image is
sampled there bilinearly with four numpy gathers.  No per-image Python loop,
no imaging library.  Work proceeds in chunks of a few hundred images so the
temporaries stay in the CPU cache.  Pixels sampled outside the image are 0.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import numpy as np

from nndesk.engine.core.training import Augmenter

_CHUNK = 256  # images per chunk: ~10 float32 temporaries of (256, 28, 28) fit the L2 cache


@dataclass(frozen=True)
class Distortion:
    """Ranges of the random distortions (each drawn uniformly in ±range)."""

    rotation: float = 12.0  # degrees
    scale: float = 0.10  # relative size change
    aspect: float = 0.10  # relative width/height change
    shear: float = 0.20  # horizontal shear (x shifts by shear·y)
    shift: float = 2.0  # pixels, each axis
    elastic: float = 1.2  # pixels, standard deviation of the displacement on the coarse grid
    elastic_grid: int = 4  # coarse grid points per side (fewer = smoother)
    thickness: float = 0.5  # blend factor towards dilation (+) or erosion (−)

    def scaled(self, strength: float) -> Distortion:
        """All ranges times ``strength`` (0 leaves images unchanged)."""
        return replace(self, **{f.name: getattr(self, f.name) * strength
                                for f in fields(self) if f.name != "elastic_grid"})


class DigitAugmenter:
    """An ``Augmenter``: ``augmenter(images (n, h, w) float32 0..1, rng) -> images``."""

    def __init__(self, distortion: Distortion) -> None:
        self.d = distortion

    def __repr__(self) -> str:
        return f"DigitAugmenter({self.d})"

    def __call__(self, images: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        images = np.asarray(images, dtype=np.float32)
        if images.ndim != 3:
            raise ValueError(f"expected images (n, h, w), got shape {images.shape}")
        out = np.empty_like(images)
        params = self._draw(len(images), rng)  # all random numbers first: result independent of chunking
        for i in range(0, len(images), _CHUNK):
            s = slice(i, i + _CHUNK)
            out[s] = self._warp(self._thicken(images[s], params["k"][s]),
                                {key: v[s] for key, v in params.items()})
        return out

    def _draw(self, n: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
        d, g = self.d, self.d.elastic_grid

        def u(r: float, size: tuple[int, ...] = (n,)) -> np.ndarray:
            return rng.uniform(-r, r, size).astype(np.float32)
        return {"theta": np.deg2rad(u(d.rotation)), "scale": np.exp(u(d.scale)), "aspect": np.exp(u(d.aspect)),
                "shear": u(d.shear), "tx": u(d.shift), "ty": u(d.shift),
                "grid": (rng.standard_normal((n, 2, g, g)) * d.elastic).astype(np.float32),
                "k": u(d.thickness)}

    @staticmethod
    def _thicken(x: np.ndarray, k: np.ndarray) -> np.ndarray:
        """x + k·(dilate(x) − x) for k > 0, x + |k|·(erode(x) − x) for k < 0 (3×3 cross).

        Erosion is dilation of the negative image, erode(x) = −dilate(−x), so one
        max filter on s·x (s = ±1 per image) serves both.
        """
        if not np.any(k):
            return x
        s = np.where(k < 0, -1, 1).astype(np.float32)[:, None, None]
        y = x * s
        pad = np.pad(y, ((0, 0), (1, 1), (1, 1)))
        up, down, left, right = pad[:, :-2, 1:-1], pad[:, 2:, 1:-1], pad[:, 1:-1, :-2], pad[:, 1:-1, 2:]
        m = np.maximum(np.maximum(up, down), np.maximum(left, right))
        np.maximum(m, y, out=m)
        m *= s  # dilate(x) where k > 0, erode(x) where k < 0
        m -= x
        m *= np.abs(k)[:, None, None]
        m += x
        return m

    def _warp(self, x: np.ndarray, p: dict[str, np.ndarray]) -> np.ndarray:
        n, h, w = x.shape
        field = _field(p["grid"], h, w) if self.d.elastic else None
        return warp(x, p["theta"], p["scale"], p["aspect"], p["shear"], p["tx"], p["ty"], field)


def _field(grid: np.ndarray, h: int, w: int) -> np.ndarray:
    """(n, 2, h, w) displacements U_y·G·U_xᵀ: the (n, 2, g, g) coarse grid G interpolated bilinearly.

    Written as two plain matrix products over the whole batch (numpy's stacked
    matmul would call the BLAS once per tiny g×g grid).
    """
    n, c, g, _ = grid.shape
    uy, ux = _upsampler(h, g), _upsampler(w, g)
    gx = (grid.reshape(-1, g) @ ux.T).reshape(n * c, g, w)  # G·U_xᵀ
    gx = gx.transpose(1, 0, 2).reshape(g, n * c * w)
    return (uy @ gx).reshape(h, n, c, w).transpose(1, 2, 0, 3)  # U_y·(G·U_xᵀ), as a view


def warp(images: np.ndarray, theta: np.ndarray, scale: np.ndarray, aspect: np.ndarray, shear: np.ndarray,
         tx: np.ndarray, ty: np.ndarray, field: np.ndarray | None = None) -> np.ndarray:
    """Each image under its own affine map (and displacement field), sampled bilinearly.

    Image i is rotated by ``theta[i]`` radians (counter-clockwise on screen),
    scaled by ``scale[i]``, stretched to ``aspect[i]`` (width/height ratio
    change), sheared by ``shear[i]`` and moved by (``tx[i]``, ``ty[i]``)
    pixels (right, down).  ``field`` (n, 2, h, w) adds a displacement (dx, dy)
    to the sampling position of every output pixel.
    """
    x = np.asarray(images, dtype=np.float32)
    n, h, w = x.shape
    cy, cx = (h - 1) / 2, (w - 1) / 2
    col = lambda v: np.asarray(v, np.float32).reshape(-1, 1, 1)  # noqa: E731  per-image scalar → (n, 1, 1)
    # Forward map on (x, y) pixel coordinates (y points down): A = R·Shear·diag(s·α, s/α), with
    # R = [[c, s], [−s, c]] turning counter-clockwise on screen.  Output pixel p shows the input
    # at A⁻¹·(p − centre − shift) + centre, and A⁻¹ = diag(1/(s·α), α/s)·Shear⁻¹·Rᵀ:
    c, s = np.cos(col(theta)), np.sin(col(theta))
    sx, sy, sh = col(scale) * col(aspect), col(scale) / col(aspect), col(shear)
    # Shear⁻¹·Rᵀ = [[1, −sh], [0, 1]]·[[c, −s], [s, c]] = [[c − sh·s, −s − sh·c], [s, c]]
    a00, a01 = (c - sh * s) / sx, (-s - sh * c) / sx
    a10, a11 = s / sy, c / sy
    dx = np.arange(w, dtype=np.float32).reshape(1, 1, w) - cx - col(tx)  # (n, 1, w)
    dy = np.arange(h, dtype=np.float32).reshape(1, h, 1) - cy - col(ty)  # (n, h, 1)
    src_x = a00 * dx + (a01 * dy + cx)  # (n, h, w): a column term plus a row term
    src_y = a10 * dx + (a11 * dy + cy)
    if field is not None:
        src_x += field[:, 0]
        src_y += field[:, 1]
    return _bilinear(x, src_x, src_y)


def _upsampler(size: int, g: int) -> np.ndarray:
    """(size, g) matrix of bilinear weights: grid point i sits at pixel i·(size−1)/(g−1)."""
    pos = np.arange(size, dtype=np.float32) * (g - 1) / max(size - 1, 1)
    i0 = np.minimum(np.floor(pos).astype(int), g - 2) if g > 1 else np.zeros(size, int)
    f = pos - i0
    m = np.zeros((size, g), dtype=np.float32)
    m[np.arange(size), i0] = 1 - f
    if g > 1:
        m[np.arange(size), i0 + 1] += f
    return m


def _bilinear(x: np.ndarray, src_x: np.ndarray, src_y: np.ndarray) -> np.ndarray:
    """x sampled at (src_y, src_x) per output pixel; zero outside the image.  Overwrites src_x, src_y."""
    n, h, w = x.shape
    pad = np.pad(x, ((0, 0), (2, 2), (2, 2)))  # 2-pixel zero border: every 2×2 neighbourhood below is inside
    hp, wp = h + 4, w + 4
    np.clip(src_x, -1.5, w + 0.5, out=src_x)
    np.clip(src_y, -1.5, h + 0.5, out=src_y)
    x0 = np.floor(src_x)
    y0 = np.floor(src_y)
    fx = np.subtract(src_x, x0, out=src_x)  # fractional parts, in place of the coordinates
    fy = np.subtract(src_y, y0, out=src_y)
    # flat index of the top-left neighbour in the padded batch; exact in float32 (< 2²⁴)
    y0 *= wp
    y0 += x0
    y0 += (np.arange(n, dtype=np.float32) * (hp * wp) + (2 * wp + 2))[:, None, None]
    idx = y0.astype(np.int32)
    flat = pad.reshape(-1)
    v00 = flat.take(idx)
    v01 = flat.take(idx + 1)
    idx += wp
    v10 = flat.take(idx)
    v11 = flat.take(idx + 1)
    v01 -= v00
    v01 *= fx
    v00 += v01  # top = v00 + fx·(v01 − v00)
    v11 -= v10
    v11 *= fx
    v10 += v11  # bottom
    v10 -= v00
    v10 *= fy
    v00 += v10  # top + fy·(bottom − top)
    return v00


def make_augmenter(strength: float = 1.0, distortion: Distortion | None = None) -> Augmenter:
    """The standard digit augmenter, its ranges times ``strength`` (0: identity)."""
    if strength < 0:
        raise ValueError(f"augmentation strength must be ≥ 0, got {strength}")
    return DigitAugmenter((distortion or Distortion()).scaled(strength))
