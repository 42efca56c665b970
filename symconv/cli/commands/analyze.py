"""``symconv analyze``: closed form, size relationships, overlap, polyphase and gradient.

As text (the default, :mod:`symconv.analysis.text`) or, with ``--format latex``, as a
LaTeX fragment or article (:func:`symconv.render_analysis`), compiled to PDF with ``--pdf``.
"""

from __future__ import annotations

import argparse

from symconv.analysis.latex import ANALYSIS_FORMS, render_analysis
from symconv.analysis.sections import SECTIONS
from symconv.analysis.text import analysis_text
from symconv.cli.options import (
    add_configuration,
    add_latex_options,
    add_output,
    add_work_limit,
    flag_names,
    notation,
    read_request,
    single_channel,
)
from symconv.cli.output import check_pdf_request, write_latex, write_output
from symconv.errors import SymconvError

FORMATS = ("text", "latex")

EXAMPLES = """examples:
  symconv analyze --input 6 --kernel 3 --stride 2 --what overlap
  symconv analyze --input 4x4 --kernel 4x4 --stride 2 --padding 1 --what overlap
  symconv analyze --preset example-1d --what polyphase
  symconv analyze --preset example-1d --what closed-form
  symconv analyze --input 3 --kernel 3 --stride 2 --padding 1 --what sizes
  symconv analyze --preset example-2d-s2 --what gradient
  symconv analyze --preset example-1d --format latex --form article -o example-1d-analysis.tex --pdf
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="closed form, size relationships, overlap, polyphase, gradient identity",
        description="Analyse one configuration beyond the worked example.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_configuration(parser)
    parser.add_argument(
        "--what", choices=(*SECTIONS, "all"), default="all", help="which analysis (default all)"
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="plain text or LaTeX (default text)"
    )
    latex = parser.add_argument_group("LaTeX (with --format latex)")
    latex.add_argument(
        "--form", choices=ANALYSIS_FORMS, help="a fragment to \\input, or an article (fragment)"
    )
    add_latex_options(latex)
    add_work_limit(parser)
    add_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    latex_only = {"--form": args.form, "--pdf": args.pdf, "--template-dir": args.template_dir}
    if args.format == "latex":
        check_pdf_request(args)
    else:
        for flag, value in latex_only.items():
            if value:
                raise SymconvError(flag, "needs --format latex", value)
    single_channel(args, "analyze")
    derivation = read_request(args).derivation
    chosen = SECTIONS if args.what == "all" else (args.what,)
    if args.format == "latex":
        form = args.form or "fragment"
        with flag_names():  # a bad --template-dir is named as typed
            tex = render_analysis(derivation, form, chosen, notation(args), args.template_dir)
        return write_latex(args, tex)
    write_output(args, analysis_text(derivation, chosen))
    return 0
