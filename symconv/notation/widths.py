r"""A rough width, in em, of written LaTeX: templates compare it with their room to choose a layout.

>>> cell_width("x_{1} w_{3}"), matrix_width(r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}")
(1.8, 3.1)
"""

from __future__ import annotations

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


def cell_width(latex: str) -> float:
    r"""A rough width, in em, of one cell's LaTeX: subscripts, commands and operators weighed.

    >>> cell_width("a + b"), cell_width(r"\begin{array}{@{}l@{}} a + b \\ {} + c \end{array}")
    (2.6, 2.6)
    """
    text = re.sub(r"\\left|\\right", "", _unstacked(latex))
    width = 0.0
    for subscript in re.findall(r"_\{([^{}]*)\}", text):
        width += 0.4 * len(subscript)
    text = re.sub(r"_\{[^{}]*\}", "", text)
    width += 0.8 * len(re.findall(r"\\[A-Za-z]+", text))
    text = re.sub(r"\\[A-Za-z]+|[{}\s]", "", text)
    width += 1.6 * sum(text.count(op) for op in "+-=")
    width += 0.5 * sum(1 for ch in text if ch not in "+-=")
    return width


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
