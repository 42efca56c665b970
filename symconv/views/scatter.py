"""The scatter view: paint each input element times the kernel onto a canvas, then crop.

The block of input element ``i`` has its top-left corner at ``i*s`` on a canvas of
size ``s*(I-1) + d*(k-1) + 1``; its taps are ``d`` apart. The padding crops the
canvas, and output_padding (or a negative end pad) adds zeros at the high end.

>>> from symconv.core.geometry import make_geometry
>>> g = make_geometry(2, 3, stride=2, padding=1)
>>> paint(g)
[[(0, 0)], [(0, 1)], [(0, 2), (1, 0)], [(1, 1)], [(1, 2)]]
>>> crop(g)
[1, 2, 3]
"""

from __future__ import annotations

import math

from symconv.core.construction import ranked_sum
from symconv.core.geometry import Geometry
from symconv.core.grid import ndindex, row_major_offsets, row_major_strides
from symconv.core.problem import Plane, Problem


def paint(geometry: Geometry) -> list[list[tuple[int, int]]]:
    """For each canvas cell, the ``(input element, kernel tap)`` pairs painted there, in order.

    Input elements and taps are flat indices in reading order; the pairs of a cell
    come in the input's reading order, then the kernel's.
    """
    canvas = geometry.canvas_size
    strides = row_major_strides(canvas)
    starts = row_major_offsets(geometry.input_size, geometry.stride, strides)
    taps = row_major_offsets(geometry.kernel_size, geometry.dilation, strides)
    cells: list[list[tuple[int, int]]] = [[] for _ in range(math.prod(canvas))]
    for i, start in enumerate(starts):
        for t, tap in enumerate(taps):
            cells[start + tap].append((i, t))
    return cells


def crop(geometry: Geometry) -> list[int | None]:
    """For each output cell, the canvas cell it keeps, or None for an added zero."""
    canvas = geometry.canvas_size
    strides = row_major_strides(canvas)
    kept = []
    for index in ndindex(geometry.output_size):
        cell = 0
        for o, begin, size, stride in zip(index, geometry.pad_begin, canvas, strides):
            c = o + begin
            if not 0 <= c < size:
                cell = None
                break
            cell += c * stride
        kept.append(cell)
    return kept


def transpose(
    problem: Problem, cells: list | None = None, kept: list | None = None
) -> list[list[Plane]]:
    """Output planes ``[n][c_out]`` of the transposed convolution, by painting and cropping.

    ``cells`` and ``kept`` default to :func:`paint` and :func:`crop` of the geometry.
    """
    geometry = problem.geometry
    cells = paint(geometry) if cells is None else cells
    kept = crop(geometry) if kept is None else kept
    kept_pairs = [cells[c] if c is not None else () for c in kept]
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
                    for pairs in kept_pairs
                ]
            )
        planes.append(batch_planes)
    return planes
