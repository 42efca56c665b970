"""Interrupted work leaves nothing behind; every command's output is byte-identical across runs."""

import os
import re
import subprocess
import sys

import pytest

import symconv
from symconv.cli import files
from symconv.cli.main import COMMANDS as SUBCOMMANDS
from symconv.cli.main import main
from symconv.views import scatter
from tests.tex_tools import require_tool


def test_interrupt_during_write_leaves_no_file(tmp_path, monkeypatch, capsys):
    target = tmp_path / "out.txt"

    def interrupted(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "link", interrupted)
    status = main(["size", "--preset", "example-1d", "-o", str(target)])
    assert status == 130
    assert "interrupted" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_during_a_derivation_exits_130_and_leaves_no_file(tmp_path, monkeypatch, cli):
    # Ctrl-C while the output is being derived: the scatter view, which the derivation
    # calls through its module, is interrupted before anything is written.
    reached = []

    def interrupted(*args):
        reached.append(args)
        raise KeyboardInterrupt

    monkeypatch.setattr(scatter, "transpose", interrupted)
    argv = ["derive", "--input", "3x3", "--kernel", "2x2", "--stride", "2", "--format", "json"]
    try:
        status, out, err = cli(*argv, "-o", str(tmp_path / "out.json"))
    except KeyboardInterrupt:
        pytest.fail("Ctrl-C escaped main() instead of ending with exit status 130")
    assert reached, "the derivation never reached the interrupted view"
    assert status == 130
    assert out == "" and err == "symconv: interrupted\n" and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


COMMANDS = [
    ["derive", "--preset", "example-2d-s1", "--format", "json"],
    ["derive", "--input", "3x2", "--kernel", "2x2", "--stride", "2", "--format", "latex"],
    [
        "derive",
        "--input",
        "3",
        "--kernel",
        "2",
        "--in-channels",
        "2",
        "--out-channels",
        "2",
        "--groups",
        "2",
        "--format",
        "json",
    ],
    ["matrix", "--preset", "example-1d", "--format", "latex"],
    ["verify", "--input", "2x2", "--kernel", "3x3", "--stride", "2", "--padding", "1"],
    ["size", "--input", "4x4", "--kernel", "3x3", "--stride", "2", "--padding", "1"],
    ["analyze", "--preset", "example-2d-s2"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=[" ".join(a[:2]) for a in COMMANDS])
def test_same_request_same_bytes_across_hash_seeds(argv):
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        result = subprocess.run(
            [sys.executable, "-m", "symconv", *argv], capture_output=True, env=env, check=True
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
    assert outputs.pop().strip()


def test_a_closed_pipe_ends_quietly():
    result = subprocess.run(
        f"{sys.executable} -m symconv derive --input 40x40 --kernel 3x3 --format json | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert len(result.stdout) == 10
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_existing_file_created_meanwhile_is_not_replaced(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    real_open = files.os.open

    def racing_open(name, *args):  # another program writes the target just before us
        target.write_text("theirs")
        return real_open(name, *args)

    monkeypatch.setattr(files.os, "open", racing_open)
    with pytest.raises(symconv.SymconvError, match="file exists"):
        files.write_file(target, b"ours")
    assert target.read_text() == "theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_no_pdf_is_left_when_the_tex_cannot_be_written(tmp_path, monkeypatch, capsys):
    require_tool("pdflatex")
    from symconv.cli import output

    def refused(*_):
        raise symconv.SymconvError("-o", "cannot write (disk full)")

    monkeypatch.setattr(output, "write_output", refused)
    tex = tmp_path / "out.tex"
    status = main(["example", "--preset", "example-1d", "-o", str(tex), "--pdf"])
    assert status == 2 and "disk full" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_force_never_replaces_a_pipe_or_device(tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    status = main(["size", "--preset", "example-1d", "-o", str(fifo), "--force"])
    assert status == 2 and "not a regular file" in capsys.readouterr().err
    assert fifo.is_fifo()


@pytest.mark.parametrize(
    "flags",
    [["--stride", "3"], ["--padding", "0"], ["--input-name", "u"], ["--base", "0"], ["--letters"]],
)
def test_a_preset_refuses_configuration_flags(flags, capsys):
    assert main(["derive", "--preset", "example-1d", *flags]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--preset" in err and flags[0] in err


def test_input_and_kernel_names_must_give_different_symbols(capsys):
    argv = ["derive", "--input", "2", "--kernel", "3", "--input-name", "w", "--kernel-name", "w"]
    assert main(argv) == 2
    assert "--kernel-name" in capsys.readouterr().err
    with pytest.raises(symconv.SymconvError, match="apart from the input"):
        symconv.derive_symbolic(2, 2, input_name="x", kernel_name="x")


@pytest.mark.parametrize(
    "names, letters",
    [(("x", "x1"), False), (("x1", "x"), False), (("x", "x11"), False), (("x", "xi"), None)],
)
def test_names_written_with_one_letter_are_refused(names, letters, capsys):
    # x_{11} (kernel x1) beside x_{1} (input x) would read as an input element
    argv = ["derive", "--input", "2", "--kernel", "3", "--input-name", names[0]]
    argv += ["--kernel-name", names[1], *(["--letters"] if letters else [])]
    status = main(argv)
    err = capsys.readouterr().err
    if letters is None:  # x and xi print as x and \xi: apart
        assert status == 0 and not err
    else:
        assert status == 2 and err.count("\n") == 1
        assert "--kernel-name" in err and "written with the letter" in err


def test_letters_leave_out_the_kernels_letter(cli):
    # 25 letters would reach w; with the kernel named w they run a..v, x, y, z instead
    status, out, err = cli("derive", "--input", "5x5", "--kernel", "2x2", "--letters")
    assert status == 0, err
    assert out.splitlines()[1].startswith("[a*w11, a*w12 + b*w11,")
    assert "z*w22]" in out and not re.search(r"\bw\*", out)
    argv = ["derive", "--input", "2", "--kernel", "2", "--letters", "--kernel-name", "a"]
    status, out, err = cli(*argv)
    assert status == 0 and out == "O = [b*a1, b*a2 + c*a1, c*a2]\n", err


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_help_names_the_source_document_by_its_title(command, capsys):
    # "seed" is only the random seed of exercise sheets, never the source document
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert not re.search(r"seed (document|example|order)|seed's|the seed\b", text, re.I)


@pytest.mark.parametrize(
    "argv, line",
    [
        (["derive", "--stride", "-1"], "--stride: must be whole numbers >= 1 (got '-1')"),
        (["derive", "--padding", "-1"], "--padding: must be whole numbers >= 0 (got '-1')"),
        (["derive", "--stride", "0"], "--stride: must be an integer >= 1 (got '0')"),
        (
            ["size", "--input", "2x2", "--stride", "2x0"],
            "--stride: must be an integer >= 1 (got '2x0')",
        ),
        (
            ["derive", "--convention", "jax", "--padding", "2:x"],
            "--padding: must be lo:hi pairs joined by 'x', like 2:1x0:1 (got '2:x')",
        ),
        (
            ["derive", "--convention", "onnx", "--padding", "same"],
            "--padding: must be one of NOTSET, SAME_UPPER, SAME_LOWER, VALID (got 'SAME')",
        ),
        (
            ["size", "--convention", "tf", "--stride", "2", "--output-shape", "9"],
            "--output-shape: axis 1: TensorFlow needs floor((O + pads - k) / s) + 1 = I "
            "(O = 9, pads = 0, k = 3, s = 2, I = 2) (got 9)",
        ),
        (
            ["size", "--convention", "tf", "--dilation", "2", "--output-shape", "4"],
            "--output-shape: axis 1: TensorFlow needs "
            "floor((O + pads - d*(k - 1) - 1) / s) + 1 = I "
            "(O = 4, pads = 0, d = 2, k = 3, s = 1, I = 2) (got 4)",
        ),
        (
            ["derive", "--convention", "keras", "--output-padding", "5"],
            "--output-padding: Keras asks for O = 9, but TensorFlow needs "
            "floor((O + pads - k) / s) + 1 = I (O = 9, pads = 0, k = 3, s = 1, I = 2)",
        ),
    ],
)
def test_bad_values_name_the_flag_and_the_rule_as_typed(argv, line, capsys):
    command, *flags = argv
    assert main([command, "--input", "2", "--kernel", "3", *flags]) == 2  # a later --input wins
    assert capsys.readouterr().err == f"symconv: error: {line}\n"


@pytest.mark.parametrize("spelling", ["zero_insertion", "zero-insertion"])
def test_a_view_is_named_alike_everywhere(spelling, cli):
    status, out, _ = cli("derive", "--preset", "example-1d", "--method", spelling)
    assert status == 0 and out == "O = [x1*w2, x1*w3 + x2*w1, x2*w2]\n"
    frames = symconv.animation_frames(symconv.preset("example-1d"), spelling)
    assert frames == symconv.animation_frames(symconv.preset("example-1d"), "zero_insertion")
    assert symconv.conv_transpose([[1, 2]], [[[1, 10, 100]]], method=spelling).tolist() == [
        [1, 12, 120, 200]
    ]
