"""The text of the exported folder's ``model.py``: the network as a PyTorch ``nn.Module``.

It is the same for every network, dense or convolutional: the layers are read from ``weights.npz``,
which is an nndesk model file (W0, b0, W1, b1, … and a JSON description),
so the folder's weights can go back into nndesk after PyTorch trained them.
The generated code imports nothing of nndesk.
"""

MODEL_PY = r'''"""The network trained in nndesk, as a PyTorch module.

Each layer is the lecture's a = σ(W·a + b): an nn.Linear holds W and b, and σ is the
activation nndesk trained the layer with (a convolutional network has nn.Conv2d and
nn.MaxPool2d layers in front, then nn.Flatten).  The numbers come from weights.npz, the model
file nndesk wrote (arrays W0, b0, W1, b1, … and a JSON description called "metadata"),
so this folder needs PyTorch and numpy, not nndesk.

    from model import load_model
    net = load_model("weights.npz")
    a = net(x)  # x: a tensor (n, n_inputs), one sample a row; a: the output layer a⁽ᴸ⁾
"""

import json
import os
import re
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
    """Dense layers, a = σ(W·a + b) each, sizes [n_inputs, hidden…, n_outputs]; for a convolutional
    network, convolutions and poolings first ("features"), then a flatten into the dense layers."""

    def __init__(self, sizes, activations, features=None):
        super().__init__()
        self.input_shape = tuple(features["input_shape"]) if features else None  # (C, H, W) or None
        self.convs = []  # the convolutions, whose kernels the file stores first (kept in self.features)
        parts = []
        if features:
            channels, conv_sigmas = self.input_shape[0], iter(features["activations"])
            for token in features["layers"]:
                if conv := re.fullmatch(r"conv(\d+)x\d+x(\d+)(same)?", token):  # k×k kernels, F filters
                    k, filters = int(conv[1]), int(conv[2])
                    if conv[3]:  # "same": k − 1 zeros around each axis keep the size (an even k: one more after)
                        before = (k - 1) // 2
                        parts.append(nn.ZeroPad2d((before, k - 1 - before, before, k - 1 - before)))
                    self.convs.append(nn.Conv2d(channels, filters, k))
                    parts += [self.convs[-1], ACTIVATIONS[next(conv_sigmas)]()]
                    channels = filters
                else:  # poolN: the largest value of each N×N block
                    parts.append(nn.MaxPool2d(int(token[len("pool"):])))
            parts.append(nn.Flatten())  # the feature maps as one row, C, H, W order
        self.features = nn.Sequential(*parts)
        dense = activations[len(self.convs):]  # the file lists the convolutions' σ first
        self.layers = nn.ModuleList(nn.Linear(n_in, n_out) for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True))
        self.sigmas = nn.ModuleList(ACTIVATIONS[name]() for name in dense)

    def forward(self, x, last_z=False):
        """The output layer a⁽ᴸ⁾ for each row of x; with last_z=True its z⁽ᴸ⁾, before σ (the costs use it)."""
        a = x if self.input_shape is None else self.features(x.reshape(-1, *self.input_shape))
        for layer, sigma in zip(self.layers[:-1], self.sigmas[:-1], strict=True):
            a = sigma(layer(a))  # a = σ(W·a + b)
        z = self.layers[-1](a)
        return z if last_z else self.sigmas[-1](z)

    def weight_layers(self):
        """The layers with weights, in the file's order: W0, b0 are the first one's."""
        return [*self.convs, *self.layers]


def read_weights(path="weights.npz"):
    """The file's JSON description and its arrays (plain numbers only: allow_pickle=False)."""
    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    metadata = json.loads(arrays.pop("metadata").tobytes().decode("utf-8"))
    return metadata, arrays


def load_model(path="weights.npz"):
    """A Network with the weights and number type (float32 or float64) of the nndesk model file."""
    metadata, arrays = read_weights(path)
    net = Network(metadata["sizes"], metadata["activations"], metadata.get("features"))
    net.to(getattr(torch, metadata.get("dtype", "float32")))
    with torch.no_grad():
        for i, layer in enumerate(net.weight_layers()):
            layer.weight.copy_(torch.from_numpy(arrays[f"W{i}"]))  # W[k, j] = w_kj; kernels (F, C, k, k)
            layer.bias.copy_(torch.from_numpy(arrays[f"b{i}"]))
    return net


def save_weights(net, path="weights.npz", note=None):
    """Write the net's W and b back into the model file, keeping the rest, so nndesk can open it again.

    The file is written to a temporary name first and then renamed: a crash never leaves half a file.
    """
    metadata, arrays = read_weights(path)
    for i, layer in enumerate(net.weight_layers()):
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
