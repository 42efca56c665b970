"""``symconv size``: the output size per dimension, with the formula worked out.

>>> from symconv.cli.main import main
>>> main(["size", "--input", "2x2", "--kernel", "2", "--stride", "2"])
O_1 = 2*(2 - 1) + 2 - 2*0 = 4
O_2 = 2*(2 - 1) + 2 - 2*0 = 4
0
"""

from __future__ import annotations

import argparse

from symconv.cli.options import add_configuration, add_output, read_configuration
from symconv.cli.output import write_output
from symconv.core.sizes import size_lines
from symconv.core.windows import convention_size_lines
from symconv.errors import SymconvError

EXAMPLES = """examples:
  symconv size --input 2 --kernel 3 --stride 2 --padding 1
  symconv size --input 4x4 --kernel 3x3 --stride 2 --padding 1 --output-padding 1
  symconv size --preset example-2d-s2
  symconv size --convention keras --input 2 --kernel 3 --stride 2 --padding same --output-padding 1
  symconv size --convention jax --input 3 --kernel 3 --padding 2:4
  symconv size --convention tf --input 2 --kernel 3 --stride 2 --padding SAME --output-shape 4
"""
CONVENTIONS = ("torch", "keras", "tf", "jax")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "size",
        help="output size, with the formula worked out",
        description="Print the output size per dimension, working the formula with your numbers.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_configuration(parser, channels=False)
    parser.add_argument(
        "--convention",
        choices=CONVENTIONS,
        default="torch",
        help="whose rules: torch (the default), keras (--padding same|valid), tf (SAME|VALID "
        "with --output-shape), jax (SAME|VALID or lo:hi pairs)",
    )
    parser.add_argument("--output-shape", default=None, metavar="O", help="tf: e.g. 4 or 4x4")
    add_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.convention == "torch":
        write_output(args, size_lines(read_configuration(args).geometry))
        return 0
    input_size = _numbers("--input", args.input)
    rank = len(input_size)
    kernel = _per_axis("--kernel", args.kernel, rank)
    stride = _per_axis("--stride", args.stride, rank)
    dilation = _per_axis("--dilation", args.dilation, rank)
    padding = _padding(args.convention, args.padding)
    extra = None
    if "--output-padding" in getattr(args, "typed", frozenset()):  # Keras tells None from 0
        extra = _per_axis("--output-padding", args.output_padding, rank)
    shape = None
    if args.convention == "tf":
        if args.output_shape is None:
            raise SymconvError("--output-shape", "is needed with --convention tf")
        shape = _per_axis("--output-shape", args.output_shape, rank)
    text = convention_size_lines(
        args.convention, input_size, kernel, stride, dilation, padding, extra, shape
    )
    write_output(args, text)
    return 0


def _numbers(flag: str, text) -> tuple[int, ...]:
    try:
        values = tuple(int(p) for p in str(text).replace(",", "x").split("x"))
    except ValueError:
        raise SymconvError(flag, "must be whole numbers, like 2 or 2x3", text) from None
    if min(values) < 0:
        raise SymconvError(flag, "must be >= 0", text)
    return values


def _per_axis(flag: str, text, rank: int) -> tuple[int, ...]:
    values = _numbers(flag, text)
    if len(values) == 1:
        return values * rank
    if len(values) != rank:
        raise SymconvError(flag, f"needs 1 or {rank} values", text)
    return values


def _padding(convention: str, text) -> object:
    text = "VALID" if text in (None, "0") and convention != "keras" else text
    text = "valid" if text in (None, "0") else text
    modes = {"keras": ("same", "valid"), "tf": ("SAME", "VALID"), "jax": ("SAME", "VALID")}
    for mode in modes[convention]:
        if str(text).lower() == mode.lower():
            return mode
    if convention == "jax" and ":" in str(text):
        pairs = []
        for part in str(text).split("x"):
            low, _, high = part.partition(":")
            pairs.append((int(low), int(high)))
        return pairs
    raise SymconvError(
        "--padding", f"must be {' or '.join(modes[convention])} for {convention}", text
    )
