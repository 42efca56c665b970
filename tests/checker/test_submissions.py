# ruff: noqa: E501  (the corpus holds submissions as students type them, one per line)
r"""A corpus of realistic submissions, each with its expected verdict and diagnosis.

Every submission is written by hand the way a student would hand it in: LaTeX from a
paper, Markdown with ``$$`` blocks, Python lists, Unicode from a phone, whole
derivations with their intermediate steps. Each names the configuration it answers,
whether it is right, and the diagnosis code the report must contain (None when right).
The configurations are the three examples of "Understanding Transposed Convolutions"
(1-D: x1, x2 and w1..w3, stride 2, padding 1; 2-D: a..d and w11..w22, stride 1 or 2).
"""

import json

import pytest

import symconv
from symconv.checker.compare import check
from symconv.checker.homework import HomeworkReport, SizeCheck, check_homework, is_homework

S1 = r"""\begin{pmatrix}
aw_{11} & aw_{12}+bw_{11} & bw_{12} \\
aw_{21}+cw_{11} & aw_{22}+bw_{21}+cw_{12}+dw_{11} & bw_{22}+dw_{12} \\
cw_{21} & cw_{22}+dw_{21} & dw_{22}
\end{pmatrix}"""

S2 = r"""\begin{bmatrix}
aw_{11} & aw_{12} & bw_{11} & bw_{12} \\
aw_{21} & aw_{22} & bw_{21} & bw_{22} \\
cw_{11} & cw_{12} & dw_{11} & dw_{12} \\
cw_{21} & cw_{22} & dw_{21} & dw_{22}
\end{bmatrix}"""

C_S1 = """C = [[w11, w12, 0, w21, w22, 0, 0, 0, 0],
     [0, w11, w12, 0, w21, w22, 0, 0, 0],
     [0, 0, 0, w11, w12, 0, w21, w22, 0],
     [0, 0, 0, 0, w11, w12, 0, w21, w22]]"""

# C_S1 with its rows (input cells a, c, b, d) and columns (output cells down each column)
# numbered column by column, as a student who flattens column-major writes it
C_S1_COLUMN_MAJOR = """C = [[w11, w21, 0, w12, w22, 0, 0, 0, 0],
     [0, w11, w21, 0, w12, w22, 0, 0, 0],
     [0, 0, 0, w11, w21, 0, w12, w22, 0],
     [0, 0, 0, 0, w11, w21, 0, w12, w22]]"""

Z_S1 = r"""$$ Z = \begin{pmatrix} 0&0&0&0 \\ 0&a&b&0 \\ 0&c&d&0 \\ 0&0&0&0 \end{pmatrix} $$"""

HOMEWORK_1D = """Input [x1, x2], kernel [w1, w2, w3], s = 2, p = 1.

x_1 K = [x1*w1, x1*w2, x1*w3]
x_2 K = [x2*w1, x2*w2, x2*w3]
O_full = [x1*w1, x1*w2, x1*w3 + x2*w1, x2*w2, x2*w3]

The output size is O = 2(2-1)+3-2*1 = 3, so

O = [x1*w2, x1*w3 + x2*w1, x2*w2]
"""

HOMEWORK_2D = (
    r"""## Question 2

Element $a$: $$aK=\begin{pmatrix}aw_{11} & aw_{12} \\ aw_{21} & aw_{22}\end{pmatrix}$$
Element $d$: $$dK=\begin{pmatrix}dw_{11} & dw_{12} \\ dw_{21} & dw_{22}\end{pmatrix}$$

Output size $O_h = 1\cdot(2-1)+2-0 = 3$, and $O_w = 3$ likewise.

$$ O = """
    + S1
    + " $$\n"
)

CASES = [
    # --- the result alone, right, in every reading form ---------------------------------
    ("example-1d", "[x1*w2, x1*w3 + x2*w1, x2*w2]", True, None),
    ("example-1d", "$[x_1 w_2, x_1 w_3 + x_2 w_1, x_2 w_2]$", True, None),
    ("example-1d", "[x1×w2, x1×w3 + x2×w1, x2×w2]", True, None),
    ("example-1d", "[x₁·w₂, x₁·w₃ + x₂·w₁, x₂·w₂]", True, None),
    ("example-1d", r"[x_{1}\cdot w_{2},\; x_{1}\cdot w_{3}+x_{2}\cdot w_{1},\; x_{2}\cdot w_{2}]", True, None),
    ("example-1d", '["x1*w2", "x1*w3 + x2*w1", "x2*w2"]', True, None),
    ("example-1d", "Matrix([[x1*w2, x1*w3 + x2*w1, x2*w2]])", True, None),
    ("example-1d", "x1*w2, w1*x2 + w3*x1, x2*w2", True, None),
    ("example-1d", "y = [x2*w1 + x1*w3, x1 w2, x2 w2]".replace("x2*w1 + x1*w3, x1 w2", "x1 w2, x2*w1 + x1*w3"), True, None),
    ("example-2d-s1", S1, True, None),
    ("example-2d-s1", "$$ O = " + S1 + " $$", True, None),
    ("example-2d-s1", r"\[ O = \left(\begin{array}{ccc} aw_{11} & aw_{12}+bw_{11} & bw_{12} \\ aw_{21}+cw_{11} & aw_{22}+bw_{21}+cw_{12}+dw_{11} & bw_{22}+dw_{12} \\ cw_{21} & cw_{22}+dw_{21} & dw_{22} \end{array}\right) \]", True, None),
    ("example-2d-s1", "aw_{11} & aw_{12}+bw_{11} & bw_{12} \\\\ aw_{21}+cw_{11} & aw_{22}+bw_{21}+cw_{12}+dw_{11} & bw_{22}+dw_{12} \\\\ cw_{21} & cw_{22}+dw_{21} & dw_{22}", True, None),
    ("example-2d-s1", "[[a·w₁₁, a·w₁₂ + b·w₁₁, b·w₁₂], [a·w₂₁ + c·w₁₁, a·w₂₂ + b·w₂₁ + c·w₁₂ + d·w₁₁, b·w₂₂ + d·w₁₂], [c·w₂₁, c·w₂₂ + d·w₂₁, d·w₂₂]]", True, None),
    ("example-2d-s1", "```\n[[a*w11, a*w12 + b*w11, b*w12],\n [a*w21 + c*w11, a*w22 + b*w21 + c*w12 + d*w11, b*w22 + d*w12],\n [c*w21, c*w22 + d*w21, d*w22]]\n```", True, None),
    ("example-2d-s2", S2, True, None),
    ("example-2d-s2", "% my answer\n$$O = " + S2 + "$$", True, None),
    # --- the result alone, one slip each ------------------------------------------------
    ("example-1d", "[x1*w2, x1*w1 + x2*w3, x2*w2]", False, "kernel-flipped"),
    ("example-1d", "[x1*w1, x1*w2, x1*w3 + x2*w1, x2*w2, x2*w3]", False, "no-crop"),
    ("example-1d", "[x1*w2, x1*w3 + x2*w1, x2*w2, x2*w3]", False, "crop-start-only"),
    ("example-1d", "[x1*w1, x1*w2, x1*w3 + x2*w1, x2*w2]", False, "crop-end-only"),
    ("example-1d", "[x1*w3 + x2*w1, x2*w2, x2*w3]", False, "crop-all-at-start"),
    ("example-1d", "[0, x1*w1, x1*w2, x1*w3 + x2*w1, x2*w2, x2*w3, 0]", False, "padding-added"),
    ("example-1d", "[x1*w2, x1*w3, x2*w2]", False, "overlap-term-missing"),
    ("example-1d", "[x1*w2, x1*w3 - x2*w1, x2*w2]", False, "sign"),
    ("example-1d", "[x1*w2, 2*x1*w3 + x2*w1, x2*w2]", False, "coefficient"),
    ("example-1d", "[x0*w1, x0*w2 + x1*w0, x1*w1]", False, "index-base"),
    ("example-1d", "[x1*w2, x1*w3 + x2*w1, x2*v2]", False, "unknown-symbol"),
    ("example-1d", "[x1*w2, x1*w3 + x2*w1]", False, "stride"),  # wrong size: a possible cause
    ("example-2d-s1", S1.replace("aw_{22}+bw_{21}+cw_{12}+dw_{11}", "aw_{22}+bw_{21}+cw_{12}"), False, "overlap-term-missing"),
    ("example-2d-s1", S1.replace("bw_{22}+dw_{12}", "bw_{22}+dw_{21}"), False, "kernel-indices-swapped"),
    ("example-2d-s1", r"""\begin{pmatrix} aw_{22} & aw_{21}+bw_{22} & bw_{21} \\ aw_{12}+cw_{22} & aw_{11}+bw_{12}+cw_{21}+dw_{22} & bw_{11}+dw_{21} \\ cw_{12} & cw_{11}+dw_{12} & dw_{11} \end{pmatrix}""", False, "kernel-flipped"),
    ("example-2d-s1", r"""\begin{pmatrix} aw_{11} & aw_{21}+cw_{11} & cw_{21} \\ aw_{12}+bw_{11} & aw_{22}+bw_{21}+cw_{12}+dw_{11} & cw_{22}+dw_{21} \\ bw_{12} & bw_{22}+dw_{12} & dw_{22} \end{pmatrix}""", False, "transposed"),
    ("example-2d-s1", r"""\begin{pmatrix} aw_{00} & aw_{01}+bw_{00} & bw_{01} \\ aw_{10}+cw_{00} & aw_{11}+bw_{10}+cw_{01}+dw_{00} & bw_{11}+dw_{01} \\ cw_{10} & cw_{11}+dw_{10} & dw_{11} \end{pmatrix}""", False, "index-base"),
    ("example-2d-s1", "[[x11*w11, x11*w12 + x12*w11, x12*w12], [x11*w21 + x21*w11, x11*w22 + x12*w21 + x21*w12 + x22*w11, x12*w22 + x22*w12], [x21*w21, x21*w22 + x22*w21, x22*w22]]", False, "renamed"),
    ("example-2d-s1", S2, False, "stride"),
    ("example-2d-s2", S1, False, "stride"),
    ("example-2d-s2", S2.replace("bw_{11} & bw_{12}", "bw_{12} & bw_{11}"), False, "kernel-flipped"),
    ("example-2d-s2", r"""\begin{pmatrix} aw_{11} & bw_{11} & aw_{12} & bw_{12} \\ cw_{11} & dw_{11} & cw_{12} & dw_{12} \\ aw_{21} & bw_{21} & aw_{22} & bw_{22} \\ cw_{21} & dw_{21} & cw_{22} & dw_{22} \end{pmatrix}""", False, "stride-on-kernel"),
    # --- steps other than the result --------------------------------------------------
    ("example-1d", "O_{full} = [x1*w1, x1*w2, x1*w3 + x2*w1, x2*w2, x2*w3]", True, None),
    ("example-1d", "O_full = [x1*w2, x1*w3 + x2*w1, x2*w2]", False, "canvas-cropped"),
    ("example-1d", "x_1 K = [x1*w1, x1*w2, x1*w3]", True, None),
    ("example-1d", "x_1 K = [x1*w3, x1*w2, x1*w1]", False, "kernel-flipped"),
    ("example-1d", "x_1 K = [x2*w1, x2*w2, x2*w3]", False, "other-block"),
    ("example-1d", "Z = [0, x1, 0, x2, 0]", True, None),
    ("example-1d", "Z = [x1, 0, x2]", False, "border-missing"),
    ("example-1d", "Z = [0, 0, x1, 0, x2, 0, 0]", False, "no-crop"),
    ("example-1d", "Z = [0, x1, 0, 0, x2, 0]", False, "stride"),
    ("example-1d", r"K_{\text{flip}} = [w3, w2, w1]", True, None),
    ("example-1d", "K' = [w1, w2, w3]", False, "kernel-not-flipped"),
    ("example-1d", "C = [[w2, w3, 0], [0, w1, w2]]", True, None),
    ("example-1d", "C^T = [[w2, 0], [w3, w1], [0, w2]]", True, None),
    ("example-1d", r"C^\top = \begin{pmatrix} w_2 & 0 \\ w_3 & w_1 \\ 0 & w_2 \end{pmatrix}", True, None),
    ("example-1d", "Cᵀ = [[w2, 0], [w3, w1], [0, w2]]", True, None),
    ("example-1d", "C = [[w2, 0], [w3, w1], [0, w2]]", False, "matrix-transposed"),
    ("example-1d", "C = [[w2, w1, 0], [0, w3, w2]]", False, "kernel-flipped"),
    ("example-1d", "C = [[w1, w2, w3, 0, 0], [0, 0, w1, w2, w3]]", False, "no-crop"),
    ("example-1d", "C = [[w2, w3, 0], [w1, w2, w3]]", False, "wrong-element"),
    ("example-1d", "C = [[w2, w3, 0], [0, w2, w2]]", False, "wrong-element"),
    ("example-2d-s1", C_S1, True, None),
    ("example-2d-s1", C_S1_COLUMN_MAJOR, False, "flattening-order"),
    ("example-2d-s1", Z_S1, True, None),
    ("example-2d-s1", r"$$ Z = \begin{pmatrix} a&b \\ c&d \end{pmatrix} $$", False, "border-missing"),
    ("example-2d-s1", r"$$ K_{flip} = \begin{pmatrix} w_{22} & w_{21} \\ w_{12} & w_{11} \end{pmatrix} $$", True, None),
    ("example-2d-s1", r"$$ K_{flip} = \begin{pmatrix} w_{21} & w_{22} \\ w_{11} & w_{12} \end{pmatrix} $$", False, "kernel-flipped-one-axis"),
    ("example-2d-s2", r"$$ Z = \begin{pmatrix} 0&0&0&0&0 \\ 0&a&0&b&0 \\ 0&0&0&0&0 \\ 0&c&0&d&0 \\ 0&0&0&0&0 \end{pmatrix} $$", True, None),
    # --- size lines -------------------------------------------------------------------
    ("example-1d", "O = 2(2-1)+3-2 = 3", True, None),
    ("example-1d", "O = 2⋅(2−1)+3−2⋅1 = 2+3−2 = 3", True, None),
    ("example-1d", "O = 2(2-1)+3-2 = 4", False, "arithmetic"),
    ("example-1d", "O = 2(2-1)+3 = 5", False, "no-crop"),
    ("example-1d", "O = 2(2-1)+3-1 = 4", False, "padding-once"),
    ("example-2d-s2", r"$O_h = 2\cdot 2+2-0 = 6$", False, "stride-times-input"),
    ("example-2d-s2", r"$O_h = 2\cdot(2-1)+2-0 = 4$", True, None),
    ("example-1d", "O_{full} = 2(2-1)+3 = 5", True, None),
    # --- whole derivations ---------------------------------------------------------
    ("example-1d", HOMEWORK_1D, True, None),
    ("example-1d", HOMEWORK_1D.replace("x_2 K = [x2*w1, x2*w2, x2*w3]", "x_2 K = [x2*w3, x2*w2, x2*w1]"), False, "kernel-flipped"),
    ("example-1d", HOMEWORK_1D.replace("O = [x1*w2, x1*w3 + x2*w1, x2*w2]", "O = [x1*w1, x1*w2, x1*w3 + x2*w1, x2*w2, x2*w3]"), False, "no-crop"),
    ("example-1d", HOMEWORK_1D.replace("2(2-1)+3-2*1 = 3", "2(2-1)+3-2*1 = 4"), False, "arithmetic"),
    ("example-2d-s1", HOMEWORK_2D, True, None),
    ("example-2d-s1", HOMEWORK_2D.replace("dK=\\begin{pmatrix}dw_{11} & dw_{12} \\\\ dw_{21} & dw_{22}", "dK=\\begin{pmatrix}dw_{22} & dw_{21} \\\\ dw_{12} & dw_{11}"), False, "kernel-flipped"),
]  # fmt: skip


def findings(report) -> set[str]:
    """Every diagnosis code a report holds: whole result, size causes, entries, size lines."""
    if isinstance(report, HomeworkReport):
        codes = set()
        for c in report.checks:
            if isinstance(c, SizeCheck):
                codes.add(c.code)
            elif c.report is not None:
                codes |= findings(c.report)
        return codes - {""}
    codes = {d.code for d in report.diagnoses}
    if report.shape is not None:
        codes |= {c.code for c in report.shape.causes}
    for entry in report.entries:
        codes |= set(entry.codes)
    codes |= {"unknown-symbol" for _ in report.unknown}
    return codes


def read(text: str, preset: str):
    """The report `symconv check` gives for ``text``: a whole derivation or the result."""
    return check_homework(text, preset) if is_homework(text) else check(text, preset)


def test_the_corpus_is_large_and_varied():
    assert len(CASES) >= 60
    assert sum(1 for *_, ok, _ in CASES if ok) >= 25
    assert len({code for *_, code in CASES if code}) >= 25


@pytest.mark.parametrize("preset, text, ok, code", CASES, ids=range(len(CASES)))
def test_submission_gets_its_verdict_and_diagnosis(preset, text, ok, code):
    report = read(text, preset)
    assert report.ok is ok, report.to_text()
    assert report.exit_status == (0 if ok else 1)
    if code is not None:
        assert code in findings(report), (code, report.to_text())


@pytest.mark.parametrize("preset, text, ok, code", [c for c in CASES if not c[2]], ids=lambda v: "")
def test_a_wrong_submission_is_reported_in_under_ten_lines_when_one_slip_explains_it(
    preset, text, ok, code
):
    report = read(text, preset)
    if isinstance(report, HomeworkReport) or not report.diagnoses:
        return
    if all(e.explained for e in report.entries):
        lines = report.to_text().splitlines()
        assert len(lines) < 10
        assert lines[0] == report.diagnoses[0].headline and "Fix: " in lines[0]


@pytest.mark.parametrize(
    "text, character",
    [
        ("[x1*w2, x1 @ w3, x2*w2]", "'@'"),
        ("x_1 K = [x1*w1, x1*w2, x1#w3]\nO = [x1*w2, x1*w3 + x2*w1, x2*w2]", "'#'"),
        (r"$$ O = \begin{pmatrix} x_1 w_2 & x_1 w_3 + x_2 w_1 & x_2 w_2 $$", "no \\end{pmatrix}"),
    ],
)
def test_unreadable_input_exits_2_naming_the_character_and_position(cli, tmp_path, text, character):
    path = tmp_path / "mine.md"
    path.write_text(text, encoding="utf-8")
    status, out, err = cli("check", "--preset", "example-1d", str(path))
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and character in err
    assert "Traceback" not in err


def test_a_homework_step_names_its_line_when_unreadable(cli, tmp_path):
    path = tmp_path / "mine.md"
    path.write_text("x_1 K = [x1*w1, x1*w2, x1#w3]\nO = [x1*w2, x1*w3 + x2*w1, x2*w2]")
    _, _, err = cli("check", "--preset", "example-1d", str(path))
    assert "line 1 (x_1 K)" in err and "character" in err


def test_a_homework_report_lists_each_step_in_file_order(cli, tmp_path):
    path = tmp_path / "hw.md"
    path.write_text(
        HOMEWORK_1D.replace("x_2 K = [x2*w1, x2*w2, x2*w3]", "x_2 K = [x2*w3, x2*w2, x2*w1]")
    )
    status, out, _ = cli("check", "--preset", "example-1d", str(path))
    assert status == 1
    lines = out.splitlines()
    assert lines[0] == "6 of 7 steps right; wrong: x_2 K (kernel flipped)."
    steps = [line.split(",")[0] for line in lines if line.startswith("line ")]
    assert steps == ["line 1", "line 1", "line 3", "line 4", "line 5", "line 7", "line 9"]
    assert "line 1, I (the input): right" in out or "line 1, the input: right" in out


def test_unnamed_matrices_of_a_derivation_are_matched_by_shape():
    d = symconv.derive_symbolic(2, 3, stride=2, padding=1)
    text = "[0, x1, 0, x2, 0]\n\n[x1*w2, x1*w3 + x2*w1, x2*w2]\n\n[[w2, w3, 0], [0, w1, w2]]"
    report = check_homework(text, d)
    assert [c.step.kind for c in report.checks] == ["stretched", "result", "matrix"]
    assert report.ok


def test_a_name_that_is_no_step_is_reported_not_checked():
    report = check_homework("Q = [1, 2]\nO = [x1*w2, x1*w3 + x2*w1, x2*w2]", "example-1d")
    first, second = report.checks
    assert first.report is None and "names no step" in first.note
    assert second.ok and report.ok
    assert "not checked" in report.to_text()


def test_homework_report_json_is_deterministic_and_complete():
    text = HOMEWORK_1D.replace("= 3, so", "= 4, so")
    first = check_homework(text, "example-1d").to_json()
    assert first == check_homework(text, "example-1d").to_json()
    data = json.loads(first)
    assert data["ok"] is False
    kinds = [s.get("step") or s["kind"] for s in data["steps"]]
    assert kinds == ["input", "kernel", "scaled", "scaled", "canvas", "size", "result"]
