"""Training throughput of nndesk's engine vs PyTorch (CPU) vs the sgemm roofline.

The task: 784-128-10, ReLU, softmax + cross-entropy, plain SGD, batch 64,
float32, one BLAS thread each, one epoch = 60,000 samples.  The data is
synthetic (uniform random pixels, random labels) in MNIST's format: 28×28
uint8 pixels, which both the engine and PyTorch scale to float32 0..1 batch
by batch (as ``nndesk train`` does with real MNIST, and torchvision's MNIST
does).  Speed does not depend on what the pixels show.  One more row feeds
the engine a float32 copy of the same inputs instead.

    python benchmarks/bench_throughput.py            # engine + roofline (+ torch if importable)
    python benchmarks/bench_throughput.py --threads  # also: engine with 2 BLAS threads

The roofline is the speed the matrix products alone would allow:
sgemm GFLOP/s (1 thread, 1024³, measured in this run) ÷ FLOPs per sample.
Per sample, forward z = a·Wᵀ costs 2·n_in·n_out per layer; backward
∂C/∂W = δᵀ·a costs the same again; δ is carried back through every layer
but the first (2·n_in·n_out).  The engine rows are measured through
``Trainer.epochs()``, the loop the app runs, including its per-batch cost
bookkeeping and live-settings checks.  Everything is measured in rounds
(roofline, engine, torch, engine, …) and the medians are reported, so a
busy machine slows all rows alike and the ratios stay meaningful.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
from torch_reference import torch_epoch_rate

from nndesk.engine.core.control import Hyperparameters, TrainingControl
from nndesk.engine.core.dataset import Dataset, as_inputs
from nndesk.engine.core.network import Network
from nndesk.engine.core.training import Trainer
from nndesk.engine.fast.blas import blas_threads, info

SIZES = (784, 128, 10)
N, BATCH, ETA = 60_000, 64, 0.01


def flops_per_sample(sizes: tuple[int, ...] = SIZES) -> int:
    pairs = list(zip(sizes, sizes[1:]))
    forward = sum(2 * i * o for i, o in pairs)
    nabla_w = forward
    delta_back = sum(2 * i * o for i, o in pairs[1:])
    return forward + nabla_w + delta_back


def sgemm_gflops(n: int = 1024, reps: int = 20) -> float:
    rng = np.random.default_rng(0)
    a, b = rng.random((n, n), dtype=np.float32), rng.random((n, n), dtype=np.float32)
    c = np.empty((n, n), np.float32)
    np.matmul(a, b, out=c)
    start = time.perf_counter()
    for _ in range(reps):
        np.matmul(a, b, out=c)
    return 2 * n**3 * reps / (time.perf_counter() - start) / 1e9


def matmuls_alone(sizes: tuple[int, ...] = SIZES, reps: int = 300) -> float:
    """Samples/s if a batch cost only its matrix products (same shapes, data in cache)."""
    rng = np.random.default_rng(0)
    ws = [rng.random((o, i), dtype=np.float32) for i, o in zip(sizes, sizes[1:])]
    a = [rng.random((BATCH, n), dtype=np.float32) for n in sizes]
    start = time.perf_counter()
    for _ in range(reps):
        for l, w in enumerate(ws):
            a[l] @ w.T  # z = a·Wᵀ
            a[l + 1].T @ a[l]  # ∂C/∂W = δᵀ·a (δ has the shape of a⁽ˡ⁺¹⁾)
            if l > 0:
                a[l + 1] @ w  # δ carried back
    return BATCH * reps / (time.perf_counter() - start)


def engine_epoch(x: np.ndarray, y: np.ndarray, seed: int) -> float:
    """Samples/s of one epoch through Trainer.epochs()."""
    net = Network.create(SIZES, "relu", "cross-entropy", init="he", seed=seed)
    data = Dataset("synthetic", x, y, 10)
    control = TrainingControl(Hyperparameters(learning_rate=ETA, batch_size=BATCH, epochs=1))
    trainer = Trainer(net, data, control=control, optimizer="sgd", seed=seed)
    start = time.perf_counter()
    for _ in trainer.epochs():
        pass
    return len(x) / (time.perf_counter() - start)


def torch_epoch(x: np.ndarray, y: np.ndarray, seed: int) -> float:
    """Samples/s of the same epoch in PyTorch: the usual zero_grad / backward / step loop."""
    import torch

    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    return torch_epoch_rate(model, x, y, BATCH, ETA, seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--threads", action="store_true", help="also time the engine with 2 BLAS threads")
    args = parser.parse_args()
    try:
        import torch

        torch.set_num_threads(1)
        have_torch = True
    except ImportError:
        have_torch = False
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, (N, SIZES[0]), dtype=np.uint8)
    x_float = as_inputs(x)
    y = rng.integers(0, SIZES[-1], N)
    rows: dict[str, list[float]] = {"sgemm GFLOP/s": [], "matrix products alone": [], "engine": [],
                                    "engine, float32 inputs": []}
    if have_torch:
        rows["torch"] = []
    if args.threads:
        rows["engine, 2 BLAS threads"] = []
    with blas_threads(1):
        print("BLAS:", info())
        engine_epoch(x[:6400], y[:6400], 0)  # warm-up
        if have_torch:
            torch_epoch(x[:6400], y[:6400], 0)
        for r in range(args.rounds):
            rows["sgemm GFLOP/s"].append(sgemm_gflops())
            rows["matrix products alone"].append(matmuls_alone())
            rows["engine"].append(engine_epoch(x, y, r))
            rows["engine, float32 inputs"].append(engine_epoch(x_float, y, r))
            if have_torch:
                rows["torch"].append(torch_epoch(x, y, r))
            if args.threads:
                with blas_threads(2):
                    rows["engine, 2 BLAS threads"].append(engine_epoch(x, y, r))
    med = {k: statistics.median(v) for k, v in rows.items()}
    fps = flops_per_sample()
    roofline = med["sgemm GFLOP/s"] * 1e9 / fps
    print(f"{N:,} samples, {'-'.join(map(str, SIZES))} ReLU/softmax/CE, SGD, batch {BATCH}, float32, "
          f"{args.rounds} rounds; medians (min–max)")
    print(f"  sgemm 1 thread (1024³): {med['sgemm GFLOP/s']:.1f} GFLOP/s; {fps:,} FLOPs/sample -> "
          f"roofline {roofline:,.0f} samples/s")
    for k, v in rows.items():
        if k != "sgemm GFLOP/s":
            print(f"  {k:24s} {med[k]:>9,.0f} samples/s  ({min(v):,.0f}–{max(v):,.0f})  "
                  f"{med[k] / roofline:5.1%} of roofline")
    per_round = [e * fps / (g * 1e9) for e, g in zip(rows["engine"], rows["sgemm GFLOP/s"])]
    print(f"  engine / roofline: {statistics.median(per_round):.1%} (per-round median; "
          f"{min(per_round):.1%}–{max(per_round):.1%})")
    if have_torch:
        ratios = [e / t for e, t in zip(rows["engine"], rows["torch"])]
        print(f"  engine / torch: {statistics.median(ratios):.2f}× (per-round median; "
              f"{min(ratios):.2f}–{max(ratios):.2f})")
    print(f"  engine / matrix products alone: {med['engine'] / med['matrix products alone']:.1%} "
          "(the rest is numpy's per-call overhead, the batch gather and the SGD update)")


if __name__ == "__main__":
    main()
