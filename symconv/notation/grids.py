"""Arrays, matrices and a derivation's result written out as plain text and as LaTeX.

Sums in a derivation's output are written in the order the derivation recorded them
(the input's reading order: ``x1*w3 + x2*w1``), in text as in LaTeX; a derivation is
anything with an ``output`` array and ``terms(index)``, the products of one entry in
order (:class:`symconv.engine.derivation.Derivation` is one). Arrays of any rank are shown as
1-D rows or 2-D grids, one per leading index (``O[0, 1, :, :]``); the result is named
:data:`~symconv.notation.style.RESULT`.

>>> from symconv.engine.presets import preset
>>> print(output_text(preset("example-1d")))
O = [x1*w2, x1*w3 + x2*w1, x2*w2]
>>> output_latex(preset("example-1d"))
'O = \\\\begin{pmatrix} x_{1} w_{2} & x_{1} w_{3} + x_{2} w_{1} & x_{2} w_{2} \\\\end{pmatrix}'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sympy

from symconv.core.grid import ndindex, row_major_strides
from symconv.core.tensors import flat_elements
from symconv.notation.expressions import (
    expr_latex,
    ordered_sum_latex,
    ordered_sum_text,
    sum_latex,
    sum_text,
)
from symconv.notation.style import RESULT, Notation, checked_notation

Index = tuple[int, ...]


#: Rows and columns a ``full`` matrix writes at most: a 600-column C would exhaust TeX's memory.
MAX_FULL = 64

#: amsmath's matrix environments take at most this many columns; wider ones use ``array``.
MAX_MATRIX_COLS = 10
_FENCES = {
    "pmatrix": ("(", ")"),
    "bmatrix": ("[", "]"),
    "vmatrix": ("|", "|"),
    "matrix": (".", "."),
}


def array_latex(rows: Sequence[Sequence[str]], notation: Notation | None = None) -> str:
    r"""A matrix of already-written LaTeX cells, elided past the notation's size limits.

    >>> rows = [[str(10 * r + c) for c in range(5)] for r in range(5)]
    >>> for line in array_latex(rows, Notation(max_rows=3, max_cols=3)).split(r" \\ "):
    ...     print(line)
    \begin{pmatrix} 0 & \cdots & 4
    \vdots & \ddots & \vdots
    40 & \cdots & 44 \end{pmatrix}
    """
    rows = [list(r) for r in rows]
    width = len(rows[0]) if rows else 0
    return cells_latex(len(rows), width, lambda r, c: rows[r][c], notation)


def cells_latex(
    n_rows: int, n_cols: int, cell: Callable[[int, int], str], notation: Notation | None = None
) -> str:
    r"""A matrix whose cell ``(r, c)`` is ``cell(r, c)``, written only where elision keeps it.

    Memory and time follow what is printed, not the matrix's size. Past
    :data:`MAX_MATRIX_COLS` written columns the matrix is an ``array`` between fences, which
    amsmath's matrix environments would refuse.

    >>> print(cells_latex(1, 12, lambda r, c: str(c), Notation(full=True)))
    \left(\begin{array}{cccccccccccc} 0 & 1 & 2 & ... & 10 & 11 \end{array}\right)
    """
    notation = checked_notation(notation)
    rows = _kept(n_rows, notation.max_rows, notation.full)
    cols = _kept(n_cols, notation.max_cols, notation.full)
    written = []
    for r in rows:
        if r is None:
            written.append([r"\vdots" if c is not None else r"\ddots" for c in cols])
        else:
            written.append([cell(r, c) if c is not None else r"\cdots" for c in cols])
    body = r" \\ ".join(" & ".join(row) for row in written)
    if len(cols) <= MAX_MATRIX_COLS:
        return rf"\begin{{{notation.delimiter}}} {body} \end{{{notation.delimiter}}}"
    left, right = _FENCES[notation.delimiter]
    return rf"\left{left}\begin{{array}}{{{'c' * len(cols)}}} {body} \end{{array}}\right{right}"


def _kept(count: int, limit: int, full: bool) -> list[int | None]:
    """The indices written out of ``count``: all, or the first ``limit - 2``, a gap, the last.

    ``full`` raises the limit to :data:`MAX_FULL`, as many as TeX's memory holds.
    """
    limit = MAX_FULL if full else limit
    if count <= limit:
        return list(range(count))
    return [*range(limit - 2), None, count - 1]


def slices(shape: Sequence[int]) -> list[tuple[Index, list[list[Index]]]]:
    """The array split for display: per leading index, the rows of full indices of a grid.

    1-D is one row; 2-D one grid; higher ranks one grid per index of the leading axes.

    >>> slices((2,))
    [((), [[(0,), (1,)]])]
    >>> [lead for lead, _ in slices((2, 1, 3))]
    [(0,), (1,)]
    """
    shape = tuple(shape)
    lead_shape, grid = (shape[:-2], shape[-2:]) if len(shape) >= 2 else ((), (1, *shape))
    parts = []
    for lead in ndindex(lead_shape):
        rows = [
            [(*lead, *((r, c) if len(shape) >= 2 else (c,))) for c in range(grid[1])]
            for r in range(grid[0])
        ]
        parts.append((tuple(lead), rows))
    return parts


def _label(name: str, lead: Index, rank: int, latex: bool) -> str:
    if not lead:
        return name
    free = [":"] * (rank - len(lead))
    if latex:
        return f"{name}_{{{','.join([*map(str, lead), *free])}}}"
    return f"{name}[{', '.join([*map(str, lead), *free])}]"


def grid_text(
    name: str, shape: Sequence[int], cell: Callable[[Index], str], *, align: bool = False
) -> str:
    """``name = [...]`` for 1-D, or ``name =`` followed by one bracketed row per line.

    >>> print(grid_text("C", (2, 2), lambda i: "w1" if i[0] == i[1] else "0", align=True))
    C =
    [w1,  0]
    [ 0, w1]
    """
    lines = []
    for lead, rows in slices(shape):
        texts = [[cell(index) for index in row] for row in rows]
        if align:
            widths = [max(len(row[c]) for row in texts) for c in range(len(texts[0]))]
            texts = [[t.rjust(w) for t, w in zip(row, widths)] for row in texts]
        bracketed = ["[" + ", ".join(row) + "]" for row in texts]
        label = _label(name, lead, len(shape), latex=False)
        if len(shape) == 1:
            lines.append(f"{label} = {bracketed[0]}")
        else:
            lines.extend([f"{label} =", *bracketed])
    return "\n".join(lines)


def grid_latex(
    name: str,
    shape: Sequence[int],
    cell: Callable[[Index], str],
    notation: Notation | None = None,
) -> str:
    r"""``name = \begin{pmatrix}...\end{pmatrix}`` per slice; several slices are ``gathered``.

    The result is mathematics without delimiters: put it in ``\[ ... \]`` or ``$$ ... $$``.

    >>> grid_latex("y", (2,), lambda i: f"a_{{{i[0]}}}")
    'y = \\begin{pmatrix} a_{0} & a_{1} \\end{pmatrix}'
    """
    equations = []
    for lead, rows in slices(shape):
        matrix = cells_latex(
            len(rows), len(rows[0]), lambda r, c, rows=rows: cell(rows[r][c]), notation
        )
        equations.append(f"{_label(name, lead, len(shape), latex=True)} = {matrix}")
    if len(equations) == 1:
        return equations[0]
    return r"\begin{gathered} " + r" \\ ".join(equations) + r" \end{gathered}"


def _ordered_cells(derivation, output, write_sum, write_expr):
    """A cell writer for ``output``: each entry as the derivation's sum in its own order, or,
    where ``output`` (another method's result) differs, as it is.

    The entries are read once into flat lists (indexing a SymPy array costs more than
    writing the entry).
    """
    strides = row_major_strides(tuple(int(n) for n in output.shape))
    same = output is derivation.output
    values = flat_elements(output)
    own = values if same else flat_elements(derivation.output)

    def cell(index: Index) -> str:
        flat = sum(i * s for i, s in zip(index, strides))
        if same or values[flat] == own[flat]:
            return write_sum(derivation.terms(index))
        return write_expr(values[flat])  # another method's result that differs: as it is

    return cell


def output_text(derivation, output=None) -> str:
    """The result as text, sums in the derivation's order (``output``: another method's result).

    An ``output`` entry that differs from the derivation's own is shown as it is.

    >>> from symconv.engine.presets import preset
    >>> print(output_text(preset("example-2d-s2")).splitlines()[1])
    [a*w11, a*w12, b*w11, b*w12]
    """
    output = derivation.output if output is None else output
    return grid_text(RESULT, output.shape, _ordered_cells(derivation, output, sum_text, str))


def output_latex(derivation, notation: Notation | None = None, output=None) -> str:
    """The result matrix alone as LaTeX mathematics, sums in the derivation's order.

    >>> from symconv.engine.presets import preset
    >>> print(output_latex(preset("example-2d-s1")).split(r" \\\\ ")[1])
    a w_{21} + c w_{11} & a w_{22} + b w_{21} + c w_{12} + d w_{11} & b w_{22} + d w_{12}
    """
    output = derivation.output if output is None else output
    per_line = checked_notation(notation).terms_per_line

    def write_sum(pairs):
        return sum_latex(pairs, per_line=per_line)

    return grid_latex(
        RESULT, output.shape, _ordered_cells(derivation, output, write_sum, expr_latex), notation
    )


def values_text(name: str, array, first: dict | None = None) -> str:
    """Any SymPy array as text; with ``first`` (each input symbol's place, see
    :func:`~symconv.notation.expressions.symbol_places`) sums are written input first.

    >>> print(values_text("O", sympy.ImmutableDenseNDimArray([1, 2, 3, 4], (2, 1, 2))))
    O[0, :, :] =
    [1, 2]
    O[1, :, :] =
    [3, 4]
    >>> x1, w2 = sympy.symbols("x1 w2")
    >>> values_text("O", sympy.ImmutableDenseNDimArray([w2 * x1]), {x1: 0})
    'O = [x1*w2]'
    """
    if first:
        return grid_text(name, array.shape, lambda i: ordered_sum_text(array[i], first))
    return grid_text(name, array.shape, lambda i: str(array[i]))


def values_latex(
    name: str, array, notation: Notation | None = None, first: dict | None = None
) -> str:
    """Any SymPy array as LaTeX mathematics (one matrix per slice), input first with ``first``.

    >>> x1, w2 = sympy.symbols("x1 w2")
    >>> values_latex("O", sympy.ImmutableDenseNDimArray([w2 * x1]), first={x1: 0})
    'O = \\\\begin{pmatrix} x_{1} w_{2} \\\\end{pmatrix}'
    """
    if first:
        per_line = checked_notation(notation).terms_per_line
        return grid_latex(
            name, array.shape, lambda i: ordered_sum_latex(array[i], first, per_line), notation
        )
    return grid_latex(name, array.shape, lambda i: expr_latex(array[i]), notation)


def matrix_text(name: str, matrix: sympy.MatrixBase) -> str:
    """A SymPy matrix as text, columns aligned.

    >>> print(matrix_text("C", sympy.Matrix([[1, 0], [2, 3]])))
    C =
    [1, 0]
    [2, 3]
    """
    return grid_text(name, matrix.shape, lambda i: str(matrix[i]), align=True)


def matrix_latex(name: str, matrix: sympy.MatrixBase, notation: Notation | None = None) -> str:
    """A SymPy matrix as LaTeX mathematics, elided past the notation's limits.

    >>> matrix_latex("C", sympy.Matrix([[1, 0]]))
    'C = \\\\begin{pmatrix} 1 & 0 \\\\end{pmatrix}'
    """
    return grid_latex(name, matrix.shape, lambda i: expr_latex(matrix[i]), notation)


def display_equation(math: str) -> str:
    r"""LaTeX mathematics as a display equation, ``\[ ... \]``, ready to paste into a paper.

    >>> print(display_equation("y = 1"), end="")
    \[
    y = 1
    \]
    """
    return f"\\[\n{math}\n\\]\n"
