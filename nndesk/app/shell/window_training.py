"""The main window's training commands: train, step, pause, reset, change the cost; weights in and out.

``MainWindow`` mixes this in.  It uses the window's ``trainer``
(``TrainerController``), ``document``, ``recipe``, ``source``, ``status`` and
``show_message``.  Training runs on a copy of the document's network; the
copy's weights come back through ``_apply_weights``, and a weight the student
types in while training runs goes to the copy as well (``_on_user_weight_edit``).
Architecture edits during training ask first (``GuardedUndoStack``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox

from nndesk.engine.core.initializers import default_initializer, init_weights
from nndesk.engine.core.layers import Dense
from nndesk.engine.core.network import Network
from nndesk.engine.data.readers import DataError

ARCHITECTURE_COMMANDS = ("AddLayerCommand", "RemoveLayerCommand", "ResizeLayerCommand", "SetActivationCommand")


class GuardedUndoStack(QUndoStack):
    """Asks before an architecture edit lands on a network that is being trained."""

    def __init__(self, window: WindowTraining) -> None:
        super().__init__(window)
        self._window = window

    def push(self, command: QUndoCommand) -> None:
        if type(command).__name__ in ARCHITECTURE_COMMANDS and not self._window.stop_training_for_edit():
            return
        super().push(command)


class WindowTraining:
    _shown_weights: list | None = None  # the snapshot last copied into the document
    _applying = False

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
        self._shown_weights = self.document.weights_snapshot()

    def step(self) -> None:
        self.train(step=True)

    def toggle_training(self) -> None:
        """Space: start, pause or resume."""
        self.trainer.pause() if self.trainer.state == "running" else self.train()

    def reset(self) -> None:
        """Fresh random weights and biases for the same architecture; the history starts over."""
        if self.trainer.is_active:
            return
        rng = np.random.default_rng()
        net = self.document.network
        layers = [Dense(init_weights(self.recipe.init or default_initializer(layer.activation.name),
                                     layer.n_out, layer.n_in, rng, net.dtype),
                        np.zeros(layer.n_out, dtype=net.dtype), layer.activation) for layer in net.layers]
        self.trainer.reset()
        self.document.set_network(Network(layers, net.cost))

    def set_cost(self, name: str) -> None:
        """Change C; the output activation follows (softmax for cross-entropy, σ for quadratic)."""
        if self.trainer.is_active or name == self.document.network.cost.name:
            return
        fresh = self.recipe.with_changes(cost=name).build_network(self.document.sizes[0], self.document.sizes[-1])
        layers = [layer.copy() for layer in self.document.network.layers]
        layers[-1].activation = fresh.layers[-1].activation
        self.recipe = self.recipe.with_changes(cost=name)
        self.document.set_network(Network(layers, fresh.cost))
        self.document.set_modified(True)

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
        """Stop training and return once the worker's last weights are in the document."""
        if self.trainer.is_active:
            loop = QEventLoop()
            self.trainer.finished.connect(loop.quit)
            self.trainer.stop()
            if self.trainer.is_active:
                loop.exec()
            self.trainer.finished.disconnect(loop.quit)

    def _apply_weights(self, snapshot: list) -> None:
        self._applying = True
        try:
            if self.document.apply_weights(snapshot):
                self._shown_weights = snapshot
        finally:
            self._applying = False

    def _on_user_weight_edit(self) -> None:
        """A weight typed in while training runs also goes to the trained copy, before its next batch."""
        if self._applying or not self.trainer.is_active or self._shown_weights is None:
            return
        now = self.document.weights_snapshot()
        changes = [(l, w != w0, w, b != b0, b) for l, ((w, b), (w0, b0)) in enumerate(zip(now, self._shown_weights))]
        self._shown_weights = now

        def edit(net: Network) -> None:
            for l, w_mask, w, b_mask, b in changes:
                net.layers[l].weights[w_mask] = w[w_mask]
                net.layers[l].bias[b_mask] = b[b_mask]
        self.trainer.post_edit(edit)

    def _on_architecture_changed(self) -> None:
        self._shown_weights = None
        if self.trainer.is_active:  # an undo/redo changed the shape under a run: the document wins
            self.trainer.stop()

    def _on_failed(self, details: str) -> None:
        self.show_message(self.tr("Training stopped because of an error"),
                          self.tr("Something went wrong inside the training loop. The weights from the last "
                                  "finished epoch are kept; you can train again."), QMessageBox.Icon.Critical, details)
