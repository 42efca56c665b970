"""Closed form, sizes, overlap, polyphase and gradient: against instances and PyTorch."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import symbols

import symconv
from symconv.analysis.closed_form import closed_form, instantiate, to_engine_symbols
from symconv.analysis.gradient import gradient_example
from symconv.analysis.overlap import overlap_counts, overlap_verdict
from symconv.analysis.polyphase import polyphase_of
from symconv.core.geometry import make_geometry
from symconv.core.sizes import (
    direct_inputs_for,
    input_sizes_for,
    output_size_formula,
    relationships,
)

x1, x2, w1, w2, w3 = symbols("x1 x2 w1 w2 w3")


@st.composite
def grids(draw, max_rank=2):
    rank = draw(st.integers(1, max_rank))
    sizes = [draw(st.integers(1, 4)) for _ in range(rank)]
    kernel = [draw(st.integers(1, 4)) for _ in range(rank)]
    stride = [draw(st.integers(1, 3)) for _ in range(rank)]
    dilation = [draw(st.integers(1, 2)) for _ in range(rank)]
    out_pad = [draw(st.integers(0, max(s, d) - 1)) for s, d in zip(stride, dilation)]
    padding = []
    for i, k, s, d, op in zip(sizes, kernel, stride, dilation, out_pad):
        padding.append(draw(st.integers(0, (s * (i - 1) + d * (k - 1) + op) // 2)))
    return dict(
        input_size=tuple(sizes),
        kernel_size=tuple(kernel),
        stride=tuple(stride),
        padding=tuple(padding),
        output_padding=tuple(out_pad),
        dilation=tuple(dilation),
    )


def torch_transpose(x, w, **params):
    op = {1: torch.nn.functional.conv_transpose1d, 2: torch.nn.functional.conv_transpose2d}
    tensor = lambda a: torch.tensor(np.asarray(a, dtype=np.float64))[None, None]  # noqa: E731
    return op[np.asarray(x).ndim](tensor(x), tensor(w), **params)[0, 0].numpy()


# --- overlap -------------------------------------------------------------------------------


def test_overlap_verdict_k3_s2_alternates():
    g = symconv.make_geometry((6, 6), (3, 3), stride=2, padding=1)
    assert overlap_verdict(g).startswith("uneven overlap: counts 1 and 2 alternate")
    assert overlap_verdict(symconv.make_geometry(6, 3, stride=2)).startswith(
        "uneven overlap: counts 1 and 2 alternate"
    )


def test_overlap_verdict_k4_s2_is_even():
    g = symconv.make_geometry((6, 6), (4, 4), stride=2, padding=1)
    assert overlap_verdict(g).startswith("even overlap")
    counts = np.array(overlap_counts(g))
    assert set(counts[2:-2, 2:-2].ravel()) == {4}


@settings(max_examples=200, deadline=None)
@given(grids())
def test_overlap_counts_equal_torch_on_ones(params):
    g = symconv.make_geometry(**params)
    expected = torch_transpose(
        np.ones(g.input_size),
        np.ones(g.kernel_size),
        stride=g.stride,
        padding=g.pad_begin,
        output_padding=g.output_padding,
        dilation=g.dilation,
    )
    assert np.array_equal(np.array(overlap_counts(g)), expected)


# --- polyphase -----------------------------------------------------------------------------


def test_polyphase_of_seed_1d_equals_the_seed():
    pp = polyphase_of(symconv.preset("example-1d"))
    assert pp.output.tolist() == [x1 * w2, x1 * w3 + x2 * w1, x2 * w2]
    assert [ph.sub_kernel.tolist() for ph in pp.phases] == [[w1, w3], [w2]]


@settings(max_examples=200, deadline=None)
@given(grids())
def test_polyphase_equals_direct_derivation(params):
    params = dict(params)
    d = symconv.derive_symbolic(params.pop("input_size"), params.pop("kernel_size"), **params)
    assert polyphase_of(d).output == d.output


# --- closed form ---------------------------------------------------------------------------


def test_closed_form_at_seed_parameters_gives_seed_entries():
    y = closed_form()
    seed = [x1 * w2, x1 * w3 + x2 * w1, x2 * w2]
    got = [
        to_engine_symbols(instantiate(y, o=o, I=2, k=3, s=2, p=1), [x1, x2], [w1, w2, w3])
        for o in range(3)
    ]
    assert got == seed


@settings(max_examples=100, deadline=None)
@given(grids(max_rank=1), st.integers(0, 2**32 - 1))
def test_closed_form_equals_torch(params, seed):
    g = symconv.make_geometry(**params)
    rng = np.random.default_rng(seed)
    x = rng.integers(-4, 5, g.input_size)
    w = rng.integers(-4, 5, g.kernel_size)
    y = closed_form()
    values = [
        to_engine_symbols(
            instantiate(
                y,
                o=o,
                I=g.input_size[0],
                k=g.kernel_size[0],
                s=g.stride[0],
                p=g.pad_begin[0],
                d=g.dilation[0],
            ),
            [int(v) for v in x],
            [int(v) for v in w],
        )
        for o in range(g.output_size[0])
    ]
    expected = torch_transpose(
        x,
        w,
        stride=g.stride,
        padding=g.pad_begin,
        output_padding=g.output_padding,
        dilation=g.dilation,
    )
    assert [int(v) for v in values] == expected.astype(int).tolist()


def test_closed_form_prints_latex():
    from sympy import latex

    text = latex(closed_form())
    assert r"\sum_{j=" in text and r"\left\lfloor" in text and r"\left\lceil" in text


# --- sizes ---------------------------------------------------------------------------------


def test_output_size_formula_matches_geometry():
    formula = output_size_formula()
    names = {str(s): s for s in formula.free_symbols}
    g = symconv.make_geometry(5, 3, stride=2, padding=1, output_padding=1, dilation=2)
    value = formula.subs(
        {names["I"]: 5, names["k"]: 3, names["s"]: 2, names["p"]: 1, names["op"]: 1, names["d"]: 2}
    )
    assert value == g.output_size[0]


@settings(max_examples=200, deadline=None)
@given(grids(max_rank=1))
def test_inverse_sizes_reproduce_the_output(params):
    g = symconv.make_geometry(**params)
    args = dict(
        kernel=g.kernel_size[0], stride=g.stride[0], padding=g.pad_begin[0], dilation=g.dilation[0]
    )
    found = input_sizes_for(g.output_size[0], **args)
    assert (g.input_size[0], g.output_padding[0]) in found
    for size, extra in found:
        again = symconv.make_geometry(
            size, args["kernel"], args["stride"], args["padding"], extra, args["dilation"]
        )
        assert again.output_size == g.output_size


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 6), st.integers(1, 4), st.integers(1, 3), st.integers(0, 2), st.integers(1, 2)
)
def test_direct_inputs_share_an_output_size_in_torch(o, k, s, p, d):
    found = set(direct_inputs_for(o, kernel=k, stride=s, padding=p, dilation=d))
    expected = set()
    for i in range(1, (o + 1) * s + d * k + 1):  # beyond this every output is longer than o
        if i + 2 * p < d * (k - 1) + 1:
            continue
        out = torch.nn.functional.conv1d(
            torch.zeros(1, 1, i), torch.zeros(1, 1, k), stride=s, padding=p, dilation=d
        )
        if out.shape[-1] == o:
            expected.add(i)
    assert found == expected


@settings(max_examples=200, deadline=None)
@given(grids())
def test_dumoulin_visin_relationship_reproduces_the_output(params):
    g = symconv.make_geometry(**params)
    for axis, r in enumerate(relationships(g)):
        if g.output_padding[axis] < g.stride[axis]:
            assert r.o_prime == g.output_size[axis]
        assert r.a == g.output_padding[axis] % g.stride[axis]
        assert r.p_prime == g.dilation[axis] * (g.kernel_size[axis] - 1) - g.pad_begin[axis]


def test_relationships_need_symmetric_padding():
    with pytest.raises(symconv.SymconvError, match="padding"):
        relationships(symconv.make_geometry(3, 3, padding=[(0, 1)]))


# --- gradient ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(symconv.PRESETS))
def test_gradient_identity_on_presets(name):
    assert gradient_example(symconv.preset(name)).holds


def test_gradient_matches_torch_autograd():
    d = symconv.derive([[1, -2, 3], [0, 4, -1]], [[2, 1], [-1, 3]], stride=2, padding=(1, 0))
    example = gradient_example(d)
    g = d.geometry
    z = torch.zeros((1, 1, *g.output_size), dtype=torch.float64, requires_grad=True)
    w = torch.tensor([[[[2.0, 1.0], [-1.0, 3.0]]]], dtype=torch.float64)
    y = torch.nn.functional.conv2d(z, w, stride=2, padding=(1, 0))
    (y * torch.tensor([[[[1.0, -2, 3], [0, 4, -1]]]], dtype=torch.float64)).sum().backward()
    assert np.array_equal(np.array(example.gradient.tolist(), dtype=float), z.grad[0, 0].numpy())
    assert example.holds


def test_the_relationship_says_when_it_does_not_apply():
    # PyTorch allows output_padding >= stride when dilation > stride: the output then is
    # not the transpose of the direct convolution (i, k, s, p), and the record says why
    g = make_geometry(1, 1, stride=1, output_padding=1, dilation=2)
    (r,) = relationships(g)
    assert g.output_size == (2,)
    assert not r.applies and "output_padding 1 is not below the stride 1" in r.reason
    assert r.rows() == [("relationship", "does not apply: " + r.reason)]
    for ok in relationships(make_geometry((3, 4), 3, stride=2, padding=1, output_padding=1)):
        assert ok.applies and ok.o_prime == ok.i
