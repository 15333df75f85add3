"""The network as a PyTorch folder: ``model.py``, ``weights.npz``, ``train.py`` (and the data, if given).

``weights.npz`` is an ordinary nndesk model file, so the folder carries the
architecture with the numbers, and what PyTorch trains further opens in
nndesk again.  ``train.py``'s defaults are the model's recipe (η, batch
size, epochs, momentum, the cost); it runs alone or under ``torchrun``.
``data`` writes a training set as ``data.npz`` (x, y and, when the set has
its own targets, t) so the folder is ready to run.  Exporting needs neither
torch nor anything else installed: the files are text and numpy arrays.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.network import Network
from nndesk.engine.core.training import EpochStats
from nndesk.engine.data.atomic_write import write_atomic, write_npz_atomic
from nndesk.engine.export.exportable import ExportError, architecture, features_and_dense
from nndesk.engine.export.pytorch_model_code import MODEL_PY
from nndesk.engine.export.pytorch_train_code import TRAIN_PY
from nndesk.engine.runs.model_io import save_model
from nndesk.engine.runs.recipe import TrainingRecipe

FILES = ("model.py", "train.py", "weights.npz", "README.md")
DATA_FILE = "data.npz"

README = """# {sizes} network from nndesk, in PyTorch

- `model.py`: the network as an `nn.Module`; `load_model("weights.npz")` gives it the trained weights.
- `weights.npz`: the weights, as an nndesk model file (nndesk opens it again, also after `train.py`).
- `train.py`: goes on training ({cost} cost, w ← w − η·∂C/∂w) and writes `weights.npz` back.
{data}
Go on training on one process, or on two with DistributedDataParallel:

    python train.py --data {data_file} --epochs 5
    torchrun --standalone --nproc_per_node=2 train.py --data {data_file} --epochs 5
"""


def train_script(network: Network | ConvNet, recipe: TrainingRecipe | None) -> str:
    """``train.py``'s text, its defaults taken from ``recipe`` (the engine's defaults without one)."""
    hyper = (recipe or TrainingRecipe()).hyper
    momentum = hyper.momentum if recipe is not None and recipe.optimizer == "momentum" else 0.0
    return TRAIN_PY.format(cost=network.cost.name, epochs=hyper.epochs, learning_rate=repr(float(hyper.learning_rate)),
                           momentum=repr(float(momentum)), batch_size=hyper.batch_size)


def write_pytorch_folder(folder: str | os.PathLike, network: Network | ConvNet, recipe: TrainingRecipe | None = None,
                         history: Sequence[EpochStats] = (), data: Dataset | None = None) -> Path:
    """Write the folder (made if missing; the files it names are replaced, nothing else is touched)."""
    features_and_dense(network)  # refuses, in one line, what model.py can't build
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder}: is a file, not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    save_model(folder / "weights.npz", network, recipe, tuple(history))
    texts = {"model.py": MODEL_PY, "train.py": train_script(network, recipe)}
    data_line = ("- `DATA.npz` (yours): the training data, x (one sample a row) and y (labels); "
                 "`nndesk export … --data mnist-bundled` puts one here as `data.npz`.\n")
    if data is not None:
        write_training_data(folder / DATA_FILE, data)
        data_line = f"- `{DATA_FILE}`: the training data, {len(data):,} samples (x, y).\n"
    texts["README.md"] = README.format(sizes=architecture(network), cost=network.cost.name,
                                       data=data_line, data_file=DATA_FILE if data is not None else "DATA.npz")
    for name, text in texts.items():
        encoded = text.encode("utf-8")
        write_atomic(folder / name, lambda f, b=encoded: f.write(b))
    return folder


def write_training_data(path: str | os.PathLike, data: Dataset) -> Path:
    """``data`` as the .npz ``train.py`` reads: x as stored (uint8 pixels stay bytes), y, and t if it has one."""
    arrays = {"x": data.x, "y": data.y}
    if data.targets is not None:
        arrays["t"] = data.targets
    return write_npz_atomic(path, arrays)
