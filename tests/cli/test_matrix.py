"""``symconv matrix``: C and C^T as text and LaTeX, checked against the seed's outputs."""

import pytest
from sympy import Matrix, sympify

import symconv

# The seed: "Output after padding: $[x1*w2, x1*w3 + x2*w1, x2*w2]$"
SEED_1D = [sympify(e) for e in ("x1*w2", "x1*w3 + x2*w1", "x2*w2")]


def read_blocks(text):
    """{heading: Matrix} from the text format."""
    blocks = {}
    for block in text.strip().split("\n\n"):
        heading, *rows = block.splitlines()
        cells = [[sympify(c) for c in row.strip("[]").split(",")] for row in rows]
        blocks[heading.removesuffix(" =")] = Matrix(cells)
    return blocks


def test_seed_1d_transpose_times_input_is_the_seeds_output(cli):
    status, out, err = cli("matrix", "--preset", "example-1d")
    assert (status, err) == (0, "")
    blocks = read_blocks(out)
    assert list(blocks) == ["C (2 x 3)", "C^T (3 x 2)"]
    c, ct = blocks["C (2 x 3)"], blocks["C^T (3 x 2)"]
    assert ct == c.T
    x = Matrix(sympify(["x1", "x2"]))
    assert list(ct * x) == SEED_1D


def test_which_selects_one_matrix(cli):
    _, out, _ = cli("matrix", "--preset", "example-2d-s1", "--which", "CT")
    blocks = read_blocks(out)
    assert list(blocks) == ["C^T (9 x 4)"]
    # the seed: the centre output is aw_{22}+bw_{21}+cw_{12}+dw_{11}
    x = Matrix(sympify(["a", "b", "c", "d"]))
    assert (blocks["C^T (9 x 4)"] * x)[4] == sympify("a*w22 + b*w21 + c*w12 + d*w11")
    _, out, _ = cli("matrix", "--preset", "example-2d-s1", "--which", "C")
    assert list(read_blocks(out)) == ["C (4 x 9)"]


def test_channels_and_groups_match_the_python_api(cli):
    argv = [
        "--input",
        "3",
        "--kernel",
        "2",
        "--stride",
        "2",
        "--in-channels",
        "2",
        "--out-channels",
        "2",
        "--groups",
        "2",
        "--which",
        "C",
    ]
    status, out, _ = cli("matrix", *argv)
    assert status == 0
    ((heading, c),) = read_blocks(out).items()
    w = symconv.symbols_array("w", (2, 1, 2))
    expected = symconv.conv_matrix(w, 3, stride=2, groups=2)
    assert heading == f"C ({expected.rows} x {expected.cols})"
    assert c == Matrix(expected)


def test_latex_has_both_matrices(cli):
    status, out, _ = cli("matrix", "--preset", "example-1d", "--format", "latex")
    assert status == 0
    assert out.count("\\[") == 2
    assert r"C = \begin{pmatrix} w_{2} & w_{3} & 0 \\ 0 & w_{1} & w_{2} \end{pmatrix}" in out
    rows = r"w_{2} & 0 \\ w_{3} & w_{1} \\ 0 & w_{2}"
    assert rf"C^{{\mathsf T}} = \begin{{pmatrix}} {rows} \end{{pmatrix}}" in out


@pytest.mark.parametrize("limit, status", [("35", 2), ("36", 0)])
def test_matrix_entries_count_against_the_limit(limit, status, cli):
    # example-2d-s1 forms 16 product terms, but C is 4 x 9 = 36 entries to write
    code, _, err = cli("matrix", "--preset", "example-2d-s1", "--max-terms", limit)
    assert code == status
    if status == 2:
        assert "36 matrix entries (4 x 9)" in err and "--max-terms" in err
