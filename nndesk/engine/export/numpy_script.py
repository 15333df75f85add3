"""The network as one Python script that needs numpy only: the weights inline, ``predict(x)`` the lecture's.

The script is for reading as much as for running: ``predict`` is the
forward pass from the slides, a = σ(W·a + b) layer after layer, and each σ
the network uses is written out as its formula.  The weights travel inside
the script as base64 text of an .npz (read back with ``allow_pickle=False``),
so the one file is all there is to hand on.  Run it on a file of inputs
(``python net.py x.npy``) and it prints each row's answer.
"""

from __future__ import annotations

import base64
import io
import os
import textwrap
from pathlib import Path

import numpy as np

from nndesk.engine.core.network import Network
from nndesk.engine.data.atomic_write import write_atomic
from nndesk.engine.export.exportable import dense_layers

# Each σ as the script writes it: the engine's own formulas (core/activations.py), so the numbers agree.
FORMULAS = {
    "sigmoid": '''def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), written as (1 + tanh(z/2)) / 2: the same numbers, and e^(−z) never overflows."""
    return (1 + np.tanh(z / 2)) / 2''',
    "tanh": '''def tanh(z):
    """tanh z = (e^z − e^(−z)) / (e^z + e^(−z)): an S like σ, from −1 to 1."""
    return np.tanh(z)''',
    "relu": '''def relu(z):
    """max(z, 0)."""
    return np.maximum(z, 0)''',
    "leaky-relu": '''def leaky_relu(z):
    """max(z, 0.01·z): a small slope below 0."""
    return np.maximum(z, z.dtype.type(0.01) * z)''',
    "linear": '''def linear(z):
    """a = z: the layer only mixes its inputs."""
    return z''',
    "softmax": '''def softmax(z):
    """a_k = e^(z_k) / Σ_j e^(z_j) for each row; shifting by the row's max changes nothing but keeps e^z finite."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)''',
}

TEMPLATE = '''"""A {sizes} network trained in nndesk, as one script that needs numpy only.

    python {file} x.npy
        prints the answer for each row of x (an .npy file, or an .npz with an array x)
    from {module} import predict
        predict(x) is the output layer a⁽ᴸ⁾ for each row of x

x holds one sample a row: {inputs}.
"""

import base64
import io
import sys

import numpy as np

# The weights W0, b0, W1, b1, … as an .npz file in base64 text (W{{l}}[k, j] is w_kj, from neuron j into k).
WEIGHTS = """
{weights}
"""


{formulas}


def _layers():
    """Each layer's W, b and σ, read from WEIGHTS (plain arrays only: allow_pickle=False)."""
    arrays = np.load(io.BytesIO(base64.b64decode(WEIGHTS)), allow_pickle=False)
    sigmas = [{sigmas}]
    return [(arrays[f"W{{i}}"], arrays[f"b{{i}}"], sigma) for i, sigma in enumerate(sigmas)]


LAYERS = _layers()


def predict(x):
    """The forward pass: a⁽⁰⁾ = x, then a = σ(W·a + b) layer after layer; returns the last a."""
    a = np.asarray(x, dtype=LAYERS[0][0].dtype)
    for W, b, sigma in LAYERS:
        z = a @ W.T + b  # z = W·a + b for every sample (row) of a at once
        a = sigma(z)
    return a


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: python {{sys.argv[0]}} INPUTS.npy|.npz")
    data = np.load(sys.argv[1], allow_pickle=False)
    x = data["x"] if hasattr(data, "files") else data
    x = x.reshape(len(x), -1)
    x = x / 255 if x.dtype == np.uint8 else x  # pixels 0…255 become 0…1
    a = predict(x)
    for row in a:
        print(int(row.argmax()) if len(row) > 1 else float(row[0]))
'''


def numpy_script(network: Network, file_name: str = "network.py", preprocessing: str | None = None) -> str:
    """The script's text for ``network``, saved as ``file_name``."""
    layers = dense_layers(network, "the numpy script")
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **{f"{k}{l}": v for l, layer in enumerate(layers)
                                   for k, v in (("W", layer.weights), ("b", layer.bias))})
    encoded = "\n".join(textwrap.wrap(base64.b64encode(buffer.getvalue()).decode("ascii"), 100))
    used = list(dict.fromkeys(layer.activation for layer in layers))
    n = network.sizes[0]
    inputs = f"{n} numbers" + (f", pixels 0…1 prepared as {preprocessing}" if preprocessing else "")
    return TEMPLATE.format(sizes="-".join(map(str, network.sizes)), file=file_name, module=Path(file_name).stem,
                           inputs=inputs, weights=encoded, formulas="\n\n\n".join(FORMULAS[name] for name in used),
                           sigmas=", ".join(name.replace("-", "_") for name in (lay.activation for lay in layers)))


def save_numpy_script(path: str | os.PathLike, network: Network, preprocessing: str | None = None) -> Path:
    """Write the script atomically."""
    text = numpy_script(network, Path(path).name, preprocessing).encode("utf-8")
    return write_atomic(path, lambda f: f.write(text))
