"""Canonical SymPy sums of products, built directly when the factors are plain symbols.

``Add(*terms)`` and ``a*b`` sort and collect their arguments every time; for the sums a
transposed convolution makes (distinct products of two distinct plain symbols) the
canonical form is known in advance: SymPy orders both the factors of a product and the
terms of a sum by ``Basic.compare``, which for plain symbols compares their names and
assumptions. Anything else goes through ordinary construction, so results are always
identical to ``Add(*[a*b ...])``.

>>> from sympy import symbols
>>> a, b, w1, w2 = symbols("a b w1 w2")
>>> total([product(b, w1), product(a, w2)])
a*w2 + b*w1
>>> total([product(a, w1), product(a, w1)])
2*a*w1
>>> product(2, w1), total([])
(2*w1, 0)
"""

from __future__ import annotations

from sympy import Add, Mul, S, Symbol
from sympy.core.parameters import global_parameters

_mul_from_args = Mul._from_args
_add_from_args = Add._from_args


def _key(symbol: Symbol) -> tuple:
    # Basic.compare orders by the length of the hashable content, then item by item.
    content = symbol._hashable_content()
    return len(content), content


def _direct_path() -> bool:
    # Under ``with sympy.evaluate(False)`` ordinary construction keeps the given order.
    return global_parameters.evaluate


def product(a, b):
    """``a*b`` in SymPy's canonical form; built directly for two distinct plain symbols."""
    if (
        type(a) is Symbol
        and type(b) is Symbol
        and a.is_commutative
        and b.is_commutative
        and _direct_path()
    ):
        key_a, key_b = _key(a), _key(b)
        if key_a < key_b:
            return _mul_from_args((a, b), True)
        if key_b < key_a:
            return _mul_from_args((b, a), True)
    return a * b


def total(terms: list, extra: list | tuple = ()):
    """``Add(*terms, *extra)`` in SymPy's canonical form, built directly when it can be.

    The direct path needs every term to be a product of two plain commutative symbols and
    no two terms alike; otherwise SymPy's own ``Add`` collects and sorts.
    """
    if extra or len(terms) < 2 or not _direct_path():
        return Add(*terms, *extra) if terms or extra else S.Zero
    keyed = []
    for term in terms:
        if type(term) is not Mul:
            return Add(*terms)
        args = term.args
        if (
            len(args) != 2
            or type(args[0]) is not Symbol
            or type(args[1]) is not Symbol
            or not term.is_commutative
        ):
            return Add(*terms)
        keyed.append(((_key(args[0]), _key(args[1])), term))
    keyed.sort(key=_first)
    for left, right in zip(keyed, keyed[1:]):
        if left[0] == right[0]:
            return Add(*terms)
    return _add_from_args(tuple(term for _, term in keyed), True)


def _first(pair):
    return pair[0]
