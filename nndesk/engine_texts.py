"""Messages nndesk shows but writes in plain English, said again in the language nndesk speaks.

The engine never imports Qt and writes in English, one line each: errors
(``DataError``/``ModelError`` read "<file>: <problem>"), range checks and
the data sets' descriptions, with numbers and names in them; Python adds
its own (OSError, argparse).  Their wording is stable and tested, so rather
than thread message ids through every ``raise``, this catalogue lists the
common ones as templates in their own words, with %1, %2… where a value
goes.  A message that fits a template is said again with the template's
translation (context "EngineText"); values that are numbers or shapes are
written the language's way ("47 040 000", "1,5"), and a value that is
itself a known phrase ("a folder", "Permission denied") is translated too.
A message that fits none stays as it is; the window keeps the exact English
behind "Show Details…" either way.  tests/test_engine_texts.py and
tests/test_cli_i18n.py make each template's message happen for real, so a
change of wording shows up there.  Used by the window's dialogs and the CLI.
"""

from __future__ import annotations

import functools
import re

from nndesk.language import QT_TRANSLATE_NOOP, localized, translate

CONTEXT = "EngineText"

# "<file>: <problem>", problems in the engine's words (engine/data/readers.py, npy_guard.py, datasets.py,
# engine/runs/model_io.py, model_check.py, recipe.py).
PROBLEMS = (
    QT_TRANSLATE_NOOP("EngineText", "is not an .npz archive (a zip of .npy arrays)"),
    QT_TRANSLATE_NOOP("EngineText", "is a damaged .npz archive (%1)"),
    QT_TRANSLATE_NOOP("EngineText", "is a damaged gzip file (%1)"),
    QT_TRANSLATE_NOOP("EngineText", "is too short for an IDX file (%1 bytes)"),
    QT_TRANSLATE_NOOP("EngineText", "is not an IDX file (an IDX file starts with two zero bytes)"),
    QT_TRANSLATE_NOOP("EngineText", "is truncated inside its %1-byte IDX header"),
    QT_TRANSLATE_NOOP("EngineText", "is truncated: its header declares %1 = %2 data bytes but only %3 follow"),
    QT_TRANSLATE_NOOP("EngineText", "has more data than the %1 = %2 bytes its header declares"),
    QT_TRANSLATE_NOOP("EngineText", "is truncated: %1 is missing data"),
    QT_TRANSLATE_NOOP("EngineText", "holds an array of %1; MNIST images are n×28×28"),
    QT_TRANSLATE_NOOP("EngineText", "holds an array of %1; MNIST labels are a list of n digits"),
    QT_TRANSLATE_NOOP("EngineText", "has %1 labels for the %2 images in %3"),
    QT_TRANSLATE_NOOP("EngineText", "label %1 at index %2 is not a digit 0..9"),
    QT_TRANSLATE_NOOP("EngineText", "has %1 but no %2 to go with it"),
    QT_TRANSLATE_NOOP("EngineText", "holds no MNIST files (train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                                     "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, raw or .gz)"),
    QT_TRANSLATE_NOOP("EngineText", "holds only test digits (t10k files); training needs the train files"),
    QT_TRANSLATE_NOOP("EngineText", "%1 holds %2×%3 images; nndesk's digit networks take 28×28 (MNIST's size), "
                                     "so resize them first"),
    QT_TRANSLATE_NOOP("EngineText", "%1 has shape %2; expected (n, 28, 28) or (n, 784)"),
    QT_TRANSLATE_NOOP("EngineText", "%1 holds no images"),
    QT_TRANSLATE_NOOP("EngineText", "%1 has shape %2 for %3 images in %4; expected one label each, %5"),
    QT_TRANSLATE_NOOP("EngineText", "%1 has a NaN or infinite pixel in image %2"),
    QT_TRANSLATE_NOOP("EngineText", "%1 pixel values span %2..%3; expected 0..255 (or 0..1 for floats)"),
    QT_TRANSLATE_NOOP("EngineText", "%1[%2] = %3 is not a whole-number digit label 0..9"),
    QT_TRANSLATE_NOOP("EngineText", "%1[%2] = %3 is not a digit label 0..9"),
    QT_TRANSLATE_NOOP("EngineText", "holds %1; expected x_train, y_train, x_test, y_test (as in Keras' mnist.npz) "
                                     "or x, y"),
    QT_TRANSLATE_NOOP("EngineText", "has the array %1 but no %2"),
    QT_TRANSLATE_NOOP("EngineText", "holds an unexpected array %1 (nndesk reads %2)"),
    QT_TRANSLATE_NOOP("EngineText", "stores %1 as Python objects, which would need unpickling; nndesk reads "
                                     "only plain number arrays"),
    QT_TRANSLATE_NOOP("EngineText", "stores %1 as %2 values; expected numbers (%3)"),
    QT_TRANSLATE_NOOP("EngineText", "holds %1 MB of arrays in all, more than nndesk reads (%2 MB: half of the %3 MB "
                                     "free now)"),
    QT_TRANSLATE_NOOP("EngineText", "holds %1 MB of arrays in all, more than nndesk reads (%2 MB)"),
    QT_TRANSLATE_NOOP("EngineText", "cannot open it: %1"),
    QT_TRANSLATE_NOOP("EngineText", "cannot open it: it is %1, not a regular file"),
    QT_TRANSLATE_NOOP("EngineText", "is neither a data set name nor an existing file or folder; choose one of %1, "
                                     "or give an .npz file or a folder of MNIST IDX files"),
    QT_TRANSLATE_NOOP("EngineText", "no drawings saved yet (%1 is missing or empty); draw digits in the window's "
                                     "Draw dock and press Add to my digits"),
    QT_TRANSLATE_NOOP("EngineText", "is not an nndesk model file (not an .npz archive)"),
    QT_TRANSLATE_NOOP("EngineText", "is not an nndesk model file (an .npz archive without nndesk's metadata)"),
    QT_TRANSLATE_NOOP("EngineText", "is not an nndesk model file (its metadata is another program's)"),
    QT_TRANSLATE_NOOP("EngineText", "was saved by a newer nndesk (%1, model format %2; this nndesk %3 reads up to "
                                     "%4); update nndesk"),
    QT_TRANSLATE_NOOP("EngineText", "is missing the array %1"),
    QT_TRANSLATE_NOOP("EngineText", "has %1 of shape %2 (%3); the layer sizes need %4 %5"),
    QT_TRANSLATE_NOOP("EngineText", "has NaN or infinite values in %1"),
    QT_TRANSLATE_NOOP("EngineText", "has metadata that is not valid JSON (%1)"),
    # A convolutional network's model file (engine/runs/conv_model.py).
    QT_TRANSLATE_NOOP("EngineText", "describes convolutions in a format older than they are (version < 2)"),
    QT_TRANSLATE_NOOP("EngineText", "has an invalid input shape %1 for its convolutions"),
    QT_TRANSLATE_NOOP("EngineText", "has an invalid list of convolution layers %1"),
    QT_TRANSLATE_NOOP("EngineText", "has convolution layers that can't be built: %1"),
    QT_TRANSLATE_NOOP("EngineText", "has convolution activations %1 that don't match its layers"),
    QT_TRANSLATE_NOOP("EngineText", "uses an unknown activation %1 in a convolution"),
    # A CSV table (engine/data/csv_table.py).
    QT_TRANSLATE_NOOP("EngineText", "is empty; a CSV table has rows of numbers, the class label last (x1,x2,…,label)"),
    QT_TRANSLATE_NOOP("EngineText", "is a binary file, not a CSV text table (rows like 0.5,1.2,0)"),
    QT_TRANSLATE_NOOP("EngineText", "line %1 has %2 values but the first row has %3; every row needs the same "
                                     "columns, the class label last"),
    QT_TRANSLATE_NOOP("EngineText", "line %1 has %2 values but the header has %3; every row needs the same "
                                     "columns, the class label last"),
    QT_TRANSLATE_NOOP("EngineText", "line %1, column %2: %3 is not a number"),
    QT_TRANSLATE_NOOP("EngineText", "line %1, column %2: %3 is not a finite number (NaN and infinity can't be "
                                     "learned from)"),
    QT_TRANSLATE_NOOP("EngineText", "has only the class %1 in its label column (the last); a classifier needs at "
                                     "least two classes"),
)
# Whole messages: Python's OSError ("[Errno 2] No such file or directory: '/x.npz'"), the range checks of a
# recipe (engine/core/control.py, engine/runs/recipe.py), divergence (engine/core/training.py), and what
# engine/data/datasets.py says a data set is.
WHOLE = (
    QT_TRANSLATE_NOOP("EngineText", "[Errno %1] %2: %3"),
    QT_TRANSLATE_NOOP("EngineText", "[Errno %1] %2"),
    QT_TRANSLATE_NOOP("EngineText", "learning rate must be positive, got %1"),
    QT_TRANSLATE_NOOP("EngineText", "momentum must be in [0, 1), got %1"),
    QT_TRANSLATE_NOOP("EngineText", "L2 must be ≥ 0, got %1"),
    QT_TRANSLATE_NOOP("EngineText", "batch size and epochs must be ≥ 1"),
    QT_TRANSLATE_NOOP("EngineText", "epochs must be a whole number from 1 to %1, got %2"),
    QT_TRANSLATE_NOOP("EngineText", "the batch size must be a whole number from 1 to %1, got %2"),
    QT_TRANSLATE_NOOP("EngineText", "L2 (λ) must be from 0 to %1, got %2"),
    QT_TRANSLATE_NOOP("EngineText", "hidden layers must be at most %1 sizes of 1..%2 neurons, got %3"),
    QT_TRANSLATE_NOOP("EngineText", "the tolerance must be a number ≥ 0, got %1"),
    QT_TRANSLATE_NOOP("EngineText", "training diverged in epoch %1 (first in layer %2): the cost became infinite or "
                                    "NaN with learning rate %3; weights were restored to the start of the epoch; try "
                                    "a smaller learning rate such as %4"),
    # A saturated or collapsed run (engine/core/saturation.py): each way the message can be put together.
    QT_TRANSLATE_NOOP("EngineText", "training diverged in epoch %1: the network saturated with learning rate %2 — its "
                                    "cost rose from %3 at the start to %4, though no number became infinite; weights "
                                    "were restored to the start of the epoch; try a smaller learning rate such as %5"),
    QT_TRANSLATE_NOOP("EngineText", "training diverged in epoch %1: the network saturated with learning rate %2 — %3 "
                                    "of its outputs are pinned at their limits, where σ′ = 0 and nothing learns, and "
                                    "its cost %4 is no better than always guessing the average answer (%5); weights "
                                    "were restored to the start of the epoch; try a smaller learning rate such as %6"),
    QT_TRANSLATE_NOOP("EngineText", "training diverged in epoch %1: the network collapsed to chance level with "
                                    "learning rate %2 — it gives the same answer for every input (accuracy %3, what "
                                    "always guessing one class gets: %4): its neurons stopped responding to the "
                                    "input; weights were restored to the start of the epoch; try a smaller learning "
                                    "rate such as %5"),
    QT_TRANSLATE_NOOP("EngineText", "training diverged in epoch %1: the network collapsed to chance level with "
                                    "learning rate %2 — it gives the same answer for every input (accuracy %3, what "
                                    "always guessing one class gets: %4): its neurons stopped responding to the "
                                    "input; no step revives such a network: start again from fresh weights with a "
                                    "smaller learning rate such as %5"),
    QT_TRANSLATE_NOOP("EngineText", "training diverged in epoch %1: the network collapsed to chance level with "
                                    "learning rate %2 — its accuracy fell from %3 at the start to %4, what always "
                                    "guessing one class gets (%5); weights were restored to the start of the epoch; "
                                    "try a smaller learning rate such as %6"),
    QT_TRANSLATE_NOOP("EngineText", "training diverged in epoch %1: the network collapsed to chance level with "
                                    "learning rate %2 — its accuracy fell from %3 at the start to %4, what always "
                                    "guessing one class gets (%5); no step revives such a network: start again from "
                                    "fresh weights with a smaller learning rate such as %6"),
    QT_TRANSLATE_NOOP("EngineText", "%1 MNIST digits bundled with nndesk (500 per class, from the MNIST training "
                                    "set)"),
    QT_TRANSLATE_NOOP("EngineText", "%1 (%2 points, noise %3, seed %4)"),
    QT_TRANSLATE_NOOP("EngineText", "the lecture's single sample: inputs [1, 1, 0], target 0"),
    QT_TRANSLATE_NOOP("EngineText", "MNIST IDX files %1: %2 train, %3 test digits"),
    QT_TRANSLATE_NOOP("EngineText", "MNIST IDX files %1: %2 train digits"),
    QT_TRANSLATE_NOOP("EngineText", "MNIST IDX files %1: %2 test digits"),
    QT_TRANSLATE_NOOP("EngineText", ".npz archive %1: %2 train, %3 test digits"),
    QT_TRANSLATE_NOOP("EngineText", ".npz archive %1: %2 train digits"),
)
# argparse's own errors (Python 3.11–3.13 wording), for the command line.
ARGPARSE = (
    QT_TRANSLATE_NOOP("EngineText", "the following arguments are required: %1"),
    QT_TRANSLATE_NOOP("EngineText", "argument %1: invalid choice: %2 (choose from %3)"),
    QT_TRANSLATE_NOOP("EngineText", "argument %1: invalid %2 value: %3"),
    QT_TRANSLATE_NOOP("EngineText", "argument %1: expected one argument"),
    QT_TRANSLATE_NOOP("EngineText", "unrecognized arguments: %1"),
    QT_TRANSLATE_NOOP("EngineText", "argument %1: %2"),
)
# Values that are phrases of their own: what a path turned out to be, the C library's error texts.
PHRASES = (
    QT_TRANSLATE_NOOP("EngineText", "a folder"),
    QT_TRANSLATE_NOOP("EngineText", "a named pipe (FIFO)"),
    QT_TRANSLATE_NOOP("EngineText", "a socket"),
    QT_TRANSLATE_NOOP("EngineText", "a character device"),
    QT_TRANSLATE_NOOP("EngineText", "a block device"),
    QT_TRANSLATE_NOOP("EngineText", "No such file or directory"),
    QT_TRANSLATE_NOOP("EngineText", "Permission denied"),
    QT_TRANSLATE_NOOP("EngineText", "Is a directory"),
    QT_TRANSLATE_NOOP("EngineText", "Not a directory"),
    QT_TRANSLATE_NOOP("EngineText", "No space left on device"),
    QT_TRANSLATE_NOOP("EngineText", "Read-only file system"),
    QT_TRANSLATE_NOOP("EngineText", "File name too long"),
    QT_TRANSLATE_NOOP("EngineText", "Disk quota exceeded"),
    QT_TRANSLATE_NOOP("EngineText", "XOR: class 1 where x₁·x₂ < 0; no straight line separates it, one hidden layer "
                                    "does"),
    QT_TRANSLATE_NOOP("EngineText", "a disc inside a ring: needs a curved boundary"),
    QT_TRANSLATE_NOOP("EngineText", "two interleaved spiral arms: hard, needs a wide or deep network"),
    QT_TRANSLATE_NOOP("EngineText", "two Gaussian blobs: separable by one straight line"),
)
_PLACEHOLDER = re.compile(r"%(\d)")
_NUMBERS = re.compile(r"-?\d[\d,]*(\.\d+)?(e[+-]?\d+)?(×-?\d[\d,]*)*")  # "47,040,000", "1.5", "60,000×28×28"


@functools.cache
def _pattern(template: str, after_file: bool) -> re.Pattern[str]:
    """The template as a regular expression: %n is any text (the same text where %n comes back)."""
    parts, seen = [], set()
    for i, piece in enumerate(_PLACEHOLDER.split(template)):
        if i % 2 == 0:
            parts.append(re.escape(piece))
        else:
            parts.append(f"(?P=v{piece})" if piece in seen else f"(?P<v{piece}>.+?)")
            seen.add(piece)
    return re.compile(("(?P<file>.*): " if after_file else "") + "".join(parts), re.S)


def _known(template: str) -> int:
    """How much of the template is fixed text: the most specific template wins."""
    return len(_PLACEHOLDER.sub("", template))


def phrase(text: str) -> str:
    """``text`` in the language spoken now, if it is one of the PHRASES; else as it is."""
    return translate(CONTEXT, text) if text in PHRASES else text


def _value(text: str) -> str:
    """A value put back into a translated template: numbers written the language's way, phrases translated."""
    return localized(text) if _NUMBERS.fullmatch(text) else phrase(text)


def _match(message: str) -> tuple[str, re.Match[str]] | None:
    """The most specific template the message fits, and how."""
    found = [(_known(t), t, m) for t in WHOLE + ARGPARSE if (m := _pattern(t, False).fullmatch(message))]
    found += [(_known(t), t, m) for t in PROBLEMS if (m := _pattern(t, True).fullmatch(message))]
    return max(found, key=lambda f: f[0])[1:] if found else None


def template_of(message: str) -> str | None:
    """The catalogue's template for ``message``, or None if the catalogue does not know its wording."""
    found = _match(message.strip())
    return found[0] if found else None


def in_language(message: str) -> str:
    """An engine error message in the language spoken now, as far as the catalogue knows its wording."""
    message = message.strip()
    found = _match(message)
    if found is None:
        return message
    template, match = found
    said = translate(CONTEXT, template)
    if said == template:  # English, or a catalogue without this template
        return message
    values = {k[1:]: v for k, v in match.groupdict().items() if k.startswith("v")}
    said = _PLACEHOLDER.sub(lambda p: _value(values.get(p[1], p[0])), said)
    return f"{match['file']}: {said}" if "file" in match.groupdict() else said
