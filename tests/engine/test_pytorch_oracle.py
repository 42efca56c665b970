"""Every method against PyTorch CPU on generated configurations (fixed and Hypothesis)."""

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from sympy import Symbol

import symconv
from symconv.core.tensors import flat_elements
from symconv.views import METHODS
from tests.engine.strategies import configurations, operand_shapes

TORCH_OPS = {
    1: torch.nn.functional.conv_transpose1d,
    2: torch.nn.functional.conv_transpose2d,
    3: torch.nn.functional.conv_transpose3d,
}


def torch_reference(config, x, w, b):
    g = config["geometry"]
    op = TORCH_OPS[g.rank]
    tensor = lambda a: None if a is None else torch.tensor(a, dtype=torch.float64)  # noqa: E731
    return op(
        tensor(x),
        tensor(w),
        tensor(b),
        stride=g.stride,
        padding=g.pad_begin,
        output_padding=g.output_padding,
        groups=config["groups"],
        dilation=g.dilation,
    ).numpy()


def ours(config, x, w, b, method):
    g = config["geometry"]
    y = symconv.conv_transpose(
        x,
        w,
        b,
        stride=g.stride,
        padding=g.pad_begin,
        output_padding=g.output_padding,
        groups=config["groups"],
        dilation=g.dilation,
        method=method,
    )
    return y


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(configurations())
def test_every_method_equals_torch_on_integers(config):
    rng = np.random.default_rng(config["seed"])
    x_shape, w_shape, b_shape = operand_shapes(config)
    x = rng.integers(-4, 5, x_shape)
    w = rng.integers(-4, 5, w_shape)
    b = rng.integers(-4, 5, b_shape) if config["bias"] else None
    expected = torch_reference(config, x, w, b)
    for method in METHODS:
        y = ours(config, x, w, b, method)
        assert y.shape == expected.shape, method
        assert np.array_equal(np.array(y.tolist(), dtype=np.int64), expected.astype(np.int64)), (
            method
        )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(configurations(max_rank=2))
def test_symbolic_output_evaluates_to_torch(config):
    """Derive with symbols, then substitute random integers: the structure is right."""
    rng = np.random.default_rng(config["seed"])
    x_shape, w_shape, b_shape = operand_shapes(config)
    x_sym = symconv.symbols_array("x", x_shape, base=0)
    w_sym = symconv.symbols_array("w", w_shape, base=0)
    b_sym = symconv.symbols_array("b", b_shape, base=0) if config["bias"] else None
    x = rng.integers(-4, 5, x_shape)
    w = rng.integers(-4, 5, w_shape)
    b = rng.integers(-4, 5, b_shape) if config["bias"] else None
    values = {}
    for sym, num in [(x_sym, x), (w_sym, w)] + ([(b_sym, b)] if b is not None else []):
        values.update(zip(symconv.core.tensors.flat_elements(sym), num.ravel().tolist()))
    expected = torch_reference(config, x, w, b)
    for method in METHODS:
        y = ours(config, x_sym, w_sym, b_sym, method)
        got = np.array(
            [e.xreplace(values) for e in symconv.core.tensors.flat_elements(y)], dtype=np.int64
        ).reshape(y.shape)
        assert np.array_equal(got, expected.astype(np.int64)), method
        assert all(
            isinstance(s, Symbol) for e in flat_elements(y) for s in e.free_symbols
        )


@pytest.mark.parametrize("method", sorted(METHODS))
def test_fixed_3d_grouped_batched_case(method):
    rng = np.random.default_rng(7)
    x = rng.integers(-3, 4, (2, 4, 2, 3, 2))
    w = rng.integers(-3, 4, (4, 3, 2, 2, 3))
    b = rng.integers(-3, 4, (6,))
    expected = torch.nn.functional.conv_transpose3d(
        torch.tensor(x, dtype=torch.float64),
        torch.tensor(w, dtype=torch.float64),
        torch.tensor(b, dtype=torch.float64),
        stride=(2, 1, 3),
        padding=(1, 0, 1),
        output_padding=(1, 0, 2),
        groups=2,
        dilation=(1, 2, 1),
    ).numpy()
    y = symconv.conv_transpose(
        x,
        w,
        b,
        stride=(2, 1, 3),
        padding=(1, 0, 1),
        output_padding=(1, 0, 2),
        groups=2,
        dilation=(1, 2, 1),
        method=method,
    )
    assert np.array_equal(np.array(y.tolist(), dtype=float), expected)


def test_rationals_stay_exact():
    from sympy import Rational

    y = symconv.conv_transpose([[Rational(1, 3), "1/2"]], [[[Rational(2, 7), 1]]], stride=2)
    assert y.tolist() == [[Rational(2, 21), Rational(1, 3), Rational(1, 7), Rational(1, 2)]]
    assert all(e.is_Rational for e in symconv.core.tensors.flat_elements(y))
