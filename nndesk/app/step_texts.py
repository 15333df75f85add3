"""What each kind of backpropagation step means, in words a student can follow.

The engine's ``Step.kind`` says what a step computes; this file says it in
the UI's language, with the lecture's terms (функция стоимости ошибки,
обратное распространение ошибки, шаг обучения, коэффициент смещения…).
Every string goes through ``QCoreApplication.translate`` (context
"StepTexts"), so the .ts catalogue picks them up.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nndesk.engine.stepthrough import Step


def _tr(text: str) -> str:
    return QCoreApplication.translate("StepTexts", text)


def phase_title(kind: str) -> str:
    """The heading of the part of the algorithm a step belongs to."""
    if kind in ("forward", "z", "softmax", "layer"):
        return _tr("Forward pass")
    if kind == "cost":
        return _tr("Cost function")
    if kind == "update":
        return _tr("Updating the weights")
    return _tr("Backpropagation")


def explain(step: Step, n_layers: int, cross_entropy: bool, counts: tuple[int, int] = (0, 0)) -> str:
    """One sentence on what ``step`` does and why; ``n_layers`` is the output layer's index."""
    k = step.index if isinstance(step.index, int) else None
    layer = str(step.layer)
    kind = step.kind
    if kind == "forward":
        return _tr("Forward pass, neuron %1 of layer %2: multiply each input by its weight, add the bias "
                   "and apply the activation function.").replace("%1", str(k)).replace("%2", layer)
    if kind == "z":
        return _tr("Forward pass, neuron %1 of layer %2: the weighted sum z of its inputs plus the bias."
                   ).replace("%1", str(k)).replace("%2", layer)
    if kind == "softmax":
        return _tr("Softmax turns the sums z of the output layer into probabilities that add up to 1.")
    if kind == "layer":
        return _tr("The other neurons of layer %1 are computed in the same way.").replace("%1", layer)
    if kind == "cost":
        return _tr("The cost function measures how far the output a is from the target t.")
    if kind == "dC_da" and step.layer == n_layers:
        return _tr("Backpropagation starts at the output: how fast the cost changes when the output a changes.")
    if kind == "dC_da":
        return _tr("Neuron %1 of hidden layer %2 influences the cost through every neuron it feeds: "
                   "add up δ·w over them.").replace("%1", str(k)).replace("%2", layer)
    if kind == "sigma_prime":
        return _tr("The derivative of the activation function at z: how much a changes when z changes.")
    if kind == "grad_w" and cross_entropy and step.layer == n_layers - 1:
        return _tr("The gradient for this weight: δ times the input a that the weight multiplies.")
    if kind == "grad_w":
        return _tr("The gradient for this weight, by the chain rule: ∂C/∂a · σ′(z) · the input a "
                   "that the weight multiplies.")
    if kind == "new_w":
        return _tr("Gradient descent: move the weight against its gradient, scaled by the learning rate η.")
    if kind == "grad_b":
        return _tr("The gradient for the bias: like a weight whose input is always 1.")
    if kind == "new_b":
        return _tr("The new bias, by the same rule: b − η·∂C/∂b.")
    if kind == "delta":
        return _tr("δ = ∂C/∂z of this neuron: the error signal that is passed back to the layer below.")
    if kind == "output_delta":
        return _tr("With the cross-entropy cost σ′ cancels out, so the output's error signal is simply "
                   "δ = a − t.")
    if kind == "deltas":
        return _tr("δ of every neuron of layer %1, computed in the same way.").replace("%1", layer)
    if kind == "update":
        return _tr("Every weight and bias takes its new value (%1 weights, %2 biases): the network has "
                   "learned from this sample.").replace("%1", str(counts[0])).replace("%2", str(counts[1]))
    return ""
