"""Hostile images (issue 9): one clean ImageError line, bounded memory, nothing on stderr.

The issue's files go through real ``nndesk predict`` processes (the command
line, no QGuiApplication) and through the reader inside an offscreen
QGuiApplication (the window), each the only child of a small launcher so its
peak memory is measured by the kernel.
"""

from __future__ import annotations

import gzip
import re
import struct
import zlib

import numpy as np
import pytest

from nndesk.imageio import ImageError, read_digit_image, read_gray
from nndesk.paths import resource


@pytest.fixture(scope="module")
def digit() -> np.ndarray:
    """A real bundled MNIST digit (number 7 of the file), uint8 28×28, ink bright."""
    raw = gzip.decompress(resource("mnist-5k-images-idx3-ubyte.gz").read_bytes())
    return np.frombuffer(raw, np.uint8, offset=16 + 784 * 7, count=784).reshape(28, 28)


_MEASURED = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=120)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": done.returncode, "out": done.stdout, "err": done.stderr, "peak_kb": peak}))
"""

_IN_WINDOW = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([sys.argv[0], "-platform", "offscreen"])  # what the window has: fonts for <text>
from nndesk.engine.runs.model_io import load_model
from nndesk.imageio import ImageError, read_digit_image
net = load_model(sys.argv[1]).network
try:
    print(int(net.feedforward(read_digit_image(sys.argv[2]).reshape(1, -1))[0].argmax()))
except ImageError as e:
    sys.exit(f"ImageError: {e}")
"""


def _measured(*argv: str) -> dict:
    """Run ``argv`` as the only child of a small launcher: its peak RSS is its own, not a fork of pytest's."""
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    env.pop("QT_QPA_PLATFORM", None)  # the command line must not need a screen, nor an offscreen one
    launched = subprocess.run([sys.executable, "-c", _MEASURED, *argv], capture_output=True, text=True,
                              timeout=180, env=env)
    return json.loads(launched.stdout)


@pytest.fixture(scope="module")
def model(tmp_path_factory, digit):
    """A digits-small network trained on the bundled digits, saved as the CLI loads it."""
    from nndesk.engine.fast.blas import blas_threads
    from nndesk.engine.runs.model_io import save_model
    from nndesk.engine.runs.recipe import TrainingRecipe

    recipe = TrainingRecipe.for_dataset("mnist-bundled", "digits-small", epochs=3)
    source = recipe.load_data()
    net = recipe.build_network(784, 10)
    with blas_threads(1):
        trainer = recipe.make_trainer(net, source)
        list(trainer.epochs())
    return save_model(tmp_path_factory.mktemp("model") / "digits.npz", net, recipe, trainer.history)


@pytest.fixture(scope="module")
def issue_files(tmp_path_factory, digit) -> dict[str, object]:
    """The issue's files, written byte by byte (tests/fuzz/images.py), and a big but honest photo of a digit."""
    from tests.fuzz import images

    folder = tmp_path_factory.mktemp("hostile")
    w = 16_000_000
    files = {
        "text.svg": images.digit_svg(text=True),
        "strip.bmp": images.bmp_rle8(w, 1, [(min(255, w - i), 0 if w // 3 <= i < w // 2 else 255)
                                            for i in range(0, w, 255)]),  # 1×16,000,000 RLE8, 127 KB
        "bomb.svgz": images.gzip_bomb(200_000_000),  # 200 MB of SVG in 200 KB (the issue's: 1 GB in 1 MB)
        "bomb.png": images.gzip_bomb(200_000_000),  # the same, named as a PNG
        "big.png": images.png(width=7000, height=7000),  # 49 MP in 48 KB
        "blur.svg": images.svg('<defs><filter id="b"><feGaussianBlur stdDeviation="500"/></filter></defs>'
                               '<rect width="20000" height="20000" fill="black" filter="url(#b)"/>', "20000", "20000"),
        "photo.png": images.png(255 - np.kron(digit, np.ones((170, 170), np.uint8))),  # 4760×4760, 22.7 MP
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return {"folder": folder, **files}


@pytest.mark.parametrize(("name", "words"), [
    ("text.svg", "is a vector drawing (SVG); the command line reads raster images only"),
    ("bomb.svgz", "is a vector drawing (SVG)"),
    ("bomb.png", "is a vector drawing (SVG)"),  # judged by content, not by name
    ("blur.svg", "is a vector drawing (SVG)"),
    ("big.png", "is 7000×7000 pixels, more than the 25 MP nndesk reads; scale it down first"),
])
@pytest.mark.timeout(120)
def test_nndesk_predict_refuses_the_issues_files_in_one_line_with_little_memory(model, issue_files, name, words):
    path = issue_files["folder"] / name
    import sys

    done = _measured(sys.executable, "-m", "nndesk", "predict", "--model", str(model), str(path))
    assert done["code"] == 1 and done["out"] == ""  # it used to be 134 (abort) for <text>
    assert done["err"].startswith(f"nndesk: error: {path}: {words}")
    assert done["err"].count("\n") == 1 and "libpng" not in done["err"]
    assert done["peak_kb"] < 150_000  # refused before decoding: the 1.9–6.4 GB of the issue never exist


@pytest.mark.timeout(120)
def test_a_16_million_pixel_strip_and_a_big_photo_are_read_scaled_with_bounded_memory(model, issue_files):
    import sys

    strip = _measured(sys.executable, "-m", "nndesk", "predict", "--model", str(model),
                      str(issue_files["folder"] / "strip.bmp"))
    assert strip["code"] == 0 and strip["err"] == "" and strip["peak_kb"] < 300_000  # was 6.4 GB
    photo = _measured(sys.executable, "-m", "nndesk", "predict", "--model", str(model),
                      str(issue_files["folder"] / "photo.png"))
    assert photo["code"] == 0 and photo["err"] == "" and photo["peak_kb"] < 300_000
    label = int(np.frombuffer(gzip.decompress(resource("mnist-5k-labels-idx1-ubyte.gz").read_bytes()),
                              np.uint8, offset=8 + 7, count=1)[0])  # the fixture's digit is number 7
    assert photo["out"].split(":")[1].split()[0] == str(label)  # a correct prediction, not a refusal


@pytest.mark.parametrize(("name", "answer"), [
    ("text.svg", "7"),  # <text> drawn with the window's fonts
    ("bomb.svgz", "ImageError: {path}: is an SVGZ file that unpacks to more than 2 MB"),
    ("bomb.png", "ImageError: {path}: is an SVGZ file that unpacks to more than 2 MB"),  # named as a PNG
    ("blur.svg", "[0-9]"),  # drawn at 1024×1024, not 20000×20000: a blurred black square, some digit
])
@pytest.mark.timeout(120)
def test_in_the_window_svgs_are_drawn_bounded(model, issue_files, name, answer):
    import sys

    path = issue_files["folder"] / name
    done = _measured(sys.executable, "-c", _IN_WINDOW, str(model), str(path))
    got = (done["out"] + done["err"]).strip()
    assert re.fullmatch(re.escape(answer.format(path=path)) if "Error" in answer else answer, got), got
    assert done["peak_kb"] < 300_000  # the blur took 1.9 GB, the bomb 3.1 GB


@pytest.mark.parametrize(("body", "words"), [
    ('<defs><g id="a0"><rect width="1" height="1"/></g>'
     + "".join(f'<g id="a{i}">' + f'<use xlink:href="#a{i - 1}"/>' * 10 + "</g>" for i in range(1, 9))
     + '</defs><use xlink:href="#a8"/>', "references draw more than 50,000 shapes"),  # 10⁸ rectangles
    ('<g id="loop"><use xlink:href="#loop"/></g>', "references draw more than"),
    ('<defs><pattern id="p" width="5" height="5"><use xlink:href="#r"/></pattern></defs>'
     '<rect id="r" width="100" height="100" fill="url(#p)"/>', "references draw more than"),  # a pattern of itself
    ('<image width="10" height="10" xlink:href="data:image/png;base64,AAAA"/>', "embedded image"),
    ('<rect width="10" height="10"', "not a well-formed SVG file"),
])
def test_svgs_whose_drawing_is_unbounded_are_refused_before_qt_sees_them(tmp_path, body, words):
    from nndesk.imageio_svg import SvgRefused, check_drawing
    from tests.fuzz import images

    with pytest.raises(SvgRefused, match=words):
        check_drawing(images.svg(body))


def test_svg_entities_and_double_gzip_are_refused(tmp_path):
    from nndesk.imageio_svg import SvgRefused, check_drawing, svg_text
    from tests.fuzz import images

    laughs = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
              b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>')
    with pytest.raises(SvgRefused, match="declares XML entities"):
        check_drawing(laughs)
    twice = tmp_path / "twice.svgz"
    twice.write_bytes(images.svgz(images.svgz(images.digit_svg())))
    with pytest.raises(SvgRefused, match="packed twice"):
        svg_text(twice)
    once = tmp_path / "once.svgz"
    once.write_bytes(images.svgz(images.digit_svg()))
    assert svg_text(once) == images.digit_svg()


def test_a_fifo_or_a_device_is_refused_at_once(tmp_path):
    import os

    fifo = tmp_path / "digit.png"
    os.mkfifo(fifo)
    for path in (fifo, "/dev/zero"):
        with pytest.raises(ImageError, match="is not a file"):
            read_digit_image(path)


def test_a_16_bit_rgba_image_is_capped_by_its_decoded_size(tmp_path):
    from tests.fuzz import images

    path = tmp_path / "deep.png"
    path.write_bytes(images.png(width=5000, height=5000, bit_depth=16, colour=6))  # 25 MP, but 200 MB decoded
    with pytest.raises(ImageError, match=r"5000×5000 pixels of 64 bits: 200 MB to decode, more than the 100 MB"):
        read_gray(path)


def test_libpngs_own_error_lines_never_reach_stderr_and_end_in_the_message(tmp_path, capfd):
    from tests.fuzz import images

    header = struct.pack(">IIBBBBB", 28, 28, 3, 0, 0, 0, 0)  # bit depth 3: libpng itself rejects it, CRC correct
    path = tmp_path / "ihdr.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + images.png_chunk(b"IHDR", header)
                     + images.png_chunk(b"IDAT", zlib.compress(bytes(29 * 28))) + images.png_chunk(b"IEND", b""))
    with pytest.raises(ImageError, match=r"size cannot be read before decoding it \(libpng error: Invalid IHDR data\)"):
        read_digit_image(path)
    out, err = capfd.readouterr()
    assert err == "" and out == ""


def test_filters_and_masks_count_as_heavy_shapes():
    from nndesk.imageio_svg import HEAVY, MAX_DRAWN, SvgRefused, check_drawing
    from tests.fuzz import images

    blur = '<filter id="b"><feGaussianBlur stdDeviation="3"/></filter>'
    few = MAX_DRAWN // HEAVY // 2
    check_drawing(images.svg(blur + '<circle id="c" r="9" filter="url(#b)"/>' + '<use xlink:href="#c"/>' * few))
    with pytest.raises(SvgRefused, match="draw more than"):  # 512 of them took 3 s to draw
        check_drawing(images.svg(blur + '<circle id="c" r="9" style="filter:url(#b)"/>'
                                 + '<use xlink:href="#c"/>' * (MAX_DRAWN // HEAVY + 1)))
