"""The direct (ordinary) convolution, as PyTorch's ``conv{1,2,3}d`` computes it, by gathering.

It is the operation whose input-gradient a transposed convolution is; the verification
(:mod:`symconv.engine.verification`) uses it for the adjoint and gradient identities.

>>> conv([[1, 2, 3]], [[[1, 1]]])
[[3, 5]]
>>> conv([[1, 2, 3]], [[["w1", "w2"]]], stride=2, padding=1)
[[w2, 2*w1 + 3*w2]]
"""

from __future__ import annotations

import math

from sympy import ImmutableDenseNDimArray

from symconv.core.construction import Sums, ranks
from symconv.core.geometry import link
from symconv.core.parameters import (
    as_int,
    padding_pairs,
    per_dimension,
    positive_per_dimension,
)
from symconv.core.sizes import direct_output_length
from symconv.core.tensors import dense_array, flat_elements, to_array
from symconv.errors import SymconvError


def conv(
    input: object,
    weight: object,
    bias: object = None,
    stride: object = 1,
    padding: object = 0,
    groups: object = 1,
    dilation: object = 1,
    *,
    output_size: object = None,
    rules: str = "pytorch",
) -> ImmutableDenseNDimArray:
    """The exact output of ``torch.nn.functional.conv{1,2,3}d`` (any rank), as SymPy.

    ``input`` is ``(N, C_in, *I)`` or ``(C_in, *I)``; ``weight`` is ``(C_out, C_in/groups, *k)``.
    ``output_size`` keeps only the first outputs per dimension (the gradient identity
    needs this when output_padding exceeds the stride); ``rules="onnx"`` allows the
    negative pads of ONNX's output_shape.

    >>> conv([[1, 2, 3]], [[[1, 1]]], stride=0)
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: stride: must be an integer >= 1 (got (0,))
    """
    x = to_array(input, "input")
    w = to_array(weight, "weight")
    rank = w.rank() - 2
    if rank < 1 or x.rank() not in (rank + 1, rank + 2):
        raise SymconvError("input", "rank must match the weight's spatial rank (+1 or +2)", x.shape)
    batched = x.rank() == rank + 2
    if not batched:
        x = x.reshape(1, *x.shape)
    n_batch, c_in, *size = (int(n) for n in x.shape)
    c_out, c_per_group, *kernel = (int(n) for n in w.shape)
    groups = as_int("groups", groups)
    if groups < 1 or c_in % groups or c_out % groups:
        raise SymconvError("groups", f"must divide both channel counts ({c_in}, {c_out})", groups)
    if c_in // groups != c_per_group:
        raise SymconvError(
            "weight", f"second dimension must be C_in/groups = {c_in // groups}", w.shape
        )
    strides = positive_per_dimension("stride", stride, rank)
    dilations = positive_per_dimension("dilation", dilation, rank)
    pads = padding_pairs(padding, rank)
    if rules == "pytorch" and min(min(p) for p in pads) < 0:
        raise SymconvError("padding", "must be >= 0", padding)
    natural = tuple(
        direct_output_length(n, k, s, d, b, e)
        for n, k, s, d, (b, e) in zip(size, kernel, strides, dilations, pads)
    )
    if min(natural) < 1:
        raise SymconvError(
            "weight",
            f"the dilated kernel must fit in the padded input (output {natural})",
            w.shape,
        )
    out = natural if output_size is None else per_dimension("output_size", output_size, rank)
    if any(o < 1 or o > n for o, n in zip(out, natural)):
        raise SymconvError("output_size", f"must be between 1 and {natural} per dimension", out)
    xs = flat_elements(x)
    ws = flat_elements(w)
    biases = flat_elements(to_array(bias, "bias")) if bias is not None else None
    plane, taps = math.prod(size), math.prod(kernel)
    # Per axis, output o gathers input link(o, t) through tap t, where that is inside.
    axes = [
        [[(i, t) for t in range(k) if 0 <= (i := link(o, t, s, d, b)) < n] for o in range(count)]
        for count, n, k, s, d, (b, _) in zip(out, size, kernel, strides, dilations, pads)
    ]
    ranking, (x_ranks, w_ranks) = ranks(xs, ws)
    result = []
    for n in range(n_batch):
        for co in range(c_out):
            first = (n * c_in + co // (c_out // groups) * c_per_group) * plane
            x_span = slice(first, first + c_per_group * plane)
            w_span = slice(co * c_per_group * taps, (co + 1) * c_per_group * taps)
            sums = Sums(ranking, xs[x_span], x_ranks[x_span], ws[w_span], w_ranks[w_span])
            extra = [] if biases is None else [biases[co]]
            result.extend(sums.separable(axes, tuple(size), tuple(kernel), c_per_group, extra))
    shape = (n_batch, c_out, *out) if batched else (c_out, *out)
    return dense_array(result, shape)
