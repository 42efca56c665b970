"""``--convention onnx``: ONNX's auto_pad, pads, output_shape and output_padding on the CLI.

Each case is checked against the onnx package's reference ConvTranspose on integer data.
"""

import html
import json

import numpy as np
import pytest
import sympy
from onnx.reference.ops.op_conv_transpose import ConvTranspose

from tests.tex_tools import compile_log, log_problems

CASES = [
    (["--padding", "SAME_UPPER"], dict(auto_pad="SAME_UPPER")),
    (["--padding", "SAME_LOWER"], dict(auto_pad="SAME_LOWER")),
    (["--padding", "VALID"], dict(auto_pad="VALID")),
    (["--output-shape", "8"], dict(output_shape=[8])),
    (["--pads", "1,0"], dict(pads=[1, 0])),
    (["--pads", "1,1", "--output-padding", "1"], dict(pads=[1, 1], output_padding=[1])),
]


@pytest.mark.parametrize("flags, attributes", CASES)
def test_onnx_convention_matches_the_reference(cli, flags, attributes):
    status, out, err = cli(
        "derive",
        "--convention",
        "onnx",
        "--input",
        "3",
        "--kernel",
        "3",
        "--stride",
        "2",
        "--format",
        "json",
        *flags,
    )
    assert status == 0, err
    values = json.loads(out)["output"]["values"]
    x, w = np.array([[[2.0, -1.0, 3.0]]]), np.array([[[1.0, 10.0, 100.0]]])
    names = {sympy.Symbol(f"x{i + 1}"): x[0, 0, i] for i in range(3)}
    names |= {sympy.Symbol(f"w{i + 1}"): w[0, 0, i] for i in range(3)}
    ours = [float(sympy.sympify(v).xreplace(names)) for v in values]
    reference = ConvTranspose.eval(x, w, strides=[2], **attributes)
    assert ours == reference.ravel().tolist()


def test_onnx_size_and_errors(cli):
    status, _, err = cli(
        "size", "--convention", "onnx", "--input", "2", "--kernel", "3", "--padding", "FULL"
    )
    assert status == 2 and err.startswith("symconv: error: --padding: must be one of NOTSET")


SAME_SIZE = ["size", "--input", "2", "--kernel", "3", "--stride", "2", "--padding"]


def test_onnx_size_says_which_window_of_the_canvas_it_keeps(cli):
    status, upper, err = cli(*SAME_SIZE, "SAME_UPPER", "--convention", "onnx")
    assert status == 0, err
    assert upper == (
        "O = 2*(2 - 1) + 3 - (0 + 1) = 4; "
        "keeps cells 0 to 3 of the 5-cell canvas (0 cut at the start, 1 at the end)\n"
    )
    # the same window in the same words as Keras' same, which keeps it too
    _, keras, _ = cli(*SAME_SIZE, "same", "--convention", "keras")
    assert upper.split("; ")[1] == keras.split("; ")[1]
    _, lower, _ = cli(*SAME_SIZE, "SAME_LOWER", "--convention", "onnx")
    assert lower.endswith(
        "; keeps cells 1 to 4 of the 5-cell canvas (1 cut at the start, 0 at the end)\n"
    )


def test_onnx_size_says_the_zeros_beyond_the_canvas_per_axis(cli):
    status, out, err = cli(
        "size", "--convention", "onnx", "--input", "3x2", "--kernel", "3", "--stride", "2",
        "--output-shape", "9x6",
    )
    assert status == 0, err
    first, second = out.splitlines()
    assert first.startswith("O_h = ") and first.endswith(
        "= 9; keeps cells 0 to 6 of the 7-cell canvas "
        "(0 cut at the start, 0 at the end; 1 zero put before, 1 zero appended after)"
    )
    assert second.startswith("O_w = ") and second.endswith(
        "= 6; keeps cells 0 to 4 of the 5-cell canvas "
        "(0 cut at the start, 0 at the end; 1 zero appended after)"
    )


@pytest.mark.parametrize(
    "convention, flags, line",
    [
        (
            "keras",
            ["--padding", "valid"],
            "O = I*s + max(k - s, 0) = 2*2 + max(3 - 2, 0) = 5",
        ),
        (
            "keras",
            ["--padding", "same", "--output-padding", "1"],
            "O = (I - 1)*s + k % 2 + output_padding = (2 - 1)*2 + 3 % 2 + 1 = 4",
        ),
        (
            "keras",
            ["--padding", "same", "--output-padding", "1", "--dilation", "2"],
            "O = (I - 1)*s + (d*(k - 1) + 1) % 2 + output_padding"
            " = (2 - 1)*2 + (2*(3 - 1) + 1) % 2 + 1 = 4",
        ),
        (
            "jax",
            ["--padding", "VALID", "--dilation", "2"],
            "O = I*s + max(d*(k - 1) + 1 - s, 0) = 2*2 + max(2*(3 - 1) + 1 - 2, 0) = 7",
        ),
        (
            "jax",
            ["--padding", "2:4"],
            "O = s*(I - 1) + lo + hi - k + 2 = 2*(2 - 1) + 2 + 4 - 3 + 2 = 7",
        ),
    ],
)
def test_framework_size_lines_write_the_kernel_size_as_k(cli, convention, flags, line):
    status, out, err = cli(
        "size", "--convention", convention, "--input", "2", "--kernel", "3", "--stride", "2",
        *flags,
    )
    assert status == 0, err
    assert out.split("; ")[0] == line


#: A framework convention's flags, and the call its worked example must name.
CALLS = {
    "keras": (
        ["--padding", "same", "--output-padding", "1"],
        "Keras",
        'keras.ops.conv_transpose(I, K, strides=[2, 2], padding="same", output_padding=[1, 1])',
    ),
    "tf": (
        ["--padding", "SAME", "--output-shape", "4x4"],
        "TensorFlow",
        'tf.nn.conv_transpose(I, K, [1, 4, 4, 1], strides=[2, 2], padding="SAME")',
    ),
    "jax": (
        ["--padding", "SAME"],
        "JAX",
        'lax.conv_transpose(I, K, (2, 2), "SAME", rhs_dilation=(1, 1))',
    ),
    "onnx": (
        ["--pads", "1,0,0,1", "--dilation", "2x1"],
        "ONNX",
        "ConvTranspose.eval(I, K, strides=[2, 2], pads=[1, 0, 0, 1], dilations=[2, 1])",
    ),
}
EXAMPLE = ["example", "--input", "2x2", "--kernel", "3x3", "--stride", "2"]


@pytest.mark.parametrize("convention", sorted(CALLS))
def test_a_worked_example_names_the_framework_call(cli, convention):
    flags, framework, call = CALLS[convention]
    args = [*EXAMPLE, "--convention", convention, *flags]
    status, tex, err = cli(*args, "--form", "fragment")
    assert status == 0, err
    said = f"This is the transposed convolution {framework} computes as \\texttt{{"
    start = tex.index(said)
    assert start < tex.index(r"\begin{pmatrix}")  # with the configuration, before any grid
    assert tex[start + len(said) :].startswith(call.replace("_", r"\_") + "}.")
    status, page, err = cli(*args, "--form", "html")
    assert status == 0, err
    assert f"{framework} computes as <code>{html.escape(call)}</code>." in page
    status, text, err = cli(*args, "--form", "markdown", "--no-figures")
    assert status == 0, err
    assert f"{framework} computes as `{call}`." in text


def test_pytorch_examples_name_no_other_call(cli):
    for args in (["--preset", "example-2d-s1"], ["--input", "2", "--kernel", "3"]):
        status, tex, _ = cli("example", *args, "--form", "article")
        assert status == 0 and "computes as" not in tex and "texttt" not in tex


@pytest.mark.parametrize("form, width", [("article", "40"), ("beamer", "40"), ("article", "24")])
def test_the_named_call_typesets_within_the_line(cli, tmp_path, form, width):
    flags, _, _ = CALLS["keras"]
    status, tex, err = cli(*EXAMPLE, "--convention", "keras", *flags, "--form", form,
                           "--width", width)  # fmt: skip
    assert status == 0, err
    assert log_problems(compile_log(tex, tmp_path)) == []
