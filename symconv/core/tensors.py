"""Symbolic, numeric and mixed arrays for inputs and kernels.

>>> symbols_array("w", (2, 2))
[[w11, w12], [w21, w22]]
>>> letters((2, 2))
[[a, b], [c, d]]
>>> symbols_array("x", 3, base=0)
[x0, x1, x2]
>>> to_array([[1, "1/2"], [0.5, "a"]], "input")
[[1, 1/2], [0.5, a]]
"""

from __future__ import annotations

import decimal
import fractions
import functools
import math
import numbers
import operator
import re
import string
from collections.abc import Sequence

import sympy
from sympy import Basic, ImmutableDenseNDimArray, Tuple

from symconv.core.grid import ndindex
from symconv.core.parameters import shape_sizes
from symconv.errors import SymconvError

_NAME_CHARS = set(string.ascii_letters + string.digits + "_")


def check_symbol_name(parameter: str, name: object) -> str:
    """Return ``name`` if it is a plain identifier (letters, digits, ``_``), else raise.

    >>> check_symbol_name("name", "w")
    'w'
    """
    if (
        not isinstance(name, str)
        or not name
        or not set(name) <= _NAME_CHARS
        or not name[0].isalpha()
    ):
        raise SymconvError(
            parameter, "must start with a letter and hold only letters, digits and '_'", name
        )
    return name


def symbol_name(
    name: str, index: Sequence[int], base: int = 1, *, separated: bool = False
) -> str:
    """The name of one element of a symbolic array: ``w12``, or ``w_1_10`` with separators.

    ``separated`` puts ``_`` before every index, as an array does for all its elements
    once any index needs two digits; an index past 9 always gets them.

    >>> symbol_name("w", (0, 1)), symbol_name("w", (0, 9)), symbol_name("x", (2,), base=0)
    ('w12', 'w_1_10', 'x2')
    >>> symbol_name("w", (0, 1), separated=True)
    'w_1_2'
    """
    numbers_ = [i + base for i in index]
    if not separated and all(0 <= n < 10 for n in numbers_):
        return name + "".join(map(str, numbers_))
    return name + "".join(f"_{n}" for n in numbers_)


def symbols_array(name: str, shape: object, *, base: int = 1) -> ImmutableDenseNDimArray:
    """An array of fresh symbols ``name`` followed by the element's index (1-based by default).

    When any index needs two digits, every name separates its indices (``w_1_9``,
    ``w_1_10``), so one array is written one way.

    >>> symbols_array("k", (1, 2), base=0)
    [[k00, k01]]
    >>> symbols_array("w", (1, 10))[0, 8]
    w_1_9
    """
    check_symbol_name("name", name)
    if base not in (0, 1):
        raise SymconvError("base", "must be 0 or 1", base)
    shape = shape_sizes("shape", shape)
    separated = max(shape) - 1 + base >= 10
    flat = [
        sympy.Symbol(symbol_name(name, index, base, separated=separated))
        for index in ndindex(shape)
    ]
    return ImmutableDenseNDimArray(flat, shape)


def letters(shape: object, *, start: str = "a", skip: str = "") -> ImmutableDenseNDimArray:
    """An array of single-letter symbols in reading order, ``a, b, c, d`` as in the examples of
    "Understanding Transposed Convolutions".

    ``skip`` leaves out one letter, the kernel's, so that ``w`` never names an input element
    beside kernel elements ``w_{11}``.

    >>> letters(3, start="p"), letters(3, start="v", skip="w"), letters(2, skip="a")
    ([p, q, r], [v, x, y], [b, c])
    """
    shape = shape_sizes("shape", shape)
    if not isinstance(start, str) or len(start) != 1 or start not in string.ascii_lowercase:
        raise SymconvError("start", "must be one lowercase letter", start)
    alphabet = string.ascii_lowercase.replace(skip, "") if skip else string.ascii_lowercase
    count = math.prod(shape)
    first = sum(1 for letter in alphabet if letter < start)
    if first + count > len(alphabet):
        raise SymconvError(
            "shape", f"letters from {start!r} name at most {len(alphabet) - first} elements", shape
        )
    flat = [sympy.Symbol(alphabet[first + n]) for n in range(count)]
    return ImmutableDenseNDimArray(flat, shape)


def to_element(parameter: str, value: object) -> sympy.Expr:
    """One array element as an exact SymPy expression: ints and fractions stay exact.

    Strings are read as numbers (``3``, ``-0.25``, ``3/4``, all exact) or symbol names,
    never evaluated as code; floats are kept as the user gave them; ``Decimal`` and
    ``Fraction`` become exact rationals.

    >>> to_element("input", "3/4"), to_element("input", "-0.25"), to_element("input", "a1")
    (3/4, -1/4, a1)
    """
    if isinstance(value, sympy.Basic):
        expr = value
    elif isinstance(value, bool):
        raise SymconvError(
            parameter, "elements must be numbers or SymPy expressions", type(value).__name__
        )
    elif isinstance(value, numbers.Number):
        if (
            isinstance(value, numbers.Real)
            and not isinstance(value, numbers.Integral)
            and not math.isfinite(float(value))
        ):
            raise SymconvError(parameter, "elements must be finite", value)
        exact = isinstance(value, (decimal.Decimal, fractions.Fraction))
        expr = sympy.Rational(str(value)) if exact else sympy.sympify(value)
    elif isinstance(value, str):
        expr = _read_element(parameter, value)
    else:
        raise SymconvError(
            parameter, "elements must be numbers or SymPy expressions", type(value).__name__
        )
    if not isinstance(expr, sympy.Expr) or expr.has(sympy.zoo, sympy.oo, -sympy.oo, sympy.nan):
        raise SymconvError(parameter, "elements must be finite numbers or expressions", value)
    return expr


_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)(/\d+)?")


def _read_element(parameter: str, text: str) -> sympy.Expr:
    stripped = text.strip()
    if _NUMBER.fullmatch(stripped):
        numerator, _, denominator = stripped.partition("/")
        if denominator and int(denominator) == 0:
            raise SymconvError(parameter, "a fraction's denominator must not be 0", text)
        return sympy.Rational(stripped)
    if stripped and stripped[0].isalpha() and set(stripped) <= _NAME_CHARS:
        return sympy.Symbol(stripped)
    raise SymconvError(
        parameter, "a string element must be a number (3, -0.25, 3/4) or a symbol name", text
    )


def to_array(value: object, parameter: str) -> ImmutableDenseNDimArray:
    """Read nested lists, NumPy arrays, SymPy arrays or matrices as an exact SymPy array.

    A dense SymPy array is read from its flat storage; one whose elements are all plain
    symbols or rationals is returned as it is.

    >>> to_array([[1, 2]], "weight").shape
    (1, 2)
    >>> w = symbols_array("w", (2, 2))
    >>> to_array(w, "weight") is w
    True
    """
    if isinstance(value, sympy.NDimArray) and isinstance(getattr(value, "_array", None), list):
        shape = tuple(int(n) for n in value.shape)
        flat = list(value._array)
    elif isinstance(value, (sympy.MatrixBase, sympy.NDimArray)):
        shape = tuple(value.shape)
        flat = flat_elements(sympy.ImmutableDenseNDimArray(value))
    else:
        if hasattr(value, "tolist") and not isinstance(value, sympy.Basic):
            value = value.tolist()
        shape, flat = _nested(parameter, value)
    if not shape or 0 in shape:
        raise SymconvError(parameter, "must be a non-empty array", value)
    elements = [v if _finite_atom(v) else to_element(parameter, v) for v in flat]
    if type(value) is ImmutableDenseNDimArray and all(map(operator.is_, elements, flat)):
        return value
    return dense_array(elements, shape)


def _finite_atom(value: object) -> bool:
    """A symbol or a rational: what :func:`to_element` would return unchanged."""
    return type(value) in (sympy.Symbol, sympy.Dummy) or isinstance(value, sympy.Rational)


def dense_array(flat: list, shape: tuple[int, ...]) -> ImmutableDenseNDimArray:
    """``ImmutableDenseNDimArray(flat, shape)``, built without re-reading SymPy elements.

    >>> dense_array(list(letters(4)), (2, 2)) == ImmutableDenseNDimArray(list(letters(4)), (2, 2))
    True
    """
    if (
        not shape
        or math.prod(shape) != len(flat)
        or not all(isinstance(e, sympy.Basic) for e in flat)
    ):
        return ImmutableDenseNDimArray(flat, shape)
    sizes = Tuple(*map(sympy.Integer, shape))
    array = Basic.__new__(ImmutableDenseNDimArray, Tuple(*flat, sympify=False), sizes)
    array._shape = sizes
    array._array = list(flat)
    array._rank = len(sizes)
    array._loop_size = functools.reduce(operator.mul, sizes, 1)
    return array


def flat_elements(array: ImmutableDenseNDimArray) -> list:
    """The elements of a SymPy array in reading order, as one flat list.

    >>> flat_elements(letters((2, 2)))
    [a, b, c, d]
    """
    return list(array._array)


def _nested(parameter: str, value: object) -> tuple[tuple[int, ...], list]:
    if not isinstance(value, (list, tuple)):
        raise SymconvError(parameter, "must be an array (nested lists, NumPy or SymPy)", value)
    if not value:
        return (0,), []
    if all(isinstance(v, (list, tuple)) for v in value):
        parts = [_nested(parameter, v) for v in value]
        inner = parts[0][0]
        if any(p[0] != inner for p in parts):
            raise SymconvError(parameter, "rows must all have the same shape", value)
        return (len(value), *inner), [e for p in parts for e in p[1]]
    if any(isinstance(v, (list, tuple)) for v in value):
        raise SymconvError(parameter, "rows must all have the same shape", value)
    return (len(value),), list(value)
