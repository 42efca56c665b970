"""``symconv grade``: check a folder of submissions against a sheet; a table and a summary.

``-o results.csv`` writes ``results.csv`` and ``results.json`` (student, exercise,
verdict, diagnosis, headline; sorted by student then exercise) and
``results-summary.tex``, a one-page summary (``--pdf`` compiles it). An answer the checker
cannot read is graded ``unreadable``; grading goes on.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from symconv.cli.output import write_documents
from symconv.errors import SymconvError
from symconv.teaching.grading import VERDICTS, grade

EXAMPLES = """examples:
  symconv exercises --count 6 --seed 42 -o sheet.tex
  symconv grade sheet.json submissions/ -o results.csv --pdf
  symconv grade --force -o results.csv sheet.json submissions/

One file per student in SUBMISSIONS (the student is the file's name without its
extension), in LaTeX, Markdown or plain text, each answer after a heading such as
'Exercise 2', '## Exercise 2', '\\section*{Exercise 2}' or '% Exercise 2'.
verdicts: right, wrong, missing, unreadable
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "grade",
        help="check a folder of submissions against a sheet",
        description="Check each student's answers against the sheet written by symconv "
        "exercises, and write the verdicts and diagnoses as CSV and JSON, with a one-page "
        "summary of the most common mistakes as LaTeX.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("sheet", metavar="SHEET", help="the sheet's JSON (from symconv exercises)")
    parser.add_argument("submissions", metavar="SUBMISSIONS", help="a folder, one file a student")
    parser.add_argument(
        "-o", "--output", metavar="FILE.csv", help="the table; JSON and summary go beside it"
    )
    parser.add_argument("--pdf", action="store_true", help="also compile the summary")
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.output:
        raise SymconvError("-o", "is required: the table is written to FILE.csv, the rest beside")
    table_path = Path(args.output)
    if table_path.suffix != ".csv":
        raise SymconvError(
            "-o", "must name a .csv file (JSON and summary go beside it)", args.output
        )
    table = grade(Path(args.sheet), Path(args.submissions))
    files = [
        (table_path, table.to_csv()),
        (table_path.with_suffix(".json"), table.to_json()),
        (table_path.with_name(table_path.stem + "-summary.tex"), table.summary_latex()),
    ]
    written = write_documents(files, force=args.force, pdf=args.pdf)
    counts = Counter(g.verdict for g in table.grades)
    print(
        f"{len(table.students)} students, {len(table.sheet.exercises)} exercises: "
        + ", ".join(f"{counts[v]} {v}" for v in VERDICTS)
    )
    print(f"symconv: wrote {', '.join(str(p) for p in written)}", file=sys.stderr)
    return 0
