"""The GUI's model of the network being edited: one ``Network`` plus the data set it is for.

Views (canvas, draw dock, decision boundary) read ``document.network`` and
follow the signals; every change goes through a method here, usually called
by an undo command (``editor_commands``).  Two indices are used, as in the
lecture:

* ``L`` — a neuron layer a⁽ᴸ⁾: 0 is the input, ``n_layers - 1`` the output.
  Structure edits (insert/remove/resize/activation) take ``L``; only hidden
  layers (0 < L < n_layers − 1) can change size, the data set fixes the others.
* ``l`` — a weight matrix W⁽ˡ⁾ = ``network.layers[l]``, which feeds a⁽ˡ⁺¹⁾;
  ``weights[k, j]`` is w_kj from neuron j of a⁽ˡ⁾ into neuron k of a⁽ˡ⁺¹⁾.

Editing a hidden layer replaces only the two matrices that touch it, keeping
their overlapping block; every other weight and bias stays as it was.

A ``ConvNet`` keeps the same indices over ``ConvNet.layers``: L = 1…``n_features``
are the feature maps of each convolution or pooling, ``n_features`` + 1 the
flattened vector, then the dense layers, whose matrices keep their meaning
(``network.layers[l].weights[k, j]``).  Convolution edits build the whole new
network (``conv_edit``) and come in through ``set_structure``.

The document is the only writer.  A value edit (a weight, a bias, freezing,
the backprop update) is one function ``edit(network)``: the document runs it
on its own network, then hands the same function out through
``valuesEdited``, which the window posts to the copy being trained, so the
trained copy gets exactly the same change before its next batch.  The
trainer's own new weights come in through ``apply_weights`` and go nowhere.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from nndesk.app.document import value_edits as edits
from nndesk.app.document.layer_resize import fresh_dense, resized_dense
from nndesk.app.document.network_shape import NetworkShape
from nndesk.app.document.sample import Sample
from nndesk.app.document.value_edits import Edit, Param, Snapshot
from nndesk.engine.core.activations import HIDDEN_ACTIVATIONS, activation
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.convnet import ConvNet, weight_layers
from nndesk.engine.core.layers import Dense
from nndesk.engine.core.network import Network
from nndesk.engine.core.pool import MaxPool2D

Touching = tuple[Dense, Dense]  # (W⁽ᴸ⁻¹⁾ into layer L, W⁽ᴸ⁾ out of it)


class NetworkDocument(NetworkShape, QObject):
    architectureChanged = Signal()  # after any change of layers, sizes or activations
    networkReplaced = Signal()  # another network altogether (just before architectureChanged): undo forgets
    weightsChanged = Signal()  # values only (an edit or training); shapes are unchanged
    valuesEdited = Signal(object)  # edit(network) the student just made: the same change for the trained copy
    modifiedChanged = Signal(bool)
    sampleChanged = Signal()  # another sample to show (``sample``), or new numbers for it, or none

    def __init__(self, network: Network, dataset_name: str = "", input_shape: tuple[int, ...] | None = None,
                 parent: QObject | None = None, seed: int | None = None,
                 mean_input: np.ndarray | None = None) -> None:
        super().__init__(parent)
        self._network = network
        self._dataset_name, self._input_shape = dataset_name, input_shape
        self._mean_input = mean_input
        self._modified = False
        self._sample: Sample | None = None
        self._rng = np.random.default_rng(seed)

    # ---- reading ------------------------------------------------------------
    @property
    def network(self) -> Network:
        """The GUI thread's network; replaced (not mutated) by structure edits."""
        return self._network

    @property
    def dataset_name(self) -> str:
        return self._dataset_name

    @property
    def input_shape(self) -> tuple[int, ...] | None:
        """(28, 28) when the inputs are an image, so views can draw them as one."""
        return self._input_shape

    @property
    def mean_input(self) -> np.ndarray | None:
        """The data set's mean input (the "mean digit"), shown until a real input is fed."""
        return self._mean_input

    def touching(self, L: int) -> Touching:
        """Copies of the two matrices around hidden layer L, for undo."""
        return self._network.layers[L - 1].copy(), self._network.layers[L].copy()

    def dense(self, l: int) -> Dense:
        return self._network.layers[l].copy()

    def weight(self, l: int, k: int, j: int) -> float:
        return edits.value(self._network, (l, k, j))

    def bias(self, l: int, k: int) -> float:
        return edits.value(self._network, (l, k, None))

    def is_frozen(self, p: Param) -> bool:
        """Whether training leaves w_kj of W⁽ˡ⁾ (or b_k, j None) alone."""
        return edits.is_frozen(self._network, p)

    @property
    def sample(self) -> Sample | None:
        """The sample the canvas lights and the inspector reads (None: none yet, or the pad was cleared)."""
        return self._sample

    def set_sample(self, sample: Sample | None) -> None:
        """Show ``sample``'s numbers (the draw pad's digit, the step-through's sample); it must fit."""
        if sample is not None and sample.sizes != self.sizes:
            raise ValueError(f"a sample of a {sample.sizes} network does not fit {self.sizes}")
        if sample is not None or self._sample is not None:
            self._sample = sample
            self.sampleChanged.emit()

    def weights_snapshot(self) -> Snapshot:
        return [(layer.weights.copy(), layer.bias.copy()) for layer in weight_layers(self._network)]

    # ---- whole network ------------------------------------------------------
    def set_network(self, network: Network, dataset_name: str | None = None,
                    input_shape: tuple[int, ...] | None = None, mean_input: np.ndarray | None = None,
                    modified: bool = False) -> None:
        """Show another network (a data set's preset, a model file, Reset); the caller gives up ``network``.

        Every path that replaces the network comes here, so ``networkReplaced`` is where the undo
        history of the old one is dropped (``DocumentUndoStack``).
        """
        self._network = network
        self._sample = None  # its numbers belong to the old network (the draw pad feeds its digit again)
        if dataset_name is not None:
            self._dataset_name, self._input_shape = dataset_name, input_shape
            self._mean_input = mean_input
        self.networkReplaced.emit()
        self._architecture_changed()
        self.set_modified(modified)

    def set_structure(self, network: Network | ConvNet) -> None:
        """A structurally edited network (a convolution edit's redo or undo); the undo history stays."""
        self._network = network
        self._sample = None
        self._architecture_changed()
        self.set_modified(True)

    def is_modified(self) -> bool:
        return self._modified

    def set_modified(self, modified: bool) -> None:
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)

    # ---- structure edits (neuron-layer index L) -----------------------------
    def insert_layer(self, L: int, n_neurons: int, activation_name: str, params: Touching | None = None) -> None:
        """A new hidden layer becomes a⁽ᴸ⁾; the matrix it splits is replaced by fresh ones.

        ``params`` reinstalls exact matrices (undo of a removal, redo of an insert).
        """
        if not self.first_dense < L < self.n_layers:
            raise ValueError(f"a hidden layer can be inserted at {self.first_dense + 1}…{self.n_layers - 1}, not {L}")
        self._check_hidden_args(n_neurons, activation_name)
        old = self._network.layers[L - 1]
        if params is None:
            into = self._fresh(n_neurons, old.n_in, activation_name)
            out = self._fresh(old.n_out, n_neurons, old.activation.name)
            out.bias = old.bias.copy()  # a⁽ᴸ⁺¹⁾ keeps its biases b
            out.frozen_bias = None if old.frozen_bias is None else old.frozen_bias.copy()
        else:
            into, out = (d.copy() for d in params)
        self._replace(self._network.layers[:L - 1] + [into, out] + self._network.layers[L:])

    def remove_layer(self, L: int, merged: Dense | None = None) -> Touching:
        """Drop hidden layer L; a⁽ᴸ⁻¹⁾ connects straight to a⁽ᴸ⁺¹⁾. Returns the removed matrices."""
        self._check_hidden(L)
        removed = self.touching(L)
        into, out = removed
        if merged is None:
            merged = self._fresh(out.n_out, into.n_in, out.activation.name)
            merged.bias, merged.frozen_bias = out.bias.copy(), out.frozen_bias
        self._replace(self._network.layers[:L - 1] + [merged.copy()] + self._network.layers[L + 1:])
        return removed

    def set_layer_size(self, L: int, n_neurons: int, params: Touching | None = None) -> None:
        """Resize hidden layer L, keeping the overlapping block of both touching matrices."""
        self._check_hidden(L)
        into, out = self._network.layers[L - 1], self._network.layers[L]
        self._check_hidden_args(n_neurons, into.activation.name)
        if params is None:
            params = (self._resized(into, n_neurons, into.n_in), self._resized(out, out.n_out, n_neurons))
        layers = list(self._network.layers)
        layers[L - 1], layers[L] = (d.copy() for d in params)
        self._replace(layers)

    def set_activation(self, L: int, name: str) -> None:
        """σ of layer L; weights stay.  The network checks softmax/cost rules for the output."""
        if not 0 < L < self.n_layers or not self.activation_name(L):
            raise ValueError(f"layer {L} has no activation")
        layers = list(self._network.layers)
        layers[L - 1] = layers[L - 1].copy()
        layers[L - 1].activation = activation(name)
        self._replace(layers)

    # ---- values (matrix index l): the student's edits, also posted to a running training ----
    def set_weight(self, l: int, k: int, j: int, value: float) -> None:
        """w_kj of W⁽ˡ⁾: from neuron j of a⁽ˡ⁾ into neuron k of a⁽ˡ⁺¹⁾."""
        self._edit(edits.set_values([(l, k, j)], [value]))

    def set_bias(self, l: int, k: int, value: float) -> None:
        """b_k of neuron k in a⁽ˡ⁺¹⁾ (stored with W⁽ˡ⁾)."""
        self._edit(edits.set_values([(l, k, None)], [value]))

    def set_frozen(self, params: list[Param], frozen: list[bool], values: list[float] | None = None) -> None:
        """Freeze or unfreeze each parameter, and set its value (prune: 0).

        Without ``values`` each keeps the value shown now, and so does the trained copy: what the
        student froze is what stays.
        """
        values = [edits.value(self._network, p) for p in params] if values is None else values
        self._edit(edits.set_frozen(params, frozen, values))

    def edit_values(self, edit: Edit) -> None:
        """A value edit made elsewhere (a kernel weight, a filter's bias): here, then the trained copy."""
        self._edit(edit)

    def set_values(self, snapshot: Snapshot) -> None:
        """Every weight and bias at once (the backprop update w ← w − η·∇C, or its undo)."""
        if not edits.fits(self._network, snapshot):
            raise ValueError("the new values do not fit this network's shapes")
        self._edit(edits.copy_values([(w.copy(), b.copy()) for w, b in snapshot]))

    def apply_weights(self, snapshot: Snapshot) -> bool:
        """The running training's new weights; False (and nothing changes) if its shapes are stale.

        Not posted back to the trainer: they came from it.
        """
        if not edits.fits(self._network, snapshot):
            return False
        edits.copy_values(snapshot)(self._network)
        self._values_changed()
        return True

    def replay(self, edit: Edit) -> None:
        """Make an edit again that a training never took: it stopped first, and its last weights came
        in over the edit.  Not handed out again: it was posted once already."""
        edit(self._network)
        self._values_changed()

    # ---- helpers --------------------------------------------------------------
    def _edit(self, edit: Edit) -> None:
        edit(self._network)
        self._values_changed()
        self.valuesEdited.emit(edit)

    def _values_changed(self) -> None:
        self.weightsChanged.emit()
        self.set_modified(True)

    def _replace(self, layers: list) -> None:
        net = self._network
        if isinstance(net, ConvNet):  # the dense part changed: the features and the flatten stay
            features = [f for f in layers if isinstance(f, (Conv2D, MaxPool2D))]
            self._network = ConvNet(features, [d for d in layers if isinstance(d, Dense)], net.cost)
        else:
            self._network = Network(layers, net.cost)  # validates chaining and softmax rules
        self._sample = None
        self._architecture_changed()
        self.set_modified(True)

    def _architecture_changed(self) -> None:
        self.architectureChanged.emit()
        if self._sample is None:  # no view gave a sample for the new network
            self.sampleChanged.emit()

    def _check_hidden(self, L: int) -> None:
        if not self.is_hidden(L):
            raise ValueError(f"layer {L} is not a hidden layer; the data set fixes the input and output")

    def _check_hidden_args(self, n_neurons: int, activation_name: str) -> None:
        if n_neurons < 1:
            raise ValueError(f"a layer needs at least one neuron, got {n_neurons}")
        if activation_name not in HIDDEN_ACTIVATIONS:
            raise ValueError(f"{activation_name!r} is not a hidden-layer activation")

    def _fresh(self, n_out: int, n_in: int, activation_name: str) -> Dense:
        return fresh_dense(n_out, n_in, activation_name, self._rng, self._network.dtype)

    def _resized(self, dense: Dense, n_out: int, n_in: int) -> Dense:
        return resized_dense(dense, n_out, n_in, self._rng)
