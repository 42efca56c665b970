"""JAX's ``lax.conv_transpose`` and the transposed form of ``lax.conv_general_dilated``, exactly.

``lax.conv_transpose`` is ``conv_general_dilated`` with ``lhs_dilation`` = the strides and
``window_strides`` = 1: a correlation over the zero-inserted input, so the kernel is
not flipped unless ``transpose_kernel=True`` (which flips it and swaps its I and O
axes). Per axis the output is a window of the canvas ``C = s*(I - 1) + K``
(``K = d*(k - 1) + 1``, :mod:`symconv.engine.crop`):

- explicit ``(lo, hi)`` pads of the dilated input: ``K - 1 - lo`` cut at the start,
  ``K - 1 - hi`` at the end (negative: zeros appended);
- ``"SAME"``: ``floor(max(K - s, 0) / 2)`` cut at the start and ``K - s`` minus that
  at the end, so the output is ``s*I``; ``"VALID"``: nothing at the start,
  ``min(K - s, 0)`` at the end.

Arrays are read by dimension numbers; the defaults are ``("NHC", "HIO", "NHC")`` in 1-D,
``("NHWC", "HWIO", "NHWC")`` in 2-D and ``("NHWDC", "HWDIO", "NHWDC")`` in 3-D.

>>> y = jax_conv_transpose([[[1], [2]]], [[[1]], [[10]], [[100]]], (2,), "SAME")
>>> [v[0] for v in y.tolist()[0]]
[100, 10, 201, 20]
"""

from __future__ import annotations

from sympy import ImmutableDenseNDimArray

from symconv.core.budget import DEFAULT_MAX_TERMS
from symconv.core.grid import ndindex
from symconv.core.parameters import as_int, positive_per_dimension
from symconv.core.tensors import to_array
from symconv.core.windows import jax_window
from symconv.engine.crop import crop_problem
from symconv.engine.layouts import flipped, rearranged, spec_order
from symconv.engine.pytorch import method_view
from symconv.errors import SymconvError

#: The spatial letters of the default dimension numbers, per number of spatial axes.
SPATIAL = {1: "H", 2: "HW", 3: "HWD"}


def jax_conv_transpose(
    lhs: object,
    rhs: object,
    strides: object,
    padding: object,
    rhs_dilation: object = None,
    dimension_numbers: object = None,
    transpose_kernel: bool = False,
    *,
    method: str = "scatter",
    max_terms: int = DEFAULT_MAX_TERMS,
) -> ImmutableDenseNDimArray:
    """The exact output of ``jax.lax.conv_transpose``, laid out by its dimension numbers.

    >>> y = jax_conv_transpose([[[1], [2]]], [[["w1"]], [["w2"]], [["w3"]]], (2,), [(2, 2)])
    >>> [v[0] for v in y.tolist()[0]]
    [w3, w2, w1 + 2*w3, 2*w2, 2*w1]
    """
    x = to_array(lhs, "lhs")
    r = to_array(rhs, "rhs")
    rank = r.rank() - 2
    specs = _specs(dimension_numbers, rank, "NC", "IO", "conv_transpose")
    xt, kernel, spatial = _operands(x, r, specs, rank)
    stride = positive_per_dimension("strides", strides, rank)
    dilation = positive_per_dimension(
        "rhs_dilation", 1 if rhs_dilation is None else rhs_dilation, rank
    )
    c_in = int(xt.shape[1])
    if transpose_kernel:
        if int(kernel.shape[0]) != c_in:
            raise SymconvError("rhs", f"its O axis must equal the {c_in} input features", r.shape)
        w = kernel
    else:
        if int(kernel.shape[1]) != c_in:
            raise SymconvError("rhs", f"its I axis must equal the {c_in} input features", r.shape)
        w = flipped(rearranged(kernel, (1, 0, *range(2, rank + 2))), tuple(range(2, rank + 2)))
    sizes = tuple(int(n) for n in kernel.shape[2:])
    window = [
        jax_window(k, s, d, p) for k, s, d, p in zip(sizes, stride, dilation, _pads(padding, rank))
    ]
    problem = crop_problem(
        xt, w, None, stride, window, 1, dilation, max_terms=max_terms, parameter="padding"
    )
    y = problem.assemble(method_view(method)(problem))
    return _laid_out(y, specs[2], spatial)


def jax_conv_general_dilated(
    lhs: object,
    rhs: object,
    window_strides: object,
    padding: object,
    lhs_dilation: object = None,
    rhs_dilation: object = None,
    dimension_numbers: object = None,
    feature_group_count: object = 1,
    *,
    method: str = "scatter",
    max_terms: int = DEFAULT_MAX_TERMS,
) -> ImmutableDenseNDimArray:
    """``lax.conv_general_dilated`` where it is a transposed convolution (``window_strides`` 1).

    ``lhs_dilation`` is the transposed convolution's stride; the kernel is correlated
    unflipped. The default dimension numbers are ``("NCH...", "OIH...", "NCH...")``.

    >>> y = jax_conv_general_dilated([[[1, 2]]], [[[1, 10, 100]]], (1,), [(1, 1)], (2,))
    >>> y.tolist()
    [[[10, 201, 20]]]
    """
    x = to_array(lhs, "lhs")
    r = to_array(rhs, "rhs")
    rank = r.rank() - 2
    specs = _specs(dimension_numbers, rank, "NC", "OI", "conv_general_dilated")
    if positive_per_dimension("window_strides", window_strides, rank) != (1,) * rank:
        raise SymconvError(
            "window_strides",
            "must be 1 for a transposed convolution: with lhs_dilation, window strides "
            "above 1 keep every s-th output, which no transposed convolution does",
            window_strides,
        )
    xt, kernel, spatial = _operands(x, r, specs, rank)
    stride = positive_per_dimension(
        "lhs_dilation", 1 if lhs_dilation is None else lhs_dilation, rank
    )
    dilation = positive_per_dimension(
        "rhs_dilation", 1 if rhs_dilation is None else rhs_dilation, rank
    )
    groups = as_int("feature_group_count", feature_group_count)
    c_in, c_out = int(xt.shape[1]), int(kernel.shape[0])
    if groups < 1 or c_in % groups or c_out % groups or int(kernel.shape[1]) * groups != c_in:
        raise SymconvError(
            "feature_group_count",
            f"must divide the {c_in} input and {c_out} output features, rhs's I axis being "
            "input features / groups",
            feature_group_count,
        )
    w = _grouped_flipped(kernel, groups, rank)
    sizes = tuple(int(n) for n in kernel.shape[2:])
    pads = _general_pads(padding, sizes, dilation, rank)
    window = [(d * (k - 1) - lo, d * (k - 1) - hi) for k, d, (lo, hi) in zip(sizes, dilation, pads)]
    problem = crop_problem(
        xt, w, None, stride, window, groups, dilation, max_terms=max_terms, parameter="padding"
    )
    y = problem.assemble(method_view(method)(problem))
    return _laid_out(y, specs[2], spatial)


def _specs(value, rank: int, lhs_outer: str, rhs_outer: str, function: str) -> tuple[str, str, str]:
    """The three layout strings: given, or JAX's defaults for ``function``."""
    if rank not in SPATIAL:
        raise SymconvError("rhs", "must have 1 to 3 spatial dimensions besides O and I", rank)
    if value is None:
        letters = SPATIAL[rank]
        if function == "conv_transpose":
            return "N" + letters + "C", letters + "IO", "N" + letters + "C"
        return "NC" + letters, "OI" + letters, "NC" + letters
    if (
        not isinstance(value, (list, tuple))
        or len(value) != 3
        or not all(isinstance(v, str) for v in value)
    ):
        raise SymconvError("dimension_numbers", "must be three layout strings", value)
    lhs, rhs, out = value
    spatial = sorted(c for c in rhs if c not in "OI")
    for spec, outer in ((lhs, "NC"), (rhs, "OI"), (out, "NC")):
        if len(spec) != rank + 2 or sorted(spec) != sorted(outer + "".join(spatial)):
            raise SymconvError(
                "dimension_numbers",
                f"each layout must hold {outer[0]}, {outer[1]} and the same {rank} spatial "
                "letters once",
                value,
            )
    return lhs, rhs, out


def _operands(x, r, specs, rank):
    """The input as ``(N, C, *spatial)``, the kernel as ``(O, I, *k)``, the spatial letters."""
    lhs, rhs, _ = specs
    if x.rank() != rank + 2:
        raise SymconvError("lhs", f"must have {rank + 2} axes like rhs", x.shape)
    spatial = "".join(c for c in rhs if c not in "OI")
    xt = rearranged(x, spec_order(lhs, "N", "C", spatial))
    kernel = rearranged(r, spec_order(rhs, "O", "I", spatial))
    return xt, kernel, spatial


def _laid_out(y, out: str, spatial: str):
    """``y`` in ``(N, C, *spatial)`` laid out as the ``out`` spec says."""
    axes = "NC" + spatial
    return rearranged(y, tuple(axes.index(c) for c in out))


def _pads(padding, rank: int) -> list:
    if isinstance(padding, str):
        if padding not in ("SAME", "VALID"):
            raise SymconvError("padding", "must be 'SAME', 'VALID' or (lo, hi) pairs", padding)
        return [padding] * rank
    if not isinstance(padding, (list, tuple)) or len(padding) != rank:
        raise SymconvError("padding", f"must give {rank} (lo, hi) pairs", padding)
    pairs = []
    for pair in padding:
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise SymconvError("padding", "must give (lo, hi) pairs", padding)
        pairs.append((as_int("padding", pair[0]), as_int("padding", pair[1])))
    return pairs


def _general_pads(padding, sizes, dilation, rank) -> list[tuple[int, int]]:
    """``conv_general_dilated``'s padding at window stride 1: SAME splits K - 1 low-first."""
    if isinstance(padding, str):
        if padding not in ("SAME", "VALID", "SAME_LOWER"):
            raise SymconvError("padding", "must be 'SAME', 'SAME_LOWER', 'VALID' or pairs", padding)
        spans = [d * (k - 1) for k, d in zip(sizes, dilation)]
        if padding == "VALID":
            return [(0, 0)] * rank
        if padding == "SAME":
            return [(t // 2, t - t // 2) for t in spans]
        return [(t - t // 2, t // 2) for t in spans]
    return _pads(padding, rank)


def _grouped_flipped(kernel, groups: int, rank: int):
    """``(O, I/G, *k)`` read as PyTorch's ``(C_in, C_out/G, *k)`` weight, spatially flipped."""
    c_out, per_in = int(kernel.shape[0]), int(kernel.shape[1])
    per_out = c_out // groups
    sizes = tuple(int(n) for n in kernel.shape[2:])
    values = []
    for ci in range(per_in * groups):
        g = ci // per_in
        for j in range(per_out):
            for index in ndindex(sizes):
                source = tuple(k - 1 - i for k, i in zip(sizes, index))
                values.append(kernel[(g * per_out + j, ci - g * per_in, *source)])
    return ImmutableDenseNDimArray(values, (per_in * groups, per_out, *sizes))
