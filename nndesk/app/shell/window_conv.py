"""What a recipe says of the window's network: its hidden sizes and, for a ``ConvNet``, its feature layers.

A network built or edited on the canvas no longer is the recipe's: before a
model file or a session is written (or a file without a recipe is opened)
the recipe takes the layers the network really has, so ``nndesk train`` with
that recipe builds the same shapes.  One place, because model files, sessions
and the open path all ask it.
"""

from __future__ import annotations

from typing import Any

from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.network import Network


def layers_of(network: Network | ConvNet) -> dict[str, Any]:
    """``hidden`` and ``features`` for ``TrainingRecipe.with_changes``."""
    if isinstance(network, ConvNet):
        return {"hidden": tuple(network.head.sizes[1:-1]), "features": tuple(f.spec for f in network.features)}
    return {"hidden": tuple(network.sizes[1:-1]), "features": ()}


def wire_features(window: Any) -> None:
    """A feature-map pixel chosen anywhere (the canvas, the gallery, the Inspector's map) is the one the
    Inspector shows and the step-through follows; the canvas marks it."""
    canvas, inspector, backprop = window.canvas, window.inspector, window.backprop
    canvas.featureClicked.connect(inspector.show_feature)
    canvas.featureClicked.connect(backprop.select_feature)
    canvas.featureClicked.connect(window._raise_inspector)
    chosen = inspector.filterInspector.pixelChosen  # another pixel clicked on the Inspector's small map
    chosen.connect(canvas.highlight_feature)
    chosen.connect(backprop.select_feature)
