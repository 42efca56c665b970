"""The configuration as a title says it: "Input of size 2, kernel of size 3, ...", and a
negative pad is written as the zeros it adds, its arithmetic without "+ -".

The compile test fails rather than skips when the environment variable CI is set and
pdflatex is missing (see ``tests.tex_tools.require_tool``).
"""

import re

import pytest

import symconv
from symconv.core.geometry import make_geometry
from symconv.core.sizes import size_lines
from symconv.web.page import render_html, render_markdown
from tests.tex_tools import compile_log, log_problems, require_tool

JAX_NEGATIVE_END = ("--convention", "jax", "--input", "3", "--kernel", "3", "--padding", "2:4")
ONE_D = "Input of size $2$, kernel of size $3$, stride $s = 2$, padding $p = 1$"
TWO_D = r"Input of size $2 \times 2$, kernel of size $2 \times 2$, stride $s = 2$, padding $p = 0$"


def _title(tex: str) -> str:
    return " ".join(re.findall(r"^\\(?:sub)?title\{(.*)\}$", tex, flags=re.M))


@pytest.mark.parametrize("form", ["article", "beamer"])
def test_the_title_names_the_sizes_in_words(form):
    assert ONE_D in _title(symconv.render_latex(symconv.preset("example-1d"), form=form))
    assert TWO_D in _title(symconv.render_latex(symconv.preset("example-2d-s2"), form=form))


def test_the_analysis_title_and_the_web_pages_name_the_sizes_alike():
    d = symconv.preset("example-1d")
    assert ONE_D in _title(symconv.render_analysis(d, form="article"))
    markdown, _ = render_markdown(d)
    assert markdown.splitlines()[2] == ONE_D
    assert "$2$ input" not in markdown and "$3$ kernel" not in markdown
    setting = '<p class="setting">Input of size <span class="nowrap"><math><mn>2</mn>'
    assert setting in render_html(d)


def test_an_untitled_page_has_the_articles_title():
    d = symconv.derive_symbolic(3, 3)
    assert render_markdown(d)[0].startswith("# A transposed convolution, step by step\n")
    assert "<h1>A transposed convolution, step by step</h1>" in render_html(d)


def test_a_negative_end_pad_is_worded_as_appended_zeros(cli):
    status, tex, _ = cli("example", *JAX_NEGATIVE_END, "--form", "article")
    assert status == 0
    assert (
        "padding $0$ at the beginning and $-2$ at the end ($2$ zeros appended)" in _title(tex)
    )
    assert "= 1( 3 - 1) + 3 - ( 0 - 2) = 7" in tex
    assert not re.search(r"\+ -\d", tex)


def test_negative_pads_at_both_ends_are_factors_in_parentheses(cli):
    argv = ("--convention", "jax", "--input", "3", "--kernel", "3", "--padding", "3:3")
    status, tex, _ = cli("example", *argv, "--form", "article")
    assert status == 0
    assert "padding $p = -1$ ($1$ zero added at each end)" in _title(tex)
    assert r"= 1( 3 - 1) + 3 - 2\cdot (-1) = 7" in tex
    assert r"k - 1 - p = 3 - 1 - (-1) = 3" in tex
    assert not re.search(r"(\\cdot|-) -\d", tex)


def test_size_lines_write_negative_pads_as_arithmetic():
    uneven = make_geometry(3, 3, padding=[(0, -2)], rules="onnx")
    assert size_lines(uneven) == "O = 1*(3 - 1) + 3 - (0 - 2) = 7"
    even = make_geometry(3, 3, padding=[(-1, -1)], rules="onnx")
    assert size_lines(even) == "O = 1*(3 - 1) + 3 - 2*(-1) = 7"


def test_the_negative_pad_example_compiles_without_overfull_boxes(cli, tmp_path):
    require_tool("pdflatex")
    tex = cli("example", *JAX_NEGATIVE_END, "--form", "article")[1]
    assert log_problems(compile_log(tex, tmp_path)) == []
