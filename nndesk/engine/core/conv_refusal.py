"""Why a convolution edit can't be made: one line a student can read, in a form the window can translate.

``Refusal`` is a ``ValueError`` whose text is ``TEXTS[reason]`` filled with
``values``.  The engine never imports Qt, so the window translates by
``reason`` (its own copy of each text through ``tr``; a test keeps both
copies equal) and fills in the same values.  Numbers are pre-formatted
(thousands with thin spaces), so a translation needs no format specs.
"""

from __future__ import annotations

MAX_FILTERS = 256  # per convolution: more is slow to train on two cores and unreadable as a stack of maps
MAX_KERNEL = 9  # k of a k×k kernel (any 1…9: even kernels are legal, padding is one-sided when "same")
MAX_POOL = 8
MAX_FEATURE_LAYERS = 16  # convolutions and poolings together (as ``runs/layer_spec``)
MAX_VALUES = 200_000  # numbers in one image's feature maps after any layer (the flattened vector included)
MAX_PATCH_VALUES = 4_000_000  # numbers a convolution copies out of one image's windows (16 MB in float32)
MAX_DENSE_WEIGHTS = 10_000_000  # the first dense layer's weights (40 MB, and as much again for momentum)

TEXTS: dict[str, str] = {
    "not_image": "Convolutions need an image input; these {n} inputs are not an image.",
    "kernel_size": "A kernel is 1×1 to {max}×{max}; {k}×{k} is not possible.",
    "filters": "A convolution has 1 to {max} filters; {filters} is not possible.",
    "pool_size": "Pooling blocks are 2×2 to {max}×{max}; {p}×{p} is not possible.",
    "kernel_too_big": "Layer {L}'s {k}×{k} kernels would be bigger than the {h}×{w} maps they slide over.",
    "pool_too_big": "Layer {L}'s {p}×{p} pooling needs maps of at least {p}×{p}; it would get {h}×{w}.",
    "too_many_values": "Layer {L}'s maps would hold {n} numbers per image, more than {max}: "
                       "use fewer filters or pool first.",
    "too_much_copying": "Layer {L}'s {k}×{k} kernels over {c} maps would copy {n} numbers per image, more than "
                        "{max}: use fewer filters before it or a smaller kernel.",
    "dense_too_big": "The first dense layer would have {n} weights ({inputs} numbers from the maps × {neurons} "
                     "neurons), more than {max}: pool first, or use fewer filters.",
    "too_many_layers": "A network has at most {max} convolutions and poolings.",
    "no_layer": "There is no convolution or pooling at layer {L}.",
    "not_conv": "Layer {L} is a pooling: it has no kernels or filters to change.",
    "not_pool": "Layer {L} is a convolution: it has no pooling block size to change.",
    "bad_position": "A new layer can go at layers 1 to {max}, not {L}.",
}


def grouped(n: int) -> str:
    """12 345 678: thousands apart by a thin space, read the same in English and Russian."""
    return f"{n:,}".replace(",", "\u2009")


class Refusal(ValueError):
    """An edit that can't be made: ``str(e)`` is the one line; ``reason`` and ``values`` let a UI translate it."""

    def __init__(self, reason: str, **values: object) -> None:
        self.reason = reason
        self.values = {key: grouped(v) if isinstance(v, int) and not isinstance(v, bool) else v
                       for key, v in values.items()}
        super().__init__(TEXTS[reason].format(**self.values))
