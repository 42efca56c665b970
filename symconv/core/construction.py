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
>>> ranking, (x_ranks, w_ranks) = ranks([a, b], [w1, w2])
>>> Sums(ranking, [a, b], x_ranks, [w1, w2], w_ranks).entry([(1, 0), (0, 1)])
a*w2 + b*w1
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter

from sympy import Add, Dummy, Mul, S, Symbol
from sympy.core.parameters import global_parameters

_mul_from_args = Mul._from_args
_add_from_args = Add._from_args
_first = itemgetter(0)
_second = itemgetter(1)

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


def plain(e) -> bool:
    """A commutative ``Symbol`` or ``Dummy``: a factor whose canonical place is its rank.

    >>> plain(Symbol("a")), plain(Symbol("A", commutative=False)), plain(S(2))
    (True, False, False)
    """
    return type(e) in _CLASS_RANK and e.is_commutative is True


_LOW = (1 << 32) - 1


@dataclass(frozen=True)
class Ranking:
    """Elements ranked in SymPy's canonical order: ``symbols[r]`` is the element of rank r.

    ``distinct`` says no two ranked elements are equal (equal symbols share a rank).

    >>> ranking, _ = ranks([Symbol("b"), Symbol("a"), Symbol("b")])
    >>> ranking.symbols, ranking.distinct, ranking.place[Symbol("b")]
    ([a, b], False, 1)
    """

    symbols: list
    distinct: bool

    @cached_property
    def place(self) -> dict:
        """``{symbol: rank}`` for every ranked symbol, made on first use."""
        return {symbol: rank for rank, symbol in enumerate(self.symbols)}


def ranks(*groups: list) -> tuple[Ranking | None, tuple[list, ...]]:
    """Each element's place in SymPy's canonical order, one list per group of elements.

    Equal symbols get equal ranks. When any element is not a commutative ``Symbol`` or
    ``Dummy`` (or under ``sympy.evaluate(False)``) the ranking is None and every rank
    is None: :class:`Sums` then builds the ordinary way.

    >>> from sympy import symbols
    >>> ranking, found = ranks(symbols("x2 x10"), symbols("w1 x2"))
    >>> found, ranking.symbols, ranking.distinct
    (([2, 1], [0, 2]), [w1, x10, x2], False)
    >>> ranks([Symbol("a")], [2])
    (None, ([None], [None]))
    """
    flat = [e for group in groups for e in group]
    if not _direct_path() or not all(map(plain, flat)):
        return None, tuple([None] * len(group) for group in groups)
    first = flat[0]._assumptions0 if flat else ()
    if all(type(e) is Symbol and e._assumptions0 == first for e in flat):
        keys = [e.name for e in flat]  # same class, same assumptions: the names decide
    else:
        keys = [_key(e) for e in flat]
    flat_ranks = [0] * len(flat)
    symbols = []
    previous = None
    for position in sorted(range(len(flat)), key=keys.__getitem__):
        key = keys[position]
        if not symbols or key != previous:
            symbols.append(flat[position])
            previous = key
        flat_ranks[position] = len(symbols) - 1
    split, start = [], 0
    for group in groups:
        split.append(flat_ranks[start : start + len(group)])
        start += len(group)
    return Ranking(symbols, len(symbols) == len(flat)), tuple(split)


class Sums:
    """Builds ``Add(*[x[i]*w[t] for i, t in pairs], *extra)`` for index pairs, canonically.

    ``x_ranks`` and ``w_ranks`` come from one :func:`ranks` call that ranked both (and
    gave ``ranking``). A view must not repeat an ``(i, t)`` pair within one entry. When
    every symbol is distinct and one operand's symbols all sort before the other's,
    each term's order is one integer and no term is compared; otherwise each sum is
    checked (a square, a repeated product) and built the ordinary way when it must be.

    >>> from sympy import symbols
    >>> x, w = symbols("a b"), symbols("w1 w2")
    >>> ranking, (xr, wr) = ranks(x, w)
    >>> sums = Sums(ranking, x, xr, w, wr)
    >>> sums.entry([(1, 0), (0, 1)]), sums.entry([(0, 0)]), sums.entry([])
    (a*w2 + b*w1, a*w1, 0)
    >>> sums.entry([(0, 0)], [Symbol("c")])
    a*w1 + c
    """

    def __init__(self, ranking: Ranking | None, x: list, x_ranks: list, w: list, w_ranks: list):
        self.x, self.w = x, w
        if ranking is None:
            self.entry = self._ordinary
            return
        self._symbols = ranking.symbols
        self._x_ranks, self._w_ranks = x_ranks, w_ranks
        self.entry = self._checked
        if ranking.distinct and x_ranks and w_ranks:
            if max(w_ranks) < min(x_ranks):
                self._x_keys, self._w_keys = x_ranks, [r << 32 for r in w_ranks]
                self.entry = self._separated
            elif max(x_ranks) < min(w_ranks):
                self._x_keys, self._w_keys = [r << 32 for r in x_ranks], w_ranks
                self.entry = self._separated

    def plane(self, entries: list, extra: list | tuple = ()) -> list:
        """``[self.entry(pairs, extra) for pairs in entries]``, with less work per entry.

        >>> from sympy import symbols
        >>> x, w = symbols("x1 x2"), symbols("w1 w2")
        >>> ranking, (xr, wr) = ranks(x, w)
        >>> Sums(ranking, x, xr, w, wr).plane([[(0, 1), (1, 0)], [], [(1, 1)]])
        [w1*x2 + w2*x1, 0, w2*x2]
        """
        if self.entry != self._separated or extra:
            entry = self.entry
            return [entry(pairs, extra) for pairs in entries]
        symbols, x_keys, w_keys = self._symbols, self._x_keys, self._w_keys
        mul, add, zero = _mul_from_args, _add_from_args, S.Zero
        out = []
        append = out.append
        for pairs in entries:
            if len(pairs) == 1:
                i, t = pairs[0]
                key = x_keys[i] | w_keys[t]
                append(mul((symbols[key >> 32], symbols[key & _LOW]), True))
            elif pairs:
                keys = sorted([x_keys[i] | w_keys[t] for i, t in pairs])
                append(
                    add(
                        tuple([mul((symbols[k >> 32], symbols[k & _LOW]), True) for k in keys]),
                        True,
                    )
                )
            else:
                append(zero)
        return out

    def separable(
        self,
        axes: list,
        input_size: tuple[int, ...],
        kernel_size: tuple[int, ...],
        channels: int = 1,
        extra: list | tuple = (),
    ) -> list:
        """One output plane from per-axis structure: every output cell, in reading order.

        ``axes[a][o]`` lists the ``(input, tap)`` index pairs along axis ``a`` that meet at
        output position ``o``; a cell's terms are every combination over the axes, for
        each of ``channels`` input channels (``x`` and ``w`` hold them one after another).
        When one operand's symbols all sort first and rise with their flat index, and no
        input or tap repeats within an axis's list (as in any convolution), terms come
        out in canonical order with no key and no sort; the lists are then sorted in place.

        >>> from sympy import symbols
        >>> x, w = symbols("x1:5"), symbols("w1:3")
        >>> ranking, (xr, wr) = ranks(x, w)
        >>> axes = [[[(0, 0)], [(0, 1), (1, 0)]], [[(0, 0)], [(1, 0)]]]
        >>> Sums(ranking, x, xr, w, wr).separable(axes, (2, 2), (2, 1))
        [w1*x1, w1*x2, w1*x3 + w2*x1, w1*x4 + w2*x2]
        """
        order = self._rising()
        if order is not None:
            by = 0 if order == "x" else 1
            order = order if all(_put_in_order(axis, by) for axis in axes) else None
        # Fold the channels (outermost) and every axis but the last into flat offsets.
        outer = [[(c, c) for c in range(channels)]]
        for axis, n, k in zip(axes[:-1], input_size, kernel_size):
            outer = [
                [(i * n + a, t * k + b) for i, t in pairs for a, b in axis_pairs]
                for pairs in outer
                for axis_pairs in axis
            ]
        n, k = input_size[-1], kernel_size[-1]
        outer = [[(i * n, t * k) for i, t in pairs] for pairs in outer]
        inner = axes[-1]
        if order is None or extra:
            entries = [[(i + j, t + u) for i, t in a for j, u in b] for a in outer for b in inner]
            return self.plane(entries, extra)
        x, w = self.x, self.w
        mul, add, zero = _mul_from_args, _add_from_args, S.Zero
        out = []
        append = out.append
        for a in outer:
            for b in inner:
                count = len(a) * len(b)
                if count == 0:
                    append(zero)
                elif order == "w":
                    terms = [mul((w[t + u], x[i + j]), True) for i, t in a for j, u in b]
                    append(terms[0] if count == 1 else add(tuple(terms), True))
                else:
                    terms = [mul((x[i + j], w[t + u]), True) for i, t in a for j, u in b]
                    append(terms[0] if count == 1 else add(tuple(terms), True))
        return out

    def _rising(self) -> str | None:
        """``"w"`` when every w sorts before every x and w's ranks rise with its index,
        ``"x"`` for the reverse, else None."""
        if self.entry != self._separated:
            return None
        w_first = self._w_keys is not self._w_ranks
        first = self._w_ranks if w_first else self._x_ranks
        if all(a < b for a, b in zip(first, first[1:])):
            return "w" if w_first else "x"
        return None

    def _ordinary(self, pairs, extra=()):
        x, w = self.x, self.w
        return total([product(x[i], w[t]) for i, t in pairs], extra)

    def _separated(self, pairs, extra=()):
        # Every w sorts before every x (or the reverse): a term's key is one addition.
        if extra:
            return self._ordinary(pairs, extra)
        symbols, x_keys, w_keys = self._symbols, self._x_keys, self._w_keys
        if len(pairs) == 1:
            i, t = pairs[0]
            key = x_keys[i] | w_keys[t]
            return _mul_from_args((symbols[key >> 32], symbols[key & _LOW]), True)
        if not pairs:
            return S.Zero
        keys = sorted([x_keys[i] | w_keys[t] for i, t in pairs])
        return _add_from_args(
            tuple([_mul_from_args((symbols[k >> 32], symbols[k & _LOW]), True) for k in keys]),
            True,
        )

    def _checked(self, pairs, extra=()):
        if extra or not pairs:
            return self._ordinary(pairs, extra)
        symbols, x_ranks, w_ranks = self._symbols, self._x_ranks, self._w_ranks
        keys = []
        for i, t in pairs:
            a, b = x_ranks[i], w_ranks[t]
            if a == b:
                return self._ordinary(pairs)
            keys.append(a << 32 | b if a < b else b << 32 | a)
        if len(keys) == 1:
            return _mul_from_args((symbols[keys[0] >> 32], symbols[keys[0] & _LOW]), True)
        keys.sort()
        if len(set(keys)) < len(keys):
            return self._ordinary(pairs)
        return _add_from_args(
            tuple([_mul_from_args((symbols[k >> 32], symbols[k & _LOW]), True) for k in keys]),
            True,
        )


def sum_of_monomials(monomials: list, extra: list | tuple = (), ranking: Ranking | None = None):
    """``Add(*[Mul(*factors) for factors in monomials], *extra)`` in canonical form.

    Built directly when every factor is a plain commutative symbol (:func:`ranks`), each
    monomial has at least two factors, none twice, and no monomial repeats: SymPy then
    orders a product's factors by rank and a sum's products by their factors' ranks,
    shorter products first. Anything else is built the ordinary way. ``ranking``, from one
    :func:`ranks` call over every factor, spares ranking them again for each sum.

    >>> from sympy import symbols
    >>> u, v, w = symbols("u v w")
    >>> sum_of_monomials([(w, v, u), (u, w), (v, u, v)])
    u*v**2 + u*v*w + u*w
    >>> sum_of_monomials([(w, u), (v, u)])
    u*v + u*w
    """
    if extra or not monomials:
        return Add(*[Mul(*factors) for factors in monomials], *extra)
    flat = [f for factors in monomials for f in factors]
    flat_ranks = None
    if ranking is not None:
        place = ranking.place
        flat_ranks = [place.get(f) if plain(f) else None for f in flat]
        if None in flat_ranks:
            flat_ranks = None
    if flat_ranks is None:
        ranking, (flat_ranks,) = ranks(flat)
    if ranking is None:
        return Add(*[Mul(*factors) for factors in monomials])
    symbols = ranking.symbols
    keyed = []
    start = 0
    for factors in monomials:
        count = len(factors)
        key = sorted(flat_ranks[start : start + count])
        start += count
        if count < 2 or any(a == b for a, b in zip(key, key[1:])):
            return Add(*[Mul(*factors) for factors in monomials])
        keyed.append((count, *key))
    keyed.sort()
    if any(a == b for a, b in zip(keyed, keyed[1:])):
        return Add(*[Mul(*factors) for factors in monomials])
    terms = tuple([_mul_from_args(tuple([symbols[r] for r in key[1:]]), True) for key in keyed])
    return terms[0] if len(terms) == 1 else _add_from_args(terms, True)


def product(a, b):
    """``a*b`` in SymPy's canonical form; built directly for two distinct plain symbols."""
    if plain(a) and plain(b) and _direct_path():
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
        if len(args) != 2 or not plain(args[0]) or not plain(args[1]):
            return Add(*terms)
        keyed.append(((_key(args[0]), _key(args[1])), term))
    keyed.sort(key=_first)
    for left, right in zip(keyed, keyed[1:]):
        if left[0] == right[0]:
            return Add(*terms)
    return _add_from_args(tuple(term for _, term in keyed), True)


def _put_in_order(axis: list, by: int) -> bool:
    """Sort each list of ``axis`` in place by item ``by`` of its pairs; False unless no input
    and no tap repeats within a list.

    >>> axis = [[(0, 2), (1, 0)], [(2, 1)]]
    >>> _put_in_order(axis, 1), axis
    (True, [[(1, 0), (0, 2)], [(2, 1)]])
    >>> _put_in_order([[(0, 1), (0, 2)]], 1)
    False
    """
    other = 1 - by
    for pairs in axis:
        count = len(pairs)
        if count < 2:
            continue
        if count == 2:
            a, b = pairs
            if a[by] > b[by]:
                pairs.reverse()
            if a[by] == b[by] or a[other] == b[other]:
                return False
            continue
        pairs.sort(key=_first if by == 0 else _second)
        if len({p[other] for p in pairs}) < count or len({p[by] for p in pairs}) < count:
            return False
    return True
