"""Sizes, strides and pads of a transposed convolution, in plain integers.

The output size per spatial dimension is
``O = (I - 1)*s - (p_begin + p_end) + d*(k - 1) + output_padding + 1``.

>>> g = make_geometry(input_size=(2, 2), kernel_size=(2, 2), stride=1)
>>> g.output_size, g.canvas_size
((3, 3), (3, 3))
>>> make_geometry(input_size=2, kernel_size=3, stride=2, padding=1).output_size
(3,)
"""

from __future__ import annotations

import itertools
import math
import numbers
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from symconv.errors import SymconvError


def as_int(parameter: str, value: object) -> int:
    """Return ``value`` as an int, or raise naming ``parameter`` if it is not a whole number.

    >>> as_int("stride", 2)
    2
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            rule = "must be a whole number" if math.isfinite(value) else "must be finite"
        else:
            rule = "must be an integer"
        raise SymconvError(parameter, rule, value)
    return int(value)


def per_dimension(parameter: str, value: object, rank: int) -> tuple[int, ...]:
    """Expand an int, or check a sequence of ``rank`` ints, into a per-dimension tuple.

    >>> per_dimension("stride", 2, 3)
    (2, 2, 2)
    >>> per_dimension("stride", (1, 2), 2)
    (1, 2)
    """
    return tuple(as_int(parameter, v) for v in _per_dimension_items(parameter, value, rank))


def _per_dimension_items(parameter: str, value: object, rank: int) -> tuple:
    """One item per dimension: a scalar or a one-item sequence repeated, else ``rank`` items."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return (value,) * rank
    items = tuple(value)
    if len(items) == 1 and rank != 1:
        items = items * rank
    if len(items) != rank:
        raise SymconvError(
            parameter, f"needs one value or one per spatial dimension ({rank})", value
        )
    return items


def sizes(parameter: str, value: object) -> tuple[int, ...]:
    """A shape: one int, or a sequence of ints, each at least 1.

    >>> sizes("shape", 3), sizes("shape", [2, 3])
    ((3,), (2, 3))
    """
    rank = len(value) if isinstance(value, (list, tuple)) else 1
    dims = per_dimension(parameter, value, rank)
    if not dims or min(dims) < 1:
        raise SymconvError(parameter, "every size must be an integer >= 1", value)
    return dims


def padding_pairs(value: object, rank: int) -> tuple[tuple[int, int], ...]:
    """Read padding as an int, one int per dimension, or one ``(begin, end)`` pair per dimension.

    >>> padding_pairs(1, 2)
    ((1, 1), (1, 1))
    >>> padding_pairs([(0, 1), 2], 2)
    ((0, 1), (2, 2))
    """
    pairs = []
    for item in _per_dimension_items("padding", value, rank):
        if isinstance(item, Iterable) and not isinstance(item, (str, bytes)):
            pair = tuple(item)
            if len(pair) != 2:
                raise SymconvError("padding", "a per-dimension pair must be (begin, end)", item)
            pairs.append((as_int("padding", pair[0]), as_int("padding", pair[1])))
        else:
            p = as_int("padding", item)
            pairs.append((p, p))
    return tuple(pairs)


@dataclass(frozen=True)
class Geometry:
    """The integer geometry of one transposed convolution, one entry per spatial dimension.

    >>> g = Geometry((2,), (3,), (2,), (1,), (1,), (1,), (0,))
    >>> g.rank, g.canvas_size, g.output_size
    (1, (5,), (3,))
    """

    input_size: tuple[int, ...]
    kernel_size: tuple[int, ...]
    stride: tuple[int, ...]
    dilation: tuple[int, ...]
    pad_begin: tuple[int, ...]
    pad_end: tuple[int, ...]
    output_padding: tuple[int, ...]

    @property
    def rank(self) -> int:
        """Number of spatial dimensions."""
        return len(self.input_size)

    @property
    def canvas_size(self) -> tuple[int, ...]:
        """Size of the uncropped canvas, ``s*(I - 1) + d*(k - 1) + 1`` per dimension."""
        return tuple(
            s * (i - 1) + d * (k - 1) + 1
            for i, k, s, d in zip(self.input_size, self.kernel_size, self.stride, self.dilation)
        )

    @property
    def output_size(self) -> tuple[int, ...]:
        """Size of the result: the canvas cropped by the pads, plus output_padding at the end."""
        return tuple(
            c - b - e + op
            for c, b, e, op in zip(
                self.canvas_size, self.pad_begin, self.pad_end, self.output_padding
            )
        )


def make_geometry(
    input_size: object,
    kernel_size: object,
    stride: object = 1,
    padding: object = 0,
    output_padding: object = 0,
    dilation: object = 1,
    *,
    rank: int | None = None,
    rules: str = "pytorch",
) -> Geometry:
    """Validate the parameters of a transposed convolution and return its :class:`Geometry`.

    ``rules="pytorch"`` applies PyTorch's checks (padding >= 0, output_padding smaller
    than stride or dilation); ``rules="onnx"`` allows the negative end pads and the
    larger output_padding that ONNX's ``output_shape`` can produce.

    >>> make_geometry((2, 2), 2, stride=2).output_size
    (4, 4)
    >>> make_geometry(2, 3, stride=0)
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: stride: must be an integer >= 1 (got (0,))
    """
    if rank is None:
        rank = _rank_of(input_size, kernel_size)
    if rank < 1:
        raise SymconvError("input_size", "needs at least one spatial dimension", input_size)
    sizes = {
        "input_size": per_dimension("input_size", input_size, rank),
        "kernel_size": per_dimension("kernel_size", kernel_size, rank),
        "stride": per_dimension("stride", stride, rank),
        "dilation": per_dimension("dilation", dilation, rank),
    }
    for name, values in sizes.items():
        if min(values) < 1:
            raise SymconvError(name, "must be an integer >= 1", values)
    pairs = padding_pairs(padding, rank)
    out_pad = per_dimension("output_padding", output_padding, rank)
    if min(out_pad) < 0:
        raise SymconvError("output_padding", "must be >= 0", out_pad)
    if rules == "pytorch":
        if min(min(p) for p in pairs) < 0:
            raise SymconvError("padding", "must be >= 0", padding)
        for op, s, d in zip(out_pad, sizes["stride"], sizes["dilation"]):
            if not (op < s or op < d):
                raise SymconvError(
                    "output_padding",
                    "must be smaller than either stride or dilation in each dimension",
                    out_pad,
                )
    elif rules != "onnx":
        raise SymconvError("rules", "must be 'pytorch' or 'onnx'", rules)
    geometry = Geometry(
        input_size=sizes["input_size"],
        kernel_size=sizes["kernel_size"],
        stride=sizes["stride"],
        dilation=sizes["dilation"],
        pad_begin=tuple(b for b, _ in pairs),
        pad_end=tuple(e for _, e in pairs),
        output_padding=out_pad,
    )
    if min(geometry.output_size) < 1:
        raise SymconvError(
            "padding",
            "leaves no output: (I-1)*s - (p_begin+p_end) + d*(k-1) + output_padding + 1 "
            f"= {geometry.output_size} must be >= 1",
            padding,
        )
    return geometry


def _rank_of(*values: object) -> int:
    for value in values:
        if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
            return len(value)
    return 1


def row_major_offsets(
    sizes: Sequence[int], steps: Sequence[int], strides: Sequence[int]
) -> list[int]:
    """Flat offsets of every index of a grid, in reading order, mapped by ``index*step*stride``.

    >>> row_major_offsets((2, 2), (1, 1), (2, 1))
    [0, 1, 2, 3]
    >>> row_major_offsets((2, 2), (2, 2), (4, 1))
    [0, 2, 8, 10]
    """
    offsets = [0]
    for n, step, stride in zip(sizes, steps, strides):
        offsets = [o + j * step * stride for o in offsets for j in range(n)]
    return offsets


def row_major_strides(shape: Sequence[int]) -> tuple[int, ...]:
    """Strides of a row-major (C order) array of ``shape``, in elements.

    >>> row_major_strides((3, 4, 5))
    (20, 5, 1)
    """
    strides = [1] * len(shape)
    for d in range(len(shape) - 2, -1, -1):
        strides[d] = strides[d + 1] * shape[d + 1]
    return tuple(strides)


def ndindex(shape: Sequence[int]) -> Iterable[tuple[int, ...]]:
    """Every index of ``shape`` in reading order.

    >>> list(ndindex((2, 2)))
    [(0, 0), (0, 1), (1, 0), (1, 1)]
    """
    return itertools.product(*(range(n) for n in shape))
