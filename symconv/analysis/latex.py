"""The analyses of a derivation as LaTeX: closed form, sizes, overlap, polyphase, gradient.

The analysis modules compute; this one checks every equality the text states (the
closed form's entries, the polyphase output and the gradient against the derivation's
output, the size formula against the geometry) and hands the templates
(``templates/analysis*.tex.j2``) plain data, as :mod:`symconv.latex.example_context` does for the
worked example. A statement is printed as holding only when its check passed.

>>> import symconv
>>> tex = render_analysis(symconv.preset("example-1d"), sections=["polyphase"])
>>> "w_{1}, w_{3}" in tex and "Sub-pixel" in tex and "Overlap" not in tex
True
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import sympy

from symconv.analysis.closed_form import (
    W,
    X,
    closed_form,
    closed_form_entries,
    form_parameters,
    summand_input_first,
)
from symconv.analysis.gradient import gradient_example
from symconv.analysis.overlap import axis_counts, overlap_counts, overlap_verdict
from symconv.analysis.polyphase import polyphase_of
from symconv.analysis.sections import chosen_sections
from symconv.analysis.size_analysis import size_analysis
from symconv.core.grid import ndindex
from symconv.core.sizes import RELATIONSHIP_ROWS
from symconv.core.tensors import flat_elements
from symconv.engine.derivation import Derivation
from symconv.latex.example_context import (
    array_context,
    axes_context,
    output_context,
    same_on_every_axis,
)
from symconv.latex.render import check_request
from symconv.latex.templates import render_template
from symconv.notation.expressions import (
    expr_latex,
    join_terms,
    ordered_sum_latex,
    sum_latex,
    symbol_places,
)
from symconv.notation.statements import SIZE_FORMULA
from symconv.notation.style import Notation, checked_notation
from symconv.notation.tex_text import check_symbols

ANALYSIS_FORMS = ("fragment", "article")

# Closed-form entries written out one by one (every entry is checked).
MAX_ENTRIES = 12
# The loss L is written out in full up to this many products.
MAX_LOSS_PRODUCTS = 16

def render_analysis(
    derivation: Derivation,
    form: str = "fragment",
    sections: Iterable[str] | str | None = None,
    notation: Notation | None = None,
    template_dir: str | Path | None = None,
) -> str:
    r"""The analyses of ``derivation`` as LaTeX: a ``fragment`` to ``\input`` or an ``article``.

    ``sections`` picks among :data:`SECTIONS` (all by default); they are written in that
    order. A fragment needs only ``amsmath`` and ``tikz`` in the host document's preamble.

    >>> import symconv
    >>> tex = render_analysis(symconv.preset("example-2d-s1"), form="article", sections="overlap")
    >>> tex.startswith(r"\documentclass"), "every interior output receives 2 taps" in tex
    (True, True)
    """
    check_request(derivation, form, ANALYSIS_FORMS, notation)
    chosen = chosen_sections(sections)
    context = analysis_context(derivation, checked_notation(notation), chosen)
    return render_template("analysis.tex.j2", template_dir, an=context, form=form)


def analysis_context(derivation: Derivation, notation: Notation, sections: tuple[str, ...]):
    """The chosen analyses of ``derivation`` as plain data for ``templates/analysis.tex.j2``.

    >>> import symconv
    >>> an = analysis_context(symconv.preset("example-1d"), Notation(), ("closed-form",))
    >>> [(e["output"], e["entry"], e["equal"]) for e in an["closed_form"]["entries"]][1]
    (1, 'x_{1} w_{3} + x_{2} w_{1}', True)
    """
    check_symbols(derivation)
    d, g = derivation, derivation.geometry
    builders = {
        "sizes": _sizes,
        "overlap": _overlap,
        "polyphase": _polyphase,
        "closed-form": _closed_form,
        "gradient": _gradient,
    }
    context = {
        "title": d.title,
        "rank": g.rank,
        "width": notation.width,
        "axes": axes_context(d),
        "input": _grid(d.input_elements, g.input_size, notation),
        "kernel": _grid(d.kernel_elements, g.kernel_size, notation),
        "sections": list(sections),
    }
    for name in sections:
        context[name.replace("-", "_")] = builders[name](d, notation)
    return context


def _grid(values, shape, notation: Notation, first: dict | None = None) -> dict:
    """A grid of values; sums of products written ``first``'s factor first, in its order."""
    per_line = notation.terms_per_line
    write = (lambda v: ordered_sum_latex(v, first, per_line)) if first else expr_latex
    return array_context([write(v) for v in values], shape, notation)


def closed_form_latex(form) -> str:
    r"""The closed form's sum as LaTeX, its summand written input first.

    >>> print(closed_form_latex(closed_form(dilated=False)))
    \sum_{j=\max\left(0, \left\lceil{\frac{- k + o + p + 1}{s}}\right\rceil\right)}^{\min\left(I - 1, \left\lfloor{\frac{o + p}{s}}\right\rfloor\right)} x[j] w[- j s + o + p]
    """  # noqa: E501
    ((index, low, high),) = form.limits
    summand = " ".join(expr_latex(factor) for factor in summand_input_first(form))
    return rf"\sum_{{{expr_latex(index)}={expr_latex(low)}}}^{{{expr_latex(high)}}} {summand}"


def _closed_form(d: Derivation, notation: Notation) -> dict:
    g = d.geometry
    context = {
        "general": closed_form_latex(closed_form()),
        "undilated": (
            closed_form_latex(closed_form(dilated=False)) if set(g.dilation) == {1} else None
        ),
        "entries": [],
        "count": 0,
        "all_equal": False,
    }
    if g.rank != 1:
        return context
    entries = []
    for e in closed_form_entries(d):
        if e.pairs is None:  # not a plain sum of x[j]*w[t]: SymPy's own order
            indexed, written = expr_latex(e.indexed), expr_latex(e.entry)
        else:
            indexed = sum_latex([(X[j], W[t]) for j, t in e.pairs])
            written = sum_latex([(d.input_elements[j], d.kernel_elements[t]) for j, t in e.pairs])
        entries.append({"output": e.output, "indexed": indexed, "entry": written, "equal": e.equal})
    shown = entries
    if len(entries) > MAX_ENTRIES:
        shown = entries[: MAX_ENTRIES - 1] + entries[-1:]
    context.update(
        entries=shown,
        count=len(entries),
        all_equal=all(e["equal"] for e in entries),
        differing=[e["output"] for e in entries if not e["equal"]],
        parameters=form_parameters(g),
    )
    return context


def _sizes(d: Derivation, notation: Notation) -> dict:
    sizes = size_analysis(d.geometry)
    axes = []
    for ax, worked in zip(axes_context(d), sizes.axes):
        entry = dict(
            ax,
            formula_value=int(worked.formula_value),
            formula_agrees=worked.formula_agrees,
            symmetric=worked.symmetric,
        )
        if worked.symmetric:
            entry.update(
                inverse=[{"input": i, "output_padding": op} for i, op in worked.inverse],
                inverse_has_this=(ax["input"], ax["output_padding"]) in worked.inverse,
                direct=worked.direct,
                direct_checked=worked.direct_checked,
                direct_has_this=ax["output"] in worked.direct,
            )
        axes.append(entry)
    context = {
        "formula": SIZE_FORMULA,
        "axes": axes,
        "uniform": same_on_every_axis(axes),
        "relationships": None,
        "relationships_skipped": [],
    }
    skipped = [r.reason for r in sizes.relationships or () if not r.applies]
    if skipped:
        context["relationships_skipped"] = skipped
    elif sizes.relationships is not None:
        context["relationships"] = {
            "rows": [
                {
                    "quantity": words,
                    "math": formula.replace(" mod ", r" \bmod "),
                    "by_axis": [getattr(r, field) for r in sizes.relationships],
                }
                for words, formula, field in RELATIONSHIP_ROWS
            ],
            "gives_output": [r.o_prime == r.i for r in sizes.relationships],
        }
    return context


def _overlap(d: Derivation, notation: Notation) -> dict:
    g = d.geometry
    counts = _flatten(overlap_counts(g))
    per_axis = axis_counts(g)
    return {
        "cells": [{"index": list(i), "count": c} for i, c in zip(ndindex(g.output_size), counts)],
        "shape": list(g.output_size),
        "max": max(counts),
        "min": min(counts),
        "axis_counts": [
            array_context([str(c) for c in axis], (len(axis),), notation) for axis in per_axis
        ],
        "verdict": overlap_verdict(g),
    }


def _flatten(nested) -> list[int]:
    if not isinstance(nested, list):
        return [nested]
    return [value for part in nested for value in _flatten(part)]


def _polyphase(d: Derivation, notation: Notation) -> dict:
    pp = polyphase_of(d)
    inputs = symbol_places(d.input_elements)
    phases = []
    for ph in pp.phases:
        phase = {"phase": list(ph.phase), "label": ",".join(map(str, ph.phase))}
        if ph.sub_kernel is None:
            phases.append(dict(phase, empty=True))
            continue
        taps = flat_elements(ph.sub_kernel)
        phases.append(
            dict(
                phase,
                empty=False,
                taps=", ".join(expr_latex(v) for v in taps),
                sub_kernel=_grid(taps, ph.sub_kernel.shape, notation),
                sub_output=_grid(
                    flat_elements(ph.sub_output), ph.sub_output.shape, notation, inputs
                ),
            )
        )
    g = d.geometry
    return {
        "phases": phases,
        "count": len(phases),
        "canvas": _grid(flat_elements(pp.canvas), g.canvas_size, notation, inputs),
        "output": _grid(flat_elements(pp.output), g.output_size, notation, inputs),
        "derivation_output": output_context(d, notation),
        "equal": pp.equals_derivation,
    }


def loss_latex(d: Derivation, example) -> str:
    r"""The gradient example's loss ``L``: each input element times its direct output, every
    product of that output written input first (``z`` before the kernel), as the text form is.

    >>> import symconv
    >>> d = symconv.preset("example-1d")
    >>> print(loss_latex(d, gradient_example(d)))
    x_{1} \left(z_{1} w_{2} + z_{2} w_{3}\right) + x_{2} \left(z_{2} w_{1} + z_{3} w_{2}\right)
    """
    places = symbol_places(flat_elements(example.z))
    terms = []
    for x, y in zip(d.input_elements, flat_elements(example.direct)):
        if x == 0 or y == 0:
            continue
        written = ordered_sum_latex(y, places)
        if y.is_Add:
            written = rf"\left({written}\right)"
        terms.append(f"{expr_latex(x)} {written}")
    return join_terms(terms)


def _gradient(d: Derivation, notation: Notation) -> dict:
    g = d.geometry
    example = gradient_example(d)
    products = sum(  # L = sum_i x_i y_i, each y_i a sum of products
        len(sympy.Add.make_args(y))
        for x, y in zip(d.input_elements, flat_elements(example.direct))
        if x != 0 and y != 0
    )
    return {
        "z": _grid(flat_elements(example.z), g.output_size, notation),
        "direct": _grid(
            flat_elements(example.direct),
            g.input_size,
            notation,
            symbol_places(flat_elements(example.z)),
        ),
        "loss": loss_latex(d, example) if products <= MAX_LOSS_PRODUCTS else None,
        "loss_products": products,
        "gradient": _grid(
            flat_elements(example.gradient),
            g.output_size,
            notation,
            symbol_places(d.input_elements),
        ),
        "transposed": output_context(d, notation),
        "holds": example.holds,
    }
