"""The matrix view: ``vec(O) = C^T vec(I)``, C the matrix of the matching direct convolution.

C maps a transposed output (``C_out`` channels of size O) back to the input's shape
(``C_in`` channels of size I): row ``(c_in, i)``, column ``(c_out, o)`` holds the
kernel tap ``w[c_in, j, t]`` that links them when ``o = i*s + t*d - p_begin``.

>>> from symconv.core.problem import make_problem
>>> conv_matrix_of(make_problem([[1, 2]], [[["w1", "w2", "w3"]]], stride=2, padding=1))
Matrix([
[w2, w3,  0],
[ 0, w1, w2]])
"""

from __future__ import annotations

import itertools
import math

from sympy import ImmutableSparseMatrix

from symconv.core.geometry import Axis
from symconv.core.problem import Plane, Problem


def conv_matrix_of(problem: Problem) -> ImmutableSparseMatrix:
    """The sparse matrix C of the direct convolution whose transpose ``problem`` is."""
    shape, entries = conv_matrix_entries(problem)
    return ImmutableSparseMatrix(*shape, entries)


def conv_matrix_entries(problem: Problem) -> tuple[tuple[int, int], dict]:
    """C's shape and the entries its kernel taps fill, ``{(row, column): tap}`` (a tap that
    is the number 0 is kept, as 0)."""
    shape, columns = conv_matrix_columns(problem)
    w_flat = [e for channel in problem.w for plane in channel for e in plane]
    entries = {(row, column): w_flat[k] for column, pairs in enumerate(columns) for row, k in pairs}
    return shape, entries


def conv_matrix_columns(problem: Problem) -> tuple[tuple[int, int], list[list[tuple[int, int]]]]:
    """C's shape and, per column, its nonzero entries as ``(row, weight element)`` pairs.

    The weight element is a flat index into ``w[c_in][j]`` planes in reading order; rows
    of C are the flat input elements, so column ``r`` is row ``r`` of C^T.

    >>> from symconv.core.problem import make_problem
    >>> p = make_problem([[1, 2]], [[["w1", "w2", "w3"]]], stride=2, padding=1)
    >>> conv_matrix_columns(p)
    ((2, 3), [[(0, 1)], [(0, 2), (1, 0)], [(1, 1)]])
    """
    g = problem.geometry
    in_count = math.prod(g.input_size)
    out_count = math.prod(g.output_size)
    taps = math.prod(g.kernel_size)
    # Per axis, the (input, tap, output) index triples the direct convolution links.
    links = [axis.links() for axis in g.axes]
    local = []  # (row, tap, column) within one channel pair, flat
    for combination in itertools.product(*links):
        row = tap = column = 0
        for (i, t, o), n, k, size in zip(combination, g.input_size, g.kernel_size, g.output_size):
            row, tap, column = row * n + i, tap * k + t, column * size + o
        local.append((row, tap, column))
    columns: list[list[tuple[int, int]]] = [[] for _ in range(problem.out_channels * out_count)]
    for ci in range(problem.in_channels):
        first = (ci // problem.in_per_group) * problem.out_per_group
        for j in range(problem.out_per_group):
            row0, column0 = ci * in_count, (first + j) * out_count
            k0 = (ci * problem.out_per_group + j) * taps
            for row, tap, column in local:
                columns[column0 + column].append((row0 + row, k0 + tap))
    shape = (problem.in_channels * in_count, problem.out_channels * out_count)
    return shape, columns


def axis_pairs(axis: Axis) -> list[list[tuple[int, int]]]:
    """Along one axis, column ``o`` of C: the ``(input, tap)`` pairs of its nonzero entries.

    C is the Kronecker product of its axes' matrices, so a column of C^T x is the
    product of its axes' columns.

    >>> from symconv.core.geometry import make_geometry
    >>> axis_pairs(make_geometry(2, 3, stride=2, padding=1).axes[0])
    [[(0, 1)], [(0, 2), (1, 0)], [(1, 1)]]
    """
    columns: list[list[tuple[int, int]]] = [[] for _ in range(axis.output)]
    for i, t, o in axis.links():
        columns[o].append((i, t))
    return columns


def transpose(problem: Problem) -> list[list[Plane]]:
    """Output planes ``[n][c_out]`` computed as ``C^T x`` for each batch element."""
    return problem.separable_planes([axis_pairs(axis) for axis in problem.geometry.axes])
