"""Index arithmetic of row-major grids: every index in reading order, strides, offsets.

>>> list(ndindex((2, 2)))
[(0, 0), (0, 1), (1, 0), (1, 1)]
>>> row_major_strides((3, 4)), unflatten(5, (3, 4)), flatten((1, 1), (3, 4))
((4, 1), (1, 1), 5)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence


def ndindex(shape: Sequence[int]) -> Iterable[tuple[int, ...]]:
    """Every index of ``shape`` in reading order.

    >>> list(ndindex((3,)))
    [(0,), (1,), (2,)]
    """
    return itertools.product(*(range(n) for n in shape))


def row_major_strides(shape: Sequence[int]) -> tuple[int, ...]:
    """Strides of a row-major (C order) array of ``shape``, in elements.

    >>> row_major_strides((3, 4, 5))
    (20, 5, 1)
    """
    strides = [1] * len(shape)
    for d in range(len(shape) - 2, -1, -1):
        strides[d] = strides[d + 1] * shape[d + 1]
    return tuple(strides)


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


def flatten(index: Sequence[int], shape: Sequence[int]) -> int:
    """The reading-order number of ``index`` in a grid of ``shape``.

    >>> flatten((2, 3), (3, 4))
    11
    """
    return sum(i * s for i, s in zip(index, row_major_strides(shape)))


def unflatten(flat: int, shape: Sequence[int]) -> tuple[int, ...]:
    """The index of element number ``flat`` (reading order) in a grid of ``shape``.

    >>> unflatten(11, (3, 4))
    (2, 3)
    """
    index = []
    for size in reversed(shape):
        flat, r = divmod(flat, size)
        index.append(r)
    return tuple(reversed(index))
