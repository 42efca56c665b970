"""Display: text and LaTeX of results, Jupyter's rendered mathematics, errors as HTML."""

import subprocess
import sys

import pytest
import sympy

import symconv
from symconv.cli.main import main
from symconv.engine.verification import Check, Verification
from symconv.jupyter import error_html
from symconv.notation.expressions import sum_text
from symconv.notation.grids import grid_text, output_latex, output_text
from symconv.notation.statements import checks_latex, statement_latex
from symconv.notation.style import Notation
from symconv.notation.tex_text import text_latex
from tests.notebooks.kernel import execute, outputs
from tests.tex_tools import compile_tex

# The seed's stride-1 grid, as it typesets it (compared without spaces).
SEED_2D_S1 = (
    r"aw_{11} & aw_{12}+bw_{11} & bw_{12} \\ aw_{21}+cw_{11} & aw_{22}+bw_{21}+cw_{12}+dw_{11} "
    r"& bw_{22}+dw_{12} \\ cw_{21} & cw_{22}+dw_{21} & dw_{22}"
)


def squeeze(text):
    return "".join(text.split())


def test_derivation_renders_in_jupyter_as_the_seeds_matrix():
    latex = symconv.preset("example-2d-s1")._repr_latex_()
    assert latex.startswith("$$") and latex.endswith("$$")
    assert squeeze(r"O = \begin{pmatrix}" + SEED_2D_S1 + r"\end{pmatrix}") in squeeze(latex)


def test_output_latex_is_the_result_alone():
    assert output_latex(symconv.preset("example-1d")) == (
        r"O = \begin{pmatrix} x_{1} w_{2} & x_{1} w_{3} + x_{2} w_{1} & x_{2} w_{2} \end{pmatrix}"
    )


def test_to_latex_is_a_display_equation_of_the_result_to_paste():
    d = symconv.preset("example-2d-s1")
    latex = d.to_latex()
    assert latex.startswith("\\[\n") and latex.endswith("\n\\]\n")
    assert squeeze(SEED_2D_S1) in squeeze(latex)
    assert r"\begin{bmatrix}" in d.to_latex(notation=Notation(delimiter="bmatrix"))


def test_to_latex_writes_the_result_and_points_elsewhere_for_a_worked_example():
    d = symconv.preset("example-1d")
    for form in ("article", "poster"):
        with pytest.raises(symconv.SymconvError) as info:
            d.to_latex(form)
        assert info.value.parameter == "form" and "symconv.render_latex" in str(info.value)


def test_verification_renders_every_check():
    d = symconv.preset("example-2d-s2")
    latex = d.verification._repr_latex_()
    assert latex.startswith("$$") and latex.endswith("$$")
    assert latex.count(r"\text{PASS}") == 3 and "FAIL" not in latex
    assert statement_latex("gradient") in latex and statement_latex("adjoint") in latex


def test_a_failed_check_shows_as_fail_with_its_detail():
    report = Verification((Check("views agree", False, "scatter gives a_1 at index (0,)"),))
    latex = checks_latex(report.checks)
    assert (
        r"\text{FAIL}" in latex
        and r"\text{views agree} \quad \text{(scatter gives a}\_\text{1 at index (0,))}" in latex
    )


@pytest.mark.parametrize(
    "text", [r"\input{/etc/passwd}", "$x$ 100% a_b ^ ~ # & { }", "\\", "}{", "é"]
)
def test_text_in_mathematics_cannot_inject_tex(text):
    latex = text_latex(text)
    # every backslash begins one of the escapes text_latex writes, never the user's command
    allowed = (
        r"\text{",
        r"\_",
        r"\hat{}",
        r"\{",
        r"\}",
        r"\backslash",
        r"\$",
        r"\&",
        r"\#",
        r"\%",
        r"\sim",
    )
    rest = latex
    for token in allowed:
        rest = rest.replace(token, "")
    assert "\\" not in rest
    assert "input" not in latex or r"\text{input" in latex


def test_sum_text_keeps_the_given_order_and_drops_zeros():
    a, b, w1, w2 = sympy.symbols("a b w1 w2")
    assert sum_text([(b, w1), (a, w2)]) == "b*w1 + a*w2"
    assert sum_text([(a, -1), (b, w1)]) == "-a + b*w1"
    assert sum_text([(0, w1), (a, 0)]) == "0"


def test_output_text_shows_another_methods_differing_result_as_it_is():
    d = symconv.preset("example-1d")
    other = sympy.ImmutableDenseNDimArray([d.output[0], sympy.Symbol("q"), d.output[2]], (3,))
    assert output_text(d, other) == "O = [x1*w2, q, x2*w2]"


def test_grid_text_of_a_single_row_and_of_slices():
    assert grid_text("v", (3,), lambda i: str(i[0])) == "v = [0, 1, 2]"
    assert grid_text("t", (2, 1, 1), lambda i: "e") == "t[0, :, :] =\n[e]\nt[1, :, :] =\n[e]"


def test_error_html_is_one_escaped_line():
    html = error_html(symconv.SymconvError("title", "must not hold <script>", "<b>"))
    assert "\n" not in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.startswith('<div class="symconv-error"')


def test_importing_symconv_does_not_import_ipython():
    code = "import sys, symconv; print('IPython' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


# --- the IPython extension, in a real kernel ---------------------------------------------


def _cells(*sources, raises=()):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    cells = []
    for n, source in enumerate(sources):
        cell = new_code_cell(source)
        cell["id"] = f"c{n}"
        if n in raises:
            cell.metadata["tags"] = ["raises-exception"]
        cells.append(cell)
    notebook = new_notebook(cells=cells)
    nbformat.validate(notebook)
    return notebook


def test_load_ext_shows_errors_as_one_line_of_html(tmp_path):
    notebook = execute(
        _cells(
            "%load_ext symconv",
            "import symconv\nsymconv.derive_symbolic(2, 3, stride=0)",
            "symconv.preset('example-1d')",
            "%unload_ext symconv",
            "symconv.derive_symbolic(2, 3, stride=0)",
            raises=(1, 4),
        ),
        tmp_path,
    )
    shown = notebook.cells[1].outputs
    assert [o["output_type"] for o in shown] == ["display_data"]
    html = shown[0]["data"]["text/html"]
    assert "stride: must be an integer &gt;= 1" in html and "\n" not in html.strip()
    assert "Traceback" not in str(shown)
    # rendered mathematics for a derivation
    data = notebook.cells[2].outputs[0]["data"]
    assert "x_{1} w_{3} + x_{2} w_{1}" in data["text/latex"]
    # unloaded: the ordinary traceback again
    assert [o["output_type"] for o in notebook.cells[4].outputs] == ["error"]
    assert all(o["output_type"] != "error" for o in outputs(notebook)[:-1])


# --- the LaTeX compiles -------------------------------------------------------------------


def compile_latex(body, tmp_path):
    """Compile ``body`` as the document of a plain article with amsmath."""
    compile_tex(
        "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n"
        f"{body}\n\\end{{document}}\n",
        tmp_path,
    )


def test_command_line_latex_compiles(tmp_path, capsys):
    parts = []
    for argv in (
        ["derive", "--preset", "example-2d-s1", "--format", "latex"],
        [
            "derive",
            "--input",
            "12x3",
            "--kernel",
            "2x2",
            "--format",
            "latex",
            "--delimiter",
            "bmatrix",
        ],
        [
            "derive",
            "--input",
            "2",
            "--kernel",
            "2",
            "--in-channels",
            "2",
            "--out-channels",
            "2",
            "--batch",
            "2",
            "--format",
            "latex",
        ],
        ["matrix", "--input", "3x3", "--kernel", "2x2", "--stride", "2", "--format", "latex"],
    ):
        assert main(argv) == 0
        parts.append(capsys.readouterr().out)
    compile_latex("\n".join(parts), tmp_path)


def test_jupyter_latex_compiles(tmp_path):
    d = symconv.preset("example-2d-s2")
    failed = Verification((Check("a_b <c> ^ {d} 50% #1 & $", False, "x~y \\z"),))
    parts = [d._repr_latex_(), d.verification._repr_latex_(), failed._repr_latex_()]
    body = "\n".join(parts)
    compile_latex(body.replace("$$", "\n$$\n") + "\n" + d.to_latex(), tmp_path)
