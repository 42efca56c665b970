r"""The worked example as LaTeX: the built-in templates found, Jinja2 set up for TeX, rendered.

:func:`render_latex` hands the templates (``templates/*.tex.j2``) the data of
:mod:`symconv.latex.example_context`; the templates hold all layout and prose.

>>> import symconv
>>> tex = render_latex(symconv.preset("example-1d"))
>>> r"x_{1} w_{3} + x_{2} w_{1}" in tex
True
"""

from __future__ import annotations

from pathlib import Path

from symconv.engine.derivation import Derivation
from symconv.errors import SymconvError
from symconv.latex.example_context import example_context
from symconv.latex.templates import render_template
from symconv.notation.style import Notation, checked_notation
from symconv.notation.tex_text import tex_escape

FORMS = ("fragment", "article", "beamer")

#: The room, in em, of a line on a 128 mm slide at 11pt, where the matrices are laid out.
SLIDE_WIDTH = 32
#: Terms a line of a sum holds on a slide unless the notation says: a longer sum is stacked
#: rather than shrunk below a readable size.
SLIDE_TERMS = 4
#: Rows and columns a slide writes of a matrix before eliding (unless ``full``).
SLIDE_CELLS = 8
#: The room, in em, one column of an elided matrix takes: a subscripted symbol and its gap.
EM_PER_COLUMN = 4


def check_request(
    derivation: object, form: object, forms: tuple[str, ...], notation: object = None
) -> None:
    """Refuse a form not in ``forms``, a non-Derivation, a non-Notation, an unsafe title.

    >>> check_request("example-1d", "article", FORMS)
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: derivation: must be a symconv.Derivation (got 'str')
    """
    if form not in forms:
        raise SymconvError("form", f"must be one of {', '.join(forms)}", form)
    if not isinstance(derivation, Derivation):
        raise SymconvError("derivation", "must be a symconv.Derivation", type(derivation).__name__)
    checked_notation(notation)
    if derivation.geometry.rank > 3:
        raise SymconvError(
            "input", "worked examples are written for 1-D to 3-D", derivation.geometry.rank
        )
    tex_escape(derivation.title, "title")


def form_notation(notation: Notation, form: str) -> Notation:
    """The notation a form lays its matrices out with: as many columns as its line holds and,
    on a slide, a narrower line and sums stacked :data:`SLIDE_TERMS` terms a line unless
    the notation says otherwise.

    >>> slide = form_notation(Notation(), "beamer")
    >>> slide.width, slide.terms_per_line
    (32, 4)
    >>> form_notation(Notation(), "article") == Notation()
    True
    >>> form_notation(Notation(width=24), "fragment").max_cols
    6
    """
    notation = notation.merge(max_cols=min(notation.max_cols, columns_held(notation.width)))
    if form != "beamer":
        return notation
    return notation.merge(
        width=min(notation.width, SLIDE_WIDTH),
        terms_per_line=notation.terms_per_line or SLIDE_TERMS,
        max_rows=min(notation.max_rows, SLIDE_CELLS),
        max_cols=min(notation.max_cols, SLIDE_CELLS),
    )


def columns_held(width: int) -> int:
    """How many columns an elided matrix keeps on a line ``width`` em wide: one per 4 em.

    An article's 56 em holds 14, so the default of 10 stands; a column of a two-column paper
    (24 em) holds 6.

    >>> columns_held(56), columns_held(24)
    (14, 6)
    """
    return max(4, width // EM_PER_COLUMN)


def render_latex(
    derivation: Derivation,
    form: str = "fragment",
    notation: Notation | None = None,
    template_dir: str | Path | None = None,
    *,
    figures: bool = True,
) -> str:
    r"""The worked example of ``derivation`` as LaTeX: a ``fragment``, an ``article`` or ``beamer``.

    A fragment needs ``amsmath`` and ``tikz`` in the host document's preamble; with
    ``figures=False`` it draws no TikZ figure and needs ``amsmath`` and ``graphicx`` only.
    A missing package stops TeX with one message that names it.

    >>> import symconv
    >>> tex = render_latex(symconv.preset("example-2d-s1"), form="article")
    >>> tex.startswith(r"\documentclass"), "a w_{22} + b w_{21} + c w_{12} + d w_{11}" in tex
    (True, True)
    """
    check_request(derivation, form, FORMS, notation)
    if not isinstance(figures, bool):
        raise SymconvError("figures", "must be True or False", figures)
    notation = form_notation(checked_notation(notation), form)
    context = example_context(derivation, notation)
    return render_template(f"{form}.tex.j2", template_dir, ex=context, figures=figures)
