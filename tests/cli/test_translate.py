"""``symconv translate`` on the command line: each format, the framework's own names in errors."""

import json
import re

import pytest

import symconv


def test_the_keras_same_case_in_pytorch_terms(cli):
    status, out, err = cli("translate", "--from", "keras", "--to", "torch", "--input", "2",
                           "--kernel", "3", "--stride", "2", "--padding", "same",
                           "--output-padding", "1")  # fmt: skip
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "keras strides=2, padding='same', output_padding=1"
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


def test_the_source_call_reads_as_a_python_caller_writes_it(cli):
    # One number typed is one number, as symconv.translate(..., strides=2) prints it; a
    # value per axis stays a list.
    flags = ["--input", "3x3", "--kernel", "3", "--padding", "same", "--output-padding", "1"]
    _, out, _ = cli("translate", "--from", "keras", "--to", "torch", "--stride", "2", *flags)
    python = symconv.translate("keras", "torch", input_size=[3, 3], kernel_size=3, strides=2,
                               padding="same", output_padding=1)  # fmt: skip
    assert out.splitlines()[0] == python.to_text().splitlines()[0]
    assert out.splitlines()[0] == "keras strides=2, padding='same', output_padding=1"
    status, out, err = cli("translate", "--from", "keras", "--to", "torch", "--stride", "2x1",
                           *flags[:-1], "1x0")  # fmt: skip
    assert status == 0, err
    assert out.splitlines()[0] == "keras strides=[2, 1], padding='same', output_padding=[1, 0]"


def test_a_tensorflow_output_shape_of_one_number(cli):
    status, out, err = cli("translate", "--from", "tf", "--to", "onnx", "--input", "3",
                           "--kernel", "3", "--stride", "2", "--padding", "VALID",
                           "--output-shape", "7")  # fmt: skip
    assert status == 0, err
    # TensorFlow takes strides as one int, but its output_shape is always a list
    assert out.splitlines()[0] == "tf strides=2, padding='VALID', output_shape=[7]"
    assert out.splitlines()[-1].startswith("proof: equal entry by entry")


@pytest.mark.parametrize("rank, axes", [(1, "(2,)"), (2, "(2, 3)")])
def test_code_writes_tuples_as_python_does(cli, rank, axes):
    size = "x".join(["3"] * rank)
    status, code, _ = cli("translate", "--from", "torch", "--to", "jax", "--input", size,
                          "--kernel", size, "--stride", "2", "--format", "code")  # fmt: skip
    assert status == 0
    assert f"axis={axes})" in code
    assert re.search(r"\d, \d+,\)", code) is None  # no (2, 3,)
    compile(code, "snippet", "exec")


@pytest.mark.parametrize(
    "source, first",
    [("keras", "keras strides=2"), ("onnx", "onnx strides=[2]"), ("jax", "jax strides=[2], ")],
)
def test_one_number_is_written_as_the_frameworks_call_takes_it(cli, source, first):
    status, out, err = cli("translate", "--from", source, "--to", "torch", "--input", "2",
                           "--kernel", "3", "--stride", "2")  # fmt: skip
    assert status in (0, 1), err
    assert out.splitlines()[0].startswith(first)
