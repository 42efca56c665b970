"""``symconv matrix``: C, the direct convolution's matrix, and C^T, the transposed convolution's.

``vec(O) = C^T vec(I)``: row ``r`` of C^T lists which input entries (times which kernel
taps) sum into output entry ``r``.

>>> from symconv.engine.presets import preset
>>> print(matrices_text(preset("example-1d").conv_matrix, "both"))
C (2 x 3) =
[w2, w3,  0]
[ 0, w1, w2]
<BLANKLINE>
C^T (3 x 2) =
[w2,  0]
[w3, w1]
[ 0, w2]
"""

from __future__ import annotations

import argparse
import math

from sympy import ImmutableSparseMatrix

from symconv.cli.options import (
    Request,
    add_configuration,
    add_format,
    add_output,
    add_work_limit,
    notation,
    read_request,
)
from symconv.cli.output import write_latex, write_output
from symconv.core.budget import check_limit
from symconv.notation.grids import display_equation, matrix_latex, matrix_text
from symconv.notation.statements import TRANSPOSE
from symconv.notation.style import Notation
from symconv.views.matrix import conv_matrix_of

EXAMPLES = """examples:
  symconv matrix --preset example-1d
  symconv matrix --input 2x2 --kernel 2x2 --stride 1 --which CT
  symconv matrix --input 3 --kernel 3 --stride 2 --padding 1 --format latex
  symconv matrix --input 2 --kernel 2 --in-channels 2 --out-channels 2 --groups 2
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "matrix",
        help="the matrix C of the direct convolution, and C^T",
        description=(
            "Print C, the matrix of the direct convolution whose transpose this is, and\n"
            "C^T, so that vec(O) = C^T vec(I). Rows and columns run in reading order,\n"
            "channel first. C does not depend on --batch."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_configuration(parser)
    parser.add_argument(
        "--which", choices=("C", "CT", "both"), default="both", help="(default both)"
    )
    add_format(parser, ("text", "latex"))
    add_work_limit(parser)
    add_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    request = read_request(args)
    rows, cols = matrix_shape(request)
    check_limit(
        rows * cols,
        f"{rows * cols:,} matrix entries ({rows} x {cols})",
        args.max_terms,
        option="--max-terms",
    )
    request.stage("building the matrix C")
    matrix = request_matrix(request)
    if args.format == "latex":
        return write_latex(args, matrices_latex(matrix, args.which, notation(args)))
    else:
        write_output(args, matrices_text(matrix, args.which))
    return 0


def matrix_shape(request: Request) -> tuple[int, int]:
    """The size of C, ``(C_in * prod(I), C_out * prod(O))``, known before C is built."""
    g = request.geometry
    rows = request.counts["in_channels"] * math.prod(g.input_size)
    return rows, request.counts["out_channels"] * math.prod(g.output_size)


def request_matrix(request: Request) -> ImmutableSparseMatrix:
    """C for the request: the derivation's own, or that of its problem with channels."""
    if request.derivation is not None:
        return request.derivation.conv_matrix
    return conv_matrix_of(request.problem)


def _chosen(matrix: ImmutableSparseMatrix, which: str) -> list[tuple[str, object]]:
    pairs = {"C": [("C", matrix)], "CT": [("C^T", matrix.T)]}
    pairs["both"] = pairs["C"] + pairs["CT"]
    return pairs[which]


def matrices_text(matrix: ImmutableSparseMatrix, which: str) -> str:
    """C, C^T or both as text, each headed by its name and size."""
    blocks = []
    for name, m in _chosen(matrix, which):
        blocks.append(matrix_text(f"{name} ({m.rows} x {m.cols})", m))
    return "\n\n".join(blocks)


def matrices_latex(
    matrix: ImmutableSparseMatrix, which: str, notation: Notation | None = None
) -> str:
    """C, C^T or both as LaTeX display mathematics, one ``\\[ ... \\]`` each."""
    names = {"C": "C", "C^T": "C" + TRANSPOSE}
    return "".join(
        display_equation(matrix_latex(names[name], m, notation))
        for name, m in _chosen(matrix, which)
    )
