"""The ``symconv`` command line: one subcommand per module in :mod:`symconv.cli.commands`.

Exit statuses: 0 success, 1 checked and found wrong, 2 bad input (one line on stderr).

>>> main(["size", "--input", "2", "--kernel", "3", "--stride", "2", "--padding", "1"])
O = 2*(2 - 1) + 3 - 2*1 = 3
0
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

from symconv.errors import SymconvError

#: The subcommands, each a module of :mod:`symconv.cli.commands`, in the order help lists them.
COMMANDS = (
    "size", "derive", "matrix", "verify", "example", "animate", "check", "analyze", "exercises",
    "grade", "translate",
)  # fmt: skip


class UsageError(SymconvError):
    """A command-line argument that argparse itself refused."""

    def __init__(self, message: str):
        ValueError.__init__(self, message)
        self.parameter, self.rule, self.value = "arguments", message, None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, no usage dump, exit status 2 via main()
        raise UsageError(message)

    def _get_formatter(self):
        # argparse would import shutil (and with it bz2 and lzma) for the terminal's width.
        return self.formatter_class(prog=self.prog, width=_terminal_columns() - 2)


def _terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size().columns`` gives it."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        size = os.get_terminal_size(sys.__stdout__.fileno())
    except (AttributeError, ValueError, OSError):
        size = os.terminal_size((80, 24))
    return size.columns or 80


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every available subcommand registered, or ``only`` that one.

    Each subcommand's module is imported when it is registered, so ``symconv size`` loads
    neither SymPy nor Jinja.

    >>> build_parser("size").parse_args(["size", "--input", "2", "--kernel", "3"]).command
    'size'
    """
    parser = _Parser(
        prog="symconv",
        description="Derive transposed convolutions symbolically and write them up.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in (only,) if only in COMMANDS else COMMANDS:
        command_module(name).register(sub)
    return parser


def command_module(name: str):
    """The module of one subcommand, imported when first asked for (``symconv size`` needs no
    SymPy, the others load what they use).

    >>> command_module("size").__name__
    'symconv.cli.commands.size'
    """
    if name == "size":
        from symconv.cli.commands import size as module
    elif name == "derive":
        from symconv.cli.commands import derive as module
    elif name == "matrix":
        from symconv.cli.commands import matrix as module
    elif name == "verify":
        from symconv.cli.commands import verify as module
    elif name == "example":
        from symconv.cli.commands import example as module
    elif name == "check":
        from symconv.cli.commands import check as module
    elif name == "analyze":
        from symconv.cli.commands import analyze as module
    elif name == "animate":
        from symconv.cli.commands import animate as module
    elif name == "exercises":
        from symconv.cli.commands import exercises as module
    elif name == "grade":
        from symconv.cli.commands import grade as module
    elif name == "translate":
        from symconv.cli.commands import translate as module
    else:
        raise ValueError(f"no subcommand {name!r}")
    return module


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status instead of raising."""
    try:
        argv = sys.argv[1:] if argv is None else list(argv)
        args = build_parser(argv[0] if argv else None).parse_args(argv)
        return int(args.run(args) or 0)
    except SymconvError as exc:
        print(f"symconv: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return _interrupted()
    except BrokenPipeError:
        # The reader went away (``symconv derive ... | head``): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def entry_point() -> None:
    """Console-script entry: load the command's libraries, then exit with :func:`main`'s status.

    The libraries (SymPy, Jinja) live as long as the process, so they are loaded with the
    cyclic garbage collector off and then frozen (``gc.freeze``): the collector's passes
    look only at what the command itself makes. On this kind of machine that saves about
    50 ms of the 0.2 s SymPy takes to load, and a 20 ms pass in a 32 x 32 ``verify``.
    """
    command = sys.argv[1] if len(sys.argv) > 1 else None
    if command in COMMANDS:
        gc.disable()
        try:
            command_module(command)
        except KeyboardInterrupt:
            sys.exit(_interrupted())
        finally:
            gc.enable()
        gc.freeze()
    sys.exit(main())


def _interrupted() -> int:
    """Say that the user stopped the command (Ctrl-C), and give its exit status."""
    print("symconv: interrupted", file=sys.stderr)
    return 130


if __name__ == "__main__":
    entry_point()
