"""Symbols, products and sums written out: LaTeX and text, sums in derivation order.

SymPy sorts the terms of a sum; a derivation records its own order (the input's
reading order, the input symbol before the kernel symbol), so sums of products are
printed here from their recorded pairs, and SymPy's printer renders each factor.

>>> from sympy import symbols
>>> a, b, w11, w12 = symbols("a b w11 w12")
>>> sum_latex([(a, w12), (b, w11)])
'a w_{12} + b w_{11}'
>>> symbol_latex(symbols("w_1_10"))
'w_{1,10}'
>>> sum_text([(a, w12), (b, w11)])
'a*w12 + b*w11'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import sympy
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE, precedence

from symconv.core.tensors import check_symbol_name

_DIGITS = re.compile(r"([A-Za-z]+)(\d+)")
_SEPARATED = re.compile(r"([A-Za-z]+)((?:_\d+)+)")


def symbol_latex(symbol: sympy.Symbol) -> str:
    """A symbol's LaTeX: ``w11`` as ``w_{11}``, ``w_1_10`` as ``w_{1,10}``, others as SymPy.

    >>> symbol_latex(sympy.Symbol("alpha2"))
    '\\\\alpha_{2}'
    """
    name = symbol.name
    match = _DIGITS.fullmatch(name) or _SEPARATED.fullmatch(name)
    if match:
        stem = sympy.latex(sympy.Symbol(match.group(1)))
        index = match.group(2).lstrip("_").replace("_", ",")
        return f"{stem}_{{{index}}}"
    return sympy.latex(symbol)


def check_names(expr: sympy.Basic, parameter: str = "symbol") -> None:
    """Refuse any symbol or function name in ``expr`` that is not a plain identifier.

    SymPy prints names as they are, so a symbol named ``\\input{...}`` would reach TeX as
    a command; bound variables (of a ``Sum`` or ``Integral``) are checked too.

    >>> check_names(sympy.Symbol("w_1_10") + sympy.Symbol("alpha"))
    >>> check_names(sympy.Sum(sympy.Symbol("x"), (sympy.Symbol("}"), 0, 1)))
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: symbol: must start with a letter ... (got '}')
    """
    names = [s.name for s in expr.atoms(sympy.Symbol)]
    names += [f.func.__name__ for f in expr.atoms(AppliedUndef)]
    for name in sorted(names):
        check_symbol_name(parameter, name)


def expr_latex(expr: object) -> str:
    """SymPy's LaTeX for ``expr`` with symconv's symbol names (checked: no TeX in them).

    >>> expr_latex(sympy.sympify("x1*w3 + x2*w1"))
    'w_{1} x_{2} + w_{3} x_{1}'
    >>> expr_latex(sympy.IndexedBase("x")[sympy.Symbol("j") + 1])
    'x[j + 1]'
    """
    if type(expr) is sympy.Symbol:
        return _plain_symbol_latex(expr.name)
    if type(expr) is int or expr is sympy.S.Zero or expr is sympy.S.One:
        return str(expr)
    expr = sympy.sympify(expr)
    check_names(expr)
    names = {s: symbol_latex(s) for s in expr.free_symbols if isinstance(s, sympy.Symbol)}
    return _PositionPrinter({"symbol_names": names}).doprint(expr)


_TALL = re.compile(r"\\(frac|left|begin)\b")


class _PositionPrinter(LatexPrinter):
    r"""SymPy's LaTeX printer with positions in square brackets: ``x[j]``, counted from 0.

    A subscript names an element, counted from 1 (``x_{1}``); an indexed object is a
    position in a formula (``x[0]``), so the two never look alike. The brackets sit tight
    against the name, as the worked example's ``O[0]`` does; they grow around a fraction,
    braced so that TeX adds no space before them:

    >>> j, d = sympy.symbols("j d")
    >>> _PositionPrinter().doprint(sympy.IndexedBase("w")[j / d])
    'w{\\left[\\frac{j}{d}\\right]}'
    """

    def _print_Indexed(self, expr):
        indices = ", ".join(self._print(i) for i in expr.indices)
        name = self._print(expr.base.label)
        if _TALL.search(indices):
            return rf"{name}{{\left[{indices}\right]}}"
        return f"{name}[{indices}]"


@functools.lru_cache(maxsize=1 << 16)
def _plain_symbol_latex(name: str) -> str:
    """A plain symbol's LaTeX, its name checked once (the common factor of every product)."""
    check_symbol_name("symbol", name)
    return symbol_latex(sympy.Symbol(name))


def _factor(value: object) -> str:
    if type(value) is sympy.Symbol:
        return _plain_symbol_latex(value.name)
    text = expr_latex(value)
    if precedence(sympy.sympify(value)) < PRECEDENCE["Mul"]:
        return rf"\left({text}\right)"
    return text


def product_latex(first: object, second: object) -> str:
    """The product ``first * second`` written in that order (numbers first, 1 dropped).

    >>> product_latex(sympy.Symbol("x1"), sympy.Symbol("w3"))
    'x_{1} w_{3}'
    >>> product_latex(2, sympy.Symbol("w1")), product_latex(sympy.Symbol("a"), 3)
    ('2 w_{1}', '3 a')
    >>> product_latex(-2, sympy.Symbol("w1")), product_latex(sympy.Symbol("a"), 0)
    ('-2 w_{1}', '0')
    """
    if type(first) is sympy.Symbol and type(second) is sympy.Symbol:
        return f"{_plain_symbol_latex(first.name)} {_plain_symbol_latex(second.name)}"
    first, second = sympy.sympify(first), sympy.sympify(second)
    if first.is_number and second.is_number or first == 0 or second == 0:
        return expr_latex(first * second)
    if second.is_number:
        first, second = second, first
    if first.is_number:
        if first == 1:
            return _factor(second)
        if first == -1:
            return "-" + _factor(second)
        if first.is_Rational and first < 0:
            return f"-{expr_latex(-first)} {_factor(second)}"
        return f"{_factor(first)} {_factor(second)}"
    return f"{_factor(first)} {_factor(second)}"


def sum_latex(
    pairs: Sequence[tuple[object, object]],
    extra: Sequence[object] = (),
    per_line: int | None = None,
) -> str:
    """The sum of products ``pairs`` (then ``extra`` terms) in the given order; ``0`` if none.

    ``per_line`` breaks a longer sum into lines of that many terms (see :func:`join_terms`).
    """
    parts = []
    for first, second in pairs:
        if type(first) is not sympy.Symbol or type(second) is not sympy.Symbol:
            if sympy.sympify(first) == 0 or sympy.sympify(second) == 0:
                continue
        parts.append(product_latex(first, second))
    parts.extend(expr_latex(term) for term in extra if sympy.sympify(term) != 0)
    return join_terms(parts, per_line)


def symbol_places(values) -> dict:
    """Each symbol among ``values`` and the place it first has, for :func:`ordered_sum_latex`.

    >>> x1, x2 = sympy.symbols("x1 x2")
    >>> symbol_places([x1, 2, x2, x1])
    {x1: 0, x2: 1}
    """
    places: dict = {}
    for value in values:
        if isinstance(value, sympy.Symbol):
            places.setdefault(value, len(places))
    return places


def ordered_sum_latex(expr: object, first: dict, per_line: int | None = None) -> str:
    """A sum of products written as a derivation writes it: each term's input factor first,
    the terms in the inputs' order; ``first`` maps each input symbol to its place.

    An expression that is not such a sum is written as SymPy writes it.

    >>> x1, x2, w1, w3 = sympy.symbols("x1 x2 w1 w3")
    >>> ordered_sum_latex(w1 * x2 + 2 * w3 * x1, {x1: 0, x2: 1})
    '2 x_{1} w_{3} + x_{2} w_{1}'
    """
    pairs = _input_first(expr, first)
    if pairs is None:
        return expr_latex(expr)
    return sum_latex(pairs, per_line=per_line)


def ordered_sum_text(expr: object, first: dict) -> str:
    """:func:`ordered_sum_latex` as text: each product input first, in the inputs' order.

    >>> x1, x2, w1, w3 = sympy.symbols("x1 x2 w1 w3")
    >>> ordered_sum_text(w1 * x2 + w3 * x1, {x1: 0, x2: 1}), ordered_sum_text(w1 + 1, {x1: 0})
    ('x1*w3 + x2*w1', 'w1 + 1')
    """
    pairs = _input_first(expr, first)
    if pairs is None:
        return sympy.sstr(sympy.sympify(expr))
    return sum_text(pairs)


def _input_first(expr: object, first: dict) -> list[tuple[object, object]] | None:
    """The (input factor, rest) pairs of a sum of products, in the inputs' order; None when
    a term has no single input factor."""
    found = []
    for term in sympy.Add.make_args(sympy.sympify(expr)):
        if term == 0:
            continue
        coefficient, factors = term.as_coeff_mul()
        leading = [f for f in factors if f in first]
        if len(leading) != 1:
            return None
        rest = sympy.Mul(*(f for f in factors if f is not leading[0]))
        found.append((first[leading[0]], str(rest), coefficient * leading[0], rest))
    found.sort(key=lambda item: item[:2])
    return [(lead, rest) for *_, lead, rest in found]


def join_terms(parts: Sequence[str], per_line: int | None = None) -> str:
    r"""Written terms joined into a sum, a leading minus turned into a subtraction.

    With ``per_line``, a sum of more terms is stacked, that many terms a line, so that a
    matrix of long sums fits a narrow column.

    >>> join_terms(["a", "-b", "c"]), join_terms([])
    ('a - b + c', '0')
    >>> print(join_terms(["a", "b", "-c"], per_line=2))
    \begin{array}{@{}l@{}} a + b \\ {} - c \end{array}
    """
    if not parts:
        return "0"
    joined = [parts[0]]
    for part in parts[1:]:
        joined.append(f"- {part[1:]}" if part.startswith("-") else f"+ {part}")
    if per_line is None or len(parts) <= per_line:
        return " ".join(joined)
    lines = [" ".join(joined[n : n + per_line]) for n in range(0, len(joined), per_line)]
    lines[1:] = ["{} " + line for line in lines[1:]]
    return r"\begin{array}{@{}l@{}} " + r" \\ ".join(lines) + r" \end{array}"


def product_text(first: object, second: object) -> str:
    """The product ``first * second`` as text in that order; with a number, SymPy's own form.

    >>> product_text(sympy.Symbol("x1"), sympy.Symbol("w3")), product_text(sympy.Symbol("a"), 2)
    ('x1*w3', '2*a')
    """
    first, second = sympy.sympify(first), sympy.sympify(second)
    if first.is_number or second.is_number:
        return sympy.sstr(first * second)  # SymPy puts the number first
    return sympy.sstr(sympy.Mul(first, second, evaluate=False), order="none")


def sum_text(pairs: Sequence[tuple[object, object]]) -> str:
    """The sum of products ``pairs`` as text, in the given order; ``0`` if none.

    >>> a, b, w1 = sympy.symbols("a b w1")
    >>> sum_text([(a, 2), (b, 0)]), sum_text([(a, -1), (b, w1)]), sum_text([])
    ('2*a', '-a + b*w1', '0')
    """
    return join_terms(
        [
            product_text(first, second)
            for first, second in pairs
            if sympy.sympify(first) != 0 and sympy.sympify(second) != 0
        ]
    )
