"""``symconv example``: files, PDFs, refusals, and the same bytes for the same request."""

import os
import subprocess
import sys

import pytest

import symconv
from symconv.cli.main import main
from symconv.latex.render import render_latex
from tests.cli.process import run_cli
from tests.tex_tools import HOSTILE, page_ink, pdf_text, require_tool

README_COMMAND = ["example", "--preset", "example-2d-s1", "--form", "article"]


def test_readme_command_writes_the_tex_and_its_pdf(tmp_path, monkeypatch):
    require_tool("pdflatex")
    monkeypatch.chdir(tmp_path)
    assert main([*README_COMMAND, "-o", "example-2d-s1.tex", "--pdf"]) == 0
    tex = (tmp_path / "example-2d-s1.tex").read_text()
    assert tex == render_latex(symconv.preset("example-2d-s1"), form="article")
    pdf = (tmp_path / "example-2d-s1.pdf").read_bytes()
    assert min(page_ink(pdf, tmp_path)) > 0.002
    assert "aw22+bw21+cw12+dw11" in pdf_text(pdf, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".tex", ".pdf")) == [
        "doc.pdf",
        "example-2d-s1.pdf",
        "example-2d-s1.tex",
        "text.pdf",
    ]


def test_existing_files_are_kept_unless_forced(tmp_path, monkeypatch, capsys):
    require_tool("pdflatex")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out.pdf").write_bytes(b"mine")
    assert main([*README_COMMAND, "-o", "out.tex", "--pdf"]) == 2
    assert "out.pdf" in capsys.readouterr().err
    assert not (tmp_path / "out.tex").exists() and (tmp_path / "out.pdf").read_bytes() == b"mine"
    assert main([*README_COMMAND, "-o", "out.tex", "--pdf", "--force"]) == 0
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")


def test_without_pdflatex_the_tex_is_still_written(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    env = dict(os.environ, PATH=str(empty))
    status, out, err = run_cli([*README_COMMAND, "-o", "a.tex", "--pdf"], tmp_path, env)
    assert status == 0
    assert "pdflatex is not installed" in err and "a.tex" in err
    assert (tmp_path / "a.tex").is_file() and not (tmp_path / "a.pdf").exists()


@pytest.mark.parametrize(
    "args, parameter",
    [
        (["--pdf"], "--pdf"),
        (["-o", "x.pdf", "--pdf"], "-o"),
        (["--title", "two\nlines"], "--title"),
        (["--template-dir", "missing"], "--template-dir"),
        (["--in-channels", "3", "--groups", "2"], "--groups"),
        (["--form", "poster"], "--form"),
    ],
)
def test_bad_requests_fail_with_one_line_and_no_file(args, parameter, tmp_path):
    status, out, err = run_cli(["example", "--preset", "example-1d", *args], tmp_path)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and parameter in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_broken_user_template_with_pdf_keeps_the_tex_and_names_the_error(tmp_path):
    require_tool("pdflatex")
    templates = tmp_path / "mine"
    templates.mkdir()
    (templates / "article.tex.j2").write_text(
        "\\documentclass{article}\\begin{document}\\nosuchmacro\\end{document}\n"
    )
    args = [*README_COMMAND, "--template-dir", "mine", "-o", "b.tex", "--pdf"]
    status, _, err = run_cli(args, tmp_path)
    assert status == 2 and err.count("\n") == 1
    assert "Undefined control sequence" in err and "b.tex is kept" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.tex", "mine"]


def test_configuration_flags_delimiter_and_full(tmp_path, capsys):
    args = ["example", "--input", "2x2", "--kernel", "3x3", "--stride", "2", "--padding", "1"]
    assert main([*args, "--delimiter", "bmatrix", "--full"]) == 0
    tex = capsys.readouterr().out
    assert r"\begin{bmatrix}" in tex and r"\begin{pmatrix}" not in tex and r"\cdots" not in tex
    assert r"O_h = O_w = s(I - 1) + k - 2p = 2( 2 - 1) + 3 - 2\cdot 1 = 3" in tex
    assert main(["example", "--input", "4x4", "--kernel", "3x3", "--stride", "2"]) == 0
    assert r"\cdots" in capsys.readouterr().out  # the 16 x 81 matrix C is elided by default


def test_title_is_typeset_escaped_and_compiles(tmp_path, monkeypatch):
    require_tool("pdflatex")
    monkeypatch.chdir(tmp_path)
    assert main([*README_COMMAND, "--title", HOSTILE, "-o", "t.tex", "--pdf"]) == 0
    tex = (tmp_path / "t.tex").read_text()
    assert r"\title{\textbackslash{}input\{/etc/passwd\}" in tex and r"\write18" not in tex
    text = pdf_text((tmp_path / "t.pdf").read_bytes(), tmp_path)
    assert r"\input{/etc/passwd}" in text and "root:" not in text


def test_beamer_slides_compile_from_the_command_line(tmp_path, monkeypatch):
    require_tool("pdflatex")
    monkeypatch.chdir(tmp_path)
    args = ["example", "--preset", "example-2d-s1", "--form", "beamer", "-o", "s.tex", "--pdf"]
    assert main(args) == 0
    pdf = (tmp_path / "s.pdf").read_bytes()
    ink = page_ink(pdf, tmp_path)
    assert len(ink) >= 20 and min(ink) > 0.002  # a frame per step, overlays per element
    assert "aw21+cw11aw22+bw21+cw12+dw11bw22+dw12" in pdf_text(pdf, tmp_path)


def test_same_request_same_bytes_across_hash_seeds(tmp_path):
    script = (
        "import sys; from symconv.cli.main import main\n"
        "for name in ('example-1d', 'example-2d-s2', 'example-2d-s1'):\n"
        "    for form in ('fragment', 'article', 'beamer'):\n"
        "        main(['example', '--preset', name, '--form', form])\n"
        "main(['example', '--input', '2x3', '--kernel', '3x2', '--stride', '2x1',"
        " '--padding', '1x0', '--dilation', '1x2'])\n"
    )
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, check=True
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert next(iter(outputs)).count(rb"\begin{document}") == 6


@pytest.mark.parametrize(
    "command",
    [
        ["example", "--preset", "example-1d"],
        ["analyze", "--preset", "example-1d", "--format", "latex"],
    ],
)
def test_a_fragment_with_pdf_compiles_inside_a_plain_article(command, tmp_path, capsys):
    require_tool("pdflatex")
    tex = tmp_path / "fragment.tex"
    assert main([*command, "-o", str(tex), "--pdf"]) == 0, capsys.readouterr().err
    assert not tex.read_text().startswith(r"\documentclass")  # the .tex stays a fragment
    assert (tmp_path / "fragment.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    "argv",
    [
        ["example", "--preset", "example-1d"],
        ["derive", "--preset", "example-1d", "--format", "latex"],
        ["matrix", "--preset", "example-1d", "--format", "latex"],
        ["analyze", "--preset", "example-1d", "--format", "latex"],
    ],
)
def test_latex_source_is_never_written_under_a_pdf_name(argv, tmp_path, cli):
    status, out, err = cli(*argv, "-o", str(tmp_path / "paper.pdf"))
    assert status == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("symconv: error: -o: names a PDF") and "--pdf" in err
    assert list(tmp_path.iterdir()) == []


# The peak of this process alone: getrusage's ru_maxrss would include the RSS that the
# forked child inherited from the test process, while VmHWM belongs to the new image.
PEAK_MEMORY = """
import re, sys
from pathlib import Path
from symconv.cli.main import main
status = main(sys.argv[1:])
peak_kib = int(re.search(r"VmHWM:\\s+(\\d+) kB", Path("/proc/self/status").read_text()).group(1))
print(status, peak_kib // 1024)
"""


@pytest.mark.parametrize("size", ["64x64", "128x128"])
def test_large_examples_stay_within_memory(size, tmp_path):
    # The matrix view is written from C's nonzero entries: memory follows what is printed.
    argv = ["example", "--input", size, "--kernel", "3x3", "--stride", "2", "--padding", "1"]
    done = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY, *argv, "-o", str(tmp_path / "big.tex")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "Traceback" not in done.stderr
    status, peak_mib = map(int, done.stdout.split())
    if status == 2:  # refused: one line that names the limit
        assert done.stderr.startswith("symconv: error: --max-terms")
        assert not (tmp_path / "big.tex").exists()
    else:
        assert status == 0 and (tmp_path / "big.tex").stat().st_size > 0
    assert peak_mib < 600


def test_a_failed_forced_pdf_leaves_no_older_pdf_beside_the_new_tex(tmp_path):
    require_tool("pdflatex")
    templates = tmp_path / "mine"
    templates.mkdir()
    (templates / "article.tex.j2").write_text("\\documentclass{article}\\begin{document}\\bad\n")
    (tmp_path / "b.pdf").write_bytes(b"%PDF- from an earlier run")
    args = [*README_COMMAND, "--template-dir", "mine", "-o", "b.tex", "--pdf", "--force"]
    status, _, err = run_cli(args, tmp_path)
    assert status == 2 and "no PDF was written" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.tex", "mine"]
