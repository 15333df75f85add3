"""What augmentation costs a training epoch of a preset (default: ``digits``).

    python benchmarks/bench_augment.py [--preset digits] [--rounds 5] [--epochs 3]

Two trainers of the same preset on the 5,000 bundled digits, one with the
digit augmenter and one without, train in alternating blocks of
``--epochs`` epochs in this one process; the figure is the median epoch time
with augmentation ÷ the median without.  The trainer distorts the next
epoch's digits in a background thread while the current one trains, so the
ratio stays near 1 when the second core is free.  The first epoch of a run
(distorted in the foreground) is reported separately, and so is the
augmenter alone.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from nndesk.engine.core.control import TrainingControl
from nndesk.engine.core.training import Trainer
from nndesk.engine.data.augment import make_augmenter
from nndesk.engine.data.datasets import load
from nndesk.engine.fast.blas import blas_threads, info
from nndesk.engine.runs.presets import make_schedule, preset


def trainer(name: str, augment: bool, seed: int) -> Trainer:
    p = preset(name)
    data = load("mnist-bundled").train
    control = TrainingControl(p.hyper)
    return Trainer(p.network(data.n_inputs, data.n_outputs, seed), data, control=control,
                   optimizer=p.optimizer, seed=seed, augment=make_augmenter() if augment else None,
                   schedule=make_schedule(p.schedule))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="digits")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=3, help="epochs per block")
    args = parser.parse_args()
    with blas_threads(1):
        print("BLAS:", info())
        images = load("mnist-bundled").train.inputs().reshape(-1, 28, 28)
        aug, rng = make_augmenter(), np.random.default_rng(0)
        aug(images, rng)
        alone = []
        for _ in range(5):
            start = time.perf_counter()
            aug(images, rng)
            alone.append(time.perf_counter() - start)
        runs = {True: trainer(args.preset, True, 0), False: trainer(args.preset, False, 0)}
        gens = {k: t.epochs() for k, t in runs.items()}
        first = {k: next(g).seconds for k, g in gens.items()}
        times: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(args.rounds):
            for key in (True, False):
                for _ in range(args.epochs):
                    times[key].append(next(gens[key]).seconds)
                pending = getattr(runs[key], "_prefetch", None)  # let no background work spill into the other block
                if pending:
                    pending[1].result()
    med = {k: statistics.median(v) for k, v in times.items()}
    n = len(images)
    print(f"preset {args.preset!r}: {'-'.join(map(str, runs[True].network.sizes))}, "
          f"batch {preset(args.preset).hyper.batch_size}, {n:,} digits; {args.rounds} rounds × {args.epochs} epochs")
    print(f"  augmenter alone:           {statistics.median(alone) * 1e3:7.1f} ms for {n:,} digits")
    print(f"  epoch without augmentation: {med[False] * 1e3:7.1f} ms  (min {min(times[False]) * 1e3:.1f})")
    print(f"  epoch with augmentation:    {med[True] * 1e3:7.1f} ms  (min {min(times[True]) * 1e3:.1f})")
    print(f"  first epoch (foreground augmentation): {first[True] * 1e3:.1f} ms vs {first[False] * 1e3:.1f} ms")
    print(f"  ratio with / without: {med[True] / med[False]:.3f}  (without the background thread it would be "
          f"about {(med[False] + statistics.median(alone)) / med[False]:.2f})")


if __name__ == "__main__":
    main()
