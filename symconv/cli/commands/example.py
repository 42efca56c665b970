"""``symconv example``: the worked example as LaTeX (fragment, article or slides) and its PDF,
or for the web: a self-contained HTML page, or Markdown with its SVG figures beside it.

One channel gets the step-by-step worked example (:func:`symconv.render_latex`,
:func:`symconv.render_html`, :func:`symconv.render_markdown`); several channels, groups
or a batch get a LaTeX summary (:func:`symconv.render_channels`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from symconv.cli.options import (
    add_configuration,
    add_latex_options,
    add_output,
    add_work_limit,
    flag_names,
    notation,
    read_request,
)
from symconv.cli.output import check_pdf_request, write_latex, write_output, write_with_files
from symconv.errors import SymconvError
from symconv.latex.channels import render_channels
from symconv.latex.render import FORMS, render_latex
from symconv.notation.tex_text import tex_escape
from symconv.web.page import render_html, render_markdown

WEB_FORMS = ("html", "markdown")

EXAMPLES = """examples:
  symconv example --preset example-2d-s1 --form article -o example-2d-s1.tex --pdf
  symconv example --preset example-1d --form beamer -o slides.tex
  symconv example --input 2x2 --kernel 3x3 --stride 2 --padding 1 --form fragment
  symconv example --input 3x3 --kernel 3x3 --stride 2 --terms-per-line 2 --no-figures
  symconv example --preset example-2d-s2 --delimiter bmatrix --template-dir my-templates
  symconv example --input 2x2 --kernel 2x2 --in-channels 2 --out-channels 2 --groups 2
  symconv example --preset example-2d-s1 --form html -o page.html
  symconv example --preset example-1d --form markdown -o page.md
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "example",
        help="the worked example as LaTeX (and PDF)",
        description=(
            "Write the derivation step by step as LaTeX, as \"Understanding Transposed "
            "Convolutions\" does: a fragment "
            "to \\input into a paper (needs amsmath and tikz), a complete article, or beamer "
            "slides. With --pdf, also compile it with pdflatex. --form html writes one "
            "self-contained web page (MathML, inline SVG); --form markdown writes $$ mathematics "
            "and puts its SVG figures in FILE_files/ beside -o FILE."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_configuration(parser)
    parser.add_argument(
        "--form", choices=FORMS + WEB_FORMS, default="fragment", help="(default fragment)"
    )
    parser.add_argument("--title", metavar="TEXT", help="title (typeset as plain text)")
    parser.add_argument(
        "--no-figures",
        dest="figures",
        action="store_false",
        help="draw no TikZ figure: a fragment then needs amsmath and graphicx only",
    )
    add_latex_options(parser)
    add_work_limit(parser)
    add_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.form in WEB_FORMS:
        return _web(args)
    check_pdf_request(args)
    if args.title is not None:
        tex_escape(args.title, "--title")
    request = read_request(args)
    with flag_names():  # a bad --template-dir is named as typed
        tex = _document(request, args)
    return write_latex(args, tex)


def _document(request, args: argparse.Namespace) -> str:
    """The request's worked example, or its summary when it has several channels."""
    if request.derivation is None:  # several channels: the worked example has one
        return render_channels(
            request.problem,
            args.form,
            notation(args),
            args.template_dir,
            args.title,
            figures=args.figures,
        )
    return render_latex(
        request.derivation, args.form, notation(args), args.template_dir, figures=args.figures
    )


def _web(args: argparse.Namespace) -> int:
    """The worked example as an HTML page, or as Markdown with its figures in FILE_files/."""
    if args.pdf:
        raise SymconvError("--pdf", f"compiles LaTeX; --form {args.form} writes no LaTeX")
    if args.form == "markdown" and args.figures and not args.output:
        raise SymconvError(
            "--form markdown", "needs -o FILE (its figures go beside it) or --no-figures"
        )
    request = read_request(args)
    if request.derivation is None:
        raise SymconvError(
            "--form",
            f"{args.form} is written for one channel; use a LaTeX form for a summary",
            args.form,
        )
    with flag_names():  # a bad --template-dir is named as typed
        if args.form == "html":
            page = render_html(
                request.derivation, notation(args), None, args.template_dir, figures=args.figures
            )
            write_output(args, page)
            return 0
        folder = f"{Path(args.output).stem}_files" if args.output else "figures"
        text, files = render_markdown(
            request.derivation,
            notation(args),
            None,
            folder,
            args.template_dir,
            figures=args.figures,
        )
    write_with_files(args, text, folder, files)
    return 0
