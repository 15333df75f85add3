"""The PyTorch side of a speed comparison: one epoch of the usual zero_grad / backward / step loop.

bench_throughput (dense) and bench_conv (convolutions) time the same loop around
their own model, so the engine is always compared with PyTorch used the ordinary way.
"""

from __future__ import annotations

import time

import numpy as np


def torch_epoch_rate(model, x: np.ndarray, y: np.ndarray, batch: int, learning_rate: float, seed: int,
                     momentum: float = 0.0, shape: tuple[int, ...] | None = None) -> float:
    """Samples/s of one epoch of ``model`` on uint8 pixels ``x`` (scaled per batch, as the engine does)."""
    import torch

    loss_fn = torch.nn.CrossEntropyLoss()
    opt = torch.optim.SGD(model.parameters(), lr=learning_rate, momentum=momentum)
    xt, yt = torch.from_numpy(x if shape is None else x.reshape(-1, *shape)), torch.from_numpy(y)
    order = torch.from_numpy(np.random.default_rng(seed).permutation(len(x)))
    start = time.perf_counter()
    for i in range(0, len(x), batch):
        idx = order[i:i + batch]
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xt[idx].float().mul_(1 / 255)), yt[idx])
        loss.backward()
        opt.step()
    return len(x) / (time.perf_counter() - start)
