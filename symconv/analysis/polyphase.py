"""The sub-pixel (polyphase) form: a stride-s transposed convolution as s^d stride-1 ones.

Shi et al. 2016: canvas position ``c = s*q + r`` only receives the kernel taps ``t`` with
``t*d = r (mod s)``; those taps form the sub-kernel of phase ``r`` (``w[r::s]`` when
``d = 1``), and ``canvas[s*q + r] = sum_e x[q - e] * v_r[e]`` is an ordinary stride-1
convolution. Interleaving the phases (pixel shuffle) and cropping by the padding gives
the output.

>>> from symconv.engine.presets import preset
>>> pp = polyphase_of(preset("example-1d"))
>>> [(ph.phase, ph.sub_kernel) for ph in pp.phases]
[((0,), [w1, w3]), ((1,), [w2])]
>>> pp.equals_derivation
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sympy import ImmutableDenseNDimArray, Integer

from symconv.core.construction import product, total
from symconv.core.geometry import Geometry
from symconv.core.grid import ndindex, row_major_strides
from symconv.engine.derivation import Derivation


@dataclass(frozen=True)
class Phase:
    """One phase ``r`` (per axis): its sub-kernel and its stride-1 convolution with the input."""

    phase: tuple[int, ...]
    sub_kernel: ImmutableDenseNDimArray | None
    sub_output: ImmutableDenseNDimArray | None


@dataclass(frozen=True)
class Polyphase:
    """All phases, the interleaved canvas, the cropped output, and whether it is the result."""

    geometry: Geometry
    phases: list[Phase]
    canvas: ImmutableDenseNDimArray
    output: ImmutableDenseNDimArray
    derivation_output: ImmutableDenseNDimArray

    @property
    def equals_derivation(self) -> bool:
        """True when the interleaved, cropped output is the derivation's, entry for entry."""
        return self.output == self.derivation_output


def _axis_sub_kernels(k: int, s: int, d: int) -> list[list[int | None]]:
    """Per phase r, the sub-kernel of one axis as tap indices (None for a gap)."""
    phases = []
    for r in range(s):
        taps = {(t * d - r) // s: t for t in range(k) if (t * d) % s == r}
        length = max(taps) + 1 if taps else 0
        phases.append([taps.get(e) for e in range(length)])
    return phases


def polyphase_of(derivation: Derivation) -> Polyphase:
    """The polyphase decomposition of a single-channel derivation."""
    g = derivation.geometry
    x = derivation.input_elements
    w = derivation.kernel_elements
    zero = Integer(0)
    axes = [_axis_sub_kernels(k, s, d) for k, s, d in zip(g.kernel_size, g.stride, g.dilation)]
    in_strides = row_major_strides(g.input_size)
    k_strides = row_major_strides(g.kernel_size)
    canvas_strides = row_major_strides(g.canvas_size)
    canvas = [zero] * math.prod(g.canvas_size)
    phases = []
    for phase in ndindex(g.stride):
        subs = [axes[a][r] for a, r in enumerate(phase)]
        shape = tuple(len(sub) for sub in subs)
        if 0 in shape:
            phases.append(Phase(phase, None, None))
            continue
        taps = []  # kernel flat index (or None) per sub-kernel position, reading order
        for e in ndindex(shape):
            parts = [subs[a][e[a]] for a in range(g.rank)]
            taps.append(None if None in parts else sum(t * st for t, st in zip(parts, k_strides)))
        sub_kernel = [zero if t is None else w[t] for t in taps]
        out_shape = tuple(n + length - 1 for n, length in zip(g.input_size, shape))
        sub_output = []
        for q in ndindex(out_shape):
            terms = []
            for e_flat, e in enumerate(ndindex(shape)):
                if taps[e_flat] is None:
                    continue
                source = [qa - ea for qa, ea in zip(q, e)]
                if all(0 <= v < n for v, n in zip(source, g.input_size)):
                    x_flat = sum(v * st for v, st in zip(source, in_strides))
                    terms.append(product(x[x_flat], sub_kernel[e_flat]))
            value = total(terms)
            sub_output.append(value)
            cell = [s * qa + r for s, qa, r in zip(g.stride, q, phase)]
            if all(c < size for c, size in zip(cell, g.canvas_size)):
                canvas[sum(c * st for c, st in zip(cell, canvas_strides))] = value
        phases.append(
            Phase(
                phase,
                ImmutableDenseNDimArray(sub_kernel, shape),
                ImmutableDenseNDimArray(sub_output, out_shape),
            )
        )
    output = []
    for index in ndindex(g.output_size):
        cell = [o + b for o, b in zip(index, g.pad_begin)]
        inside = all(0 <= c < size for c, size in zip(cell, g.canvas_size))
        output.append(
            canvas[sum(c * st for c, st in zip(cell, canvas_strides))] if inside else zero
        )
    return Polyphase(
        g,
        phases,
        ImmutableDenseNDimArray(canvas, g.canvas_size),
        ImmutableDenseNDimArray(output, g.output_size),
        derivation.output,
    )
