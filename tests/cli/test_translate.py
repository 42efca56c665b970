"""``symconv translate`` on the command line: each format, the framework's own names in errors."""

import json

import pytest


def test_the_keras_same_case_in_pytorch_terms(cli):
    status, out, err = cli("translate", "--from", "keras", "--to", "torch", "--input", "2",
                           "--kernel", "3", "--stride", "2", "--padding", "same",
                           "--output-padding", "1")  # fmt: skip
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "keras strides=[2], padding='same', output_padding=[1]"
    assert lines[1].endswith("then axis 1: cut 1 at the end")
    assert lines[-1].startswith("proof: equal entry by entry")


def test_json_and_code_formats(cli):
    args = ["translate", "--from", "torch", "--to", "jax", "--input", "4x4", "--kernel", "3x3",
            "--stride", "2", "--padding", "1"]  # fmt: skip
    status, out, _ = cli(*args, "--format", "json")
    data = json.loads(out)
    assert status == 0 and data["exact"] and data["proof"]["equal"]
    assert data["target"]["params"]["padding"] == [[1, 1], [1, 1]]
    status, code, _ = cli(*args, "--format", "code")
    assert "lax.conv_transpose(x, w, (2, 2), [(1, 1), (1, 1)]" in code
    compile(code, "snippet", "exec")


def test_zeros_beyond_the_canvas_are_appended(cli):
    status, out, _ = cli("translate", "--from", "jax", "--to", "torch", "--input", "3",
                         "--kernel", "3", "--padding", "2:4")  # fmt: skip
    assert status == 0
    assert "append 2 zeros at the end" in out and "(7 entries" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["--from", "keras", "--padding", "1"], "padding: must be one of same, valid"),
        (["--from", "jax", "--output-padding", "1"], "jax has no output_padding"),
        (["--from", "tf", "--stride", "2"], "output_shape: is needed"),
        (["--from", "torch", "--stride", "0"], "stride: must be an integer >= 1"),
    ],
)
def test_errors_name_the_frameworks_parameter(cli, args, message):
    status, out, err = cli("translate", "--to", "onnx", "--input", "2", "--kernel", "3", *args)
    assert status == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
