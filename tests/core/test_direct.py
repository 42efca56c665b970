"""The direct convolution against PyTorch, and its validation."""

import numpy as np
import pytest
import sympy
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

import symconv
from symconv import SymconvError


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 2), st.data())
def test_conv_equals_torch(rank, data):
    groups = data.draw(st.integers(1, 2))
    c_in, c_out = groups * data.draw(st.integers(1, 2)), groups * data.draw(st.integers(1, 2))
    kernel = [data.draw(st.integers(1, 3)) for _ in range(rank)]
    dilation = [data.draw(st.integers(1, 2)) for _ in range(rank)]
    padding = [data.draw(st.integers(0, 2)) for _ in range(rank)]
    size = [
        data.draw(st.integers(max(1, d * (k - 1) + 1 - 2 * p), 5))
        for k, d, p in zip(kernel, dilation, padding)
    ]
    stride = [data.draw(st.integers(1, 3)) for _ in range(rank)]
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    x = rng.integers(-4, 5, (2, c_in, *size))
    w = rng.integers(-4, 5, (c_out, c_in // groups, *kernel))
    b = rng.integers(-4, 5, (c_out,))
    op = [torch.nn.functional.conv1d, torch.nn.functional.conv2d][rank - 1]
    t = lambda a: torch.tensor(a, dtype=torch.float64)  # noqa: E731
    expected = op(
        t(x), t(w), t(b), stride=stride, padding=padding, dilation=dilation, groups=groups
    ).numpy()
    y = symconv.conv(x, w, b, stride=stride, padding=padding, groups=groups, dilation=dilation)
    assert np.array_equal(np.array(y.tolist(), dtype=float), expected)


@pytest.mark.parametrize(
    "kwargs, parameter",
    [
        (dict(stride=0), "stride"),
        (dict(dilation=-1), "dilation"),
        (dict(padding=-3), "padding"),
        (dict(output_size=5), "output_size"),
        (dict(groups=2), "groups"),
    ],
)
def test_conv_validation(kwargs, parameter):
    with pytest.raises(SymconvError) as info:
        symconv.conv([[1, 2, 3]], [[[1, 1]]], **kwargs)
    assert info.value.parameter == parameter


def test_kernel_larger_than_input_and_wrong_weight_channels():
    with pytest.raises(SymconvError, match="fit"):
        symconv.conv([[1, 2]], [[[1, 1, 1]]])
    with pytest.raises(SymconvError) as info:
        symconv.conv([[1, 2], [3, 4]], [[[1]]])
    assert info.value.parameter == "weight"


@pytest.mark.parametrize(
    "call",
    [
        lambda: symconv.conv_transpose([[1]], [[[1]]], method=["scatter"]),
        lambda: symconv.preset(["example-1d"]),
        lambda: symconv.letters(2, start=5),
        lambda: symconv.letters(2, start="ab"),
        lambda: symconv.onnx_pads(2, "x"),
    ],
)
def test_unhashable_and_odd_arguments_raise_symconv_errors(call):
    with pytest.raises(SymconvError):
        call()


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 2), st.data())
def test_conv_matrix_times_z_is_torch_convolution(rank, data):
    """C maps the transposed output's shape to the input's: C vec(z) is PyTorch's conv(z)."""
    groups = data.draw(st.integers(1, 2))
    c_in, per_group = groups * data.draw(st.integers(1, 2)), data.draw(st.integers(1, 2))
    size = [data.draw(st.integers(1, 3)) for _ in range(rank)]
    kernel = [data.draw(st.integers(1, 3)) for _ in range(rank)]
    stride = [data.draw(st.integers(1, 2)) for _ in range(rank)]
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    w = rng.integers(-3, 4, (c_in, per_group, *kernel))
    c = symconv.conv_matrix(w, size, stride=stride, groups=groups)
    g = symconv.make_geometry(size, kernel, stride)
    z = rng.integers(-3, 4, (groups * per_group, *g.output_size))
    op = [torch.nn.functional.conv1d, torch.nn.functional.conv2d][rank - 1]
    t = lambda a: torch.tensor(a, dtype=torch.float64)  # noqa: E731
    expected = op(t(z)[None], t(w), stride=stride, groups=groups)[0]
    expected = expected[(slice(None), *(slice(0, n) for n in size))].numpy().ravel()
    got = np.array((c * sympy.Matrix(z.ravel().tolist())).tolist(), dtype=float).ravel()
    assert np.array_equal(got, expected)
