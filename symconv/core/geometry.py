"""The geometry of a transposed convolution in plain integers, one :class:`Axis` per dimension.

Per axis, input element ``i`` times kernel tap ``t`` lands on output ``o = i*s + t*d -
p_begin`` (:func:`link`); the output size is
``O = (I - 1)*s - (p_begin + p_end) + d*(k - 1) + output_padding + 1``.

>>> g = make_geometry(input_size=(2, 2), kernel_size=(2, 2), stride=1)
>>> g.output_size, g.canvas_size
((3, 3), (3, 3))
>>> axis, = make_geometry(input_size=2, kernel_size=3, stride=2, padding=1).axes
>>> axis.output, axis.links()
(3, [(0, 1, 0), (0, 2, 1), (1, 0, 1), (1, 1, 2)])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from symconv.core.parameters import (
    check_output_padding,
    padding_pairs,
    per_dimension,
    positive_per_dimension,
)
from symconv.core.sizes import canvas_length, output_length
from symconv.errors import SymconvError


def link(i: int, t: int, stride: int, dilation: int, pad_begin: int) -> int:
    """The output index that input index ``i`` and kernel tap ``t`` reach: ``i*s + t*d - p``.

    Read the other way it is the direct convolution's gather: output ``i`` of the direct
    convolution reads its input at ``link(i, t, ...)``.

    >>> link(1, 2, stride=2, dilation=1, pad_begin=1)
    3
    """
    return i * stride + t * dilation - pad_begin


@dataclass(frozen=True)
class Axis:
    """One spatial dimension of a :class:`Geometry`.

    >>> Axis(input=2, kernel=3, stride=2, dilation=1, pad_begin=1, pad_end=1).canvas
    5
    """

    input: int
    kernel: int
    stride: int
    dilation: int
    pad_begin: int
    pad_end: int
    output_padding: int = 0

    @property
    def span(self) -> int:
        """The dilated kernel's extent, ``d*(k - 1) + 1``."""
        return self.dilation * (self.kernel - 1) + 1

    @property
    def canvas(self) -> int:
        """The uncropped canvas, ``s*(I - 1) + d*(k - 1) + 1``."""
        return canvas_length(self.input, self.kernel, self.stride, self.dilation)

    @property
    def output(self) -> int:
        """The output size: the canvas cropped by the pads, plus output_padding."""
        return output_length(
            self.input,
            self.kernel,
            self.stride,
            self.dilation,
            self.pad_begin,
            self.pad_end,
            self.output_padding,
        )

    def link(self, i: int, t: int) -> int:
        """The output index input ``i`` and tap ``t`` reach (it may fall outside the output)."""
        return link(i, t, self.stride, self.dilation, self.pad_begin)

    def links(self) -> list[tuple[int, int, int]]:
        """Every ``(input, tap, output)`` triple that reaches the output, input-major."""
        size = self.output
        return [
            (i, t, o)
            for i in range(self.input)
            for t in range(self.kernel)
            if 0 <= (o := self.link(i, t)) < size
        ]


@dataclass(frozen=True)
class Geometry:
    """The integer geometry of one transposed convolution, one entry per spatial dimension.

    >>> g = Geometry((2,), (3,), (2,), (1,), (1,), (1,), (0,))
    >>> g.rank, g.canvas_size, g.output_size
    (1, (5,), (3,))
    """

    input_size: tuple[int, ...]
    kernel_size: tuple[int, ...]
    stride: tuple[int, ...]
    dilation: tuple[int, ...]
    pad_begin: tuple[int, ...]
    pad_end: tuple[int, ...]
    output_padding: tuple[int, ...]

    @property
    def rank(self) -> int:
        """Number of spatial dimensions."""
        return len(self.input_size)

    @cached_property
    def axes(self) -> tuple[Axis, ...]:
        """One :class:`Axis` per spatial dimension."""
        return tuple(
            Axis(*fields)
            for fields in zip(
                self.input_size,
                self.kernel_size,
                self.stride,
                self.dilation,
                self.pad_begin,
                self.pad_end,
                self.output_padding,
            )
        )

    @cached_property
    def canvas_size(self) -> tuple[int, ...]:
        """Size of the uncropped canvas, ``s*(I - 1) + d*(k - 1) + 1`` per dimension."""
        return tuple(axis.canvas for axis in self.axes)

    @cached_property
    def output_size(self) -> tuple[int, ...]:
        """Size of the result: the canvas cropped by the pads, plus output_padding at the end."""
        return tuple(axis.output for axis in self.axes)

    @property
    def padding(self) -> tuple[tuple[int, int], ...]:
        """The ``(begin, end)`` pads per dimension, as :func:`make_geometry` takes them."""
        return tuple(zip(self.pad_begin, self.pad_end))


def make_geometry(
    input_size: object,
    kernel_size: object,
    stride: object = 1,
    padding: object = 0,
    output_padding: object = 0,
    dilation: object = 1,
    *,
    rank: int | None = None,
    rules: str = "pytorch",
) -> Geometry:
    """Validate the parameters of a transposed convolution and return its :class:`Geometry`.

    ``rules="pytorch"`` applies PyTorch's checks (padding >= 0, output_padding smaller
    than stride or dilation); ``rules="onnx"`` allows the negative end pads and the
    larger output_padding that ONNX's ``output_shape`` can produce.

    >>> make_geometry((2, 2), 2, stride=2).output_size
    (4, 4)
    >>> make_geometry(2, 3, stride=0)
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: stride: must be an integer >= 1 (got (0,))
    """
    if rank is None:
        rank = _rank_of(input_size, kernel_size)
    if rank < 1:
        raise SymconvError("input_size", "needs at least one spatial dimension", input_size)
    if rules not in ("pytorch", "onnx"):
        raise SymconvError("rules", "must be 'pytorch' or 'onnx'", rules)
    sizes = {
        name: positive_per_dimension(name, value, rank)
        for name, value in (
            ("input_size", input_size),
            ("kernel_size", kernel_size),
            ("stride", stride),
            ("dilation", dilation),
        )
    }
    pairs = padding_pairs(padding, rank)
    out_pad = per_dimension("output_padding", output_padding, rank)
    if min(out_pad) < 0:
        raise SymconvError("output_padding", "must be >= 0", out_pad)
    if rules == "pytorch":
        if min(min(p) for p in pairs) < 0:
            raise SymconvError("padding", "must be >= 0", padding)
        check_output_padding("output_padding", out_pad, sizes["stride"], sizes["dilation"])
    geometry = Geometry(
        input_size=sizes["input_size"],
        kernel_size=sizes["kernel_size"],
        stride=sizes["stride"],
        dilation=sizes["dilation"],
        pad_begin=tuple(b for b, _ in pairs),
        pad_end=tuple(e for _, e in pairs),
        output_padding=out_pad,
    )
    if min(geometry.output_size) < 1:
        raise SymconvError(
            "padding",
            "leaves no output: (I-1)*s - (p_begin+p_end) + d*(k-1) + output_padding + 1 "
            f"= {geometry.output_size} must be >= 1",
            padding,
        )
    return geometry


def _rank_of(*values: object) -> int:
    for value in values:
        if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
            return len(value)
    return 1
