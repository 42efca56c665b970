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

from symconv.core.geometry import Axis, Geometry
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


def axis_pairs(axis: Axis) -> list[list[tuple[int, int]]]:
    """Along one axis: paint, crop, and list the ``(input, tap)`` pairs each output cell keeps.

    >>> from symconv.core.geometry import make_geometry
    >>> axis_pairs(make_geometry(2, 3, stride=2, padding=1).axes[0])
    [[(0, 1)], [(0, 2), (1, 0)], [(1, 1)]]
    """
    canvas: list[list[tuple[int, int]]] = [[] for _ in range(axis.canvas)]
    for i in range(axis.input):
        for t in range(axis.kernel):
            canvas[i * axis.stride + t * axis.dilation].append((i, t))
    cells = (o + axis.pad_begin for o in range(axis.output))
    return [canvas[c] if 0 <= c < axis.canvas else [] for c in cells]


def transpose(problem: Problem) -> list[list[Plane]]:
    """Output planes ``[n][c_out]`` of the transposed convolution, by painting and cropping.

    The canvas of a cell is the product of its axes' canvases, so each axis is painted
    and cropped alone (:func:`axis_pairs`); :func:`paint` and :func:`crop` show the whole.
    """
    return problem.separable_planes([axis_pairs(axis) for axis in problem.geometry.axes])
