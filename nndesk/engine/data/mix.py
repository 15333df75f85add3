"""Training on a base set plus a few extra digits (the student's own), repeated so they count.

Twenty drawings among 5,000 MNIST digits would be seen once an epoch each and
barely move the weights; repeating them (oversampling) gives them a share of
the updates without changing what the network is measured on: the test part
stays the base's.
"""

from __future__ import annotations

import numpy as np

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.data.datasets import DataSource

EXTRA_SHARE = 0.1  # the default repeat makes the extra digits about a tenth of the training samples
MAX_REPEAT = 50


def default_repeat(n_extra: int, n_base: int) -> int:
    """How often to repeat ``n_extra`` digits among ``n_base`` so they are about ``EXTRA_SHARE`` of the mix."""
    if n_extra <= 0:
        return 1
    return int(min(MAX_REPEAT, max(1, round(EXTRA_SHARE * n_base / n_extra))))


def with_extra(base: DataSource, extra: Dataset, repeat: int) -> DataSource:
    """``base`` whose training part also holds ``extra`` ``repeat`` times; the test part unchanged.

    Raises ValueError if the base has no training part or the two sets'
    inputs or classes differ (a toy set cannot take digits).
    """
    if repeat < 0:
        raise ValueError(f"repeat must be ≥ 0, got {repeat}")
    train = base.train
    if train is None:
        raise ValueError(f"{base.name} holds no training part to add {extra.name} to")
    if (extra.n_inputs, extra.n_classes) != (train.n_inputs, train.n_classes) or train.targets is not None:
        raise ValueError(f"{extra.name} ({extra.n_inputs} inputs, {extra.n_classes} classes) cannot be added to "
                         f"{base.name} ({train.n_inputs} inputs, {train.n_classes} classes)")
    if repeat == 0 or len(extra) == 0:
        return base
    x = np.concatenate([train.x, np.tile(extra.x.astype(train.x.dtype, copy=False), (repeat, 1))])
    y = np.concatenate([train.y, np.tile(extra.y, repeat)])
    mixed = Dataset(f"{train.name} + {extra.name}", x, y, train.n_classes, train.image_shape)
    return DataSource(f"{base.name} + {extra.name}", mixed, base.test,
                      f"{base.description}; plus {len(extra):,} {extra.name} × {repeat}")
