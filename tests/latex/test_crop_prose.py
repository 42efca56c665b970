"""The crop step says what is kept and what is appended, and it is what the result shows."""

from __future__ import annotations

import itertools

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import symconv
from symconv.engine.crop import crop_geometry
from symconv.engine.derivation import symbolic_derivation
from symconv.latex.example_context import axes_context
from tests.tex_tools import compile_log, log_problems


@st.composite
def derivations(draw):
    rank = draw(st.integers(1, 2))
    sizes = lambda high: st.tuples(*[st.integers(1, high)] * rank)  # noqa: E731
    stride, dilation = draw(sizes(3)), draw(sizes(2))
    if draw(st.booleans()):  # the general crop: any window, zeros on either side
        window = [(draw(st.integers(-3, 3)), draw(st.integers(-3, 3))) for _ in range(rank)]
        try:
            geometry = crop_geometry(draw(sizes(3)), draw(sizes(3)), stride, window, dilation)
        except symconv.SymconvError:  # the window holds no cell
            return symconv.preset("example-1d")
        return symbolic_derivation(geometry)
    output_padding = tuple(draw(st.integers(0, max(s, d) - 1)) for s, d in zip(stride, dilation))
    pads = [(draw(st.integers(0, 3)), draw(st.integers(0, 3))) for _ in range(rank)]
    try:
        return symconv.derive_symbolic(
            draw(sizes(3)), draw(sizes(3)), stride, pads, output_padding, dilation
        )
    except symconv.SymconvError:  # the padding leaves no output
        return symconv.preset("example-1d")


def canvas_value(d, cell):
    return sympy.Add(*(x * w for x, w in d.canvas_terms(cell)))


@settings(max_examples=150, deadline=None)
@given(derivations())
def test_the_kept_cells_and_appended_zeros_are_the_output(d):
    axes = axes_context(d)
    for index in itertools.product(*(range(ax["output"]) for ax in axes)):
        kept = all(
            ax["prepended"] <= o < ax["prepended"] + ax["kept"] for o, ax in zip(index, axes)
        )
        cell = tuple(ax["kept_first"] + o - ax["prepended"] for o, ax in zip(index, axes))
        expected = canvas_value(d, cell) if kept else 0
        assert d.output[index] == expected
    for ax in axes:
        assert ax["prepended"] + ax["kept"] + ax["appended"] == ax["output"]
        assert ax["kept_first"] + ax["kept"] + ax["removed_end"] == ax["canvas"] or not ax["kept"]


@settings(max_examples=60, deadline=None)
@given(derivations())
def test_the_crop_prose_states_those_cells(d):
    tex = symconv.render_latex(d)
    crop = tex[tex.index("{Cropping by the padding}") : tex.index("{Result}")]
    axes = axes_context(d)
    if not any(ax["pad_begin"] or ax["pad_end"] or ax["output_padding"] for ax in axes):
        assert "nothing is cropped" in crop
        return
    for ax in axes:
        if ax["kept"] > 1:
            assert f"Cells ${ax['kept_first']}$ to ${ax['kept_last']}$ of the canvas remain" in crop
        elif ax["kept"] == 1:
            assert f"Cell ${ax['kept_first']}$ of the canvas remains" in crop
        else:
            assert "No cell of the canvas remains" in crop
        appended, prepended = ax["appended"], ax["prepended"]
        noun = "zero" if appended == 1 else "zeros"
        assert (f"followed by ${appended}$ appended {noun}" in crop) == bool(appended)
        noun = "zero" if prepended == 1 else "zeros"
        assert (f"preceded by ${prepended}$ {noun}" in crop) == bool(prepended)
        assert f"${ax['output']}$ in all" in crop


def test_padding_and_output_padding_together():
    # The example: the last entry is x2*w3, kept from the canvas, not an added zero.
    d = symconv.derive_symbolic(2, 3, stride=2, padding=1, output_padding=1)
    tex = symconv.render_latex(d)
    assert "Cells $1$ to $4$ of the canvas remain: $4$ in all." in tex
    assert "appended" not in tex[tex.index("{Cropping") : tex.index("{Result}")]
    assert d.output[3] == sympy.Symbol("x2") * sympy.Symbol("w3")


@pytest.mark.parametrize("form", ["article", "fragment", "beamer"])
def test_a_window_with_zeros_on_both_sides_compiles_and_says_so(tmp_path, form):
    # the general crop: one zero before the canvas, two after (JAX padding (3, 4), k = 3)
    d = symbolic_derivation(crop_geometry((2, 2), (3, 3), 2, [(-1, -2), (0, 0)]))
    tex = symconv.render_latex(d, form)
    if form == "fragment":
        tex = "\\documentclass{article}\\usepackage{amsmath,tikz}\\begin{document}\n" + tex
        tex += "\\end{document}\n"
    assert log_problems(compile_log(tex, tmp_path)) == []
    if form == "article":
        words = " ".join(tex.split())
        assert "$1$ zero put before it, $2$ zeros appended after it" in words
        assert "preceded by $1$ zero and followed by $2$ appended zeros: $8$ in all" in words
