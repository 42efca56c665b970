"""A worked example as a paper holds it: in a narrow column, without TikZ, and with a
missing package named in one message."""

from __future__ import annotations

import itertools
import math
import re

import pytest

import symconv
from symconv.notation.palette import STORED, generated_palette, palette
from symconv.notation.style import Notation
from tests.tex_tools import compile_log, log_problems, require_tool

TWO_COLUMNS = (
    "\\documentclass[twocolumn]{article}\n\\usepackage{amsmath}\n%s\n"
    "\\begin{document}\n%s\\end{document}\n"
)


def test_a_long_result_fits_a_column_with_terms_per_line(tmp_path):
    require_tool("pdflatex")
    d = symconv.preset("example-2d-s1")
    plain = compile_log(TWO_COLUMNS % ("", d.to_latex()), tmp_path, "plain")
    assert any("overfull" in p for p in log_problems(plain))  # the seed's sum is too wide
    stacked = d.to_latex(notation=Notation(terms_per_line=2))
    assert r"a w_{22} + b w_{21} \\ {} + c w_{12} + d w_{11}" in stacked
    assert log_problems(compile_log(TWO_COLUMNS % ("", stacked), tmp_path, "stacked")) == []


def test_a_fragment_without_figures_needs_no_tikz(tmp_path):
    require_tool("pdflatex")
    d = symconv.derive_symbolic((3, 3), (3, 3), stride=2, padding=1, output_padding=1)
    tex = symconv.render_latex(d, "fragment", figures=False)
    assert r"\begin{tikzpicture}" not in tex and r"\definecolor" not in tex
    host = TWO_COLUMNS % ("\\usepackage{graphicx}", tex)
    assert log_problems(compile_log(host, tmp_path)) == []


def test_a_missing_package_is_named_once(tmp_path):
    require_tool("pdflatex")
    tex = symconv.render_latex(symconv.preset("example-1d"), "fragment")
    log = compile_log(TWO_COLUMNS % ("", tex), tmp_path)  # amsmath but no tikz
    errors = [line for line in log.splitlines() if line.startswith("!")]
    assert errors[0] == r"! Package symconv Error: This needs \usepackage{tikz} in the preamble."
    assert errors[1:] == ["!  ==> Fatal error occurred, no output PDF file produced!"]


def test_every_drawn_element_has_its_own_colour():
    for count in (1, 8, 9, 36):
        colours = palette(count)
        assert len(colours) == count
        for a, b in itertools.combinations(colours, 2):
            assert math.dist(a, b) > 40, (a, b)
    d = symconv.derive_symbolic((6, 6), (2, 2), stride=2)  # a 12 x 12 canvas: 36 blocks drawn
    tex = symconv.render_latex(d, "article")
    assert tex.count(r"\definecolor{symconv") == 36 and "symconv35" in tex


def test_the_stored_colours_are_the_ones_the_rule_chooses():
    assert palette(STORED) == generated_palette(STORED)
    assert palette(STORED + 3) == generated_palette(STORED + 3)
    assert palette(STORED + 3)[:STORED] == palette(STORED)


def test_a_column_width_lays_matrices_out_one_to_a_line(tmp_path):
    d = symconv.derive_symbolic((3, 3), (3, 3), stride=2, padding=1, output_padding=1)
    wide = symconv.render_latex(d, "fragment")
    column = symconv.render_latex(d, "fragment", Notation(width=24, terms_per_line=2))
    kernels = r"multiplies the whole kernel:" + "\n" + r"\[\symconvfit{$\begin{array}"
    assert kernels + "{c@{\\qquad}c@{\\qquad}c}" in wide
    assert kernels + "{c}" in column
    # the size equation breaks after its symbols instead of shrinking
    assert r"O_h = O_w &= s(I - 1) + k - 2p + a \\ &= 2( 3 - 1) + 3" in column
    assert r"O_h = O_w = s(I - 1) + k - 2p + a = 2( 3 - 1)" in wide
    require_tool("pdflatex")
    host = TWO_COLUMNS % ("\\usepackage{tikz}", column)
    assert log_problems(compile_log(host, tmp_path)) == []


def test_the_width_is_checked(cli):
    status, _, err = cli("example", "--preset", "example-1d", "--width", "3")
    assert status == 2 and err.startswith("symconv: error: --width: must be an integer >= 16")


def test_a_channel_summary_without_figures_needs_no_tikz(tmp_path):
    require_tool("pdflatex")
    x = symconv.symbols_array("x", (1, 2, 2, 2))
    w = symconv.symbols_array("w", (2, 1, 2, 2))
    problem = symconv.make_problem(x, w, stride=2, groups=2)
    tex = symconv.render_channels(problem, "fragment", figures=False)
    assert r"\definecolor" not in tex and "usepackage{graphicx}" in tex
    host = TWO_COLUMNS % ("\\usepackage{graphicx}", tex)
    assert log_problems(compile_log(host, tmp_path)) == []


def display_scales(log: str) -> list[float]:
    """Each fitted display's width over its natural width, from the lines symconvfit logs."""
    found = re.findall(r"symconvfit: math [\d.]+pt, natural\s*([\d.]+)pt, fitted\s*([\d.]+)pt", log)
    return [float(f) / float(n) for n, f in found if float(n) > 0]


def test_the_column_width_keeps_displays_readable_and_tex_warns_without_it(tmp_path):
    require_tool("pdflatex")
    d = symconv.derive_symbolic((3, 3), (3, 3), stride=2)  # the README's narrow-column case
    logs = {
        width: compile_log(
            TWO_COLUMNS
            % (
                "\\usepackage{graphicx}",
                symconv.render_latex(
                    d, "fragment", Notation(width=width, terms_per_line=2), figures=False
                ),
            ),
            tmp_path,
            f"width{width}",
        ).replace("\n", "")
        for width in (56, 24)
    }
    assert min(display_scales(logs[56])) < 0.5
    assert "Package symconv Warning: A display is set at under 70 per cent" in logs[56]
    assert min(display_scales(logs[24])) >= 0.7
    assert "symconv Warning" not in logs[24] and log_problems(logs[24]) == []


@pytest.mark.parametrize("form", ["article", "beamer"])
@pytest.mark.parametrize("name", ["example-1d", "example-2d-s1"])
def test_every_form_compiles_without_figures(form, name, tmp_path):
    require_tool("pdflatex")
    tex = symconv.render_latex(symconv.preset(name), form, figures=False)
    assert "tikzpicture" not in tex and r"\fill" not in tex
    assert log_problems(compile_log(tex, tmp_path)) == []
