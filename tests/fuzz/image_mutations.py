"""Hostile images: valid PNG, BMP (plain and RLE8), GIF, JPEG, SVG and SVGZ digits, then mutated.

A case is (base, [(operation, seed), …], suffix); ``concrete`` draws each
operation's details from its seed and ``apply`` turns the case into bytes.
The operations are what issue 9 found and what a decoder must survive:
header sizes that lie (huge, zero, negative; PNG's CRC fixed so the lie
reaches Qt), other header fields, truncation, flips, junk at the end, RLE8
escapes (far jumps, literal runs past a row, rows thousands of pixels long),
and for SVG the features that cost memory or time — huge numbers in any
attribute, filters, patterns, nested ``<use>``, text, gzip layers and bombs.
"""

from __future__ import annotations

import random
import re
import struct
import zlib
from collections.abc import Callable

import numpy as np
from hypothesis import strategies as st
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage, QImageWriter

from tests.fuzz import images

RASTER = ("png", "png-rgba", "bmp", "bmp-rle8", "gif", "jpeg", "jpeg-progressive")
VECTOR = ("svg-path", "svg-text", "svg-blur", "svg-pattern", "svg-use", "svg-gradient-mask", "svg-dash",
          "svgz", "svgz-bomb")
KINDS = ("cut", "flip", "extend", "dims", "field", "number", "nest", "rle")
SUFFIXES = (".png", ".bmp", ".gif", ".jpg", ".svg", ".svgz", "")
SIZES = [0, 1, 2, 28, 7000, 20000, 65535, 65536, 100_000, 16_000_000, 2**31 - 1, 2**32 - 1]
NUMBERS = ["1e30", "-1e30", "1e-30", "0", "-1", "NaN", "inf", "99999999999", "1e308", "7e5", "0.0001", "-0"]
SVG_BODIES = {
    "svg-path": '<rect width="100" height="100" fill="white"/>'
                '<path d="M40 20 L55 12 L55 88" stroke="black" stroke-width="9" fill="none"/>',
    "svg-text": '<rect width="100" height="100" fill="white"/><text x="30" y="80" font-size="80">7</text>',
    "svg-blur": '<defs><filter id="b" x="-1" y="-1" width="3" height="3"><feGaussianBlur stdDeviation="3"/>'
                '<feOffset dx="3" dy="3"/></filter></defs><circle cx="50" cy="50" r="30" filter="url(#b)"/>',
    "svg-pattern": '<defs><pattern id="p" width="4" height="4" patternUnits="userSpaceOnUse">'
                   '<rect width="2" height="2"/></pattern></defs><rect width="100" height="100" fill="url(#p)"/>',
    "svg-use": '<defs><g id="a"><circle r="3"/></g><g id="b"><use xlink:href="#a" x="5"/><use xlink:href="#a" x="9"/>'
               '</g></defs><use xlink:href="#b" x="20" y="50"/><use xlink:href="#b" x="40" y="50"/>',
    "svg-gradient-mask": '<defs><linearGradient id="g"><stop offset="0" stop-color="black"/><stop offset="1" '
                         'stop-color="white"/></linearGradient><mask id="m"><rect width="60" height="60" '
                         'fill="white"/></mask><clipPath id="c"><circle cx="50" cy="50" r="40"/></clipPath></defs>'
                         '<rect width="100" height="100" fill="url(#g)" mask="url(#m)" clip-path="url(#c)"/>',
    "svg-dash": '<path d="M10 10 C 90 10 10 90 90 90" stroke="black" stroke-width="5" stroke-dasharray="2 1" '
                'fill="none" marker-end="url(#k)"/><defs><marker id="k" markerWidth="10" markerHeight="10">'
                '<rect width="5" height="5"/></marker></defs>',
}


def cases() -> st.SearchStrategy:
    seed = st.integers(0, 2**32 - 1)
    return st.tuples(st.sampled_from(RASTER + VECTOR), st.lists(st.tuples(st.sampled_from(KINDS), seed), max_size=3),
                     st.sampled_from(SUFFIXES))


def concrete(case: tuple) -> tuple:
    """(base, [(operation, its parameters…), …], suffix), every parameter drawn from the operation's seed."""
    base, ops, suffix = case
    return base, [(kind, *_params(kind, random.Random(seed))) for kind, seed in ops], suffix


def _params(kind: str, rng: random.Random) -> tuple:
    if kind == "cut":
        return (rng.random(),)
    if kind == "flip":
        return tuple((rng.random(), rng.randrange(1, 256)) for _ in range(rng.randrange(1, 4)))
    if kind == "extend":
        return (rng.randbytes(rng.randrange(1, 64)),)
    if kind == "dims":
        return rng.choice(SIZES), rng.choice(SIZES), rng.random() < 0.8  # width, height, fix the PNG CRC
    if kind == "field":
        return rng.randrange(8), rng.randrange(256)
    if kind == "number":
        return rng.randrange(1 << 16), rng.choice(NUMBERS)
    if kind == "rle":
        return rng.random(), rng.randrange(4), rng.randrange(256), rng.randrange(256), rng.randrange(1, 2000)
    return rng.randrange(1, 12), rng.randrange(1, 12)  # nest: depth, copies per level


def apply(case: tuple, digit: np.ndarray) -> bytes:
    """The bytes of a concrete case; ``digit`` is a uint8 28×28 MNIST digit (ink bright)."""
    base, ops, _ = case
    data = _BASES[base](digit, ops)
    for kind, *params in ops:
        data = _OPS[kind](data, base, *params)
    return data


# ---- bases -------------------------------------------------------------------------------------------------
def _paper(digit: np.ndarray) -> np.ndarray:
    return 255 - np.kron(digit, np.ones((3, 3), np.uint8))  # 84×84, dark ink on white paper


def _qt(digit: np.ndarray, kind: bytes, alpha: bool = False, progressive: bool = False) -> bytes:
    gray = np.ascontiguousarray(_paper(digit))
    image = QImage(gray.data, 84, 84, 84, QImage.Format.Format_Grayscale8).copy()
    if alpha:
        image = image.convertToFormat(QImage.Format.Format_ARGB32)
        image.setAlphaChannel(QImage(np.ascontiguousarray(255 - gray).data, 84, 84, 84,
                                     QImage.Format.Format_Grayscale8).copy())
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, kind)
    writer.setProgressiveScanWrite(progressive)
    assert writer.write(image), writer.errorString()
    return bytes(buffer.data())


def _rle8(digit: np.ndarray) -> bytes:
    rows = []
    for row in _paper(digit)[::-1]:  # BMP rows go bottom-up
        runs, start = [], 0
        for i in range(1, len(row) + 1):
            if i == len(row) or row[i] != row[start] or i - start == 255:
                runs.append((i - start, int(row[start])))
                start = i
        rows.append(runs)
    return images.bmp_rle8(84, 84, rows=rows)


def _svg(body: str, ops: list) -> bytes:
    return images.svg(body, extra='viewBox="0 0 100 100"')


_BASES: dict[str, Callable[[np.ndarray, list], bytes]] = {
    "png": lambda d, ops: images.png(_paper(d)),
    "png-rgba": lambda d, ops: _qt(d, b"png", alpha=True),
    "bmp": lambda d, ops: _qt(d, b"bmp"),
    "bmp-rle8": lambda d, ops: _rle8(d),
    "gif": lambda d, ops: images.gif(_paper(d) // 86),
    "jpeg": lambda d, ops: _qt(d, b"jpeg"),
    "jpeg-progressive": lambda d, ops: _qt(d, b"jpeg", progressive=True),
    **{name: (lambda d, ops, body=body: _svg(body, ops)) for name, body in SVG_BODIES.items()},
    "svgz": lambda d, ops: images.svgz(_svg(SVG_BODIES["svg-path"], ops)),
    "svgz-bomb": lambda d, ops: images.gzip_bomb(3_000_000),
}


# ---- operations --------------------------------------------------------------------------------------------
def _cut(data: bytes, base: str, at: float) -> bytes:
    return data[:int(at * len(data))]


def _flip(data: bytes, base: str, *flips: tuple[float, int]) -> bytes:
    out = bytearray(data)
    for at, mask in flips:
        if out:
            out[int(at * (len(out) - 1))] ^= mask
    return bytes(out)


def _extend(data: bytes, base: str, junk: bytes) -> bytes:
    return data + junk


def _dims(data: bytes, base: str, w: int, h: int, fix_crc: bool) -> bytes:
    """Make the header declare w×h (each format where it keeps its size); the pixels stay as they were."""
    out = bytearray(data)
    if data.startswith(b"\x89PNG") and len(out) >= 33:
        out[16:24] = struct.pack(">II", w, h)
        if fix_crc:
            out[29:33] = struct.pack(">I", zlib.crc32(bytes(out[12:29])))
    elif data.startswith(b"BM") and len(out) >= 26:
        out[18:26] = struct.pack("<ii", _signed(w), -_signed(h) if h % 3 == 0 else _signed(h))
    elif data.startswith(b"GIF") and len(out) >= 34:
        out[6:10] = struct.pack("<HH", w & 0xFFFF, h & 0xFFFF)
        out[30:34] = struct.pack("<HH", (w >> 1) & 0xFFFF, h & 0xFFFF)
    elif data.startswith(b"\xff\xd8") and (sof := _jpeg_sof(data)) is not None:
        out[sof + 5:sof + 9] = struct.pack(">HH", h & 0xFFFF, w & 0xFFFF)
    elif base.startswith("svg") and not data.startswith(b"\x1f\x8b"):
        text = re.sub(rb'width="[^"]*" height="[^"]*"', f'width="{w}" height="{h}"'.encode(), data, count=1)
        return re.sub(rb'viewBox="[^"]*"', f'viewBox="0 0 {w} {max(h, 1)}"'.encode(), text, count=1)
    return bytes(out)


def _field(data: bytes, base: str, which: int, value: int) -> bytes:
    """Set one header byte that is not a size: PNG depth/colour/…, BMP bit count/compression, GIF flags, JPEG SOF."""
    out = bytearray(data)
    png, bmp, gif = [24, 25, 26, 27, 28, 24, 25, 28], [28, 30, 46, 10, 14, 29, 31, 47], [10, 11, 12, 35, 36, 10, 11, 12]
    at = (png if data.startswith(b"\x89PNG") else bmp if data.startswith(b"BM") else
          gif if data.startswith(b"GIF") else None)
    if at is not None and at[which] < len(out):
        out[at[which]] = value
        if data.startswith(b"\x89PNG") and len(out) >= 33:
            out[29:33] = struct.pack(">I", zlib.crc32(bytes(out[12:29])))
    elif data.startswith(b"\xff\xd8") and (sof := _jpeg_sof(data)) is not None and sof + 10 < len(out):
        out[sof + 4 + (0, 5, 6, 7, 8, 9, 2, 3)[which]] = value  # precision, components, component ids…
    return bytes(out)


def _number(data: bytes, base: str, which: int, value: str) -> bytes:
    """Replace one number of an SVG's text with ``value`` (1e30, NaN, …): any attribute may be the costly one."""
    if not base.startswith("svg") or data.startswith(b"\x1f\x8b"):
        return data
    found = list(re.finditer(rb"(?<![#\w])-?\d+(\.\d+)?", data))
    if not found:
        return data
    m = found[which % len(found)]
    return data[:m.start()] + value.encode() + data[m.end():]


def _nest(data: bytes, base: str, depth: int, copies: int) -> bytes:
    """Wrap an SVG's drawing in ``depth`` levels of ``copies`` <use> each: copies^depth shapes, over the cap or not."""
    if not base.startswith("svg") or data.startswith(b"\x1f\x8b"):
        return data
    head, _, rest = data.partition(b">")
    body = rest.rsplit(b"</svg>", 1)[0]
    levels = [b'<g id="n0">' + body + b"</g>"]  # bytes: an earlier flip may have left invalid UTF-8
    for i in range(1, depth + 1):
        uses = "".join(f'<use xlink:href="#n{i - 1}" x="{k}"/>' for k in range(copies))
        levels.append(f'<g id="n{i}" transform="scale(0.9)">{uses}</g>'.encode())
    return head + b"><defs>" + b"".join(levels) + f'</defs><use xlink:href="#n{depth}"/></svg>'.encode()


def _rle(data: bytes, base: str, at: float, trick: int, a: int, b: int, repeat: int) -> bytes:
    """Splice an RLE8 escape into a BMP's pixel data: a far jump (delta), a literal run past the row's end,
    an early end of bitmap, or ``repeat`` full runs of 255 pixels (a row thousands of pixels too long)."""
    if not data.startswith(b"BM") or len(data) < 14:
        return data
    start = struct.unpack("<I", data[10:14])[0]
    if start >= len(data):
        return data
    cut = start + int(at * (len(data) - start)) // 2 * 2
    escape = [bytes([0, 2, a, b]), bytes([0, max(3, a)]) + bytes(max(3, a) + max(3, a) % 2), b"\x00\x01",
              bytes([255, b]) * repeat][trick]
    return data[:cut] + escape + data[cut:]


def _jpeg_sof(data: bytes) -> int | None:
    for marker in (b"\xff\xc0", b"\xff\xc2", b"\xff\xc1"):
        at = data.find(marker, 2)
        if at >= 0:
            return at
    return None


def _signed(v: int) -> int:
    return v - 2**32 if v >= 2**31 else v


_OPS: dict[str, Callable[..., bytes]] = {"cut": _cut, "flip": _flip, "extend": _extend, "dims": _dims,
                                         "field": _field, "number": _number, "nest": _nest, "rle": _rle}
