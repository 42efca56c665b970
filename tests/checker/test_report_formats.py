r"""The check report as LaTeX (compiled with pdflatex), in a notebook, and as JSON."""

import json

import pytest

import symconv
from symconv.checker.compare import check
from symconv.checker.homework import check_homework
from symconv.checker.report_formats import homework_latex, report_html, report_latex
from symconv.notation.sentences import prose_latex
from tests.tex_tools import HOSTILE, compile_log, compile_tex, log_problems

SEED_2D_S1 = r"""$$ O = \begin{pmatrix}
aw_{11} & aw_{12}+bw_{11} & bw_{12} \\
aw_{21}+cw_{11} & aw_{22}+bw_{21}+cw_{12}+dw_{11} & bw_{22}+dw_{12} \\
cw_{21} & cw_{22}+dw_{21} & dw_{22}
\end{pmatrix} $$"""
TWO_WRONG = SEED_2D_S1.replace("aw_{12}+bw_{11}", "aw_{21}+bw_{11}").replace(
    "cw_{21} &", "cw_{21}+dw_{21} &"
)


def test_latex_report_highlights_the_wrong_entries_and_compiles(tmp_path):
    report = check(TWO_WRONG, "example-2d-s1")
    assert [e.position for e in report.entries] == [(1, 2), (3, 1)]
    tex = report_latex(report)
    assert tex.count(r"\colorbox{symconvwrong}") == 2
    assert r"\colorbox{symconvwrong}{$\displaystyle a w_{21} + b w_{11}$}" in tex
    assert r"\colorbox{symconvwrong}{$\displaystyle c w_{21} + d w_{21}$}" in tex
    assert r"Correct: $a w_{12} + b w_{11}$." in tex
    compile_tex(tex, tmp_path)


@pytest.mark.parametrize(
    "written, preset",
    [
        ("[x1*w1, x1*w2, x1*w3 + x2*w1, x2*w2, x2*w3]", "example-1d"),  # wrong size
        ("[x1*w2, x1*w3 + x2*v_1, x2*w2]", "example-1d"),  # unknown symbol
        (SEED_2D_S1, "example-2d-s1"),  # all right
    ],
)
def test_other_reports_compile(written, preset, tmp_path):
    compile_tex(report_latex(check(written, preset)), tmp_path)


def test_user_text_cannot_inject_tex(tmp_path):
    d = symconv.derive_symbolic(2, 3, stride=2, padding=1,
                                title=r"\input{/etc/passwd} $x$ & 50% #1 ^_~")
    tex = report_latex(check("[x1*w2, x1*w3, x2*w2]", d))
    assert r"\input{" not in tex
    compile_tex(tex, tmp_path)


def test_body_alone():
    body = report_latex(check(TWO_WRONG, "example-2d-s1"), document=False)
    assert r"\documentclass" not in body and r"\begin{itemize}" in body


def test_notebook_html_marks_only_wrong_cells():
    report = check(TWO_WRONG, "example-2d-s1")
    page = report_html(report)
    assert page.count("background:#fdd") == 2
    assert 'title="expected aw_{12} + bw_{11}"' in page  # in the notation it was written in
    assert "2 of 9 entries wrong" in page
    d = symconv.derive_symbolic(2, 3, stride=2, padding=1, title="<script>x</script>")
    assert "<script>" not in report_html(check("[x1*w2, x1*w3, x2*w2]", d))


def test_notebook_latex():
    math = check(TWO_WRONG, "example-2d-s1")._repr_latex_()
    assert math.startswith("$$") and math.endswith("$$")
    assert math.count(r"\textcolor{red}") == 2
    assert r"\textcolor{red}{a w_{21} + b w_{11}}" in math


def test_json_and_text_agree():
    report = check(TWO_WRONG, "example-2d-s1")
    data = json.loads(report.to_json())
    assert data["summary"] == report.summary
    assert report.summary == "2 of 9 entries wrong: row 1, column 2; row 3, column 1."
    assert [e["where"] for e in data["entries"]] == ["row 1, column 2", "row 3, column 1"]
    text = str(report)
    # the student wrote LaTeX: the terms come back in LaTeX, the JSON keeps SymPy's syntax
    assert "row 3, column 1: wrong" in text and "extra:     dw_{21}" in text
    assert data["entries"][1]["extra"] == ["d*w21"]
    assert report.to_json() == check(TWO_WRONG, "example-2d-s1").to_json()


def test_positions_in_three_dimensions():
    d = symconv.derive_symbolic((1, 1, 2), (1, 1, 2))
    right = [[[str(v) for v in row] for row in plane] for plane in d.output.tolist()]
    assert check(right, d).ok
    right[0][0][1] = "x111*w111"
    (entry,) = check(right, d).entries
    assert entry.where == "position (1, 1, 2)"


# The right 2-D stride-2 result with the kernel reversed: one slip explains every entry.
FLIPPED_2D_S2 = (
    "[[a*w22, a*w21, b*w22, b*w21], [a*w12, a*w11, b*w12, b*w11], "
    "[c*w22, c*w21, d*w22, d*w21], [c*w12, c*w11, d*w12, d*w11]]"
)


def test_symbols_in_a_fix_are_typeset_as_mathematics(tmp_path):
    report = check(FLIPPED_2D_S2, "example-2d-s2")
    assert report.diagnoses[0].code == "kernel-flipped"
    tex = report_latex(report)
    assert "with the kernel as given, $w_{1}$ first." in tex
    assert r"w\_1" not in tex
    log = compile_log(tex, tmp_path)
    assert "Output written" in log and not log_problems(log)


def test_symbols_in_homework_notes_are_mathematics_and_the_rest_stays_text(tmp_path):
    text = "C^T = [[1]]\n\\input{x} w_1 = [1, 2]\nO_full = 2(2-1)+3 = 4\n"
    tex = homework_latex(check_homework(text, "example-1d"))
    assert r"name it O, $O_{\text{full}}$, aK, Z, C or $C^{\mathsf T}$." in tex
    assert r"$O_{\text{full}} = 2 \cdot (2-1)+3 = 4$" in tex
    assert r"\input{" not in tex and "C^T" not in tex and "O_{full}" not in tex
    compile_tex(tex, tmp_path)


def test_only_symbol_names_escape_the_escaping(tmp_path):
    tex = prose_latex(HOSTILE + " w_1 $x_1$ w_1}")
    assert r"\input{" not in tex and r"\write18{" not in tex
    assert tex.endswith(r"\textbackslash{}relax $w_{1}$ \$$x_{1}$\$ $w_{1}$\}")
    document = "\\documentclass{article}\\begin{document}\n" + tex + "\n\\end{document}\n"
    compile_tex(document, tmp_path)


def test_notebook_latex_writes_the_symbols_of_a_fix_as_mathematics():
    math = check(FLIPPED_2D_S2, "example-2d-s2")._repr_latex_()
    assert r"w_{1}\text{ first.}" in math and r"\text{w}\_\text{1}" not in math
