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

from symconv.core.construction import product, total
from symconv.core.problem import Plane, Problem


def conv_matrix_of(problem: Problem) -> ImmutableSparseMatrix:
    """The sparse matrix C of the direct convolution whose transpose ``problem`` is."""
    shape, entries = conv_matrix_entries(problem)
    return ImmutableSparseMatrix(*shape, entries)


def conv_matrix_entries(problem: Problem) -> tuple[tuple[int, int], dict]:
    """C's shape and its nonzero entries ``{(row, column): kernel tap}``."""
    g = problem.geometry
    in_count = math.prod(g.input_size)
    out_count = math.prod(g.output_size)
    # Per axis, the (input, tap, output) index triples the direct convolution links.
    links = [axis.links() for axis in g.axes]
    local = []  # (row, tap, column) within one channel pair, flat
    for combination in itertools.product(*links):
        row = tap = column = 0
        for (i, t, o), n, k, size in zip(combination, g.input_size, g.kernel_size, g.output_size):
            row, tap, column = row * n + i, tap * k + t, column * size + o
        local.append((row, tap, column))
    entries = {}
    for ci in range(problem.in_channels):
        first = (ci // problem.in_per_group) * problem.out_per_group
        for j, w_plane in enumerate(problem.w[ci]):
            row0, column0 = ci * in_count, (first + j) * out_count
            for row, tap, column in local:
                entries[row0 + row, column0 + column] = w_plane[tap]
    shape = (problem.in_channels * in_count, problem.out_channels * out_count)
    return shape, entries


def transpose(problem: Problem) -> list[list[Plane]]:
    """Output planes ``[n][c_out]`` computed as ``C^T x`` for each batch element."""
    (_, columns), entries = conv_matrix_entries(problem)
    out_count = math.prod(problem.geometry.output_size)
    # Row r of C^T is column r of C.
    by_row: list[list[tuple[int, object]]] = [[] for _ in range(columns)]
    for (r, c), value in entries.items():
        by_row[c].append((r, value))
    planes = []
    for n in range(problem.batch):
        x = [e for plane in problem.x[n] for e in plane]
        y = []
        for r, row in enumerate(by_row):
            bias = [problem.bias[r // out_count]] if problem.bias is not None else []
            y.append(total([product(x[c], value) for c, value in row], bias))
        planes.append(
            [y[co * out_count : (co + 1) * out_count] for co in range(problem.out_channels)]
        )
    return planes
