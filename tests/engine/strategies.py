"""Hypothesis strategies for transposed-convolution configurations (shared by oracle tests)."""

from __future__ import annotations

import math

from hypothesis import strategies as st

from symconv.core.geometry import make_geometry


@st.composite
def configurations(draw, *, asymmetric=False, max_rank=3):
    """A valid PyTorch-style configuration: sizes, parameters, channels, groups, batch."""
    rank = draw(st.integers(1, max_rank))
    top = {1: 5, 2: 4, 3: 3}[rank]
    input_size = tuple(draw(st.integers(1, top)) for _ in range(rank))
    kernel_size = tuple(draw(st.integers(1, 3)) for _ in range(rank))
    stride = tuple(draw(st.integers(1, 3)) for _ in range(rank))
    dilation = tuple(draw(st.integers(1, 2)) for _ in range(rank))
    output_padding = tuple(draw(st.integers(0, max(s, d) - 1)) for s, d in zip(stride, dilation))
    pads = []
    for i, k, s, d, op in zip(input_size, kernel_size, stride, dilation, output_padding):
        natural = s * (i - 1) + d * (k - 1) + 1 + op
        if asymmetric:
            begin = draw(st.integers(0, natural - 1))
            end = draw(st.integers(0, natural - 1 - begin))
            pads.append((begin, end))
        else:
            p = draw(st.integers(0, (natural - 1) // 2))
            pads.append((p, p))
    groups = draw(st.integers(1, 2))
    in_channels = groups * draw(st.integers(1, 2))
    out_per_group = draw(st.integers(1, 2))
    batch = draw(st.sampled_from([None, 1, 2]))
    geometry = make_geometry(input_size, kernel_size, stride, pads, output_padding, dilation)
    terms = math.prod(input_size) * math.prod(kernel_size) * in_channels * out_per_group
    return dict(
        geometry=geometry,
        groups=groups,
        in_channels=in_channels,
        out_channels=groups * out_per_group,
        batch=batch,
        bias=draw(st.booleans()),
        seed=draw(st.integers(0, 2**32 - 1)),
        terms=terms,
    )


def operand_shapes(config):
    """Shapes of input, weight and bias for a configuration."""
    g = config["geometry"]
    x_shape = (config["in_channels"], *g.input_size)
    if config["batch"] is not None:
        x_shape = (config["batch"], *x_shape)
    w_shape = (
        config["in_channels"],
        config["out_channels"] // config["groups"],
        *g.kernel_size,
    )
    return x_shape, w_shape, (config["out_channels"],)
