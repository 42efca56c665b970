"""The size arithmetic of one configuration, worked out once for the text and LaTeX writers.

Per axis: the output-size formula with the numbers in, every input size (with its
output_padding) that gives the same output, the direct-convolution sizes that shrink to
the input, each checked; and Dumoulin & Visin's relationship when the pads are equal.

>>> from symconv.core.geometry import make_geometry
>>> sizes = size_analysis(make_geometry(3, 3, stride=2, padding=1, output_padding=1))
>>> axis, = sizes.axes
>>> axis.formula_value, axis.inverse, axis.direct, axis.direct_checked
(6, [(3, 1)], [5, 6], True)
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from symconv.core.geometry import Axis, Geometry
from symconv.core.sizes import (
    SYMBOLS,
    Relationship,
    direct_inputs_for,
    direct_output_length,
    input_sizes_for,
    output_size_formula,
    relationships,
)


@dataclass(frozen=True)
class AxisSizes:
    """One axis: the formula's value, and (equal pads only) the inverse and direct sizes."""

    axis: Axis
    formula_value: sympy.Expr
    inverse: list[tuple[int, int]] | None = None
    direct: list[int] | None = None
    direct_checked: bool = False

    @property
    def formula_agrees(self) -> bool:
        """True when the formula with the numbers in gives the geometry's output size."""
        return self.formula_value == self.axis.output

    @property
    def symmetric(self) -> bool:
        """True when both ends are padded alike (the inverse and direct sizes need it)."""
        return self.axis.pad_begin == self.axis.pad_end


@dataclass(frozen=True)
class SizeAnalysis:
    """The formula, each axis worked out, and the relationships (None with unequal pads)."""

    formula: sympy.Expr
    axes: list[AxisSizes]
    relationships: list[Relationship] | None


def size_analysis(geometry: Geometry) -> SizeAnalysis:
    """Work out the size arithmetic of ``geometry`` (see the module's description)."""
    formula = output_size_formula()
    axes = []
    for axis in geometry.axes:
        values = {
            SYMBOLS["I"]: axis.input,
            SYMBOLS["k"]: axis.kernel,
            SYMBOLS["s"]: axis.stride,
            SYMBOLS["p"]: sympy.Rational(axis.pad_begin + axis.pad_end, 2),
            SYMBOLS["d"]: axis.dilation,
            SYMBOLS["op"]: axis.output_padding,
        }
        worked = {}
        if axis.pad_begin == axis.pad_end:  # the inverse and direct sizes need equal pads
            k, s, p, d = axis.kernel, axis.stride, axis.pad_begin, axis.dilation
            direct = list(direct_inputs_for(axis.input, k, s, p, d))
            worked = dict(
                inverse=input_sizes_for(axis.output, k, s, p, d),
                direct=direct,
                # each size really shrinks to the input under the direct convolution
                direct_checked=all(
                    direct_output_length(i, k, s, d, p, p) == axis.input for i in direct
                ),
            )
        axes.append(AxisSizes(axis, formula.xreplace(values), **worked))
    equal_pads = geometry.pad_begin == geometry.pad_end
    return SizeAnalysis(formula, axes, relationships(geometry) if equal_pads else None)
