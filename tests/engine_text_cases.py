"""Messages the engine really writes, made to happen: bad files, bad names, bad settings, descriptions.

Each case is (name, how to make it happen, the English the engine must still
say, the Russian ``engine_texts`` must turn it into); ``happen`` runs one and
returns the engine's message.  Used by tests/test_engine_texts.py.
"""

from __future__ import annotations

import io
import json
import os
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from nndesk.engine.core.network import Network
from nndesk.engine.core.saturation import Collapse, Saturation
from nndesk.engine.core.training import TrainingDiverged
from nndesk.engine.data import datasets, npy_guard, readers
from nndesk.engine.runs import model_io
from nndesk.engine.runs.recipe import TrainingRecipe


def _idx(dims: tuple[int, ...], data: bytes | None = None, code: int = 0x08) -> bytes:
    body = bytes(int(np.prod(dims))) if data is None else data
    return struct.pack(">HBB", 0, code, len(dims)) + struct.pack(f">{len(dims)}I", *dims) + body


def _mnist(folder: Path, images: bytes, labels: bytes | None = None, prefix: str = "train") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / f"{prefix}-images-idx3-ubyte").write_bytes(images)
    if labels is not None:
        (folder / f"{prefix}-labels-idx1-ubyte").write_bytes(labels)
    return folder


def _npz(path: Path, **arrays: np.ndarray) -> Path:
    np.savez(path, **arrays)
    return path


def _model(path: Path, change: Callable[[dict], None]) -> Path:
    """A real saved model whose members ``change`` edits (metadata as a dict), written back as a zip."""
    model_io.save_model(path, Network.create([2, 3, 1], seed=0))
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    meta = json.loads(arrays["metadata"].tobytes())
    arrays["metadata"] = meta
    change(arrays)
    if isinstance(arrays.get("metadata"), dict):
        arrays["metadata"] = np.frombuffer(json.dumps(arrays["metadata"]).encode(), np.uint8)
    np.savez(path, **arrays)
    return path


def _conv_model(path: Path, change: Callable[[dict], None]) -> Path:
    """A real saved CNN (conv3x3x2, pool2, 4, 3 on 1×6×6) whose metadata ``change`` edits, written back."""
    from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec

    model_io.save_model(path, ConvNet.create((1, 6, 6), [ConvSpec(3, 2), PoolSpec(2)], [4], 3, seed=0))
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    meta = json.loads(arrays["metadata"].tobytes())
    change(meta)
    arrays["metadata"] = np.frombuffer(json.dumps(meta).encode(), np.uint8)
    np.savez(path, **arrays)
    return path


def _features(**changes: object) -> Callable[[dict], None]:
    return lambda meta: meta["features"].update(changes)


def _data(spec: Callable[[Path], object]) -> Callable[[Path], str]:
    def fail(tmp: Path) -> str:
        with pytest.raises(readers.DataError) as e:
            recipe = TrainingRecipe.for_dataset(str(spec(tmp)))
            recipe.split(recipe.load_data())
        return str(e.value)
    return fail


def _my_digits_missing(tmp: Path) -> str:
    """``--dataset my-digits`` before any drawing was kept (the data folder moved to ``tmp`` for the call)."""
    from unittest import mock

    with mock.patch.dict(os.environ, {"XDG_DATA_HOME": str(tmp)}):
        return _data(lambda t: "my-digits")(tmp)


def _load_model(spec: Callable[[Path], Path]) -> Callable[[Path], str]:
    def fail(tmp: Path) -> str:
        with pytest.raises(model_io.ModelError) as e:
            model_io.load_model(spec(tmp))
        return str(e.value)
    return fail


def _junk(tmp: Path) -> Path:
    path = tmp / "junk.npz"
    path.write_bytes(b"not a zip at all")
    return path


def _fifo(tmp: Path) -> Path:
    os.mkfifo(tmp / "pipe")
    return tmp / "pipe"


def _opened(tmp: Path) -> str:
    with pytest.raises(OSError) as e:
        open(tmp / "missing.npz", "rb")
    return str(e.value)


def _empty(tmp: Path) -> Path:
    (tmp / "empty").mkdir()
    return tmp / "empty"


def _over_memory(tmp: Path) -> Path:
    return _npz(tmp / "big.npz", x=np.zeros((3000, 784), np.uint8), y=np.zeros(3000, np.uint8))


def _bad_crc(tmp: Path) -> Path:
    """A real .npz with one byte of x's pixels changed: the zip's CRC no longer matches."""
    path = _npz(tmp / "crc.npz", x=np.zeros((100, 784), np.uint8), y=np.zeros(100, np.uint8))
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("x.npy")
    raw = bytearray(path.read_bytes())
    name_and_extra = int.from_bytes(raw[info.header_offset + 26:info.header_offset + 28], "little") + \
        int.from_bytes(raw[info.header_offset + 28:info.header_offset + 30], "little")
    raw[info.header_offset + 30 + name_and_extra + info.file_size - 1] = 1  # the last pixel
    path.write_bytes(bytes(raw))
    return path


def _short_member(tmp: Path) -> Path:
    """x.npy's header promises 3×784 bytes; ten follow."""
    header = np.lib.format.header_data_from_array_1_0(np.zeros((3, 784), np.uint8))
    path = tmp / "short.npz"
    with zipfile.ZipFile(path, "w") as z:
        buffer = io.BytesIO()
        np.lib.format.write_array_header_1_0(buffer, header)
        z.writestr("x.npy", buffer.getvalue() + bytes(10))
        z.writestr("y.npy", _npy(np.zeros(3, np.uint8)))
    return path


def _npy(a: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, a)
    return buffer.getvalue()


def _disk_full(tmp: Path) -> str:
    with pytest.raises(OSError) as e, open("/dev/full", "wb", buffering=0) as f:
        f.write(b"x")
    return str(e.value)


def _over_free(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(npy_guard, "available_memory", lambda: 2_000_000)  # a machine with 2 MB free
    with pytest.raises(readers.DataError) as e:
        datasets.load(str(_over_memory(tmp)))
    return str(e.value)


def _over_cap(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(readers, "MAX_NPZ_BYTES", 1_000_000)  # (600 MB in nndesk: a smaller cap, a smaller file)
    with pytest.raises(readers.DataError) as e:
        datasets.load(str(_over_memory(tmp)))
    return str(e.value)


def _recipe(**overrides: object) -> Callable[[Path], str]:
    def fail(tmp: Path) -> str:
        with pytest.raises(ValueError) as e:
            TrainingRecipe.for_dataset("xor", **overrides)
        return str(e.value)
    return fail


def _described(spec: Callable[[Path], object]) -> Callable[[Path], str]:
    return lambda tmp: datasets.load(str(spec(tmp))).description


def _diverged(why: Saturation | Collapse) -> Callable[[Path], str]:
    """The message of a run that saturated or collapsed, as the trainer raises it (epoch 1, η = 10)."""
    return lambda tmp: str(TrainingDiverged(1, 0, 10.0, why))


def _npz_splits(tmp: Path) -> Path:
    digits = {k: np.zeros((n, 784), np.uint8) if k[0] == "x" else np.zeros(n, np.uint8)
              for k, n in (("x_train", 30), ("y_train", 30), ("x_test", 7), ("y_test", 7))}
    return _npz(tmp / "keras.npz", **digits)


def _both_splits(tmp: Path) -> Path:
    _mnist(tmp / "m", _idx((3, 28, 28)), _idx((3,)), "t10k")
    return _mnist(tmp / "m", _idx((12, 28, 28)), _idx((12,)))


def _csv(text: str) -> Callable[[Path], str]:
    def write(tmp: Path) -> Path:
        (tmp / "t.csv").write_text(text)
        return tmp / "t.csv"
    return _data(write)


# (what goes wrong, the English the engine must still say, the Russian it must turn into)
CASES = [
    ("empty CSV", _csv(" \n"), "is empty; a CSV table", "пуст; таблица CSV"),
    ("binary CSV", _csv("1,2\x00,0\n"), "is a binary file", "двоичный файл"),
    ("ragged CSV", _csv("1,2,0\n3,1\n"), "line 2 has 2 values but the first row has 3",
     "в строке 2 значений 2, а в первой строке 3"),
    ("ragged CSV, header", _csv("a,b,c\n1,2,0\n3,1\n"), "line 3 has 2 values but the header has 3",
     "в строке 3 значений 2, а в заголовке 3"),
    ("word in CSV", _csv("1,2,0\n3,x,1\n"), "line 2, column 2: 'x' is not a number",
     "строка 2, столбец 2: 'x' — не число"),
    ("NaN in CSV", _csv("1,nan,0\n3,1,1\n"), "line 1, column 2: 'nan' is not a finite number",
     "строка 1, столбец 2: 'nan' — не конечное число"),
    ("one class in CSV", _csv("1,2,1\n3,1,1\n"), "has only the class 1", "есть только класс 1"),
    ("not a zip", _data(_junk), "is not an .npz archive", "не архив .npz (zip-архив массивов .npy)"),
    ("damaged gzip", _data(lambda t: _mnist(t / "m", b"\x1f\x8b\x08\x00garbage", _idx((10,)))),
     "is a damaged gzip file", "повреждённый файл gzip ("),
    ("short IDX", _data(lambda t: _mnist(t / "m", b"\x00\x00", _idx((10,)))), "is too short", "(байт: 2)"),
    ("not IDX", _data(lambda t: _mnist(t / "m", b"\x01\x02\x03\x04", _idx((10,)))), "is not an IDX file",
     "не файл IDX (файл IDX начинается с двух нулевых байтов)"),
    ("truncated header", _data(lambda t: _mnist(t / "m", b"\x00\x00\x08\x03\x00\x00", _idx((10,)))),
     "inside its 16-byte IDX header", "обрывается внутри своего заголовка IDX (16 байт)"),
    ("truncated data", _data(lambda t: _mnist(t / "m", _idx((1000, 28, 28), bytes(1234)), _idx((1000,)))),
     "1,000×28×28 = 784,000 data bytes but only 1,234 follow",
     "заголовок обещает 1\u00a0000×28×28 = 784\u00a0000 байт данных, а за ним только 1\u00a0234"),
    ("extra data", _data(lambda t: _mnist(t / "m", _idx((2, 28, 28), bytes(1600)), _idx((2,)))),
     "has more data than", "содержит больше данных, чем 2×28×28 = 1\u00a0568 байт"),
    ("flat images", _data(lambda t: _mnist(t / "m", _idx((10, 784)), _idx((10,)))), "MNIST images are",
     "содержит массив 10×784, а изображения MNIST — это n×28×28"),
    ("2-D labels", _data(lambda t: _mnist(t / "m", _idx((10, 28, 28)), _idx((10, 2)))), "MNIST labels are",
     "содержит массив 10×2, а метки MNIST — это список из n цифр"),
    ("label count", _data(lambda t: _mnist(t / "m", _idx((10, 28, 28)), _idx((9,)))), "has 9 labels",
     "меток в нём 9, а изображений в train-images-idx3-ubyte — 10"),
    ("IDX label 12", _data(lambda t: _mnist(t / "m", _idx((3, 28, 28)), _idx((3,), bytes([1, 12, 3])))),
     "label 12 at index 1", "метка 12 под номером 1 — не цифра 0..9"),
    ("labels missing", _data(lambda t: _mnist(t / "m", _idx((3, 28, 28)))), "to go with it",
     "есть train-images-idx3-ubyte, но нет парного к нему train-labels-idx1-ubyte[.gz]"),
    ("no MNIST files", _data(_empty), "holds no MNIST files", "не содержит файлов MNIST"),
    ("test digits only", _data(lambda t: _mnist(t / "m", _idx((3, 28, 28)), _idx((3,)), "t10k")),
     "holds only test digits", "содержит только тестовые цифры (файлы t10k)"),
    ("20×20", _data(lambda t: _npz(t / "s.npz", x=np.zeros((3, 20, 20), np.uint8), y=np.zeros(3, np.uint8))),
     "x holds 20×20 images", "в x изображения 20×20, а сети nndesk для цифр принимают 28×28"),
    ("odd shape", _data(lambda t: _npz(t / "s.npz", x=np.zeros((3, 5, 7), np.uint8), y=np.zeros(3, np.uint8))),
     "x has shape (3, 5, 7)", "x имеет форму (3, 5, 7), а нужна (n, 28, 28) или (n, 784)"),
    ("no images", _data(lambda t: _npz(t / "s.npz", x=np.zeros((0, 784), np.uint8), y=np.zeros(0, np.uint8))),
     "x holds no images", "в x нет ни одного изображения"),
    ("label shape", _data(lambda t: _npz(t / "s.npz", x=np.zeros((3, 784), np.uint8), y=np.zeros(4, np.uint8))),
     "y has shape (4,) for 3 images", "y имеет форму (4,) на 3 изображений в x"),
    ("NaN pixel", _data(lambda t: _npz(t / "s.npz", x=np.full((3, 784), np.nan, np.float32), y=np.zeros(3, np.uint8))),
     "NaN or infinite pixel", "в x есть пиксель NaN или бесконечность (изображение 0)"),
    ("pixel span", _data(lambda t: _npz(t / "s.npz", x=np.full((3, 784), 300.5), y=np.zeros(3, np.uint8))),
     "span 300.5..300.5", "пиксели x принимают значения 300,5..300,5"),
    ("label 1.5", _data(lambda t: _npz(t / "s.npz", x=np.zeros((3, 784), np.uint8), y=np.array([0, 1.5, 2])))
     , "y[1] = 1.5", "y[1] = 1,5 — не целая метка-цифра 0..9"),
    ("label 12", _data(lambda t: _npz(t / "s.npz", x=np.zeros((3, 784), np.uint8), y=np.array([0, 12, 2]))),
     "y[1] = 12 is not a digit label", "y[1] = 12 — не метка-цифра 0..9"),
    ("names", _data(lambda t: _npz(t / "s.npz", a=np.zeros(3), b=np.zeros(3))), "holds a, b; expected",
     "содержит a, b, а нужны x_train"),
    ("x without y", _data(lambda t: _npz(t / "s.npz", x=np.zeros((3, 784), np.uint8))), "has the array x but no y",
     "есть массив x, но нет y"),
    ("extra array", _data(lambda t: _npz(t / "s.npz", x=np.zeros((3, 784), np.uint8), y=np.zeros(3), z=np.zeros(1))),
     "holds an unexpected array 'z'", "содержит лишний массив 'z' (nndesk читает x, y)"),
    ("objects", _data(lambda t: _npz(t / "s.npz", x=np.array([None, 1], dtype=object), y=np.zeros(2))),
     "as Python objects", "хранит x как объекты Python"),
    ("complex", _data(lambda t: _npz(t / "s.npz", x=np.zeros((2, 784), complex), y=np.zeros(2))),
     "stores x as complex128 values", "хранит x как значения типа complex128, а нужны числа ("),
    ("bad CRC", _data(_bad_crc), "is a damaged .npz archive (BadZipFile", "повреждённый архив .npz (BadZipFile: "),
    ("short member", _data(_short_member), "is truncated: x is missing data", "обрывается: массиву x не хватает"),
    ("unknown name", _data(lambda t: "no-such-set"), "is neither a data set name",
     "no-such-set: не имя набора данных и не существующий файл или папка; выберите один из наборов mnist-bundled"),
    ("no digits of mine", _my_digits_missing, "no drawings saved yet",
     "my-digits: рисунков пока не сохранено ("),
    ("model: not a zip", _load_model(_junk), "is not an nndesk model file (not",
     "не файл модели nndesk (не архив .npz)"),
    ("model: no metadata", _load_model(lambda t: _npz(t / "m.npz", W0=np.zeros((1, 2)))),
     "without nndesk's metadata", "не файл модели nndesk (архив .npz без метаданных nndesk)"),
    ("model: other program", _load_model(lambda t: _model(t / "m.npz", lambda a: a.update(metadata={"format": "x"}))),
     "another program's", "не файл модели nndesk (в нём метаданные другой программы)"),
    ("model: newer", _load_model(lambda t: _model(t / "m.npz", lambda a: a["metadata"].update(format_version=99))),
     "was saved by a newer nndesk", "сохранён более новой версией nndesk ("),
    ("model: bad JSON", _load_model(lambda t: _model(t / "m.npz", lambda a: a.update(
        metadata=np.frombuffer(b"{", np.uint8)))), "not valid JSON", "содержит метаданные с ошибкой JSON ("),
    ("model: missing W0", _load_model(lambda t: _model(t / "m.npz", lambda a: a.pop("W0"))),
     "is missing the array W0", "в нём нет массива W0"),
    ("model: W0 shape", _load_model(lambda t: _model(t / "m.npz", lambda a: a.update(W0=np.zeros((2, 2)))))
     , "has W0 of shape (2, 2)", "массив W0 имеет форму (2, 2) (float64), а размеры слоёв требуют (3, 2)"),
    ("model: NaN", _load_model(lambda t: _model(t / "m.npz", lambda a: a.update(W0=np.full((3, 2), np.nan,
                                                                                              np.float32)))),
     "has NaN or infinite values in W0", "в W0 есть NaN или бесконечности"),
    ("cnn: old format", _load_model(lambda t: _conv_model(t / "m.npz", lambda m: m.update(format_version=1))),
     "describes convolutions in a format older", "описывает свёртки в формате старше"),
    ("cnn: input shape", _load_model(lambda t: _conv_model(t / "m.npz", _features(input_shape=[1, 0, 6]))),
     "has an invalid input shape [1, 0, 6]", "недопустимую форму входа [1, 0, 6]"),
    ("cnn: layer list", _load_model(lambda t: _conv_model(t / "m.npz", _features(layers=[]))),
     "has an invalid list of convolution layers []", "недопустимый список слоёв свёртки []"),
    ("cnn: can't build", _load_model(lambda t: _conv_model(t / "m.npz", _features(layers=["conv9x9x2", "pool2"]))),
     "has convolution layers that can't be built", "слои свёртки, которые нельзя построить"),
    ("cnn: activations", _load_model(lambda t: _conv_model(t / "m.npz", _features(activations=[]))),
     "has convolution activations [] that don't match its layers", "функции активации свёрток []"),
    ("cnn: unknown activation", _load_model(lambda t: _conv_model(t / "m.npz", lambda m: (
        m["features"].update(activations=["softmax"]), m.update(activations=["softmax", *m["activations"][1:]])))),
     "uses an unknown activation 'softmax' in a convolution", "неизвестную функцию активации 'softmax'"),
    ("model: folder", _load_model(_empty), "it is a folder", "не открывается: это папка, а не обычный файл"),
    ("model: FIFO", _load_model(_fifo), "a named pipe (FIFO)", "не открывается: это именованный канал (FIFO)"),
    ("model: missing", _load_model(lambda t: t / "missing.npz"), "cannot open it: No such file",
     "не открывается: нет такого файла или папки"),
    ("OSError", _opened, "[Errno 2] No such file or directory", "нет такого файла или папки: '"),
    ("disk full", _disk_full, "[Errno 28] No space left on device", "на диске не осталось места"),
    ("over the cap", _over_cap, "more than nndesk reads (1 MB)", "содержит массивы общим объёмом 2 МБ — больше, "
                                                                  "чем читает nndesk (1 МБ)"),
    ("η < 0", _recipe(learning_rate=-1.0), "learning rate must be positive", "шаг обучения должен быть больше нуля, "
                                                                              "а задан -1,0"),
    ("μ = 1", _recipe(momentum=1.0), "momentum must be in [0, 1)", "момент должен быть в [0, 1), а задан 1,0"),
    ("λ < 0", _recipe(l2=-0.5), "L2 must be ≥ 0", "L2 должен быть ≥ 0, а задан -0,5"),
    ("λ = 5", _recipe(l2=5.0), "L2 (λ) must be from 0 to 1", "L2 (λ) должен быть от 0 до 1, а задан 5,0"),
    ("batch 0", _recipe(batch_size=0), "batch size and epochs must be ≥ 1", "размер мини-пакета и число эпох"),
    ("batch 10⁶", _recipe(batch_size=10**6), "the batch size must be a whole number from 1 to 60,000",
     "размер мини-пакета должен быть целым от 1 до 60\u00a0000, а задан 1000000"),
    ("epochs 10⁶", _recipe(epochs=10**6), "epochs must be a whole number from 1 to 100,000",
     "число эпох должно быть целым от 1 до 100\u00a0000, а задано 1000000"),
    ("hidden 0", _recipe(hidden=(0,)), "hidden layers must be at most", "скрытых слоёв должно быть не больше"),
    ("tolerance < 0", _recipe(tolerance=-1.0), "the tolerance must be a number ≥ 0", "допуск должен быть числом ≥ 0"),
    ("diverged", lambda t: str(TrainingDiverged(3, 1, 10.0)), "training diverged in epoch 3 (first in layer 2)",
     "обучение разошлось в эпохе 3 (сначала в слое 2): функция стоимости ошибки стала бесконечной или NaN при шаге "
     "обучения 10; веса возвращены к началу эпохи; попробуйте шаг обучения поменьше, например 1"),
    ("saturated, cost rose", _diverged(Saturation(2.36, 2.30, 24.9, 0.2)), "its cost rose from 2.36",
     "сеть насытилась при шаге обучения 10 — её функция стоимости ошибки выросла с 2,36 в начале до 24,9"),
    ("saturated, pinned", _diverged(Saturation(2.36, 2.30, 2.31, 0.93)), "93% of its outputs are pinned",
     "93% её выходов прижаты к своим пределам"),
    ("collapsed, same answer", _diverged(Collapse(0.1, 0.1, 1e-7, 0.12, restored_collapsed=False)),
     "it gives the same answer for every input", "она даёт один и тот же ответ на любой вход (точность 10%"),
    ("collapsed, same answer, dead", _diverged(Collapse(0.1, 0.1, 1e-7, 0.1)), "no step revives such a network",
     "никакой шаг не оживит такую сеть: начните заново со случайных весов"),
    ("collapsed, fell", _diverged(Collapse(0.1, 0.1, 0.05, 0.9, restored_collapsed=False)),
     "its accuracy fell from 90%", "её точность упала с 90% в начале до 10%"),
    ("collapsed, fell, dead", _diverged(Collapse(0.1, 0.1, 0.05, 0.9)), "fell from 90% at the start to 10%",
     "упала с 90% в начале до 10%, как при постоянном угадывании одного класса (10%); никакой шаг"),
    ("bundled digits", _described(lambda t: "mnist-bundled"), "5,000 MNIST digits bundled",
     "5\u00a0000 цифр MNIST, входящих в nndesk"),
    ("XOR", _described(lambda t: "xor"), "XOR: class 1 where", "XOR: класс 1 там, где x₁·x₂ < 0; прямая линия его "
                                                               "не отделяет, а один скрытый слой отделяет (точек: "),
    ("circles", _described(lambda t: "circles"), "a disc inside a ring", "круг внутри кольца"),
    ("spiral", _described(lambda t: "spiral"), "two interleaved spiral arms", "две переплетённые спирали"),
    ("gaussians", _described(lambda t: "gaussians"), "two Gaussian blobs", "два гауссовых облака"),
    ("lecture", _described(lambda t: "lecture"), "the lecture's single sample", "единственный пример из лекции"),
    ("IDX train", _described(lambda t: _mnist(t / "m", _idx((12, 28, 28)), _idx((12,)))), ": 12 train digits",
     ": цифр для обучения 12"),
    ("IDX test", _described(lambda t: _mnist(t / "m", _idx((3, 28, 28)), _idx((3,)), "t10k")), ": 3 test digits",
     "файлы MNIST IDX "),
    ("IDX both", _described(_both_splits), ": 12 train, 3 test digits", "цифр для обучения 12, для теста 3"),
    (".npz train", _described(lambda t: _npz(t / "s.npz", x=np.zeros((5, 784), np.uint8), y=np.zeros(5, np.uint8))),
     ".npz archive", "архив .npz "),
    (".npz both", _described(_npz_splits), ": 30 train, 7 test digits", "цифр для обучения 30, для теста 7"),
    ("over the memory free", _over_free, "(1 MB: half of the 2 MB free now)",
     "содержит массивы общим объёмом 2 МБ — больше, чем читает nndesk (1 МБ: половина из 2 МБ, свободных сейчас)"),
]


def happen(fail: Callable, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    return fail(tmp, monkeypatch) if fail in (_over_cap, _over_free) else fail(tmp)
