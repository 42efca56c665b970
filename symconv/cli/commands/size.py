"""``symconv size``: the output size per dimension, with the formula worked out.

>>> from symconv.cli.main import main
>>> main(["size", "--input", "2x2", "--kernel", "2", "--stride", "2"])
O_h = 2*(2 - 1) + 2 - 2*0 = 4
O_w = 2*(2 - 1) + 2 - 2*0 = 4
0
"""

from __future__ import annotations

import argparse

from symconv.cli.options import (
    add_configuration,
    add_output,
    flag_names,
    read_configuration,
    read_convention,
)
from symconv.cli.output import write_output
from symconv.core.sizes import size_lines
from symconv.core.windows import convention_size_lines, window_size_lines

EXAMPLES = """examples:
  symconv size --input 2 --kernel 3 --stride 2 --padding 1
  symconv size --input 4x4 --kernel 3x3 --stride 2 --padding 1 --output-padding 1
  symconv size --preset example-2d-s2
  symconv size --convention keras --input 2 --kernel 3 --stride 2 --padding same --output-padding 1
  symconv size --convention jax --input 3 --kernel 3 --padding 2:4
  symconv size --convention tf --input 2 --kernel 3 --stride 2 --padding SAME --output-shape 4
  symconv size --convention onnx --input 2 --kernel 3 --stride 2 --padding SAME_UPPER
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "size",
        help="output size, with the formula worked out",
        description="Print the output size per dimension, working the formula with your numbers.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_configuration(parser, channels=False)
    add_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.convention == "torch":
        write_output(args, size_lines(read_configuration(args).geometry))
        return 0
    if args.convention == "onnx":
        write_output(args, window_size_lines(read_configuration(args).geometry))
        return 0
    with flag_names():
        read = read_convention(args)
        text = convention_size_lines(
            args.convention,
            read["input_size"],
            read["kernel_size"],
            read["stride"],
            read["dilation"],
            read["padding"],
            read["output_padding"],
            read["output_shape"],
        )
    write_output(args, text)
    return 0
