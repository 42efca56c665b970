"""``symconv example`` with a channel count that is not 1: the multi-channel summary."""

from __future__ import annotations

import pytest

from symconv.cli.main import main
from tests.cli.process import run_cli

GROUPED = ["--input", "2x2", "--kernel", "2x2", "--in-channels", "2", "--out-channels", "2"]


@pytest.mark.parametrize("form", ["fragment", "article", "beamer"])
def test_cli_writes_the_summary(form, tmp_path):
    args = ["example", *GROUPED, "--groups", "2", "--batch", "1", "--form", form, "-o", "s.tex"]
    status, out, err = run_cli(args, tmp_path)
    assert status == 0 and err == ""
    tex = (tmp_path / "s.tex").read_text()
    # a slide lists a matrix too wide to read at 8pt, entry by entry
    shown = r"O[0,1][0,0] = " if form == "beamer" else r"O[0,1] = \begin{pmatrix}"
    assert shown in tex and "Adjoint identity" in tex


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
    assert outputs[0] == outputs[1] and "O[1,1]" in outputs[0]
