"""``symconv analyze --format latex``: what it writes, its PDF, and the requests it refuses."""

import pytest

import symconv
from symconv.analysis.latex import render_analysis
from symconv.cli.main import main
from tests.tex_tools import page_ink, require_tool


def test_cli_latex_writes_what_the_api_renders(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["analyze", "--preset", "example-1d", "--format", "latex"]) == 0
    assert capsys.readouterr().out == render_analysis(symconv.preset("example-1d"))
    args = ["analyze", "--preset", "example-2d-s1", "--format", "latex", "--form", "article"]
    assert main([*args, "--what", "overlap", "-o", "a.tex"]) == 0
    assert main([*args, "--what", "overlap", "-o", "b.tex"]) == 0
    first, second = (tmp_path / "a.tex").read_bytes(), (tmp_path / "b.tex").read_bytes()
    assert first == second
    expected = render_analysis(symconv.preset("example-2d-s1"), form="article", sections="overlap")
    assert first.decode() == expected


def test_cli_pdf_writes_the_tex_and_its_pdf(tmp_path, monkeypatch):
    require_tool("pdflatex")
    monkeypatch.chdir(tmp_path)
    args = ["analyze", "--preset", "example-1d", "--format", "latex", "--form", "article"]
    assert main([*args, "-o", "example-1d-analysis.tex", "--pdf"]) == 0
    pdf = (tmp_path / "example-1d-analysis.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and min(page_ink(pdf, tmp_path)) > 0.002
    assert main([*args, "-o", "example-1d-analysis.tex", "--pdf"]) == 2  # kept unless --force


@pytest.mark.parametrize(
    "extra, flag",
    [
        (["--format", "latex", "--pdf"], "--pdf"),
        (["--format", "latex", "--pdf", "-o", "x.pdf"], "-o"),
        (["--pdf", "-o", "x.tex"], "--pdf"),
        (["--form", "article"], "--form"),
        (["--format", "latex", "--form", "beamer"], "--form"),
    ],
)
def test_cli_bad_latex_requests_exit_2_with_one_line_and_no_file(
    extra, flag, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    assert main(["analyze", "--preset", "example-1d", *extra]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and flag in captured.err
    assert list(tmp_path.iterdir()) == []
