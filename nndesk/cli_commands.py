"""The work behind ``nndesk train``, ``eval``, ``predict`` and ``data download``.

Runs are assembled by ``TrainingRecipe`` exactly as the window assembles
them and saved with ``model_io``, so a model trained here opens in the
window and vice versa.  Every line is a ``translate("cli", …)`` template
with {named} values; numbers are ``Number``s, so they format themselves the
language's way ("97,50%" in Russian) under the template's own format spec.
"""

from __future__ import annotations

import argparse
import math
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from nndesk.cli_output import EXIT_ERROR, EXIT_INTERRUPTED, ProgressBar, UsageError, emit_json, fail, note
from nndesk.engine_texts import in_language, phrase
from nndesk.language import QT_TRANSLATE_NOOP, Number, translate
from nndesk.paths import mnist_dir

# How the lines below name the samples a result is measured on (one template per split, for the grammar's sake).
_SAMPLES = {"test": QT_TRANSLATE_NOOP("cli", "{n:,} test samples"),
            "validation": QT_TRANSLATE_NOOP("cli", "{n:,} validation samples"),
            "all": QT_TRANSLATE_NOOP("cli", "{n:,} samples")}
_ON = {"test": QT_TRANSLATE_NOOP("cli", "on the test set"),
       "validation": QT_TRANSLATE_NOOP("cli", "on the validation set"),
       "training": QT_TRANSLATE_NOOP("cli", "on the training set")}


def _samples(split: str, n: int) -> str:
    return translate("cli", _SAMPLES[split]).format(n=Number(n))


def train(args: argparse.Namespace) -> int:
    from nndesk.cli_extra import with_extras
    from nndesk.engine.runs.layer_spec import split
    from nndesk.engine.runs.model_io import save_model
    from nndesk.engine.runs.recipe import TrainingRecipe

    hidden, features = split(args.layers)
    options = {"hidden": hidden, "features": features, "activation": args.activation, "cost": args.cost,
               "optimizer": args.optimizer,
               "learning_rate": args.lr, "momentum": args.momentum, "l2": args.l2, "batch_size": args.batch_size,
               "epochs": args.epochs, "seed": args.seed, "schedule": args.schedule, "tolerance": args.tolerance,
               "augment": args.augment}
    if args.out is not None:  # say so now, not after an hour of training
        _check_out(args.out)
    try:
        recipe = TrainingRecipe.for_dataset(_spec(args.dataset), args.preset,
                                            **{k: v for k, v in options.items() if v is not None})
    except ValueError as e:
        raise UsageError(str(e)) from None
    source = with_extras(recipe, recipe.load_data(), args.extra, args.extra_repeat)  # --extra my-digits
    fit, _ = recipe.split(source)  # raises DataError if there is nothing to train on
    if args.augment and fit.image_shape is None:
        note(translate("cli", "--augment distorts images; {name} has none, so it is ignored").format(name=source.name))
    _check_size(recipe, [fit.n_inputs, *recipe.hidden, fit.n_outputs], args.out, fit.image_shape)
    network = recipe.build_network(fit.n_inputs, fit.n_outputs, fit.image_shape)
    trainer = recipe.make_trainer(network, source)
    held_out = translate("cli", "none") if trainer.val is None else _samples(_split_name(source), len(trainer.val))
    if not args.json:
        print(in_language(source.description))
        print(translate("cli", "{network}; {n:,} training samples, validation: {held_out}").format(
            network=_describe(recipe, network), n=Number(len(trainer.train)), held_out=held_out))
    start = time.perf_counter()
    try:
        for stats in trainer.epochs():
            emit_json(stats.as_dict()) if args.json else print(_epoch_line(stats, recipe.hyper.epochs), flush=True)
    except KeyboardInterrupt:
        if args.out is None:
            return fail(translate("cli", "interrupted; nothing saved (give --out FILE to keep the model when "
                                         "interrupted)"), EXIT_INTERRUPTED)
        path = save_model(args.out, network, recipe, trainer.history, trainer.optimizer)
        return fail(translate("cli", "interrupted; saved the model as it was after {n} complete epoch(s) to {path}")
                    .format(n=trainer.epoch, path=path), EXIT_INTERRUPTED)
    seconds = time.perf_counter() - start
    if trainer.val is not None and trainer.history:
        cost, accuracy, on = trainer.history[-1].val_cost, trainer.history[-1].val_accuracy, _split_name(source)
    else:
        data = trainer.train
        cost, accuracy = network.evaluate(data.inputs(), data.target_matrix(), data.y)
        on = "training"
    out = save_model(args.out, network, recipe, trainer.history, trainer.optimizer) if args.out else None
    if args.json:
        emit_json({"summary": True, "epochs": trainer.epoch, "accuracy": accuracy, "cost": cost, "evaluated_on": on,
                   "seconds": seconds, "out": str(out) if out else None, "sizes": network.sizes,
                   "dataset": recipe.dataset, "preset": recipe.preset})
    else:
        saved = (translate("cli", "saved to {path}").format(path=out) if out
                 else translate("cli", "not saved (add --out FILE to keep it)"))
        print(translate("cli", "done: accuracy {accuracy:.2%}, cost {cost:.4f} {on} after {epochs} epochs in "
                               "{seconds:.1f} s; {saved}").format(
            accuracy=Number(accuracy), cost=Number(cost), on=translate("cli", _ON[on]), epochs=trainer.epoch,
            seconds=Number(seconds), saved=saved))
    return 0


def evaluate(args: argparse.Namespace) -> int:
    from nndesk.engine.data.datasets import load
    from nndesk.engine.runs.evaluation import evaluate as evaluate_on, held_out
    from nndesk.engine.runs.model_io import load_model

    model = load_model(args.model)
    net, recipe, spec = model.network, model.recipe, _spec(args.dataset)
    source = load(spec, seed=recipe.seed if recipe else 0)
    data, on = held_out(source, recipe, spec)
    if (data.n_inputs, data.n_outputs) != (net.sizes[0], net.sizes[-1]):
        raise ValueError(translate("cli", "{model} takes {n_in} inputs and gives {n_out} outputs, but {data} has "
                                          "{d_in} inputs and {classes} classes").format(
            model=args.model, n_in=net.sizes[0], n_out=net.sizes[-1], data=source.name, d_in=data.n_inputs,
            classes=data.n_outputs))
    result = evaluate_on(net, data)  # the window's evaluation view computes the same, with the same function
    cost, accuracy, confusion = result.cost, result.accuracy, result.confusion
    if args.json:
        emit_json({"accuracy": accuracy, "cost": cost, "n": len(data), "confusion": confusion.tolist(),
                   "split": on, "dataset": spec, "model": str(args.model)})
        return 0
    print(translate("cli", "{model} on {data} ({samples}): accuracy {accuracy:.2%}, cost {cost:.4f}").format(
        model=args.model, data=source.name, samples=_samples(on, len(data)), accuracy=Number(accuracy),
        cost=Number(cost)))
    print(translate("cli", "confusion matrix (rows: true class, columns: predicted)"))
    width = max(4, len(str(confusion.max())) + 1)
    print("    " + "".join(f"{j:>{width}}" for j in range(len(confusion))))
    for i, row in enumerate(confusion):
        print(f"{i:>3} " + "".join(f"{v:>{width}}" for v in row))
    return 0


def predict(args: argparse.Namespace) -> int:
    import numpy as np

    from nndesk.engine.runs.evaluation import shares
    from nndesk.engine.runs.model_io import load_model
    from nndesk.imageio import ImageError, read_digit_image

    net = load_model(args.model).network
    if net.sizes[0] != 784:
        raise ValueError(translate("cli", "{model} takes {n} inputs, not 28×28 digit images").format(
            model=args.model, n=net.sizes[0]))
    failed = 0
    for path in args.images:
        try:
            x = read_digit_image(path)
        except ImageError as e:
            failed += 1
            fail(str(e))
            continue
        # A softmax output is a probability distribution; sigmoid outputs are shown as shares of their sum.
        p = shares(net.feedforward(x.reshape(1, -1))[0], net.output_activation.name == "softmax")
        top = np.argsort(p)[::-1][:3]
        if args.json:
            emit_json({"image": str(path), "digit": int(top[0]), "probabilities": p.tolist()})
        else:
            print(f"{path}: {top[0]}   ({', '.join(f'{k}: {Number(p[k]):.1%}' for k in top)})")
    return EXIT_ERROR if failed else 0


def download(args: argparse.Namespace) -> int:
    from nndesk.engine.data.download import DEFAULT_MIRROR, download_mnist

    if args.retries < 0:
        raise UsageError(translate("cli", "--retries must be ≥ 0, got {n}").format(n=args.retries))
    bar = ProgressBar()
    try:
        dest = download_mnist(args.dir or mnist_dir(), base_url=args.url or DEFAULT_MIRROR, progress=bar,
                              retries=args.retries)
    finally:
        bar.close()
    print(translate("cli", "MNIST is in {dest}\ntrain on it with: nndesk train --dataset {dest}").format(dest=dest))
    return 0


def _check_out(out: Path) -> None:
    """Refuse an --out the model could not be saved to: a missing or unwritable folder, a folder, a FIFO."""
    from nndesk.engine.data.npy_guard import special_kind

    if not out.parent.is_dir():
        raise UsageError(translate("cli", "--out {out}: the folder {folder} does not exist").format(
            out=out, folder=out.parent))
    try:
        kind = special_kind(os.stat(out).st_mode)
    except OSError:
        kind = None  # not there yet: the usual case
    if kind is not None:
        raise UsageError(translate("cli", "--out {out}: it is {kind}; give the name of a model file (.npz)").format(
            out=out, kind=phrase(kind)))
    try:  # the save writes a temporary file beside the target, so try exactly that (unlinked at once)
        tempfile.TemporaryFile(dir=out.parent).close()
    except OSError as e:
        raise UsageError(translate("cli", "--out {out}: cannot write in {folder} ({why})").format(
            out=out, folder=out.parent, why=phrase(e.strerror) if e.strerror else e)) from None


def _check_size(recipe: Any, sizes: list[int], out: Path | None, image_shape: tuple[int, int] | None = None) -> None:
    """Refuse, before building it, a network the memory free now (or a model file nndesk opens) can't hold.

    float32 weights [W | b], the optimizer's state (momentum 1×, Adam 2×), one
    gradient-sized update buffer, and z, a, δ for a batch or an evaluation chunk.
    """
    from nndesk.engine.data.npy_guard import AVAILABLE_SHARE, available_memory
    from nndesk.engine.runs.model_io import MAX_BYTES

    params = sum((n_in + 1) * n_out for n_in, n_out in zip(sizes, sizes[1:]))
    state = {"momentum": 1, "adam": 2}.get(recipe.optimizer, 0) * params
    rows = max(recipe.hyper.batch_size, 4096)
    need = 4 * (2 * params + state + 3 * rows * sum(sizes))
    if recipe.features:  # convolutions: their patch matrices weigh most (engine/runs/layer_spec.footprint)
        params, state, need = _conv_size(recipe, sizes, image_shape)
    shape = "-".join(map(str, sizes))
    free = available_memory()
    if free is not None and need > free * AVAILABLE_SHARE:
        raise UsageError(translate("cli", "the network {shape} needs about {need:,.1f} GB ({params:,} weights, "
                                          "{optimizer} state, a batch), more than half of the {free:,.1f} GB free "
                                          "now; use fewer or smaller layers").format(
            shape=shape, need=Number(need / 1e9), params=Number(params), optimizer=recipe.optimizer,
            free=Number(free / 1e9)))
    saved = 4 * (params + state)
    if out is not None and saved > MAX_BYTES:
        raise UsageError(translate("cli", "the network {shape} would make a {saved:,.0f} MB model file, more than "
                                          "nndesk opens ({cap:,.0f} MB); use fewer or smaller layers").format(
            shape=shape, saved=Number(saved / 1e6), cap=Number(MAX_BYTES / 1e6)))


def _conv_size(recipe: Any, sizes: list[int], image_shape: tuple[int, int] | None) -> tuple[int, int, int]:
    """(weights, optimizer state, bytes) of a convolutional recipe; a layer that doesn't fit is a usage error."""
    from nndesk.engine.core.convnet import CHUNK
    from nndesk.engine.runs.layer_spec import footprint

    try:
        params, numbers = footprint(recipe.features, recipe.hidden, sizes[0], sizes[-1], image_shape,
                                    max(recipe.hyper.batch_size, CHUNK))
    except ValueError as e:
        raise UsageError(f"--layers: {e}") from None
    state = {"momentum": 1, "adam": 2}.get(recipe.optimizer, 0) * params
    return params, state, 4 * (2 * params + state + numbers)


def _spec(text: str) -> str:
    """A data set name as it is; an existing path made absolute, so a model file can find it again."""
    from nndesk.engine.data.datasets import DATASET_NAMES

    if text in DATASET_NAMES or not Path(text).expanduser().exists():
        return text
    return str(Path(text).expanduser().absolute())


def _split_name(source: Any) -> str:
    """What the trainer validates on: the data's test split, or a part held out from training."""
    return "test" if source.test is not None and not source.test.name.endswith("(validation)") else "validation"


def _describe(recipe: Any, network: Any) -> str:
    h = recipe.hyper
    return (translate("cli", "network {sizes} {activation}, {cost}, {optimizer} η={lr:g}, batch {batch}, "
                             "{epochs} epochs").format(
                sizes=getattr(network, "architecture", None) or "-".join(map(str, network.sizes)),
                activation=recipe.activation, cost=recipe.cost,
                optimizer=recipe.optimizer, lr=Number(h.learning_rate), batch=h.batch_size, epochs=h.epochs)
            + (translate("cli", ", {name} schedule").format(name=recipe.schedule) if recipe.schedule else "")
            + (translate("cli", ", augmented") if recipe.augment else ""))


def _epoch_line(s: Any, epochs: int) -> str:
    def num(v: float, fmt: str) -> str:
        return format(Number(v), fmt) if math.isfinite(v) else "—"

    return translate("cli", "epoch {epoch}/{epochs}  cost {cost}  val cost {val_cost}  val acc {val_acc}  "
                            "η {lr}  {seconds} s  {speed} samples/s").format(
        epoch=f"{s.epoch:>{len(str(epochs))}}", epochs=epochs, cost=num(s.train_cost, ".4f"),
        val_cost=num(s.val_cost, ".4f"), val_acc=num(s.val_accuracy, "7.2%"), lr=num(s.learning_rate, ".3g"),
        seconds=num(s.seconds, "6.2f"), speed=num(s.samples_per_second, ",.0f"))
