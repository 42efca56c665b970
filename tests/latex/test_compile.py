"""Every preset in every form compiles with pdflatex, to pages that are not blank and that
show the seed's entries in the seed's order; hostile titles stay text; compiling is sandboxed.

These tests fail rather than skip when the environment variable CI is set and TeX or
poppler (pdftoppm, pdftotext) is missing (see ``tests.tex_tools.require_tool``).
"""

import dataclasses
import re
import subprocess
from pathlib import Path

import pytest

import symconv
from symconv.errors import SymconvError
from symconv.latex.pdf import COMMAND, compile_pdf, first_error
from symconv.latex.render import FORMS, render_latex
from tests.tex_tools import HOSTILE, page_ink, pdf_text, require_tool

HOST = r"""\documentclass{article}
\usepackage{amsmath}
\usepackage{tikz}
\begin{document}
Some text of the paper.
\input{fragment}
\input{fragment}
\end{document}
"""

# The seed's 2-D stride-1 output, row by row, as pdftotext reads subscripts: aw_{11} -> aw11.
SEED_2D_S1_ROWS = [
    ["aw_{11}", "aw_{12}+bw_{11}", "bw_{12}"],
    ["aw_{21}+cw_{11}", "aw_{22}+bw_{21}+cw_{12}+dw_{11}", "bw_{22}+dw_{12}"],
    ["cw_{21}", "cw_{22}+dw_{21}", "dw_{22}"],
]


def pdf_of(name: str, form: str, folder: Path, title: str | None = None) -> bytes:
    """The PDF of a preset in one form; a fragment is \\input (twice) into a plain article."""
    require_tool("pdflatex")
    derivation = symconv.preset(name)
    if title is not None:
        derivation = dataclasses.replace(derivation, title=title)
    tex = render_latex(derivation, form=form)
    if form != "fragment":
        return compile_pdf(tex)
    (folder / "fragment.tex").write_text(tex, encoding="utf-8")
    (folder / "host.tex").write_text(HOST, encoding="utf-8")
    done = subprocess.run(
        ["pdflatex", *COMMAND, "host.tex"], cwd=folder, capture_output=True, text=True
    )
    assert done.returncode == 0, first_error(done.stdout)
    return (folder / "host.pdf").read_bytes()


def flat(seed_cell: str) -> str:
    return re.sub(r"_\{(\d+)\}", r"\1", seed_cell)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", sorted(symconv.PRESETS))
def test_every_preset_in_every_form_compiles_to_pages_with_ink(name, form, tmp_path):
    pdf = pdf_of(name, form, tmp_path)
    assert pdf.startswith(b"%PDF-")
    ink = page_ink(pdf, tmp_path)
    assert len(ink) >= {"fragment": 2, "article": 2, "beamer": 12}[form]
    assert min(ink) > 0.002, f"a blank page among {ink}"


@pytest.mark.parametrize("form", ["article", "beamer", "fragment"])
def test_pdf_pages_show_the_seeds_entries_in_the_seeds_order(form, tmp_path):
    text = pdf_text(pdf_of("example-2d-s1", form, tmp_path), tmp_path)
    for row in SEED_2D_S1_ROWS:
        assert "".join(flat(cell) for cell in row) in text
    assert "Scatterandcrop" in text or form == "beamer"
    assert "Zeroinsertion" in text and "Adjointidentity" in text


@pytest.mark.parametrize("form", FORMS)
def test_a_hostile_title_compiles_as_plain_text(form, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = pdf_text(pdf_of("example-1d", form, tmp_path, title=HOSTILE), tmp_path)
    passwd = Path("/etc/passwd")
    if passwd.is_file():
        first = passwd.read_text().splitlines()[0]
        assert re.sub(r"\s+", "", first) not in text
    assert r"\input{/etc/passwd}" in text and r"\write18{touchPWNED}^^5c" in text
    assert not (tmp_path / "PWNED").exists()


def test_compiling_cannot_read_or_write_outside_its_folder(tmp_path, monkeypatch):
    require_tool("pdflatex")
    with pytest.raises(SymconvError) as error:
        compile_pdf(r"\documentclass{article}\begin{document}\input{/etc/passwd}\end{document}")
    assert error.value.parameter == "latex"
    # a file that TeX could typeset, outside the folder, by absolute path and by search path
    secret = tmp_path / "secret.tex"
    secret.write_text("SECRETWORD\n")
    monkeypatch.setenv("TEXINPUTS", f"{tmp_path}:")
    for reference in (str(secret), "secret"):
        source = (
            rf"\documentclass{{article}}\begin{{document}}x\input{{{reference}}}\end{{document}}"
        )
        try:
            pdf = compile_pdf(source)
        except SymconvError:
            continue
        assert "SECRETWORD" not in pdf_text(pdf, tmp_path)
    target = tmp_path / "written.txt"
    source = (
        r"\documentclass{article}\begin{document}\newwrite\out"
        rf"\immediate\openout\out={target}\immediate\write\out{{x}}"
        rf"\immediate\write18{{touch {tmp_path / 'shell'}}}x\end{{document}}"
    )
    try:
        compile_pdf(source)
    except SymconvError:
        pass
    assert not target.exists() and not (tmp_path / "shell").exists()


def test_tex_errors_name_the_first_error_line():
    require_tool("pdflatex")
    with pytest.raises(SymconvError, match=r"Undefined control sequence"):
        compile_pdf(r"\documentclass{article}\begin{document}\nosuchcommand\end{document}")


def test_same_source_same_pdf():
    tex = render_latex(symconv.preset("example-1d"), form="article")
    require_tool("pdflatex")
    assert compile_pdf(tex) == compile_pdf(tex)


@pytest.mark.parametrize(
    "derivation",
    [
        symconv.derive_symbolic((3, 3), (3, 3), stride=2, padding=1, output_padding=1),
        symconv.derive_symbolic(4, 3, stride=3, dilation=2, output_padding=1),
        symconv.derive([[1, "1/2"], [-2, "a"]], [["w1", 0], [3, "w2"]], stride=2, padding=(0, 1)),
        symconv.derive_symbolic((2, 2, 2), (2, 2, 2), stride=2),
        symconv.derive_symbolic((6, 6), (3, 3), stride=2, padding=1),
    ],
    ids=["3x3-k3-s2-p1-a1", "1d-dilated", "numbers-asymmetric", "3d", "no-figure"],
)
@pytest.mark.parametrize("form", ["article", "beamer"])
def test_other_configurations_compile(derivation, form, tmp_path):
    require_tool("pdflatex")
    ink = page_ink(compile_pdf(render_latex(derivation, form=form)), tmp_path)
    assert min(ink) > 0.002


@pytest.mark.parametrize("form", ["article", "beamer"])
def test_one_pdflatex_run_unless_a_rerun_changes_the_pdf(form, monkeypatch):
    require_tool("pdflatex")
    from symconv.latex import pdf

    source = render_latex(symconv.preset("example-2d-s1"), form=form)
    runs = []
    real_run = subprocess.run

    def counted(*args, **kwargs):
        runs.append(args[0])
        return real_run(*args, **kwargs)

    monkeypatch.setattr(pdf.subprocess, "run", counted)
    once = compile_pdf(source)
    assert len(runs) == 1
    monkeypatch.setattr(pdf, "rerun_requested", lambda log, folder: len(runs) == 2)
    twice = compile_pdf(source)
    assert len(runs) == 3
    assert once == twice


def test_compiled_templates_are_kept_only_in_a_private_folder(tmp_path, monkeypatch):
    import tempfile

    from symconv.latex import templates

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    folder = templates.cache_folder()
    assert folder is not None and folder.parent == tmp_path
    assert folder.stat().st_mode & 0o777 == 0o700
    folder.chmod(0o777)  # others could write there: never loaded from
    assert templates.cache_folder() is None
    monkeypatch.setenv("SYMCONV_TEMPLATE_CACHE", "0")
    folder.chmod(0o700)
    assert templates.cache_folder() is None


def test_a_cached_template_renders_what_a_fresh_compile_renders(tmp_path, monkeypatch):
    import tempfile

    from symconv.latex import templates

    derivation = symconv.preset("example-2d-s1")
    monkeypatch.setenv("SYMCONV_TEMPLATE_CACHE", "0")
    templates._environment.cache_clear()
    fresh = render_latex(derivation, form="article")
    monkeypatch.delenv("SYMCONV_TEMPLATE_CACHE")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    for _ in range(2):  # the first fills the cache, the second loads from it
        templates._environment.cache_clear()
        assert render_latex(derivation, form="article") == fresh
    assert list(templates.cache_folder().glob("*.cache"))
    templates._environment.cache_clear()
