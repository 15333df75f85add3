"""Training speed of nndesk's convolutions vs PyTorch (CPU) vs the sgemm roofline at the same shapes.

The task: the ``digits-cnn`` network — conv5×5×32 → pool 2×2 → conv5×5×64 →
pool 2×2 → 128 → 10, ReLU, softmax + cross-entropy — one epoch of 10,000
samples (the 5,000 bundled digits twice, uint8 pixels scaled batch by batch),
batch 64, momentum SGD, float32, one thread each (``blas_threads(1)``,
``torch.set_num_threads(1)``), no augmentation (this measures the engine).

    python benchmarks/bench_conv.py              # 3 rounds
    python benchmarks/bench_conv.py --rounds 5

The roofline is the speed the matrix products alone would allow.  Per
sample, forward and backward make these products (k²C·F multiply-adds per
output pixel for a convolution):

    conv1  forward z and ∂C/∂W         2 × 2·24²·25·32
    conv2  forward z, ∂C/∂W, ∂C/∂a     3 × 2·8²·800·64
    dense  forward z, ∂C/∂W, ∂C/∂a     3 × 2·(1024·128 + 128·10)

(the first layer needs no ∂C/∂input).  Each round times exactly these
products for a batch of 64 through numpy's sgemm (the engine's own shapes:
patch matrices with the bias's column of ones), so the GFLOP/s is the
library's at *these* shapes, not at a friendly 1024³; FLOPs ÷ that time is
the roofline in samples/s.  (The engine multiplies a few samples at a
time, their patch rows made right before in the cache (``fast/patches``),
so its products run faster than these whole-batch ones: its share of the
roofline can pass 100 % in principle; at 84–86 % it has not.)  Rounds alternate (roofline, engine, torch, …)
and medians are reported, so a busy machine slows all rows alike and the
ratios stay meaningful; ``uptime``'s load is printed with them.

Like ``nndesk train`` and the window, the process first fixes glibc's malloc
thresholds (``engine.fast.heap.steady_heap``): a batch's temporaries are
megabytes, and with glibc's default (a heap trimmed and grown again) every
batch pays thousands of page faults.  PyTorch, in the same process, gets the
same allocator.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import numpy as np
from torch_reference import torch_epoch_rate

from nndesk.engine.core.control import Hyperparameters, TrainingControl
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.training import Trainer
from nndesk.engine.data.datasets import load
from nndesk.engine.fast.blas import blas_threads, info
from nndesk.engine.fast.heap import steady_heap
from nndesk.engine.runs.presets import preset

BATCH, ETA, MOMENTUM = 64, 0.01, 0.9
# (m, k, n) of each product C(m×n) = A(m×k)·B(k×n) for one batch, and whether A enters transposed
PRODUCTS = (
    ("conv1 z", BATCH * 576, 26, 32, False), ("conv1 ∂C/∂W", 26, BATCH * 576, 32, True),
    ("conv2 z", BATCH * 64, 801, 64, False), ("conv2 ∂C/∂W", 801, BATCH * 64, 64, True),
    ("conv2 ∂C/∂a", BATCH * 64, 64, 800, False),
    ("dense1 z", BATCH, 1025, 128, False), ("dense1 ∂C/∂W", 1025, BATCH, 128, True),
    ("dense1 ∂C/∂a", BATCH, 128, 1024, False),
    ("dense2 z", BATCH, 129, 10, False), ("dense2 ∂C/∂W", 129, BATCH, 10, True),
    ("dense2 ∂C/∂a", BATCH, 10, 128, False),
)
FLOPS_PER_SAMPLE = (2 * 2 * 24 * 24 * 25 * 32 + 3 * 2 * 8 * 8 * 800 * 64 + 3 * 2 * (1024 * 128 + 128 * 10))


def roofline(reps: int = 40) -> tuple[float, float]:
    """(GFLOP/s of sgemm at the network's product shapes, samples/s if a batch were only those products)."""
    rng = np.random.default_rng(0)
    operands = []
    for _, m, k, n, trans in PRODUCTS:
        a = rng.random((k, m) if trans else (m, k), dtype=np.float32)
        operands.append((a.T if trans else a, rng.random((k, n), dtype=np.float32), np.empty((m, n), np.float32)))
    for a, b, c in operands:
        np.matmul(a, b, out=c)
    start = time.perf_counter()
    for _ in range(reps):
        for a, b, c in operands:
            np.matmul(a, b, out=c)
    seconds = (time.perf_counter() - start) / reps  # one batch's products
    flops = sum(2 * m * k * n for _, m, k, n, _ in PRODUCTS)
    return flops / seconds / 1e9, BATCH / seconds


def engine_epoch(data: Dataset, seed: int) -> float:
    """Samples/s of one epoch through Trainer.epochs(), the loop the app and ``nndesk train`` run."""
    net = preset("digits-cnn").network(784, 10, seed=seed)
    control = TrainingControl(Hyperparameters(learning_rate=ETA, momentum=MOMENTUM, batch_size=BATCH, epochs=1))
    trainer = Trainer(net, data, control=control, optimizer="momentum", seed=seed)
    start = time.perf_counter()
    for _ in trainer.epochs():
        pass
    return len(data) / (time.perf_counter() - start)


def torch_epoch(x: np.ndarray, y: np.ndarray, seed: int) -> float:
    """Samples/s of the same epoch in PyTorch: the usual zero_grad / backward / step loop."""
    import torch
    from torch import nn

    torch.manual_seed(seed)
    model = nn.Sequential(nn.Conv2d(1, 32, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 5), nn.ReLU(),
                          nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1024, 128), nn.ReLU(), nn.Linear(128, 10))
    return torch_epoch_rate(model, x, y, BATCH, ETA, seed, momentum=MOMENTUM, shape=(1, 28, 28))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    import torch

    torch.set_num_threads(1)
    print("malloc thresholds set as nndesk train sets them:", steady_heap())
    digits = load("mnist-bundled").train
    x, y = np.concatenate([digits.x, digits.x]), np.concatenate([digits.y, digits.y])
    data = Dataset("10,000 digits", x, y, 10, image_shape=(28, 28))
    rows: dict[str, list[float]] = {"sgemm GFLOP/s": [], "roofline": [], "engine": [], "torch": []}
    with blas_threads(1):
        print("BLAS:", info())
        engine_epoch(data.subset(np.arange(640)), 0)  # warm-up
        torch_epoch(x[:640], y[:640], 0)
        for r in range(args.rounds):
            gflops, samples = roofline()
            rows["sgemm GFLOP/s"].append(gflops)
            rows["roofline"].append(samples)
            rows["engine"].append(engine_epoch(data, r))
            rows["torch"].append(torch_epoch(x, y, r))
            print(f"  round {r + 1}: engine {rows['engine'][-1]:,.0f}, torch {rows['torch'][-1]:,.0f} samples/s; "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
    med = {k: statistics.median(v) for k, v in rows.items()}
    print(f"{len(x):,} samples, digits-cnn (conv5x5x32-pool2-conv5x5x64-pool2-128-10), momentum SGD, batch {BATCH}, "
          f"float32, 1 thread, torch {torch.__version__}; {args.rounds} rounds, medians (min–max)")
    print(f"  sgemm at the network's shapes: {med['sgemm GFLOP/s']:.1f} GFLOP/s; {FLOPS_PER_SAMPLE:,} FLOPs/sample "
          f"(forward + backward) -> roofline {med['roofline']:,.0f} samples/s")
    for k in ("engine", "torch"):
        v = rows[k]
        print(f"  {k:8s} {med[k]:>7,.0f} samples/s ({min(v):,.0f}–{max(v):,.0f}), an epoch in "
              f"{len(x) / med[k]:.1f} s, {med[k] / med['roofline']:5.1%} of roofline")
    ratios = [e / t for e, t in zip(rows["engine"], rows["torch"])]
    shares = [e / r for e, r in zip(rows["engine"], rows["roofline"])]
    print(f"  engine / torch: {statistics.median(ratios):.2f}× (per-round median; {min(ratios):.2f}–{max(ratios):.2f})")
    print(f"  engine / roofline: {statistics.median(shares):.1%} (per-round median; "
          f"{min(shares):.1%}–{max(shares):.1%})")


if __name__ == "__main__":
    main()
