"""Array layouts of the frameworks: channels first or last, kernels by their dimension letters.

The engine computes in PyTorch's layout (input ``(N, C_in, *I)``, weight
``(C_in, C_out, *k)``); each framework front-end moves its operands into that layout
and its result back with these helpers. Nothing here does arithmetic.

>>> from sympy import ImmutableDenseNDimArray as A
>>> x = A(range(6), (1, 3, 2))          # (N, W, C): channels last
>>> channels_first(x).tolist()
[[[0, 2, 4], [1, 3, 5]]]
>>> channels_last(channels_first(x)) == x
True
>>> flipped(A([1, 2, 3], (3,)), (0,)).tolist()
[3, 2, 1]
"""

from __future__ import annotations

from sympy import ImmutableDenseNDimArray, permutedims

from symconv.core.grid import ndindex


def rearranged(array: ImmutableDenseNDimArray, order: tuple[int, ...]) -> ImmutableDenseNDimArray:
    """``array`` with its axes in ``order``: axis ``n`` of the result is ``order[n]`` of it.

    >>> from sympy import ImmutableDenseNDimArray as A
    >>> rearranged(A(range(6), (2, 3)), (1, 0)).tolist()
    [[0, 3], [1, 4], [2, 5]]
    """
    if tuple(order) == tuple(range(array.rank())):
        return array
    return ImmutableDenseNDimArray(permutedims(array, list(order)))


def channels_first(array: ImmutableDenseNDimArray) -> ImmutableDenseNDimArray:
    """``(N, *spatial, C)`` as ``(N, C, *spatial)``."""
    rank = array.rank()
    return rearranged(array, (0, rank - 1, *range(1, rank - 1)))


def channels_last(array: ImmutableDenseNDimArray) -> ImmutableDenseNDimArray:
    """``(N, C, *spatial)`` as ``(N, *spatial, C)``."""
    rank = array.rank()
    return rearranged(array, (0, *range(2, rank), 1))


def flipped(array: ImmutableDenseNDimArray, axes: tuple[int, ...]) -> ImmutableDenseNDimArray:
    """``array`` reversed along each of ``axes``."""
    shape = tuple(int(n) for n in array.shape)
    values = []
    for index in ndindex(shape):
        source = tuple(shape[a] - 1 - i if a in axes else i for a, i in enumerate(index))
        values.append(array[source])
    return ImmutableDenseNDimArray(values, shape)


def spec_order(spec: str, first: str, second: str, spatial: str) -> tuple[int, ...]:
    """The axes of an array laid out as ``spec`` taken as (``first``, ``second``, *spatial).

    >>> spec_order("HWIO", "O", "I", "HW")
    (3, 2, 0, 1)
    """
    return (spec.index(first), spec.index(second), *(spec.index(c) for c in spatial))
