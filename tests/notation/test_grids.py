"""Matrices written from their cells: elision, and the layout amsmath accepts."""

from __future__ import annotations

import pytest

from symconv.notation.grids import MAX_MATRIX_COLS, array_latex, cells_latex
from symconv.notation.style import Notation


def test_only_the_cells_that_are_printed_are_written():
    asked = []

    def cell(r, c):
        asked.append((r, c))
        return f"c_{{{r},{c}}}"

    latex = cells_latex(10**6, 10**6, cell, Notation())
    assert len(asked) == 9 * 9  # the first 8 rows and the last, by the first 8 columns and the last
    assert "c_{999999,999999}" in latex and r"\ddots" in latex


@pytest.mark.parametrize("delimiter, left, right", [("pmatrix", "(", ")"), ("bmatrix", "[", "]")])
def test_more_columns_than_amsmath_takes_become_an_array(delimiter, left, right):
    wide = [[str(c) for c in range(MAX_MATRIX_COLS + 1)]]
    latex = array_latex(wide, Notation(delimiter=delimiter, full=True))
    assert latex.startswith(rf"\left{left}\begin{{array}}{{{'c' * (MAX_MATRIX_COLS + 1)}}}")
    assert latex.endswith(rf"\end{{array}}\right{right}")
    narrow = array_latex([row[:MAX_MATRIX_COLS] for row in wide], Notation(delimiter=delimiter))
    assert narrow.startswith(rf"\begin{{{delimiter}}}")
