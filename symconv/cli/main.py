"""The ``symconv`` command line: one subcommand per module in :mod:`symconv.cli.commands`.

Exit statuses: 0 success, 1 checked and found wrong, 2 bad input (one line on stderr).

>>> main(["size", "--input", "2", "--kernel", "3", "--stride", "2", "--padding", "1"])
O = 2*(2 - 1) + 3 - 2*1 = 3
0
"""

from __future__ import annotations

import argparse
import os
import sys

from symconv.cli.commands import (
    analyze,
    animate,
    check,
    derive,
    example,
    exercises,
    grade,
    matrix,
    size,
    translate,
    verify,
)
from symconv.errors import SymconvError

COMMANDS = (
    size, derive, matrix, verify, example, animate, check, analyze, exercises, grade, translate,
)  # fmt: skip


class UsageError(SymconvError):
    """A command-line argument that argparse itself refused."""

    def __init__(self, message: str):
        ValueError.__init__(self, message)
        self.parameter, self.rule, self.value = "arguments", message, None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, no usage dump, exit status 2 via main()
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available subcommand registered."""
    parser = _Parser(
        prog="symconv",
        description="Derive transposed convolutions symbolically and write them up.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status instead of raising."""
    try:
        args = build_parser().parse_args(argv)
        return int(args.run(args) or 0)
    except SymconvError as exc:
        print(f"symconv: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("symconv: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``symconv derive ... | head``): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def entry_point() -> None:
    """Console-script entry: exit with :func:`main`'s status."""
    sys.exit(main())


if __name__ == "__main__":
    entry_point()
