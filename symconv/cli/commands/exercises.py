"""``symconv exercises``: a sheet of exercises drawn from a random seed, its solutions, JSON.

``-o sheet.tex`` writes ``sheet.tex`` (the exercises), ``sheet-solutions.tex`` and
``sheet.json`` (what ``symconv grade`` reads); ``--pdf`` compiles both documents. The same
seed and difficulty give the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from symconv.cli.output import write_documents
from symconv.errors import SymconvError
from symconv.teaching.exercises import DIFFICULTIES, MAX_COUNT, VIEW_NAMES, exercises

EXAMPLES = f"""examples:
  symconv exercises --count 6 --seed 42 --difficulty medium -o sheet.tex --pdf
  symconv exercises --count 4 --seed 1 --difficulty hard --views matrix,matrix-transposed -o m.tex

views: {", ".join(n for n in VIEW_NAMES if n not in ("C", "CT", "scaled"))}
(block is one input element times the kernel, aK). Each exercise says which name to
write its answer under (O, O_full, Z, C, C^T, aK, O_h and O_w), so that symconv grade
finds it. At most {MAX_COUNT} exercises.
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "exercises",
        help="a sheet of randomised exercises, its solutions and its JSON",
        description="Draw N exercises from a sheet number (sizes, stride, padding, output_padding, "
        "dilation at hard, and the object asked for) and write them as LaTeX, with a "
        "separate solutions document and the sheet as JSON for symconv grade.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--count", default="6", metavar="N", help="how many exercises (6)")
    parser.add_argument(
        "--seed", default="0", metavar="S", help="the sheet's number: one number, one sheet (0)"
    )
    parser.add_argument("--difficulty", choices=DIFFICULTIES, default="medium", help="(medium)")
    parser.add_argument(
        "--views", metavar="LIST", help="what may be asked for, comma-separated (see below)"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE.tex", help="the sheet; solutions and JSON go beside it"
    )
    parser.add_argument("--pdf", action="store_true", help="also compile both documents")
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    count = _whole("--count", args.count)
    seed = _whole("--seed", args.seed)
    sheet_path = _tex_path(args.output)
    try:
        sheet = exercises(count, seed, args.difficulty, args.views)
    except SymconvError as error:
        raise SymconvError(f"--{error.parameter}", error.rule, error.value) from None
    files = [
        (sheet_path, sheet.to_latex()),
        (sheet_path.with_name(sheet_path.stem + "-solutions.tex"), sheet.to_latex(True)),
        (sheet_path.with_suffix(".json"), sheet.to_json()),
    ]
    written = write_documents(files, force=args.force, pdf=args.pdf)
    print(f"symconv: wrote {', '.join(str(p) for p in written)}", file=sys.stderr)
    return 0


def _whole(flag: str, text: str) -> int:
    if not text.isdigit():
        raise SymconvError(flag, "must be a whole number", text)
    return int(text)


def _tex_path(output: str | None) -> Path:
    if not output:
        raise SymconvError("-o", "is required: the sheet is written to FILE.tex, the rest beside")
    path = Path(output)
    if path.suffix != ".tex":
        raise SymconvError("-o", "must name a .tex file (solutions and JSON go beside it)", output)
    return path
