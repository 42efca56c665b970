"""``symconv size``: the output size per dimension, with the formula worked out.

>>> from symconv.geometry import make_geometry
>>> print(size_lines(make_geometry((2, 2), 2, stride=2)))
O_1 = 2*(2 - 1) + 2 - 2*0 = 4
O_2 = 2*(2 - 1) + 2 - 2*0 = 4
"""

from __future__ import annotations

import argparse

from symconv.commands.common import add_configuration, add_output, configuration, write_output
from symconv.geometry import Geometry

EXAMPLES = """examples:
  symconv size --input 2 --kernel 3 --stride 2 --padding 1
  symconv size --input 4x4 --kernel 3x3 --stride 2 --padding 1 --output-padding 1
  symconv size --preset seed-2d-s2
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "size",
        help="output size, with the formula worked out",
        description="Print the output size per dimension, working the formula with your numbers.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_configuration(parser)
    add_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    write_output(args, size_lines(configuration(args).geometry))
    return 0


def size_lines(g: Geometry) -> str:
    """One line per dimension: ``O = s*(I - 1) + k - 2*p = value`` with the extra terms used."""
    lines = []
    for axis in range(g.rank):
        i, k, s = g.input_size[axis], g.kernel_size[axis], g.stride[axis]
        d, op = g.dilation[axis], g.output_padding[axis]
        b, e = g.pad_begin[axis], g.pad_end[axis]
        kernel = f"{d}*({k} - 1) + 1" if d != 1 else f"{k}"
        pads = f"2*{b}" if b == e else f"({b} + {e})"
        extra = f" + {op}" if op else ""
        name = "O" if g.rank == 1 else f"O_{axis + 1}"
        lines.append(f"{name} = {s}*({i} - 1) + {kernel} - {pads}{extra} = {g.output_size[axis]}")
    return "\n".join(lines)
