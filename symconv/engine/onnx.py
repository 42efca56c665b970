"""ONNX ``ConvTranspose`` (opset 22): its attribute names and padding rules on symconv's engine.

With ``output_shape`` (or ``auto_pad`` SAME_UPPER / SAME_LOWER) the pads come from
``total = s*(I-1) + output_padding + ((k-1)*d + 1) - output_shape``: SAME_UPPER puts
``total // 2`` at the beginning, the others ``total - total // 2``. Floor division means
an output_shape larger than natural gives negative pads: zeros at the end (and,
from two past natural, at the beginning). As the specification says, a given
``output_shape`` makes the ``pads`` attribute ignored (the onnx reference
implementation applies both; symconv follows the specification).

>>> onnx_conv_transpose([[[1, 2]]], [[[1, 1, 1]]], strides=[2], output_shape=[6]).tolist()
[[[1, 1, 3, 2, 2, 0]]]
>>> onnx_pads((2,), (3,), strides=[2], pads=[1, 1])
((1,), (1,))
"""

from __future__ import annotations

from collections.abc import Sequence

from sympy import ImmutableDenseNDimArray

from symconv.core.budget import DEFAULT_MAX_TERMS
from symconv.core.geometry import Geometry, make_geometry
from symconv.core.parameters import (
    begins_then_ends,
    check_output_padding,
    per_dimension,
    positive_per_dimension,
)
from symconv.core.problem import problem_from_geometry
from symconv.core.sizes import canvas_length
from symconv.core.tensors import to_array
from symconv.engine.pytorch import method_view
from symconv.errors import SymconvError

AUTO_PADS = ("NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID")


def onnx_pads(
    input_size: Sequence[int],
    kernel_shape: Sequence[int],
    *,
    auto_pad: str = "NOTSET",
    dilations: object = None,
    output_padding: object = None,
    output_shape: object = None,
    pads: object = None,
    strides: object = None,
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The (begin, end) pads per spatial dimension that ONNX's rules give.

    >>> onnx_pads(2, 3, strides=2, auto_pad="SAME_UPPER")
    ((0,), (1,))
    """
    rank = len(kernel_shape) if isinstance(kernel_shape, Sequence) else 1
    input_size = per_dimension("input_size", input_size, rank)
    kernel_shape = per_dimension("kernel_shape", kernel_shape, rank)
    return _geometry(
        input_size, kernel_shape, auto_pad, dilations, output_padding, output_shape, pads, strides
    )[1]


def onnx_conv_transpose(
    X: object,
    W: object,
    B: object = None,
    *,
    auto_pad: str = "NOTSET",
    dilations: object = None,
    group: object = 1,
    kernel_shape: object = None,
    output_padding: object = None,
    output_shape: object = None,
    pads: object = None,
    strides: object = None,
    method: str = "scatter",
    max_terms: int = DEFAULT_MAX_TERMS,
) -> ImmutableDenseNDimArray:
    """The exact output of ONNX ``ConvTranspose``.

    ``X`` is ``(N, C, *I)`` and ``W`` is ``(C, M/group, *k)``; the attributes keep ONNX's names.

    >>> onnx_conv_transpose([[[1, 2]]], [[["w1", "w2", "w3"]]], strides=[2], pads=[1, 1])
    [[[w2, 2*w1 + w3, 2*w2]]]
    """
    x = to_array(X, "X")
    w = to_array(W, "W")
    rank = w.rank() - 2
    if rank < 1 or x.rank() != rank + 2:
        raise SymconvError(
            "X", f"must have shape (N, C, *I) with {max(rank, 1)} spatial dims", x.shape
        )
    if (
        kernel_shape is not None
        and per_dimension("kernel_shape", kernel_shape, rank) != w.shape[2:]
    ):
        raise SymconvError(
            "kernel_shape", f"must equal W's spatial shape {w.shape[2:]}", kernel_shape
        )
    geometry, _ = _geometry(
        x.shape[2:], w.shape[2:], auto_pad, dilations, output_padding, output_shape, pads, strides
    )
    problem = problem_from_geometry(x, w, B, group, geometry, max_terms=max_terms)
    return problem.assemble(method_view(method)(problem))


def _geometry(
    input_size, kernel_shape, auto_pad, dilations, output_padding, output_shape, pads, strides
) -> tuple[Geometry, tuple[tuple[int, ...], tuple[int, ...]]]:
    rank = len(input_size)
    if auto_pad not in AUTO_PADS:
        raise SymconvError("auto_pad", f"must be one of {', '.join(AUTO_PADS)}", auto_pad)
    s = positive_per_dimension("strides", 1 if strides is None else strides, rank)
    d = positive_per_dimension("dilations", 1 if dilations is None else dilations, rank)
    op = per_dimension("output_padding", 0 if output_padding is None else output_padding, rank)
    check_output_padding("output_padding", op, s, d)
    natural = [
        canvas_length(i, k, si, di) + o
        for i, k, si, di, o in zip(input_size, kernel_shape, s, d, op)
    ]
    if pads is not None:
        begin, end = _explicit_pads(pads, auto_pad, rank)
    if output_shape is not None or auto_pad in ("SAME_UPPER", "SAME_LOWER"):
        if output_shape is None:
            target = tuple(i * si for i, si in zip(input_size, s))
        else:
            target = per_dimension("output_shape", output_shape, rank)
            if min(target) < 1:
                raise SymconvError("output_shape", "must be integers >= 1", output_shape)
        total = [n - t for n, t in zip(natural, target)]
        if auto_pad == "SAME_UPPER":
            begin = tuple(t // 2 for t in total)
        else:
            begin = tuple(t - t // 2 for t in total)
        end = tuple(t - b for t, b in zip(total, begin))
    elif pads is None:
        begin = end = (0,) * rank
    try:
        geometry = make_geometry(
            tuple(input_size),
            tuple(kernel_shape),
            s,
            tuple(zip(begin, end)),
            op,
            d,
            rank=rank,
            rules="onnx",
        )
    except SymconvError as error:
        if error.parameter != "padding":
            raise
        raise SymconvError("pads", error.rule, list(begin + end)) from None
    return geometry, (begin, end)


def _explicit_pads(pads, auto_pad, rank) -> tuple[tuple[int, ...], tuple[int, ...]]:
    if auto_pad != "NOTSET":
        raise SymconvError("pads", "cannot be given together with auto_pad " + auto_pad, pads)
    pairs = begins_then_ends("pads", pads, rank)
    begin, end = tuple(b for b, _ in pairs), tuple(e for _, e in pairs)
    if min(begin + end) < 0:
        raise SymconvError("pads", "must be >= 0", pads)
    return begin, end
