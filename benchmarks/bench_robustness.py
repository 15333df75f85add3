"""How long the four robustness curves and the coverage curve take for the digits preset network.

    python benchmarks/bench_robustness.py [--rounds 5] [--threads 1]

The ready-trained ``digits`` network (784-800-10, resources/digits-pretrained.npz)
on the 500 digits its recipe holds out: noise, rotation, shift (both axes)
and stroke width at 9 levels each, then coverage at 101 thresholds, which is
what the Robustness dock's button computes.  Prints each curve's median time
and the total (the issue's budget: ≤ 2 s on 2 cores).  ``--threads`` is the
BLAS threads (the app uses 1, leaving the other core to the GUI).
"""

from __future__ import annotations

import argparse
import statistics
import time

from nndesk.engine.explain.robustness import KINDS, coverage, curve
from nndesk.engine.fast.blas import blas_threads
from nndesk.engine.runs.pretrained import ready_trained
from nndesk.engine.runs.recipe import TrainingRecipe


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    recipe = TrainingRecipe.for_dataset("mnist-bundled")
    net = ready_trained(recipe).network
    _, held_out = recipe.split(recipe.load_data())
    images, labels = held_out.inputs().reshape(-1, 28, 28), held_out.y
    times: dict[str, list[float]] = {k: [] for k in (*KINDS, "coverage", "total")}
    shown = {}
    with blas_threads(args.threads):
        for _ in range(args.rounds):
            start = time.perf_counter()
            for kind in KINDS:
                t = time.perf_counter()
                shown[kind] = curve(net, images, labels, kind)
                times[kind].append(time.perf_counter() - t)
            t = time.perf_counter()
            coverage(net.feedforward(images.reshape(len(labels), -1)), labels)
            times["coverage"].append(time.perf_counter() - t)
            times["total"].append(time.perf_counter() - start)
    print(f"{net!r}, {len(labels)} held-out digits, {args.threads} BLAS thread(s), {args.rounds} rounds")
    for name, ts in times.items():
        print(f"  {name:9s} median {1000 * statistics.median(ts):7.1f} ms   min {1000 * min(ts):7.1f} ms")
    for kind, c in shown.items():
        print(f"  {kind:9s} {' '.join(f'{v:+g}' for v in c.levels)}: {' '.join(f'{a:.3f}' for a in c.accuracy)}")


if __name__ == "__main__":
    main()
