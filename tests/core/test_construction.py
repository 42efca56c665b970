"""The direct construction path builds exactly what ordinary SymPy construction builds."""

from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Add, Dummy, Float, Integer, Rational, Symbol, evaluate, srepr

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
