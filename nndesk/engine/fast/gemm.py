"""C ← β·C + α·Aᵀ·B in one BLAS call, so a weight update needs no gradient array.

The update w ← w − η·∂C/∂w of a layer's weight matrix is, over a batch,
W ← W − η·δᵀ·a.  numpy can only compute δᵀ·a into a new array and then
subtract it: two more passes over a matrix as big as W.  BLAS's ``gemm``
does C ← β·C + α·op(A)·op(B) in place, and numpy already loaded one, so
this module calls that library's ``cblas_sgemm``/``cblas_dgemm`` through
ctypes.  On 784-128-10 the first layer's update then costs what the product
alone costs (about 110 µs instead of 125 per batch of 64), and momentum's
v ← μ·v − η·∇C folds into the same call (β = μ).

The library is found with threadpoolctl (the one it limits to one thread),
its symbol names follow the OpenBLAS builds numpy ships (``scipy_`` prefix,
``64_`` suffix for 64-bit integers) or plain CBLAS, and one small product is
checked against numpy before the first use.  Anything unusual — another
BLAS, non-contiguous arrays, other dtypes, small matrices where the ctypes
call costs more than it saves — takes the numpy route, which gives the same
numbers up to rounding.
"""

from __future__ import annotations

import ctypes
import functools
import itertools
from collections.abc import Callable

import numpy as np
from threadpoolctl import threadpool_info

# Below this many elements of C, OpenBLAS's own per-call set-up makes the direct call
# slower than numpy's product and two passes (10×128: 5.4 µs vs 4.5; 128×128 breaks even).
MIN_ELEMENTS = 16_384

_ROW_MAJOR, _NO_TRANS, _TRANS = 101, 111, 112
_Gemm = Callable[..., None]


def _symbol(lib: ctypes.CDLL, name: str) -> tuple[_Gemm, type] | None:
    """cblas_<name> under the affixes OpenBLAS builds use, with its integer type."""
    for prefix, suffix in itertools.product(("scipy_", ""), ("64_", "_64", "")):
        fn = getattr(lib, f"{prefix}cblas_{name}{suffix}", None)
        if fn is not None:
            return fn, (ctypes.c_int64 if suffix else ctypes.c_int)
    return None


def _bind(lib: ctypes.CDLL, name: str, real: type) -> _Gemm | None:
    found = _symbol(lib, name)
    if found is None:
        return None
    fn, integer = found
    ptr = ctypes.c_void_p
    fn.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int, integer, integer, integer,
                   real, ptr, integer, ptr, integer, real, ptr, integer]
    fn.restype = None
    return fn


@functools.cache
def _routines() -> dict[np.dtype, _Gemm]:
    """float32/float64 → the loaded BLAS's gemm, each checked once against numpy."""
    found: dict[np.dtype, _Gemm] = {}
    libs = [lib for lib in threadpool_info() if lib.get("user_api") == "blas" and lib.get("filepath")]
    if not libs:
        return found
    try:
        lib = ctypes.CDLL(libs[0]["filepath"])
    except OSError:
        return found
    for dtype, name, real in ((np.dtype(np.float32), "sgemm", ctypes.c_float),
                              (np.dtype(np.float64), "dgemm", ctypes.c_double)):
        fn = _bind(lib, name, real)
        if fn is not None and _agrees(fn, dtype):
            found[dtype] = fn
    return found


def _address(x: np.ndarray) -> int:
    """Where ``x``'s data starts: via the buffer protocol (0.2 µs) or, read-only, ``.ctypes`` (0.8 µs)."""
    try:
        return ctypes.addressof(ctypes.c_char.from_buffer(x))
    except (TypeError, ValueError):
        return x.ctypes.data


def _call(fn: _Gemm, c: np.ndarray, a: np.ndarray, b: np.ndarray, alpha: float, beta: float) -> None:
    k, m = a.shape
    n = b.shape[1]
    fn(_ROW_MAJOR, _TRANS, _NO_TRANS, m, n, k, alpha, _address(a), m, _address(b), n, beta, _address(c), n)


def _agrees(fn: _Gemm, dtype: np.dtype) -> bool:
    """One 7×5 ← 3×7ᵀ·3×5 product through ``fn``, compared with numpy's."""
    rng = np.random.default_rng(0)
    a, b, c = (rng.standard_normal(s).astype(dtype) for s in ((3, 7), (3, 5), (7, 5)))
    expected = 0.5 * c - 2.0 * (a.T @ b)
    got = c.copy()
    _call(fn, got, a, b, -2.0, 0.5)
    return bool(np.allclose(got, expected, rtol=1e-5, atol=1e-5))


def available(dtype: np.dtype | type = np.float32) -> bool:
    """Whether products in ``dtype`` go straight to BLAS (else through numpy)."""
    return np.dtype(dtype) in _routines()


def accumulate_product(c: np.ndarray, a: np.ndarray, b: np.ndarray, alpha: float, beta: float = 1.0) -> None:
    """C ← β·C + α·Aᵀ·B, in place; A is (k, m), B is (k, n), C is (m, n)."""
    if a.shape[0] != b.shape[0] or c.shape != (a.shape[1], b.shape[1]):
        raise ValueError(f"shapes don't match for C ← C + Aᵀ·B: {c.shape}, {a.shape}, {b.shape}")
    if c.size >= MIN_ELEMENTS and a.dtype == b.dtype == c.dtype and c.flags.writeable \
            and a.flags.c_contiguous and b.flags.c_contiguous and c.flags.c_contiguous:
        fn = _routines().get(c.dtype)
        if fn is not None:
            _call(fn, c, a, b, alpha, beta)
            return
    product = a.T @ b
    product *= alpha
    if beta != 1.0:
        c *= beta
    c += product
