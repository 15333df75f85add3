"""How many threads the BLAS under numpy may use for the matrix products.

Almost all of training's time is spent in ``a @ W.T`` and ``delta.T @ a``,
which numpy hands to its BLAS (OpenBLAS in numpy's wheels).  OpenBLAS starts
one thread per core by default.  For our matrices (a mini-batch of 32–128
rows times a few hundred columns) that is a bad trade: each product takes
tens of microseconds, about as long as waking and synchronising the other
thread, and on a shared or busy machine the second thread often has to wait
for its core.  Measured on the 2-core development machine (784-128-10,
batch 64, float32): 1 thread trained about 1.3× faster than 2 threads; under
load from other processes 2 threads fell as low as a seventh of the 1-thread
speed (``benchmarks/bench_throughput.py --threads``).  One thread also leaves
the other core free for the augmentation of the next epoch, which the
trainer prepares in the background.  Hence ``DEFAULT_THREADS = 1``.

``blas_threads(n)`` limits the threads for a ``with`` block;
``use_default_threads()`` sets the default for the whole process (the GUI and
the CLI call it once at start-up).  Nothing here changes environment
variables such as ``OPENBLAS_CORETYPE``: which kernel OpenBLAS runs is the
environment's choice, and ``info()`` reports it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from threadpoolctl import threadpool_info, threadpool_limits

DEFAULT_THREADS = 1


@contextmanager
def blas_threads(n: int | None = DEFAULT_THREADS) -> Iterator[None]:
    """Limit the BLAS to ``n`` threads inside the block (``None``: leave as is).

    OpenBLAS's thread pool is process-wide, so the limit applies to every
    thread of the process while the block runs.
    """
    if n is None:
        yield
        return
    if n < 1:
        raise ValueError(f"BLAS threads must be ≥ 1, got {n}")
    with threadpool_limits(limits=n, user_api="blas"):
        yield


def use_default_threads(n: int = DEFAULT_THREADS) -> None:
    """Limit the BLAS to ``n`` threads from now on, for the whole process."""
    threadpool_limits(limits=n, user_api="blas")


def info() -> list[dict[str, str | int]]:
    """The BLAS libraries numpy loaded: name, version, kernel (``architecture``) and threads."""
    keys = ("internal_api", "version", "architecture", "num_threads", "threading_layer")
    return [{k: lib[k] for k in keys if k in lib} for lib in threadpool_info() if lib.get("user_api") == "blas"]
