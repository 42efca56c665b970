"""Canonical SymPy sums of products, built directly when the factors are plain symbols.

``Add(*terms)`` and ``a*b`` sort and collect their arguments every time; for the sums a
transposed convolution makes (distinct products of distinct plain symbols) the
canonical form is known in advance: SymPy orders both the factors of a product and the
terms of a sum by ``Basic.compare``, which for symbols compares their class, then their
names and assumptions. Each symbol's place in that order is computed once
(:func:`ranks`), so a term's order is two integers. Anything else goes through ordinary
construction, so results are always identical to ``Add(*[a*b ...])``.

>>> from sympy import symbols
>>> a, b, w1, w2 = symbols("a b w1 w2")
>>> total([product(b, w1), product(a, w2)])
a*w2 + b*w1
>>> total([product(a, w1), product(a, w1)])
2*a*w1
>>> product(2, w1), total([])
(2*w1, 0)
>>> (ra, rb), (r1, r2) = ranks([a, b], [w1, w2])
>>> ranked_sum([(rb, b, r1, w1), (ra, a, r2, w2)])
a*w2 + b*w1
"""

from __future__ import annotations

from operator import itemgetter

from sympy import Add, Dummy, Mul, S, Symbol
from sympy.core.parameters import global_parameters

_mul_from_args = Mul._from_args
_add_from_args = Add._from_args
_first = itemgetter(0)

# Basic.compare orders objects of different classes before their contents.
_CLASS_RANK = (
    {Dummy: 0, Symbol: 1} if Dummy("a").compare(Symbol("a")) < 0 else {Symbol: 0, Dummy: 1}
)


def _key(symbol: Symbol) -> tuple:
    # Basic.compare orders by class, the length of the hashable content, then item by item;
    # a symbol's content holds strings, assumption pairs and integers only.
    content = symbol._hashable_content()
    return _CLASS_RANK[type(symbol)], len(content), content


def _direct_path() -> bool:
    # Under ``with sympy.evaluate(False)`` ordinary construction keeps the given order.
    return global_parameters.evaluate


def _plain(e) -> bool:
    return type(e) in _CLASS_RANK and e.is_commutative is True


def ranks(*groups: list) -> tuple[list, ...]:
    """Each element's place in SymPy's canonical order, one list per group of elements.

    Equal symbols get equal ranks. When any element is not a commutative ``Symbol`` or
    ``Dummy`` (or under ``sympy.evaluate(False)``) every rank is None, and
    :func:`ranked_sum` builds those terms the ordinary way.

    >>> from sympy import symbols
    >>> ranks(symbols("x2 x10"), symbols("w1 x2"))
    ([2, 1], [0, 2])
    >>> ranks([Symbol("a")], [2])
    ([None], [None])
    """
    flat = [e for group in groups for e in group]
    if not _direct_path() or not all(map(_plain, flat)):
        return tuple([None] * len(group) for group in groups)
    first = flat[0]._assumptions0 if flat else ()
    if all(type(e) is Symbol and e._assumptions0 == first for e in flat):
        keys = [e.name for e in flat]  # same class, same assumptions: the names decide
    else:
        keys = [_key(e) for e in flat]
    flat_ranks = [0] * len(flat)
    rank, previous = -1, None
    for position in sorted(range(len(flat)), key=keys.__getitem__):
        key = keys[position]
        if rank < 0 or key != previous:
            rank, previous = rank + 1, key
        flat_ranks[position] = rank
    split, start = [], 0
    for group in groups:
        split.append(flat_ranks[start : start + len(group)])
        start += len(group)
    return tuple(split)


def ranked_sum(terms: list, extra: list | tuple = ()):
    """``Add(*[a*b ...], *extra)`` in canonical form from ``(rank_a, a, rank_b, b)`` terms.

    Ranks come from one :func:`ranks` call; a sum of distinct products of two distinct
    symbols is built directly, anything else (a square, a repeated product, a bias in
    ``extra``, None ranks) the ordinary way.

    >>> from sympy import symbols
    >>> a, w = symbols("a w")
    >>> (ra,), (rw,) = ranks([a], [w])
    >>> ranked_sum([(rw, w, ra, a)]), ranked_sum([(ra, a, ra, a)]), ranked_sum([])
    (a*w, a**2, 0)
    """
    if extra or not terms or terms[0][0] is None:
        return total([product(a, b) for _, a, _, b in terms], extra)
    if len(terms) == 1:
        ra, a, rb, b = terms[0]
        if ra < rb:
            return _mul_from_args((a, b), True)
        if rb < ra:
            return _mul_from_args((b, a), True)
        return a * b
    keyed = []
    for ra, a, rb, b in terms:
        if ra < rb:
            keyed.append((ra << 32 | rb, a, b))
        elif rb < ra:
            keyed.append((rb << 32 | ra, b, a))
        else:
            return Add(*[a * b for _, a, _, b in terms])
    keyed.sort(key=_first)
    previous = -1
    for key, _, _ in keyed:
        if key == previous:
            return Add(*[a * b for _, a, _, b in terms])
        previous = key
    return _add_from_args(tuple([_mul_from_args((a, b), True) for _, a, b in keyed]), True)


def product(a, b):
    """``a*b`` in SymPy's canonical form; built directly for two distinct plain symbols."""
    if _plain(a) and _plain(b) and _direct_path():
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
        if len(args) != 2 or not _plain(args[0]) or not _plain(args[1]):
            return Add(*terms)
        keyed.append(((_key(args[0]), _key(args[1])), term))
    keyed.sort(key=_first)
    for left, right in zip(keyed, keyed[1:]):
        if left[0] == right[0]:
            return Add(*terms)
    return _add_from_args(tuple(term for _, term in keyed), True)
