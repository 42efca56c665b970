"""Partial derivatives of a sum of terms, one term at a time.

A transposed convolution is the gradient of a direct convolution; the sums involved
are linear in the variables, so each term ``c*z`` differentiates to ``c``. SymPy's
``as_independent`` splits ``c`` off; any other kind of term goes through ``diff``.
One pass over the terms, where ``diff`` of the whole sum per variable is quadratic.

>>> from sympy import symbols
>>> w1, w2, z0, z1 = symbols("w1 w2 z0 z1")
>>> partial_derivatives(w1*z0 + w2*z1 + z0**2, {z0: 0, z1: 1})
[(0, w1 + 2*z0), (1, w2)]
"""

from __future__ import annotations

import sympy
from sympy import Add, Mul

from symconv.core.construction import plain


def partial_derivatives(y: sympy.Expr, variables: dict) -> list[tuple[int, sympy.Expr]]:
    """``(position, dy/dz)`` for each z in ``variables`` (``{z: position}``) that y contains."""
    parts: dict[int, list] = {}
    for term in Add.make_args(y):
        factors = Mul.make_args(term)
        if len(factors) == 2 and factors[0] is not factors[1] and all(map(plain, factors)):
            # c*z with c and z distinct plain symbols: d/dz is c, d/dc is z.
            for factor, other in zip(factors, factors[::-1]):
                if factor in variables:
                    parts.setdefault(variables[factor], []).append(other)
            continue
        for factor in factors:
            base = factor.base if factor.is_Pow else factor
            if base in variables:
                coefficient, rest = term.as_independent(base, as_Add=False)
                derivative = coefficient if rest == base else term.diff(base)
                parts.setdefault(variables[base], []).append(derivative)
    # One term is its own sum: Add would only check that again.
    return [
        (position, terms[0] if len(terms) == 1 else Add(*terms))
        for position, terms in sorted(parts.items())
    ]
