"""Answers to generated exercises, as students write them: right, or with one slip injected.

Each wrong answer is computed independently of the checker: the kernel flipped is the
derivation of the flipped kernel, the padding not cropped is the canvas written as the
result, the result transposed is its matrix transposed.
"""

from __future__ import annotations

import sympy

from symconv.checker.steps import canvas_values, step_for
from symconv.engine.derivation import derive
from symconv.notation.expressions import expr_latex
from symconv.notation.grids import grid_latex
from symconv.notation.style import Notation


def latex_answer(name: str, shape: tuple[int, ...], values: list) -> str:
    """``name = \\begin{pmatrix}...`` in display math, entries as SymPy writes them."""
    width = shape[-1]

    def cell(index):
        return expr_latex(values[index[0] * width + index[1] if len(index) == 2 else index[0]])

    return "$$ " + grid_latex(name, shape, cell, Notation(full=True)) + " $$"


def plain_answer(exercise) -> str:
    """The right answer as a plain list: ``O_full = [[a*w11, ...], ...]``."""
    if exercise.asked == "size":
        return exercise.answer_latex().replace(r", \quad ", "\n")
    step = exercise.step
    values = [str(v) for v in step.values]
    if len(step.shape) == 1:
        written = "[" + ", ".join(values) + "]"
    else:
        width = step.shape[1]
        rows = [values[r * width : (r + 1) * width] for r in range(step.shape[0])]
        written = "[" + ", ".join("[" + ", ".join(row) + "]" for row in rows) + "]"
    return f"{exercise.typed_name} = {written}"


def kernel_flipped(exercise) -> str | None:
    """The asked object computed with the kernel flipped, or None when that changes nothing."""
    if exercise.step is None:
        return None
    d = exercise.derivation
    g = d.geometry
    slipped = derive(d.input, d.flipped_kernel, g.stride, g.padding, g.output_padding, g.dilation)
    step = step_for(exercise.asked, slipped, element=exercise.element)
    if step.values == exercise.step.values:
        return None
    return latex_answer(exercise.name, step.shape, step.values)


def not_cropped(exercise) -> str | None:
    """The canvas written as the result, for a result exercise with padding to crop."""
    g = exercise.geometry
    if exercise.asked != "result" or not max(g.pad_begin):
        return None
    return latex_answer("O", g.canvas_size, canvas_values(exercise.derivation))


def transposed(exercise) -> str | None:
    """The 2-D result with rows and columns swapped, when that changes it."""
    if exercise.asked != "result" or exercise.rank != 2:
        return None
    matrix = sympy.Matrix(exercise.derivation.output.tolist()).T
    if list(matrix) == exercise.step.values and matrix.shape == exercise.step.shape:
        return None
    return latex_answer("O", matrix.shape, list(matrix))
