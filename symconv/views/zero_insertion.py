"""The zero-insertion view: stretch the input with zeros, border it, then correlate at stride 1.

``s - 1`` zeros go between input units; each side gets a border of ``d*(k-1) - p``
zeros (negative means crop), the high side also output_padding; a stride-1
correlation with the spatially flipped, dilated kernel gives the output.

>>> from symconv.core.geometry import make_geometry
>>> stretched_positions(make_geometry(2, 3, stride=2, padding=1))
[None, 0, None, 1, None]
"""

from __future__ import annotations

from symconv.core.geometry import Axis, Geometry
from symconv.core.grid import ndindex, row_major_strides
from symconv.core.problem import Plane, Problem


def borders(geometry: Geometry) -> tuple[tuple[int, int], ...]:
    """The (low, high) border added around the stretched input, per dimension."""
    return tuple(axis_borders(axis) for axis in geometry.axes)


def axis_borders(axis: Axis) -> tuple[int, int]:
    """The (low, high) border of one axis: ``d*(k - 1) - p`` each side, plus output_padding high.

    >>> from symconv.core.geometry import make_geometry
    >>> axis_borders(make_geometry(2, 3, stride=2, padding=1, output_padding=1).axes[0])
    (1, 2)
    """
    span = axis.dilation * (axis.kernel - 1)
    return span - axis.pad_begin, span - axis.pad_end + axis.output_padding


def stretched_size(geometry: Geometry) -> tuple[int, ...]:
    """Size of the stretched and bordered input, per dimension."""
    return tuple(
        s * (i - 1) + 1 + low + high
        for i, s, (low, high) in zip(geometry.input_size, geometry.stride, borders(geometry))
    )


def stretched_positions(geometry: Geometry) -> list[int | None]:
    """For each cell of the stretched, bordered input: the input element there, or None for 0."""
    size = stretched_size(geometry)
    in_strides = row_major_strides(geometry.input_size)
    axes = list(
        zip(borders(geometry), geometry.stride, geometry.input_size, in_strides, strict=True)
    )
    cells = []
    for index in ndindex(size):
        element = 0
        for m, ((low, _), s, n, stride) in zip(index, axes):
            q, r = divmod(m - low, s)
            if r or not 0 <= q < n:
                element = None
                break
            element += q * stride
        cells.append(element)
    return cells


def axis_pairs(axis: Axis) -> list[list[tuple[int, int]]]:
    """Along one axis: stretch, border, slide the flipped kernel; the nonzero pairs per output.

    Each output cell's pairs are ``(input element, kernel tap)``, zeros skipped.

    >>> from symconv.core.geometry import make_geometry
    >>> axis_pairs(make_geometry(2, 3, stride=2, padding=1).axes[0])
    [[(0, 1)], [(0, 2), (1, 0)], [(1, 1)]]
    """
    low, high = axis_borders(axis)
    s, d, k = axis.stride, axis.dilation, axis.kernel
    size = s * (axis.input - 1) + 1 + low + high
    positions = []
    for m in range(size):
        q, r = divmod(m - low, s)
        positions.append(q if not r and 0 <= q < axis.input else None)
    flipped = [(t * d, k - 1 - t) for t in range(k)]
    return [
        [
            (positions[o + offset], tap)
            for offset, tap in flipped
            if positions[o + offset] is not None
        ]
        for o in range(axis.output)
    ]


def transpose(problem: Problem) -> list[list[Plane]]:
    """Output planes ``[n][c_out]``: stride-1 correlation of the stretched input, flipped kernel.

    Stretching, bordering and the window act on each axis alone (:func:`axis_pairs`);
    :func:`stretched_positions` shows the whole stretched input.
    """
    return problem.separable_planes([axis_pairs(axis) for axis in problem.geometry.axes])
