"""The seed document's three examples and d2l.ai's example, by every method, exactly.

The expected entries are typed from the seed document, not produced by symconv.
"""

import pytest
from sympy import Array, symbols

import symconv
from symconv.views import METHODS

a, b, c, d = symbols("a b c d")
x1, x2 = symbols("x1 x2")
w1, w2, w3 = symbols("w1 w2 w3")
w11, w12, w21, w22 = symbols("w11 w12 w21 w22")
K = [[w11, w12], [w21, w22]]

SEED = {
    "example-1d": dict(
        x=[x1, x2],
        w=[w1, w2, w3],
        stride=2,
        padding=1,
        # "Output after padding: [x1*w2, x1*w3 + x2*w1, x2*w2]"
        expected=[x1 * w2, x1 * w3 + x2 * w1, x2 * w2],
    ),
    "example-2d-s2": dict(
        x=[[a, b], [c, d]],
        w=K,
        stride=2,
        padding=0,
        expected=[
            [a * w11, a * w12, b * w11, b * w12],
            [a * w21, a * w22, b * w21, b * w22],
            [c * w11, c * w12, d * w11, d * w12],
            [c * w21, c * w22, d * w21, d * w22],
        ],
    ),
    "example-2d-s1": dict(
        x=[[a, b], [c, d]],
        w=K,
        stride=1,
        padding=0,
        expected=[
            [a * w11, a * w12 + b * w11, b * w12],
            [a * w21 + c * w11, a * w22 + b * w21 + c * w12 + d * w11, b * w22 + d * w12],
            [c * w21, c * w22 + d * w21, d * w22],
        ],
    ),
}


@pytest.mark.parametrize("method", sorted(METHODS))
@pytest.mark.parametrize("name", sorted(SEED))
def test_seed_example_by_every_method(name, method):
    case = SEED[name]
    x = Array(case["x"])
    w = Array(case["w"])
    y = symconv.conv_transpose(
        x.reshape(1, *x.shape),
        w.reshape(1, 1, *w.shape),
        stride=case["stride"],
        padding=case["padding"],
        method=method,
    )
    assert y.reshape(*y.shape[1:]) == Array(case["expected"])


@pytest.mark.parametrize("name", sorted(SEED))
def test_presets_match_the_seed(name):
    derivation = symconv.preset(name)
    assert derivation.output == Array(SEED[name]["expected"])
    assert derivation.verification.ok


def test_seed_output_size_formula():
    # O = s(I-1) + k - 2p = 2*(2-1) + 3 - 2*1 = 3 and the 4x4, 3x3 of the 2-D examples
    assert symconv.make_geometry(2, 3, stride=2, padding=1).output_size == (3,)
    assert symconv.make_geometry((2, 2), (2, 2), stride=2).output_size == (4, 4)
    assert symconv.make_geometry((2, 2), (2, 2), stride=1).output_size == (3, 3)


def test_seed_1d_canvas_before_crop():
    # "Values: [x1*w1, x1*w2, x1*w3 + x2*w1, x2*w2, x2*w3]" on the 5-cell canvas
    derivation = symconv.preset("example-1d")
    assert derivation.geometry.canvas_size == (5,)
    canvas = [sum((p * q for p, q in derivation.canvas_terms((i,))), 0) for i in range(5)]
    assert canvas == [x1 * w1, x1 * w2, x1 * w3 + x2 * w1, x2 * w2, x2 * w3]


def test_seed_term_order_is_recorded():
    # the seed writes a w22 + b w21 + c w12 + d w11: input reading order, input first
    assert symconv.preset("example-2d-s1").terms((1, 1)) == [(a, w22), (b, w21), (c, w12), (d, w11)]
    assert symconv.preset("example-1d").terms((1,)) == [(x1, w3), (x2, w1)]


@pytest.mark.parametrize("method", sorted(METHODS))
def test_d2l_example(method):
    # d2l.ai 14.10: X = K = [[0, 1], [2, 3]] gives [[0, 0, 1], [0, 4, 6], [4, 12, 9]]
    y = symconv.conv_transpose([[[0, 1], [2, 3]]], [[[[0, 1], [2, 3]]]], method=method)
    assert y.tolist() == [[[0, 0, 1], [0, 4, 6], [4, 12, 9]]]


def test_the_examples_are_listed_by_their_names_and_read_by_their_former_ones(cli):
    assert sorted(symconv.PRESETS) == ["example-1d", "example-2d-s1", "example-2d-s2"]
    assert symconv.preset("seed-1d").output == symconv.preset("example-1d").output
    assert cli("size", "--preset", "seed-2d-s2")[1] == cli("size", "--preset", "example-2d-s2")[1]
    status, _, err = cli("size", "--preset", "seed-3d")
    assert status == 2 and "example-1d" in err and "seed-1d" not in err
