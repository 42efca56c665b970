r"""``symconv translate``: one framework's transposed convolution in another's terms, with proof.

The source call is given in the source framework's own terms: ``--padding`` is a number,
numbers per axis, ``begin:end`` pairs, or the framework's mode (``same``, ``valid``,
``SAME_UPPER``...). Errors name the source framework's own parameter.

>>> from symconv.cli.main import main
>>> main("translate --from keras --to torch --input 2 --kernel 3 --stride 2 "
...      "--padding same --output-padding 1".split())  # doctest: +ELLIPSIS
keras strides=2, padding='same', output_padding=1
  = torch stride=[2], padding=[0], output_padding=[0], dilation=[1], then axis 1: cut 1 at the end
...
proof: equal entry by entry for symbolic inputs and weights (4 entries, output shape (1, 1, 4))
0
"""

from __future__ import annotations

import argparse

from symconv.cli.options import add_output
from symconv.cli.output import write_output
from symconv.core.windows import PADDING_MODES
from symconv.engine.translate import CONVENTIONS, translate
from symconv.errors import SymconvError

FORMATS = ("text", "json", "code", "markdown", "latex")
#: Each convention's names for the flags: stride, padding, output_padding, dilation.
NAMES = {
    "torch": ("stride", "padding", "output_padding", "dilation"),
    "onnx": ("strides", "pads", "output_padding", "dilations"),
    "keras": ("strides", "padding", "output_padding", "dilation_rate"),
    "tf": ("strides", "padding", "output_padding", "dilations"),
    "jax": ("strides", "padding", "output_padding", "rhs_dilation"),
}
EXAMPLES = """examples:
  symconv translate --from keras --to torch --input 2 --kernel 3 --stride 2 \\
      --padding same --output-padding 1
  symconv translate --from torch --to jax --input 4x4 --kernel 3x3 --stride 2 \\
      --padding 1 --format code
  symconv translate --from tf --to onnx --input 3 --kernel 3 --stride 2 \\
      --padding VALID --output-shape 7
  symconv translate --from jax --to torch --input 3 --kernel 3 --padding 2:4 --format json
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "translate",
        help="one framework's call in another's terms, with proof",
        description="Translate a transposed convolution between torch, onnx, keras, tf and jax: "
        "the target's parameters, the weight and input transforms, any extra crop, and a "
        "proof that both give the same output for symbolic inputs and weights.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--from", dest="source", required=True, choices=CONVENTIONS)
    parser.add_argument("--to", dest="target", required=True, choices=CONVENTIONS)
    parser.add_argument("--input", required=True, help="spatial input size: 2, 4x4")
    parser.add_argument("--kernel", required=True, help="kernel size: 3, 3x3")
    parser.add_argument("--stride", default=None, help="stride(s): 2, 2x1")
    parser.add_argument("--padding", default=None, help="number(s), begin:end pairs, or a mode")
    parser.add_argument("--output-padding", default=None, help="number(s)")
    parser.add_argument("--output-shape", default=None, help="spatial output size (onnx, tf)")
    parser.add_argument("--dilation", default=None, help="dilation(s)")
    parser.add_argument("--transpose-kernel", action="store_true", help="jax: transpose_kernel")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output (text)")
    add_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    source = args.source
    stride_name, padding_name, extra_name, dilation_name = NAMES[source]
    params: dict = {}
    if args.stride is not None:
        params[stride_name] = _given(source, stride_name, args.stride)
    if args.dilation is not None:
        params[dilation_name] = _given(source, dilation_name, args.dilation)
    if args.output_padding is not None:
        if source in ("tf", "jax"):
            raise SymconvError("--output-padding", f"{source} has no output_padding parameter")
        params[extra_name] = _given(source, extra_name, args.output_padding)
    if args.output_shape is not None:
        if source not in ("onnx", "tf"):
            raise SymconvError("--output-shape", f"{source} takes no output_shape")
        params["output_shape"] = _given(source, "output_shape", args.output_shape)
    if args.transpose_kernel:
        if source != "jax":
            raise SymconvError("--transpose-kernel", "is a jax parameter")
        params["transpose_kernel"] = True
    if args.padding is not None:
        params.update(_padding(source, padding_name, args.padding))
    t = translate(source, args.target, _numbers("input", args.input),
                  _numbers("kernel", args.kernel), **params)  # fmt: skip
    output = {
        "text": t.to_text,
        "json": t.to_json,
        "code": t.to_code,
        "markdown": t.to_markdown,
        "latex": t.to_latex,
    }[args.format]()
    write_output(args, output)
    return 0 if t.proof.equal else 1


#: The parameters a framework's call takes as one int for every axis; the others are lists.
ONE_FOR_EVERY_AXIS = {
    "torch": {"stride", "padding", "output_padding", "dilation"},
    "keras": {"strides", "output_padding", "dilation_rate"},
    "tf": {"strides", "dilations"},
}


def _given(source: str, name: str, text: str) -> int | list[int]:
    """The numbers typed: one number as one int where ``source``'s call takes it so, else a list.

    >>> _given("keras", "strides", "2"), _given("keras", "strides", "2x1")
    (2, [2, 1])
    >>> _given("onnx", "strides", "2"), _given("tf", "output_shape", "4")
    ([2], [4])
    """
    numbers = _numbers(name, text)
    one = len(numbers) == 1 and name in ONE_FOR_EVERY_AXIS.get(source, ())
    return numbers[0] if one else numbers


def _numbers(name: str, text: str) -> list[int]:
    parts = text.replace(",", "x").split("x")
    try:
        return [int(p) for p in parts]
    except ValueError:
        raise SymconvError(name, "must be whole numbers, like 2 or 2x3", text) from None


def _padding(source: str, name: str, text: str) -> dict:
    modes = PADDING_MODES.get(source, ())
    if text in modes or text.upper() in modes or text.lower() in modes:
        if source == "onnx":
            return {"auto_pad": text.upper()}
        if source == "keras":
            return {"padding": text.lower()}
        return {"padding": text.upper()}
    if ":" in text:
        pairs = []
        for part in text.replace(",", "x").split("x"):
            begin, _, end = part.partition(":")
            pairs.append(_numbers(name, begin) + _numbers(name, end))
        if source == "jax":
            return {"padding": pairs}
        if source == "onnx":
            return {"pads": [p[0] for p in pairs] + [p[1] for p in pairs]}
        if source == "tf":
            return {"padding": [[0, 0], *pairs, [0, 0]]}
        raise SymconvError(name, f"{source} takes no begin:end pairs", text)
    if source == "torch":
        return {"padding": _given(source, name, text)}
    if source == "onnx":
        numbers = _numbers(name, text)
        return {"pads": numbers + numbers}
    raise SymconvError(
        name, f"must be one of {', '.join(modes)} or begin:end pairs for {source}", text
    )
