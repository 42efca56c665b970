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
from tests.tex_tools import compile_log, log_problems, require_tool

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


def size_display(tex: str) -> str:
    """The display that works out the output size, from its symbols s(I - 1) or s_h(I_h - 1)."""
    (line,) = [
        line
        for line in tex.splitlines()
        if line.startswith(r"\[\symconvfit") and ("s(I - 1)" in line or "s_h(I_h - 1)" in line)
    ]
    return line


@pytest.mark.parametrize(
    "sizes, options, worked",
    [
        (((2, 2), (2, 2)), {}, r"O_h = O_w = s(I - 1) + k - 2p = 1( 2 - 1) + 2 - 2\cdot 0 = 3."),
        (
            ((2, 3), (2, 2)),
            dict(stride=(2, 1), padding=(1, 0), output_padding=(1, 0), dilation=(1, 2)),
            r"O_h &= s_h(I_h - 1) + k_h - 2p_h + a_h = 2( 2 - 1) + 2 - 2\cdot 1 + 1 = 3 \\ "
            r"O_w &= s_w(I_w - 1) + d_w(k_w - 1) + 1 - 2p_w = 1( 3 - 1) + 2( 2 - 1) + 1 - 2\cdot 0",
        ),
        (((2, 2, 2), (2, 2, 2)), dict(stride=2), "O_1 = O_2 = O_3 = s(I - 1) + k - 2p = 2( 2 - 1)"),
        (((3,), (2,)), dict(stride=2, padding=1), r"O = s(I - 1) + k - 2p = 2( 3 - 1) + 2"),
    ],
)
def test_output_sizes_are_worked_out_as_the_single_channel_example_does(sizes, options, worked):
    input_size, kernel_size = sizes
    x = symbols_array("x", (1, 2, *input_size))
    w = symbols_array("w", (2, 1, *kernel_size))
    summary = render_channels(symconv.make_problem(x, w, groups=2, **options), "article")
    single = symconv.render_latex(
        symconv.derive_symbolic(input_size, kernel_size, **options), "article"
    )
    # per-axis sizes are O_h, O_w (O_1 in 3-D), never output elements' O_1, O_2 in 2-D
    assert worked in size_display(summary)
    assert size_display(summary) == size_display(single)
    general = r"each spatial size from $O = s(I - 1) + d(k - 1) + 1 - 2p + a$:"
    assert general + "\n" + size_display(summary) in summary


@pytest.mark.parametrize("form", ["article", "beamer"])
def test_uneven_sizes_compile_without_overfull_boxes(form, tmp_path):
    problem = symconv.make_problem(
        symbols_array("x", (1, 2, 2, 3)),
        symbols_array("w", (2, 1, 2, 2)),
        groups=2,
        stride=(2, 1),
        padding=(1, 0),
        output_padding=(1, 0),
        dilation=(1, 2),
    )
    assert log_problems(compile_log(render_channels(problem, form), tmp_path)) == []
