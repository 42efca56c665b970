"""``symconv animate``: one view of the derivation as an animated GIF or PNG, frame by frame.

Each frame is a step (:func:`symconv.animation_frames`): the scatter's blocks painted in
turn and the crop, the flipped kernel sliding over the stretched input, or ``C^T`` times
``x`` row by row; the input and output are labelled, their entries symbolic.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from symconv.cli.files import write_file
from symconv.cli.options import add_configuration, add_work_limit, read_request, single_channel
from symconv.cli.view_option import view_choice
from symconv.errors import SymconvError
from symconv.web.animate import VIEWS, animate

EXAMPLES = """examples:
  symconv animate --preset example-2d-s1 --view scatter -o scatter.gif
  symconv animate --preset example-1d --view zero-insertion -o zero-insertion.png
  symconv animate --input 3x3 --kernel 3x3 --stride 2 --padding 1 --view matrix -o matrix.gif
"""
SUFFIXES = {".gif": "gif", ".png": "apng", ".apng": "apng"}


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "animate",
        help="one view as an animation (GIF or APNG)",
        description=(
            "Draw one view of the derivation step by step as an animation, with symbolic "
            "entries in the cells: scatter (each block painted, overlaps summed, the crop), "
            "zero-insertion (the flipped kernel sliding over the stretched input) or matrix "
            "(C^T times x row by row). -o FILE.gif writes a GIF, FILE.png an animated PNG."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_configuration(parser)
    parser.add_argument(
        "--view", type=view_choice, choices=VIEWS, default="scatter", help="(default scatter)"
    )
    parser.add_argument(
        "--delay", type=int, default=1200, metavar="MS", help="ms a frame (default 1200)"
    )
    add_work_limit(parser)
    parser.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="FILE.gif, FILE.png or FILE.apng"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing FILE")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.output)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise SymconvError("-o", "must end in .gif, .png or .apng", args.output)
    single_channel(args, "animate")
    request = read_request(args)
    data = animate(request.derivation, args.view, kind, args.delay)
    write_file(path, data, force=args.force)
    return 0
