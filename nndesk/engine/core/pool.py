"""Max pooling and flattening: the two weightless layers between convolutions and dense layers.

``MaxPool2D`` keeps the largest value of each p×p block (stride p), so a
feature map halves in size and a feature found one pixel to the side still
counts.  Backpropagation sends each block's ∂C/∂out to the one input that
won (the first, in reading order, if several tie) and 0 to the others: the
derivative of max.  An odd last row or column is dropped, as in PyTorch.

``Flatten`` turns the last feature maps (C, H, W) into the vector a dense
layer reads, in C, H, W order — PyTorch's ``nn.Flatten`` order, so the
dense weights after it mean the same in nndesk, PyTorch and ONNX.

Both work on channels-last batches (B, H, W, C), like ``Conv2D``; their
``in_shape``/``out_shape`` are (C, H, W) as the outside sees them.
"""

from __future__ import annotations

import numpy as np


class MaxPool2D:
    frozen = None  # nothing to freeze: no weights
    frozen_bias = None

    def __init__(self, in_shape: tuple[int, int, int], size: int = 2) -> None:
        c, h, w = (int(n) for n in in_shape)
        if size < 1 or h < size or w < size:
            raise ValueError(f"a {size}×{size} pooling doesn't fit in a {h}×{w} feature map")
        self.in_shape, self.size = (c, h, w), int(size)

    @property
    def out_shape(self) -> tuple[int, int, int]:
        c, h, w = self.in_shape
        return c, h // self.size, w // self.size

    @property
    def n_in(self) -> int:
        return int(np.prod(self.in_shape))

    @property
    def n_out(self) -> int:
        return int(np.prod(self.out_shape))

    def _blocks(self, a: np.ndarray) -> list[np.ndarray]:
        """The p·p strided views of ``a`` (B, H, W, C), one per offset in the block, each (B, OH, OW, C)."""
        p, (_, oh, ow) = self.size, self.out_shape
        return [a[:, i:oh * p:p, j:ow * p:p] for i in range(p) for j in range(p)]

    def forward(self, a: np.ndarray) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
        """Each block's maximum, (B, OH, OW, C), and (input, output) for backward."""
        views = self._blocks(a)
        out = views[0].copy()
        for v in views[1:]:  # p·p − 1 element-wise maxima over the whole batch
            np.maximum(out, v, out=out)
        return out, (a, out)

    def backward(self, grad: np.ndarray, cache: tuple[np.ndarray, np.ndarray],
                 need_input: bool = True) -> tuple[None, np.ndarray | None]:
        """(no weights, ∂C/∂input): each block's gradient to the first position holding its maximum.

        The gradient still to hand out starts as ∂C/∂out; each offset in turn takes it where it holds
        the maximum and leaves 0 behind, so a tie's later winners get nothing (three passes an offset).
        """
        if not need_input:
            return None, None
        a, out = cache
        p, (_, oh, ow) = self.size, self.out_shape
        whole = a.shape[1] == oh * p and a.shape[2] == ow * p  # then every input pixel is written below
        dx = (np.empty if whole else np.zeros)(a.shape, grad.dtype)
        left = grad.reshape(out.shape).copy()
        views, targets = self._blocks(a), self._blocks(dx)
        for i, (v, d) in enumerate(zip(views, targets)):
            np.multiply(left, v == out, out=d)
            if i < len(views) - 1:
                left -= d
        return None, dx

    def copy(self) -> MaxPool2D:
        return MaxPool2D(self.in_shape, self.size)

    def astype(self, dtype: np.dtype | type) -> MaxPool2D:
        return self.copy()  # no numbers to convert

    @property
    def spec(self) -> str:
        return f"pool{self.size}"

    def __repr__(self) -> str:
        return f"MaxPool2D({self.size}×{self.size}, {'×'.join(map(str, self.in_shape))}→" \
               f"{'×'.join(map(str, self.out_shape))})"


class Flatten:
    """(C, H, W) feature maps → a vector of C·H·W inputs for the dense layers, in C, H, W order."""

    frozen = None
    frozen_bias = None

    def __init__(self, in_shape: tuple[int, int, int]) -> None:
        self.in_shape = tuple(int(n) for n in in_shape)

    @property
    def out_shape(self) -> tuple[int]:
        return (self.n_out,)

    @property
    def n_in(self) -> int:
        return int(np.prod(self.in_shape))

    n_out = n_in

    def forward(self, a: np.ndarray, ones: bool = False) -> np.ndarray:
        """(B, H, W, C) channels-last → (B, C·H·W) [| 1 when ``ones``: the dense layers' bias input]."""
        n = len(a)
        out = np.empty((n, self.n_out + (1 if ones else 0)), a.dtype)
        if ones:
            out[:, -1] = 1
        out[:, :self.n_out].reshape(n, *self.in_shape)[...] = a.transpose(0, 3, 1, 2)
        return out

    def backward(self, grad: np.ndarray) -> np.ndarray:
        """∂C/∂(C·H·W vector) → the channels-last (B, H, W, C) it came from."""
        return np.ascontiguousarray(grad.reshape(len(grad), *self.in_shape).transpose(0, 2, 3, 1))

    def copy(self) -> Flatten:
        return Flatten(self.in_shape)

    def astype(self, dtype: np.dtype | type) -> Flatten:
        return self.copy()

    spec = "flatten"

    def __repr__(self) -> str:
        return f"Flatten({'×'.join(map(str, self.in_shape))}→{self.n_out})"
