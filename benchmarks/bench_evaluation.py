"""What the evaluation view costs for the digits preset network, and where (GUI thread or worker).

    python benchmarks/bench_evaluation.py [--rounds 30] [--threads 1]

The ready-trained ``digits`` network (784-800-10, resources/digits-pretrained.npz)
on the 500 digits its recipe holds out.  ``evaluate`` (the worker's part:
one forward pass, cost, confusion, probabilities) is measured beside what
the GUI thread does for it: copying the network (a consistent set of weights
for the worker) and turning the mistakes into tiles.  The view does this at
most once a second while training, and only while it is shown.  ``--threads``
is the BLAS threads (the app uses 1, leaving the other core to the GUI).
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from nndesk.engine.fast.blas import blas_threads
from nndesk.engine.runs.evaluation import evaluate
from nndesk.engine.runs.pretrained import ready_trained
from nndesk.engine.runs.recipe import TrainingRecipe


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    recipe = TrainingRecipe.for_dataset("mnist-bundled")
    net = ready_trained(recipe).network
    _, held_out = recipe.split(recipe.load_data())
    times: dict[str, list[float]] = {"evaluate (worker)": [], "copy (GUI)": [], "tiles (GUI)": []}
    with blas_threads(args.threads):
        for _ in range(args.rounds):
            t = time.perf_counter()
            copy = net.copy()
            times["copy (GUI)"].append(time.perf_counter() - t)
            t = time.perf_counter()
            result = evaluate(copy, held_out)
            times["evaluate (worker)"].append(time.perf_counter() - t)
            t = time.perf_counter()
            shown = result.mistakes()
            pixels = held_out.inputs(shown)  # what the gallery makes its tiles of
            np.repeat(np.rint(pixels * 255).astype(np.uint8)[..., None], 3, axis=-1)
            times["tiles (GUI)"].append(time.perf_counter() - t)
    print(f"{net!r}, {len(held_out)} held-out digits, {args.threads} BLAS thread(s), {args.rounds} rounds; "
          f"accuracy {result.accuracy:.2%}, {len(shown)} mistakes")
    for name, ts in times.items():
        print(f"  {name:18s} median {1000 * statistics.median(ts):6.2f} ms   min {1000 * min(ts):6.2f} ms   "
              f"max {1000 * max(ts):6.2f} ms")


if __name__ == "__main__":
    main()
