"""A refused convolution edit in the UI's language: ``conv_refusal.Refusal`` said through the catalogue.

The engine writes each refusal in English from ``conv_refusal.TEXTS`` and
names it (``reason``); here the same texts go through ``translate`` (lupdate
needs them written out), then get the refusal's values.  A test keeps these
English texts equal to the engine's, so they cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable

from nndesk.engine.core.conv_refusal import Refusal
from nndesk.language import QT_TRANSLATE_NOOP, translate

CONTEXT = "ConvRefusal"

TEXTS: dict[str, str] = {
    "not_image": QT_TRANSLATE_NOOP("ConvRefusal", "Convolutions need an image input; these {n} inputs are not "
                                                   "an image."),
    "kernel_size": QT_TRANSLATE_NOOP("ConvRefusal", "A kernel is 1×1 to {max}×{max}; {k}×{k} is not possible."),
    "filters": QT_TRANSLATE_NOOP("ConvRefusal", "A convolution has 1 to {max} filters; {filters} is not possible."),
    "pool_size": QT_TRANSLATE_NOOP("ConvRefusal", "Pooling blocks are 2×2 to {max}×{max}; {p}×{p} is not possible."),
    "kernel_too_big": QT_TRANSLATE_NOOP("ConvRefusal", "Layer {L}'s {k}×{k} kernels would be bigger than the {h}×{w} "
                                                        "maps they slide over."),
    "pool_too_big": QT_TRANSLATE_NOOP("ConvRefusal", "Layer {L}'s {p}×{p} pooling needs maps of at least {p}×{p}; "
                                                      "it would get {h}×{w}."),
    "too_many_values": QT_TRANSLATE_NOOP("ConvRefusal", "Layer {L}'s maps would hold {n} numbers per image, more "
                                                         "than {max}: use fewer filters or pool first."),
    "too_much_copying": QT_TRANSLATE_NOOP("ConvRefusal", "Layer {L}'s {k}×{k} kernels over {c} maps would copy {n} "
                                                          "numbers per image, more than {max}: use fewer filters "
                                                          "before it or a smaller kernel."),
    "dense_too_big": QT_TRANSLATE_NOOP("ConvRefusal", "The first dense layer would have {n} weights ({inputs} numbers "
                                                       "from the maps × {neurons} neurons), more than {max}: pool "
                                                       "first, or use fewer filters."),
    "too_many_layers": QT_TRANSLATE_NOOP("ConvRefusal", "A network has at most {max} convolutions and poolings."),
    "no_layer": QT_TRANSLATE_NOOP("ConvRefusal", "There is no convolution or pooling at layer {L}."),
    "not_conv": QT_TRANSLATE_NOOP("ConvRefusal", "Layer {L} is a pooling: it has no kernels or filters to change."),
    "not_pool": QT_TRANSLATE_NOOP("ConvRefusal", "Layer {L} is a convolution: it has no pooling block size to "
                                                  "change."),
    "bad_position": QT_TRANSLATE_NOOP("ConvRefusal", "A new layer can go at layers 1 to {max}, not {L}."),
}


def refusal_text(refusal: Refusal, layer: Callable[[int], str] = str) -> str:
    """The refusal's one line in the UI's language (the English one if a translation breaks its fields).

    ``layer`` names a layer as the view does (the canvas: 3 → a⁽³⁾).
    """
    template = TEXTS.get(refusal.reason)
    if template is None:
        return str(refusal)
    values = dict(refusal.values)
    if "L" in values:
        values["L"] = layer(int(str(values["L"]).replace("\u2009", "")))
    try:
        return translate(CONTEXT, template).format(**values)
    except (KeyError, IndexError, ValueError):
        return str(refusal)
