"""Flags shared by the subcommands, the request they describe, and safe writing of files.

>>> parse_shape("--input", "2x3")
(2, 3)
>>> parse_shape("--stride", "2")
(2,)
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sympy import ImmutableDenseNDimArray

from symconv.cli.files import write_file
from symconv.core.budget import (
    DEFAULT_MAX_TERMS,
    WorkEstimate,
    check_budget,
    estimate_work,
    stage_reporter,
)
from symconv.core.geometry import Geometry, make_geometry
from symconv.core.tensors import check_symbol_name, letters, symbols_array
from symconv.engine.derivation import Derivation, derive_symbolic
from symconv.engine.presets import PRESETS, preset
from symconv.errors import SymconvError
from symconv.notation.expressions import DELIMITERS, Notation

_SHAPE = re.compile(r"\d+(x\d+)*")
_PADS = re.compile(r"\d+(,\d+)*")
_COUNTS = ("batch", "in_channels", "out_channels", "groups")


def parse_shape(flag: str, text: str) -> tuple[int, ...]:
    """Read ``2``, ``2x3`` or ``2x3x4`` as a tuple of ints, or raise naming the flag."""
    if not isinstance(text, str) or not _SHAPE.fullmatch(text):
        raise SymconvError(flag, "must be whole numbers joined by 'x', like 2 or 2x3", text)
    return tuple(int(part) for part in text.split("x"))


class _Typed(argparse.Action):
    """Store the value and remember that the user typed the flag (presets refuse them)."""

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)
        namespace.typed = getattr(namespace, "typed", frozenset()) | {option_string}


class _TypedTrue(_Typed):
    def __init__(self, option_strings, dest, default=False, required=False, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        super().__call__(parser, namespace, True, option_string)


def add_configuration(parser: argparse.ArgumentParser) -> None:
    """Add the flags that describe one single-channel configuration, or a preset."""
    group = parser.add_argument_group("configuration")
    group.add_argument("--preset", choices=sorted(PRESETS), help="one of the seed's examples")
    group.add_argument("--input", metavar="SIZE", help="input size, e.g. 2 or 2x2")
    group.add_argument("--kernel", metavar="SIZE", help="kernel size, e.g. 3 or 3x3")
    group.add_argument(
        "--stride", default="1", action=_Typed, metavar="S", help="e.g. 2 or 2x1 (default 1)"
    )
    group.add_argument(
        "--padding", default="0", action=_Typed, metavar="P", help="e.g. 1 or 1x0 (default 0)"
    )
    group.add_argument(
        "--pads",
        metavar="B,E",
        help="ONNX pads: begin per dimension, then end per dimension, e.g. 1,0,1,0",
    )
    group.add_argument(
        "--output-padding",
        default="0",
        action=_Typed,
        metavar="A",
        help="extra zeros at the high end",
    )
    group.add_argument(
        "--dilation", default="1", action=_Typed, metavar="D", help="kernel dilation (default 1)"
    )
    group.add_argument(
        "--input-name", default="x", action=_Typed, metavar="NAME", help="input symbol (x)"
    )
    group.add_argument(
        "--kernel-name", default="w", action=_Typed, metavar="NAME", help="kernel symbol (w)"
    )
    group.add_argument("--letters", action=_TypedTrue, help="name inputs a, b, c, ...")
    group.add_argument(
        "--base", type=int, action=_Typed, choices=(0, 1), default=1, help="index base (1)"
    )
    channels = parser.add_argument_group("channels (PyTorch layout: input N x C_in x I)")
    channels.add_argument("--in-channels", default="1", metavar="C", help="C_in (default 1)")
    channels.add_argument("--out-channels", default="1", metavar="C", help="C_out (default 1)")
    channels.add_argument("--groups", default="1", metavar="G", help="groups (default 1)")
    channels.add_argument("--batch", default="1", metavar="N", help="batch size N (default 1)")


def configuration(args: argparse.Namespace) -> Derivation:
    """The (single-channel) derivation the configuration flags describe.

    Refused above ``--max-terms`` (where the command has it) before any symbol is made.
    """
    if args.preset:
        return _preset(args)
    g = configuration_geometry(args)
    max_terms = getattr(args, "max_terms", DEFAULT_MAX_TERMS)
    check_budget(estimate_work(g), max_terms, option="--max-terms")
    return _named(
        derive_symbolic,
        g.input_size,
        g.kernel_size,
        g.stride,
        tuple(zip(g.pad_begin, g.pad_end)),
        g.output_padding,
        g.dilation,
        input_name=args.input_name,
        kernel_name=args.kernel_name,
        base=args.base,
        input_letters=args.letters,
        max_terms=max_terms,
    )


def configuration_geometry(args: argparse.Namespace) -> Geometry:
    """The geometry the configuration flags describe, checked before any symbol is made."""
    if args.preset:
        return _preset(args).geometry
    check_symbol_name("--input-name", args.input_name)
    check_symbol_name("--kernel-name", args.kernel_name)
    for flag in ("input", "kernel"):
        if not getattr(args, flag):
            raise SymconvError(f"--{flag}", "is required unless --preset is given")
    input_size = parse_shape("--input", args.input)
    rank = len(input_size)
    values = {
        name: _per_rank(f"--{name.replace('_', '-')}", getattr(args, name), rank)
        for name in ("kernel", "stride", "padding", "output_padding", "dilation")
    }
    pads = getattr(args, "pads", None)
    if pads is not None:
        if args.padding != "0":
            raise SymconvError("--pads", "cannot be combined with --padding", pads)
        values["padding"] = parse_pads(pads, rank)
    try:
        return make_geometry(
            input_size,
            values["kernel"],
            values["stride"],
            values["padding"],
            values["output_padding"],
            values["dilation"],
            rank=rank,
        )
    except SymconvError as error:  # name the flag the user typed, not the Python parameter
        flag = "--pads" if pads is not None and error.parameter == "padding" else None
        flag = flag or _FLAGS.get(error.parameter, error.parameter)
        raise SymconvError(flag, error.rule, error.value) from None


_FLAGS = {
    "input_size": "--input",
    "kernel_size": "--kernel",
    "stride": "--stride",
    "padding": "--padding",
    "output_padding": "--output-padding",
    "dilation": "--dilation",
}


def _named(build, *args, **kwargs):
    try:
        return build(*args, **kwargs)
    except SymconvError as error:
        if error.parameter != "kernel_name":
            raise
        raise SymconvError("--kernel-name", error.rule, error.value) from None


def _preset(args: argparse.Namespace) -> Derivation:
    given = [f"--{f}" for f in ("input", "kernel", "pads") if getattr(args, f, None)]
    given += sorted(getattr(args, "typed", ()))
    if given:
        raise SymconvError("--preset", f"cannot be combined with {given[0]}", args.preset)
    return preset(args.preset)


def parse_pads(text: str, rank: int) -> tuple[tuple[int, int], ...]:
    """Read ONNX ``pads`` (begin per dimension, then end per dimension) as (begin, end) pairs.

    >>> parse_pads("1,0,2,0", 2)
    ((1, 2), (0, 0))
    """
    if not isinstance(text, str) or not _PADS.fullmatch(text):
        raise SymconvError("--pads", "must be whole numbers joined by ',', like 1,0,1,0", text)
    values = [int(part) for part in text.split(",")]
    if len(values) != 2 * rank:
        raise SymconvError(
            "--pads", f"needs {2 * rank} values (begin per dimension, then end) for --input", text
        )
    return tuple(zip(values[:rank], values[rank:]))


def channel_counts(args: argparse.Namespace) -> dict[str, int]:
    """``batch``, ``in_channels``, ``out_channels`` and ``groups`` from their flags, checked."""
    counts = {}
    for name in _COUNTS:
        flag, text = "--" + name.replace("_", "-"), getattr(args, name, "1")
        values = parse_shape(flag, text)
        if len(values) != 1 or values[0] < 1:
            raise SymconvError(flag, "must be one whole number >= 1", text)
        counts[name] = values[0]
    if counts["in_channels"] % counts["groups"]:
        raise SymconvError(
            "--groups", f"must divide --in-channels ({counts['in_channels']})", args.groups
        )
    if counts["out_channels"] % counts["groups"]:
        raise SymconvError(
            "--out-channels",
            f"must be a multiple of --groups ({counts['groups']})",
            args.out_channels,
        )
    return counts


@dataclass(frozen=True)
class ChannelOperands:
    """Symbolic operands of a multi-channel request in PyTorch's layout, and its parameters.

    ``input`` is ``(N, C_in, *I)`` and ``weight`` is ``(C_in, C_out/groups, *k)``.
    """

    input: ImmutableDenseNDimArray
    weight: ImmutableDenseNDimArray
    geometry: Geometry
    groups: int

    @property
    def parameters(self) -> dict:
        """stride, padding, output_padding, groups and dilation, as keyword arguments."""
        g = self.geometry
        return dict(
            stride=g.stride,
            padding=tuple(zip(g.pad_begin, g.pad_end)),
            output_padding=g.output_padding,
            groups=self.groups,
            dilation=g.dilation,
        )


def channel_operands(
    args: argparse.Namespace, geometry: Geometry, counts: dict[str, int]
) -> ChannelOperands:
    """Build the symbolic input and weight of a multi-channel request with ``symbols_array``."""
    shape = (counts["batch"], counts["in_channels"], *geometry.input_size)
    if args.letters:
        x = letters(shape)
    else:
        x = symbols_array(args.input_name, shape, base=args.base)
    weight_shape = (
        counts["in_channels"],
        counts["out_channels"] // counts["groups"],
        *geometry.kernel_size,
    )
    w = symbols_array(args.kernel_name, weight_shape, base=args.base)
    return ChannelOperands(x, w, geometry, counts["groups"])


@dataclass(frozen=True)
class Request:
    """What ``derive``, ``matrix`` and ``verify`` compute, its size known and within the limit.

    ``counts`` holds ``batch``, ``in_channels``, ``out_channels`` and ``groups``.
    ``derivation`` is set for one channel in and out and a batch of one, ``channels``
    otherwise; ``stage(message)`` reports progress on long work (stderr, terminals only).
    """

    work: WorkEstimate
    counts: dict[str, int]
    stage: Callable[[str], None] = field(repr=False)
    derivation: Derivation | None = None
    channels: ChannelOperands | None = None


def add_format(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    """Add ``--format`` and, for LaTeX, ``--delimiter`` and ``--full`` (no elision)."""
    parser.add_argument("--format", choices=formats, default="text", help="(default text)")
    parser.add_argument(
        "--delimiter",
        choices=DELIMITERS,
        default="pmatrix",
        help="LaTeX matrix environment (default pmatrix)",
    )
    parser.add_argument(
        "--full", action="store_true", help="LaTeX: write every entry (default: elide past 8)"
    )


def notation(args: argparse.Namespace) -> Notation:
    """The LaTeX notation the ``--delimiter`` and ``--full`` flags ask for."""
    return Notation(delimiter=args.delimiter, full=args.full)


def add_work_limit(parser: argparse.ArgumentParser) -> None:
    """Add ``--max-terms``, the limit on the product terms a request may form."""
    parser.add_argument(
        "--max-terms",
        type=int,
        default=DEFAULT_MAX_TERMS,
        metavar="N",
        help=f"refuse requests of more product terms than N (default {DEFAULT_MAX_TERMS:,})",
    )


def prepare(args: argparse.Namespace) -> Request:
    """Estimate the request's work, refuse it above ``--max-terms``, then build its operands."""
    geometry = configuration_geometry(args)
    counts = channel_counts(args)
    work = estimate_work(geometry, **counts)
    check_budget(work, args.max_terms, option="--max-terms")
    stage = stage_reporter(work)
    if all(value == 1 for value in counts.values()):
        return Request(work, counts, stage, derivation=configuration(args))
    return Request(work, counts, stage, channels=channel_operands(args, geometry, counts))


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
    """Print ``text``, or write it to ``args.output`` atomically (never half-written).

    Either way the text ends with a newline, so a file holds exactly what is printed.
    """
    text = text if text.endswith("\n") else text + "\n"
    if not args.output:
        sys.stdout.write(text)
        return
    write_file(Path(args.output), text.encode("utf-8"), force=args.force)
