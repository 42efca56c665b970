r"""The names every output gives its arrays, and how matrices are written.

The names are those of "Understanding Transposed Convolutions": the input ``I``, the
kernel ``K`` and the result ``O`` (its entries ``x1``, ``w1`` by default); the matrix view
is ``vec(O) = C^T vec(I)``. One default layout serves every writer: matrices up to
10 x 10 are written whole, larger ones keep their corners.

>>> RESULT, INPUT, KERNEL, CANVAS_TEXT
('O', 'I', 'K', 'O_full')
>>> print(CANVAS)
O_{\text{full}}
>>> Notation().max_rows, Notation().merge(delimiter="bmatrix").delimiter
(10, 'bmatrix')
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from symconv.errors import SymconvError

DELIMITERS = ("pmatrix", "bmatrix", "vmatrix", "matrix")

#: The result's name in every output: derive, matrix, analyses, Jupyter, worked examples.
RESULT = "O"
#: The input array's name (its entries are ``x1, x2, ...`` or letters).
INPUT = "I"
#: The kernel's name (its entries are ``w1, w2, ...``).
KERNEL = "K"
#: The title of a worked example the user gave none: article, slides, HTML and Markdown.
DEFAULT_TITLE = "A transposed convolution, step by step"
#: The canvas's name, the placed blocks summed before the crop, in LaTeX ("full" upright).
CANVAS = rf"{RESULT}_{{\text{{full}}}}"
#: The same name in plain text.
CANVAS_TEXT = f"{RESULT}_full"


@dataclass(frozen=True)
class Notation:
    """How matrices are written: delimiter, and the size past which they are elided.

    ``terms_per_line`` stacks a longer sum in lines of that many terms, for a narrow
    column; ``width`` is the room a line has, in em (about 56 in an article, 24 in one
    column of two), which decides how many matrices share a line and when a grid is
    listed entry by entry. ``full`` writes every entry of a matrix up to
    :data:`~symconv.notation.grids.MAX_FULL` rows and columns (TeX's memory holds no
    more); a larger one still keeps only its corners.

    >>> Notation(max_cols=2)
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: max_cols: must be an integer >= 3 (got 2)
    """

    delimiter: str = "pmatrix"
    max_rows: int = 10
    max_cols: int = 10
    full: bool = False
    terms_per_line: int | None = None
    width: int = 56

    def __post_init__(self):
        if self.delimiter not in DELIMITERS:
            raise SymconvError(
                "delimiter", f"must be one of {', '.join(DELIMITERS)}", self.delimiter
            )
        for name in ("max_rows", "max_cols"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 3:
                raise SymconvError(name, "must be an integer >= 3", value)
        if isinstance(self.width, bool) or not isinstance(self.width, int) or self.width < 16:
            raise SymconvError("width", "must be an integer >= 16 (em)", self.width)
        per_line = self.terms_per_line
        if per_line is not None and (
            isinstance(per_line, bool) or not isinstance(per_line, int) or per_line < 1
        ):
            raise SymconvError("terms_per_line", "must be an integer >= 1", per_line)

    def merge(self, **overrides) -> Notation:
        """A copy with some fields replaced."""
        return replace(self, **overrides)


def checked_notation(notation: object) -> Notation:
    """``notation``, or the default when None; anything else is refused.

    >>> checked_notation(None) == Notation()
    True
    """
    if notation is None:
        return Notation()
    if not isinstance(notation, Notation):
        raise SymconvError("notation", "must be a symconv.Notation", type(notation).__name__)
    return notation
