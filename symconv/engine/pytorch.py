"""The public entry points: ``conv_transpose`` in PyTorch's terms, and the matrix C.

>>> from symconv.core.tensors import letters, symbols_array
>>> w = symbols_array("w", (2, 2)).reshape(1, 1, 2, 2)
>>> y = conv_transpose(letters((1, 2, 2)), w)
>>> y.shape
(1, 3, 3)
>>> y[0, 1, 1]
a*w22 + b*w21 + c*w12 + d*w11
"""

from __future__ import annotations

import math

from sympy import ImmutableDenseNDimArray, ImmutableSparseMatrix

from symconv.core.budget import DEFAULT_MAX_TERMS
from symconv.core.parameters import shape_sizes
from symconv.core.problem import make_problem
from symconv.core.tensors import to_array
from symconv.errors import SymconvError
from symconv.views import METHODS, view_name
from symconv.views.matrix import conv_matrix_of


def conv_transpose(
    input: object,
    weight: object,
    bias: object = None,
    stride: object = 1,
    padding: object = 0,
    output_padding: object = 0,
    groups: object = 1,
    dilation: object = 1,
    *,
    method: str = "scatter",
    max_terms: int = DEFAULT_MAX_TERMS,
) -> ImmutableDenseNDimArray:
    """The exact output of ``torch.nn.functional.conv_transpose{1,2,3}d`` (any rank), as SymPy.

    ``input`` is ``(N, C_in, *I)`` or ``(C_in, *I)``; ``weight`` is
    ``(C_in, C_out/groups, *k)``; ``padding`` may be an int, one int per dimension,
    or a ``(begin, end)`` pair per dimension. ``method`` is ``"scatter"``,
    ``"zero_insertion"`` or ``"matrix"``: three derivations that share no arithmetic.
    Requests above ``max_terms`` units of work (:mod:`symconv.core.budget`) are refused.

    >>> conv_transpose([[1, 2]], [[[1, 1, 1]]], stride=2, method="matrix")
    [[1, 1, 3, 2, 2]]
    """
    view = method_view(method)
    problem = make_problem(
        input,
        weight,
        bias,
        stride,
        padding,
        output_padding,
        groups,
        dilation,
        max_terms=max_terms,
    )
    return problem.assemble(view(problem))


def conv_matrix(
    weight: object,
    input_size: object,
    stride: object = 1,
    padding: object = 0,
    output_padding: object = 0,
    groups: object = 1,
    dilation: object = 1,
) -> ImmutableSparseMatrix:
    """The sparse matrix C of the direct convolution whose transpose this configuration is.

    ``vec(y) = C.T * vec(x)``, with ``x`` of shape ``(C_in, *input_size)``. ``weight``
    is ``(C_in, C_out/groups, *k)``, or a plain kernel with as many dimensions as
    ``input_size`` for a single channel.

    >>> conv_matrix([["w1", "w2"]][0], 2)
    Matrix([
    [w1, w2,  0],
    [ 0, w1, w2]])
    """
    w = to_array(weight, "weight")
    spatial = shape_sizes("input_size", input_size)
    if w.rank() == len(spatial):
        w = w.reshape(1, 1, *w.shape)
    if w.rank() != len(spatial) + 2:
        raise SymconvError(
            "weight",
            f"must be a kernel of {len(spatial)} dimension(s) or (C_in, C_out/groups, *k)",
            w.shape,
        )
    x = ImmutableDenseNDimArray([0] * (w.shape[0] * math.prod(spatial)), (w.shape[0], *spatial))
    return conv_matrix_of(
        make_problem(x, w, None, stride, padding, output_padding, groups, dilation)
    )


def method_view(method: str):
    """The view function for a method name, or an error listing the methods.

    >>> method_view("matrix").__module__
    'symconv.views.matrix'
    """
    return METHODS[view_name(method)]
