"""The general closed form of a 1-D transposed convolution, as a SymPy ``Sum``.

``y[o] = sum_j x[j] * w[(o + p - j*s)/d]`` over exactly the ``j`` for which the kernel
index is an integer in ``[0, k - 1]``: ``j`` runs from ``max(0, ceil((o + p - d(k-1))/s))``
to ``min(I - 1, floor((o + p)/s))``, and a Kronecker delta keeps the ``j`` with
``d | o + p - j*s``. Indices are 0-based, as in the engine.

>>> y = closed_form(dilated=False)
>>> y
Sum(w[-j*s + o + p]*x[j], (j, Max(0, ceiling((-k + o + p + 1)/s)), Min(I - 1, floor((o + p)/s))))
>>> instantiate(y, o=1, I=2, k=3, s=2, p=1)
w[0]*x[1] + w[2]*x[0]
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import IndexedBase, KroneckerDelta, Max, Min, Mod, Sum, ceiling, floor

from symconv.core.equality import equal
from symconv.core.sizes import SYMBOLS

X = IndexedBase("x")
W = IndexedBase("w")
OUTPUT_INDEX, INPUT_INDEX = sympy.symbols("o j", integer=True)


def closed_form(*, dilated: bool = True) -> sympy.Expr:
    """``y[o]`` as a ``Sum`` over input positions with symbolic I, k, s, p (and d)."""
    n, k, s, p, d, _ = SYMBOLS.values()
    o, j = OUTPUT_INDEX, INPUT_INDEX
    if not dilated:
        d = sympy.Integer(1)
    offset = o + p - j * s
    low = Max(0, ceiling((o + p - d * (k - 1)) / s))
    high = Min(n - 1, floor((o + p) / s))
    term = X[j] * W[offset / d]
    if dilated:
        term = term * KroneckerDelta(Mod(offset, d), 0)
    return Sum(term, (j, low, high))


def summand_input_first(form: Sum) -> list[sympy.Expr]:
    """The factors of the closed form's summand in the order symconv writes a product:
    the input ``x[j]``, then the kernel ``w[...]``, then the delta keeping whole indices.

    >>> summand_input_first(closed_form(dilated=False))
    [x[j], w[-j*s + o + p]]
    """

    def place(factor: sympy.Expr) -> int:
        base = getattr(factor, "base", None)
        return 0 if base == X else 1 if base == W else 2

    return sorted(sympy.Mul.make_args(form.function), key=place)


def instantiate(
    expr: sympy.Expr,
    *,
    o: int,
    I: int,  # noqa: E741
    k: int,
    s: int,
    p: int,
    d: int = 1,
) -> sympy.Expr:
    """The closed form at concrete parameters and output index ``o`` (0-based), summed out."""
    values = dict(zip(SYMBOLS.values(), (I, k, s, p, d, 0)))
    values[OUTPUT_INDEX] = o
    return expr.xreplace(values).doit()


def to_engine_symbols(expr: sympy.Expr, x_elements: list, w_elements: list) -> sympy.Expr:
    """Replace ``x[j]`` and ``w[t]`` by the elements of concrete arrays (0-based)."""
    mapping = {}
    for indexed in expr.atoms(sympy.Indexed):
        index = int(indexed.indices[0])
        source = x_elements if indexed.base == X else w_elements
        mapping[indexed] = source[index]
    return expr.xreplace(mapping)


def instantiated_entries(form: sympy.Expr, derivation) -> list[sympy.Expr]:
    """The closed form at a 1-D derivation's parameters, one summed-out entry per output.

    Entries are in terms of ``x[j]`` and ``w[t]``; :func:`to_engine_symbols` maps them
    to the derivation's own elements.

    >>> from symconv.engine.presets import preset
    >>> instantiated_entries(closed_form(), preset("example-1d"))
    [w[1]*x[0], w[0]*x[1] + w[2]*x[0], w[1]*x[1]]
    """
    g = derivation.geometry
    parameters = form_parameters(g)
    return [instantiate(form, o=o, **parameters) for o in range(g.output_size[0])]


def form_parameters(geometry) -> dict[str, int]:
    """The closed form's parameters I, k, s, p, d read off a 1-D geometry.

    >>> from symconv.core.geometry import make_geometry
    >>> form_parameters(make_geometry(2, 3, stride=2, padding=1))
    {'I': 2, 'k': 3, 's': 2, 'p': 1, 'd': 1}
    """
    g = geometry
    return dict(
        I=g.input_size[0], k=g.kernel_size[0], s=g.stride[0], p=g.pad_begin[0], d=g.dilation[0]
    )


@dataclass(frozen=True)
class ClosedFormEntry:
    """One output entry of the closed form at a 1-D derivation's parameters, checked.

    ``indexed`` is in terms of ``x[j]`` and ``w[t]``, ``entry`` in the derivation's own
    symbols; ``pairs`` lists the ``(j, t)`` of each term ``x[j]*w[t]`` by ``j`` (None
    when the entry is not such a sum); ``equal`` says it equals the derivation's output.
    """

    output: int
    indexed: sympy.Expr
    entry: sympy.Expr
    pairs: list[tuple[int, int]] | None
    equal: bool


def closed_form_entries(derivation) -> list[ClosedFormEntry]:
    """The closed form at a 1-D derivation's parameters, each entry compared with its output.

    >>> from symconv.engine.presets import preset
    >>> [(e.output, e.entry, e.equal) for e in closed_form_entries(preset("example-1d"))][1]
    (1, w1*x2 + w3*x1, True)
    """
    x, w = derivation.input_elements, derivation.kernel_elements
    found = []
    for o, value in enumerate(instantiated_entries(closed_form(), derivation)):
        entry = to_engine_symbols(value, x, w)
        found.append(
            ClosedFormEntry(
                output=o,
                indexed=value,
                entry=entry,
                pairs=_index_pairs(value),
                equal=bool(equal(entry, derivation.output[o])),
            )
        )
    return found


def _index_pairs(value: sympy.Expr) -> list[tuple[int, int]] | None:
    """The (j, t) of each term ``x[j]*w[t]`` of an instantiated closed form, by j; else None."""
    pairs = []
    for term in sympy.Add.make_args(value):
        if term == 0:
            continue
        found = {i.base: int(i.indices[0]) for i in term.atoms(sympy.Indexed)}
        if set(found) != {X, W} or term != X[found[X]] * W[found[W]]:
            return None
        pairs.append((found[X], found[W]))
    return sorted(pairs)
