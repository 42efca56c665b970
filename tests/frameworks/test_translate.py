"""``symconv translate`` between every pair of conventions, proved and run in both frameworks.

For generated configurations valid in the source convention, the translation's symbolic
proof must hold, and its runnable snippet, executed in the target framework (in a child
process for Keras, TensorFlow and JAX), must give on integer operands exactly what the
source framework itself gives.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from onnx.reference.ops.op_conv_transpose import ConvTranspose

from symconv.engine.translate import CONVENTIONS, translate
from symconv.errors import SymconvError
from tests.tex_tools import compile_log, log_problems

PAIRS = [(s, t) for s in CONVENTIONS for t in CONVENTIONS if s != t]
SETTINGS = settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
LAST = {"keras", "tf", "jax"}


@st.composite
def source_calls(draw, convention):
    rank = draw(st.integers(1, 2))
    sizes = [draw(st.integers(1, 3)) for _ in range(rank)]
    kernel = [draw(st.integers(1, 3)) for _ in range(rank)]
    s = [draw(st.integers(1, 3)) for _ in range(rank)]
    canvas = [si * (i - 1) + k for i, k, si in zip(sizes, kernel, s)]
    if convention == "torch":
        op = [draw(st.integers(0, si - 1)) for si in s]
        p = [draw(st.integers(0, (c - 1) // 2)) for c in canvas]
        params = dict(stride=s, padding=p, output_padding=op)
    elif convention == "onnx":
        mode = draw(st.sampled_from(["NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"]))
        params = dict(strides=s, auto_pad=mode)
        if mode == "NOTSET":
            begin = [draw(st.integers(0, c - 1)) for c in canvas]
            end = [draw(st.integers(0, c - 1 - b)) for c, b in zip(canvas, begin)]
            params["pads"] = begin + end
            params["output_padding"] = [draw(st.integers(0, si - 1)) for si in s]
    elif convention == "keras":
        op = draw(st.none() | st.lists(st.integers(0, 2), min_size=rank, max_size=rank))
        params = dict(strides=s, padding=draw(st.sampled_from(["valid", "same"])),
                      output_padding=op)  # fmt: skip
    elif convention == "tf":
        padding = draw(st.sampled_from(["SAME", "VALID"]))
        output = [max(1, draw(st.integers(c - 2, c + 2))) for c in canvas]
        params = dict(strides=s, padding=padding, output_shape=output)
    else:
        spans = kernel
        padding = draw(st.sampled_from(["SAME", "VALID", "EXPLICIT"]))
        if padding == "EXPLICIT":
            padding = [[draw(st.integers(0, k + 1)), draw(st.integers(0, k + 1))] for k in spans]
        params = dict(strides=s, padding=padding)
    return sizes, kernel, params


def run_source(convention, oracles, x, w, params, rank):
    """The source framework's own output (x, w in the source's layout)."""
    if convention == "torch":
        conv = getattr(F, f"conv_transpose{rank}d")
        return conv(torch.tensor(x, dtype=torch.float64), torch.tensor(w, dtype=torch.float64),
                    **params).numpy()  # fmt: skip
    if convention == "onnx":
        return ConvTranspose.eval(np.array(x, float), np.array(w, float), **params)
    if convention == "tf":
        shape = [len(x), *params["output_shape"], len(w[0][0]) if rank == 1 else None]
        if rank == 2:
            shape[-1] = np.shape(w)[-2]
        rest = {k: v for k, v in params.items() if k != "output_shape"}
        answer = oracles["tensorflow"]("conv_transpose", x, w, shape, **rest)
    elif convention == "keras":
        answer = oracles["keras"]("conv_transpose", x, w, **params)
    else:
        answer = oracles["jax"]("conv_transpose", x, w, **params)
    assume(answer["ok"] and 0 not in answer["shape"])
    return np.array(answer["y"])


def run_snippet(convention, oracles, code, x, w):
    if convention in ("torch", "onnx"):
        space = {"x_src": np.array(x, float), "w_src": np.array(w, float)}
        exec(code, space)
        return np.asarray(space["y"])
    name = {"tf": "tensorflow"}.get(convention, convention)
    answer = oracles[name]("snippet", code, x, w)
    assert answer["ok"], (answer, code)
    return np.array(answer["y"])


@pytest.mark.parametrize("source, target", PAIRS)
@SETTINGS
@given(data=st.data())
def test_translation_is_proved_and_runs_the_same_in_both_frameworks(oracles, source, target, data):
    sizes, kernel, params = data.draw(source_calls(source))
    try:
        t = translate(source, target, sizes, kernel, **params)
    except SymconvError:
        assume(False)  # the source call itself is invalid: nothing to translate
    assert t.proof.equal, t.to_text()
    rank = len(sizes)
    rng = np.random.default_rng(data.draw(st.integers(0, 2**16)))
    x = rng.integers(-3, 4, (1, 1, *sizes))
    w = rng.integers(-3, 4, (1, 1, *kernel))
    if source in LAST:
        x = np.moveaxis(x, 1, -1)
        w = np.transpose(w, (*range(2, rank + 2), 1, 0))  # (*k, out, in) / (*k, I, O) alike
    want = run_source(source, oracles, x.tolist(), w.tolist(), params, rank)
    got = run_snippet(target, oracles, t.to_code(), x.tolist(), w.tolist())
    assert got.shape == want.shape, t.to_code()
    assert np.array_equal(got, want), (t.to_code(), got, want)


def test_the_keras_same_output_padding_case_translated_to_pytorch():
    t = translate("keras", "torch", 2, 3, strides=2, padding="same", output_padding=1)
    assert t.proof.equal and not t.exact
    assert t.target.params["padding"] == [0] and t.extra == [(0, 1)]
    assert "cut 1 at the end" in t.to_text()
    assert "output_padding < max(stride, dilation)" in " ".join(t.notes)


def test_an_exact_translation_needs_no_extra_crop():
    t = translate("torch", "onnx", [3, 3], [3, 3], stride=2, padding=1, output_padding=1)
    assert t.exact and t.proof.equal
    assert t.target.params["pads"] == [1, 1, 0, 0] and t.target.params["output_padding"] == [0, 0]


@pytest.mark.parametrize(
    "kwargs, parameter",
    [
        (dict(source="torch", target="mxnet", input_size=2, kernel_size=3), "target"),
        (dict(source="keras", target="torch", input_size=2, kernel_size=3, pads=[1]), "pads"),
        (dict(source="tf", target="torch", input_size=2, kernel_size=3, strides=2), "output_shape"),
    ],
)
def test_bad_requests_name_the_parameter(kwargs, parameter):
    with pytest.raises(SymconvError) as caught:
        translate(**kwargs)
    assert caught.value.parameter == parameter


@pytest.mark.parametrize("source, target", [("keras", "torch"), ("jax", "tf"), ("torch", "onnx")])
def test_the_appendix_section_compiles_without_overfull_boxes(tmp_path, source, target):
    params = {
        "keras": dict(strides=2, padding="same", output_padding=1),
        "jax": dict(strides=[2, 1], padding=[(2, 4), (0, 0)]),
        "torch": dict(stride=2, padding=1, output_padding=1),
    }[source]
    sizes = [3, 3] if source == "jax" else 3
    section = translate(source, target, sizes, [3, 3] if source == "jax" else 3, **params)
    document = "\\documentclass{article}\n\\begin{document}\n" + section.to_latex()
    log = compile_log(document + "\\end{document}\n", tmp_path)
    assert log_problems(log) == []
    assert "$(b, e) = " in section.to_latex() and "\\_" in section.to_latex()


def test_an_inexact_translation_shows_the_smallest_case_that_differs():
    t = translate("keras", "torch", 2, 3, strides=2, padding="same", output_padding=1)
    (case,) = [n for n in t.notes if n.startswith("smallest case")]
    assert case.startswith("smallest case, input 1: keras gives [")
    source, target = case.split(" gives ")[1:]
    assert source.count("*") == 2 and target.count("*") == 3  # 2 cells kept, 3 without the crop
