"""Draw an SVG (or .svgz) digit with bounded memory and time, or refuse it with one clear reason.

A vector file says nothing about the work it takes to draw: a 1 MB .svgz can
unpack to gigabytes, ten nested ``<use>`` of ten copies each draw 10⁸ shapes,
a 20000×20000 canvas with a blur needs 1.9 GB, an embedded PNG is decoded
whatever its size, and ``<text>`` needs Qt's font database, which aborts the
process (exit 134) unless a ``QGuiApplication`` exists.  So before Qt sees a
byte:

- the file and its unpacked text are capped (``MAX_BYTES``), gzip inflated
  here in bounded steps, and a second gzip layer refused;
- the XML is parsed once by expat, refusing entity declarations, embedded
  images and anything whose drawing cost — elements, plus what every
  ``<use>``, ``href`` and ``url(#…)`` reference draws again, recursively —
  exceeds ``MAX_DRAWN``; an element with a filter or a mask counts as
  ``HEAVY`` shapes, as Qt draws it into a canvas-sized layer of its own
  (512 blurred copies took 3 s);
- the drawing is rendered at most ``SIDE`` pixels on its longest side.

Without a ``QGuiApplication`` (``nndesk predict``) vector files are refused:
the command line has no screen, and creating an application behind the
caller's back would break whoever creates theirs later.  The window has one,
so it draws them.
"""

from __future__ import annotations

import re
import xml.parsers.expat
import zlib
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize
from PySide6.QtGui import QGuiApplication, QImage, QImageReader

MAX_BYTES = 2_000_000  # an SVG digit is a few KB; the cap holds for the file and for its unpacked text
MAX_DRAWN = 50_000  # shapes drawn, counting every copy a reference makes
HEAVY = 1_000  # what a filtered or masked element costs in shapes (≈ 6 ms at 1024 px against ≈ 6 µs)
SIDE = 1024  # longest side of the rendering, in pixels (vector art has no size of its own)
MIN_SIDE = 256  # tiny drawings are rendered larger: they are vectors, so nothing is lost
_GZIP = b"\x1f\x8b"
_REF = re.compile(r"url\(\s*['\"]?#([^)'\"\s]+)")


class SvgRefused(ValueError):
    """Why the drawing is not drawn; imageio turns it into an ImageError naming the file."""


def is_gzip(head: bytes) -> bool:
    return head.startswith(_GZIP)


def read_svg(path: Path, messages: list[str]) -> QImage:
    """The drawing rendered to a QImage (null if Qt cannot draw it); ``SvgRefused`` if it is not safe to try."""
    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        raise SvgRefused("is a vector drawing (SVG); the command line reads raster images only (it has no screen "
                         "to draw text with): export it as PNG, or open it in the nndesk window")
    text = svg_text(path)
    check_drawing(text)
    buffer = QBuffer()
    buffer.setData(QByteArray(text))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, b"svg")
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        raise SvgRefused("is an SVG drawing without a usable size (width, height or viewBox)")
    reader.setScaledSize(fit(size.width(), size.height(), SIDE, MIN_SIDE))
    image = reader.read()
    if image.isNull():
        why = "; ".join([reader.errorString(), *messages[-1:]])
        raise SvgRefused(f"cannot be drawn as an SVG image ({why})")
    return image


def svg_text(path: Path) -> bytes:
    """The file's SVG text, unpacked if it is gzipped, at most ``MAX_BYTES`` either way."""
    with open(path, "rb") as f:
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise SvgRefused(f"is an SVG file over {MAX_BYTES // 10**6} MB; a digit drawing is a few KB")
    if is_gzip(data):
        inflate = zlib.decompressobj(wbits=31)  # gzip framing
        try:
            data = inflate.decompress(data, MAX_BYTES + 1)
        except zlib.error as e:
            raise SvgRefused(f"is a damaged SVGZ file ({e})") from None
        if len(data) > MAX_BYTES:
            raise SvgRefused(f"is an SVGZ file that unpacks to more than {MAX_BYTES // 10**6} MB")
        if is_gzip(data):  # Qt would unpack this layer itself, without a cap
            raise SvgRefused("is an SVGZ file packed twice")
    return data


def check_drawing(text: bytes) -> None:
    """Refuse entity declarations, embedded images and drawings that cost more than ``MAX_DRAWN`` shapes."""
    children: list[list[int]] = []
    weights: list[int] = []
    refs: list[list[str]] = []
    ids: dict[str, int] = {}
    stack: list[int] = []
    styled: list[str] = []  # ids a <style> sheet may apply to any element
    in_style, heavy_sheet = [False], [False]

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(":", 1)[-1]
        if local == "image":
            raise SvgRefused("is an SVG drawing with an embedded image; nndesk draws only shapes and text")
        if len(children) >= MAX_DRAWN:
            raise SvgRefused(f"is an SVG drawing of more than {MAX_DRAWN:,} elements")
        index = len(children)
        children.append([])
        effects = ("filter" in attrs or "mask" in attrs
                   or any(k in attrs.get("style", "") for k in ("filter", "mask")))
        weights.append(HEAVY if effects else 1)
        found = [m for value in attrs.values() for m in _REF.findall(value)]
        found += [v[1:] for k, v in attrs.items() if k.rsplit(":", 1)[-1] == "href" and v.startswith("#")]
        refs.append(found)
        if "id" in attrs:
            ids.setdefault(attrs["id"], index)
        if stack:
            children[stack[-1]].append(index)
        stack.append(index)
        in_style[0] = local == "style"

    def end(name: str) -> None:
        stack.pop()
        in_style[0] = False

    def chars(data: str) -> None:
        if in_style[0]:
            styled.extend(_REF.findall(data))
            if "filter" in data or "mask" in data:  # a sheet may give every element an effect
                heavy_sheet[0] = True

    def no_entities(*args) -> None:
        raise SvgRefused("is an SVG file that declares XML entities; nndesk does not expand them")

    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
    parser.EntityDeclHandler = parser.UnparsedEntityDeclHandler = no_entities
    try:
        parser.Parse(text, True)
    except xml.parsers.expat.ExpatError as e:
        raise SvgRefused(f"is not a well-formed SVG file ({xml.parsers.expat.ErrorString(e.code)}, "
                         f"line {e.lineno})") from None
    if not children:
        raise SvgRefused("is an empty SVG file")
    for ref in styled:  # a style sheet's url(#…) may be drawn by every element: count it that often
        if ref in ids:
            for r in refs:
                r.append(ref)
    if heavy_sheet[0]:
        weights = [HEAVY] * len(weights)
    if _drawn(children, weights, refs, ids) > MAX_DRAWN:
        raise SvgRefused(f"is an SVG drawing whose references draw more than {MAX_DRAWN:,} shapes")


def _drawn(children: list[list[int]], weights: list[int], refs: list[list[str]], ids: dict[str, int]) -> int:
    """Shapes the root draws: each element (by its weight), its children and what its references draw, recursively.

    Iterative (a 20,000-deep file must not hit Python's recursion limit); a reference
    cycle counts as too many, and totals stop growing past the cap.
    """
    cost: list[int | None] = [None] * len(children)
    on_path = [False] * len(children)
    todo = [(0, False)]
    while todo:
        node, done = todo.pop()
        after = children[node] + [ids[r] for r in refs[node] if r in ids]
        if done:
            on_path[node] = False
            cost[node] = min(MAX_DRAWN + 1, weights[node] + sum(cost[k] for k in after))
            continue
        if cost[node] is not None:
            continue
        on_path[node] = True
        todo.append((node, True))
        for k in after:
            if on_path[k]:
                return MAX_DRAWN + 1  # an element that draws itself
            if cost[k] is None:
                todo.append((k, False))
    return cost[0] or 0


def fit(w: int, h: int, side: int, min_side: int = 1) -> QSize:
    """(w, h) scaled to a longest side of at most ``side`` (and at least ``min_side``), each side ≥ 1."""
    f = min(side, max(min_side, max(w, h))) / max(w, h)
    return QSize(max(1, round(w * f)), max(1, round(h * f)))
