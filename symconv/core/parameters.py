"""Reading and checking parameters: whole numbers, one value per dimension, pads, the rules.

Every parameter check of the package lives here, so each rule has one wording.

>>> per_dimension("stride", 2, 3)
(2, 2, 2)
>>> padding_pairs([(0, 1), 2], 2)
((0, 1), (2, 2))
>>> positive_per_dimension("stride", (1, 0), 2)
Traceback (most recent call last):
...
symconv.errors.SymconvError: stride: must be an integer >= 1 (got (1, 0))
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Sequence

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

    >>> per_dimension("stride", (1, 2), 2)
    (1, 2)
    """
    return tuple(as_int(parameter, v) for v in _per_dimension_items(parameter, value, rank))


def positive_per_dimension(parameter: str, value: object, rank: int) -> tuple[int, ...]:
    """:func:`per_dimension`, each value at least 1 (sizes, strides, dilations).

    >>> positive_per_dimension("dilation", 2, 2)
    (2, 2)
    """
    values = per_dimension(parameter, value, rank)
    if min(values) < 1:
        raise SymconvError(parameter, "must be an integer >= 1", values)
    return values


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


def shape_sizes(parameter: str, value: object) -> tuple[int, ...]:
    """A shape: one int, or a sequence of ints, each at least 1.

    >>> shape_sizes("shape", 3), shape_sizes("shape", [2, 3])
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


def begins_then_ends(
    parameter: str, values: Sequence[int], rank: int
) -> tuple[tuple[int, int], ...]:
    """ONNX's pads layout, ``[x1_begin, x2_begin, ..., x1_end, x2_end, ...]``, as pairs.

    >>> begins_then_ends("pads", [1, 0, 2, 0], 2)
    ((1, 2), (0, 0))
    """
    listed = isinstance(values, Sequence) and not isinstance(values, (str, bytes))
    if not listed or len(values) != 2 * rank:
        rule = f"must list {2 * rank} values: all begins, then all ends"
        raise SymconvError(parameter, rule, values)
    begin = per_dimension(parameter, values[:rank], rank)
    end = per_dimension(parameter, values[rank:], rank)
    return tuple(zip(begin, end))


def check_output_padding(
    parameter: str, output_padding: Sequence[int], stride: Sequence[int], dilation: Sequence[int]
) -> None:
    """PyTorch's rule: output_padding >= 0 and smaller than the stride or the dilation.

    >>> check_output_padding("output_padding", (1,), (2,), (1,))
    >>> check_output_padding("output_padding", (2,), (2,), (1,))
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: output_padding: must be smaller than either stride or dilation ...
    """
    if min(output_padding) < 0:
        raise SymconvError(parameter, "must be >= 0", tuple(output_padding))
    for op, s, d in zip(output_padding, stride, dilation):
        if not (op < s or op < d):
            raise SymconvError(
                parameter,
                "must be smaller than either stride or dilation in each dimension",
                tuple(output_padding),
            )
