"""glibc's malloc, set once for training's array churn, so a long session's memory stays flat.

Training makes two kinds of big temporary arrays: per mini-batch, a few of the
parameters' size ([W | b]ᵀ of 784-800-10 in float32 is 2.5 MB), thousands of
times an epoch; per epoch, the freshly distorted training images (4,500 × 784
float32 = 14 MB).  glibc's default lets its mmap threshold *rise* to the
largest block freed so far (up to 32 MB): after the first epoch the 14 MB
arrays no longer get their own mapping but come from the heap, where freed
space is kept and fragments — a 30-minute soak in the window grew 10.6 % after
minute 5 (``benchmarks/soak_gui.py``), all of it malloc's "kept free".

Fixed thresholds put the line between the two kinds: blocks of 8 MB and more
are mapped and returned to the system when freed; the per-batch ones stay in
the heap and are reused (mapping those, at 1 MB, made training 1.5× slower in
page faults), and the heap's top is trimmed only beyond 32 MB.  Measured with
``farm-bench`` on the digits preset, 12 epochs: CPU time 0.95× the default's,
system time 0.15 s instead of 0.26 s.  Only on Linux with glibc; a threshold
the user set in the environment (``MALLOC_MMAP_THRESHOLD_``) is left alone.
"""

from __future__ import annotations

import ctypes
import os
import sys

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc's malloc.h
MMAP_THRESHOLD = 8 * 2**20  # above a batch's temporaries, below an epoch's distorted images
TRIM_THRESHOLD = 32 * 2**20

_settled = False


def steady_heap() -> bool:
    """Fix malloc's thresholds for this process (idempotent); False where there is no glibc to tell."""
    global _settled
    if _settled:
        return True
    if not sys.platform.startswith("linux") or "MALLOC_MMAP_THRESHOLD_" in os.environ:
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    _settled = mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 and mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1
    return _settled
