"""Proofs, for one configuration, that the three views agree and the identities hold.

Three checks, each exact:

* the scatter, zero-insertion and matrix views give structurally identical outputs;
* the adjoint identity ``<C u, v> = <u, C^T v>`` for symbolic ``u`` and ``v``, with C u
  computed by the direct convolution and C^T v by the scatter view;
* the gradient identity: for ``L = sum(I * conv(z, K))``, ``dL/dz`` (by SymPy
  differentiation) equals ``conv_transpose(I, K)``.

>>> from symconv.core.tensors import letters, symbols_array
>>> report = verify(letters((1, 2, 2)), symbols_array("w", (1, 1, 2, 2)), stride=2)
>>> report.ok
True
>>> print(report)
PASS  three views agree (scatter = zero_insertion = matrix): 16 entries each
PASS  adjoint identity <C u, v> = <u, C^T v>
PASS  gradient identity dL/dz = conv_transpose(I, K)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import sympy
from sympy import Add, Dummy, ImmutableDenseNDimArray, Mul

from symconv.core.construction import ranks, sum_of_monomials
from symconv.core.differentiate import partial_derivatives
from symconv.core.direct import conv
from symconv.core.equality import ROUNDING, equal
from symconv.core.grid import ndindex
from symconv.core.problem import Problem, make_problem, problem_from_geometry
from symconv.core.tensors import dense_array, flat_elements
from symconv.notation.statements import checks_latex
from symconv.views import METHODS


@dataclass(frozen=True)
class Check:
    """One verified statement: its name, whether it held, and where it failed if not.

    ``kind`` says which statement it is (``views``, ``adjoint``, ``gradient``), so that a
    writer can typeset it as mathematics (:mod:`symconv.notation.statements`).
    """

    name: str
    passed: bool
    detail: str = ""
    kind: str = ""

    def __str__(self) -> str:
        line = f"{'PASS' if self.passed else 'FAIL'}  {self.name}"
        return f"{line}: {self.detail}" if self.detail else line


@dataclass(frozen=True)
class Verification:
    """The checks run for one configuration; true when every one passed."""

    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return all(c.passed for c in self.checks)

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return "\n".join(str(c) for c in self.checks)

    def _repr_latex_(self) -> str:
        """Jupyter shows the checks as rendered mathematics, one PASS or FAIL line each."""
        return f"$${checks_latex(self.checks)}$$"


def verify(
    input: object,
    weight: object,
    bias: object = None,
    stride: object = 1,
    padding: object = 0,
    output_padding: object = 0,
    groups: object = 1,
    dilation: object = 1,
) -> Verification:
    """Prove that the three views agree and that the adjoint and gradient identities hold.

    Arguments as :func:`symconv.conv_transpose`; the result is true when every check passed.

    >>> report = verify([[1, 2]], [[["w1", "w2", "w3"]]], stride=2, padding=1)
    >>> report.ok, [check.passed for check in report.checks]
    (True, [True, True, True])
    """
    problem = make_problem(input, weight, bias, stride, padding, output_padding, groups, dilation)
    return verify_problem(problem)


def verify_problem(problem: Problem) -> Verification:
    """:func:`verify` for an already validated :class:`~symconv.core.problem.Problem`."""
    outputs = {name: view(problem) for name, view in METHODS.items()}
    # One symbolic vector of the output's shape serves as u in the adjoint identity and as
    # z in the gradient identity: each identity holds for any symbols, so C u is made once.
    g = problem.geometry
    u = _symbols("u", (problem.out_channels, *g.output_size))
    c_u = _direct(problem, u)
    return Verification(
        (
            views_agree(problem, outputs),
            _adjoint(problem, u, c_u),
            _gradient(problem, outputs["scatter"], u, c_u),
        )
    )


def views_agree(problem: Problem, outputs: dict) -> Check:
    """Check that the views' output planes (``{name: planes}``) are identical, entry by entry.

    Canonical SymPy objects compare structurally, so no entry is expanded unless two
    differ in form; sums of floats may differ by rounding, which is said.
    """
    names = list(outputs)
    name = "three views agree (" + " = ".join(names) + ")"
    for view, planes in outputs.items():
        wrong = _shape_error(problem, planes)
        if wrong:
            return Check(name, False, f"{view} {wrong}", "views")
    first = outputs[names[0]]
    count = rounded = 0
    for other in names[1:]:
        for n, channels in enumerate(first):
            for co, plane in enumerate(channels):
                for flat, (a, b) in enumerate(zip(plane, outputs[other][n][co], strict=True)):
                    same = equal(a, b)
                    if not same:
                        where = _position(problem, n, co, flat)
                        detail = f"{names[0]} gives {a} but {other} gives {b} at {where}"
                        return Check(name, False, detail, "views")
                    rounded += same == ROUNDING
                    count += 1
    detail = f"{count // (len(names) - 1)} entries each"
    if rounded:
        detail += f"; {rounded} comparisons equal up to floating-point rounding"
    return Check(name, True, detail, "views")


def _shape_error(problem: Problem, planes: list) -> str:
    per_plane = math.prod(problem.geometry.output_size)
    if len(planes) != problem.batch:
        return f"returns {len(planes)} batch elements, not {problem.batch}"
    for channels in planes:
        if len(channels) != problem.out_channels:
            return f"returns {len(channels)} output channels, not {problem.out_channels}"
        for plane in channels:
            if len(plane) != per_plane:
                return f"returns {len(plane)} entries in a plane, not {per_plane}"
    return ""


def _position(problem: Problem, n: int, co: int, flat: int) -> str:
    index = list(ndindex(problem.geometry.output_size))[flat]
    prefix = (n,) if problem.batched else ()
    return "index " + str((*prefix, co, *index))


def _symbols(prefix: str, shape: tuple[int, ...]) -> ImmutableDenseNDimArray:
    return dense_array([Dummy(prefix) for _ in range(math.prod(shape))], shape)


def _weight(problem: Problem) -> ImmutableDenseNDimArray:
    flat = [e for channel in problem.w for plane in channel for e in plane]
    shape = (problem.in_channels, problem.out_per_group, *problem.geometry.kernel_size)
    return dense_array(flat, shape)


def _direct(problem: Problem, z: ImmutableDenseNDimArray) -> ImmutableDenseNDimArray:
    g = problem.geometry
    return conv(
        z,
        _weight(problem),
        None,
        g.stride,
        g.padding,
        problem.groups,
        g.dilation,
        output_size=g.input_size,
        rules="onnx",
    )


def _adjoint(problem: Problem, u: ImmutableDenseNDimArray, c_u: ImmutableDenseNDimArray) -> Check:
    name = "adjoint identity <C u, v> = <u, C^T v>"
    g = problem.geometry
    v = _symbols("v", (problem.in_channels, *g.input_size))
    weight = _weight(problem)
    ranking, _ = ranks(flat_elements(u) + flat_elements(v) + flat_elements(weight))
    left = _distribute(flat_elements(c_u), flat_elements(v), ranking)
    ct_v = METHODS["scatter"](
        problem_from_geometry(v, weight, None, problem.groups, g, max_terms=None)
    )
    right = _distribute((e for c in ct_v[0] for e in c), flat_elements(u), ranking)
    if equal(left, right):
        return Check(name, True, kind="adjoint")
    return Check(name, False, f"difference {sympy.expand(left - right)}", "adjoint")


def _distribute(sums, factors, ranking=None) -> sympy.Expr:
    """``sum_i factor_i * sum_i``, multiplied out term by term into one canonical sum."""
    return sum_of_monomials(
        [(f, *Mul.make_args(term)) for s, f in zip(sums, factors) for term in Add.make_args(s)],
        ranking=ranking,
    )


def _gradient(
    problem: Problem,
    transposed: list,
    z: ImmutableDenseNDimArray,
    c_z: ImmutableDenseNDimArray,
) -> Check:
    """dL/dz by SymPy differentiation, L = sum_i x_i y_i with y = conv(z, w) (given as ``c_z``).

    By linearity dL/dz = sum_i x_i dy_i/dz, and y_i depends on a few z only, so each
    y_i is differentiated with respect to its own z (see :mod:`symconv.core.differentiate`).
    """
    name = "gradient identity dL/dz = conv_transpose(I, K)"
    g = problem.geometry
    z_flat = flat_elements(z)
    position = {symbol: flat for flat, symbol in enumerate(z_flat)}
    direct = flat_elements(c_z)
    partials = [partial_derivatives(y, position) for y in direct]
    bias = problem.bias or [0] * problem.out_channels
    per_channel = math.prod(g.output_size)
    # A partial derivative that is one kernel element is read as that element's index.
    weight_index = {w: k for k, w in enumerate(flat_elements(_weight(problem)))}
    for n in range(problem.batch):
        x = [e for plane in problem.x[n] for e in plane]
        terms = [[] for _ in z_flat]
        for i, row in enumerate(partials):
            for flat, partial in row:
                terms[flat].append((i, partial))
        sums = problem.sums(n)
        expected = [e for plane in transposed[n] for e in plane]
        for flat, (parts, y) in enumerate(zip(terms, expected, strict=True)):
            b = bias[flat // per_channel]
            extra = [b] if b != 0 else ()
            if all(partial in weight_index for _, partial in parts):
                derivative = sums.entry([(i, weight_index[p]) for i, p in parts], extra)
            else:
                monomials = [(x[i], *Mul.make_args(p)) for i, p in parts]
                derivative = sum_of_monomials(monomials, extra)
            if not equal(derivative, y):
                where = _position(problem, n, flat // per_channel, flat % per_channel)
                detail = f"dL/dz gives {derivative} but the transpose gives {y} at {where}"
                return Check(name, False, detail, "gradient")
    return Check(name, True, kind="gradient")
