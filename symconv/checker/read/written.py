"""A hand-written result once read: exact SymPy entries, their shape, the unknown names.

:func:`symconv.checker.read.parse.read_result` builds a :class:`WrittenResult`; the checker compares
its entries with the engine's.

>>> import sympy
>>> cells = tuple(WrittenCell(t, sympy.Symbol(t), t) for t in "abcd")
>>> result = WrittenResult((2, 2), cells, "list")
>>> result.cell((1, 0)).text, result.reshaped((4,)).shape
('c', (4,))
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import sympy

from symconv.core.grid import ndindex, row_major_strides
from symconv.errors import SymconvError

#: The parameter named in errors about the written result.
PARAMETER = "result"


@dataclass(frozen=True)
class UnknownSymbol:
    """A name in the written result that is not a symbol of the configuration.

    ``index`` is the entry it occurs in (0-based), ``offset`` its place in that entry's text.

    >>> UnknownSymbol("k12", "k_{12}", "k", (1, 2), (0, 1), 4).symbol
    k12
    """

    name: str
    written: str
    stem: str
    subscript: tuple[int, ...]
    index: tuple[int, ...]
    offset: int

    @property
    def symbol(self) -> sympy.Symbol:
        """The placeholder symbol that stands for it in the entry's value."""
        return sympy.Symbol(self.name)


@dataclass(frozen=True)
class WrittenCell:
    """One entry as written: its text, its value, and LaTeX in the writer's own term order."""

    text: str
    value: sympy.Expr
    latex: str


@dataclass(frozen=True)
class WrittenResult:
    """A hand-written result read into exact SymPy values, with its shape and unknown names.

    >>> from symconv.checker.read.parse import read_result
    >>> from symconv.engine.presets import preset
    >>> r = read_result("[[a*w11, b*w11], [c*w11, d*w11]]", preset("example-2d-s1"))
    >>> r.shape, r.form, r.cell((1, 0)).value
    ((2, 2), 'list', c*w11)
    """

    shape: tuple[int, ...]
    cells: tuple[WrittenCell, ...]
    form: str
    unknown: tuple[UnknownSymbol, ...] = ()

    @property
    def values(self) -> list:
        """The entries' values in reading order."""
        return [c.value for c in self.cells]

    def cell(self, index: tuple[int, ...]) -> WrittenCell:
        """The entry at the 0-based ``index``."""
        return self.cells[sum(i * s for i, s in zip(index, row_major_strides(self.shape)))]

    def reshaped(self, shape: tuple[int, ...]) -> WrittenResult:
        """The same entries in reading order, seen with another shape of the same size."""
        if math.prod(shape) != len(self.cells):
            raise SymconvError(PARAMETER, f"cannot be seen as shape {shape}", self.shape)
        moved = dict(zip(ndindex(self.shape), ndindex(shape)))
        unknown = tuple(replace(u, index=moved[u.index]) for u in self.unknown)
        return WrittenResult(tuple(shape), self.cells, self.form, unknown)
