"""Mutations of a valid .npz, member by member and byte by byte: what an attacker can do to a zip of arrays.

A case is (base index, member operations, file operation); ``apply`` turns it
into bytes.  The operations cover what issue 9 found and what the readers
must refuse: member-name tricks (``x`` beside ``x.npy``, duplicates, paths),
extra and missing members, header fields (dtype, shape, order, version),
header syntax numpy's parser chokes on, zip sizes that lie, compression
methods, arrays whose sizes only add up to too much, truncation and flips.
"""

from __future__ import annotations

import ast
import random
import struct
from collections.abc import Sequence

import numpy as np
from hypothesis import strategies as st

from tests.fuzz import forge

DESCRS = ["<f8", "<f4", "<f2", "|u1", "<i8", ">f8", ">i2", "<u8", "|i1", "<f16", "<c16", "<c8", "|O", "|b1",
          "<U3", "|S2", "|V8", "<M8[D]", "<m8[s]", "[('a', '<f8')]", "('<f8', (3,))", "('|u1', (784,))", "<f3",
          "float", "", "|u0", "<q"]
HEADERS = ["{'descr': '<f8', 'fortran_order': False, 'shape': (3,", "{'descr': '<f8'}", "(((", "[]", "{" * 300,
           "{'descr': 1, 'fortran_order': 0, 'shape': ()}", "{'descr': '<f8', 'fortran_order': False, 'shape': (3L,)}",
           "__import__('os').system('false')", "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}",
           "{'descr': '<f8', 'fortran_order': False, 'shape': (18446744073709551616,)}",
           "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), 'extra': 1}", "{'shape': (1,) * 64}",
           "{'descr': '<f8', 'fortran_order': False, 'shape': ([],)}", "\x00" * 40, "{'descr': '<f8',} \\"]
VERSIONS = [(1, 0), (2, 0), (3, 0), (0, 0), (255, 255)]
KINDS = ("rename", "dup", "drop", "alias", "extra", "descr", "shape", "fortran", "text", "version", "size", "csize",
         "method", "big", "deflate")
_NOISE = np.random.default_rng(9).bytes(1 << 18)  # incompressible: a deflated member "could" hold 1000× this
_CHARS = "x_y.npy/\\\x00 éü\u202e\U0001f600" + "".join(map(chr, range(32, 127)))


def cases(n_bases: int) -> st.SearchStrategy:
    """(base, [(operation, seed), …], file seed): hypothesis picks the mix, each seed its details (``concrete``)."""
    seed = st.integers(0, 2**32 - 1)
    return st.tuples(st.integers(0, n_bases - 1), st.lists(st.tuples(st.sampled_from(KINDS), seed), min_size=1,
                                                           max_size=4), seed)


def concrete(case: tuple, names: Sequence[str]) -> tuple:
    """The case with every operation's parameters drawn from its seed: what ``apply`` does, readable."""
    base, member_ops, file_seed = case
    out = []
    for kind, seed in member_ops:
        rng = random.Random(seed)
        out.append((kind, *_params(kind, rng, names)))
    rng = random.Random(file_seed)
    file_op = None
    if rng.random() < 0.25:  # a quarter of the files are also cut or flipped as a whole
        file_op = ("cut", rng.random()) if rng.random() < 0.5 else (
            "flip", [(rng.random(), rng.randrange(1, 256)) for _ in range(rng.randrange(1, 5))])
    return base, out, file_op


def _params(kind: str, rng: random.Random, names: Sequence[str]) -> tuple:
    i = rng.randrange(32)
    if kind in ("dup", "drop", "deflate"):
        return (i,)
    if kind in ("rename", "extra"):
        pool = [*names, *(n[:-4] for n in names), "x.npy.npy", "dir/x.npy", "../W0.npy", ".npy", "", "x\x00.npy",
                "ü.npy", "a" * 300 + ".npy", "x .npy", "X.npy"]
        name = rng.choice(pool) if rng.random() < 0.7 else "".join(rng.choice(_CHARS) for _ in range(rng.randrange(12)))
        if kind == "rename":
            return i, name
        return name, rng.choice(DESCRS[:9]), [rng.randrange(5) for _ in range(rng.randrange(4))]
    if kind == "alias":
        return i, rng.choice([rng.randrange(1, 1000), rng.randrange(10**6, 10**9)])
    if kind == "descr":
        return i, rng.choice(DESCRS)
    if kind == "shape":
        dims = [rng.choice([rng.randrange(6), -rng.randrange(1, 4), rng.randrange(10**5, 10**6),
                            rng.randrange(10**8, 2**63)]) for _ in range(rng.randrange(7))]
        return i, dims
    if kind == "fortran":
        return i, rng.choice([True, False, 0, "x", None])
    if kind == "text":
        return i, (rng.choice(HEADERS) if rng.random() < 0.6 else
                   "".join(rng.choice(_CHARS + "{}()[]',:") for _ in range(rng.randrange(60))))
    if kind == "version":
        return i, rng.choice(VERSIONS)
    if kind in ("size", "csize"):
        return i, rng.choice([rng.randrange(2**32), rng.randrange(2000)])
    if kind == "method":
        return i, rng.choice([0, 8, 12, 14, 99])
    return i, rng.randrange(10**6, 2 * 10**9)  # big


def split_npy(data: bytes) -> tuple[tuple[int, int], str, bytes] | None:
    """(version, header text, array bytes) of a .npy numpy wrote; None if it no longer parses that far."""
    if data[:6] != b"\x93NUMPY" or len(data) < 12:
        return None
    version = (data[6], data[7])
    size, start = (struct.unpack("<H", data[8:10])[0], 10) if version[0] == 1 else (
        struct.unpack("<I", data[8:12])[0], 12)
    return version, data[start:start + size].decode("latin1").strip(), data[start + size:]


def _edit(data: bytes, field: str, value: object) -> bytes:
    """The .npy with one header field (or its whole text, or its version) replaced."""
    parts = split_npy(data)
    if parts is None:
        return data
    version, text, body = parts
    if field == "text":
        return forge.npy_header(str(value), version) + body
    if field == "version":
        return forge.npy_header(text, value) + body
    try:
        header = ast.literal_eval(text)
        header[field] = ast.literal_eval(value) if field == "descr" and str(value)[:1] in "[(" else value
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return data  # an earlier mutation broke it already
    return forge.npy_header(repr(header), version) + body


def apply(bases: Sequence[list[forge.Member]], case: tuple) -> bytes:
    """The bytes of one ``concrete`` case."""
    base, member_ops, file_op = case
    members = list(bases[base])
    for op in member_ops:
        kind, k = op[0], (op[1] % len(members) if members and isinstance(op[1], int) else 0)
        m = members[k] if members else None
        if kind == "extra":
            arr = np.zeros(op[3], np.dtype(op[2]))
            members.append(forge.Member(op[1] + ".npy", forge.npy(arr)))
        elif m is None:
            continue
        elif kind == "rename":
            members[k] = forge.Member(op[2], m.data, m.method, m.size, m.csize)
        elif kind == "dup":
            members.append(m)
        elif kind == "drop":
            members.pop(k)
        elif kind == "alias":
            members.append(forge.Member(m.name[:-4] if m.name.endswith(".npy") else m.name + "x",
                                        _edit(m.data, "shape", (op[2],)) + bytes(64)))
        elif kind in ("descr", "shape", "fortran", "text", "version"):
            field = {"fortran": "fortran_order"}.get(kind, kind)
            value = tuple(op[2]) if kind == "shape" else op[2]
            members[k] = forge.Member(m.name, _edit(m.data, field, value), m.method, m.size, m.csize)
        elif kind in ("size", "csize", "method"):
            members[k] = forge.Member(m.name, m.data, **{**_fields(m), kind: op[2]})
        elif kind == "big":  # a header declaring op[2] bytes, and compressed data that could hold them
            head = _edit(m.data, "shape", (op[2],))
            parts = split_npy(head)
            if parts is not None:
                head = head[:len(head) - len(parts[2])]
            members[k] = forge.Member(m.name, head + _NOISE, forge.DEFLATED, size=len(head) + op[2])
        elif kind == "deflate":
            members[k] = forge.Member(m.name, m.data, forge.DEFLATED)
    data = forge.zip_bytes(members)
    if file_op is None:
        return data
    if file_op[0] == "cut":
        return data[:int(file_op[1] * len(data))]
    damaged = bytearray(data)
    for pos, xor in file_op[1]:
        damaged[int(pos * len(damaged))] ^= xor
    return bytes(damaged)


def _fields(m: forge.Member) -> dict:
    return {"method": m.method, "size": m.size, "csize": m.csize}


def members_of(npz_bytes: bytes) -> list[forge.Member]:
    """The members of an honest archive, to mutate."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(npz_bytes)) as zf:
        return [forge.Member(info.filename, zf.read(info), info.compress_type) for info in zf.infolist()]
