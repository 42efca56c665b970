"""The general crop: a transposed convolution's output as any window of its full canvas.

Per spatial axis the full canvas has ``C = s*(I - 1) + d*(k - 1) + 1`` cells; every
framework's convention keeps a window of it, cutting ``begin`` cells at the start and
``end`` at the end. A negative ``begin`` or ``end`` appends that many zeros on its side.
PyTorch's ``padding=p, output_padding=op`` is the crop ``(p, p - op)``; ONNX, Keras,
TensorFlow and JAX are each one case of it (see :mod:`symconv.engine.keras`,
:mod:`symconv.engine.tensorflow`, :mod:`symconv.engine.jax`).

>>> conv_transpose_window([[1, 2]], [[[1, 10, 100]]], stride=2, crop=[(0, 1)]).tolist()
[[1, 10, 102, 20]]
>>> conv_transpose_window([[1, 2]], [[[1, 10, 100]]], stride=2, crop=[(-1, -2)]).tolist()
[[0, 1, 10, 102, 20, 200, 0, 0]]
"""

from __future__ import annotations

from sympy import ImmutableDenseNDimArray

from symconv.core.budget import DEFAULT_MAX_TERMS
from symconv.core.geometry import Geometry, make_geometry
from symconv.core.parameters import padding_pairs, positive_per_dimension
from symconv.core.problem import Problem, problem_from_geometry
from symconv.core.tensors import to_array
from symconv.engine.pytorch import method_view
from symconv.errors import SymconvError


def crop_geometry(
    input_size: tuple[int, ...],
    kernel_size: tuple[int, ...],
    stride: object,
    crop: object,
    dilation: object = 1,
    parameter: str = "crop",
) -> Geometry:
    """The geometry that keeps the window ``crop`` (a ``(begin, end)`` pair per axis).

    >>> crop_geometry((2,), (3,), 2, [(0, 1)]).output_size
    (4,)
    """
    rank = len(input_size)
    stride = positive_per_dimension("stride", stride, rank)
    dilation = positive_per_dimension("dilation", dilation, rank)
    pairs = padding_pairs(crop, rank)
    try:
        return make_geometry(input_size, kernel_size, stride, pairs, 0, dilation, rules="onnx")
    except SymconvError as error:
        if error.parameter != "padding":
            raise
        raise SymconvError(parameter, error.rule, crop) from None


def crop_problem(
    input: object,
    weight: object,
    bias: object = None,
    stride: object = 1,
    crop: object = 0,
    groups: object = 1,
    dilation: object = 1,
    *,
    max_terms: int = DEFAULT_MAX_TERMS,
    parameter: str = "crop",
) -> Problem:
    """The problem of a general crop: operands in PyTorch's layout, a window per axis.

    >>> crop_problem([[1, 2]], [[[1, 1, 1]]], stride=2, crop=[(1, 0)]).geometry.output_size
    (4,)
    """
    x = to_array(input, "input")
    w = to_array(weight, "weight")
    rank = w.rank() - 2
    if rank < 1:
        raise SymconvError("weight", "must have shape (C_in, C_out/groups, *k)", w.shape)
    spatial = tuple(int(n) for n in x.shape[-rank:])
    kernel = tuple(int(n) for n in w.shape[2:])
    geometry = crop_geometry(spatial, kernel, stride, crop, dilation, parameter)
    return problem_from_geometry(x, w, bias, groups, geometry, max_terms=max_terms)


def conv_transpose_window(
    input: object,
    weight: object,
    bias: object = None,
    stride: object = 1,
    crop: object = 0,
    groups: object = 1,
    dilation: object = 1,
    *,
    method: str = "scatter",
    max_terms: int = DEFAULT_MAX_TERMS,
) -> ImmutableDenseNDimArray:
    """A transposed convolution keeping any window of the full canvas (the general crop).

    ``input`` is ``(N, C_in, *I)`` or ``(C_in, *I)`` and ``weight``
    ``(C_in, C_out/groups, *k)`` as in PyTorch; ``crop`` is an int, one int per axis,
    or a ``(begin, end)`` pair per axis: the cells cut from the canvas at the start and
    at the end, a negative number meaning zeros appended on that side.

    >>> conv_transpose_window([[1, 2]], [[["w1", "w2", "w3"]]], stride=2, crop=[(1, 0)])
    [[w2, 2*w1 + w3, 2*w2, 2*w3]]
    """
    problem = crop_problem(input, weight, bias, stride, crop, groups, dilation, max_terms=max_terms)
    return problem.assemble(method_view(method)(problem))
