"""The multi-channel summary of a worked example: each output channel, and it compiles.

The command line that writes it (``symconv example`` with channels) is tested in
:mod:`tests.cli.test_example_channels`.
"""

from __future__ import annotations

import pytest

import symconv
from symconv.core.tensors import flat_elements, symbols_array
from symconv.latex.channels import channels_context, render_channels
from symconv.latex.pdf import compile_pdf
from symconv.notation.expressions import expr_latex, ordered_sum_latex
from symconv.notation.style import Notation
from tests.tex_tools import require_tool

X = symbols_array("x", (1, 2, 2, 2))
W = symbols_array("w", (2, 1, 2, 2))


def grouped_problem():
    return symconv.make_problem(X, W, stride=2, groups=2)


def test_each_output_channel_is_conv_transposes_entries():
    expected = symconv.conv_transpose(X, W, stride=2, groups=2)
    ch = channels_context(grouped_problem(), Notation(full=True))
    tex = render_channels(grouped_problem(), "fragment", Notation(full=True))
    assert ch["output_shape"] == list(expected.shape) == [1, 2, 4, 4]
    assert [(o["batch"], o["channel"]) for o in ch["outputs"]] == [(0, 0), (0, 1)]
    for o in ch["outputs"]:
        want = [expected[0, o["channel"], i, j] for i in range(4) for j in range(4)]
        assert o["values"] == want
        # every entry as written: its terms input first, the inputs in reading order
        places = {s: n for n, s in enumerate(flat_elements(X))}
        assert all(ordered_sum_latex(v, places) in tex for v in want)
    assert r"x_{1111} w_{1111}" in tex and r"w_{1111} x_{1111}" not in tex
    # grouped: output channel 1 sees only input channel 1
    assert "x_{11" not in " ".join(expr_latex(v) for v in ch["outputs"][1]["values"])
    assert ch["verified"] and len(ch["checks"]) == 3


@pytest.mark.parametrize("form", ["article", "beamer"])
def test_article_and_beamer_compile(form):
    require_tool("pdflatex")
    tex = render_channels(grouped_problem(), form, title="Two & groups")
    assert compile_pdf(tex).startswith(b"%PDF")
