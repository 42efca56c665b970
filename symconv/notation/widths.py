r"""A rough width, in em, of written LaTeX: templates compare it with their room to choose a layout.

>>> cell_width("x_{1} w_{3}"), matrix_width(r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}")
(1.8, 3.1)
"""

from __future__ import annotations

import functools
import re


def matrix_width(latex: str) -> float:
    r"""A rough width, in em, of a matrix written by :func:`~symconv.notation.grids.array_latex`.

    Templates compare it with the room they have to choose a layout.

    >>> matrix_width(r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}")
    3.1
    """
    body = _unstacked(latex)
    body = re.sub(r"\\begin\{array\}\{\w*\}|\\(begin|end)\{\w+\}|\\left.|\\right.", "", body)
    widths: list[float] = []
    for row in body.split(r"\\"):
        for column, cell in enumerate(row.split("&")):
            if column == len(widths):
                widths.append(0.0)
            widths[column] = max(widths[column], cell_width(cell))
    return round(sum(widths) + 1.0 * (len(widths) - 1) + 1.1, 1)


@functools.lru_cache(maxsize=1 << 14)
def cell_width(latex: str) -> float:
    r"""A rough width, in em, of one cell's LaTeX: subscripts, commands and operators weighed.

    >>> cell_width("a + b"), cell_width(r"\begin{array}{@{}l@{}} a + b \\ {} + c \end{array}")
    (2.6, 2.6)
    """
    text = _LEFT_RIGHT.sub("", _unstacked(latex))
    width = 0.0
    for subscript in _SUBSCRIPT.findall(text):
        width += 0.4 * len(subscript)
    text = _SUBSCRIPT.sub("", text)
    width += 0.8 * len(_COMMAND.findall(text))
    text = _UNWEIGHED.sub("", text)
    operators = sum(text.count(op) for op in "+-=")
    width += 1.6 * operators
    width += 0.5 * (len(text) - operators)
    return width


_LEFT_RIGHT = re.compile(r"\\left|\\right")
_SUBSCRIPT = re.compile(r"_\{([^{}]*)\}")
_COMMAND = re.compile(r"\\[A-Za-z]+")
_UNWEIGHED = re.compile(r"\\[A-Za-z]+|[{}\s]")


#: A sum stacked over lines (:func:`~symconv.notation.expressions.join_terms`).
_STACKED = re.compile(r"\\begin\{array\}\{@\{\}l@\{\}\}(.*?)\\end\{array\}", re.S)


def _unstacked(latex: str) -> str:
    r"""``latex`` with every stacked sum replaced by its widest line, which sets its width.

    >>> _unstacked(r"\begin{array}{@{}l@{}} a + b \\ {} + c \end{array} & d")
    ' a + b  & d'
    """

    def widest(match: re.Match) -> str:
        return max(match.group(1).split(r"\\"), key=cell_width)

    return _STACKED.sub(widest, latex)
