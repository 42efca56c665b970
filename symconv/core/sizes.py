"""Every size formula once: canvas, output, direct output, their inverses and relationships.

The per-axis formulas take plain ints; :func:`relationships` and :func:`size_lines` read
a geometry's axes (see :mod:`symconv.core.geometry`).

>>> output_size_formula()
d*(k - 1) + op - 2*p + s*(I - 1) + 1
>>> input_sizes_for(7, kernel=3, stride=2, padding=1)
[(4, 0)]
>>> input_sizes_for(8, kernel=3, stride=2, padding=1)
[(4, 1)]
>>> list(direct_inputs_for(4, kernel=3, stride=2, padding=1))
[7, 8]

Both 7 and 8 shrink to 4 under the direct convolution; output_padding says which of
them the transposed convolution should give back.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from symconv.core.parameters import as_int
from symconv.errors import SymconvError


def __getattr__(name: str):
    # SYMBOLS, the symbolic parameters (input size, kernel size, stride, padding, dilation,
    # output_padding), load SymPy on first use: the integer formulas need none.
    if name == "SYMBOLS":
        return _symbols()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def _symbols() -> dict:
    import sympy

    return dict(
        zip(
            ("I", "k", "s", "p", "d", "op"),
            sympy.symbols("I k s p d op", integer=True, nonnegative=True),
        )
    )


def canvas_length(input: int, kernel: int, stride: int, dilation: int) -> int:
    """The uncropped canvas of one axis: ``s*(I - 1) + d*(k - 1) + 1``.

    >>> canvas_length(2, 3, stride=2, dilation=1)
    5
    """
    return stride * (input - 1) + dilation * (kernel - 1) + 1


def output_length(
    input: int,
    kernel: int,
    stride: int,
    dilation: int,
    pad_begin: int,
    pad_end: int,
    output_padding: int = 0,
) -> int:
    """The transposed convolution's output along one axis: the canvas, cropped, plus extra zeros.

    >>> output_length(2, 3, stride=2, dilation=1, pad_begin=1, pad_end=1)
    3
    """
    return canvas_length(input, kernel, stride, dilation) - pad_begin - pad_end + output_padding


def direct_output_length(
    input: int, kernel: int, stride: int, dilation: int, pad_begin: int, pad_end: int
) -> int:
    """The direct convolution's output along one axis: ``floor((n + pads - d*(k-1) - 1)/s) + 1``.

    >>> direct_output_length(5, 3, stride=2, dilation=1, pad_begin=1, pad_end=1)
    3
    """
    return (input + pad_begin + pad_end - dilation * (kernel - 1) - 1) // stride + 1


def output_size_formula():
    """``O = s*(I - 1) - 2p + d*(k - 1) + op + 1`` with symbolic parameters (a SymPy expression)."""
    n, k, s, p, d, op = _symbols().values()
    return s * (n - 1) - 2 * p + d * (k - 1) + op + 1


def input_sizes_for(
    output: int, kernel: int, stride: int = 1, padding: int = 0, dilation: int = 1
) -> list[tuple[int, int]]:
    """Every ``(input size, output_padding)`` that gives ``output`` in one dimension.

    output_padding ranges over PyTorch's allowed values (smaller than stride or dilation).
    """
    values = {
        "output": output,
        "kernel": kernel,
        "stride": stride,
        "padding": padding,
        "dilation": dilation,
    }
    for name, value in values.items():
        minimum = 0 if name == "padding" else 1
        if as_int(name, value) < minimum:
            raise SymconvError(name, f"must be an integer >= {minimum}", value)
    found = []
    for extra in range(max(stride, dilation)):
        span = output - 1 - extra + 2 * padding - dilation * (kernel - 1)
        steps, remainder = divmod(span, stride)
        if remainder == 0 and steps >= 0:
            found.append((steps + 1, extra))
    return found


def direct_inputs_for(
    size: int, kernel: int, stride: int = 1, padding: int = 0, dilation: int = 1
) -> range:
    """The direct-convolution input sizes that give output ``size``: ``stride`` of them.

    The direct convolution's floor division forgets ``(i + 2p - d*(k-1) - 1) mod s``,
    which is why the transposed convolution needs output_padding to pick one.

    >>> list(direct_inputs_for(3, kernel=3, stride=2, padding=1))
    [5, 6]
    """
    low = output_length(size, kernel, stride, dilation, padding, padding)
    return range(max(low, 1), low + stride)


@dataclass(frozen=True)
class Relationship:
    """Dumoulin & Visin's description of one axis: the direct convolution and its transpose.

    The transposed convolution of a direct convolution (i, k, s, p) is a stride-1
    convolution over the input with ``s - 1`` zeros inserted between units, padding
    ``p' = k - p - 1`` and ``a = (i + 2p - k) mod s`` extra zeros at the end:
    ``o' = s(i' - 1) + a + k - 2p``. (With dilation, ``k`` is the effective size
    ``d(k - 1) + 1``.)
    """

    i: int
    k: int
    s: int
    p: int
    i_prime: int
    a: int
    zeros_between: int
    p_prime: int
    o_prime: int
    reason: str = ""

    @property
    def applies(self) -> bool:
        """False when this axis is not the transpose of the direct convolution (i, k, s, p)."""
        return not self.reason

    def rows(self) -> list[tuple[str, str]]:
        """The relationship as (quantity, value) rows for a table, from :data:`RELATIONSHIP_ROWS`.

        >>> from symconv.core.geometry import make_geometry
        >>> relationships(make_geometry(2, 3, stride=2, padding=1))[0].rows()[5]
        ('zeros added at the end, a = (i + 2p - k) mod s', '0')
        """
        if self.reason:
            return [("relationship", "does not apply: " + self.reason)]
        return [
            (f"{words}, {formula}", str(getattr(self, field)))
            for words, formula, field in RELATIONSHIP_ROWS
        ]


#: Dumoulin & Visin's relationship, row by row: what a quantity is, its formula (or symbol)
#: and the :class:`Relationship` field holding its value.
RELATIONSHIP_ROWS = (
    ("direct input size", "i", "i"),
    ("kernel size (effective)", "k", "k"),
    ("stride", "s", "s"),
    ("padding", "p", "p"),
    ("direct output size (the transposed input)", "i'", "i_prime"),
    ("zeros added at the end", "a = (i + 2p - k) mod s", "a"),
    ("zeros inserted between units", "s - 1", "zeros_between"),
    ("border", "p' = k - p - 1", "p_prime"),
    ("output size", "o' = s(i' - 1) + a + k - 2p", "o_prime"),
)


def relationships(geometry) -> list[Relationship]:
    """Per axis, the direct convolution whose transpose ``geometry`` is (symmetric padding).

    >>> from symconv.core.geometry import make_geometry
    >>> r, = relationships(make_geometry(2, 3, stride=2, padding=1))
    >>> r.i, r.i_prime, r.a, r.p_prime, r.o_prime
    (3, 2, 0, 1, 3)
    >>> r, = relationships(make_geometry(1, 1, stride=1, output_padding=1, dilation=2))
    >>> r.applies, r.reason.split(":")[0]
    (False, 'output_padding 1 is not below the stride 1')
    """
    if geometry.pad_begin != geometry.pad_end:
        raise SymconvError(
            "padding",
            "Dumoulin & Visin's relationships need equal pads per side",
            (geometry.pad_begin, geometry.pad_end),
        )
    found = []
    for axis in geometry.axes:
        effective, stride, pad = axis.span, axis.stride, axis.pad_begin
        i = axis.output  # the direct convolution's input is the transposed output
        a = (i + 2 * pad - effective) % stride
        direct = (i + 2 * pad - effective) // stride + 1
        reason = ""
        if direct != axis.input:
            reason = (
                f"output_padding {axis.output_padding} is not below the stride {stride}: the "
                f"direct convolution (i = {i}, k = {effective}, s = {stride}, p = {pad}) of the "
                f"{i}-entry output gives i' = {direct}, not the input's {axis.input}"
            )
        found.append(
            Relationship(
                i=i,
                k=effective,
                s=stride,
                p=pad,
                i_prime=axis.input,
                a=a,
                zeros_between=stride - 1,
                p_prime=effective - pad - 1,
                o_prime=stride * (axis.input - 1) + a + effective - 2 * pad,
                reason=reason,
            )
        )
    return found


def plus_term(number: int) -> str:
    """``number`` added in a written formula: `` + 5``, or `` - 4`` for a negative one.

    >>> plus_term(5), plus_term(-4)
    (' + 5', ' - 4')
    """
    return f" + {number}" if number >= 0 else f" - {-number}"


def axis_subscript(rank: int, axis: int) -> str:
    """The subscript naming one axis of a size: none in 1-D, ``_h`` and ``_w`` in 2-D,
    ``_1`` to ``_3`` in 3-D.

    >>> axis_subscript(1, 0), axis_subscript(2, 1), axis_subscript(3, 0)
    ('', '_w', '_1')
    """
    if rank == 1:
        return ""
    return f"_{'hw'[axis]}" if rank == 2 else f"_{axis + 1}"


def output_size_name(rank: int, axis: int) -> str:
    """The name of one axis's output size, as the worked examples write it: ``O``, ``O_h``.

    >>> [output_size_name(2, a) for a in range(2)], output_size_name(3, 0), output_size_name(1, 0)
    (['O_h', 'O_w'], 'O_1', 'O')
    """
    return "O" + axis_subscript(rank, axis)


def size_lines(geometry) -> str:
    """One line per dimension: ``O = s*(I - 1) + k - 2*p = value`` with the extra terms used.

    >>> from symconv.core.geometry import make_geometry
    >>> print(size_lines(make_geometry(2, 3, stride=2, padding=1)))
    O = 2*(2 - 1) + 3 - 2*1 = 3

    A negative pad (zeros added, not cropped) is written as the arithmetic it is:

    >>> print(size_lines(make_geometry(3, 3, padding=[(0, -2)], rules="onnx")))
    O = 1*(3 - 1) + 3 - (0 - 2) = 7
    """
    lines = []
    for n, axis in enumerate(geometry.axes):
        d, k, b, e = axis.dilation, axis.kernel, axis.pad_begin, axis.pad_end
        kernel = f"{d}*({k} - 1) + 1" if d != 1 else f"{k}"
        if b == e:
            pads = f"2*{b}" if b >= 0 else f"2*({b})"
        else:
            pads = f"({b}{plus_term(e)})"
        extra = f" + {axis.output_padding}" if axis.output_padding else ""
        name = output_size_name(geometry.rank, n)
        lines.append(
            f"{name} = {axis.stride}*({axis.input} - 1) + {kernel} - {pads}{extra} = {axis.output}"
        )
    return "\n".join(lines)
