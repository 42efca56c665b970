"""The direct construction path builds exactly what ordinary SymPy construction builds."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Add, Dummy, Float, Integer, Mul, Rational, Symbol, evaluate, srepr

import symconv
from symconv.core import construction as build
from symconv.core.construction import product, total

NAMES = st.sampled_from(["a", "b", "x1", "x10", "x9", "w_1_10", "w11", "W", "z", "alpha"])


@st.composite
def factors(draw):
    kind = draw(
        st.sampled_from(
            ["plain", "plain", "plain", "assumed", "number", "dummy", "noncommutative", "float"]
        )
    )
    if kind == "plain":
        return Symbol(draw(NAMES))
    if kind == "noncommutative":
        return Symbol(draw(NAMES), commutative=False)
    if kind == "float":
        return Float(draw(st.sampled_from(["0.5", "-1.25", "3.0"])))
    if kind == "assumed":
        return Symbol(draw(NAMES), positive=draw(st.booleans()), integer=True)
    if kind == "number":
        return draw(st.sampled_from([Integer(0), Integer(1), Integer(-2), Rational(1, 3)]))
    return Dummy(draw(NAMES))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(factors(), factors()), max_size=12), st.booleans())
def test_total_of_products_is_identical_to_ordinary_construction(pairs, with_extra):
    extra = [Symbol("bias")] if with_extra else []
    fast = total([product(a, b) for a, b in pairs], extra)
    ordinary = Add(*[a * b for a, b in pairs], *extra)
    assert fast == ordinary
    assert srepr(fast) == srepr(ordinary)
    assert fast.args == ordinary.args
    assert hash(fast) == hash(ordinary)
    assert str(fast) == str(ordinary)
    assert fast.is_commutative == ordinary.is_commutative


def test_direct_path_is_taken_for_distinct_plain_symbols(monkeypatch):
    a, b, w1, w2 = (Symbol(n) for n in ("a", "b", "w1", "w2"))
    terms = [product(b, w1), product(a, w2)]

    def no_ordinary_construction(*args):
        raise AssertionError("the direct path was not taken")

    monkeypatch.setattr(build, "Add", no_ordinary_construction)
    built = build.total(terms)
    assert built.args == (a * w2, b * w1)
    assert built.is_commutative


def test_noncommutative_factors_keep_their_order():
    a, b = Symbol("A", commutative=False), Symbol("B", commutative=False)
    assert product(b, a) == b * a != a * b
    y = symconv.conv_transpose([[b]], [[[a]]])
    assert y.tolist() == [[b * a]]


def test_unevaluated_construction_is_respected():
    a, b, w1, w2 = (Symbol(n) for n in ("a", "b", "w1", "w2"))
    with evaluate(False):
        fast = total([product(b, w1), product(a, w2)])
        ordinary = Add(b * w1, a * w2)
    assert fast.args == ordinary.args


@st.composite
def operands(draw):
    """Two factor lists: distinct plain symbols in rising or shuffled order, or mixed factors."""
    kind = draw(st.sampled_from(["rising", "shuffled", "mixed", "shared"]))
    n = draw(st.integers(1, 6))
    k = draw(st.integers(1, 4))
    if kind == "mixed":
        return [draw(factors()) for _ in range(n)], [draw(factors()) for _ in range(k)]
    x_name, w_name = draw(st.sampled_from([("x", "w"), ("a", "w"), ("z", "b"), ("x", "x_")]))
    x = [Symbol(f"{x_name}{i}") for i in range(n)]
    w = [Symbol(f"{w_name}{t}") for t in range(k)]
    if kind == "shuffled":
        x = draw(st.permutations(x + [Symbol("x10"), Symbol("a10")]))[:n]
        w = draw(st.permutations(w))
    if kind == "shared":
        w[0] = x[draw(st.integers(0, n - 1))]
    return x, w


def _ordinary(x, w, pairs, extra=()):
    return Add(*[x[i] * w[t] for i, t in pairs], *extra)


def _identical(fast, ordinary):
    assert fast == ordinary
    assert srepr(fast) == srepr(ordinary)
    assert fast.args == ordinary.args
    assert hash(fast) == hash(ordinary)
    assert fast.is_commutative == ordinary.is_commutative


@settings(max_examples=400, deadline=None)
@given(operands(), st.data(), st.booleans())
def test_sums_of_index_pairs_are_identical_to_ordinary_construction(xw, data, with_extra):
    x, w = xw
    ranking, (x_ranks, w_ranks) = build.ranks(x, w)
    sums = build.Sums(ranking, x, x_ranks, w, w_ranks)
    all_pairs = [(i, t) for i in range(len(x)) for t in range(len(w))]
    entries = [
        data.draw(st.lists(st.sampled_from(all_pairs), unique=True, max_size=6)) for _ in range(3)
    ]
    extra = [Symbol("bias")] if with_extra else []
    for pairs in entries:
        _identical(sums.entry(pairs, extra), _ordinary(x, w, pairs, extra))
    for fast, pairs in zip(sums.plane(entries, extra), entries, strict=True):
        _identical(fast, _ordinary(x, w, pairs, extra))


@st.composite
def separable_structures(draw):
    """Per-axis (input, tap) pairs per output position, with sizes and a channel count."""
    rank = draw(st.integers(1, 3))
    inputs = [draw(st.integers(1, 3)) for _ in range(rank)]
    kernels = [draw(st.integers(1, 3)) for _ in range(rank)]
    axes = []
    for n, k in zip(inputs, kernels):
        pairs = [(i, t) for i in range(n) for t in range(k)]
        axis = []
        for _ in range(draw(st.integers(1, 4))):
            if draw(st.booleans()):  # as in a convolution: no input or tap twice
                count = draw(st.integers(0, min(n, k)))
                i_s = draw(st.permutations(range(n)))[:count]
                t_s = draw(st.permutations(range(k)))[:count]
                axis.append(list(zip(i_s, t_s)))
            else:
                axis.append(draw(st.lists(st.sampled_from(pairs), unique=True, max_size=3)))
        axes.append(axis)
    return axes, tuple(inputs), tuple(kernels), draw(st.integers(1, 2))


@settings(max_examples=300, deadline=None)
@given(
    separable_structures(), st.sampled_from(["rising", "shuffled", "letters", "mixed"]), st.data()
)
def test_separable_planes_are_identical_to_ordinary_construction(structure, naming, data):
    axes, inputs, kernels, channels = structure
    plane, taps = math.prod(inputs), math.prod(kernels)
    x_names = [f"x{i}" for i in range(channels * plane)]
    w_names = [f"w{t}" for t in range(channels * taps)]
    if naming == "letters":
        x_names = [f"a{i:03d}" for i in range(channels * plane)]
    if naming == "shuffled":
        x_names = data.draw(st.permutations(x_names))
        w_names = data.draw(st.permutations(w_names))
    x = [Symbol(name) for name in x_names]
    w = [Symbol(name) for name in w_names]
    if naming == "mixed":
        x[0] = data.draw(factors())
    ranking, (x_ranks, w_ranks) = build.ranks(x, w)
    fast = build.Sums(ranking, x, x_ranks, w, w_ranks).separable(axes, inputs, kernels, channels)
    cells = [[(0, 0)]]
    for axis, n, k in zip(axes, inputs, kernels):
        cells = [
            [(i * n + a, t * k + b) for i, t in c for a, b in pairs]
            for c in cells
            for pairs in axis
        ]
    assert len(fast) == len(cells)
    for built, cell in zip(fast, cells):
        pairs = [(c * plane + i, c * taps + t) for c in range(channels) for i, t in cell]
        _identical(built, _ordinary(x, w, pairs))


def test_rising_operands_take_the_path_without_keys(monkeypatch):
    x, w = [Symbol(f"x{i}") for i in range(4)], [Symbol("w1"), Symbol("w2")]
    ranking, (x_ranks, w_ranks) = build.ranks(x, w)
    sums = build.Sums(ranking, x, x_ranks, w, w_ranks)
    assert sums._rising() == "w"
    monkeypatch.setattr(build, "Add", None)  # no ordinary construction on this path
    built = sums.separable([[[(0, 1), (1, 0)], [(2, 0)]]], (4,), (2,))
    assert built[0].args == (w[0] * x[1], w[1] * x[0])


@settings(max_examples=200, deadline=None)
@given(st.lists(factors(), min_size=1, max_size=8), st.sampled_from(["list", "array", "matrix"]))
def test_arrays_read_and_built_directly_are_identical_to_ordinary_ones(elements, kind):
    from sympy import ImmutableDenseNDimArray, ImmutableMatrix, MutableDenseNDimArray

    from symconv.core.tensors import dense_array, to_array

    shape = (1, len(elements))
    ordinary = ImmutableDenseNDimArray(elements, shape)
    built = dense_array(list(elements), shape)
    assert built == ordinary and built.args == ordinary.args and hash(built) == hash(ordinary)
    assert built.shape == ordinary.shape and built.tolist() == ordinary.tolist()
    value = {
        "list": [list(elements)],
        "array": MutableDenseNDimArray(elements, shape),
        "matrix": ImmutableMatrix([elements]),
    }[kind]
    read = to_array(value, "input")
    assert read == ordinary and read.args == ordinary.args and hash(read) == hash(ordinary)
    assert to_array(ordinary, "input") == ordinary


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(factors(), min_size=1, max_size=4), max_size=6),
    st.sampled_from(["as drawn", "distinct"]),
    st.booleans(),
)
def test_sums_of_monomials_are_identical_to_ordinary_construction(monomials, kind, with_extra):
    if kind == "distinct":  # distinct plain symbols, the direct path
        names = iter(f"s{n}" for n in range(100))
        monomials = [[Symbol(next(names)) for _ in m] for m in monomials]
    extra = [Symbol("bias")] if with_extra else []
    ordinary = Add(*[Mul(*m) for m in monomials], *extra)
    _identical(build.sum_of_monomials([tuple(m) for m in monomials], extra), ordinary)
    ranking, _ = build.ranks([f for m in monomials for f in m])
    _identical(build.sum_of_monomials([tuple(m) for m in monomials], extra, ranking), ordinary)
