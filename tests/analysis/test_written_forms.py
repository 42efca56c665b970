"""How the analyses write what they computed: the loss input first, Dumoulin & Visin's
relationships as mathematics, phases as superscripts, positions tight against their names.

The compile test fails rather than skips when the environment variable CI is set and
pdflatex or pdftotext is missing (see ``tests.tex_tools.require_tool``).
"""

import re

import symconv
from symconv.analysis.latex import render_analysis
from symconv.analysis.text import analysis_text
from symconv.core.sizes import relationships
from symconv.latex.pdf import compile_pdf
from tests.tex_tools import compile_log, log_problems, pdf_text, require_tool

MINUS = "\u2212"  # how pdftotext reads TeX's mathematical minus sign


def test_the_loss_writes_each_product_input_first():
    tex = render_analysis(symconv.preset("example-1d"), sections=["gradient"])
    loss = (
        r"L = x_{1} \left(z_{1} w_{2} + z_{2} w_{3}\right)"
        r" + x_{2} \left(z_{2} w_{1} + z_{3} w_{2}\right)"
    )
    assert loss in tex
    assert "w_{2} z_{1}" not in tex
    # the text form says the same
    text = analysis_text(symconv.preset("example-1d"), ("gradient",))
    assert "L = sum(I * y) = x1*(z1*w2 + z2*w3) + x2*(z2*w1 + z3*w2)" in text


def test_the_relationship_table_is_mathematics():
    d = symconv.derive_symbolic(3, 3, stride=2, padding=1, output_padding=1)
    tex = render_analysis(d, sections=["sizes"])
    assert r"border & $p' = k - p - 1$ & $1$ \\" in tex
    assert r"zeros added at the end & $a = (i + 2p - k) \bmod s$ & $1$ \\" in tex
    assert " mod s" not in tex and "p' = k - p - 1 &" not in tex


def test_the_relationship_table_has_every_value_of_the_relationship():
    d = symconv.derive_symbolic((6, 5), 3, stride=2, padding=1)
    tex = render_analysis(d, sections=["sizes"])
    table = tex[tex.index(r"\begin{tabular}") : tex.index(r"\end{tabular}")]
    values = [re.findall(r"\$(-?\d+)\$", line) for line in table.splitlines() if " & $" in line]
    by_axis = [[value for _, value in r.rows()] for r in relationships(d.geometry)]
    assert values == [list(row) for row in zip(*by_axis)]
    assert len(values) == 9  # Relationships 8-14: i, k, s, p, i', a, s - 1, p', o'


def test_the_relationship_table_prints_minus_signs(tmp_path):
    require_tool("pdflatex")
    pdf = compile_pdf(render_analysis(symconv.preset("example-1d"), form="article"))
    text = pdf_text(pdf, tmp_path)
    assert f"p\u2032=k{MINUS}p{MINUS}1" in text
    assert f"a=(i+2p{MINUS}k)mods" in text
    assert "k-p-1" not in text


def test_phases_are_superscripts_not_element_subscripts():
    tex = render_analysis(symconv.preset("example-1d"), sections=["polyphase"])
    assert r"K^{(0)} = \begin{pmatrix} w_{1} & w_{3} \end{pmatrix}" in tex
    assert r"O^{(1)} = \begin{pmatrix} x_{1} w_{2} & x_{2} w_{2} \end{pmatrix}" in tex
    assert r"O_{\text{full}}[s q + r] = O^{(r)}[q]" in tex
    assert not re.search(r"[KO]_\{[r\d]", tex)
    two = render_analysis(symconv.preset("example-2d-s2"), sections=["polyphase"])
    assert r"K^{(0,1)} = " in two and not re.search(r"[KO]_\{\d", two)
    text = analysis_text(symconv.preset("example-1d"), ("polyphase",))
    assert "phase r = 0: sub-kernel K^(0) = [w1, w3]" in text
    assert "stride-1 convolution O^(1) = [x1*w2, x2*w2]" in text


def test_positions_sit_tight_against_their_names():
    tex = render_analysis(symconv.preset("example-1d"), sections=["closed-form"])
    assert r"O[1] & = x[0] w[2] + x[1] w[0] & = x_{1} w_{3} + x_{2} w_{1}" in tex
    # brackets around a fraction grow, braced so that TeX puts no space before them
    assert r"w{\left[\frac{- j s + o + p}{d}\right]}" in tex
    assert not re.search(r"[a-z]\\left\[", tex)


def test_the_analysis_article_compiles_without_overfull_boxes(tmp_path):
    require_tool("pdflatex")
    for name in ("example-1d", "example-2d-s2"):
        tex = render_analysis(symconv.preset(name), form="article")
        assert log_problems(compile_log(tex, tmp_path, name)) == []
