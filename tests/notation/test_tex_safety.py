"""No symbol name reaches TeX as a command, by any path that writes LaTeX."""

import pytest
from sympy import Function, Integral, Sum, Symbol

import symconv
from symconv.notation.expressions import expr_latex
from symconv.notation.grids import output_latex
from tests.tex_tools import require_tool

HOSTILE = [r"\input{/etc/passwd}", r"\write18{touch pwned}", "}", r"^^5c", "%", r"\def\x{}"]


@pytest.mark.parametrize("name", HOSTILE)
@pytest.mark.parametrize(
    "write",
    [
        lambda d: d.to_latex(),
        lambda d: d._repr_latex_(),
        lambda d: output_latex(d),
        lambda d: symconv.render_latex(d),
        lambda d: symconv.render_analysis(d),
    ],
)
def test_hostile_symbol_names_are_refused_everywhere(name, write):
    derivation = symconv.derive([Symbol(name), Symbol("b")], ["w1", "w2"])
    with pytest.raises(symconv.SymconvError) as info:
        write(derivation)
    assert info.value.value == name


@pytest.mark.parametrize(
    "expr",
    [
        Integral(Symbol("q"), (Symbol(r"\input{x}"), 0, 1)),
        Sum(Symbol("q"), (Symbol("}"), 0, 1)),
        Function(r"\write18")(Symbol("q")),
    ],
)
def test_bound_variables_and_function_names_are_checked(expr):
    with pytest.raises(symconv.SymconvError):
        expr_latex(expr)


@pytest.mark.parametrize("form", ["article", "beamer"])
def test_every_accepted_title_character_compiles(form):
    from symconv.notation.tex_text import _TYPESET, _UNICODE_MATH

    require_tool("pdflatex")
    title = "".join(sorted(_TYPESET)) + " " + " ".join(sorted(_UNICODE_MATH))
    derivation = symconv.preset("example-1d")
    import dataclasses

    tex = symconv.render_latex(dataclasses.replace(derivation, title=title), form=form)
    assert symconv.compile_pdf(tex).startswith(b"%PDF")


@pytest.mark.parametrize("title", ["中文", "emoji 🙂", "ð"])
def test_titles_pdflatex_cannot_typeset_are_refused(title):
    import dataclasses

    derivation = dataclasses.replace(symconv.preset("example-1d"), title=title)
    with pytest.raises(symconv.SymconvError, match="cannot be typeset"):
        symconv.render_latex(derivation)
