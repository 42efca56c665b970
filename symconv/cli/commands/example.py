"""``symconv example``: the worked example as LaTeX (fragment, article or slides), and its PDF.

>>> pdf_path(Path("out/seed.tex"))
PosixPath('out/seed.pdf')
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from symconv.cli.commands.common import (
    add_configuration,
    add_output,
    add_work_limit,
    channel_counts,
    configuration,
    prepare,
    write_output,
)
from symconv.errors import SymconvError
from symconv.latex.pdf import find_pdflatex, write_pdf
from symconv.latex.render import DEFAULT_NOTATION, FORMS, render_latex, render_template
from symconv.notation.expressions import DELIMITERS
from symconv.notation.tex_text import tex_escape

EXAMPLES = """examples:
  symconv example --preset seed-2d-s1 --form article -o seed-2d-s1.tex --pdf
  symconv example --preset seed-1d --form beamer -o slides.tex
  symconv example --input 2x2 --kernel 3x3 --stride 2 --padding 1 --form fragment
  symconv example --preset seed-2d-s2 --delimiter bmatrix --template-dir my-templates
  symconv example --input 2x2 --kernel 2x2 --in-channels 2 --out-channels 2 --groups 2
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "example",
        help="the worked example as LaTeX (and PDF)",
        description=(
            "Write the derivation step by step as LaTeX, as the seed document does: a fragment "
            "to \\input into a paper (needs amsmath and tikz), a complete article, or beamer "
            "slides. With --pdf, also compile it with pdflatex."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_configuration(parser)
    parser.add_argument("--form", choices=FORMS, default="fragment", help="(default fragment)")
    parser.add_argument("--title", metavar="TEXT", help="title (typeset as plain text)")
    add_latex_options(parser)
    add_work_limit(parser)
    add_output(parser)
    parser.set_defaults(run=run)


def add_latex_options(container) -> None:
    """Add ``--delimiter``, ``--full``, ``--template-dir`` and ``--pdf`` (LaTeX writers)."""
    container.add_argument(
        "--delimiter",
        choices=DELIMITERS,
        default=DEFAULT_NOTATION.delimiter,
        help=f"matrix delimiter (default {DEFAULT_NOTATION.delimiter})",
    )
    container.add_argument("--full", action="store_true", help="write big matrices whole, unelided")
    container.add_argument(
        "--template-dir", metavar="DIR", help="your templates, searched before the built-in ones"
    )
    container.add_argument("--pdf", action="store_true", help="also write FILE's PDF (needs -o)")


def run(args: argparse.Namespace) -> int:
    check_pdf_request(args)
    if any(count != 1 for count in channel_counts(args).values()):
        return write_latex(args, channel_summary(args))
    derivation = configuration(args)
    if args.title is not None:
        tex_escape(args.title, "--title")
        derivation = dataclasses.replace(derivation, title=args.title)
    notation = DEFAULT_NOTATION.merge(delimiter=args.delimiter, full=args.full)
    tex = render_latex(derivation, args.form, notation, args.template_dir)
    return write_latex(args, tex)


def channel_summary(args: argparse.Namespace) -> str:
    """The multi-channel request summarised as LaTeX: the worked example has one channel."""
    from symconv.latex.channels import render_channels

    if args.title is not None:
        tex_escape(args.title, "--title")
    request = prepare(args)
    notation = DEFAULT_NOTATION.merge(delimiter=args.delimiter, full=args.full)
    return render_channels(request.channels, args.form, notation, args.template_dir, args.title)


def check_pdf_request(args: argparse.Namespace) -> None:
    """Refuse ``--pdf`` without ``-o FILE.tex`` before any work: the PDF goes beside FILE."""
    if args.pdf and not args.output:
        raise SymconvError("--pdf", "needs -o FILE; the PDF is written beside it")
    if args.pdf:
        pdf_path(Path(args.output))


def write_latex(args: argparse.Namespace, tex: str) -> int:
    """Write ``tex`` as ``-o`` asks and, with ``--pdf``, compile it to the PDF beside it.

    Without pdflatex the .tex is still written and stderr says why no PDF came; existing
    files are refused unless ``--force``. Returns the exit status.
    """
    if not args.pdf:
        write_output(args, tex)
        return 0
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
    fragment = getattr(args, "form", None) in (None, "fragment")
    # A fragment has no preamble of its own: its PDF shows it in a plain article.
    source = render_template("preview.tex.j2", body=tex) if fragment else tex
    write_pdf(source, pdf_file, force=args.force)
    try:
        write_output(args, tex)
    except BaseException:  # no PDF without its .tex
        pdf_file.unlink(missing_ok=True)
        raise
    return 0


def pdf_path(tex_file: Path) -> Path:
    """Where the PDF of ``tex_file`` goes: beside it, ``.tex`` replaced by ``.pdf``."""
    pdf = tex_file.with_suffix(".pdf")
    if pdf == tex_file:
        raise SymconvError("-o", "must name the .tex file; the PDF is written beside it", str(pdf))
    return pdf
