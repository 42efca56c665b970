"""One notion of "equal" for two entries, shared by the verification and the checker.

Canonical SymPy objects compare structurally; otherwise the difference is expanded.
Sums of floats may differ by rounding only, which is told apart from a real difference.

>>> from sympy import Float, Symbol
>>> x = Symbol("x")
>>> equal(x + 1, 1 + x), equal(Float("0.1") + Float("0.2"), Float("0.3")), equal(x, 2 * x)
('exact', 'rounding', '')
"""

from __future__ import annotations

import sympy
from sympy import Add

EXACT, ROUNDING = "exact", "rounding"

#: Float sums whose difference is below this, relative to their largest term, are equal.
RELATIVE_TOLERANCE = 1e-9


def equal(a: sympy.Expr, b: sympy.Expr) -> str:
    """``"exact"`` when ``a - b`` expands to 0, ``"rounding"`` when only float rounding
    separates them, else ``""`` (false).

    >>> x, w = sympy.symbols("x w")
    >>> bool(equal(x * (w + 1), x * w + x))
    True
    """
    if a == b:
        return EXACT
    difference = sympy.expand(a - b)
    if difference == 0:
        return EXACT
    if not difference.has(sympy.Float):
        return ""
    scale = max(
        (abs(term.as_coeff_Mul()[0]) for term in Add.make_args(sympy.expand(a) + sympy.expand(b))),
        default=1,
    )
    residue = max(abs(term.as_coeff_Mul()[0]) for term in Add.make_args(difference))
    return ROUNDING if residue <= RELATIVE_TOLERANCE * max(scale, 1) else ""
