r"""The check report as LaTeX (compiled with pdflatex), in a notebook, and as JSON."""

import json

import pytest

import symconv
from symconv.checker.compare import check
from symconv.checker.report_formats import report_html, report_latex
from tests.tex_tools import compile_tex

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
