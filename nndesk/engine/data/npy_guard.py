"""Read a .npy member's header inside a zip before numpy allocates what it declares.

Both data sets (.npz) and model files (.npz) are user files that may be
truncated or hostile: a 100-byte header can declare a 10¹²-element array, or
an object array whose loading would unpickle.  Checking the header first lets
the readers refuse such a file with a sentence instead of a MemoryError.
"""

from __future__ import annotations

import math
import os
import zipfile

import numpy as np


def looks_like_npz(path: str | os.PathLike) -> bool:
    """True if the file starts like a zip archive; np.load would otherwise try .npy or pickle. Raises OSError."""
    with open(path, "rb") as f:
        return f.read(4) in (b"PK\x03\x04", b"PK\x05\x06")


class NpyProblem(ValueError):
    """What is wrong with one array, phrased to follow "<file> ..."."""


def check_npy_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, max_values: int) -> tuple[tuple[int, ...], np.dtype]:
    """Shape and dtype of a plain-number array member; raises NpyProblem otherwise."""
    key = info.filename[:-4] if info.filename.endswith(".npy") else info.filename
    with zf.open(info) as fp:
        version = np.lib.format.read_magic(fp)
        if version not in ((1, 0), (2, 0)):
            raise NpyProblem(f"stores {key} in .npy format {version[0]}.{version[1]}, which nndesk does not read")
        read_header = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                       else np.lib.format.read_array_header_2_0)
        shape, _, dtype = read_header(fp)
        offset = fp.tell()
    if dtype.hasobject:
        raise NpyProblem(f"stores {key} as Python objects, which would need unpickling; "
                         "nndesk reads only plain number arrays")
    if dtype.kind not in "buif" or dtype.fields is not None:
        raise NpyProblem(f"stores {key} as {dtype} values; expected numbers")
    count = math.prod(shape)
    if count > max_values:
        shown = "×".join(str(n) for n in shape) or "scalar"
        raise NpyProblem(f"declares {key} as {shown} = {count:,} values, more than nndesk reads ({max_values:,})")
    if info.file_size < offset + count * dtype.itemsize:
        raise NpyProblem(f"is truncated: {key} is missing data")
    return shape, dtype
