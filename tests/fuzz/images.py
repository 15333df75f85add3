"""Image files written byte by byte, valid or hostile: PNG, BMP (RLE8), GIF, SVG and SVGZ.

Shared by ``tests/test_imageio.py`` (the issue's files) and ``test_fuzz_images.py``
(their mutations).  Every writer returns bytes; none needs Qt, so the files can
lie in ways Qt's own writers never would (a 1×16,000,000 RLE bitmap in 250 KB,
a 7000×7000 PNG in 50 KB, a gigabyte of SVG in 1 MB of gzip).
"""

from __future__ import annotations

import gzip
import struct
import zlib

import numpy as np


def png(gray: np.ndarray | None = None, *, width: int = 0, height: int = 0, bit_depth: int = 8,
        colour: int = 0, level: int = 9) -> bytes:
    """A grayscale PNG of ``gray`` (uint8 h×w), or of ``height`` zero rows ``width`` wide (streamed, any size)."""
    h, w = gray.shape if gray is not None else (height, width)
    pack = zlib.compressobj(level)
    parts = []
    if gray is not None:
        rows = np.hstack([np.zeros((h, 1), np.uint8), np.asarray(gray, np.uint8)])  # filter byte 0 per row
        parts.append(pack.compress(rows.tobytes()))
    else:
        channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(colour, 1)
        row = bytes(1 + -(-w * channels * bit_depth // 8))
        for _ in range(h):
            parts.append(pack.compress(row))
    parts.append(pack.flush())
    header = struct.pack(">IIBBBBB", w, h, bit_depth, colour, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", b"".join(parts))
            + png_chunk(b"IEND", b""))


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bmp_rle8(width: int, height: int, runs: list[tuple[int, int]] | None = None,
             rows: list[list[tuple[int, int]]] | None = None) -> bytes:
    """An 8-bit run-length BMP: every row is ``runs`` of (count ≤ 255, palette index) (default: all white),
    or each row its own runs (``rows``, bottom-up as BMP stores them).

    Grey palette (index = level); the runs may cover less or more than
    ``width``, as a hostile file's would.
    """
    runs = runs if runs is not None else [(min(255, width - i), 255) for i in range(0, width, 255)]

    def encoded(r: list[tuple[int, int]]) -> bytes:
        return b"".join(struct.pack("BB", n, v) for n, v in r) + b"\x00\x00"  # end of line

    body = (b"".join(map(encoded, rows)) if rows is not None else encoded(runs) * height) + b"\x00\x01"
    palette = b"".join(struct.pack("BBBB", i, i, i, 0) for i in range(256))
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 8, 1, len(body), 2835, 2835, 256, 0)
    offset = 14 + len(info) + len(palette)
    return struct.pack("<2sIHHI", b"BM", offset + len(body), 0, 0, offset) + info + palette + body


def gif(pixels: np.ndarray, screen: tuple[int, int] | None = None) -> bytes:
    """A GIF of ``pixels`` (uint8 h×w, values 0..3 into a grey palette); ``screen`` overrides the canvas size.

    LZW without compression: a clear code before every 2 literal codes keeps the code width at 3 bits.
    """
    h, w = pixels.shape
    sw, sh = screen or (w, h)
    palette = bytes(v for i in range(4) for v in (i * 85,) * 3)
    codes = []
    for k, value in enumerate(pixels.ravel().tolist()):
        if k % 2 == 0:
            codes.append(4)  # clear
        codes.append(int(value))
    codes.append(5)  # end of information
    bits = "".join(format(c, "03b")[::-1] for c in codes)  # LSB-first
    bits += "0" * (-len(bits) % 8)
    data = bytes(int(bits[i:i + 8][::-1], 2) for i in range(0, len(bits), 8))
    blocks = b"".join(bytes([len(data[i:i + 255])]) + data[i:i + 255] for i in range(0, len(data), 255)) + b"\x00"
    return (b"GIF89a" + struct.pack("<HHBBB", sw, sh, 0xF1, 0, 0) + palette
            + b"\x2c" + struct.pack("<HHHHB", 0, 0, w, h, 0) + b"\x02" + blocks + b"\x3b")


def svg(body: str, width: str = "100", height: str = "100", extra: str = "") -> bytes:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'width="{width}" height="{height}" {extra}>{body}</svg>').encode()


def svgz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def gzip_bomb(unpacked: int, head: bytes = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">') -> bytes:
    """gzip of ``head`` and then ``unpacked`` bytes of spaces (about 1000:1), written in steps of 1 MB."""
    pack = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [pack.compress(head)]
    block = b" " * (1 << 20)
    for done in range(0, unpacked, len(block)):
        out.append(pack.compress(block[:unpacked - done]))
    out.append(pack.flush())
    return b"".join(out)


def digit_svg(text: bool = False) -> bytes:
    """A hand-drawn "1" as a path, or a "7" as text (needs fonts: Qt's font database)."""
    if text:
        return svg('<rect width="100" height="100" fill="white"/><text x="30" y="80" font-size="80">7</text>')
    return svg('<rect width="100" height="100" fill="white"/>'
               '<path d="M40 20 L55 12 L55 88" stroke="black" stroke-width="9" fill="none"/>')
