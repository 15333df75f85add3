"""What each step of a convolution pixel's walk means, in words a student can follow.

``conv_render`` typesets the numbers; the sentences live here, marked with
``QT_TRANSLATE_NOOP`` (context "ConvSteps") so lupdate collects them, and
translated when shown.  Placeholders: %L the layer of the pixel, %P the layer
below (its window's), %N the layer after, %f the map, %y/%x the pixel, %k the
kernel size, %C the input channels, %c the channel shown, %p the pooling size,
%n/%m pixels with δ ≠ 0 / pixels of the map, %r/%s the window's rows/columns.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from nndesk.engine.explain.conv_walk import ConvPixelWalk

_C = "ConvSteps"
TEXTS = {
    "field": QT_TRANSLATE_NOOP(
        "ConvSteps", "Forward pass, pixel (%y, %x) of map %f in layer %L. This pixel is a neuron that sees only a "
                     "%k×%k window of layer %P (rows %r, columns %s). Each input a under the window is multiplied "
                     "by the kernel weight w over it (each cell: a·w = the product); the products and the bias b "
                     "add up to z."),
    "channels": QT_TRANSLATE_NOOP(
        "ConvSteps", "The window goes through all %C channels of layer %P; the grid shows channel %c (choose "
                     "another above it). The sums of every channel and the bias make z."),
    "padding": QT_TRANSLATE_NOOP(
        "ConvSteps", "Grey cells lie outside the image: “same” padding puts zeros there, so they add nothing."),
    "activation": QT_TRANSLATE_NOOP(
        "ConvSteps", "The activation function turns z into the pixel's value a, as for any neuron."),
    "pool": QT_TRANSLATE_NOOP(
        "ConvSteps", "The %p×%p max pooling keeps only the largest value of each block. This pixel's block "
                     "(the winner in colour, this pixel in bold) becomes one pixel of layer %N."),
    "won": QT_TRANSLATE_NOOP("ConvSteps", "This pixel won its block: its value goes on to layer %N."),
    "lost": QT_TRANSLATE_NOOP(
        "ConvSteps", "This pixel did not win: its value is dropped, and a small change of it does not change "
                     "the cost at all."),
    "dropped": QT_TRANSLATE_NOOP(
        "ConvSteps", "The pooling drops an odd last row or column of the map, and this pixel is in it: nothing "
                     "after this layer reads it."),
    "dC_da_pool": QT_TRANSLATE_NOOP(
        "ConvSteps", "Backpropagation through the pooling: the pooled pixel's ∂C/∂a (from the layers above, "
                     "computed like the dense step-through's) goes to the winner only; the other pixels of the "
                     "block get 0."),
    "dC_da_dropped": QT_TRANSLATE_NOOP(
        "ConvSteps", "Nothing after this layer reads the pixel, so the cost does not depend on it: ∂C/∂a = 0."),
    "dC_da_conv": QT_TRANSLATE_NOOP(
        "ConvSteps", "This pixel feeds every window of the next convolution that covers it: its ∂C/∂a adds up "
                     "δ·w over those windows."),
    "dC_da_dense": QT_TRANSLATE_NOOP(
        "ConvSteps", "The maps are flattened into the input of the dense layers: this pixel's ∂C/∂a adds up δ·w "
                     "over every neuron of the first dense layer, as in the dense step-through."),
    "delta": QT_TRANSLATE_NOOP(
        "ConvSteps", "δ = ∂C/∂z of this pixel: ∂C/∂a times the derivative of the activation function at z."),
    "grad": QT_TRANSLATE_NOOP(
        "ConvSteps", "This pixel's share of the kernel's gradient: each weight's is δ times the input a under it "
                     "(each cell: δ·a); the bias's input is 1, so its share is δ."),
    "zero": QT_TRANSLATE_NOOP(
        "ConvSteps", "δ is 0 here, so this pixel adds nothing to the kernel's gradient for this sample."),
    "back": QT_TRANSLATE_NOOP(
        "ConvSteps", "δ also flows back through the kernel to layer %P: each input under the window gets δ·w "
                     "(each cell). Layer %P adds up what every window covering a pixel sends: that pixel's ∂C/∂a, "
                     "and backpropagation goes on from there."),
    "back_input": QT_TRANSLATE_NOOP(
        "ConvSteps", "δ also flows back through the kernel to the input image: each pixel under the window gets "
                     "δ·w (each cell). The image has no weights, so backpropagation ends here; these numbers only "
                     "say which input pixels would change the cost."),
    "kernel": QT_TRANSLATE_NOOP(
        "ConvSteps", "The kernel is shared by all %m pixels of map %f, so its gradient for this sample is the sum of "
                     "every pixel's share (%n of them have δ ≠ 0). Gradient descent moves each weight against it: "
                     "w − η·∂C/∂w (each cell: the new weight)."),
    "applied": QT_TRANSLATE_NOOP(
        "ConvSteps", "Every kernel and weight of the network takes its new value in the same way: the network has "
                     "learned from this sample (Ctrl+Z or “Back” undoes it)."),
    "start": QT_TRANSLATE_NOOP(
        "ConvSteps", "Press “Next step” (or →) to start: first the pixel's window, number by number."),
    "pixel": QT_TRANSLATE_NOOP(
        "ConvSteps", "Following pixel (%y, %x) of map %f in layer %L (a %k×%k convolution). Click a pixel of a "
                     "feature map on the network to follow another one."),
    "no_sample": QT_TRANSLATE_NOOP(
        "ConvSteps", "No sample: draw a digit and press “Step through backpropagation”, or pick a sample."),
    "channel": QT_TRANSLATE_NOOP("ConvSteps", "Input channel shown:"),
}


def text(key: str, walk: ConvPixelWalk | None = None, channel: int = 0) -> str:
    """The sentence ``key`` in the UI's language, with the walk's numbers put in."""
    out = QCoreApplication.translate(_C, TEXTS[key])
    if walk is None:
        return out
    oh, ow = walk.delta_map.shape
    for mark, value in (("%L", walk.L), ("%P", walk.L - 1), ("%N", walk.L + 1), ("%f", walk.f), ("%y", walk.y),
                        ("%x", walk.x), ("%k", walk.k), ("%C", walk.channels), ("%c", channel),
                        ("%p", walk.pool.size if walk.pool is not None else 0),
                        ("%n", int(np.count_nonzero(walk.delta_map))), ("%m", oh * ow),
                        ("%r", f"{walk.origin[0]}–{walk.origin[0] + walk.k - 1}"),
                        ("%s", f"{walk.origin[1]}–{walk.origin[1] + walk.k - 1}")):
        out = out.replace(mark, str(value))
    return out
