"""``symconv derive``: the output of one configuration as text, LaTeX or JSON.

>>> from symconv.engine.presets import preset
>>> print(derive_text(preset("example-2d-s1"), "zero_insertion"))
O =
[a*w11, a*w12 + b*w11, b*w12]
[a*w21 + c*w11, a*w22 + b*w21 + c*w12 + d*w11, b*w22 + d*w12]
[c*w21, c*w22 + d*w21, d*w22]
"""

from __future__ import annotations

import argparse
import json

from sympy import ImmutableDenseNDimArray

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
from symconv.cli.view_option import view_choice
from symconv.core.geometry import Geometry
from symconv.core.tensors import flat_elements
from symconv.engine.derivation import Derivation
from symconv.engine.pytorch import method_view
from symconv.notation.expressions import ordered_sum_text, symbol_places
from symconv.notation.grids import (
    display_equation,
    output_latex,
    output_text,
    values_latex,
    values_text,
)
from symconv.notation.style import RESULT
from symconv.views import METHODS

EXAMPLES = """examples:
  symconv derive --preset example-1d
  symconv derive --input 2x2 --kernel 2x2 --stride 1 --letters --format latex
  symconv derive --input 3 --kernel 3 --stride 2 --pads 1,0 --method zero_insertion
  symconv derive --input 2x2 --kernel 3x3 --in-channels 2 --out-channels 2 --format json
  symconv derive --preset example-2d-s2 --format latex -o example-2d-s2.tex
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "derive",
        help="the output, entry by entry, as text, LaTeX or JSON",
        description=(
            "Derive the output of a transposed convolution symbolically.\n\n"
            "One channel: sums are written in the order the derivation forms them, as\n"
            "\"Understanding Transposed Convolutions\" writes them. With channels, groups\n"
            "or a batch, the input is N x C_in x I and the weight C_in x C_out/groups x k,\n"
            "as in PyTorch."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_configuration(parser)
    parser.add_argument(
        "--method",
        type=view_choice,
        choices=tuple(METHODS),
        default="scatter",
        help="which of the three derivations computes it (default scatter)",
    )
    add_format(parser, ("text", "latex", "json"))
    add_work_limit(parser)
    add_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    request = read_request(args)
    request.stage(f"deriving the output by {args.method}")
    writers = {"text": _text, "latex": _latex, "json": _json}
    text = writers[args.format](request, args)
    if args.format == "latex":
        return write_latex(args, text)
    write_output(args, text)
    return 0


def single_channel_output(derivation: Derivation, method: str) -> ImmutableDenseNDimArray:
    """The derivation's output as ``method`` computes it (``scatter`` is the derivation's own)."""
    if method == "scatter":
        return derivation.output
    plane = method_view(method)(derivation.problem)[0][0]
    return ImmutableDenseNDimArray(plane, derivation.geometry.output_size)


def _output(request: Request, method: str) -> ImmutableDenseNDimArray:
    if request.derivation is not None:
        return single_channel_output(request.derivation, method)
    return request.problem.assemble(method_view(method)(request.problem))


def derive_text(derivation: Derivation, method: str = "scatter") -> str:
    """The single-channel output as text, sums in the derivation's order."""
    return output_text(derivation, single_channel_output(derivation, method))


def _text(request: Request, args: argparse.Namespace) -> str:
    if request.derivation is not None:
        return derive_text(request.derivation, args.method)
    return values_text(
        RESULT, _output(request, args.method), symbol_places(flat_elements(request.input))
    )


def _latex(request: Request, args: argparse.Namespace) -> str:
    output = _output(request, args.method)
    if request.derivation is not None:
        math = output_latex(request.derivation, notation(args), output)
    else:
        math = values_latex(
            RESULT, output, notation(args), symbol_places(flat_elements(request.input))
        )
    return display_equation(math)


def _json(request: Request, args: argparse.Namespace) -> str:
    output = _output(request, args.method)
    document = {
        "method": args.method,
        "geometry": geometry_json(request.geometry),
        "channels": request.counts,
        "input": _array_json(request.input),
        "weight": _array_json(request.weight),
        "output": _array_json(output, symbol_places(flat_elements(request.input))),
    }
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def geometry_json(g: Geometry) -> dict:
    """The geometry as plain lists, with the canvas and output sizes it implies.

    >>> from symconv.core.geometry import make_geometry
    >>> geometry_json(make_geometry(2, 3, stride=2, padding=1))["output_size"]
    [3]
    """
    fields = (
        "input_size",
        "kernel_size",
        "stride",
        "dilation",
        "pad_begin",
        "pad_end",
        "output_padding",
        "canvas_size",
        "output_size",
    )
    return {name: list(getattr(g, name)) for name in fields}


def _array_json(array: ImmutableDenseNDimArray, first: dict | None = None) -> dict:
    """Shape and values; with ``first``, sums written input first, as every output writes them."""
    return {"shape": [int(n) for n in array.shape], "values": _strings(array, first)}


def _strings(array: ImmutableDenseNDimArray, first: dict | None = None) -> list:
    write = (lambda e: ordered_sum_text(e, first)) if first else str
    flat = [write(e) for e in flat_elements(array)]
    for size in reversed(array.shape[1:]):
        flat = [flat[i : i + size] for i in range(0, len(flat), size)]
    return flat
