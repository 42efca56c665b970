"""The analyses of a derivation as LaTeX: closed form, sizes, overlap, polyphase, gradient.

The analysis modules compute; this one checks every equality the text states (the
closed form's entries, the polyphase output and the gradient against the derivation's
output, the size formula against the geometry) and hands the templates
(``templates/analysis*.tex.j2``) plain data, as :mod:`symconv.latex.example_context` does for the
worked example. A statement is printed as holding only when its check passed.

>>> import symconv
>>> tex = render_analysis(symconv.preset("seed-1d"), sections=["polyphase"])
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
    form_parameters,
    instantiated_entries,
    to_engine_symbols,
)
from symconv.analysis.gradient import gradient_example
from symconv.analysis.overlap import axis_counts, overlap_counts, overlap_verdict
from symconv.analysis.polyphase import polyphase_of
from symconv.core.geometry import ndindex
from symconv.core.sizes import (
    SYMBOLS,
    direct_inputs_for,
    input_sizes_for,
    output_size_formula,
    relationships,
)
from symconv.core.tensors import flat_elements
from symconv.engine.derivation import Derivation
from symconv.errors import SymconvError
from symconv.latex.example_context import array_context, axes_context, output_context
from symconv.latex.render import DEFAULT_NOTATION, check_request, render_template
from symconv.notation.expressions import Notation, expr_latex, sum_latex
from symconv.notation.tex_text import check_symbols

#: The analyses, in the order they are written (``symconv analyze --what`` names them).
SECTIONS = ("sizes", "overlap", "polyphase", "closed-form", "gradient")
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
    >>> tex = render_analysis(symconv.preset("seed-2d-s1"), form="article", sections="overlap")
    >>> tex.startswith(r"\documentclass"), "every interior output receives 2 taps" in tex
    (True, True)
    """
    check_request(derivation, form, ANALYSIS_FORMS, notation)
    chosen = chosen_sections(sections)
    context = analysis_context(derivation, notation or DEFAULT_NOTATION, chosen)
    return render_template("analysis.tex.j2", template_dir, an=context, form=form)


def chosen_sections(sections: Iterable[str] | str | None) -> tuple[str, ...]:
    """The requested analyses, checked, in the order of :data:`SECTIONS`.

    >>> chosen_sections(["gradient", "sizes"])
    ('sizes', 'gradient')
    """
    if sections is None:
        return SECTIONS
    if isinstance(sections, str):
        sections = [sections]
    try:
        wanted = list(sections)
    except TypeError:
        raise SymconvError("sections", "must be a list of analysis names", sections) from None
    for name in wanted:
        if name not in SECTIONS:
            raise SymconvError("sections", f"must be among {', '.join(SECTIONS)}", name)
    if not wanted:
        raise SymconvError("sections", "must name at least one analysis", sections)
    return tuple(name for name in SECTIONS if name in wanted)


def analysis_context(derivation: Derivation, notation: Notation, sections: tuple[str, ...]):
    """The chosen analyses of ``derivation`` as plain data for ``templates/analysis.tex.j2``.

    >>> import symconv
    >>> an = analysis_context(symconv.preset("seed-1d"), Notation(), ("closed-form",))
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
        "axes": axes_context(d),
        "input": _grid(d.input_elements, g.input_size, notation),
        "kernel": _grid(d.kernel_elements, g.kernel_size, notation),
        "sections": list(sections),
    }
    for name in sections:
        context[name.replace("-", "_")] = builders[name](d, notation)
    return context


def _grid(values, shape, notation: Notation) -> dict:
    return array_context([expr_latex(v) for v in values], shape, notation)


def _closed_form(d: Derivation, notation: Notation) -> dict:
    g = d.geometry
    form = closed_form()
    context = {
        "general": sympy.latex(form),
        "undilated": sympy.latex(closed_form(dilated=False)) if set(g.dilation) == {1} else None,
        "entries": [],
        "count": 0,
        "all_equal": False,
    }
    if g.rank != 1:
        return context
    entries = []
    for o, value in enumerate(instantiated_entries(form, d)):
        entry = to_engine_symbols(value, d.input_elements, d.kernel_elements)
        pairs = _index_pairs(value)
        if pairs is None:  # not a plain sum of x[j]*w[t]: SymPy's own order
            indexed, written = expr_latex(value), expr_latex(entry)
        else:
            indexed = sum_latex([(X[j], W[t]) for j, t in pairs])
            written = sum_latex([(d.input_elements[j], d.kernel_elements[t]) for j, t in pairs])
        entries.append(
            {
                "output": o,
                "indexed": indexed,
                "entry": written,
                "equal": sympy.expand(entry - d.output[o]) == 0,
            }
        )
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


def _index_pairs(value: sympy.Expr) -> list[tuple[int, int]] | None:
    """The (j, t) of each term ``x[j]*w[t]`` of an instantiated closed form, by j; else None."""
    pairs = []
    for term in sympy.Add.make_args(value):
        if term == 0:
            continue
        found = {i.base: int(i.indices[0]) for i in term.atoms(sympy.Indexed)}
        if set(found) != {X, W} or term != X[found[X]] * W[found[W]]:
            return None
        pairs.append((found[X], found[W]))
    return sorted(pairs)


def _sizes(d: Derivation, notation: Notation) -> dict:
    g = d.geometry
    symbols = SYMBOLS
    formula = output_size_formula()
    axes = []
    for a, ax in enumerate(axes_context(d)):
        values = {
            symbols["I"]: ax["input"],
            symbols["k"]: ax["kernel"],
            symbols["s"]: ax["stride"],
            symbols["p"]: sympy.Rational(ax["pad_begin"] + ax["pad_end"], 2),
            symbols["d"]: ax["dilation"],
            symbols["op"]: ax["output_padding"],
        }
        value = formula.xreplace(values)
        symmetric = ax["pad_begin"] == ax["pad_end"]
        entry = dict(ax, formula_value=int(value), formula_agrees=value == g.output_size[a])
        entry["symmetric"] = symmetric
        if symmetric:
            args = (ax["kernel"], ax["stride"], ax["pad_begin"], ax["dilation"])
            inverse = input_sizes_for(ax["output"], *args)
            direct = list(direct_inputs_for(ax["input"], *args))
            entry.update(
                inverse=[{"input": i, "output_padding": op} for i, op in inverse],
                inverse_has_this=(ax["input"], ax["output_padding"]) in inverse,
                direct=direct,
                # each size really shrinks to I under the direct convolution
                direct_checked=all(_direct_output(i, *args) == ax["input"] for i in direct),
                direct_has_this=ax["output"] in direct,
            )
        axes.append(entry)
    context = {
        "formula": sympy.latex(formula, symbol_names={symbols["op"]: "a"}),
        "axes": axes,
        "uniform": all(axis == axes[0] for axis in axes),
        "relationships": None,
    }
    if g.pad_begin == g.pad_end:
        found = relationships(g)
        rows = [r.rows() for r in found]
        context["relationships"] = {
            "rows": [
                {"quantity": quantity, "by_axis": [axis[n][1] for axis in rows]}
                for n, (quantity, _) in enumerate(rows[0])
            ],
            "gives_output": [r.o_prime == r.i for r in found],
        }
    return context


def _direct_output(size: int, kernel: int, stride: int, padding: int, dilation: int) -> int:
    """The output size of a direct convolution (PyTorch's ``conv`` formula)."""
    return (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1


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
                sub_output=_grid(flat_elements(ph.sub_output), ph.sub_output.shape, notation),
            )
        )
    g = d.geometry
    return {
        "phases": phases,
        "count": len(phases),
        "canvas": _grid(flat_elements(pp.canvas), g.canvas_size, notation),
        "output": _grid(flat_elements(pp.output), g.output_size, notation),
        "derivation_output": output_context(d, notation),
        "equal": pp.output == d.output,
    }


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
        "direct": _grid(flat_elements(example.direct), g.input_size, notation),
        "loss": expr_latex(example.loss) if products <= MAX_LOSS_PRODUCTS else None,
        "loss_products": products,
        "gradient": _grid(flat_elements(example.gradient), g.output_size, notation),
        "transposed": output_context(d, notation),
        "holds": example.holds,
    }
