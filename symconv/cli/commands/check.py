r"""``symconv check``: compare a hand derivation with the engine and say what is wrong.

Exit status 0 when every entry is right, 1 when something is wrong, 2 when the input
cannot be read (one line on stderr).

>>> import io, sys
>>> from symconv.cli.main import main
>>> saved, sys.stdin = sys.stdin, io.StringIO("[x1*w2, x1*w3 + x2*w1, x2*w2]")
>>> main("check --input 2 --kernel 3 --stride 2 --padding 1".split())
All 3 entries are right.
Checking against: input of size 2, kernel of size 3, stride 2, padding 1
0
>>> sys.stdin = saved
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from symconv.checker.compare import check
from symconv.checker.homework import check_homework, is_homework
from symconv.checker.report_formats import homework_latex, report_latex
from symconv.cli.options import (
    add_configuration,
    add_output,
    add_work_limit,
    read_request,
    single_channel,
)
from symconv.cli.output import write_latex, write_output
from symconv.errors import SymconvError

FORMATS = ("text", "latex", "json")
MAX_BYTES = 1_000_000

EXAMPLES = r"""examples:
  symconv check --preset example-2d-s1 mine.tex
  echo '[x1*w2, x1*w3 + x2*w1, x2*w2]' | symconv check --preset example-1d
  symconv check --input 3 --kernel 2 --stride 2 mine.txt --format json
  symconv check --preset example-2d-s1 mine.tex --format latex -o report.tex

The result may be a LaTeX matrix (pmatrix, bmatrix, array, \left( ... \right); with or
without $$ or \[ \]), rows written with & and \\, a vector like [x1*w2, x1*w3 + x2*w1,
x2*w2], SymPy or Python syntax, or JSON. Names are read by the configuration's symbols:
aw_{11}, a×w₁₁ and a \cdot w_{11} are all a*w11.

A file may show the whole derivation (Markdown or LaTeX): each matrix is checked against
the step its name claims (aK for a times the kernel, O_{full} for the canvas before the
crop, Z for the stretched and bordered input, K_{flip}, C, C^T, and O or y for the
result), and each size line such as O = 2(2-1)+3-2 = 3 is checked too.

exit status: 0 all right, 1 something wrong, 2 unreadable input
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check a hand derivation: which entries are wrong, and why",
        description="Compare a hand-written result with the engine's and report each wrong "
        "entry (row and column counted from 1), the terms missing and extra, and the "
        "likely mistake.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE",
        help="the written result; '-' or nothing reads stdin",
    )
    add_configuration(parser)
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format (text)")
    add_work_limit(parser)
    add_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    single_channel(args, "check")
    derivation = read_request(args).derivation
    text = read_text(args.file)
    if is_homework(text):
        report = check_homework(text, derivation)
        latex = homework_latex
    else:
        report = check(text, derivation)
        latex = report_latex
    if args.format == "json":
        output = report.to_json()
    elif args.format == "latex":
        write_latex(args, latex(report))
        return report.exit_status
    else:
        output = report.to_text()
    write_output(args, output)
    return report.exit_status


def read_text(name: str) -> str:
    """The text of ``name`` (``-`` is stdin), or a SymconvError naming what went wrong."""
    if name == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise SymconvError("FILE", "missing: give a file, or pipe the result into stdin")
        data = sys.stdin.read(MAX_BYTES + 1)
        source = "stdin"
        if isinstance(data, bytes):
            data = _decode(data, source)
    else:
        path = Path(name)
        if not path.exists():
            raise SymconvError("FILE", "does not exist", name)
        if not path.is_file():
            raise SymconvError("FILE", "is not a regular file", name)
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise SymconvError("FILE", f"cannot be read ({exc.strerror})", name) from None
        data, source = _decode(raw, name), name
    if len(data) > MAX_BYTES:
        raise SymconvError("FILE", f"is larger than {MAX_BYTES:,} bytes", source)
    if not data.strip():
        raise SymconvError("FILE", "is empty: write the result in it", source)
    return data


def _decode(raw: bytes, source: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SymconvError("FILE", "is not UTF-8 text", source) from None
