"""ONNX ConvTranspose against the onnx package's reference implementation."""

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from onnx import TensorProto, helper
from onnx.reference import ReferenceEvaluator

import symconv
from symconv.views import METHODS
from tests.engine.strategies import configurations, operand_shapes


def onnx_reference(x, w, b=None, **attributes):
    inputs = ["X", "W"] + (["B"] if b is not None else [])
    node = helper.make_node("ConvTranspose", inputs, ["Y"], **attributes)
    graph = helper.make_graph(
        [node],
        "g",
        [helper.make_tensor_value_info(n, TensorProto.DOUBLE, None) for n in inputs],
        [helper.make_tensor_value_info("Y", TensorProto.DOUBLE, None)],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 22)])
    feeds = {"X": x.astype(np.float64), "W": w.astype(np.float64)}
    if b is not None:
        feeds["B"] = b.astype(np.float64)
    return ReferenceEvaluator(model).run(None, feeds)[0]


def as_numbers(y):
    return np.array(y.tolist(), dtype=np.float64)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(configurations(asymmetric=True, max_rank=2), st.sampled_from(sorted(METHODS)))
def test_explicit_pads_match_reference(config, method):
    # The reference mishandles group > 1 (it slices W by output channels and adds the
    # first group's biases to every group): PyTorch is the oracle for groups.
    assume(config["groups"] == 1)
    g = config["geometry"]
    # The reference's col2im refuses output_padding >= stride (PyTorch allows it: < dilation).
    assume(all(op < s for op, s in zip(g.output_padding, g.stride)))
    rng = np.random.default_rng(config["seed"])
    x_shape, w_shape, b_shape = operand_shapes(config)
    x_shape = x_shape if config["batch"] else (1, *x_shape)
    x = rng.integers(-4, 5, x_shape)
    w = rng.integers(-4, 5, w_shape)
    b = rng.integers(-4, 5, b_shape) if config["bias"] else None
    attributes = dict(
        strides=list(g.stride),
        dilations=list(g.dilation),
        group=config["groups"],
        pads=list(g.pad_begin + g.pad_end),
        output_padding=list(g.output_padding),
    )
    expected = onnx_reference(x, w, b, **attributes)
    y = symconv.onnx_conv_transpose(x, w, b, method=method, **attributes)
    assert np.array_equal(as_numbers(y), expected)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(1, 2),
    st.data(),
    st.sampled_from(["SAME_UPPER", "SAME_LOWER"]),
    st.booleans(),
    st.sampled_from(sorted(METHODS)),
)
def test_auto_pad_and_output_shape_match_reference(rank, data, auto_pad, with_shape, method):
    input_size = [data.draw(st.integers(1, 4)) for _ in range(rank)]
    kernel = [data.draw(st.integers(1, 3)) for _ in range(rank)]
    strides = [data.draw(st.integers(1, 3)) for _ in range(rank)]
    dilations = [data.draw(st.integers(1, 2)) for _ in range(rank)]
    attributes = dict(auto_pad=auto_pad, strides=strides, dilations=dilations)
    if with_shape:
        natural = [
            s * (i - 1) + (k - 1) * d + 1
            for i, k, s, d in zip(input_size, kernel, strides, dilations)
        ]
        # from well inside the natural size to past it (negative pads)
        attributes["output_shape"] = [data.draw(st.integers(max(1, n - 3), n + 3)) for n in natural]
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    x = rng.integers(-4, 5, (1, 2, *input_size))
    w = rng.integers(-4, 5, (2, 2, *kernel))
    expected = onnx_reference(x, w, **attributes)
    y = symconv.onnx_conv_transpose(x, w, method=method, **attributes)
    assert np.array_equal(as_numbers(y), expected)


def test_negative_end_pad_grows_output_with_zeros():
    # natural size 5; output_shape 6 gives total = -1, end pad -1: a zero at the end
    x = np.array([[[1, 2]]])
    w = np.array([[[1, 1, 1]]])
    assert symconv.onnx_pads((2,), (3,), strides=[2], output_shape=[6]) == ((0,), (-1,))
    y = symconv.onnx_conv_transpose(x, w, strides=[2], output_shape=[6])
    assert y.tolist() == [[[1, 1, 3, 2, 2, 0]]]


def test_valid_means_no_padding():
    x = np.arange(1, 4).reshape(1, 1, 3)
    w = np.ones((1, 1, 2), dtype=int)
    y = symconv.onnx_conv_transpose(x, w, auto_pad="VALID", strides=[2])
    assert np.array_equal(as_numbers(y), onnx_reference(x, w, auto_pad="VALID", strides=[2]))


@pytest.mark.parametrize("method", sorted(METHODS))
def test_grouped_channels_match_torch_where_reference_is_wrong(method):
    import torch

    rng = np.random.default_rng(3)
    x = rng.integers(-3, 4, (1, 4, 3))
    w = rng.integers(-3, 4, (4, 3, 2))
    expected = torch.nn.functional.conv_transpose1d(
        torch.tensor(x, dtype=torch.float64),
        torch.tensor(w, dtype=torch.float64),
        stride=2,
        groups=2,
    ).numpy()
    y = symconv.onnx_conv_transpose(x, w, strides=[2], group=2, method=method)
    assert np.array_equal(as_numbers(y), expected)


def test_notset_output_shape_follows_the_specification():
    # natural size 7; output_shape 6: total 1, NOTSET puts total - total // 2 = 1 at the
    # beginning, so the output is PyTorch's natural output without its first element
    import torch

    x = np.array([[[1, -2, 3]]])
    w = np.array([[[2, 1, -1]]])
    natural = torch.nn.functional.conv_transpose1d(
        torch.tensor(x, dtype=torch.float64), torch.tensor(w, dtype=torch.float64), stride=2
    ).numpy()
    assert symconv.onnx_pads((3,), (3,), strides=[2], output_shape=[6]) == ((1,), (0,))
    y = symconv.onnx_conv_transpose(x, w, strides=[2], output_shape=[6])
    assert np.array_equal(as_numbers(y), natural[..., 1:])
    # the specification: with output_shape given, pads are ignored
    both = symconv.onnx_conv_transpose(x, w, strides=[2], output_shape=[6], pads=[2, 2])
    assert both == y


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 4), st.integers(1, 3), st.integers(2, 3), st.data())
def test_output_padding_with_auto_pad_matches_reference(size, kernel, stride, data):
    extra = data.draw(st.integers(0, stride - 1))
    auto_pad = data.draw(st.sampled_from(["SAME_UPPER", "SAME_LOWER"]))
    rng = np.random.default_rng(size * 100 + kernel * 10 + stride)
    x = rng.integers(-4, 5, (1, 1, size))
    w = rng.integers(-4, 5, (1, 1, kernel))
    attributes = dict(auto_pad=auto_pad, strides=[stride], output_padding=[extra])
    expected = onnx_reference(x, w, **attributes)
    assert np.array_equal(as_numbers(symconv.onnx_conv_transpose(x, w, **attributes)), expected)
