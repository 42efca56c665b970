"""Flags shared by the subcommands, and safe writing of output files.

>>> parse_shape("--input", "2x3")
(2, 3)
>>> parse_shape("--stride", "2")
(2,)
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

from symconv.derivation import Derivation, derive_symbolic
from symconv.errors import SymconvError
from symconv.presets import PRESETS, preset

_SHAPE = re.compile(r"\d+(x\d+)*")


def parse_shape(flag: str, text: str) -> tuple[int, ...]:
    """Read ``2``, ``2x3`` or ``2x3x4`` as a tuple of ints, or raise naming the flag."""
    if not isinstance(text, str) or not _SHAPE.fullmatch(text):
        raise SymconvError(flag, "must be whole numbers joined by 'x', like 2 or 2x3", text)
    return tuple(int(part) for part in text.split("x"))


def add_configuration(parser: argparse.ArgumentParser) -> None:
    """Add the flags that describe one single-channel configuration, or a preset."""
    group = parser.add_argument_group("configuration")
    group.add_argument("--preset", choices=sorted(PRESETS), help="one of the seed's examples")
    group.add_argument("--input", metavar="SIZE", help="input size, e.g. 2 or 2x2")
    group.add_argument("--kernel", metavar="SIZE", help="kernel size, e.g. 3 or 3x3")
    group.add_argument("--stride", default="1", metavar="S", help="e.g. 2 or 2x1 (default 1)")
    group.add_argument("--padding", default="0", metavar="P", help="e.g. 1 or 1x0 (default 0)")
    group.add_argument(
        "--output-padding", default="0", metavar="A", help="extra zeros at the high end"
    )
    group.add_argument("--dilation", default="1", metavar="D", help="kernel dilation (default 1)")
    group.add_argument("--input-name", default="x", metavar="NAME", help="input symbol (x)")
    group.add_argument("--kernel-name", default="w", metavar="NAME", help="kernel symbol (w)")
    group.add_argument("--letters", action="store_true", help="name inputs a, b, c, ...")
    group.add_argument("--base", type=int, choices=(0, 1), default=1, help="index base (1)")


def configuration(args: argparse.Namespace) -> Derivation:
    """The derivation the configuration flags describe."""
    if args.preset:
        given = [f for f in ("input", "kernel") if getattr(args, f)]
        if given:
            raise SymconvError("--preset", f"cannot be combined with --{given[0]}", args.preset)
        return preset(args.preset)
    for flag in ("input", "kernel"):
        if not getattr(args, flag):
            raise SymconvError(f"--{flag}", "is required unless --preset is given")
    input_size = parse_shape("--input", args.input)
    rank = len(input_size)
    values = {
        name: _per_rank(f"--{name.replace('_', '-')}", getattr(args, name), rank)
        for name in ("kernel", "stride", "padding", "output_padding", "dilation")
    }
    return derive_symbolic(
        input_size,
        values["kernel"],
        values["stride"],
        values["padding"],
        values["output_padding"],
        values["dilation"],
        input_name=args.input_name,
        kernel_name=args.kernel_name,
        base=args.base,
        input_letters=args.letters,
    )


def _per_rank(flag: str, text: str, rank: int) -> tuple[int, ...]:
    values = parse_shape(flag, text)
    if len(values) == 1:
        return values * rank
    if len(values) != rank:
        raise SymconvError(flag, f"needs 1 or {rank} values to match --input", text)
    return values


def add_output(parser: argparse.ArgumentParser) -> None:
    """Add ``-o FILE`` and ``--force``."""
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument("--force", action="store_true", help="overwrite an existing FILE")


def write_output(args: argparse.Namespace, text: str) -> None:
    """Print ``text``, or write it to ``args.output`` atomically (never half-written)."""
    if not args.output:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    write_file(Path(args.output), text.encode("utf-8"), force=args.force)


def write_file(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Refuses to overwrite an existing file unless ``force``; a missing folder is an error.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise SymconvError("-o", "folder does not exist", str(folder))
    if path.is_dir():
        raise SymconvError("-o", "is a folder, not a file", str(path))
    if path.exists() and not force:
        raise SymconvError("-o", "file exists; pass --force to overwrite", str(path))
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise SymconvError(
            "-o", f"cannot write in this folder ({exc.strerror})", str(folder)
        ) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
