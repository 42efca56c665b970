"""Each validation rule raises a SymconvError that names the parameter and the rule."""

import math

import pytest
import sympy

import symconv
from symconv import SymconvError

X = [[1, 2, 3]]  # (C_in=1, I=3)
W = [[[1, 1]]]  # (C_in=1, C_out=1, k=2)


def raises(parameter, rule_words, call):
    with pytest.raises(SymconvError) as info:
        call()
    assert isinstance(info.value, ValueError)
    assert info.value.parameter == parameter
    message = str(info.value)
    assert message.startswith(parameter + ":")
    for word in rule_words:
        assert word in message
    return info.value


@pytest.mark.parametrize("name", ["stride", "dilation"])
@pytest.mark.parametrize("bad", [0, -1])
def test_stride_and_dilation_at_least_one(name, bad):
    raises(name, [">= 1"], lambda: symconv.conv_transpose(X, W, **{name: bad}))


@pytest.mark.parametrize("name", ["stride", "dilation", "padding", "output_padding", "groups"])
@pytest.mark.parametrize("bad", [1.5, "2", None, math.nan, math.inf, True])
def test_parameters_must_be_integers(name, bad):
    error = raises(name, [], lambda: symconv.conv_transpose(X, W, **{name: bad}))
    assert any(w in str(error) for w in ("integer", "whole", "finite"))


def test_padding_not_negative():
    raises("padding", [">= 0"], lambda: symconv.conv_transpose(X, W, padding=-1))
    raises("padding", [">= 0"], lambda: symconv.conv_transpose(X, W, padding=[(0, -1)]))


def test_padding_pairs_must_be_pairs():
    raises("padding", ["(begin, end)"], lambda: symconv.conv_transpose(X, W, padding=[(1, 2, 3)]))


def test_output_padding_smaller_than_stride_or_dilation():
    raises(
        "output_padding",
        ["stride", "dilation"],
        lambda: symconv.conv_transpose(X, W, stride=2, output_padding=2),
    )
    # allowed when smaller than the dilation (PyTorch's rule)
    assert symconv.conv_transpose(X, W, stride=1, dilation=3, output_padding=2).shape == (1, 8)


def test_output_padding_not_negative():
    raises("output_padding", [">= 0"], lambda: symconv.conv_transpose(X, W, output_padding=-1))


def test_output_size_at_least_one():
    raises("padding", ["no output", ">= 1"], lambda: symconv.conv_transpose(X, W, padding=2))


def test_kernel_and_input_sizes_at_least_one():
    raises("kernel_size", [">= 1"], lambda: symconv.make_geometry(3, 0))
    raises("input_size", [">= 1"], lambda: symconv.make_geometry(0, 2))
    raises("input", ["non-empty"], lambda: symconv.conv_transpose([[]], W))


def test_groups_divide_channels():
    x = [[1, 2], [3, 4], [5, 6]]  # 3 input channels
    w = [[[1]], [[1]], [[1]]]
    raises("groups", ["divide"], lambda: symconv.conv_transpose(x, w, groups=2))
    raises("groups", [">= 1"], lambda: symconv.conv_transpose(x, w, groups=0))


def test_weight_channels_match_input():
    raises("weight", ["channels"], lambda: symconv.conv_transpose([[1, 2], [3, 4]], W))


def test_ranks_agree():
    raises("input", ["spatial"], lambda: symconv.conv_transpose([[[[1]]]], W))
    raises("weight", ["spatial dimension"], lambda: symconv.conv_transpose(X, [[1, 2]]))
    raises("stride", ["per spatial dimension"], lambda: symconv.conv_transpose(X, W, stride=(1, 2)))
    raises("kernel", ["dimensions"], lambda: symconv.derive([[1, 2]], [1, 2]))


def test_ragged_and_non_numeric_elements():
    raises("input", ["same shape"], lambda: symconv.conv_transpose([[1, 2], [3]], W))
    raises("weight", ["numbers"], lambda: symconv.conv_transpose(X, [[[object(), 1]]]))
    raises("input", ["finite"], lambda: symconv.conv_transpose([[1, math.nan, 2]], W))
    raises("input", ["finite"], lambda: symconv.conv_transpose([[1, sympy.oo, 2]], W))
    raises("input", ["string element"], lambda: symconv.conv_transpose([[1, "2+", 2]], W))
    raises("input", ["denominator"], lambda: symconv.conv_transpose([[1, "1/00", 2]], W))


def test_strings_are_never_evaluated_as_code(capfd):
    code = '__import__("os").system("echo EXECUTED")'
    raises("input", ["string element"], lambda: symconv.conv_transpose([[code]], W))
    assert "EXECUTED" not in capfd.readouterr().out
    # names that SymPy's parser would turn into constants stay plain symbols
    y = symconv.conv_transpose([["E", "I", "pi"]], [[[1]]])
    assert [str(e) for e in y.tolist()[0]] == ["E", "I", "pi"]
    assert all(isinstance(e, sympy.Symbol) for e in y.tolist()[0])


def test_decimal_and_fraction_stay_exact():
    from decimal import Decimal
    from fractions import Fraction

    y = symconv.conv_transpose([[Decimal("0.1"), Fraction(1, 3), "0.25"]], [[[3]]])
    assert y.tolist() == [[sympy.Rational(3, 10), 1, sympy.Rational(3, 4)]]


def test_bias_shape():
    raises("bias", ["shape"], lambda: symconv.conv_transpose(X, W, bias=[1, 2]))


def test_unknown_method():
    raises(
        "method",
        ["scatter", "zero_insertion", "matrix"],
        lambda: symconv.conv_transpose(X, W, method="fft"),
    )


def test_symbol_names_and_base():
    raises("name", ["letter"], lambda: symconv.symbols_array("w}", (2,)))
    raises("name", ["letter"], lambda: symconv.symbols_array(r"\input", (2,)))
    raises("base", ["0 or 1"], lambda: symconv.symbols_array("w", (2,), base=2))


def test_unknown_preset():
    raises("preset", ["example-1d"], lambda: symconv.preset("nope"))


def test_onnx_rules():
    x = [[[1, 2, 3]]]
    raises("pads", ["2 values"], lambda: symconv.onnx_conv_transpose(x, W_ONNX, pads=[1]))
    raises(
        "pads",
        ["auto_pad"],
        lambda: symconv.onnx_conv_transpose(x, W_ONNX, pads=[0, 0], auto_pad="VALID"),
    )
    raises("pads", [">= 0"], lambda: symconv.onnx_conv_transpose(x, W_ONNX, pads=[-1, 0]))
    raises(
        "auto_pad", ["SAME_UPPER"], lambda: symconv.onnx_conv_transpose(x, W_ONNX, auto_pad="SAME")
    )
    raises(
        "kernel_shape", ["W's"], lambda: symconv.onnx_conv_transpose(x, W_ONNX, kernel_shape=[3])
    )
    raises("X", ["(N, C, *I)"], lambda: symconv.onnx_conv_transpose([[1, 2]], W_ONNX))
    raises("strides", [">= 1"], lambda: symconv.onnx_conv_transpose(x, W_ONNX, strides=[0]))


W_ONNX = [[[1, 1]]]


@pytest.mark.parametrize(
    "call",
    [
        lambda **k: symconv.conv_transpose(X, W, stride=10**8, **k),
        lambda **k: symconv.conv_transpose(X, W, dilation=10**8, **k),
        lambda **k: symconv.onnx_conv_transpose([X], W, strides=[10**8], **k),
        lambda **k: symconv.derive_symbolic(10**12, 3, **k),
        lambda **k: symconv.derive_symbolic(2, 2, dilation=10**8, **k),
    ],
)
def test_huge_requests_are_refused_up_front_with_the_estimate(call):
    error = raises("max_terms", ["the request needs", "more than the limit"], call)
    assert "raise the limit with max_terms" in str(error)


def test_the_limit_can_be_raised():
    y = symconv.conv_transpose(X, W, stride=10**5, max_terms=10**6)
    assert y.shape == (1, 2 * 10**5 + 2)
    with pytest.raises(SymconvError):
        symconv.conv_transpose(X, W, stride=10**5, max_terms=10**5)
