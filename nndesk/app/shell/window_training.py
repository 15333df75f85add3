"""The main window's training commands: train, step, pause, reset, change the cost; weights in and out.

``MainWindow`` mixes this in.  It uses the window's ``trainer``
(``TrainerController``), ``document``, ``recipe``, ``source``, ``status``,
``model_path``, ``show_message`` and ``_maybe_save``.  Training runs on a copy
of the document's network; the copy's weights come back into the document
(``apply_weights``), and every edit the student makes while it runs reaches
the copy through the document (``valuesEdited`` → ``_post_to_training``).
An edit the loop never took because it stopped first is made again once the
run's last weights are in, so Stop never loses it.  Architecture edits during
training ask first (``GuardedUndoStack``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QMessageBox

from nndesk.app.document.undo import DocumentCommand, DocumentUndoStack, EditKind
from nndesk.app.document.value_edits import Edit
from nndesk.engine.core.convnet import ConvNet, weight_layers
from nndesk.engine.core.initializers import default_initializer, init_weights
from nndesk.engine.core.layers import Dense
from nndesk.engine.core.network import Network
from nndesk.engine.data.readers import DataError


class GuardedUndoStack(DocumentUndoStack):
    """The document's undo history; asks before an architecture edit lands on a network being trained."""

    def __init__(self, window: WindowTraining) -> None:
        super().__init__(window.document, window)
        self._window = window

    def push(self, command: DocumentCommand) -> None:
        if command.kind is EditKind.ARCHITECTURE and not self._window.stop_training_for_edit():
            return
        super().push(command)


class WindowTraining:
    _posted: list[tuple[Edit, list[bool]]] = []  # this run's edits, each with "the loop has taken it"

    def train(self, step: bool = False) -> None:
        """Train (or one ``step``) from the document's current weights, or resume a paused run."""
        if self.trainer.state == "paused":
            self.trainer.step() if step else self.trainer.resume()
            return
        if self.trainer.is_active:
            return
        self.recipe = self.recipe.with_changes(hyper=self.trainer.control.hyper)
        done = len(self.trainer.history)
        try:
            self.trainer.start(self.document.network, self.source, self.recipe, step=step)
        except (ValueError, DataError) as e:
            self.show_message(self.tr("Training can't start"),
                              self.tr("The data set and the network or the settings don't fit together."),
                              QMessageBox.Icon.Warning, str(e))
            return
        self.status.set_budget(done, done + (1 if step else self.recipe.hyper.epochs))

    def toggle_training(self) -> None:
        """Space: start, pause or resume."""
        self.trainer.pause() if self.trainer.state == "running" else self.train()

    def reset(self) -> None:
        """Fresh random weights and biases for the same architecture; the history starts over.

        Unsaved work is asked about first (Save / Discard / Cancel, as when closing).  The network
        stays modified if it was, or if a model file is open: it no longer is what the file holds.
        """
        if self.trainer.is_active or not self._maybe_save():
            return
        rng = np.random.default_rng()
        net = self.document.network
        fresh = net.copy()
        for layer in weight_layers(fresh):  # a kernel (F, C, k, k) is F rows of C·k·k inputs, as a dense W
            w = layer.weights
            w[...] = init_weights(self.recipe.init or default_initializer(layer.activation.name), w.shape[0],
                                  w[0].size, rng, net.dtype).reshape(w.shape)
            layer.bias[...] = 0
            if isinstance(layer, Dense):
                layer.frozen = layer.frozen_bias = None  # fresh weights are nobody's frozen values
        modified = self.document.is_modified() or self.model_path is not None
        self.trainer.reset()
        self.document.set_network(fresh, modified=modified)

    def set_cost(self, name: str) -> None:
        """Change C; the output activation follows (softmax for cross-entropy, σ for quadratic)."""
        if self.trainer.is_active or name == self.document.network.cost.name:
            return
        fresh = self.recipe.with_changes(cost=name).build_network(self.document.sizes[0], self.document.sizes[-1])
        net = self.document.network.copy()
        dense = net.head.layers if isinstance(net, ConvNet) else net.layers
        dense[-1].activation = fresh.layers[-1].activation
        self.recipe = self.recipe.with_changes(cost=name)
        changed = ConvNet(net.features, dense, fresh.cost) if isinstance(net, ConvNet) else Network(dense, fresh.cost)
        self.document.set_network(changed, modified=True)

    def stop_training_for_edit(self) -> bool:
        """Before an architecture edit: True if nothing trains (any more); asks the user first."""
        if not self.trainer.is_active:
            return True
        answer = QMessageBox.question(
            self, self.tr("Change the architecture?"),
            self.tr("Training is running. Changing the architecture stops it; the weights learned so far are "
                    "kept. Stop training and make the change?"))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.stop_and_wait()
        return True

    def stop_and_wait(self) -> None:
        """Stop training and return once the worker's last weights are in the document (no nested event loop)."""
        self.trainer.stop_and_wait()

    def _post_to_training(self, edit: Edit) -> None:
        """The student's edit, for the copy being trained before its next batch."""
        if not self.trainer.is_active:
            return
        taken: list[bool] = []

        def run(network: Network) -> None:  # in the training thread
            edit(network)
            taken.append(True)
        self._posted = [*self._posted, (edit, taken)]
        self.trainer.post_edit(run)

    def _on_training_finished(self) -> None:
        """The run's last weights are in the document: edits the loop never took go back on top."""
        late = [edit for edit, taken in self._posted if not taken]
        self._posted = []
        for edit in late:
            self.document.replay(edit)

    def _on_architecture_changed(self) -> None:
        self._posted = []  # made on the network as it was: the document has them, the run's last weights won't fit
        if self.trainer.is_active:  # an undo/redo changed the shape under a run: the document wins
            self.trainer.stop()

    def _on_failed(self, details: str) -> None:
        self.show_message(self.tr("Training stopped because of an error"),
                          self.tr("Something went wrong inside the training loop. The weights from the last "
                                  "finished epoch are kept; you can train again."), QMessageBox.Icon.Critical, details)
