"""The crop step says what is kept and what is appended, and it is what the result shows."""

from __future__ import annotations

import itertools

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import symconv
from symconv.latex.example_context import axes_context


@st.composite
def derivations(draw):
    rank = draw(st.integers(1, 2))
    sizes = lambda high: st.tuples(*[st.integers(1, high)] * rank)  # noqa: E731
    stride, dilation = draw(sizes(3)), draw(sizes(2))
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
        kept = all(o < ax["kept"] for o, ax in zip(index, axes))
        cell = tuple(ax["kept_first"] + o for o, ax in zip(index, axes))
        expected = canvas_value(d, cell) if kept else 0
        assert d.output[index] == expected
    for ax in axes:
        assert ax["kept"] + ax["appended"] == ax["output"]
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
        appended = ax["appended"]
        noun = "zero" if appended == 1 else "zeros"
        assert (f"followed by ${appended}$ appended {noun}" in crop) == bool(appended)
        assert f"${ax['output']}$ in all" in crop


def test_padding_and_output_padding_together():
    # The example: the last entry is x2*w3, kept from the canvas, not an added zero.
    d = symconv.derive_symbolic(2, 3, stride=2, padding=1, output_padding=1)
    tex = symconv.render_latex(d)
    assert "Cells $1$ to $4$ of the canvas remain: $4$ in all." in tex
    assert "appended" not in tex[tex.index("{Cropping") : tex.index("{Result}")]
    assert d.output[3] == sympy.Symbol("x2") * sympy.Symbol("w3")
