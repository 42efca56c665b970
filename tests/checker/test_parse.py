r"""Reading hand-written results: the forms people write, names read by the alphabet."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Matrix, Symbol, expand, srepr, symbols, sympify

import symconv
from symconv.checker.read.alphabet import Alphabet
from symconv.checker.read.entry_parser import read_expression
from symconv.checker.read.parse import read_result, split_cells
from symconv.errors import SymconvError

a, b, c, d = symbols("a b c d")
x1, x2, w1, w2, w3 = symbols("x1 x2 w1 w2 w3")
w11, w12, w21, w22 = symbols("w11 w12 w21 w22")
SEED_1D = [w2 * x1, x1 * w3 + x2 * w1, x2 * w2]
S1 = symconv.preset("example-2d-s1")
ONE_D = symconv.preset("example-1d")


@pytest.mark.parametrize(
    "text",
    [
        "[x1*w2, x1*w3 + x2*w1, x2*w2]",
        "[x1 w2, x1 w3 + x2 w1, x2 w2]",
        "x1*w2, x1*w3 + x2*w1, x2*w2",
        '["x1*w2", "x1*w3 + x2*w1", "x2*w2"]',
        "['x1*w2', 'x1*w3 + x2*w1', 'x2*w2']",
        "Matrix([x1*w2, x1*w3 + x2*w1, x2*w2])",
        "y = [x1*w2, x1*w3 + x2*w1, x2*w2]",
        "$[x_1 w_2, x_1 w_3 + x_2 w_1, x_2 w_2]$",
        r"\left[ x_{1} w_{2},\; x_{1} w_{3} + x_{2} w_{1},\; x_{2} w_{2} \right]",
        r"\[ \left( x_1 w_2, x_1 w_3 + x_2 w_1, x_2 w_2 \right) \]",
        r"\begin{pmatrix} x_1w_2 & x_1w_3 + x_2w_1 & x_2w_2 \end{pmatrix}",
        r"\begin{bmatrix} x_1 \cdot w_2 \\ x_1 \times w_3 + x_2 \cdot w_1 \\ x_2 w_2 \end{bmatrix}",
        r"$$\begin{array}{c} x1w2 \\ \hline x1w3+x2w1 \\ x2w2 \\ \end{array}$$",
        "x1*w2\nx1*w3 + x2*w1\nx2*w2\n",
        "```\n[x1*w2, x1*w3 + x2*w1, x2*w2]  % the seed's result\n```",
        "[x1*w2, w3*x1 + (x2)*(w1), x2**1*w2]",
    ],
)
def test_vector_forms(text):
    written = read_result(text, ONE_D)
    assert written.values == SEED_1D
    assert written.unknown == ()
    assert symconv.check(text, ONE_D).ok


@pytest.mark.parametrize(
    "cell, value",
    [
        ("aw_{11}", a * w11),
        ("a w_{11}", a * w11),
        ("aw11", a * w11),
        ("a*w_11", a * w11),
        ("a w_{1,1}", a * w11),
        ("a w_{1 1}", a * w11),
        ("a \\cdot w_{2 , 1}", a * w21),
        ("\\mathrm{a} w_{12}", a * w12),
        ("aw_{22}+bw_{21}+cw_{12}+dw_{11}", a * w22 + b * w21 + c * w12 + d * w11),
        ("2aw_{11} - \\frac{1}{2} bw_{12}", 2 * a * w11 - b * w12 / 2),
        ("0.5 aw_{11}", a * w11 / 2),
        ("(a+b)w_{11}", (a + b) * w11),
        ("{a}{w_{11}}", a * w11),
        ("-a w_{11}", -a * w11),
        ("0", 0),
    ],
)
def test_entries_are_read_by_the_alphabet(cell, value):
    got, _, unknown = read_expression(cell, Alphabet.of(S1))
    assert got == value
    assert unknown == []


def test_aw_is_never_one_unknown_symbol():
    got, latex, unknown = read_expression("aw_{11}+bw_{12}", Alphabet.of(S1))
    assert Symbol("aw") not in got.free_symbols
    assert got == a * w11 + b * w12 and latex == "a w_{11} + b w_{12}"


def test_indices_past_nine():
    d = symconv.derive_symbolic((1, 1), (1, 10))
    alphabet = Alphabet.of(d)
    # one index needs two digits, so every kernel name separates its indices
    w_1_10, w_1_9 = Symbol("w_1_10"), Symbol("w_1_9")
    assert read_expression("x_{1,1} w_{1,10}", alphabet)[0] == Symbol("x11") * w_1_10
    assert read_expression("x11 w_1_10 + x11 w_{19}", alphabet)[0] == Symbol("x11") * (
        w_1_10
    ) + Symbol("x11") * w_1_9


def test_longest_name_first():
    d = symconv.derive_symbolic(2, 2, input_name="xy", kernel_name="x")
    got, _, unknown = read_expression("xy1x2 + xy_2 x_1", Alphabet.of(d))
    assert got == Symbol("xy1") * Symbol("x2") + Symbol("xy2") * Symbol("x1")
    assert unknown == []


def test_unknown_names_are_reported_where_they_occur():
    written = read_result(r"\begin{pmatrix} ak_{11} & 0 \\ 0 & y w_{13} \end{pmatrix}", S1)
    found = [(u.written, u.name, u.index, u.offset) for u in written.unknown]
    assert found == [("k_{11}", "k11", (0, 0), 1), ("y", "y", (1, 1), 0),
                     ("w_{13}", "w13", (1, 1), 2)]
    assert Symbol("k11") in written.values[0].free_symbols


def test_latex_rows_without_environment():
    text = (
        r"aw_{11} & aw_{12}+bw_{11} & bw_{12} \\ aw_{21}+cw_{11} & "
        r"aw_{22}+bw_{21}+cw_{12}+dw_{11} & bw_{22}+dw_{12} \\[2pt] "
        r"cw_{21} & cw_{22}+dw_{21} & dw_{22}"
    )
    written = read_result(text, S1)
    assert written.shape == (3, 3) and written.form == "LaTeX rows"
    assert written.values == list(S1.output._array)


def test_nested_lists_json_and_sympy():
    expected = [[a * w11, a * w12 + b * w11], [a * w21 + c * w11, a * w22]]
    for written in (
        '[["aw_{11}", "aw_{12}+bw_{11}"], ["aw_{21}+cw_{11}", "aw_{22}"]]',
        "[[a*w11, a*w12 + b*w11], [a*w21 + c*w11, a*w22]]",
        [["a*w11", "a*w12 + b*w11"], ["a*w21 + c*w11", "a*w22"]],
        Matrix(expected),
    ):
        result = read_result(written, S1)
        assert result.shape == (2, 2)
        assert result.values == [v for row in expected for v in row]


def test_json_numbers():
    d = symconv.derive([1, 2], [1, 1, 1], stride=2)
    assert read_result("[1, 1, 3, 2, 2]", d).values == [1, 1, 3, 2, 2]
    assert symconv.check("[1, 1, 3, 2, 2]", d).ok
    assert not symconv.check("[1, 1, 2, 2, 2]", d).ok


@pytest.mark.parametrize(
    "text, rule",
    [
        ("", "is empty"),
        ("   \n  % only a comment\n", "is empty"),
        ("[x1*w2, x1*w3 + (x2*w1, x2*w2]", "unbalanced"),
        ("[x1*w2, x1*w3 + x2*w1, x2*w2", "unclosed"),
        ("[x1*w2, x1*w3 +, x2*w2]", "entry 2: ends too early"),
        ("[x1*w2, x1*w3 + * x2*w1, x2*w2]", "entry 2: unexpected '*'"),
        ("[x1*w2, \\sqrt{x1}, x2*w2]", "\\sqrt is not supported"),
        ("[x1*w2, x1 w_{ab}, x2*w2]", "cannot read this subscript"),
        ("[x1*w2, x1 ? w2, x2*w2]", "cannot read '?'"),
        ("[x1*w2, x1/0, x2*w2]", "division by zero"),
        ("[[x1*w2, x1*w3], [x2*w2]]", "row 2 has shape 1 but row 1 has 2"),
        (r"\begin{pmatrix} a \end{pmatrix} \begin{pmatrix} b \end{pmatrix}", "2 matrices"),
        (r"\begin{pmatrix} a & b", "has no \\end{pmatrix}"),
        (r"\begin{pmatrix} a & b \end{pmatrix} + c", "text outside the matrix"),
        ("[x1*w2] junk", "text after the closing bracket"),
        ('[["x1", {"a": 1}]]', "JSON entries must be strings or numbers"),
    ],
)
def test_unreadable_input_names_the_problem(text, rule):
    with pytest.raises(SymconvError) as error:
        read_result(text, ONE_D)
    assert error.value.parameter == "result"
    assert rule in error.value.rule


def test_split_cells_names_the_form():
    assert split_cells(r"\[ \begin{Bmatrix} a & b \end{Bmatrix} \]") == ([["a", "b"]],
                                                                          "LaTeX Bmatrix")
    assert split_cells(r"O = \begin{pmatrix*}[r] a \\ b \end{pmatrix*}")[0] == [["a"], ["b"]]


def test_sympy_values_with_unknown_names():
    written = read_result([x1 * w2, Symbol("v1") * x2, x2 * w2], ONE_D)
    assert [u.name for u in written.unknown] == ["v1"]
    with pytest.raises(SymconvError):
        read_result([Symbol("a}\\input{x") * w2], ONE_D)


_PIECES = st.sampled_from(
    ["a", "b", "w", "x", "1", "2", "_", "{", "}", "(", ")", "[", "]", "&", "\\\\", ",", "+",
     "-", "*", "/", "^", " ", "\n", "$$", "\\cdot", "\\frac", "\\begin{pmatrix}",
     "\\end{pmatrix}", "O =", '"', "0.5", "%", "\\left(", "\\right)", "k"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join) | st.text(max_size=40))
def test_any_text_is_read_or_refused_with_symconv_error(text):
    try:
        report = symconv.check(text, S1)
    except SymconvError as error:
        assert error.parameter == "result"
    else:
        assert report.exit_status in (0, 1)


def test_deep_nesting_is_refused():
    for text in ("[" * 5000 + "]" * 5000, "(" * 5000 + "a" + ")" * 5000):
        with pytest.raises(SymconvError, match="nested"):
            read_result(text, S1)


def test_run_together_indices_that_name_two_symbols_are_refused():
    d = symconv.derive_symbolic((1, 1), (12, 12))
    with pytest.raises(SymconvError, match="ambiguous"):
        read_result("[[x11*w111]]", d)
    assert read_result("[[x11*w_{1,11}]]", d).values == [Symbol("x11") * Symbol("w_1_11")]


@pytest.mark.parametrize(
    "written",
    [
        "[x1×w2, x1×w3 + x2×w1, x2×w2]",
        "[x1·w2, x1·w3 + x2·w1, x2·w2]",
        "[x₁⋅w₂, x₁⋅w₃ + x₂⋅w₁, x₂⋅w₂]",
        r"\begin{pmatrix} x_1 \times w_2 & x₁w₃ + x₂w₁ & x_{2}·w_{2} \end{pmatrix}",
    ],
)
def test_unicode_products_and_subscripts_read_as_students_type_them(written):
    assert symconv.check(written, "example-1d").ok


def test_unicode_minus_and_superscripts():
    d = symconv.derive_symbolic(2, 3, stride=2, padding=1)
    x1, x2, w1 = Symbol("x1"), Symbol("x2"), Symbol("w1")
    assert read_expression("x₁² − x₂·w₁", Alphabet.of(d))[0] == x1**2 - x2 * w1


_FACTORS = st.sampled_from(["x1", "x2", "w1", "w2", "w3", "2", "3", "(x1 + w2)"])
_TERMS = st.lists(_FACTORS, min_size=1, max_size=3).map("*".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["+", "-"]), _TERMS), min_size=1, max_size=6))
def test_a_read_sum_is_what_sympy_reads(terms):
    # The reader builds sums and products directly where it can; SymPy's own parser is
    # the oracle for the value, and for its form (the same tree) when no sum is a factor:
    # SymPy distributes a leading minus into such a factor, the reader keeps it outside.
    text = " ".join(f"{sign} {term}" for sign, term in terms)
    alphabet = Alphabet([x1, x2], [w1, w2, w3])
    value = read_expression(text, alphabet)[0]
    expected = sympify(text)
    assert expand(value - expected) == 0, text
    if "(" not in text:
        assert srepr(value) == srepr(expected), text
