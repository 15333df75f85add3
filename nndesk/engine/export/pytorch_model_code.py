"""The text of the exported folder's ``model.py``: the network as a PyTorch ``nn.Module``.

It is the same for every network: the layers are read from ``weights.npz``,
which is an nndesk model file (W0, b0, W1, b1, … and a JSON description),
so the folder's weights can go back into nndesk after PyTorch trained them.
The generated code imports nothing of nndesk.
"""

MODEL_PY = '''"""The network trained in nndesk, as a PyTorch module.

Each layer is the lecture's a = σ(W·a + b): an nn.Linear holds W and b, and σ is the
activation nndesk trained the layer with.  The numbers come from weights.npz, the model
file nndesk wrote (arrays W0, b0, W1, b1, … and a JSON description called "metadata"),
so this folder needs PyTorch and numpy, not nndesk.

    from model import load_model
    net = load_model("weights.npz")
    a = net(x)  # x: a tensor (n, n_inputs), one sample a row; a: the output layer a⁽ᴸ⁾
"""

import json
import os
import tempfile

import numpy as np
import torch
from torch import nn

# σ by the name nndesk gives it; each is the formula the nndesk engine computes
ACTIVATIONS = {
    "sigmoid": nn.Sigmoid,  # σ(z) = 1 / (1 + e^(−z)), the lecture's
    "tanh": nn.Tanh,
    "relu": nn.ReLU,  # max(z, 0)
    "leaky-relu": lambda: nn.LeakyReLU(0.01),  # max(z, 0.01·z)
    "linear": nn.Identity,  # a = z
    "softmax": lambda: nn.Softmax(dim=1),  # a_k = e^(z_k) / Σ_j e^(z_j), over each sample's outputs
}


class Network(nn.Module):
    """Dense layers, a = σ(W·a + b) each; sizes [n_inputs, hidden…, n_outputs]."""

    def __init__(self, sizes, activations):
        super().__init__()
        self.activations = list(activations)  # the names, one per layer
        self.layers = nn.ModuleList(nn.Linear(n_in, n_out) for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True))
        self.sigmas = nn.ModuleList(ACTIVATIONS[name]() for name in self.activations)

    def forward(self, x, last_z=False):
        """The output layer a⁽ᴸ⁾ for each row of x; with last_z=True its z⁽ᴸ⁾, before σ (the costs use it)."""
        a = x
        for layer, sigma in zip(self.layers[:-1], self.sigmas[:-1], strict=True):
            a = sigma(layer(a))  # a = σ(W·a + b)
        z = self.layers[-1](a)
        return z if last_z else self.sigmas[-1](z)


def read_weights(path="weights.npz"):
    """The file's JSON description and its arrays (plain numbers only: allow_pickle=False)."""
    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    metadata = json.loads(arrays.pop("metadata").tobytes().decode("utf-8"))
    return metadata, arrays


def load_model(path="weights.npz"):
    """A Network with the weights and number type (float32 or float64) of the nndesk model file."""
    metadata, arrays = read_weights(path)
    net = Network(metadata["sizes"], metadata["activations"])
    net.to(getattr(torch, metadata.get("dtype", "float32")))
    with torch.no_grad():
        for i, layer in enumerate(net.layers):
            layer.weight.copy_(torch.from_numpy(arrays[f"W{i}"]))  # W[k, j] = w_kj, from neuron j into k
            layer.bias.copy_(torch.from_numpy(arrays[f"b{i}"]))
    return net


def save_weights(net, path="weights.npz", note=None):
    """Write the net's W and b back into the model file, keeping the rest, so nndesk can open it again.

    The file is written to a temporary name first and then renamed: a crash never leaves half a file.
    """
    metadata, arrays = read_weights(path)
    for i, layer in enumerate(net.layers):
        arrays[f"W{i}"] = layer.weight.detach().cpu().numpy()
        arrays[f"b{i}"] = layer.bias.detach().cpu().numpy()
    if note:
        metadata.setdefault("extra", {})["pytorch"] = note
    arrays["metadata"] = np.frombuffer(json.dumps(metadata, ensure_ascii=False).encode("utf-8"), np.uint8)
    folder = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(suffix=".npz", dir=folder)
    with os.fdopen(fd, "wb") as f:
        np.savez(f, **arrays)
    os.chmod(temporary, 0o644)  # an ordinary file, readable like the one it replaces
    os.replace(temporary, path)
'''
