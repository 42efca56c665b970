"""``--convention onnx``: ONNX's auto_pad, pads, output_shape and output_padding on the CLI.

Each case is checked against the onnx package's reference ConvTranspose on integer data.
"""

import json

import numpy as np
import pytest
import sympy
from onnx.reference.ops.op_conv_transpose import ConvTranspose

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
    status, out, _ = cli(
        "size",
        "--convention",
        "onnx",
        "--input",
        "2",
        "--kernel",
        "3",
        "--stride",
        "2",
        "--padding",
        "SAME_UPPER",
    )
    assert status == 0 and out.strip().endswith("= 4")
    status, _, err = cli(
        "size", "--convention", "onnx", "--input", "2", "--kernel", "3", "--padding", "FULL"
    )
    assert status == 2 and err.startswith("symconv: error: --padding: must be one of NOTSET")
