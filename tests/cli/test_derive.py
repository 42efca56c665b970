"""``symconv derive``: the seed's outputs as text, LaTeX and JSON, by every method.

Expected strings are copied from the seed document (its LaTeX compared without spaces).
"""

import json
import re

import pytest
from sympy import sympify

import symconv
from symconv.views import METHODS

# The seed: "Output after padding: $[x1*w2, x1*w3 + x2*w1, x2*w2]$"
SEED_1D = "[x1*w2, x1*w3 + x2*w1, x2*w2]"
# The seed's O for s = 2 and for s = 1, as it typesets them.
SEED_2D_S2 = r"""aw_{11} & aw_{12} & bw_{11} & bw_{12} \\
aw_{21} & aw_{22} & bw_{21} & bw_{22} \\
cw_{11} & cw_{12} & dw_{11} & dw_{12} \\
cw_{21} & cw_{22} & dw_{21} & dw_{22}"""
SEED_2D_S1 = r"""aw_{11} & aw_{12}+bw_{11} & bw_{12} \\
aw_{21}+cw_{11} & aw_{22}+bw_{21}+cw_{12}+dw_{11} & bw_{22}+dw_{12} \\
cw_{21} & cw_{22}+dw_{21} & dw_{22}"""


def squeeze(text):
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("method", sorted(METHODS))
def test_seed_1d_as_text_in_the_seeds_order(method, cli):
    status, out, err = cli("derive", "--preset", "example-1d", "--method", method)
    assert (status, err) == (0, "")
    assert out == f"O = {SEED_1D}\n"


def test_same_configuration_from_flags(cli):
    argv = ["--input", "2", "--kernel", "3", "--stride", "2", "--padding", "1"]
    status, out, _ = cli("derive", *argv)
    assert status == 0 and out == f"O = {SEED_1D}\n"


@pytest.mark.parametrize("method", sorted(METHODS))
@pytest.mark.parametrize(
    "name, expected", [("example-2d-s2", SEED_2D_S2), ("example-2d-s1", SEED_2D_S1)]
)
def test_seed_2d_as_latex_in_the_seeds_order(name, expected, method, cli):
    status, out, _ = cli("derive", "--preset", name, "--format", "latex", "--method", method)
    assert status == 0
    assert out.startswith("\\[\n") and out.endswith("\\]\n")
    body = squeeze(out)
    assert squeeze(r"O = \begin{pmatrix}" + expected + r"\end{pmatrix}") in body


def test_seed_2d_s1_text_rows(cli):
    status, out, _ = cli("derive", "--preset", "example-2d-s1")
    assert status == 0
    rows = out.splitlines()
    assert rows[0] == "O ="
    # the centre of the seed's O: aw_{22}+bw_{21}+cw_{12}+dw_{11}
    assert rows[2] == "[a*w21 + c*w11, a*w22 + b*w21 + c*w12 + d*w11, b*w22 + d*w12]"


def test_json_is_deterministic_with_sorted_keys_shape_and_geometry(cli):
    argv = ["--preset", "example-1d", "--format", "json"]
    status, first, _ = cli("derive", *argv)
    _, second, _ = cli("derive", *argv)
    assert status == 0 and first == second
    document = json.loads(first)
    assert first == json.dumps(document, indent=2, sort_keys=True) + "\n"
    assert document["output"]["shape"] == [3]
    values = [sympify(v) for v in document["output"]["values"]]
    assert values == [sympify(e) for e in SEED_1D.strip("[]").split(", ")]
    geometry = document["geometry"]
    assert geometry["stride"] == [2] and geometry["pad_begin"] == [1] == geometry["pad_end"]
    assert geometry["output_size"] == [3] and geometry["canvas_size"] == [5]
    assert document["channels"] == {"batch": 1, "groups": 1, "in_channels": 1, "out_channels": 1}


@pytest.mark.parametrize("method", sorted(METHODS))
def test_channels_groups_and_batch_match_the_python_api(method, cli):
    argv = [
        "--input",
        "2x2",
        "--kernel",
        "2x2",
        "--stride",
        "2",
        "--in-channels",
        "2",
        "--out-channels",
        "4",
        "--groups",
        "2",
        "--batch",
        "2",
        "--format",
        "json",
        "--method",
        method,
    ]
    status, out, _ = cli("derive", *argv)
    assert status == 0
    document = json.loads(out)
    assert document["input"]["shape"] == [2, 2, 2, 2]
    assert document["weight"]["shape"] == [2, 2, 2, 2]
    assert document["output"]["shape"] == [2, 4, 4, 4]
    x = symconv.symbols_array("x", (2, 2, 2, 2))
    w = symconv.symbols_array("w", (2, 2, 2, 2))
    y = symconv.conv_transpose(x, w, stride=2, groups=2)
    assert [sympify(v) for v in _flatten(document["output"]["values"])] == list(y._array)


def _flatten(nested):
    if isinstance(nested, list):
        return [e for part in nested for e in _flatten(part)]
    return [nested]


def test_channels_as_text_and_latex(cli):
    argv = ["--input", "2", "--kernel", "2", "--in-channels", "2", "--out-channels", "2"]
    status, out, _ = cli("derive", *argv)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "O[0, :, :] ="
    # output channel 0 at position 0: x[0,0,0]*w[0,0,0] + x[0,1,0]*w[1,0,0]
    assert sympify(lines[1].strip("[]").split(", ")[0]) == sympify("w111*x111 + w211*x121")
    status, out, _ = cli("derive", *argv, "--format", "latex")
    assert status == 0 and r"O_{0,:,:} = \begin{pmatrix} x_{111} w_{111} + x_{121} w_{211}" in out


def test_large_matrices_are_elided_unless_full(cli):
    argv = ["--input", "12", "--kernel", "1", "--format", "latex"]
    _, elided, _ = cli("derive", *argv)
    assert r"\cdots" in elided and "x_{9}" not in elided
    _, full, _ = cli("derive", *argv, "--full", "--delimiter", "bmatrix")
    # 12 columns: more than amsmath's matrices take, so an array between brackets
    assert r"\cdots" not in full and "x_{9} w_{1}" in full
    assert r"\left[\begin{array}{cccccccccccc}" in full and r"\end{array}\right]" in full


def test_three_dimensional_output_is_one_grid_per_leading_index(cli):
    status, out, _ = cli("derive", "--input", "2x1x1", "--kernel", "1x1x1")
    assert status == 0
    assert out == "O[0, :, :] =\n[x111*w111]\nO[1, :, :] =\n[x211*w111]\n"


def test_letters_and_names(cli):
    argv = ["--input", "2", "--kernel", "2", "--letters", "--kernel-name", "k"]
    status, out, _ = cli("derive", *argv)
    assert status == 0 and out == "O = [a*k1, a*k2 + b*k1, b*k2]\n"
