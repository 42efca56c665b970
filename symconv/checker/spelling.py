r"""The student's own notation, read from what they typed, so that corrections come back in it.

A :class:`Spelling` records how products and indices were written (``a*w11``,
``aw_{11}``, ``x_1 \cdot w_3``, ``a·w₁₁``) and writes the engine's terms the same way:
LaTeX in, LaTeX out.

>>> import sympy
>>> from symconv.engine.presets import preset
>>> from symconv.checker.term_writer import TermWriter
>>> writer = TermWriter(preset("example-2d-s1"))
>>> a, b, w11, w12 = sympy.symbols("a b w11 w12")
>>> Spelling.of(["aw_{11}+bw_{12}"]).write([(a, w11), (b, w12)], writer)
'aw_{11} + bw_{12}'
>>> Spelling.of(["a*w11"]).write(a * w12 - b * w11, writer)
'a*w12 - b*w11'
>>> Spelling.of(["a·w₁₁"]).write([(a, w11)], writer)
'a·w₁₁'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import sympy

from symconv.checker.read.alphabet import split_name
from symconv.notation.expressions import join_terms

_LOWERED = str.maketrans("0123456789,", "₀₁₂₃₄₅₆₇₈₉,")
_OPERATORS = (
    ("\\cdot", " \\cdot "),
    ("\\times", " \\times "),
    ("×", "×"),
    ("·", "·"),
    ("⋅", "⋅"),
    ("*", "*"),
)


@dataclass(frozen=True)
class Spelling:
    """How a student writes a product and an index: the joiner, and the subscript style.

    ``subscript`` is ``"braces"`` (``w_{11}``), ``"underscore"`` (``w_11``), ``"unicode"``
    (``w₁₁``) or ``"digits"`` (``w11``); ``latex`` is True when they wrote LaTeX.
    """

    joiner: str = "*"
    subscript: str = "digits"
    latex: bool = False

    @classmethod
    def of(cls, texts: Sequence[str]) -> Spelling:
        """The spelling of the written entries ``texts`` (the first style found wins)."""
        text = " ".join(texts)
        latex = "\\" in text or "_{" in text
        joiner = None
        for written, joined in _OPERATORS:
            if written in text:
                joiner = joined
                break
        if re.search(r"[₀-₉]", text):
            subscript = "unicode"
        elif "_{" in text:
            subscript = "braces"
        elif re.search(r"_[0-9]", text):
            subscript = "underscore"
        else:
            subscript = "digits"
        if joiner is None:
            joiner = "" if re.search(r"[A-Za-z](?:_\{?[0-9,]+\}?)?[A-Za-z]", text) else " "
            if subscript == "digits" and joiner == "":
                joiner = " " if re.search(r"[0-9] [A-Za-z]", text) else ""
        return cls(joiner, subscript, latex)

    def name(self, symbol: sympy.Symbol) -> str:
        """A symbol's name in this spelling: ``w11`` as ``w_{11}``, ``w₁₁`` or ``w11``."""
        stem, index = split_name(symbol.name)
        if not index:
            return symbol.name
        digits = ("," if max(index) > 9 else "").join(map(str, index))
        if self.subscript == "braces":
            return f"{stem}_{{{digits}}}"
        if self.subscript == "underscore":
            return f"{stem}_{digits}" if len(digits) == 1 else f"{stem}_{{{digits}}}"
        if self.subscript == "unicode":
            return stem + digits.translate(_LOWERED)
        return symbol.name

    def term(self, term: sympy.Expr, writer) -> str:
        """One product in this spelling, factors in ``writer``'s order (a :class:`TermWriter`)."""
        coefficient, factors = writer.factors(term)
        parts = [self._factor(f) for f in factors]
        body = self.joiner.join(parts) if parts else str(abs(coefficient))
        if not parts or coefficient in (1, -1):
            sign = "-" if coefficient.is_negative else ""
            return sign + body
        number = str(coefficient) if coefficient.is_Integer else f"({coefficient})"
        joiner = self.joiner or (" " if self.latex else "*")
        return f"{number}{joiner}{body}"

    def write(self, expr: object, writer) -> str:
        """A sum in this spelling: (input, kernel) pairs in their order, or an expression."""
        if isinstance(expr, (list, tuple)):
            terms = [sympy.Mul(x, w) for x, w in expr if x != 0 and w != 0]
        else:
            expanded = sympy.expand(sympy.sympify(expr))
            terms = sorted(sympy.Add.make_args(expanded), key=writer.key) if expanded != 0 else []
        return join_terms([self.term(term, writer) for term in terms])

    def _factor(self, factor: sympy.Expr) -> str:
        if factor.is_Symbol:
            return self.name(factor)
        if factor.is_Pow and factor.base.is_Symbol:
            return (
                f"{self.name(factor.base)}^{{{factor.exp}}}"
                if self.latex
                else (f"{self.name(factor.base)}^{factor.exp}")
            )
        return f"({factor})"
