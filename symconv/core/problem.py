"""One transposed-convolution request: validated operands, channels and geometry.

The views read a :class:`Problem` and write one flat list per output plane; the
problem turns those planes back into PyTorch's output shape.

>>> from symconv.core.tensors import symbols_array
>>> p = make_problem(symbols_array("x", (1, 2)), symbols_array("w", (1, 1, 3)), stride=2, padding=1)
>>> p.geometry.output_size, p.batched, p.in_channels, p.out_channels
((3,), False, 1, 1)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import sympy
from sympy import ImmutableDenseNDimArray

from symconv.core.budget import DEFAULT_MAX_TERMS, check_budget, estimate_work
from symconv.core.construction import Sums, ranks
from symconv.core.geometry import Geometry, make_geometry
from symconv.core.parameters import as_int
from symconv.core.tensors import dense_array, flat_elements, to_array
from symconv.errors import SymconvError

Plane = list  # one channel of one batch element, flattened in reading order


@dataclass(frozen=True)
class Problem:
    """Operands of ``conv_transpose`` split into flat planes, with their geometry.

    ``x[n][ci]`` and ``w[ci][j]`` are flat lists in reading order; ``j`` counts the
    output channels of the group that input channel ``ci`` belongs to.
    """

    geometry: Geometry
    batched: bool
    batch: int
    in_channels: int
    out_channels: int
    groups: int
    x: list[list[Plane]]
    w: list[list[Plane]]
    bias: list[sympy.Expr] | None

    @property
    def in_per_group(self) -> int:
        """Input channels in each group."""
        return self.in_channels // self.groups

    @property
    def out_per_group(self) -> int:
        """Output channels in each group."""
        return self.out_channels // self.groups

    @property
    def output_shape(self) -> tuple[int, ...]:
        """PyTorch's output shape: ``(N, C_out, *O)``, or ``(C_out, *O)`` when unbatched."""
        shape = (self.out_channels, *self.geometry.output_size)
        return (self.batch, *shape) if self.batched else shape

    def separable_planes(self, axes: list) -> list[list[Plane]]:
        """Output planes ``[n][c_out]`` from one view's per-axis ``(input, tap)`` pair lists.

        Each view computes its own pairs; this only assembles the planes they give.
        """
        g = self.geometry
        return [
            [
                self.sums(n, co).separable(
                    axes,
                    g.input_size,
                    g.kernel_size,
                    self.in_per_group,
                    [self.bias[co]] if self.bias is not None else [],
                )
                for co in range(self.out_channels)
            ]
            for n in range(self.batch)
        ]

    def sums(self, n: int, co: int | None = None) -> Sums:
        """The builder of output channel ``co`` of batch element ``n``'s sums of products.

        Its ``x`` is the group's input channels of batch element ``n``, one after another,
        its ``w`` the matching kernel planes. With ``co=None``, ``x`` is every channel of
        batch element ``n`` and ``w`` every kernel plane ``w[ci][j]`` in reading order.
        Symbols are ranked once per problem.

        >>> from symconv.core.tensors import letters
        >>> make_problem(letters((1, 2)), [[["w1"]]]).sums(0, 0).entry([(1, 0)])
        b*w1
        """
        ranking, x_ranks, w_ranks = self._ranking
        if co is None:
            return Sums(
                ranking,
                [e for plane in self.x[n] for e in plane],
                [r for plane in x_ranks[n] for r in plane],
                [e for channel in self.w for plane in channel for e in plane],
                [r for channel in w_ranks for plane in channel for r in plane],
            )
        group, j = divmod(co, self.out_per_group)
        channels = range(group * self.in_per_group, (group + 1) * self.in_per_group)
        return Sums(
            ranking,
            [e for ci in channels for e in self.x[n][ci]],
            [r for ci in channels for r in x_ranks[n][ci]],
            [e for ci in channels for e in self.w[ci][j]],
            [r for ci in channels for r in w_ranks[ci][j]],
        )

    @cached_property
    def _ranking(self) -> tuple:
        x_flat = [e for batch in self.x for plane in batch for e in plane]
        w_flat = [e for channel in self.w for plane in channel for e in plane]
        ranking, (x_ranks, w_ranks) = ranks(x_flat, w_flat)
        return ranking, _like(x_ranks, self.x), _like(w_ranks, self.w)

    def assemble(self, planes: list[list[Plane]]) -> ImmutableDenseNDimArray:
        """Join output planes ``planes[n][co]`` into one array of :attr:`output_shape`."""
        flat = [e for batch in planes for plane in batch for e in plane]
        return dense_array(flat, self.output_shape)


def _like(flat: list, nested: list[list[Plane]]) -> list[list[Plane]]:
    """``flat`` cut into the shape of ``nested`` (lists of lists of planes)."""
    result, start = [], 0
    for outer in nested:
        row = []
        for plane in outer:
            row.append(flat[start : start + len(plane)])
            start += len(plane)
        result.append(row)
    return result


def make_problem(
    input: object,
    weight: object,
    bias: object = None,
    stride: object = 1,
    padding: object = 0,
    output_padding: object = 0,
    groups: object = 1,
    dilation: object = 1,
    *,
    rules: str = "pytorch",
    max_terms: int = DEFAULT_MAX_TERMS,
) -> Problem:
    """Validate PyTorch-style operands and parameters into a :class:`Problem`.

    Requests whose work (see :mod:`symconv.core.budget`) exceeds ``max_terms`` are refused.

    >>> make_problem([[1, 2], [3, 4]], [[[1]], [[1]]], groups=2).output_shape
    (2, 2)
    """
    x = to_array(input, "input")
    w = to_array(weight, "weight")
    rank = w.rank() - 2
    if rank < 1:
        raise SymconvError(
            "weight",
            "must have shape (C_in, C_out/groups, *kernel) with >= 1 spatial dimension",
            w.shape,
        )
    geometry = make_geometry(
        x.shape[-rank:] if x.rank() >= rank else x.shape,
        w.shape[2:],
        stride,
        padding,
        output_padding,
        dilation,
        rank=rank,
        rules=rules,
    )
    return problem_from_geometry(x, w, bias, groups, geometry, max_terms=max_terms)


def problem_from_geometry(
    x: ImmutableDenseNDimArray,
    w: ImmutableDenseNDimArray,
    bias: object,
    groups: object,
    geometry: Geometry,
    *,
    max_terms: int | None = DEFAULT_MAX_TERMS,
) -> Problem:
    """Check channels, groups and ranks of already-converted operands against ``geometry``.

    ``max_terms=None`` is for a caller that has checked this request's budget already.
    """
    rank = geometry.rank
    if x.rank() not in (rank + 1, rank + 2):
        raise SymconvError(
            "input",
            f"must have shape (N, C_in, *I) or (C_in, *I) with {rank} spatial "
            f"dimension(s) to match the weight",
            x.shape,
        )
    batched = x.rank() == rank + 2
    x_shape = tuple(int(n) for n in x.shape)  # plain ints, even under sympy.evaluate(False)
    w_shape = tuple(int(n) for n in w.shape)
    batch = x_shape[0] if batched else 1
    in_channels = x_shape[-rank - 1]
    groups = as_int("groups", groups)
    if groups < 1:
        raise SymconvError("groups", "must be an integer >= 1", groups)
    if w_shape[0] != in_channels:
        raise SymconvError(
            "weight",
            f"first dimension must equal the input's channels ({in_channels})",
            w.shape,
        )
    if in_channels % groups:
        raise SymconvError("groups", f"must divide the input channels ({in_channels})", groups)
    out_channels = w_shape[1] * groups
    if max_terms is not None:
        work = estimate_work(
            geometry, batch=batch, in_channels=in_channels, out_channels=out_channels, groups=groups
        )
        check_budget(work, max_terms)
    plane = math.prod(geometry.input_size)
    kernel = math.prod(geometry.kernel_size)
    x_flat = flat_elements(x)
    w_flat = flat_elements(w)
    xs = [
        [
            x_flat[(n * in_channels + c) * plane : (n * in_channels + c + 1) * plane]
            for c in range(in_channels)
        ]
        for n in range(batch)
    ]
    cols = w_shape[1]
    ws = [
        [w_flat[(c * cols + j) * kernel : (c * cols + j + 1) * kernel] for j in range(cols)]
        for c in range(in_channels)
    ]
    b = None
    if bias is not None:
        b_array = to_array(bias, "bias")
        if tuple(int(n) for n in b_array.shape) != (out_channels,):
            raise SymconvError("bias", f"must have shape ({out_channels},)", b_array.shape)
        b = flat_elements(b_array)
    return Problem(geometry, batched, batch, in_channels, out_channels, groups, xs, ws, b)
