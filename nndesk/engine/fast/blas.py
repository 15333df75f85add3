"""How many threads the BLAS under numpy may use for the matrix products.

Almost all of training's time is spent in ``a @ W.T`` and ``delta.T @ a``,
which numpy hands to its BLAS (OpenBLAS in numpy's wheels).  OpenBLAS starts
one thread per core by default and splits each product between them.  For
our small products (a mini-batch of 32–128 rows) that only pays on an idle
machine, and it collapses as soon as anything else wants a core: the BLAS
threads wait for each other at every product.  Measured on the 2-core
development machine (784-128-10, batch 64, float32,
``benchmarks/bench_throughput.py --threads``): idle, 2 threads trained at
359k samples/s and 1 thread at 232k; with one other busy process, 2 threads
fell to 105k (88k–180k) while 1 thread kept 228k.  In the app something
else always runs — the GUI thread, and the trainer's background thread
that distorts the next epoch's digits — so ``DEFAULT_THREADS = 1``.

``blas_threads(n)`` limits the threads for a ``with`` block;
``use_default_threads()`` sets the default for the whole process, once at
start-up of the GUI or the CLI.  Nothing here changes environment
variables such as ``OPENBLAS_CORETYPE``: which kernel OpenBLAS runs is the
environment's choice, and ``info()`` reports it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy  # noqa: F401  loads the BLAS: threadpoolctl sees (and limits) only loaded libraries
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
