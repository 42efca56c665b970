"""The command line as a whole: help, exit statuses, shared flags and the output-file rules."""

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from symconv.cli.main import build_parser, main
from tests.tex_tools import require_tool


def subcommands():
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)


@pytest.mark.parametrize("command", subcommands())
def test_every_subcommand_help_exits_0_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out
    assert f"symconv {command} --" in out  # at least one runnable example line


def test_the_commands_this_issue_adds_are_registered():
    assert {"size", "derive", "matrix", "verify"} <= set(subcommands())


def test_bad_stride_is_one_line_naming_the_stride_and_exit_2():
    # As a new user runs it: the console script, a fresh process.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "symconv",
            "size",
            "--input",
            "2x2",
            "--kernel",
            "3x3",
            "--stride",
            "0",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "stride" in lines[0] and ">= 1" in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "argv, names",
    [
        (["derive", "--frobnicate"], "--frobnicate"),
        (["derive", "--input", "2", "--kernel", "3", "--format", "pdf"], "--format"),
        (["matrix", "--input", "2", "--kernel", "3", "--which", "D"], "--which"),
        (["verify", "--input", "2"], "--kernel"),
        (["derive", "--input", "2x", "--kernel", "3"], "--input"),
        (["derive", "--input", "2", "--kernel", "3", "--groups", "0"], "--groups"),
        (["derive", "--input", "2", "--kernel", "3", "--in-channels", "2x2"], "--in-channels"),
        (
            ["derive", "--input", "2", "--kernel", "3", "--in-channels", "3", "--groups", "2"],
            "--groups",
        ),
        (
            [
                "derive",
                "--input",
                "2",
                "--kernel",
                "3",
                "--out-channels",
                "3",
                "--in-channels",
                "2",
                "--groups",
                "2",
            ],
            "--out-channels",
        ),
        (["derive", "--input", "2", "--kernel", "3", "--max-terms", "0"], "--max-terms"),
        (["derive", "--input", "2", "--kernel", "3", "--padding", "5"], "padding"),
        (
            ["derive", "--input", "2", "--kernel", "3", "--stride", "2", "--output-padding", "2"],
            "--output-padding",
        ),
        (["derive", "--preset", "example-1d", "--input", "2"], "--preset"),
        (["derive", "--preset", "example-1d", "--pads", "1,1"], "--preset"),
    ],
)
def test_bad_input_is_one_line_naming_the_parameter_and_exit_2(argv, names, cli):
    status, out, err = cli(*argv)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("symconv: error:")
    assert names in err
    assert "Traceback" not in err


def test_pads_are_begin_per_dimension_then_end(cli):
    # ONNX order: x1_begin, x2_begin, x1_end, x2_end
    status, out, _ = cli(
        "size",
        "--input",
        "2x2",
        "--kernel",
        "3x3",
        "--stride",
        "2",
        "--pads",
        "1,0,1,2",
    )
    assert status == 0
    # canvas 2*(2-1) + 3 = 5 per axis; axis 1 loses 1 + 1, axis 2 loses 0 + 2
    assert out.splitlines() == [
        "O_h = 2*(2 - 1) + 3 - 2*1 = 3",
        "O_w = 2*(2 - 1) + 3 - (0 + 2) = 3",
    ]


def test_pads_crop_the_canvas_begin_and_end(cli):
    status, out, _ = cli(
        "derive", "--input", "2", "--kernel", "3", "--stride", "2", "--pads", "0,1"
    )
    assert status == 0
    # canvas [x1 w1, x1 w2, x1 w3 + x2 w1, x2 w2, x2 w3] without its last cell
    assert out == "O = [x1*w1, x1*w2, x1*w3 + x2*w1, x2*w2]\n"


@pytest.mark.parametrize(
    "pads, rule",
    [("=1,0,1", "must list 4 values"), ("=1;0", "joined by ','"), ("=-1,0,0,0", "joined")],
)
def test_bad_pads(pads, rule, cli):
    status, _, err = cli("size", "--input", "2x2", "--kernel", "3x3", "--pads" + pads)
    assert status == 2 and "--pads" in err and rule in err


def test_pads_and_padding_together_are_refused(cli):
    status, _, err = cli("size", "--input", "2", "--kernel", "3", "--padding", "1", "--pads", "1,1")
    assert status == 2 and "--pads: cannot be combined with --padding" in err


def test_padding_per_dimension(cli):
    status, out, _ = cli("size", "--input", "2x2", "--kernel", "3x3", "--padding", "1x0")
    assert status == 0
    assert out.splitlines()[0].endswith("= 2") and out.splitlines()[1].endswith("= 4")


# --- output files -------------------------------------------------------------------------


def files_in(folder):
    return sorted(p.name for p in folder.iterdir())


def test_output_file_is_written(tmp_path, cli):
    target = tmp_path / "seed.txt"
    status, out, _ = cli("derive", "--preset", "example-1d", "-o", str(target))
    assert status == 0 and out == ""
    assert target.read_text() == "O = [x1*w2, x1*w3 + x2*w1, x2*w2]\n"
    assert files_in(tmp_path) == ["seed.txt"]


def test_existing_file_is_refused_without_force(tmp_path, cli):
    target = tmp_path / "out.txt"
    target.write_text("keep me")
    status, out, err = cli("matrix", "--preset", "example-1d", "-o", str(target))
    assert status == 2 and out == ""
    assert "-o" in err and "--force" in err and err.count("\n") == 1
    assert target.read_text() == "keep me"
    assert files_in(tmp_path) == ["out.txt"]


def test_force_overwrites(tmp_path, cli):
    target = tmp_path / "out.txt"
    target.write_text("old")
    status, _, _ = cli("verify", "--preset", "example-1d", "-o", str(target), "--force")
    assert status == 0
    assert target.read_text().startswith("PASS  three views agree")
    assert files_in(tmp_path) == ["out.txt"]


def test_missing_folder_is_exit_2_and_no_file(tmp_path, cli):
    target = tmp_path / "no" / "such" / "out.txt"
    status, _, err = cli("derive", "--preset", "example-1d", "-o", str(target))
    assert status == 2 and "folder does not exist" in err and err.count("\n") == 1
    assert not (tmp_path / "no").exists()
    assert files_in(tmp_path) == []


def test_bad_input_with_output_file_leaves_no_file(tmp_path, cli):
    target = tmp_path / "out.txt"
    status, _, _ = cli(
        "derive", "--input", "2", "--kernel", "3", "--stride", "0", "-o", str(target)
    )
    assert status == 2
    assert files_in(tmp_path) == []


def test_failed_write_leaves_no_temporary_file(tmp_path, capsys, monkeypatch):
    def broken_replace(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    monkeypatch.setattr(os, "link", broken_replace)
    status = main(["derive", "--preset", "example-1d", "-o", str(tmp_path / "out.txt")])
    assert status == 2
    assert "-o: cannot write (disk full)" in capsys.readouterr().err
    assert files_in(tmp_path) == []


def test_output_is_deterministic(tmp_path, capsys):
    outputs = []
    for n in range(2):
        target = tmp_path / f"{n}.json"
        argv = [
            "derive",
            "--input",
            "2x2",
            "--kernel",
            "2x2",
            "--in-channels",
            "2",
            "--format",
            "json",
            "-o",
            str(target),
        ]
        assert main(argv) == 0
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


def test_python_dash_m_and_console_script_agree():
    script = Path(sys.executable).with_name("symconv")
    if not script.exists():
        script = shutil.which("symconv")
    assert script, "the symconv console script is not installed"
    results = [
        subprocess.run(
            [*command, "derive", "--preset", "example-1d"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for command in ([sys.executable, "-m", "symconv"], [str(script)])
    ]
    assert results[0] == results[1] == "O = [x1*w2, x1*w3 + x2*w1, x2*w2]\n"


# Files the help examples name, made so the examples run as written.
HELP_FILES = {
    "mine.tex": "\\begin{pmatrix} aw_{11} & aw_{12}+bw_{11} & bw_{12} \\\\ "
    "aw_{21}+cw_{11} & aw_{22}+bw_{21}+cw_{12}+dw_{11} & bw_{22}+dw_{12} \\\\ "
    "cw_{21} & cw_{22}+dw_{21} & dw_{22} \\end{pmatrix}",
    "mine.txt": "[x1*w1, x1*w2, x2*w1, x2*w2, x3*w1, x3*w2]",
}


@pytest.mark.parametrize(
    "command", ["size", "derive", "matrix", "verify", "example", "animate", "analyze", "check"]
)
def test_every_example_in_the_help_runs(command, tmp_path, capsys):
    if command == "example":
        require_tool("pdflatex")
    for name, text in HELP_FILES.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "my-templates").mkdir()
    with pytest.raises(SystemExit):
        main([command, "--help"])
    lines = [line.strip() for line in capsys.readouterr().out.splitlines()]
    examples = [shlex.split(line)[1:] for line in lines if line.startswith(f"symconv {command} ")]
    assert examples
    for argv in examples:
        argv = [str(tmp_path / a) if a in (*HELP_FILES, "my-templates") else a for a in argv]
        if "-o" in argv:
            argv[argv.index("-o") + 1] = str(tmp_path / argv[argv.index("-o") + 1])
        assert main(argv) == 0, argv
        err = capsys.readouterr().err
        if "--pdf" in argv:  # the two files written are named, and nothing else is said
            tex = argv[argv.index("-o") + 1]
            assert err == f"symconv: wrote {tex} and {tex[:-4]}.pdf\n"
        else:
            assert err == ""
