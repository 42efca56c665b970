r"""The worked example's data for the templates: every step of a derivation as plain data.

Python computes nothing here that :class:`~symconv.engine.derivation.Derivation` has not
computed already; it writes each step's mathematics with :mod:`symconv.notation.expressions` and
hands the templates (``templates/*.tex.j2``) plain dicts, lists, strings and numbers.
The templates hold all layout and prose.

>>> import symconv
>>> ex = example_context(symconv.preset("example-2d-s1"), Notation())
>>> ex["output"]["entries"][4]["latex"], ex["canvas"]["max_count"]
('a w_{22} + b w_{21} + c w_{12} + d w_{11}', 4)
"""

from __future__ import annotations

import sympy

from symconv.core.grid import ndindex
from symconv.core.problem import Problem
from symconv.core.tensors import flat_elements, symbol_name
from symconv.engine.derivation import Derivation
from symconv.engine.translate import FRAMEWORKS, call_code
from symconv.engine.verification import Verification
from symconv.notation.expressions import expr_latex, product_latex, sum_latex
from symconv.notation.grids import array_latex, cells_latex, slices
from symconv.notation.palette import STORED, palette
from symconv.notation.statements import check_latex, statement_words
from symconv.notation.style import INPUT, KERNEL, Notation
from symconv.notation.tex_text import check_symbols, tex_escape
from symconv.notation.widths import cell_width, matrix_width
from symconv.views import zero_insertion

# Input elements whose scaled kernel and placement are written out one by one
# (all of them with ``Notation(full=True)``); the rest are summarised.
MAX_BLOCKS = 9
# Rows and columns of C, C^T, x and y that a slide writes out before eliding.
SLIDE_MATRIX = 6


def example_context(derivation: Derivation, notation: Notation) -> dict:
    """Every step of ``derivation`` as plain data for the templates (see ``templates/``).

    >>> import symconv
    >>> ex = example_context(symconv.preset("example-1d"), Notation())
    >>> [axis["output"] for axis in ex["axes"]]
    [3]
    >>> print(ex["output"]["latex"])
    \\begin{pmatrix} x_{1} w_{2} & x_{1} w_{3} + x_{2} w_{1} & x_{2} w_{2} \\end{pmatrix}
    """
    check_symbols(derivation)
    d, g = derivation, derivation.geometry
    shown = len(d.input_elements) if notation.full else min(MAX_BLOCKS, len(d.input_elements))
    axes = axes_context(d)
    return {
        "title": d.title,
        "call": call_context(d),
        "rank": g.rank,
        "width": notation.width,
        "axes": axes,
        "uniform": same_on_every_axis(axes),
        "cropped": any(a["pad_begin"] or a["pad_end"] or a["output_padding"] for a in axes),
        "input": array_context([expr_latex(v) for v in d.input_elements], g.input_size, notation),
        "kernel": array_context(
            [expr_latex(v) for v in d.kernel_elements], g.kernel_size, notation
        ),
        "elements": [_element(d, n, notation) for n in range(shown)],
        "element_count": len(d.input_elements),
        # figures are drawn for small canvases only: colours for the elements they can show
        "palette": palette(min(len(d.input_elements), STORED)),
        "canvas": _canvas(d, notation, shown),
        "output": output_context(d, notation),
        "zero_insertion": _zero_insertion(d, notation),
        "matrix_view": _matrix_view(d, notation),
        # a slide holds a smaller matrix: its corners, at a size a room can read
        "matrix_view_slides": _matrix_view(d, _slide_notation(notation)),
        "checks": checks_context(d.verification),
        "verified": d.verification.ok,
    }


def call_context(d: Derivation) -> dict | None:
    r"""The framework call ``d`` was read from, its code escaped for TeX; None for PyTorch's own.

    >>> from symconv.core.geometry import make_geometry
    >>> from symconv.engine.derivation import symbolic_derivation
    >>> from symconv.engine.translate import Call
    >>> call = Call("keras", {"strides": [2], "padding": "same", "output_padding": [1]})
    >>> context = call_context(symbolic_derivation(make_geometry(2, 3, 2, [(0, 1)]), call=call))
    >>> print(context["framework"], context["code"])
    Keras keras.ops.conv\_transpose(I, K, strides=[2], padding="same", output\_padding=[1])
    """
    if d.call is None:
        return None
    code = call_code(d.call, d.geometry.rank, INPUT, KERNEL)
    return {"framework": FRAMEWORKS[d.call.convention], "code": tex_escape(code)}


def checks_context(verification: Verification) -> list[dict]:
    """Each verified statement for the templates: passed, its name in words, its mathematics.

    >>> import symconv
    >>> [c["words"] for c in checks_context(symconv.preset("example-1d").verification)]
    ['same output from every view', 'adjoint identity', 'gradient identity']
    """
    return [
        {
            "passed": c.passed,
            "words": statement_words(c.kind) if c.kind else c.name,
            "statement": check_latex(c),
        }
        for c in verification.checks
    ]


def axes_context(d: Derivation | Problem) -> list[dict]:
    """Per axis, the geometry's numbers as plain data: sizes, stride, pads, canvas, border.

    ``d`` is a derivation or, for a multi-channel summary, the problem it is derived from.

    >>> import symconv
    >>> [(a["input"], a["canvas"], a["output"]) for a in axes_context(symconv.preset("example-1d"))]
    [(2, 5, 3)]
    """
    g = d.geometry
    borders = zero_insertion.borders(g)
    return [
        {
            "input": g.input_size[a],
            "kernel": g.kernel_size[a],
            "stride": g.stride[a],
            "dilation": g.dilation[a],
            "pad_begin": g.pad_begin[a],
            "pad_end": g.pad_end[a],
            "symmetric": g.pad_begin[a] == g.pad_end[a],
            "output_padding": g.output_padding[a],
            "span": g.dilation[a] * (g.kernel_size[a] - 1) + 1,
            "canvas": g.canvas_size[a],
            "output": g.output_size[a],
            "border": list(borders[a]),
            "stretched": zero_insertion.stretched_size(g)[a],
            **_crop(g.axes[a]),
        }
        for a in range(g.rank)
    ]


def same_on_every_axis(axes: list[dict]) -> bool:
    """True when every axis has the same numbers, so that one size equation speaks for all.

    >>> import symconv
    >>> same_on_every_axis(axes_context(symconv.preset("example-2d-s2")))
    True
    """
    return all(axis == axes[0] for axis in axes)


def _crop(axis) -> dict:
    """What the crop keeps of one axis's canvas (cells ``kept_first`` to ``kept_last``),
    what it removes at each end, and how many zeros the output has before and after it.

    Zeros before the canvas come from a negative begin (the general crop); zeros after
    it from output_padding or a negative end.

    >>> from symconv.core.geometry import Axis
    >>> _crop(Axis(2, 3, stride=2, dilation=1, pad_begin=1, pad_end=1, output_padding=1))
    {'kept_first': 1, 'kept_last': 4, 'kept': 4, 'removed_begin': 1, 'removed_end': 0, \
'prepended': 0, 'appended': 0, 'window': False}
    >>> _crop(Axis(2, 3, stride=2, dilation=1, pad_begin=-1, pad_end=-2, output_padding=0))
    {'kept_first': 0, 'kept_last': 4, 'kept': 5, 'removed_begin': 0, 'removed_end': 0, \
'prepended': 1, 'appended': 2, 'window': True}
    """
    begin = axis.pad_begin
    end = begin + axis.output  # one past the last canvas cell the output reaches
    first = max(begin, 0)
    kept_last = min(axis.canvas, end) - 1
    kept = max(0, kept_last - first + 1)
    prepended = min(max(0, -begin), axis.output)
    return {
        "kept_first": first,
        "kept_last": kept_last,
        "kept": kept,
        "removed_begin": max(0, begin),
        "removed_end": max(0, axis.canvas - end),
        "prepended": prepended,
        "appended": axis.output - prepended - kept,
        "window": begin < 0 or (axis.pad_end < 0 and not axis.output_padding),
    }


def _element(d: Derivation, n: int, notation: Notation) -> dict:
    g = d.geometry
    value = d.input_elements[n]
    position = d.placement(n)
    products = [sum_latex([(value, w)]) for w in d.kernel_elements]  # a zero product is 0
    return {
        "number": n,
        "latex": expr_latex(value),
        "times_kernel": product_latex(value, sympy.Symbol("K")),
        "index": list(d.input_index(n)),
        "position": list(position),
        "last": [p + dil * (k - 1) for p, dil, k in zip(position, g.dilation, g.kernel_size)],
        "products": products,
        "scaled": array_context(products, g.kernel_size, notation),
    }


def _canvas(d: Derivation, notation: Notation, shown: int) -> dict:
    g = d.geometry
    cells = d.cells
    terms = [d.canvas_terms(index) for index in ndindex(g.canvas_size)]
    count = len(d.input_elements)
    final = [sum_latex(t, per_line=notation.terms_per_line) for t in terms]
    staged = []
    if shown == count:  # the canvas after each element's block is added, for slides
        for n in range(1, count + 1):
            partial = [
                sum_latex(
                    [t for t, (i, _) in zip(cell_terms, pairs) if i < n],
                    per_line=notation.terms_per_line,
                )
                for cell_terms, pairs in zip(terms, cells)
            ]
            # each cell as wide and tall as its final sum: every stage has the final layout
            partial = [rf"\symconvsame{{{f}}}{{{p}}}" for f, p in zip(final, partial)]
            staged.append(array_context(partial, g.canvas_size, notation))
    return {
        "array": array_context(final, g.canvas_size, notation),
        "cells": [
            # an element paints a cell at most once: its taps land d apart
            {"index": list(index), "count": len(pairs), "contributors": [i for i, _ in pairs]}
            for index, pairs in zip(ndindex(g.canvas_size), cells)
        ],
        "blocks": [
            {
                "number": n,
                "latex": expr_latex(d.input_elements[n]),
                "position": list(d.placement(n)),
                "index": list(d.input_index(n)),
            }
            for n in range(count)
        ],
        "max_count": max(d.canvas_counts),
        "overlaps": sum(1 for c in d.canvas_counts if c > 1),
        "stages": staged,
    }


def output_context(d: Derivation, notation: Notation) -> dict:
    """The output as a grid of sums written in the derivation's term order.

    >>> import symconv
    >>> output_context(symconv.preset("example-1d"), Notation())["entries"][1]["latex"]
    'x_{1} w_{3} + x_{2} w_{1}'
    """
    per_line = notation.terms_per_line
    sums = [sum_latex(d.terms(i), per_line=per_line) for i in ndindex(d.geometry.output_size)]
    return array_context(sums, d.geometry.output_size, notation)


def _zero_insertion(d: Derivation, notation: Notation) -> dict:
    g = d.geometry
    size = zero_insertion.stretched_size(g)
    lows = [low for low, _ in zero_insertion.borders(g)]
    kinds = []
    for index, element in zip(ndindex(size), zero_insertion.stretched_positions(g)):
        if element is not None:
            kinds.append({"index": list(index), "kind": "input", "number": element})
            continue
        inside = all(
            0 <= m - low <= s * (n - 1) for m, low, s, n in zip(index, lows, g.stride, g.input_size)
        )
        kinds.append({"index": list(index), "kind": "gap" if inside else "border"})
    flipped = [expr_latex(v) for v in flat_elements(d.flipped_kernel)]
    stretched = [expr_latex(v) for v in flat_elements(d.stretched_input)]
    return {
        "stretched": array_context(stretched, size, notation),
        "cells": kinds,
        "flipped": array_context(flipped, g.kernel_size, notation),
        "taps": [
            {"offset": [t * dil for t, dil in zip(tap, g.dilation)], "latex": text}
            for tap, text in zip(ndindex(g.kernel_size), flipped)
        ],
    }


def _slide_notation(notation: Notation) -> Notation:
    if notation.full:
        return notation
    return notation.merge(
        max_rows=min(notation.max_rows, SLIDE_MATRIX), max_cols=min(notation.max_cols, SLIDE_MATRIX)
    )


def _matrix_view(d: Derivation, notation: Notation) -> dict:
    # sparse: only the cells the notation keeps are written
    (rows, cols), entries = d.conv_matrix_entries

    def at(r: int, k: int) -> str:
        value = entries.get((r, k))
        return "0" if value is None else expr_latex(value)

    by_column: dict[int, list[tuple]] = {}
    for (r, k), value in sorted(entries.items()):
        by_column.setdefault(k, []).append((d.input_elements[r], value))
    x = d.input_elements
    return {
        "rows": rows,
        "columns": cols,
        "C": _written(cells_latex(rows, cols, at, notation)),
        "CT": _written(cells_latex(cols, rows, lambda k, r: at(r, k), notation)),
        "x": _written(cells_latex(len(x), 1, lambda r, _: expr_latex(x[r]), notation)),
        "y": _written(
            cells_latex(
                cols,
                1,
                lambda k, _: sum_latex(by_column.get(k, []), per_line=notation.terms_per_line),
                notation,
            )
        ),
    }


def array_context(cells: list[str], shape: tuple[int, ...], notation: Notation) -> dict:
    """A grid of LaTeX cells as matrices: one for ranks 1 and 2, one per leading slice for 3.

    >>> array_context(["a", "b"], (2,), Notation())["latex"]
    '\\\\begin{pmatrix} a & b \\\\end{pmatrix}'
    """
    shape = tuple(shape)
    cell_at = dict(zip(ndindex(shape), cells))
    grids = [
        (None if len(shape) == 1 else k, [[cell_at[index] for index in row] for row in rows])
        for k, (_, rows) in enumerate(slices(shape))
    ]
    if len(grids) > notation.max_rows and not notation.full:
        grids = grids[: notation.max_rows - 2] + grids[-1:]
    written = [dict(_matrix(rows, notation), index=k) for k, rows in grids]
    return {
        "shape": list(shape),
        "entries": [
            {
                "index": list(index),
                "label": element_label(index, shape),
                "latex": cell,
                "width": round(cell_width(cell), 1),
            }
            for index, cell in cell_at.items()
        ],
        "latex": written[0]["latex"] if len(written) == 1 else None,
        "width": max(s["width"] for s in written),
        "slices": written,
    }


def element_label(index: tuple[int, ...], shape: tuple[int, ...]) -> str:
    """The subscript naming an element, counted from 1 as the symbols are: ``11``, or
    ``1,10`` once any index of the array needs two digits (the rule of symbol names).

    >>> element_label((0, 1), (3, 3)), element_label((0, 1), (3, 10))
    ('12', '1,2')
    """
    name = symbol_name("e", index, separated=max(shape) >= 10)
    return name[1:].lstrip("_").replace("_", ",")


def _matrix(rows: list[list[str]], notation: Notation) -> dict:
    return _written(array_latex(rows, notation))


def _written(latex: str) -> dict:
    return {"latex": latex, "width": matrix_width(latex)}
