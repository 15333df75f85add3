"""What each kind of backpropagation step means, in words a student can follow.

The engine's ``Step.kind`` says what a step computes; this file says it in
the UI's language, with the lecture's terms (функция стоимости ошибки,
обратное распространение ошибки, шаг обучения, коэффициент смещения…).
The sentences are marked with ``QT_TRANSLATE_NOOP`` (context "StepTexts")
so lupdate collects them, and translated when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from nndesk.engine.explain.stepthrough import Step

_C = "StepTexts"
PHASES = {
    "forward": QT_TRANSLATE_NOOP("StepTexts", "Forward pass"),
    "cost": QT_TRANSLATE_NOOP("StepTexts", "Cost function"),
    "backward": QT_TRANSLATE_NOOP("StepTexts", "Backpropagation"),
    "update": QT_TRANSLATE_NOOP("StepTexts", "Updating the weights"),
}
TEXTS = {
    "forward": QT_TRANSLATE_NOOP("StepTexts", "Forward pass, neuron %1 of layer %2: multiply each input by its "
                                              "weight, add the bias and apply the activation function."),
    "z": QT_TRANSLATE_NOOP("StepTexts", "Forward pass, neuron %1 of layer %2: the weighted sum z of its inputs "
                                        "plus the bias."),
    "softmax": QT_TRANSLATE_NOOP("StepTexts", "Softmax turns the sums z of the output layer into probabilities "
                                              "that add up to 1."),
    "layer": QT_TRANSLATE_NOOP("StepTexts", "The other neurons of layer %2 are computed in the same way."),
    "cost": QT_TRANSLATE_NOOP("StepTexts", "The cost function measures how far the output a is from the target t."),
    "dC_da_out": QT_TRANSLATE_NOOP("StepTexts", "Backpropagation starts at the output: how fast the cost changes "
                                                "when the output a changes."),
    "dC_da": QT_TRANSLATE_NOOP("StepTexts", "Neuron %1 of hidden layer %2 influences the cost through every neuron "
                                            "it feeds: add up δ·w over them."),
    "sigma_prime": QT_TRANSLATE_NOOP("StepTexts", "The derivative of the activation function at z: how much a "
                                                  "changes when z changes."),
    "grad_w": QT_TRANSLATE_NOOP("StepTexts", "The gradient for this weight, by the chain rule: ∂C/∂a · σ′(z) · the "
                                             "input a that the weight multiplies."),
    "grad_w_ce": QT_TRANSLATE_NOOP("StepTexts", "The gradient for this weight: δ times the input a that the weight "
                                                "multiplies."),
    "new_w": QT_TRANSLATE_NOOP("StepTexts", "Gradient descent: move the weight against its gradient, scaled by the "
                                            "learning rate η."),
    "grad_b": QT_TRANSLATE_NOOP("StepTexts", "The gradient for the bias: like a weight whose input is always 1."),
    "new_b": QT_TRANSLATE_NOOP("StepTexts", "The new bias, by the same rule: b − η·∂C/∂b."),
    "delta": QT_TRANSLATE_NOOP("StepTexts", "δ = ∂C/∂z of this neuron: the error signal that is passed back to the "
                                            "layer below."),
    "output_delta": QT_TRANSLATE_NOOP("StepTexts", "With the cross-entropy cost σ′ cancels out, so the output's "
                                                   "error signal is simply δ = a − t."),
    "deltas": QT_TRANSLATE_NOOP("StepTexts", "δ of every neuron of layer %2, computed in the same way."),
    "update": QT_TRANSLATE_NOOP("StepTexts", "Every weight and bias takes its new value (%3 weights, %4 biases): "
                                             "the network has learned from this sample."),
}


def phase_title(kind: str) -> str:
    """The heading of the part of the algorithm a step belongs to."""
    phase = ("forward" if kind in ("forward", "z", "softmax", "layer")
             else kind if kind in ("cost", "update") else "backward")
    return QCoreApplication.translate(_C, PHASES[phase])


def explain(step: Step, n_layers: int, cross_entropy: bool, counts: tuple[int, int] = (0, 0)) -> str:
    """One sentence on what ``step`` does and why; ``n_layers`` is the output layer's index."""
    key = step.kind
    if key == "dC_da" and step.layer == n_layers:
        key = "dC_da_out"
    elif key == "grad_w" and cross_entropy and step.layer == n_layers - 1:
        key = "grad_w_ce"
    if key not in TEXTS:
        return ""
    k = step.index if isinstance(step.index, int) else ""
    text = QCoreApplication.translate(_C, TEXTS[key])
    for mark, value in (("%1", k), ("%2", step.layer), ("%3", counts[0]), ("%4", counts[1])):
        text = text.replace(mark, str(value))
    return text
