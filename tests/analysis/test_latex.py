"""The analyses as LaTeX: the seed's entries and sub-kernels, checked claims only, overlap
maps, pdflatex for every section, pages with ink, the same bytes for the same request.
``symconv analyze --format latex`` is tested in :mod:`tests.cli.test_analyze_latex`.

The compile tests fail rather than skip when the environment variable CI is set and
pdflatex or pdftoppm is missing (see ``tests.tex_tools.require_tool``).
"""

import dataclasses
import re
import subprocess

import pytest
from sympy import Integer

import symconv
import symconv.analysis.closed_form as general_form
import symconv.analysis.latex as analysis_latex
from symconv.analysis.latex import render_analysis
from symconv.analysis.overlap import overlap_counts
from symconv.analysis.sections import SECTIONS
from symconv.errors import SymconvError
from symconv.latex.pdf import COMMAND, compile_pdf, first_error
from tests.tex_tools import HOSTILE, page_ink, pdf_text, require_tool

# The seed's 1-D result, as the seed document writes it ("Output after padding").
SEED_1D_OUTPUT = "[x1*w2, x1*w3 + x2*w1, x2*w2]"

HOST = r"""\documentclass{article}
\usepackage{amsmath}
\usepackage{tikz}
\begin{document}
Some text of the paper.
\input{analysis}
\end{document}
"""


def seed_entries(text: str) -> list[str]:
    """The seed's entries in symconv's LaTeX: ``x1*w3`` -> ``x_{1} w_{3}``."""
    cells = text.strip("[]").split(", ")
    return [re.sub(r"([a-z])(\d+)", r"\1_{\2}", cell).replace("*", " ") for cell in cells]


def normalised(tex: str) -> str:
    return re.sub(r"\s+", " ", tex)


def configurations():
    found = {name: symconv.preset(name) for name in sorted(symconv.PRESETS)}
    found["2d-k3-s2-p1"] = symconv.derive_symbolic((3, 3), (3, 3), stride=2, padding=1)
    return found


CONFIGURATIONS = configurations()


# --- what the sections say ---------------------------------------------------------------


def test_closed_form_section_of_seed_1d_gives_the_seeds_entries():
    tex = normalised(render_analysis(symconv.preset("example-1d"), sections=["closed-form"]))
    entries = seed_entries(SEED_1D_OUTPUT)
    assert entries == ["x_{1} w_{2}", "x_{1} w_{3} + x_{2} w_{1}", "x_{2} w_{2}"]
    for o, entry in enumerate(entries):
        row = re.escape(f"O[{o}] & = ") + r"[^&]*" + re.escape(f" & = {entry} ")
        assert re.search(row + r"(\\\\|\\end)", tex)
    assert r"\sum_{j=" in tex and "every difference expands to $0$" in tex
    assert "Polyphase" not in tex and "polyphase" not in tex


def test_polyphase_section_of_seed_1d_shows_the_sub_kernels():
    tex = normalised(render_analysis(symconv.preset("example-1d"), sections=["polyphase"]))
    assert "the taps $w_{1}, w_{3}$" in tex and "the taps $w_{2}$" in tex
    assert r"K^{(0)} = \begin{pmatrix} w_{1} & w_{3} \end{pmatrix}" in tex
    assert r"K^{(1)} = \begin{pmatrix} w_{2} \end{pmatrix}" in tex
    assert "This is the derivation's output $O$ entry for entry" in tex


@pytest.mark.parametrize("size", [6, (6, 6)])
def test_overlap_section_for_k3_s2_says_1_and_2_alternate(size):
    rank = 1 if isinstance(size, int) else 2
    d = symconv.derive_symbolic(size, (3,) * rank, stride=2, padding=1)
    tex = normalised(render_analysis(d, sections=["overlap"]))
    assert "Verdict: uneven overlap: counts 1 and 2 alternate" in tex
    # the map writes every output's count in its cell, in reading order
    written = [
        int(n) for n in re.findall(r"\\node\[font=\\scriptsize\] at \([^)]*\) \{(\d+)\}", tex)
    ]
    expected = overlap_counts(d.geometry)
    assert written == (expected if rank == 1 else [c for row in expected for c in row])
    assert r"\fill[symconv4!70]" in tex  # the cells with the most taps are the darkest


def test_overlap_section_for_even_overlap_and_past_the_map_size():
    even = symconv.derive_symbolic((6, 6), (4, 4), stride=2, padding=1)
    assert "Verdict: even overlap" in render_analysis(even, sections="overlap")
    d = symconv.derive_symbolic(40, 3, stride=2)
    wide = normalised(render_analysis(d, sections="overlap"))
    assert r"\begin{tikzpicture}" not in wide and "The map is left out" in wide
    counts = overlap_counts(d.geometry)  # written as a row instead, elided
    row = " & ".join(map(str, counts[:8])) + r" & \cdots & " + str(counts[-1])
    assert r"\begin{pmatrix} " + row + r" \end{pmatrix}" in wide
    assert "counts 1 and 2 alternate" in wide


def test_sizes_section_substitutes_inverts_and_tabulates():
    d = symconv.derive_symbolic(3, 3, stride=2, padding=1, output_padding=1)
    tex = normalised(render_analysis(d, sections=["sizes"]))
    assert "= 2( 3 - 1) + 3 - 2\\cdot 1 + 1 = 6" in tex
    assert "only from this example's $I = 3$ with $a = 1$" in tex
    assert "sizes $5$ and $6$ alike to $3$" in tex
    assert r"zeros added at the end & $a = (i + 2p - k) \bmod s$ & $1$ \\" in tex
    assert r"output size & $o' = s(i' - 1) + a + k - 2p$ & $6$ \\" in tex
    assert "gives back the output size $O = i$" in tex


def test_gradient_section_states_the_identity_it_checked():
    tex = normalised(render_analysis(symconv.preset("example-1d"), sections=["gradient"]))
    assert r"z = \begin{pmatrix} z_{1} & z_{2} & z_{3} \end{pmatrix}" in tex
    # y = conv(z, w), each product written z first, z counted from 1 as x and w are
    assert r"z_{1} w_{2} + z_{2} w_{3} & z_{2} w_{1} + z_{3} w_{2}" in tex
    assert "This is the transposed convolution of $I$ with $K$" in tex
    for entry in seed_entries(SEED_1D_OUTPUT):
        assert entry in tex


# --- a claim is printed only when its check passed -----------------------------------------


def test_a_failed_polyphase_check_is_reported_not_claimed(monkeypatch):
    real = analysis_latex.polyphase_of

    def broken(d):
        pp = real(d)
        return dataclasses.replace(pp, output=pp.output.applyfunc(lambda v: v + 1))

    monkeypatch.setattr(analysis_latex, "polyphase_of", broken)
    tex = render_analysis(symconv.preset("example-1d"), sections=["polyphase"])
    assert "This differs from the derivation's output" in tex
    assert "entry for entry" not in tex


def test_a_failed_gradient_check_is_reported_not_claimed(monkeypatch):
    real = analysis_latex.gradient_example

    def broken(d):
        example = real(d)
        return dataclasses.replace(
            example, transposed=example.transposed.applyfunc(lambda v: 2 * v)
        )

    monkeypatch.setattr(analysis_latex, "gradient_example", broken)
    tex = render_analysis(symconv.preset("example-1d"), sections=["gradient"])
    assert "This differs from the transposed convolution" in tex
    assert "every difference expands to $0$" not in tex


def test_a_failed_closed_form_check_is_reported_not_claimed(monkeypatch):
    real = general_form.instantiate

    def broken(expr, **values):
        value = real(expr, **values)
        return value + Integer(1) if values["o"] == 1 else value

    monkeypatch.setattr(general_form, "instantiate", broken)
    tex = normalised(render_analysis(symconv.preset("example-1d"), sections=["closed-form"]))
    assert "Not every entry equals the derivation's output" in tex and "$o = 1$" in tex
    assert "Each of the" not in tex


# --- requests ---------------------------------------------------------------------------------


def test_same_request_same_bytes():
    first = render_analysis(symconv.derive_symbolic((3, 3), (3, 3), stride=2, padding=1))
    second = render_analysis(symconv.derive_symbolic((3, 3), (3, 3), stride=2, padding=1))
    assert first == second


def test_sections_are_written_in_a_fixed_order():
    d = symconv.preset("example-1d")
    tex = render_analysis(d, form="article", sections=["gradient", "sizes"])
    assert tex == render_analysis(d, form="article", sections=("sizes", "gradient"))
    assert tex.index(r"\section{Size relationships}") < tex.index(r"\section{The gradient")
    assert r"\section{Overlap" not in tex


@pytest.mark.parametrize(
    "kwargs, parameter",
    [
        (dict(form="beamer"), "form"),
        (dict(sections=["bogus"]), "sections"),
        (dict(sections=[]), "sections"),
        (dict(sections=3), "sections"),
    ],
)
def test_bad_requests_name_the_parameter(kwargs, parameter):
    with pytest.raises(SymconvError) as error:
        render_analysis(symconv.preset("example-1d"), **kwargs)
    assert error.value.parameter == parameter


def test_a_hostile_title_is_typeset_as_text():
    d = dataclasses.replace(symconv.preset("example-1d"), title=HOSTILE)
    tex = render_analysis(d, form="article", sections=["sizes"])
    assert r"\input{/etc" not in tex and r"\textbackslash{}input\{/etc/passwd\}" in tex
    with pytest.raises(SymconvError) as error:
        render_analysis(dataclasses.replace(d, title="two\nlines"))
    assert error.value.parameter == "title"


# --- pdflatex -----------------------------------------------------------------------------


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("name", sorted(CONFIGURATIONS))
def test_every_section_compiles(name, section):
    require_tool("pdflatex")
    pdf = compile_pdf(render_analysis(CONFIGURATIONS[name], form="article", sections=[section]))
    assert pdf.startswith(b"%PDF-")


@pytest.mark.parametrize("name", sorted(CONFIGURATIONS))
def test_the_whole_article_has_ink_on_every_page(name, tmp_path):
    require_tool("pdflatex")
    ink = page_ink(compile_pdf(render_analysis(CONFIGURATIONS[name], form="article")), tmp_path)
    assert len(ink) >= 2
    assert min(ink) > 0.002, f"a blank page among {ink}"


def test_the_fragment_compiles_inside_a_paper_and_shows_the_seeds_entries(tmp_path):
    require_tool("pdflatex")
    (tmp_path / "analysis.tex").write_text(render_analysis(symconv.preset("example-1d")))
    (tmp_path / "host.tex").write_text(HOST)
    done = subprocess.run(
        ["pdflatex", *COMMAND, "host.tex"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, first_error(done.stdout)
    pdf = (tmp_path / "host.pdf").read_bytes()
    assert min(page_ink(pdf, tmp_path)) > 0.002
    text = pdf_text(pdf, tmp_path)
    for entry in seed_entries(SEED_1D_OUTPUT):  # pdftotext reads x_{1} w_{3} as x1w3
        assert re.sub(r"_\{(\d+)\}|\s", lambda m: m.group(1) or "", entry) in text
    assert "Verdict:unevenoverlap:counts1and2alternate" in text
