"""Build hostile .npy, .npz and IDX bytes by hand: headers with any text, zips that lie, duplicate names.

``zipfile`` and ``np.savez`` refuse to write most of what an attacker can:
a member's declared size that its data does not have, two members of one
name, a header numpy's parser chokes on.  These writers do it in a few lines
of ``struct``, so the fuzz cases and the loaders' tests can make any of them.
"""

from __future__ import annotations

import gzip
import io
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

STORED, DEFLATED = 0, 8


def npy(array: np.ndarray) -> bytes:
    """A real .npy file, as numpy writes it."""
    out = io.BytesIO()
    np.save(out, array, allow_pickle=False)
    return out.getvalue()


def npy_header(text: str, version: tuple[int, int] = (1, 0)) -> bytes:
    """Magic, version, length and ``text`` padded as numpy pads it: any header text, even one that won't parse."""
    body = text.encode("latin1", "replace")
    length = "<H" if version[0] == 1 else "<I"
    fixed = 6 + 2 + struct.calcsize(length)
    body += b" " * ((-(fixed + len(body) + 1)) % 64) + b"\n"
    return b"\x93NUMPY" + bytes(version) + struct.pack(length, len(body)) + body


def header_text(descr: str, shape: Sequence[int], fortran: bool = False) -> str:
    return repr({"descr": descr, "fortran_order": fortran, "shape": tuple(shape)})


@dataclass(frozen=True)
class Member:
    """One zip entry; ``size`` and ``csize`` override what the headers declare (None: the truth)."""

    name: str
    data: bytes
    method: int = STORED
    size: int | None = None
    csize: int | None = None


def zip_bytes(members: Sequence[Member]) -> bytes:
    """A zip archive holding exactly ``members``, lies and duplicates included (no zip64: sizes < 4 GiB)."""
    out, central = bytearray(), bytearray()
    for m in members:
        name = m.name.encode("utf-8")
        body = m.data if m.method == STORED else _deflate(m.data)
        crc = zlib.crc32(m.data)
        size = len(m.data) if m.size is None else m.size
        csize = len(body) if m.csize is None else m.csize
        fields = struct.pack("<HHHHHIIIHH", 20, 0x800, m.method, 0, 0x21, crc, csize, size, len(name), 0)
        central += struct.pack("<IH", 0x02014B50, 20) + fields + struct.pack("<HHHII", 0, 0, 0, 0, len(out)) + name
        out += struct.pack("<I", 0x04034B50) + fields + name + body
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    return bytes(out + central + end)


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def npz(arrays: dict[str, np.ndarray], method: int = STORED) -> bytes:
    """An honest .npz of ``arrays`` (what np.savez writes, member for member)."""
    return zip_bytes([Member(f"{k}.npy", npy(v), method) for k, v in arrays.items()])


def idx(array: np.ndarray) -> bytes:
    """An unsigned-byte IDX file: 0x0000, type 0x08, ndim, big-endian sizes, data."""
    array = np.asarray(array, dtype=np.uint8)
    return struct.pack(f">HBB{array.ndim}I", 0, 0x08, array.ndim, *array.shape) + array.tobytes()


def gz(payload: bytes) -> bytes:
    return gzip.compress(payload, mtime=0)
