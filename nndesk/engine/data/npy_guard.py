"""Open a user's file safely, and read an .npz archive only after checking every member numpy could load.

Data sets (.npz) and model files (.npz) are user files that may be truncated
or hostile.  A 100-byte header can declare a 10¹²-element array; a FIFO given
as a path blocks ``open`` for ever; a zip member named ``x`` beside ``x.npy``
is what ``np.load(…)["x"]`` returns, so checking only ``*.npy`` members is not
enough.  Here a file is opened only if it is a regular file, every zip member
must be a ``.npy`` array the caller expects, every header is parsed (any
failure is one sentence), dtypes come from an allowlist, and the *total*
decoded size is capped — against a fixed limit and the memory free now —
before numpy allocates anything.  Members are then read one by one with
numpy's own reader, never unpickling.

Problems are raised as ``NpyProblem``, phrased to follow "<file> …"; the
readers turn them into ``DataError`` or ``ModelError``.
"""

from __future__ import annotations

import math
import os
import stat
import warnings
import zipfile
import zlib
from collections.abc import Callable, Mapping
from typing import BinaryIO

import numpy as np

MAX_MEMBERS = 1000  # nndesk writes at most ~5 per layer; Keras' mnist.npz has 4
MAX_DIMS = 4
DEFLATE_RATIO = 1100  # deflate cannot expand a byte into more than ~1032
AVAILABLE_SHARE = 0.5  # of MemAvailable: the rest is for the copies made while using the arrays
FLOATS = frozenset({"f4", "f8"})
NUMBERS = frozenset({"u1", "u2", "u4", "u8", "i1", "i2", "i4", "i8", "f2", "f4", "f8"})
# What a damaged zip or .npy member raises somewhere in zipfile, zlib or numpy's reader.
CORRUPT = (OSError, EOFError, ValueError, TypeError, KeyError, IndexError, RuntimeError, NotImplementedError,
           OverflowError, zipfile.BadZipFile, zlib.error, UnicodeError)
_KINDS = {stat.S_IFDIR: "a folder", stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFSOCK: "a socket",
          stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device"}


class NpyProblem(ValueError):
    """What is wrong with a file or one of its arrays, phrased to follow "<file> ..."."""


def special_kind(mode: int) -> str | None:
    """"a named pipe (FIFO)", "a folder", … for anything but a regular file's ``st_mode``; None for a file."""
    if stat.S_ISREG(mode):
        return None
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def open_regular(path: str | os.PathLike) -> BinaryIO:
    """Open ``path`` for reading only if it is a regular file; a FIFO or device is refused without waiting.

    The kind is checked with ``stat`` first (opening some devices has effects),
    then again on the opened descriptor, which ``O_NONBLOCK`` keeps from
    blocking if a FIFO was swapped in meanwhile.
    """
    try:
        kind = special_kind(os.stat(path).st_mode)
        if kind is None:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
            kind = special_kind(os.fstat(fd).st_mode)
            if kind is None:
                return os.fdopen(fd, "rb")
            os.close(fd)
    except OSError as e:
        raise NpyProblem(f"cannot open it: {e.strerror or e}") from None
    raise NpyProblem(f"cannot open it: it is {kind}, not a regular file")


def looks_like_npz(f: BinaryIO) -> bool:
    """True if the open file starts like a zip archive (np.load would otherwise try .npy or pickle)."""
    start = f.read(4)
    f.seek(0)
    return start in (b"PK\x03\x04", b"PK\x05\x06")


def available_memory() -> int | None:
    """MemAvailable from /proc/meminfo in bytes; None where there is no such file."""
    try:
        with open("/proc/meminfo", "rb") as f:
            for line in f:
                if line.startswith(b"MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def memory_cap(fixed: int) -> int:
    """The most a file may decode to: ``fixed``, or less when the machine has less memory free."""
    free = available_memory()
    return fixed if free is None else min(fixed, int(free * AVAILABLE_SHARE))


def npy_members(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Each array's key (the member name without .npy) and member; refuses anything numpy could load unchecked."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise NpyProblem(f"holds {len(infos):,} members; nndesk reads archives of up to {MAX_MEMBERS:,} arrays")
    out: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        key = name[:-4]
        if not name.endswith(".npy") or not key or not key.isprintable() or "/" in key or "\\" in key:
            raise NpyProblem(f"holds a member {name!r} that is not a .npy array; nndesk reads only those")
        if key in out:
            raise NpyProblem(f"holds two members named {name!r}; which one is meant is ambiguous")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise NpyProblem(f"compresses {key} with zip method {info.compress_type}; nndesk reads stored or "
                             "deflated members (what numpy writes)")
        out[key] = info
    return out


def check_npy_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, dtypes: frozenset[str],
                     archive_size: int) -> tuple[tuple[int, ...], np.dtype, int]:
    """Shape, dtype and byte size of a plain-number array member whose data is really there; else NpyProblem."""
    key = info.filename[:-4]
    with zf.open(info) as fp:
        try:
            version = np.lib.format.read_magic(fp)
        except CORRUPT:
            raise NpyProblem(f"stores {key} in something that is not a .npy array") from None
        if version not in ((1, 0), (2, 0)):
            raise NpyProblem(f"stores {key} in .npy format {version[0]}.{version[1]}, which nndesk does not read")
        read_header = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                       else np.lib.format.read_array_header_2_0)
        try:
            shape, _, dtype = read_header(fp)
        except Exception as e:  # numpy's header parser raises TokenError, SyntaxError, ValueError, …
            raise NpyProblem(f"has a malformed .npy header for {key} ({type(e).__name__})") from None
        offset = fp.tell()
    if dtype.hasobject:
        raise NpyProblem(f"stores {key} as Python objects, which would need unpickling; "
                         "nndesk reads only plain number arrays")
    code = f"{dtype.kind}{dtype.itemsize}"
    if dtype.fields is not None or dtype.subdtype is not None or code not in dtypes:
        allowed = ", ".join(str(np.dtype(c)) for c in sorted(dtypes))
        raise NpyProblem(f"stores {key} as {dtype} values; expected numbers ({allowed})")
    if len(shape) > MAX_DIMS or any(n < 0 for n in shape):
        raise NpyProblem(f"declares {key} with an impossible shape {shape}")
    nbytes = math.prod(shape) * dtype.itemsize
    end = offset + nbytes
    lied = (info.compress_size > archive_size or info.compress_type == zipfile.ZIP_STORED
            and info.compress_size != info.file_size or end > info.compress_size * DEFLATE_RATIO + 1024)
    if info.file_size < end or lied:
        raise NpyProblem(f"is truncated: {key} is missing data")
    return shape, dtype, nbytes


def check_inflates(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Decompress a deflated member once, counting: its data must really be as long as the zip says.

    Its header and the zip's sizes are only claims; numpy allocates the whole
    array before it reads a byte, so a 1 MB member claiming 900 MB would cost
    900 MB of address space before failing.  This pass also checks the CRC.
    Stored members need no pass: their bytes are in the file (size checked).
    """
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return
    got = 0
    with zf.open(info) as fp:
        while chunk := fp.read(1 << 20):
            got += len(chunk)
    if got != info.file_size:  # zipfile checks only that the CRC matches what it read
        raise NpyProblem(f"is truncated: {info.filename[:-4]} is missing data")


def read_arrays(f: BinaryIO, expect: Callable[[frozenset[str]], Mapping[str, frozenset[str]]],
             fixed_cap: int) -> dict[str, np.ndarray]:
    """Every array of the open .npz ``f``, after checking all of them.

    ``expect(keys)`` returns the allowed dtype codes ("f4", "u1", …) for each
    key, or raises NpyProblem for a set of keys it does not accept; every key
    must be in what it returns.  The arrays' total size must fit
    ``memory_cap(fixed_cap)``.  MemoryError is left alone: the cap is meant to
    make it impossible, and a test that hides it would prove nothing.
    """
    archive_size = os.fstat(f.fileno()).st_size
    try:
        with zipfile.ZipFile(f) as zf, warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # numpy's note on Python 2 headers: not the user's concern
            members = npy_members(zf)
            allowed = expect(frozenset(members))
            unexpected = sorted(set(members) - set(allowed))
            if unexpected:
                raise NpyProblem(f"holds an unexpected array {unexpected[0]!r} (nndesk reads "
                                 f"{', '.join(sorted(allowed))})")
            total = sum(check_npy_member(zf, info, allowed[key], archive_size)[2] for key, info in members.items())
            cap = memory_cap(fixed_cap)
            if total > cap:
                why = "" if cap == fixed_cap else f": half of the {cap / AVAILABLE_SHARE / 1e6:,.0f} MB free now"
                raise NpyProblem(f"holds {total / 1e6:,.0f} MB of arrays in all, more than nndesk reads "
                                 f"({cap / 1e6:,.0f} MB{why})")
            for info in members.values():
                check_inflates(zf, info)
            arrays = {}
            for key, info in members.items():
                with zf.open(info) as fp:
                    arrays[key] = np.lib.format.read_array(fp, allow_pickle=False)
            return arrays
    except NpyProblem:
        raise
    except CORRUPT as e:
        raise NpyProblem(f"is a damaged .npz archive ({type(e).__name__}: {e})") from None
