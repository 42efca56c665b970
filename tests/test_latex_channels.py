"""The multi-channel summary ``symconv example`` writes when a channel count is not 1."""

from __future__ import annotations

import subprocess
import sys

import pytest

import symconv
from symconv.cli.main import main
from symconv.core.tensors import symbols_array
from symconv.latex.channels import channels_context, render_channels
from symconv.latex.pdf import compile_pdf
from symconv.notation.expressions import expr_latex
from symconv.notation.style import Notation
from tests.test_latex_compile import require_tool

GROUPED = ["--input", "2x2", "--kernel", "2x2", "--in-channels", "2", "--out-channels", "2"]


X = symbols_array("x", (1, 2, 2, 2))
W = symbols_array("w", (2, 1, 2, 2))


def grouped_problem():
    return symconv.make_problem(X, W, stride=2, groups=2)


def test_each_output_channel_is_conv_transposes_entries():
    expected = symconv.conv_transpose(X, W, stride=2, groups=2)
    ch = channels_context(grouped_problem(), Notation(full=True))
    tex = render_channels(grouped_problem(), "fragment", Notation(full=True))
    assert ch["output_shape"] == list(expected.shape) == [1, 2, 4, 4]
    assert [(o["batch"], o["channel"]) for o in ch["outputs"]] == [(0, 0), (0, 1)]
    for o in ch["outputs"]:
        want = [expected[0, o["channel"], i, j] for i in range(4) for j in range(4)]
        assert o["values"] == want
        assert all(expr_latex(v) in tex for v in want)
    # grouped: output channel 1 sees only input channel 1
    assert "x_{11" not in " ".join(expr_latex(v) for v in ch["outputs"][1]["values"])
    assert ch["verified"] and len(ch["checks"]) == 3


@pytest.mark.parametrize("form", ["article", "beamer"])
def test_article_and_beamer_compile(form):
    require_tool("pdflatex")
    tex = render_channels(grouped_problem(), form, title="Two & groups")
    assert compile_pdf(tex).startswith(b"%PDF")


def run_cli(args, cwd):
    done = subprocess.run(
        [sys.executable, "-m", "symconv", *args], cwd=cwd, capture_output=True, text=True
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("form", ["fragment", "article", "beamer"])
def test_cli_writes_the_summary(form, tmp_path):
    args = ["example", *GROUPED, "--groups", "2", "--batch", "1", "--form", form, "-o", "s.tex"]
    status, out, err = run_cli(args, tmp_path)
    assert status == 0 and err == ""
    tex = (tmp_path / "s.tex").read_text()
    assert r"y[0,1] = \begin{pmatrix}" in tex and "PASS" in tex


def test_bad_channels_exit_2_with_one_line(tmp_path):
    status, out, err = run_cli(["example", *GROUPED, "--groups", "3", "-o", "s.tex"], tmp_path)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "--groups" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_hostile_title_is_refused_or_escaped(capsys):
    assert main(["example", *GROUPED, "--title", r"\input{/etc/passwd}"]) == 0
    assert r"\textbackslash{}input\{/etc/passwd\}" in capsys.readouterr().out
    assert main(["example", *GROUPED, "--title", "two\nlines"]) == 2
    assert "--title" in capsys.readouterr().err


def test_same_request_same_bytes(capsys):
    outputs = []
    for _ in range(2):
        assert main(["example", *GROUPED, "--batch", "2", "--form", "article"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and "y[1,1]" in outputs[0]
