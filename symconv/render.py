"""LaTeX worked examples: a derivation's steps handed as plain data to Jinja templates.

Python computes nothing here that :class:`~symconv.derivation.Derivation` has not
computed already; it writes each step's mathematics with :mod:`symconv.latex` and
hands the templates (``templates/*.tex.j2``) plain dicts, lists, strings and numbers.
The templates hold all layout and prose.

>>> import symconv
>>> tex = render_latex(symconv.preset("seed-1d"))
>>> r"x_{1} w_{3} + x_{2} w_{1}" in tex
True
>>> tex_escape(r"50% of $x_1$")
'50\\\\% of \\\\$x\\\\_1\\\\$'
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from pathlib import Path

import sympy

from symconv.derivation import Derivation
from symconv.errors import SymconvError
from symconv.geometry import ndindex
from symconv.latex import Notation, array_latex, check_names, expr_latex, product_latex, sum_latex
from symconv.tensors import flat_elements
from symconv.views import zero_insertion

FORMS = ("fragment", "article", "beamer")

# Matrices up to 10 x 10 are written whole: the seed's 9-entry y = C^T x among them.
DEFAULT_NOTATION = Notation(max_rows=10, max_cols=10)

# Input elements whose scaled kernel and placement are written out one by one
# (all of them with ``Notation(full=True)``); the rest are summarised.
MAX_BLOCKS = 9

_TEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "&": r"\&",
    "~": r"\textasciitilde{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
}
# Non-ASCII characters pdflatex typesets with the templates' default fonts (checked one
# by one), and symbols people type in titles, written as math.
_TYPESET = set(
    "¡¢£¤¥¦§¨©ª¬®¯°±²³´µ¶·¸¹º¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖ×ØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõö÷øùúûüýÿĀāĂăĆćĈĉĊċČčĎďĒēĔĕĖėĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭİıĲĳĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŴŵŶŷŸŹźŻżŽž"
)
_GREEK = (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi o pi rho varsigma"
    " sigma tau upsilon phi chi psi omega"
)
_UNICODE_MATH = {
    "≥": r"\ensuremath{\geq}",
    "≤": r"\ensuremath{\leq}",
    "≠": r"\ensuremath{\neq}",
    "≈": r"\ensuremath{\approx}",
    "→": r"\ensuremath{\to}",
    "←": r"\ensuremath{\leftarrow}",
    "∞": r"\ensuremath{\infty}",
    "−": r"\ensuremath{-}",
    "⋅": r"\ensuremath{\cdot}",
    "…": r"\ldots{}",
    "–": "--",
    "—": "---",
    "‘": "`",
    "’": "'",
    "“": "``",
    "”": "''",
    **{
        chr(0x3B1 + n): rf"\ensuremath{{\{name}}}"
        for n, name in enumerate(_GREEK.split())
        if name != "o"
    },
}


def tex_escape(text: object, parameter: str = "text") -> str:
    r"""User text as TeX that typesets those very characters and runs no command.

    Control characters (a newline would end a paragraph inside ``\title``) are refused,
    naming ``parameter``.

    >>> print(tex_escape(r"\input{/etc/passwd} ^^5c ~"))
    \textbackslash{}input\{/etc/passwd\} \textasciicircum{}\textasciicircum{}5c \textasciitilde{}
    >>> print(tex_escape("Stride ≥ 2 → Übergang, α"))
    Stride \ensuremath{\geq} 2 \ensuremath{\to} Übergang, \ensuremath{\alpha}
    """
    if not isinstance(text, str):
        raise SymconvError(parameter, "must be a string", text)
    for char in text:
        if unicodedata.category(char).startswith("C"):
            raise SymconvError(parameter, "must not contain control characters", text)
        if not char.isascii() and char not in _TYPESET and char not in _UNICODE_MATH:
            raise SymconvError(
                parameter, f"character {char!r} cannot be typeset by pdflatex here", text
            )
    return "".join(_TEX_SPECIALS.get(char) or _UNICODE_MATH.get(char, char) for char in text)


def template_folder() -> Path:
    """The built-in templates: installed ``symconv/templates``, else the checkout's ``templates/``.

    >>> (template_folder() / "article.tex.j2").is_file()
    True
    """
    package = Path(__file__).resolve().parent
    for folder in (package / "templates", package.parent / "templates"):
        if folder.is_dir():
            return folder
    raise SymconvError("templates", "not found beside the package or in the source checkout")


def environment(template_dir: str | Path | None = None):
    """A Jinja2 environment with TeX-safe delimiters; ``template_dir`` is searched first.

    >>> environment().from_string("((( 'a_b' | tex ))) ((* if 1 *))yes((* endif *))").render()
    'a\\\\_b yes'
    """
    folders = [str(template_folder())]
    if template_dir is not None:
        user = Path(template_dir)
        if not user.is_dir():
            raise SymconvError("template_dir", "must be an existing folder", str(template_dir))
        folders.insert(0, str(user.resolve()))
    return _environment(tuple(folders))


def render_template(name: str, template_dir: str | Path | None = None, **context) -> str:
    """Render template ``name``; an error in a template is a SymconvError naming it.

    >>> render_template("no-such.tex.j2")
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: templates: no-such.tex.j2: template not found (got None)
    """
    import jinja2

    try:
        return environment(template_dir).get_template(name).render(**context)
    except jinja2.TemplateNotFound:
        message = f"{name}: template not found"
    except jinja2.TemplateSyntaxError as error:
        message = f"{error.name}, line {error.lineno}: {error.message}"
    except jinja2.TemplateError as error:
        message = f"{name}: {error.message}"
    parameter = "templates" if template_dir is None else "template_dir"
    raise SymconvError(parameter, message, None if template_dir is None else str(template_dir))


@functools.lru_cache(maxsize=8)
def _environment(folders: tuple[str, ...]):
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(folders)),
        block_start_string="((*",
        block_end_string="*))",
        variable_start_string="(((",
        variable_end_string=")))",
        comment_start_string="((=",
        comment_end_string="=))",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["tex"] = tex_escape
    return env


def render_latex(
    derivation: Derivation,
    form: str = "fragment",
    notation: Notation | None = None,
    template_dir: str | Path | None = None,
) -> str:
    r"""The worked example of ``derivation`` as LaTeX: a ``fragment``, an ``article`` or ``beamer``.

    A fragment needs only ``amsmath`` and ``tikz`` in the host document's preamble.

    >>> import symconv
    >>> tex = render_latex(symconv.preset("seed-2d-s1"), form="article")
    >>> tex.startswith(r"\documentclass"), "a w_{22} + b w_{21} + c w_{12} + d w_{11}" in tex
    (True, True)
    """
    if form not in FORMS:
        raise SymconvError("form", f"must be one of {', '.join(FORMS)}", form)
    if not isinstance(derivation, Derivation):
        raise SymconvError("derivation", "must be a symconv.Derivation", type(derivation).__name__)
    tex_escape(derivation.title, "title")
    context = example_context(derivation, notation or DEFAULT_NOTATION)
    return render_template(f"{form}.tex.j2", template_dir, ex=context)


def example_context(derivation: Derivation, notation: Notation) -> dict:
    """Every step of ``derivation`` as plain data for the templates (see ``templates/``).

    >>> import symconv
    >>> ex = example_context(symconv.preset("seed-1d"), Notation())
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
        "rank": g.rank,
        "axes": axes,
        "uniform": all(axis == axes[0] for axis in axes),
        "cropped": any(a["pad_begin"] or a["pad_end"] or a["output_padding"] for a in axes),
        "input": array_context([expr_latex(v) for v in d.input_elements], g.input_size, notation),
        "kernel": array_context(
            [expr_latex(v) for v in d.kernel_elements], g.kernel_size, notation
        ),
        "elements": [_element(d, n, notation) for n in range(shown)],
        "element_count": len(d.input_elements),
        "canvas": _canvas(d, notation, shown),
        "output": output_context(d, notation),
        "zero_insertion": _zero_insertion(d, notation),
        "matrix_view": _matrix_view(d, notation),
        "checks": [
            {"passed": c.passed, "name": c.name, "detail": c.detail} for c in d.verification.checks
        ],
        "verified": d.verification.ok,
    }


def check_symbols(derivation: Derivation) -> None:
    """Refuse input or kernel symbols whose names are not plain identifiers.

    SymPy prints a symbol's name as it is, so a name like ``\\input{...}`` would be TeX.

    >>> from sympy import Symbol
    >>> from symconv.derivation import derive
    >>> check_symbols(derive([Symbol("x_1"), Symbol("alpha")], ["w1"]))
    >>> try:
    ...     check_symbols(derive([Symbol("x}")], ["w1"]))
    ... except SymconvError as error:
    ...     print(error.parameter, error.value)
    input x}
    """
    for part, values in (
        ("input", derivation.input_elements),
        ("kernel", derivation.kernel_elements),
    ):
        for value in values:
            check_names(value, part)


def axes_context(d: Derivation) -> list[dict]:
    """Per axis, the geometry's numbers as plain data: sizes, stride, pads, canvas, border.

    >>> import symconv
    >>> [(a["input"], a["canvas"], a["output"]) for a in axes_context(symconv.preset("seed-1d"))]
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
            "output_padding": g.output_padding[a],
            "span": g.dilation[a] * (g.kernel_size[a] - 1) + 1,
            "canvas": g.canvas_size[a],
            "output": g.output_size[a],
            "border": list(borders[a]),
            "stretched": zero_insertion.stretched_size(g)[a],
        }
        for a in range(g.rank)
    ]


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
    staged = []
    if shown == count:  # the canvas after each element's block is added, for slides
        for n in range(1, count + 1):
            partial = [
                sum_latex([t for t, (i, _) in zip(cell_terms, pairs) if i < n])
                for cell_terms, pairs in zip(terms, cells)
            ]
            staged.append(array_context(partial, g.canvas_size, notation))
    return {
        "array": array_context([sum_latex(t) for t in terms], g.canvas_size, notation),
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
    >>> output_context(symconv.preset("seed-1d"), Notation())["entries"][1]["latex"]
    'x_{1} w_{3} + x_{2} w_{1}'
    """
    sums = [sum_latex(d.terms(index)) for index in ndindex(d.geometry.output_size)]
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


def _matrix_view(d: Derivation, notation: Notation) -> dict:
    c = d.conv_matrix
    rows, cols = c.shape
    entries = c.todok()
    written = [["0"] * cols for _ in range(rows)]
    for (r, k), value in entries.items():
        written[r][k] = expr_latex(value)
    by_column: list[list[tuple]] = [[] for _ in range(cols)]
    for (r, k), value in sorted(entries.items()):
        by_column[k].append((d.input_elements[r], value))
    return {
        "rows": rows,
        "columns": cols,
        "C": _matrix(written, notation),
        "CT": _matrix([list(column) for column in zip(*written)], notation),
        "x": _matrix([[expr_latex(v)] for v in d.input_elements], notation),
        "y": _matrix([[sum_latex(pairs)] for pairs in by_column], notation),
    }


def array_context(cells: list[str], shape: tuple[int, ...], notation: Notation) -> dict:
    """A grid of LaTeX cells as matrices: one for ranks 1 and 2, one per leading slice for 3.

    >>> array_context(["a", "b"], (2,), Notation())["latex"]
    '\\\\begin{pmatrix} a & b \\\\end{pmatrix}'
    """
    shape = tuple(shape)
    if len(shape) == 1:
        slices = [(None, [cells])]
    else:
        plane = math.prod(shape[-2:])
        rows, cols = shape[-2:]
        slices = [
            (k, [cells[k * plane + r * cols : k * plane + (r + 1) * cols] for r in range(rows)])
            for k in range(len(cells) // plane)
        ]
    if len(slices) > notation.max_rows and not notation.full:
        slices = slices[: notation.max_rows - 2] + slices[-1:]
    written = [dict(_matrix(rows, notation), index=k) for k, rows in slices]
    return {
        "shape": list(shape),
        "entries": [
            {"index": list(index), "latex": cell, "width": round(_cell_width(cell), 1)}
            for index, cell in zip(ndindex(shape), cells)
        ],
        "latex": written[0]["latex"] if len(written) == 1 else None,
        "width": max(s["width"] for s in written),
        "slices": written,
    }


def _matrix(rows: list[list[str]], notation: Notation) -> dict:
    latex = array_latex(rows, notation)
    return {"latex": latex, "width": matrix_width(latex)}


def matrix_width(latex: str) -> float:
    r"""A rough width, in em, of a matrix written by :func:`~symconv.latex.array_latex`.

    Templates compare it with the room they have to choose a layout.

    >>> matrix_width(r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}")
    3.1
    """
    body = re.sub(r"\\(begin|end)\{\w+\}", "", latex)
    widths: list[float] = []
    for row in body.split(r"\\"):
        for column, cell in enumerate(row.split("&")):
            if column == len(widths):
                widths.append(0.0)
            widths[column] = max(widths[column], _cell_width(cell))
    return round(sum(widths) + 1.0 * (len(widths) - 1) + 1.1, 1)


def _cell_width(latex: str) -> float:
    text = re.sub(r"\\left|\\right", "", latex)
    width = 0.0
    for subscript in re.findall(r"_\{([^{}]*)\}", text):
        width += 0.4 * len(subscript)
    text = re.sub(r"_\{[^{}]*\}", "", text)
    width += 0.8 * len(re.findall(r"\\[A-Za-z]+", text))
    text = re.sub(r"\\[A-Za-z]+|[{}\s]", "", text)
    width += 1.6 * sum(text.count(op) for op in "+-=")
    width += 0.5 * sum(1 for ch in text if ch not in "+-=")
    return width
