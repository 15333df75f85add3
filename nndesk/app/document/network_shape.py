"""Reading a network's shape the way the views ask for it: sizes, kinds of layers, indices L.

``NetworkDocument`` holds either a dense ``Network`` or a ``ConvNet``; views
ask the same questions of both (how many layers, which are hidden, which
σ), so the answers for both live here, in one place.
"""

from __future__ import annotations

from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.network import Network


class NetworkShape:
    """The read-only questions about ``self._network`` (set by the document)."""

    _network: Network | ConvNet

    @property
    def sizes(self) -> list[int]:
        return self._network.sizes

    @property
    def n_layers(self) -> int:
        """Neuron layers a⁽⁰⁾…a⁽ᴸ⁾, input and output included."""
        return len(self._network.sizes)

    @property
    def is_conv(self) -> bool:
        return isinstance(self._network, ConvNet)

    @property
    def n_features(self) -> int:
        """How many convolution and pooling layers come before the dense part (0: a dense network)."""
        return len(self._network.features) if isinstance(self._network, ConvNet) else 0

    @property
    def shapes(self) -> list[tuple[int, ...]]:
        """Each a⁽ᴸ⁾'s shape: (C, H, W) for feature maps, (n,) for vectors."""
        net = self._network
        return list(net.shapes) if isinstance(net, ConvNet) else [(n,) for n in net.sizes]

    @property
    def first_dense(self) -> int:
        """L of the dense part's input: 0, or the flattened feature maps of a ``ConvNet``."""
        return self.n_features + 1 if self.is_conv else 0

    def activation_name(self, L: int) -> str:
        """σ of layer L (the input, a pooling and the flatten have none: "")."""
        act = getattr(self._network.layers[L - 1], "activation", None) if L > 0 else None
        return act.name if act is not None else ""

    def is_hidden(self, L: int) -> bool:
        """A dense hidden layer: the ones a student resizes, removes or inserts around."""
        return self.first_dense < L < self.n_layers - 1
