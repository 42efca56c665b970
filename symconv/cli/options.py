"""The flags the subcommands share, read once into one request: one geometry, one budget check.

:func:`read_request` parses the configuration flags into one :class:`Geometry`, estimates
the work and checks it against ``--max-terms`` once, then builds the operands from that
geometry; no layer below rebuilds or rechecks what it is handed.

>>> parse_shape("--input", "2x3")
(2, 3)
>>> parse_pads("1,0,2,0", 2)
((1, 2), (0, 0))
"""

from __future__ import annotations

import argparse
import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from symconv.core.budget import (
    DEFAULT_MAX_TERMS,
    WorkEstimate,
    check_budget,
    estimate_work,
    stage_reporter,
)
from symconv.core.geometry import Geometry, make_geometry
from symconv.core.parameters import begins_then_ends
from symconv.core.windows import PADDING_MODES, convention_window
from symconv.engine.presets import GEOMETRY_KEYS, PRESETS, preset_arguments, preset_name
from symconv.errors import SymconvError

#: Whose padding rules a configuration follows (``--convention``).
CONVENTIONS = ("torch", "onnx", "keras", "tf", "jax")

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:  # SymPy loads only for the commands that build symbols
    from sympy import ImmutableDenseNDimArray

    from symconv.core.problem import Problem
    from symconv.engine.derivation import Derivation
    from symconv.notation.style import Notation

_SHAPE = re.compile(r"\d+(x\d+)*")
_SIGNED_SHAPE = re.compile(r"-?\d+(x-?\d+)*")
_LOW_HIGH = re.compile(r"-?\d+:-?\d+(x-?\d+:-?\d+)*")
_PADS = re.compile(r"\d+(,\d+)*")
_COUNTS = ("batch", "in_channels", "out_channels", "groups")
_FLAGS = {
    "input_size": "--input",
    "kernel_size": "--kernel",
    "stride": "--stride",
    "padding": "--padding",
    "output_padding": "--output-padding",
    "dilation": "--dilation",
    "input_name": "--input-name",
    "kernel_name": "--kernel-name",
    "terms_per_line": "--terms-per-line",
    "width": "--width",
    "template_dir": "--template-dir",
    "output_shape": "--output-shape",
    "auto_pad": "--padding",
    "pads": "--pads",
}


def parse_shape(flag: str, text: str) -> tuple[int, ...]:
    """Read ``2``, ``2x3`` or ``2x3x4`` as a tuple of ints, or raise naming the flag."""
    if isinstance(text, str) and not _SHAPE.fullmatch(text) and _SIGNED_SHAPE.fullmatch(text):
        least = 0 if flag in ("--padding", "--output-padding") else 1
        raise SymconvError(flag, f"must be whole numbers >= {least}", text)
    if not isinstance(text, str) or not _SHAPE.fullmatch(text):
        raise SymconvError(flag, "must be whole numbers joined by 'x', like 2 or 2x3", text)
    return tuple(int(part) for part in text.split("x"))


def parse_pads(text: str, rank: int) -> tuple[tuple[int, int], ...]:
    """Read ONNX ``pads`` (begin per dimension, then end per dimension) as (begin, end) pairs."""
    if not isinstance(text, str) or not _PADS.fullmatch(text):
        raise SymconvError("--pads", "must be whole numbers joined by ',', like 1,0,1,0", text)
    return begins_then_ends("--pads", [int(part) for part in text.split(",")], rank)


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


def add_configuration(parser: argparse.ArgumentParser, *, channels: bool = True) -> None:
    """Add the flags that describe one configuration, or a preset; ``channels`` adds theirs."""
    group = parser.add_argument_group("configuration")
    group.add_argument(
        "--preset",
        choices=sorted(PRESETS),
        type=preset_name,
        help="an example of the document, by name",
    )
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
        help="extra cells at the high end: kept from the end padding, else zeros",
    )
    group.add_argument(
        "--dilation", default="1", action=_Typed, metavar="D", help="kernel dilation (default 1)"
    )
    group.add_argument(
        "--convention",
        choices=CONVENTIONS,
        default="torch",
        help="whose padding rules (default torch): onnx takes --padding SAME_UPPER|SAME_LOWER|"
        "VALID or --pads, --output-shape and --output-padding; keras --padding same|valid and "
        "--output-padding; tf SAME|VALID with --output-shape; jax SAME|VALID or lo:hi pairs",
    )
    group.add_argument("--output-shape", metavar="O", help="tf: the spatial output size, e.g. 4x4")
    group.add_argument(
        "--transpose-kernel",
        action="store_true",
        help="jax: the kernel read as with transpose_kernel=True (else JAX correlates with it "
        "unflipped, and symconv names the kernel as JAX does)",
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
    if not channels:
        return
    group = parser.add_argument_group("channels (PyTorch layout: input N x C_in x I)")
    group.add_argument("--in-channels", default="1", metavar="C", help="C_in (default 1)")
    group.add_argument("--out-channels", default="1", metavar="C", help="C_out (default 1)")
    group.add_argument("--groups", default="1", metavar="G", help="groups (default 1)")
    group.add_argument("--batch", default="1", metavar="N", help="batch size N (default 1)")


def add_notation_options(container) -> None:
    """Add the LaTeX layout flags: --delimiter, --width, --terms-per-line and --full."""
    from symconv.notation.grids import MAX_FULL
    from symconv.notation.style import DELIMITERS, Notation

    default = Notation()
    container.add_argument(
        "--delimiter",
        choices=DELIMITERS,
        default=default.delimiter,
        help=f"LaTeX matrix environment (default {default.delimiter})",
    )
    container.add_argument(
        "--width",
        type=int,
        default=default.width,
        metavar="EM",
        help=f"LaTeX: the room a line has, in em (default {default.width}; about 24 for "
        "one column of a two-column paper)",
    )
    container.add_argument(
        "--terms-per-line",
        type=int,
        metavar="N",
        help="LaTeX: stack longer sums in lines of N terms, for a narrow column",
    )
    container.add_argument(
        "--full",
        action="store_true",
        help=f"LaTeX: write every entry, up to {MAX_FULL} a row or column "
        f"(default: elide past {default.max_rows})",
    )


def add_latex_options(container) -> None:
    """Add the notation options, ``--template-dir`` and ``--pdf`` (the LaTeX documents)."""
    add_notation_options(container)
    container.add_argument(
        "--template-dir", metavar="DIR", help="your templates, searched before the built-in ones"
    )
    container.add_argument("--pdf", action="store_true", help="also write FILE's PDF (needs -o)")


def add_format(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    """Add ``--format`` and the notation options."""
    parser.add_argument("--format", choices=formats, default="text", help="(default text)")
    add_notation_options(parser)


def notation(args: argparse.Namespace) -> Notation:
    """The LaTeX notation the notation flags ask for (see :func:`add_notation_options`)."""
    from symconv.notation.style import Notation

    with flag_names():
        return Notation(
            delimiter=args.delimiter,
            full=args.full,
            terms_per_line=args.terms_per_line,
            width=args.width,
        )


def add_work_limit(parser: argparse.ArgumentParser) -> None:
    """Add ``--max-terms``, the limit on the product terms a request may form."""
    parser.add_argument(
        "--max-terms",
        type=int,
        default=DEFAULT_MAX_TERMS,
        metavar="N",
        help=f"refuse requests of more product terms than N (default {DEFAULT_MAX_TERMS:,})",
    )


def add_output(parser: argparse.ArgumentParser) -> None:
    """Add ``-o FILE`` and ``--force``."""
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument("--force", action="store_true", help="overwrite an existing FILE")


@dataclass(frozen=True)
class Configuration:
    """The configuration flags read: the geometry, and how its symbols are named and titled.

    ``convention`` and ``call`` are the framework whose call the flags describe and that
    call's parameters in its own names (empty for PyTorch's own).
    """

    geometry: Geometry
    naming: dict
    title: str
    convention: str = "torch"
    call: dict = field(default_factory=dict)


def read_configuration(args: argparse.Namespace) -> Configuration:
    """The geometry (made once, checked) and the symbol names the configuration flags give."""
    convention = getattr(args, "convention", "torch")
    if convention != "torch":
        return _convention_configuration(args, convention)
    if args.preset:
        arguments = _preset_arguments(args)
        geometry = make_geometry(**{k: arguments.pop(k) for k in GEOMETRY_KEYS if k in arguments})
        title = arguments.pop("title", "")
        return Configuration(geometry, arguments, title)
    input_size = _input_size(args)
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
    naming = dict(
        input_name=args.input_name,
        kernel_name=args.kernel_name,
        base=args.base,
        input_letters=args.letters,
        flip_kernel=False,
    )
    with flag_names(pads):
        geometry = make_geometry(
            input_size,
            values["kernel"],
            values["stride"],
            values["padding"],
            values["output_padding"],
            values["dilation"],
            rank=rank,
        )
    return Configuration(geometry, naming, "")


def read_convention(args: argparse.Namespace) -> dict:
    """A framework convention's flags read per axis: sizes, stride, dilation, padding, extras.

    ``output_padding`` is None unless typed (Keras tells None from 0).
    """
    input_size = _input_size(args)
    rank = len(input_size)
    read = {
        "input_size": input_size,
        "kernel_size": _per_rank("--kernel", args.kernel, rank),
        "stride": _per_rank("--stride", args.stride, rank),
        "dilation": _per_rank("--dilation", args.dilation, rank),
        "padding": _convention_padding(args.convention, args.padding, rank),
        "output_padding": None,
        "output_shape": None,
    }
    if "--output-padding" in getattr(args, "typed", frozenset()):
        if args.convention != "keras":
            raise SymconvError("--output-padding", f"{args.convention} has no output_padding")
        read["output_padding"] = _per_rank("--output-padding", args.output_padding, rank)
    if args.convention == "tf":
        if args.output_shape is None:
            raise SymconvError("--output-shape", "is needed with --convention tf")
        read["output_shape"] = _per_rank("--output-shape", args.output_shape, rank)
    if args.transpose_kernel and args.convention != "jax":
        raise SymconvError("--transpose-kernel", "is a jax parameter")
    return read


def _convention_padding(convention: str, text: str, rank: int):
    if text in (None, "0"):
        return "valid" if convention == "keras" else "VALID"
    for mode in PADDING_MODES[convention]:
        if text.lower() == mode.lower():
            return mode
    if convention == "jax" and ":" in text:
        if not _LOW_HIGH.fullmatch(text):
            raise SymconvError("--padding", "must be lo:hi pairs joined by 'x', like 2:1x0:1", text)
        pairs = [tuple(int(n) for n in part.split(":")) for part in text.split("x")]
        if len(pairs) == 1:
            pairs *= rank
        if len(pairs) != rank:
            raise SymconvError("--padding", f"needs 1 or {rank} lo:hi pairs", text)
        return pairs
    rule = " or ".join(PADDING_MODES[convention]) + (
        " or lo:hi pairs" if convention == "jax" else ""
    )
    raise SymconvError("--padding", f"must be {rule} for {convention}", text)


def convention_windows(read: dict, convention: str) -> list[tuple[int, int]]:
    """The window of the canvas each axis keeps by ``convention``'s rule (core/windows)."""
    padding, extra, shape = read["padding"], read["output_padding"], read["output_shape"]
    return [
        convention_window(
            convention,
            read["input_size"][axis],
            read["kernel_size"][axis],
            read["stride"][axis],
            read["dilation"][axis],
            padding[axis] if isinstance(padding, list) else padding,
            None if extra is None else extra[axis],
            None if shape is None else shape[axis],
            axis,
        )
        for axis in range(len(read["input_size"]))
    ]


def _convention_configuration(args: argparse.Namespace, convention: str) -> Configuration:
    with flag_names():
        if convention == "onnx":
            geometry, call = _onnx_geometry(args)
        else:
            read = read_convention(args)
            call = _convention_call(read, convention, args.transpose_kernel)
            windows = convention_windows(read, convention)
            geometry = make_geometry(
                read["input_size"],
                read["kernel_size"],
                read["stride"],
                windows,
                0,
                read["dilation"],
                rules="onnx",
            )
    naming = dict(
        input_name=args.input_name,
        kernel_name=args.kernel_name,
        base=args.base,
        input_letters=args.letters,
        flip_kernel=convention == "jax" and not args.transpose_kernel,
    )
    return Configuration(geometry, naming, "", convention, call)


def _convention_call(read: dict, convention: str, transpose_kernel: bool) -> dict:
    """The call ``read`` describes in ``convention``'s own names; dilations of 1 left out."""
    from symconv.engine.translate import STEP_NAMES

    stride_name, dilation_name = STEP_NAMES[convention]
    padding = read["padding"]
    extra, shape = read["output_padding"], read["output_shape"]
    call = {
        stride_name: list(read["stride"]),
        "padding": padding if isinstance(padding, str) else [list(pair) for pair in padding],
        "output_padding": None if extra is None else list(extra),
        "output_shape": None if shape is None else list(shape),
        dilation_name: _unless_ones(read["dilation"]),
        "transpose_kernel": True if transpose_kernel else None,
    }
    return {name: value for name, value in call.items() if value is not None}


def _unless_ones(values: tuple[int, ...]) -> list[int] | None:
    return None if all(v == 1 for v in values) else list(values)


def _onnx_geometry(args: argparse.Namespace) -> tuple[Geometry, dict]:
    """ONNX's geometry, and its attributes: auto_pad (``--padding``), ``--pads``,
    ``--output-shape``, output_padding (those at their defaults left out of the attributes).
    """
    from symconv.engine.onnx import onnx_pads

    input_size = _input_size(args)
    rank = len(input_size)
    kernel = _per_rank("--kernel", args.kernel, rank)
    auto_pad = "NOTSET" if args.padding in (None, "0") else args.padding.upper()
    attributes = {
        "strides": _per_rank("--stride", args.stride, rank),
        "dilations": _per_rank("--dilation", args.dilation, rank),
        "output_padding": _per_rank("--output-padding", args.output_padding, rank),
        "auto_pad": auto_pad,
    }
    if args.pads is not None:
        attributes["pads"] = [p for pair in zip(*parse_pads(args.pads, rank)) for p in pair]
    if args.output_shape is not None:
        attributes["output_shape"] = _per_rank("--output-shape", args.output_shape, rank)
    begin, end = onnx_pads(input_size, kernel, **attributes)
    geometry = make_geometry(
        input_size,
        kernel,
        attributes["strides"],
        tuple(zip(begin, end)),
        attributes["output_padding"],
        attributes["dilations"],
        rules="onnx",
    )
    call = {
        "strides": list(attributes["strides"]),
        "pads": attributes.get("pads"),
        "output_padding": _unless_zeros(attributes["output_padding"]),
        "dilations": _unless_ones(attributes["dilations"]),
        "auto_pad": None if auto_pad == "NOTSET" else auto_pad,
        "output_shape": attributes.get("output_shape") and list(attributes["output_shape"]),
    }
    return geometry, {name: value for name, value in call.items() if value is not None}


def _unless_zeros(values: tuple[int, ...]) -> list[int] | None:
    return None if all(v == 0 for v in values) else list(values)


def _input_size(args: argparse.Namespace) -> tuple[int, ...]:
    """``--input`` read, once ``--input`` and ``--kernel`` are known to be given (no preset)."""
    convention = getattr(args, "convention", "torch")
    if args.preset and convention != "torch":
        raise SymconvError("--preset", f"cannot be combined with --convention {convention}")
    for flag in ("input", "kernel"):
        if not getattr(args, flag):
            raise SymconvError(f"--{flag}", "is required unless --preset is given")
    return parse_shape("--input", args.input)


def _preset_arguments(args: argparse.Namespace) -> dict:
    given = [f"--{f}" for f in ("input", "kernel", "pads") if getattr(args, f, None)]
    given += sorted(getattr(args, "typed", ()))
    if given:
        raise SymconvError("--preset", f"cannot be combined with {given[0]}", args.preset)
    return preset_arguments(args.preset)


@contextlib.contextmanager
def flag_names(pads: str | None = None):
    """Re-raise a SymconvError about a Python parameter as one about the flag the user typed.

    >>> with flag_names():
    ...     raise SymconvError("template_dir", "must be an existing folder", "x")
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: --template-dir: must be an existing folder (got 'x')
    """
    try:
        yield
    except SymconvError as error:
        if error.parameter.startswith("-"):
            raise
        flag = "--pads" if pads is not None and error.parameter == "padding" else None
        flag = flag or _FLAGS.get(error.parameter, error.parameter)
        given = () if error.value is None else (as_typed(error.value),)
        raise SymconvError(flag, error.rule, *given) from None


def as_typed(value: object) -> object:
    """A per-axis value as it is typed on the command line: ``(2, 3)`` as ``'2x3'``.

    >>> as_typed((0,)), as_typed((2, 3)), as_typed("same"), as_typed([(-3, -3), (1, 0)])
    ('0', '2x3', 'same', '-3:-3x1:0')
    """
    if isinstance(value, tuple) and value and all(type(v) is int for v in value):
        return "x".join(str(v) for v in value)
    pairs = isinstance(value, list | tuple) and value
    if pairs and all(isinstance(p, tuple) and len(p) == 2 for p in value):
        if all(type(n) is int for p in value for n in p):
            return "x".join(f"{low}:{high}" for low, high in value)
    return value


def _per_rank(flag: str, text: str, rank: int) -> tuple[int, ...]:
    values = parse_shape(flag, text)
    if len(values) == 1:
        return values * rank
    if len(values) != rank:
        raise SymconvError(flag, f"needs 1 or {rank} values to match --input", text)
    return values


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
class Request:
    """One request, its size known and within the limit, and its operands built once.

    ``derivation`` is set for one channel in and out and a batch of one (its problem is
    ``problem``); ``input`` and ``weight`` are the operands in PyTorch's layout, or the
    plain grids of a single channel. ``stage(message)`` reports progress on long work
    (stderr, terminals only).
    """

    geometry: Geometry
    counts: dict[str, int]
    work: WorkEstimate
    problem: Problem
    input: ImmutableDenseNDimArray
    weight: ImmutableDenseNDimArray
    stage: Callable[[str], None] = field(repr=False)
    derivation: Derivation | None = None


def read_request(args: argparse.Namespace) -> Request:
    """Read the flags, check the work against ``--max-terms`` once, then build the operands."""
    from symconv.core.problem import problem_from_geometry
    from symconv.engine.derivation import symbolic_derivation, symbolic_operands
    from symconv.engine.translate import Call

    config = read_configuration(args)
    geometry = config.geometry
    counts = channel_counts(args)
    work = estimate_work(geometry, **counts)
    check_budget(work, getattr(args, "max_terms", DEFAULT_MAX_TERMS), option="--max-terms")
    stage = stage_reporter(work)
    title = getattr(args, "title", None)
    title = config.title if title is None else title
    with flag_names():
        if all(value == 1 for value in counts.values()):
            call = None if config.convention == "torch" else Call(config.convention, config.call)
            d = symbolic_derivation(geometry, title=title, call=call, **config.naming)
            return Request(geometry, counts, work, d.problem, d.input, d.kernel, stage, d)
        per_group = counts["out_channels"] // counts["groups"]
        x, w = symbolic_operands(
            (counts["batch"], counts["in_channels"], *geometry.input_size),
            (counts["in_channels"], per_group, *geometry.kernel_size),
            **config.naming,
        )
    problem = problem_from_geometry(x, w, None, counts["groups"], geometry, max_terms=None)
    return Request(geometry, counts, work, problem, x, w, stage)


def single_channel(args: argparse.Namespace, command: str) -> None:
    """Refuse channel flags for a command that works on one single-channel grid."""
    for name in _COUNTS:
        value = getattr(args, name, "1")
        if value != "1":
            flag = "--" + name.replace("_", "-")
            rule = f"{command} works on one single-channel grid; leave it at 1"
            raise SymconvError(flag, rule, value)
