"""verify() proves agreement and the identities, and says where a failure is."""

import numpy as np
import pytest
from sympy import Float, Integer

import symconv
import symconv.engine.verification as verify_module
from symconv.core.tensors import symbols_array


def operands(shape_x, shape_w):
    return symbols_array("x", shape_x), symbols_array("w", shape_w)


@pytest.mark.parametrize(
    "params",
    [
        dict(stride=2, padding=1),
        dict(stride=(2, 1), padding=[(0, 1), (1, 0)], output_padding=(1, 0)),
        dict(stride=1, dilation=2, output_padding=1),
        dict(stride=3, padding=1, output_padding=2),
    ],
)
def test_verify_passes_on_symbolic_configurations(params):
    x, w = operands((2, 2, 3), (2, 1, 2, 3))
    report = symconv.verify(x, w, groups=2, **params)
    assert report.ok and bool(report)
    assert [c.name.split()[0] for c in report.checks] == ["three", "adjoint", "gradient"]


def test_verify_with_bias_and_batch():
    x, w = operands((2, 1, 3), (1, 2, 2))
    report = symconv.verify(x, w, bias=symbols_array("b", (2,)), stride=2)
    assert report.ok


def broken_scatter(problem):
    planes = symconv.views.scatter.transpose(problem)
    planes[0][0][1] = planes[0][0][1] + Integer(1)
    return planes


def test_verify_names_the_disagreeing_position(monkeypatch):
    monkeypatch.setitem(verify_module.METHODS, "scatter", broken_scatter)
    x, w = operands((1, 3), (1, 1, 2))
    report = symconv.verify(x, w, stride=2)
    assert not report.ok
    agree, adjoint, gradient = report.checks
    assert not agree.passed and "index (0, 1)" in agree.detail
    assert not gradient.passed and "index (0, 1)" in gradient.detail
    assert "FAIL" in str(report)


def test_adjoint_fails_when_the_transpose_is_wrong(monkeypatch):
    monkeypatch.setitem(verify_module.METHODS, "scatter", broken_scatter)
    x, w = operands((1, 3), (1, 1, 2))
    adjoint = symconv.verify(x, w).checks[1]
    assert not adjoint.passed and "difference" in adjoint.detail


def short_matrix_view(problem):
    planes = symconv.views.matrix.transpose(problem)
    return [[plane[:-1] for plane in channels] for channels in planes]


def test_a_view_with_missing_entries_fails(monkeypatch):
    monkeypatch.setitem(verify_module.METHODS, "matrix", short_matrix_view)
    x, w = operands((1, 3), (1, 1, 2))
    agree = symconv.verify(x, w, stride=2).checks[0]
    assert not agree.passed
    assert "matrix returns 5 entries in a plane, not 6" in agree.detail


def test_float_inputs_agree_up_to_rounding():
    rng = np.random.default_rng(5)
    for _ in range(20):
        x = np.round(rng.uniform(-4, 4, (2, 3)), 3).tolist()
        w = np.round(rng.uniform(-4, 4, (2, 1, 3)), 3).tolist()
        report = symconv.verify(x, w, stride=2, padding=1)
        assert report.ok, str(report)
    # a real difference between float results is still caught
    assert not verify_module.equal(Float("0.3"), Float("0.31"))
