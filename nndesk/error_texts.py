"""The engine's common error messages in the language nndesk speaks, for the window's dialogs and the CLI.

The engine never imports Qt and writes its errors in English, one line each:
``DataError``/``ModelError`` read "<file>: <problem>", with numbers and names
in the problem.  Their wording is stable and tested, so rather than thread
message ids through every ``raise``, this catalogue lists the common
problems as templates in the engine's own words, with %1, %2… where the
engine puts a value.  A message that fits a template is said again with
the template's translation (context "EngineError"); values that are numbers
or shapes are written the language's way ("47 040 000", "1,5"), and a value
that is itself a known phrase ("a folder", "Permission denied") is
translated too.  A message that fits none stays as it is, and the window
keeps the engine's exact English behind "Show Details…" either way.
tests/test_error_texts.py makes each common problem happen for real, so a
change of wording in the engine shows up there.
"""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP

from nndesk.language import localized, translate

CONTEXT = "EngineError"

# "<file>: <problem>", problems in the engine's words (engine/data/readers.py, npy_guard.py, datasets.py,
# engine/runs/model_io.py, model_check.py, recipe.py).
PROBLEMS = (
    QT_TRANSLATE_NOOP("EngineError", "is not an .npz archive (a zip of .npy arrays)"),
    QT_TRANSLATE_NOOP("EngineError", "is a damaged .npz archive (%1)"),
    QT_TRANSLATE_NOOP("EngineError", "is a damaged gzip file (%1)"),
    QT_TRANSLATE_NOOP("EngineError", "is too short for an IDX file (%1 bytes)"),
    QT_TRANSLATE_NOOP("EngineError", "is not an IDX file (an IDX file starts with two zero bytes)"),
    QT_TRANSLATE_NOOP("EngineError", "is truncated inside its %1-byte IDX header"),
    QT_TRANSLATE_NOOP("EngineError", "is truncated: its header declares %1 = %2 data bytes but only %3 follow"),
    QT_TRANSLATE_NOOP("EngineError", "has more data than the %1 = %2 bytes its header declares"),
    QT_TRANSLATE_NOOP("EngineError", "is truncated: %1 is missing data"),
    QT_TRANSLATE_NOOP("EngineError", "holds an array of %1; MNIST images are n×28×28"),
    QT_TRANSLATE_NOOP("EngineError", "holds an array of %1; MNIST labels are a list of n digits"),
    QT_TRANSLATE_NOOP("EngineError", "has %1 labels for the %2 images in %3"),
    QT_TRANSLATE_NOOP("EngineError", "label %1 at index %2 is not a digit 0..9"),
    QT_TRANSLATE_NOOP("EngineError", "has %1 but no %2 to go with it"),
    QT_TRANSLATE_NOOP("EngineError", "holds no MNIST files (train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                                     "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, raw or .gz)"),
    QT_TRANSLATE_NOOP("EngineError", "holds only test digits (t10k files); training needs the train files"),
    QT_TRANSLATE_NOOP("EngineError", "%1 holds %2×%3 images; nndesk's digit networks take 28×28 (MNIST's size), "
                                     "so resize them first"),
    QT_TRANSLATE_NOOP("EngineError", "%1 has shape %2; expected (n, 28, 28) or (n, 784)"),
    QT_TRANSLATE_NOOP("EngineError", "%1 holds no images"),
    QT_TRANSLATE_NOOP("EngineError", "%1 has shape %2 for %3 images in %4; expected one label each, %5"),
    QT_TRANSLATE_NOOP("EngineError", "%1 has a NaN or infinite pixel in image %2"),
    QT_TRANSLATE_NOOP("EngineError", "%1 pixel values span %2..%3; expected 0..255 (or 0..1 for floats)"),
    QT_TRANSLATE_NOOP("EngineError", "%1[%2] = %3 is not a whole-number digit label 0..9"),
    QT_TRANSLATE_NOOP("EngineError", "%1[%2] = %3 is not a digit label 0..9"),
    QT_TRANSLATE_NOOP("EngineError", "holds %1; expected x_train, y_train, x_test, y_test (as in Keras' mnist.npz) "
                                     "or x, y"),
    QT_TRANSLATE_NOOP("EngineError", "has the array %1 but no %2"),
    QT_TRANSLATE_NOOP("EngineError", "holds an unexpected array %1 (nndesk reads %2)"),
    QT_TRANSLATE_NOOP("EngineError", "stores %1 as Python objects, which would need unpickling; nndesk reads "
                                     "only plain number arrays"),
    QT_TRANSLATE_NOOP("EngineError", "stores %1 as %2 values; expected numbers (%3)"),
    QT_TRANSLATE_NOOP("EngineError", "holds %1 MB of arrays in all, more than nndesk reads (%2 MB: half of the %3 MB "
                                     "free now)"),
    QT_TRANSLATE_NOOP("EngineError", "holds %1 MB of arrays in all, more than nndesk reads (%2 MB)"),
    QT_TRANSLATE_NOOP("EngineError", "cannot open it: %1"),
    QT_TRANSLATE_NOOP("EngineError", "cannot open it: it is %1, not a regular file"),
    QT_TRANSLATE_NOOP("EngineError", "is neither a data set name nor an existing file or folder; choose one of %1, "
                                     "or give an .npz file or a folder of MNIST IDX files"),
    QT_TRANSLATE_NOOP("EngineError", "is not an nndesk model file (not an .npz archive)"),
    QT_TRANSLATE_NOOP("EngineError", "is not an nndesk model file (an .npz archive without nndesk's metadata)"),
    QT_TRANSLATE_NOOP("EngineError", "is not an nndesk model file (its metadata is another program's)"),
    QT_TRANSLATE_NOOP("EngineError", "was saved by a newer nndesk (%1, model format %2; this nndesk %3 reads up to "
                                     "%4); update nndesk"),
    QT_TRANSLATE_NOOP("EngineError", "is missing the array %1"),
    QT_TRANSLATE_NOOP("EngineError", "has %1 of shape %2 (%3); the layer sizes need %4 %5"),
    QT_TRANSLATE_NOOP("EngineError", "has NaN or infinite values in %1"),
    QT_TRANSLATE_NOOP("EngineError", "has metadata that is not valid JSON (%1)"),
)
# Whole messages: Python's own OSError ("[Errno 2] No such file or directory: '/x.npz'").
WHOLE = (
    QT_TRANSLATE_NOOP("EngineError", "[Errno %1] %2: %3"),
    QT_TRANSLATE_NOOP("EngineError", "[Errno %1] %2"),
)
# Values that are phrases of their own: what a path turned out to be, the C library's error texts.
PHRASES = (
    QT_TRANSLATE_NOOP("EngineError", "a folder"),
    QT_TRANSLATE_NOOP("EngineError", "a named pipe (FIFO)"),
    QT_TRANSLATE_NOOP("EngineError", "a socket"),
    QT_TRANSLATE_NOOP("EngineError", "a character device"),
    QT_TRANSLATE_NOOP("EngineError", "a block device"),
    QT_TRANSLATE_NOOP("EngineError", "No such file or directory"),
    QT_TRANSLATE_NOOP("EngineError", "Permission denied"),
    QT_TRANSLATE_NOOP("EngineError", "Is a directory"),
    QT_TRANSLATE_NOOP("EngineError", "Not a directory"),
    QT_TRANSLATE_NOOP("EngineError", "No space left on device"),
    QT_TRANSLATE_NOOP("EngineError", "Read-only file system"),
    QT_TRANSLATE_NOOP("EngineError", "File name too long"),
    QT_TRANSLATE_NOOP("EngineError", "Disk quota exceeded"),
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
    found = [(_known(t), t, m) for t in WHOLE if (m := _pattern(t, False).fullmatch(message))]
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
