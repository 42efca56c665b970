"""The zero-insertion view: stretch the input with zeros, border it, then correlate at stride 1.

``s - 1`` zeros go between input units; each side gets a border of ``d*(k-1) - p``
zeros (negative means crop), the high side also output_padding; a stride-1
correlation with the spatially flipped, dilated kernel gives the output.

>>> from symconv.core.geometry import make_geometry
>>> stretched_positions(make_geometry(2, 3, stride=2, padding=1))
[None, 0, None, 1, None]
"""

from __future__ import annotations

import math

from symconv.core.construction import ranked_sum
from symconv.core.geometry import Geometry
from symconv.core.grid import ndindex, row_major_strides
from symconv.core.problem import Plane, Problem


def borders(geometry: Geometry) -> tuple[tuple[int, int], ...]:
    """The (low, high) border added around the stretched input, per dimension."""
    return tuple(
        (d * (k - 1) - b, d * (k - 1) - e + op)
        for k, d, b, e, op in zip(
            geometry.kernel_size,
            geometry.dilation,
            geometry.pad_begin,
            geometry.pad_end,
            geometry.output_padding,
        )
    )


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


def transpose(problem: Problem) -> list[list[Plane]]:
    """Output planes ``[n][c_out]``: stride-1 correlation of the stretched input, flipped kernel."""
    geometry = problem.geometry
    size = stretched_size(geometry)
    z_strides = row_major_strides(size)
    positions = stretched_positions(geometry)
    kernel_count = math.prod(geometry.kernel_size)
    window = [
        sum(t * d * st for t, d, st in zip(tap, geometry.dilation, z_strides))
        for tap in ndindex(geometry.kernel_size)
    ]
    # Per output cell, the (input element, flipped tap) pairs its window sees; zeros are skipped.
    last = kernel_count - 1
    seen = []
    for index in ndindex(geometry.output_size):
        corner = sum(o * st for o, st in zip(index, z_strides))
        pairs = []
        for t, offset in enumerate(window):
            element = positions[corner + offset]
            if element is not None:
                pairs.append((element, last - t))
        seen.append(pairs)
    x_ranks, w_ranks = problem.ranks()
    planes = []
    for n in range(problem.batch):
        batch_planes = []
        for co in range(problem.out_channels):
            group, j = divmod(co, problem.out_per_group)
            sources = [
                (problem.x[n][ci], x_ranks[n][ci], problem.w[ci][j], w_ranks[ci][j])
                for ci in range(group * problem.in_per_group, (group + 1) * problem.in_per_group)
            ]
            bias = [problem.bias[co]] if problem.bias is not None else []
            batch_planes.append(
                [
                    ranked_sum(
                        [(xr[i], x[i], wr[t], w[t]) for x, xr, w, wr in sources for i, t in pairs],
                        bias,
                    )
                    for pairs in seen
                ]
            )
        planes.append(batch_planes)
    return planes
