"""A preset's recipe trained by PyTorch instead of the engine: is a ceiling the engine's or the recipe's?

``digits_accuracy.py --torch`` cross-validates with this in place of the engine.
Everything but the engine stays as the preset says: the same layers (conv, pool,
dense, ReLU), He-normal weights and zero biases, softmax + cross-entropy, SGD
with momentum, L2 on the weights only (not the biases, as the engine), batch
size, epochs, the per-epoch schedule, and the digits distorted anew every epoch
by the engine's own augmenter.  One difference is PyTorch's: its momentum buffer
holds gradients and is scaled by η at each step, the engine's velocity holds
η·gradients, so the two differ only while the schedule changes η.
Needs the test extras (``pip install -e '.[test]'``: PyTorch CPU).
"""

from __future__ import annotations

import importlib.util
import tempfile
import time
from pathlib import Path

import numpy as np

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.data.augment import make_augmenter
from nndesk.engine.export.pytorch_folder import write_pytorch_folder
from nndesk.engine.runs.presets import Preset, make_schedule


def torch_model(p: Preset, n_inputs: int, n_outputs: int, seed: int):
    """``p``'s network as the ``Network`` of the PyTorch folder nndesk exports (its ``model.py``, built
    from the engine network's model file), with He-normal weights and zero biases drawn by PyTorch."""
    import torch
    from torch import nn

    if p.activation != "relu" or p.cost != "cross-entropy":
        raise ValueError(f"only ReLU networks with softmax + cross-entropy are trained here, not {p.name!r}")
    with tempfile.TemporaryDirectory() as folder:
        write_pytorch_folder(folder, p.network(n_inputs, n_outputs, seed))
        spec = importlib.util.spec_from_file_location("nndesk_export_model", Path(folder) / "model.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        metadata, _ = module.read_weights(Path(folder) / "weights.npz")
    torch.manual_seed(seed)
    model = module.Network(metadata["sizes"], metadata["activations"], metadata.get("features"))
    for layer in model.weight_layers():
        nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")  # Var = 2 / fan_in: the engine's "he"
        nn.init.zeros_(layer.bias)
    return model


def train_torch(p: Preset, data: Dataset, seed: int):
    """(predict(x rows) -> classes, wall seconds) of ``p`` trained by PyTorch on ``data`` with one thread."""
    import torch

    torch.set_num_threads(1)
    model = torch_model(p, data.n_inputs, data.n_outputs, seed)
    h = p.hyper
    decayed = [layer.weight for layer in model.weight_layers()]
    biases = [layer.bias for layer in model.weight_layers()]
    opt = torch.optim.SGD([{"params": decayed, "weight_decay": h.l2}, {"params": biases, "weight_decay": 0.0}],
                          lr=h.learning_rate, momentum=h.momentum)
    schedule, augment = make_schedule(p.schedule), make_augmenter() if p.augment else None
    images = data.inputs(dtype=np.float32).reshape(-1, 1, *(data.image_shape or (1, data.n_inputs)))
    labels = torch.from_numpy(data.y.astype(np.int64))
    rng, loss_fn = np.random.default_rng(seed), torch.nn.CrossEntropyLoss()
    start = time.perf_counter()
    for epoch in range(h.epochs):
        for group in opt.param_groups:
            group["lr"] = h.learning_rate * (schedule(epoch, h.epochs) if schedule else 1.0)
        x = images if augment is None else augment(images[:, 0], np.random.default_rng([seed, epoch]))[:, None]
        xt = torch.from_numpy(np.ascontiguousarray(x, dtype=np.float32))
        order = torch.from_numpy(rng.permutation(len(x)))
        for i in range(0, len(x), h.batch_size):
            idx = order[i:i + h.batch_size]
            opt.zero_grad(set_to_none=True)
            loss_fn(model(xt[idx], last_z=True), labels[idx]).backward()  # z⁽ᴸ⁾: the loss applies softmax
            opt.step()
    seconds = time.perf_counter() - start
    model.eval()

    def predict(rows: np.ndarray) -> np.ndarray:
        with torch.no_grad():
            x = torch.from_numpy(np.ascontiguousarray(rows, dtype=np.float32).reshape(len(rows), *images.shape[1:]))
            return torch.cat([model(x[i:i + 500], last_z=True) for i in range(0, len(x), 500)]).argmax(1).numpy()
    return predict, seconds
