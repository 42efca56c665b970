"""What a subcommand writes: standard output or ``-o FILE``, and beside a ``.tex`` its PDF.

Files are written atomically and never over an existing one without ``--force``
(:mod:`symconv.cli.files`).

>>> from pathlib import Path
>>> pdf_path(Path("out/example.tex"))
PosixPath('out/example.pdf')
"""

from __future__ import annotations

import argparse
import sys

from symconv.errors import SymconvError

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:  # pathlib loads only when a file is written (``symconv size`` prints)
    from pathlib import Path


def write_output(args: argparse.Namespace, text: str) -> None:
    """Print ``text``, or write it to ``args.output`` atomically (never half-written).

    Either way the text ends with a newline, so a file holds exactly what is printed.
    """
    text = text if text.endswith("\n") else text + "\n"
    if not args.output:
        sys.stdout.write(text)
        return
    from pathlib import Path

    from symconv.cli.files import write_file

    write_file(Path(args.output), text.encode("utf-8"), force=args.force)


def write_with_files(
    args: argparse.Namespace, text: str, folder: str, files: dict[str, str]
) -> None:
    """Write ``text`` to ``-o FILE`` and each of ``files`` (name: text) in ``folder`` beside it.

    Every target is checked before any is written, so a refused ``--force`` leaves
    nothing half-done; the main file is written last.
    """
    if not args.output:
        write_output(args, text)
        return
    from pathlib import Path

    from symconv.cli.files import write_file

    place = Path(args.output).parent / folder
    targets = [place / name for name in sorted(files)]
    if not args.force:
        for path in [Path(args.output), *targets]:
            if path.exists() or path.is_symlink():
                raise SymconvError("-o", "file exists; pass --force to overwrite", str(path))
    if files:
        if place.exists() and not place.is_dir():
            raise SymconvError("-o", "is not a folder, but the figures go there", str(place))
        place.mkdir(exist_ok=True)
    for path in targets:
        write_file(path, files[path.name].encode("utf-8"), force=args.force)
    write_output(args, text)


def check_pdf_request(args: argparse.Namespace) -> None:
    """Refuse ``--pdf`` without ``-o FILE.tex`` before any work: the PDF goes beside FILE."""
    if args.pdf and not args.output:
        raise SymconvError("--pdf", "needs -o FILE; the PDF is written beside it")
    if args.output:
        from pathlib import Path

        latex_path(Path(args.output))


def write_latex(args: argparse.Namespace, tex: str) -> int:
    """Write the LaTeX ``tex`` as ``-o`` asks and, with ``--pdf``, compile it to the PDF beside it.

    The .tex is written first and kept when pdflatex fails (the error quotes TeX's first
    error line); without pdflatex the .tex is still written and stderr says why no PDF
    came. Existing files are refused unless ``--force``; the two files written are named
    on stderr. Returns the exit status.
    """
    from pathlib import Path

    if args.output:
        latex_path(Path(args.output))
    if not getattr(args, "pdf", False):
        write_output(args, tex)
        return 0
    from symconv.cli.files import write_file
    from symconv.latex.pdf import compile_pdf, find_pdflatex

    tex_file = Path(args.output)
    pdf_file = pdf_path(tex_file)
    if find_pdflatex() is None:
        write_output(args, tex)
        print(
            f"symconv: pdflatex is not installed, so no PDF was made; wrote {tex_file} only "
            "(install TeX Live to get the PDF)",
            file=sys.stderr,
        )
        return 0
    for path in (tex_file, pdf_file):
        if path.exists() and not args.force:
            raise SymconvError("-o", "file exists; pass --force to overwrite", str(path))
    write_output(args, tex)
    fragment = getattr(args, "form", None) in (None, "fragment")
    # A fragment has no preamble of its own: its PDF shows it in a plain article.
    from symconv.latex.templates import render_template

    source = render_template("preview.tex.j2", body=tex) if fragment else tex
    try:
        pdf = compile_pdf(source)
    except SymconvError as error:
        pdf_file.unlink(missing_ok=True)  # with --force, an older PDF would belie the new .tex
        kept = f"; {tex_file} is kept to look into, no PDF was written"
        raise SymconvError(error.parameter, error.rule + kept) from None
    write_file(pdf_file, pdf, force=args.force)
    print(f"symconv: wrote {tex_file} and {pdf_file}", file=sys.stderr)
    return 0


def latex_path(path: Path) -> Path:
    """``path`` for LaTeX source, refused when it names a PDF (``--pdf`` writes that beside).

    >>> from pathlib import Path
    >>> latex_path(Path("paper.pdf"))
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: -o: names a PDF, but LaTeX source is written there; ...
    """
    if path.suffix.lower() == ".pdf":
        raise SymconvError(
            "-o",
            "names a PDF, but LaTeX source is written there; give FILE.tex "
            "(example and analyze write the PDF beside it with --pdf)",
            str(path),
        )
    return path


def pdf_path(tex_file: Path) -> Path:
    """Where the PDF of ``tex_file`` goes: beside it, ``.tex`` replaced by ``.pdf``."""
    return latex_path(tex_file).with_suffix(".pdf")


def write_documents(
    files: list[tuple[Path, str]], *, force: bool, pdf: bool, parameter: str = "-o"
) -> list[Path]:
    """Write several text files together, each ``.tex`` with its PDF beside it when ``pdf``.

    Every target (PDFs included) is checked before anything is written, so an existing
    file refused without ``force`` leaves all of them untouched. Returns the paths written.
    """
    from symconv.cli.files import write_file
    from symconv.latex.pdf import compile_pdf, find_pdflatex

    targets = [path for path, _ in files]
    if pdf:
        targets += [pdf_path(path) for path, _ in files if path.suffix == ".tex"]
    for path in targets:
        if not force and (path.exists() or path.is_symlink()):
            raise SymconvError(parameter, "file exists; pass --force to overwrite", str(path))
    written = []
    for path, text in files:
        write_file(path, text.encode("utf-8"), force=force, parameter=parameter)
        written.append(path)
    if not pdf:
        return written
    if find_pdflatex() is None:
        print(
            "symconv: pdflatex is not installed, so no PDF was made "
            "(install TeX Live to get the PDF)",
            file=sys.stderr,
        )
        return written
    for path, text in files:
        if path.suffix != ".tex":
            continue
        try:
            data = compile_pdf(text)
        except SymconvError as error:
            pdf_path(path).unlink(missing_ok=True)
            kept = f"; {path} is kept to look into, no PDF was written"
            raise SymconvError(error.parameter, error.rule + kept) from None
        write_file(pdf_path(path), data, force=force, parameter=parameter)
        written.append(pdf_path(path))
    return written
