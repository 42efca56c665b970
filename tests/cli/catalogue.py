"""The catalogue of bad inputs: each row is tested, and printed as a table for the issue note.

    python -m tests.cli.catalogue  # the table: input, message, exit status

API rows call symconv and must raise SymconvError naming the parameter; command-line
rows run ``symconv`` and must exit 2 with one line on stderr naming the parameter.
"""

from __future__ import annotations

import math

import symconv

X = [[1, 2, 3]]
W = [[[1, 1]]]
XO = [[[1, 2, 3]]]


def api(call):
    return ("api", call)


def cli(*argv):
    return ("cli", list(argv))


ROWS = [
    # (what, surface, parameter the message must name)
    ("stride 0", api(lambda: symconv.conv_transpose(X, W, stride=0)), "stride"),
    ("stride -1", api(lambda: symconv.conv_transpose(X, W, stride=-1)), "stride"),
    ("stride 1.5", api(lambda: symconv.conv_transpose(X, W, stride=1.5)), "stride"),
    ("stride '2'", api(lambda: symconv.conv_transpose(X, W, stride="2")), "stride"),
    ("stride NaN", api(lambda: symconv.conv_transpose(X, W, stride=math.nan)), "stride"),
    ("dilation 0", api(lambda: symconv.conv_transpose(X, W, dilation=0)), "dilation"),
    ("dilation inf", api(lambda: symconv.conv_transpose(X, W, dilation=math.inf)), "dilation"),
    ("kernel size 0", api(lambda: symconv.make_geometry(3, 0)), "kernel_size"),
    ("input size -2", api(lambda: symconv.make_geometry(-2, 3)), "input_size"),
    ("padding -1", api(lambda: symconv.conv_transpose(X, W, padding=-1)), "padding"),
    ("padding leaves no output", api(lambda: symconv.conv_transpose(X, W, padding=3)), "padding"),
    (
        "output_padding = stride",
        api(lambda: symconv.conv_transpose(X, W, stride=2, output_padding=2)),
        "output_padding",
    ),
    (
        "output_padding -1",
        api(lambda: symconv.conv_transpose(X, W, output_padding=-1)),
        "output_padding",
    ),
    (
        "stride for 2 dims on 1-D",
        api(lambda: symconv.conv_transpose(X, W, stride=(1, 2))),
        "stride",
    ),
    ("input rank != weight rank", api(lambda: symconv.conv_transpose([[[[1]]]], W)), "input"),
    ("weight without channels", api(lambda: symconv.conv_transpose(X, [1, 1])), "weight"),
    (
        "groups 2 with 3 channels",
        api(lambda: symconv.conv_transpose([[1], [2], [3]], [[[1]], [[1]], [[1]]], groups=2)),
        "groups",
    ),
    ("groups 0", api(lambda: symconv.conv_transpose(X, W, groups=0)), "groups"),
    (
        "weight channels != input channels",
        api(lambda: symconv.conv_transpose([[1, 2], [3, 4]], W)),
        "weight",
    ),
    ("ragged input", api(lambda: symconv.conv_transpose([[1, 2], [3]], W)), "input"),
    ("NaN element", api(lambda: symconv.conv_transpose([[1, math.nan]], W)), "input"),
    ("infinite element", api(lambda: symconv.conv_transpose([[1, math.inf]], W)), "input"),
    ("object element", api(lambda: symconv.conv_transpose([[1, object()]], W)), "input"),
    ("empty input", api(lambda: symconv.conv_transpose([], W)), "input"),
    ("bias of wrong length", api(lambda: symconv.conv_transpose(X, W, bias=[1, 2])), "bias"),
    ("unknown method", api(lambda: symconv.conv_transpose(X, W, method="fft")), "method"),
    ("unknown preset", api(lambda: symconv.preset("seed-3d")), "preset"),
    ("symbol name with TeX", api(lambda: symconv.symbols_array("w}\\input", 2)), "name"),
    (
        "ONNX pads of wrong length",
        api(lambda: symconv.onnx_conv_transpose(XO, W, pads=[1])),
        "pads",
    ),
    (
        "ONNX pads with auto_pad",
        api(lambda: symconv.onnx_conv_transpose(XO, W, pads=[0, 0], auto_pad="SAME_UPPER")),
        "pads",
    ),
    (
        "ONNX unknown auto_pad",
        api(lambda: symconv.onnx_conv_transpose(XO, W, auto_pad="SAME")),
        "auto_pad",
    ),
    ("ONNX negative pads", api(lambda: symconv.onnx_conv_transpose(XO, W, pads=[-1, 0])), "pads"),
    (
        "ONNX output_padding not below stride or dilation",
        api(lambda: symconv.onnx_conv_transpose(XO, W, output_padding=[1])),
        "output_padding",
    ),
    ("dilation 1.5", api(lambda: symconv.conv_transpose(X, W, dilation=1.5)), "dilation"),
    ("dilation 'two'", api(lambda: symconv.conv_transpose(X, W, dilation="two")), "dilation"),
    ("kernel size 1.5", api(lambda: symconv.make_geometry(3, 1.5)), "kernel_size"),
    ("kernel size -1", api(lambda: symconv.make_geometry(3, -1)), "kernel_size"),
    ("kernel size 'k'", api(lambda: symconv.make_geometry(3, "k")), "kernel_size"),
    ("input size 0", api(lambda: symconv.make_geometry(0, 2)), "input_size"),
    ("input size 2.5", api(lambda: symconv.make_geometry(2.5, 2)), "input_size"),
    ("input size None", api(lambda: symconv.make_geometry(None, 2)), "input_size"),
    (
        "notation that is not a Notation",
        api(lambda: symconv.render_latex(symconv.preset("example-1d"), notation="x")),
        "notation",
    ),
    (
        "worked example of a 4-D input",
        api(lambda: symconv.render_latex(symconv.derive_symbolic((2, 1, 1, 1), 1))),
        "input",
    ),
    ("CLI stride 0", cli("size", "--input", "2x2", "--kernel", "3x3", "--stride", "0"), "stride"),
    ("CLI shape '2x'", cli("size", "--input", "2x", "--kernel", "3"), "--input"),
    ("CLI shape 'x2'", cli("size", "--input", "x2", "--kernel", "3"), "--input"),
    ("CLI shape '2xx2'", cli("size", "--input", "2xx2", "--kernel", "3"), "--input"),
    ("CLI shape ''", cli("size", "--input", "", "--kernel", "3"), "--input"),
    ("CLI shape '1e3'", cli("size", "--input", "1e3", "--kernel", "3"), "--input"),
    (
        "CLI stride 'nan'",
        cli("size", "--input", "2", "--kernel", "3", "--stride", "nan"),
        "--stride",
    ),
    (
        "CLI per-dimension count mismatch",
        cli("size", "--input", "2x2", "--kernel", "3x3x3"),
        "--kernel",
    ),
    ("CLI missing --kernel", cli("size", "--input", "2"), "--kernel"),
    (
        "CLI output_padding too big",
        cli("size", "--input", "2", "--kernel", "3", "--stride", "2", "--output-padding", "2"),
        "--output-padding",
    ),
    (
        "CLI padding leaves no output",
        cli("size", "--input", "1", "--kernel", "1", "--padding", "1"),
        "padding",
    ),
    ("CLI unknown preset", cli("size", "--preset", "nope"), "--preset"),
    ("CLI unknown method", cli("derive", "--preset", "example-1d", "--method", "fft"), "--method"),
    ("CLI unknown form", cli("example", "--preset", "example-1d", "--form", "poster"), "--form"),
    ("CLI unknown subcommand", cli("frobnicate"), "COMMAND"),
    (
        "CLI hostile symbol name",
        cli("derive", "--input", "2", "--kernel", "2", "--input-name", "x}\\input{/etc/passwd}"),
        "--input-name",
    ),
    (
        "CLI output in missing folder",
        cli("size", "--preset", "example-1d", "-o", "{tmp}/missing/out.txt"),
        "-o",
    ),
    (
        "CLI existing output file",
        cli("size", "--preset", "example-1d", "-o", "{tmp}/exists.txt"),
        "-o",
    ),
    (
        "CLI output in a read-only folder",
        cli("size", "--preset", "example-1d", "-o", "/sys/symconv-out.txt"),
        "-o",
    ),
    (
        "CLI --force onto a folder",
        cli("size", "--preset", "example-1d", "-o", "{tmp}", "--force"),
        "-o",
    ),
    (
        "CLI hand-derivation with an unclosed bracket",
        cli("check", "--preset", "example-1d", "{tmp}/unclosed.txt"),
        "result",
    ),
    (
        "CLI empty hand-derivation file",
        cli("check", "--preset", "example-1d", "{tmp}/empty.txt"),
        "FILE",
    ),
    (
        "CLI unreadable hand-derivation file",
        cli("check", "--preset", "example-1d", "{tmp}/no-such-file.txt"),
        "FILE",
    ),
]


def prepare(folder) -> None:
    """Create the files some rows expect in the temporary folder."""
    (folder / "exists.txt").write_text("keep me\n")
    (folder / "empty.txt").write_text("")
    (folder / "unclosed.txt").write_text("[[x1*w2, x1*w3 + x2*w1], [x2*w2]\n")


def argv_in(argv: list[str], folder) -> list[str]:
    return [a.replace("{tmp}", str(folder)) for a in argv]


def table() -> str:
    """Run every row in a temporary folder and format input, message and exit status."""
    import contextlib
    import io
    import tempfile
    from pathlib import Path

    from symconv.cli.main import main

    lines = ["| # | input | message | exit |", "| --- | --- | --- | --- |"]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        prepare(folder)
        for n, (what, (surface, action), _) in enumerate(ROWS, 1):
            if surface == "api":
                try:
                    action()
                    message, status = "(no error)", "-"
                except symconv.SymconvError as error:
                    message, status = f"SymconvError: {error}", "exception"
            else:
                err = io.StringIO()
                with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                    status = main(argv_in(action, folder))
                message = err.getvalue().strip().replace(str(folder), "$TMP")
            message = message.replace("|", "\\|")
            lines.append(f"| {n} | {what} | `{message}` | {status} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
