"""The gradient identity as a worked example: ``dL/dz = conv_transpose(dL/dy, w)``.

For a direct convolution ``y = conv(z, w)`` and a loss ``L = sum(g * y)`` (so
``dL/dy = g``), SymPy differentiates ``L`` with respect to every ``z``; the result is
the transposed convolution of ``g`` with the same kernel.

>>> from symconv.engine.presets import preset
>>> example = gradient_example(preset("example-1d"))
>>> example.direct
[w2*z1 + w3*z2, w1*z2 + w2*z3]
>>> example.gradient
[w2*x1, w1*x2 + w3*x1, w2*x2]
>>> example.holds
True
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Add, ImmutableDenseNDimArray

from symconv.core.differentiate import partial_derivatives
from symconv.core.direct import conv
from symconv.core.equality import equal
from symconv.core.tensors import check_symbol_name, flat_elements, symbols_array
from symconv.engine.derivation import Derivation


@dataclass(frozen=True)
class GradientExample:
    """The steps: z, y = conv(z, w), L = sum(g * y), dL/dz, and the transposed convolution."""

    z: ImmutableDenseNDimArray
    direct: ImmutableDenseNDimArray
    loss: sympy.Expr
    gradient: ImmutableDenseNDimArray
    transposed: ImmutableDenseNDimArray

    @property
    def holds(self) -> bool:
        """True when dL/dz equals the transposed convolution entry by entry."""
        return all(
            equal(a, b)
            for a, b in zip(
                flat_elements(self.gradient), flat_elements(self.transposed), strict=True
            )
        )


def gradient_example(derivation: Derivation, *, z_name: str = "z") -> GradientExample:
    """Differentiate ``L = sum(x * conv(z, w))`` with respect to z, for a single-channel grid.

    The derivation's input plays the part of ``dL/dy``; ``z`` has the output's shape.
    """
    g = derivation.geometry
    check_symbol_name("z_name", z_name)
    z = symbols_array(z_name, g.output_size)  # counted from 1, as x and w are
    weight = derivation.kernel.reshape(1, 1, *g.kernel_size)
    y = conv(
        z.reshape(1, *g.output_size),
        weight,
        None,
        g.stride,
        g.padding,
        1,
        g.dilation,
        output_size=g.input_size,
        rules="onnx",
    )
    direct = ImmutableDenseNDimArray(flat_elements(y), g.input_size)
    loss = Add(*(a * b for a, b in zip(derivation.input_elements, flat_elements(direct))))
    # dL/dz = sum_i x_i dy_i/dz (L is linear in y): differentiate each y_i once.
    position = {symbol: flat for flat, symbol in enumerate(flat_elements(z))}
    terms: list[list] = [[] for _ in position]
    for x_i, y_i in zip(derivation.input_elements, flat_elements(direct)):
        for flat, partial in partial_derivatives(y_i, position):
            terms[flat].append(x_i * partial)
    gradient = ImmutableDenseNDimArray([Add(*t) for t in terms], g.output_size)
    return GradientExample(z, direct, loss, gradient, derivation.output)
