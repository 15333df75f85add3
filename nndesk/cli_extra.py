"""``nndesk train --extra DATA``: train on the data set plus other digits (my digits), repeated.

The validation digits are held out from the base set *before* the extra
digits are added, so a repeated drawing never lands in both the training
and the validation part (its accuracy would then be inflated).  The extra
digits are oversampled (``mix.with_extra``): ``--extra-repeat N`` times, or by
default so that they are about a tenth of the training samples.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nndesk.engine.data.datasets import DataSource, load
from nndesk.engine.data.mix import default_repeat, with_extra
from nndesk.engine.data.readers import DataError


def with_extras(recipe: Any, source: DataSource, specs: Sequence[str] | None, repeat: int | None) -> DataSource:
    """``source`` with each of ``specs``' digits added to its training part (its validation part held out first)."""
    if not specs:
        return source
    if repeat is not None and repeat < 1:
        raise ValueError(f"--extra-repeat must be ≥ 1, got {repeat}")
    if source.test is None:
        fit, val = recipe.split(source)
        if val is not None:
            source = DataSource(source.name, fit, val, source.description)
    for spec in specs:
        extra_source = load(spec, seed=recipe.seed)
        extra = extra_source.train if extra_source.train is not None else extra_source.test
        if extra is None or not len(extra):
            raise DataError(spec, "holds no digits to add")
        n = repeat if repeat is not None else default_repeat(len(extra), len(source.train))
        source = with_extra(source, extra, n)
    return source
