"""One notation in every output: the result's name, input-first products, index base,
the transpose sign and the size formula, each written down once in symconv.notation."""

import re

import pytest

import symconv
from symconv.analysis.text import analysis_text
from symconv.notation.statements import MATRIX_PRODUCT, SIZE_FORMULA, TRANSPOSE
from symconv.notation.style import RESULT

SEED_1D = "[x1*w2, x1*w3 + x2*w1, x2*w2]"


def test_the_result_has_one_name_in_every_output(cli):
    d = symconv.preset("example-1d")
    assert RESULT == "O"
    assert d.to_latex().splitlines()[1].startswith("O = ")
    assert d._repr_latex_().startswith("$$O = ")
    assert cli("derive", "--preset", "example-1d")[1] == f"O = {SEED_1D}\n"
    assert r"\[" + "\nO = " in cli("derive", "--preset", "example-1d", "--format", "latex")[1]
    example = symconv.render_latex(d, form="fragment")
    assert r"\displaystyle O = \begin{pmatrix} x_{1} w_{2}" in example
    assert MATRIX_PRODUCT + " = " in example  # vec(O) = C^T vec(I), the matrix view
    analyses = symconv.render_analysis(d)
    assert "O[o] = " in analyses and not re.search(r"(?<![a-z\\])y_\{o\}", analyses)
    text = analysis_text(d, ("closed-form",))
    assert text.startswith("O[o] = ") and "  O[1] = x1*w3 + x2*w1" in text


def test_no_output_calls_the_result_y(cli):
    d = symconv.preset("example-2d-s2")
    documents = [symconv.render_latex(d, form=f) for f in ("fragment", "article", "beamer")]
    for tex in documents:
        assert not re.search(r"(?<![\\a-zA-Z{])y = |\$y\$|(?<![\\a-zA-Z])y\[", tex)
    status, out, _ = cli("derive", "--input", "2", "--kernel", "2", "--in-channels", "2")
    assert status == 0 and out.startswith("O[0, :, :] =")


@pytest.mark.parametrize("what", ["polyphase", "closed-form", "gradient"])
def test_analyses_write_products_input_first(what):
    text = analysis_text(symconv.preset("example-1d"), (what,))
    products = re.findall(r"\b([a-z]+)\d+\*([a-z]+)\d+\b", text)
    assert products, text
    for first, second in products:
        assert (first, second) in {("x", "w"), ("z", "w")}, text


def test_multi_channel_results_are_input_first(cli):
    argv = ["--input", "2", "--kernel", "2", "--in-channels", "2", "--out-channels", "2"]
    _, text, _ = cli("derive", *argv)
    assert "x111*w111 + x121*w211" in text and "w111*x111" not in text
    _, latex, _ = cli("derive", *argv, "--format", "latex")
    assert "x_{111} w_{111} + x_{121} w_{211}" in latex
    _, document, _ = cli("derive", *argv, "--format", "json")
    assert '"x111*w111 + x121*w211"' in document and "w111*x111" not in document
    problem = symconv.make_problem(
        symconv.symbols_array("x", (1, 2, 2)), symconv.symbols_array("w", (2, 1, 2))
    )
    tex = symconv.render_channels(problem, "fragment")
    assert "x_{111} w_{111}" in tex and not re.search(r"w_\{\d+\} x_\{\d+\}", tex)


def test_the_size_formula_is_quoted_in_its_general_form(cli):
    d = symconv.derive(
        symconv.symbols_array("x", (3,)),
        symconv.symbols_array("w", (3,)),
        stride=2,
        padding=1,
        output_padding=1,
        dilation=2,
    )
    text = analysis_text(d, ("sizes",))
    assert text.splitlines()[0] == "O = s*(I - 1) + d*(k - 1) + 1 - 2*p + output_padding"
    assert f"O = {SIZE_FORMULA}" in symconv.render_analysis(d, sections=["sizes"])
    example = symconv.render_latex(d, form="fragment")
    assert "$O = s(I - 1) + d(k - 1) + 1 - 2p + a$" in example


def test_element_names_count_from_one_and_positions_from_zero():
    d = symconv.derive(
        symconv.symbols_array("x", (8, 8)),
        symconv.symbols_array("w", (3, 3)),
        stride=2,
        padding=1,
    )
    tex = symconv.render_latex(d, form="beamer")
    # each listed cell is the second argument of \symconvpad{widest}{cell}
    listed = re.findall(r"\}\{O_\{([\d,]+)\} = (x_\{\d+\})", tex)
    # O_{1,1} (15 x 15: separated, as any array past 9) beside x_{11}, never O[0,0]
    assert listed and listed[0] == ("1,1", "x_{11}") and listed[1] == ("1,2", "x_{11}")
    assert not re.search(r"(?<![a-z}])O\[\d", tex)
    closed = symconv.render_analysis(symconv.preset("example-1d"), sections=["closed-form"])
    assert r"O[0] & = x[0] w[1] & = x_{1} w_{2}" in closed


def test_the_general_closed_form_is_written_input_first(cli):
    closed = symconv.render_analysis(symconv.preset("example-1d"), sections=["closed-form"])
    # the summand follows the upper limit, \min\left(...\right)
    general = re.findall(r"O\[o\] = \\sum_.*?\\right\)\} (.*?)\$", closed)
    assert general == [
        r"x[j] w{\left[\frac{- j s + o + p}{d}\right]}"
        r" \delta_{0, \left(- j s + o + p\right) \bmod d}",
        r"x[j] w[- j s + o + p]",
    ]
    text = cli("analyze", "--preset", "example-1d", "--what", "closed-form")[1]
    assert "O[o] = Sum(x[j]*w[(-j*s + o + p)/d]*KroneckerDelta(" in text


def test_one_transpose_sign(cli):
    d = symconv.preset("example-2d-s1")
    matrix = cli("matrix", "--preset", "example-2d-s1", "--format", "latex")[1]
    documents = [symconv.render_latex(d, form=f) for f in ("article", "beamer")] + [matrix]
    for tex in documents:
        assert "C" + TRANSPOSE in tex
        assert not re.search(r"C\^\{?T\}?(?!\w)|C\^\\top|C\^\{\\top\}", tex)
