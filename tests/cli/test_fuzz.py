"""Fuzzing: every input gives a correct result (checked against PyTorch) or a SymconvError."""

import math
import os

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import symconv
from symconv import SymconvError
from symconv.cli.main import main

SCALARS = st.one_of(
    st.integers(-1, 3),
    st.integers(0, 2),
    st.sampled_from([1.5, 2.0, math.nan, math.inf, "2", None, True, b"1", object()]),
)
PARAMETER = st.one_of(
    st.integers(0, 2),
    SCALARS,
    st.lists(st.integers(-1, 3), min_size=0, max_size=3),
    st.lists(st.tuples(st.integers(-1, 2), st.integers(-1, 2)), min_size=1, max_size=3),
)


def filled(draw, shape, corrupt):
    size = math.prod(shape)
    values = draw(st.lists(st.integers(-3, 3), min_size=size, max_size=size))
    if size and corrupt:
        values[draw(st.integers(0, size - 1))] = draw(
            st.sampled_from([math.nan, "a", "1/2", object(), [1], "x+", 0.5])
        )
    return np.array(values, dtype=object).reshape(shape).tolist() if size else []


@st.composite
def operands(draw, rank):
    """Input and weight: mostly coherent shapes, sometimes broken ones or bad elements."""
    if draw(st.integers(0, 4)) == 0:
        x_shape = tuple(draw(st.integers(0, 3)) for _ in range(draw(st.integers(1, rank + 2))))
        w_shape = tuple(draw(st.integers(0, 3)) for _ in range(draw(st.integers(1, rank + 2))))
    else:
        c_in = draw(st.integers(1, 3))
        spatial = tuple(draw(st.integers(1, 3)) for _ in range(rank))
        batch = draw(st.sampled_from([(), (1,), (2,)]))
        x_shape = (*batch, c_in, *spatial)
        w_shape = (c_in, draw(st.integers(1, 2)), *(draw(st.integers(1, 3)) for _ in range(rank)))
    corrupt = draw(st.integers(0, 9)) == 0
    return filled(draw, x_shape, corrupt), filled(draw, w_shape, False)


@settings(max_examples=1200, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.integers(1, 3),
    st.data(),
    st.fixed_dictionaries(
        {},
        optional={
            "stride": PARAMETER,
            "padding": PARAMETER,
            "output_padding": PARAMETER,
            "dilation": PARAMETER,
            "groups": st.one_of(st.integers(1, 3), SCALARS),
        },
    ),
    st.sampled_from(["scatter", "zero_insertion", "matrix", "scatter", "fft"]),
)
def test_api_gives_a_correct_result_or_a_symconv_error(rank, data, params, method):
    x, w = data.draw(operands(rank))
    try:
        y = symconv.conv_transpose(x, w, method=method, **params)
    except SymconvError as error:
        assert error.parameter and str(error).startswith(error.parameter)
        event(f"refused: {error.parameter}")
        return
    event("accepted")
    # Accepted: it must be what PyTorch computes (symbols given as strings evaluated at 1).
    x_array = symconv.to_array(x, "input")
    ones = {s: 1 for s in x_array.free_symbols}
    xs = np.array(x_array.xreplace(ones).tolist(), dtype=np.float64)
    ws = np.array(w, dtype=np.float64)
    y = y.xreplace(ones)
    ops = [F.conv_transpose1d, F.conv_transpose2d, F.conv_transpose3d]
    torch_params = dict(params)
    padding = torch_params.get("padding")
    if isinstance(padding, list) and padding and isinstance(padding[0], tuple):
        pairs = padding * (ws.ndim - 2) if len(padding) == 1 else padding
        if any(b != e for b, e in pairs):
            return  # asymmetric padding: PyTorch cannot express it (the ONNX tests cover it)
        torch_params["padding"] = [b for b, _ in pairs]
    expected = ops[ws.ndim - 3](torch.tensor(xs), torch.tensor(ws), **torch_params).numpy()
    assert np.array_equal(np.array(y.tolist(), dtype=np.float64), expected)


FLAGS = [
    "--input",
    "--kernel",
    "--stride",
    "--padding",
    "--output-padding",
    "--dilation",
    "--preset",
    "--method",
    "--format",
    "--pads",
    "--groups",
    "--in-channels",
    "--out-channels",
    "--letters",
    "--base",
    "--bogus",
    "-o",
]
VALUES = [
    "2",
    "2x2",
    "3x3",
    "0",
    "-1",
    "2x",
    "x2",
    "2xx2",
    "",
    "1e3",
    "nan",
    "example-1d",
    "example-2d-s1",
    "nope",
    "latex",
    "json",
    "text",
    "matrix",
    "1,0,1,0",
    "1x0",
    "5",
    "a",
]
COMMANDS = ["size", "derive", "matrix", "verify", "example", "check", "analyze", "frobnicate"]
OPTIONS = {
    "--stride": ["1", "2", "2x1", "0", "-1", "x"],
    "--padding": ["0", "1", "1x0", "5", "a"],
    "--output-padding": ["0", "1", "3"],
    "--dilation": ["1", "2", "0"],
    "--pads": ["1,0", "1,0,1,0", "1", "-1,0"],
    "--in-channels": ["1", "2", "0"],
    "--out-channels": ["1", "2", "3"],
    "--groups": ["1", "2", "3"],
    "--batch": ["1", "2"],
    "--method": ["scatter", "zero_insertion", "matrix", "fft"],
    "--format": ["text", "latex", "json", "pdf"],
    "--what": ["sizes", "overlap", "polyphase", "closed-form", "gradient", "all"],
    "--form": ["fragment", "article", "beamer"],
    "--which": ["C", "CT", "both"],
    "--max-terms": ["10", "100000", "0"],
    "--input-name": ["x", "u", "w", "}"],
    "--letters": [],
}


@st.composite
def command_lines(draw):
    """Mostly well-formed command lines with a few bad values, so most get past argparse."""
    command = draw(st.sampled_from(COMMANDS))
    if draw(st.booleans()):
        argv = [command, "--preset", draw(st.sampled_from(["example-1d", "example-2d-s1", "nope"]))]
    else:
        shape = draw(st.sampled_from(["2", "3", "2x2", "2x3", "2x", ""]))
        argv = [command, "--input", shape, "--kernel", draw(st.sampled_from(["2", "3", "2x2"]))]
    for flag in draw(st.lists(st.sampled_from(sorted(OPTIONS)), max_size=3, unique=True)):
        argv.append(flag)
        if OPTIONS[flag]:
            argv.append(draw(st.sampled_from(OPTIONS[flag])))
    if draw(st.integers(0, 9)) == 0:
        argv.insert(draw(st.integers(1, len(argv))), draw(st.sampled_from(FLAGS + VALUES)))
    return argv


@settings(max_examples=800, deadline=None, suppress_health_check=list(HealthCheck))
@given(argv=command_lines())
def test_command_line_never_raises(argv, tmp_path_factory, capsys):
    folder = tmp_path_factory.mktemp("run")
    if "-o" in argv:  # keep files out of the checkout
        argv = [*argv, str(folder / "out.txt")] if argv[-1] == "-o" else argv
    if argv[0] == "check":  # after -o's value: a trailing -o would take the file for its own
        (folder / "mine.txt").write_text("[x1*w2, x1*w3 + x2*w1, x2*w2]")
        argv = [*argv, str(folder / "mine.txt")]
    here = os.getcwd()
    os.chdir(folder)  # any file a command writes lands in the temporary folder
    try:
        status = main(argv)
    except SystemExit as exit_:  # only --help exits through argparse
        assert exit_.code == 0
        return
    finally:
        os.chdir(here)
    event(f"exit {status}")
    assert status in (0, 1, 2)
    err = capsys.readouterr().err
    if status == 2:
        assert err.count("\n") == 1 and err.startswith("symconv: error:")
        assert "Traceback" not in err


@pytest.mark.parametrize("stride", ["0", "-1", "1.5", "x", ""])
def test_bad_stride_on_the_command_line_is_one_line(stride, capsys):
    assert main(["size", "--input", "2x2", "--kernel", "3x3", "--stride", stride]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "stride" in err
