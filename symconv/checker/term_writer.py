"""Terms written as a person writes them: the input element first, then the kernel element.

SymPy prints ``x1*w3`` as ``w3*x1``; the check report writes each term in the
derivation's own order, as text and as LaTeX, and splits a product into its input
element and kernel tap.

>>> import sympy
>>> from symconv.engine.presets import preset
>>> writer = TermWriter(preset("example-1d"))
>>> x1, w3 = sympy.symbols("x1 w3")
>>> writer.text(-2 * x1 * w3), writer.latex(x1 * w3), writer.split(x1 * w3)
('-2*x1*w3', 'x_{1} w_{3}', (1, 0, 2))
"""

from __future__ import annotations

import sympy

from symconv.checker.read.alphabet import split_name
from symconv.checker.spelling import Spelling
from symconv.engine.derivation import Derivation
from symconv.notation.expressions import expr_latex


class TermWriter:
    """Terms as a person writes them: the input element first, then the kernel element."""

    def __init__(self, d: Derivation, spelling: Spelling | None = None):
        self.spelling = spelling
        self.inputs: dict = {}
        self.kernel: dict = {}
        for i, value in enumerate(d.input_elements):
            if isinstance(value, sympy.Symbol):
                self.inputs.setdefault(value, i)
        for t, value in enumerate(d.kernel_elements):
            if isinstance(value, sympy.Symbol):
                self.kernel.setdefault(value, t)
        self.input_stems = {split_name(s.name)[0] for s in self.inputs}
        self.kernel_stems = {split_name(s.name)[0] for s in self.kernel}

    def _order(self, factor, unknown_role: int = 2) -> tuple:
        base = factor.base if factor.is_Pow else factor
        if base in self.inputs:
            return (0, self.inputs[base], "")
        if base in self.kernel:
            return (1, self.kernel[base], "")
        if base.is_Symbol:
            stem = split_name(base.name)[0]
            role = 0 if stem in self.input_stems else 1 if stem in self.kernel_stems else None
            return (unknown_role if role is None else role, 0, base.name)
        return (2, 0, str(factor))

    def factors(self, term) -> tuple[sympy.Expr, list]:
        """The coefficient, and the factors in writing order (input, kernel, others).

        A name outside the configuration takes the place of whichever role is missing.
        """
        coefficient, factors = term.as_coeff_mul()
        has_input = any(self._order(f)[0] == 0 for f in factors)
        unknown_role = 1 if has_input else 0
        return coefficient, sorted(factors, key=lambda f: self._order(f, unknown_role))

    def key(self, term) -> tuple:
        """A sort key that lists terms as the derivation does: by input element, then tap."""
        _, factors = self.factors(term)
        return tuple(self._order(f) for f in factors), str(term)

    def split(self, term) -> tuple | None:
        """``(coefficient, input element, kernel tap)`` of a product ``c*x*w``, else None."""
        coefficient, factors = self.factors(term)
        if len(factors) == 2 and factors[0] in self.inputs and factors[1] in self.kernel:
            return coefficient, self.inputs[factors[0]], self.kernel[factors[1]]
        return None

    def text(self, term) -> str:
        """The term as text, factors in writing order: ``2*x1*w3``."""
        coefficient, factors = self.factors(term)
        if not factors:
            return str(coefficient)
        body = "*".join(str(f) if not f.is_Add else f"({f})" for f in factors)
        number = f"{coefficient}*" if coefficient.is_Integer else f"({coefficient})*"
        return _with_coefficient(coefficient, number, body)

    def shown(self, term) -> str:
        """The term as the student writes it (their :class:`Spelling`), else as :meth:`text`."""
        return self.text(term) if self.spelling is None else self.spelling.write(term, self)

    def latex(self, term) -> str:
        """The term as LaTeX, factors in writing order: ``2 x_{1} w_{3}``."""
        coefficient, factors = self.factors(term)
        if not factors:
            return expr_latex(coefficient)
        body = " ".join(expr_latex(f) for f in factors)
        return _with_coefficient(coefficient, f"{expr_latex(coefficient)} ", body)


def _with_coefficient(coefficient, number: str, body: str) -> str:
    """``body`` times ``coefficient``: as it is for 1, a minus for -1, else ``number`` first."""
    if coefficient == 1:
        return body
    if coefficient == -1:
        return "-" + body
    return number + body
