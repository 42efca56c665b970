"""Positions, sizes and configurations in words, counted from 1 as a person counts.

>>> position_words((1, 2), 2), shape_words((3, 3)), capitalised("row 2, column 3")
('row 2, column 3', '3x3', 'Row 2, column 3')
"""

from __future__ import annotations

from symconv.core.geometry import Geometry


def position_words(index: tuple[int, ...], rank: int) -> str:
    """Where an entry is, counted from 1 as a person counts: ``row 2, column 3``.

    >>> position_words((1, 2), 2), position_words((0,), 1), position_words((0, 1, 2), 3)
    ('row 2, column 3', 'entry 1', 'position (1, 2, 3)')
    """
    if rank == 1:
        return f"entry {index[0] + 1}"
    if rank == 2:
        return f"row {index[0] + 1}, column {index[1] + 1}"
    return "position (" + ", ".join(str(i + 1) for i in index) + ")"


def shape_words(shape: tuple[int, ...]) -> str:
    """``3x3``, or ``3 entries`` for a vector.

    >>> shape_words((3, 3)), shape_words((3,)), shape_words((1,))
    ('3x3', '3 entries', '1 entry')
    """
    if len(shape) == 1:
        return f"{shape[0]} {'entry' if shape[0] == 1 else 'entries'}"
    return axes_words(shape, "x")


def configuration_words(g: Geometry) -> str:
    """The geometry in words: input and kernel sizes, stride, padding, and any extras.

    >>> from symconv.core.geometry import make_geometry
    >>> configuration_words(make_geometry(2, 3, stride=2, padding=1))
    'input of size 2, kernel of size 3, stride 2, padding 1'
    """
    words = [
        f"input of size {axes_words(g.input_size, 'x')}",
        f"kernel of size {axes_words(g.kernel_size, 'x')}",
        f"stride {axes_words(g.stride)}",
        f"padding {pads_words(g)}",
    ]
    if any(g.output_padding):
        words.append(f"output_padding {axes_words(g.output_padding)}")
    if max(g.dilation) > 1:
        words.append(f"dilation {axes_words(g.dilation)}")
    return ", ".join(words)


def axes_words(values: tuple[int, ...], joiner: str = ",") -> str:
    """One number per axis joined by ``joiner``; with ``,`` one number when all are equal.

    >>> axes_words((2, 2)), axes_words((2, 1)), axes_words((2, 2), "x")
    ('2', '2,1', '2x2')
    """
    if len(set(values)) == 1 and joiner == ",":
        return str(values[0])
    return joiner.join(map(str, values))


def pads_words(g: Geometry) -> str:
    """The padding: one number per axis, or what is cropped at each end when they differ.

    >>> from symconv.core.geometry import make_geometry
    >>> pads_words(make_geometry(3, 3, padding=[(1, 0)]))
    '(1 at the start, 0 at the end)'
    """
    if g.pad_begin == g.pad_end:
        return axes_words(g.pad_begin)
    return ", ".join(f"({b} at the start, {e} at the end)" for b, e in g.padding)


def capitalised(text: str) -> str:
    """``text`` with its first letter upper case and the rest as it is."""
    return text[0].upper() + text[1:]
