"""Keras, TensorFlow and JAX front-ends against the real frameworks on CPU, exactly.

Hypothesis draws configurations (1-D to 3-D, strides, dilation where the framework
supports it on CPU, every padding mode, output_padding, output_shape, channels, groups
where supported, batch) and integer operands; each framework runs in a child process
(:mod:`tests.frameworks.conftest`). Where the framework answers, symconv's exact result
must equal it entry for entry; where the framework refuses, symconv must refuse too.
"""

import json

import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from symconv.core.windows import framework_input_sizes
from symconv.engine.jax import jax_conv_general_dilated, jax_conv_transpose
from symconv.engine.keras import keras_conv_transpose
from symconv.engine.tensorflow import tf_conv_transpose
from symconv.errors import SymconvError
from symconv.views import METHODS

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SPATIAL = {1: "H", 2: "HW", 3: "HWD"}


def integers(draw, shape):
    return np.array(
        draw(
            st.lists(st.integers(-3, 3), min_size=int(np.prod(shape)), max_size=int(np.prod(shape)))
        )
    ).reshape(shape)


def compare(oracle_answer, ours):
    """Both answer the same numbers, or both refuse."""
    if oracle_answer.get("crashed"):
        reject()  # the framework's process died (an XLA abort): no answer to compare with
    if not oracle_answer["ok"] or 0 in oracle_answer["shape"]:
        # a refusal, or an empty array where the window holds no cell: symconv refuses
        assert isinstance(ours, SymconvError), (oracle_answer, ours)
        return
    assert not isinstance(ours, Exception), (ours, oracle_answer)
    got = np.array(ours.tolist(), dtype=object)
    expected = np.array(oracle_answer["y"])
    assert got.shape == expected.shape
    assert np.array_equal(got.astype(float), expected), (got, expected)


def run(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except SymconvError as error:
        return error


@st.composite
def spatial(draw, rank_max=3, dilation=False):
    rank = draw(st.integers(1, rank_max))
    top = {1: 4, 2: 3, 3: 2}[rank]
    return dict(
        rank=rank,
        input=tuple(draw(st.integers(1, top)) for _ in range(rank)),
        kernel=tuple(draw(st.integers(1, 3)) for _ in range(rank)),
        stride=tuple(draw(st.integers(1, 3)) for _ in range(rank)),
        dilation=tuple(draw(st.integers(1, 2)) if dilation else 1 for _ in range(rank)),
        batch=draw(st.integers(1, 2)),
        cin=draw(st.integers(1, 2)),
        cout=draw(st.integers(1, 2)),
    )


@SETTINGS
@given(data=st.data())
def test_keras_conv_transpose(oracles, data):
    c = data.draw(spatial())
    padding = data.draw(st.sampled_from(["valid", "same"]))
    output_padding = data.draw(
        st.none() | st.tuples(*[st.integers(0, 3) for _ in range(c["rank"])])
    )
    x = integers(data.draw, (c["batch"], *c["input"], c["cin"]))
    k = integers(data.draw, (*c["kernel"], c["cout"], c["cin"]))
    op = None if output_padding is None else list(output_padding)
    answer = oracles["keras"](
        "conv_transpose", x.tolist(), k.tolist(), list(c["stride"]), padding, op
    )
    ours = run(
        keras_conv_transpose,
        x.tolist(),
        k.tolist(),
        c["stride"],
        padding,
        output_padding,
        method=data.draw(st.sampled_from(sorted(METHODS))),
    )
    compare(answer, ours)


@SETTINGS
@given(data=st.data())
def test_tensorflow_conv_transpose(oracles, data):
    c = data.draw(spatial())
    rank = c["rank"]
    mode = data.draw(st.sampled_from(["SAME", "VALID", "EXPLICIT"]))
    pads = [tuple(data.draw(st.integers(0, 2)) for _ in range(2)) for _ in range(rank)]
    canvas = [s * (i - 1) + k for i, k, s in zip(c["input"], c["kernel"], c["stride"])]
    if mode == "EXPLICIT":
        canvas = [n - b - e for n, (b, e) in zip(canvas, pads)]
    output = [max(1, data.draw(st.integers(n - 2, n + 3))) for n in canvas]
    x = integers(data.draw, (c["batch"], *c["input"], c["cin"]))
    f = integers(data.draw, (*c["kernel"], c["cout"], c["cin"]))
    shape = [c["batch"], *output, c["cout"]]
    padding = mode if mode != "EXPLICIT" else [[0, 0], *map(list, pads), [0, 0]]
    answer = oracles["tensorflow"](
        "conv_transpose", x.tolist(), f.tolist(), shape, list(c["stride"]), padding
    )
    ours = run(
        tf_conv_transpose,
        x.tolist(),
        f.tolist(),
        shape,
        c["stride"],
        padding,
        method=data.draw(st.sampled_from(sorted(METHODS))),
    )
    compare(answer, ours)


@SETTINGS
@given(data=st.data())
def test_jax_conv_transpose(oracles, data):
    c = data.draw(spatial(dilation=True))
    spans = [d * (k - 1) + 1 for k, d in zip(c["kernel"], c["dilation"])]
    padding = data.draw(st.sampled_from(["SAME", "VALID", "EXPLICIT"]))
    if padding == "EXPLICIT":
        padding = [
            (data.draw(st.integers(0, n + 1)), data.draw(st.integers(0, n + 1))) for n in spans
        ]
    transpose_kernel = data.draw(st.booleans())
    x = integers(data.draw, (c["batch"], *c["input"], c["cin"]))
    out_first = (c["cin"], c["cout"]) if transpose_kernel else (c["cout"], c["cin"])
    rhs = integers(data.draw, (*c["kernel"], out_first[1], out_first[0]))  # (*k, I, O)
    answer = oracles["jax"](
        "conv_transpose",
        x.tolist(),
        rhs.tolist(),
        list(c["stride"]),
        padding if isinstance(padding, str) else [list(p) for p in padding],
        rhs_dilation=list(c["dilation"]),
        transpose_kernel=transpose_kernel,
    )
    ours = run(
        jax_conv_transpose,
        x.tolist(),
        rhs.tolist(),
        c["stride"],
        padding,
        c["dilation"],
        None,
        transpose_kernel,
        method=data.draw(st.sampled_from(sorted(METHODS))),
    )
    compare(answer, ours)


@SETTINGS
@given(data=st.data())
def test_jax_conv_general_dilated_as_a_transposed_convolution(oracles, data):
    c = data.draw(spatial(rank_max=2, dilation=True))
    groups = data.draw(st.integers(1, 2))
    cin, cout = c["cin"] * groups, c["cout"] * groups
    spans = [d * (k - 1) + 1 for k, d in zip(c["kernel"], c["dilation"])]
    padding = [(data.draw(st.integers(0, n)), data.draw(st.integers(0, n))) for n in spans]
    x = integers(data.draw, (c["batch"], cin, *c["input"]))
    rhs = integers(data.draw, (cout, c["cin"], *c["kernel"]))
    answer = oracles["jax"](
        "conv_general_dilated",
        x.tolist(),
        rhs.tolist(),
        [1] * c["rank"],
        [list(p) for p in padding],
        lhs_dilation=list(c["stride"]),
        rhs_dilation=list(c["dilation"]),
        feature_group_count=groups,
    )
    ours = run(
        jax_conv_general_dilated,
        x.tolist(),
        rhs.tolist(),
        (1,) * c["rank"],
        padding,
        c["stride"],
        c["dilation"],
        None,
        groups,
        method=data.draw(st.sampled_from(sorted(METHODS))),
    )
    compare(answer, ours)


def test_the_keras_same_output_padding_case_of_the_issue(oracles):
    # Conv1DTranspose(k=3, s=2, "same", output_padding=1), w=[1,10,100], x=[1,2]
    x, k = [[[1], [2]]], [[[1]], [[10]], [[100]]]
    answer = oracles["keras"]("conv_transpose", x, k, [2], "same", [1])
    assert answer["y"] == [[[1.0], [10.0], [102.0], [20.0]]]
    assert keras_conv_transpose(x, k, 2, "same", 1).tolist() == [[[1], [10], [102], [20]]]


def test_jax_dimension_numbers_are_read_by_letter(oracles):
    x = np.arange(1, 7).reshape(1, 2, 3, 1)  # N H W C
    rhs = np.arange(1, 5).reshape(1, 1, 2, 2)  # O I H W
    dims = ["NHWC", "OIHW", "NCHW"]
    answer = oracles["jax"](
        "conv_transpose", x.tolist(), rhs.tolist(), [2, 1], "SAME", dimension_numbers=dims
    )
    ours = jax_conv_transpose(x.tolist(), rhs.tolist(), (2, 1), "SAME", dimension_numbers=dims)
    compare(answer, ours)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: keras_conv_transpose([[[1]]], [[[1]]], 1, "full"), "padding"),
        (lambda: tf_conv_transpose([[[1]]], [[[1]]], [1, 5, 1], 1, "SAME"), "output_shape"),
        (
            lambda: jax_conv_general_dilated([[[1, 2]]], [[[1]]], (2,), "VALID", (2,)),
            "window_strides",
        ),
        (lambda: jax_conv_transpose([[[1]]], [[[1]]], (1,), "FULL"), "padding"),
    ],
)
def test_refusals_name_the_frameworks_own_parameter(call, message):
    with pytest.raises(SymconvError) as caught:
        call()
    assert caught.value.parameter == message


@SETTINGS
@given(data=st.data())
def test_size_in_keras_terms_matches_keras(oracles, cli, data):
    c = data.draw(spatial(rank_max=2))
    padding = data.draw(st.sampled_from(["valid", "same"]))
    output_padding = data.draw(st.none() | st.integers(0, 2))
    x = np.ones((1, *c["input"], 1)).tolist()
    k = np.ones((*c["kernel"], 1, 1)).tolist()
    op = None if output_padding is None else [output_padding] * c["rank"]
    answer = oracles["keras"]("conv_transpose", x, k, list(c["stride"]), padding, op)
    flags = ["size", "--convention", "keras", "--padding", padding]
    for flag, values in (
        ("--input", c["input"]),
        ("--kernel", c["kernel"]),
        ("--stride", c["stride"]),
    ):
        flags += [flag, "x".join(map(str, values))]
    if output_padding is not None:
        flags += ["--output-padding", str(output_padding)]
    status, out, err = cli(*flags)
    if not answer["ok"] or 0 in answer["shape"]:
        assert status == 2 and err.startswith("symconv: error:")
        return
    assert status == 0, err
    sizes = [int(line.split(";")[0].split(" = ")[-1]) for line in out.splitlines()]
    assert sizes == answer["shape"][1:-1]


def _convention_call(convention, c, padding, extra):
    """The framework call and the ``symconv derive --convention`` flags for one case."""
    flags = ["derive", "--convention", convention, "--format", "json"]
    for flag, values in (
        ("--input", c["input"]),
        ("--kernel", c["kernel"]),
        ("--stride", c["stride"]),
    ):
        flags += [flag, "x".join(map(str, values))]
    if isinstance(padding, list):
        flags += ["--padding", "x".join(f"{lo}:{hi}" for lo, hi in padding)]
    else:
        flags += ["--padding", padding]
    flags += extra
    return flags


@SETTINGS
@given(data=st.data())
def test_derive_in_each_frameworks_terms_matches_the_framework(oracles, cli, data):
    convention = data.draw(st.sampled_from(["keras", "tf", "jax"]))
    c = data.draw(spatial(rank_max=2))
    rank = c["rank"]
    x = integers(data.draw, (1, *c["input"], 1))
    k = integers(data.draw, (*c["kernel"], 1, 1))
    extra = []
    if convention == "keras":
        padding = data.draw(st.sampled_from(["valid", "same"]))
        op = data.draw(st.none() | st.integers(0, 2))
        if op is not None:
            extra = ["--output-padding", str(op)]
        answer = oracles["keras"](
            "conv_transpose",
            x.tolist(),
            k.tolist(),
            list(c["stride"]),
            padding,
            None if op is None else [op] * rank,
        )
    elif convention == "tf":
        padding = data.draw(st.sampled_from(["SAME", "VALID"]))
        canvas = [s * (i - 1) + kk for i, kk, s in zip(c["input"], c["kernel"], c["stride"])]
        output = [max(1, data.draw(st.integers(n - 2, n + 2))) for n in canvas]
        extra = ["--output-shape", "x".join(map(str, output))]
        answer = oracles["tensorflow"](
            "conv_transpose", x.tolist(), k.tolist(), [1, *output, 1], list(c["stride"]), padding
        )
    else:
        padding = data.draw(st.sampled_from(["SAME", "VALID", "EXPLICIT"]))
        if padding == "EXPLICIT":
            padding = [
                (data.draw(st.integers(0, kk + 1)), data.draw(st.integers(0, kk + 1)))
                for kk in c["kernel"]
            ]
        answer = oracles["jax"](
            "conv_transpose",
            x.tolist(),
            k.tolist(),
            list(c["stride"]),
            padding if isinstance(padding, str) else [list(p) for p in padding],
        )
    status, out, err = cli(*_convention_call(convention, c, padding, extra))
    if not answer["ok"] or 0 in answer["shape"]:
        assert status == 2 and err.startswith("symconv: error:"), (answer, out)
        return
    assert status == 0, err
    result = json.loads(out)["output"]
    values = {}
    for index in np.ndindex(*c["input"]):
        values[sympy.Symbol("x" + "".join(str(i + 1) for i in index))] = int(x[(0, *index, 0)])
    for index in np.ndindex(*c["kernel"]):
        values[sympy.Symbol("w" + "".join(str(i + 1) for i in index))] = int(k[(*index, 0, 0)])
    ours = [int(sympy.sympify(v).xreplace(values)) for v in np.ravel(result["values"])]
    assert result["shape"] == answer["shape"][1:-1]
    assert ours == np.array(answer["y"]).reshape(-1).astype(int).tolist()


@SETTINGS
@given(data=st.data())
def test_input_sizes_in_keras_terms_are_the_ones_keras_maps_to_that_output(oracles, data):
    kernel, stride = data.draw(st.integers(1, 4)), data.draw(st.integers(1, 3))
    padding = data.draw(st.sampled_from(["valid", "same"]))
    output = data.draw(st.integers(1, 9))
    found = framework_input_sizes("keras", output, kernel, stride, padding=padding)
    for size in range(1, output + 2):
        x = np.ones((1, size, 1)).tolist()
        k = np.ones((kernel, 1, 1)).tolist()
        answer = oracles["keras"]("conv_transpose", x, k, [stride], padding)
        gives = answer["ok"] and answer["shape"][1] == output
        assert gives == (size in found), (size, found, answer.get("shape"))
