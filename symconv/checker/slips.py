"""The common slips in a hand derivation, each computed as the derivation it amounts to.

A slip is a whole-result mistake (padding not cropped, the wrong stride, the kernel
flipped, rows and columns swapped, ...); computing it as a derivation lets a written
object be compared with what each slip gives (:mod:`symconv.checker.explain`).

>>> from symconv.engine.presets import preset
>>> no_crop = slips(preset("example-1d"))[0]
>>> no_crop.code, no_crop.shape, FIXES[no_crop.code]
('no-crop', (5,), 'crop the padding: remove p cells from each side of the canvas')
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cached_property

import sympy

from symconv.core.equality import equal
from symconv.core.sizes import size_lines
from symconv.core.tensors import flat_elements
from symconv.engine.derivation import Derivation
from symconv.notation.words import axes_words, pads_words

#: The one fix for each slip, as a student would apply it.
FIXES = {
    "no-crop": "crop the padding: remove p cells from each side of the canvas",
    "crop-start-only": "crop the padding at the end too",
    "crop-end-only": "crop the padding at the start too",
    "crop-all-at-start": "crop the padding from each side, p_begin at the start and p_end at "
    "the end",
    "crop-all-at-end": "crop the padding from each side, p_begin at the start and p_end at the end",
    "padding-added": "crop p cells from each side instead of adding them",
    "stride": "start each input element's block s cells after the previous one",
    "stride-on-kernel": "keep the kernel's taps d apart and start the blocks s apart",
    "output-padding-ignored": "append the output_padding cells at the end of each axis",
    "dilation-ignored": "space the kernel taps d cells apart",
    "kernel-flipped": "paint each block with the kernel as given, w_1 first",
    "kernel-indices-swapped": "w_ij is row i, column j of the kernel",
    "input-transposed": "read the input row by row",
    "transposed": "write row i of the result as row i, not as column i",
    "index-base": "count the indices from 1, or check with --base 0",
}

#: Past this many products the whole-result slips are not tried (hand derivations are small).
MAX_SLIP_PRODUCTS = 20_000


@dataclass(frozen=True)
class Slip:
    """A common slip in a hand derivation, and the result it gives (computed on demand).

    >>> from symconv.engine.presets import preset
    >>> [s.code for s in slips(preset("example-1d"))][:3]
    ['no-crop', 'crop-start-only', 'crop-end-only']
    """

    code: str
    message: str
    derivation: Derivation
    transposed: bool = False

    @property
    def shape(self) -> tuple[int, ...]:
        size = self.derivation.geometry.output_size
        return tuple(reversed(size)) if self.transposed else size

    @cached_property
    def values(self) -> list:
        """The result this slip gives, in reading order of :attr:`shape`."""
        output = self.derivation.output
        if self.transposed:
            rows, cols = self.derivation.geometry.output_size
            return [output[r, c] for c in range(cols) for r in range(rows)]
        return flat_elements(output)

    def gives(self, values: list) -> bool:
        """True when ``values`` (in reading order) are what this slip gives."""
        return all(equal(v, s) for v, s in zip(values, self.values))


def slips(d: Derivation) -> list[Slip]:
    """The common slips for ``d``'s configuration, each as the derivation that slip computes."""
    g = d.geometry
    rank = g.rank
    zeros, ones = (0,) * rank, (1,) * rank
    found: list[Slip] = []

    def add(code, message, geometry=g, *, x=d.input, w=d.kernel, transposed=False):
        if min(geometry.output_size) >= 1:
            found.append(Slip(code, message, Derivation(geometry, x, w, d.title), transposed))

    pads = tuple(b + e for b, e in zip(g.pad_begin, g.pad_end))
    if any(pads):
        add(
            "no-crop",
            f"padding not cropped: {axes_words(g.canvas_size, 'x')} is the size of the whole "
            f"canvas, s*(I - 1) + {'k' if max(g.dilation) == 1 else 'd*(k - 1) + 1'}, "
            f"before the padding ({pads_words(g)}) is cropped; "
            f"the output is {axes_words(g.output_size, 'x')}",
            replace(g, pad_begin=zeros, pad_end=zeros, output_padding=zeros),
        )
        if any(g.pad_end):
            add(
                "crop-start-only",
                "padding cropped at the start only, not at the end",
                replace(g, pad_end=zeros),
            )
        if any(g.pad_begin):
            add(
                "crop-end-only",
                "padding cropped at the end only, not at the start",
                replace(g, pad_begin=zeros),
            )
        add(
            "crop-all-at-start",
            "all the padding cropped from the start instead of from each side",
            replace(g, pad_begin=pads, pad_end=zeros),
        )
        add(
            "crop-all-at-end",
            "all the padding cropped from the end instead of from each side",
            replace(g, pad_begin=zeros, pad_end=pads),
        )
        add(
            "padding-added",
            "padding added around the result instead of cropped from it: "
            "a direct convolution pads its input, a transposed one crops its output",
            replace(
                g, pad_begin=tuple(-b for b in g.pad_begin), pad_end=tuple(-e for e in g.pad_end)
            ),
        )
    for s in sorted({1, max(g.stride) - 1, max(g.stride) + 1} - {0}):
        if (s,) * rank != g.stride:
            alternative = replace(g, stride=(s,) * rank)
            add(
                "stride",
                f"stride {s} used instead of {axes_words(g.stride)}: "
                + "; ".join(size_lines(alternative).splitlines()),
                alternative,
            )
    if max(g.stride) > 1:
        add(
            "stride-on-kernel",
            "stride applied to the kernel: its taps were spread s apart instead of "
            "the blocks of the input elements",
            replace(g, stride=ones, dilation=tuple(s * dd for s, dd in zip(g.stride, g.dilation))),
        )
    if any(g.output_padding):
        add(
            "output-padding-ignored",
            "output_padding ignored: no zeros added at the end",
            replace(g, output_padding=zeros),
        )
    if max(g.dilation) > 1:
        add(
            "dilation-ignored",
            "dilation ignored: kernel taps placed next to each other",
            replace(g, dilation=ones),
        )
    if d.flipped_kernel != d.kernel:
        add(
            "kernel-flipped",
            "kernel flipped: the zero-insertion view flips it, painting the blocks does not",
            w=d.flipped_kernel,
        )
    if rank == 2:
        swapped = _swapped(d.kernel, g.kernel_size)
        if swapped is not None:
            add(
                "kernel-indices-swapped",
                "kernel indices swapped: every kernel element w_ij used as w_ji",
                w=swapped,
            )
        k = d.kernel.tolist()
        for code, grid, how in (
            ("kernel-flipped", k[::-1], "upside down"),
            ("kernel-flipped", [row[::-1] for row in k], "left to right"),
        ):
            array = sympy.ImmutableDenseNDimArray(grid, g.kernel_size)
            if array not in (d.kernel, d.flipped_kernel):
                add(
                    code,
                    f"kernel flipped {how} only: painting the blocks does not flip it",
                    w=array,
                )
        swapped = _swapped(d.input, g.input_size)
        if swapped is not None:
            add("input-transposed", "input transposed: read column by column", x=swapped)
        add("transposed", "rows and columns swapped: the result is transposed", transposed=True)
    return found


def _swapped(array, size: tuple[int, ...]):
    """A square 2-D ``array`` with rows and columns swapped; None if not square or unchanged."""
    if size[0] != size[1]:
        return None
    swapped = sympy.ImmutableDenseNDimArray([list(col) for col in zip(*array.tolist())], size)
    return None if swapped == array else swapped


def few_products(d: Derivation) -> bool:
    """True when ``d`` is small enough for its slips to be computed."""
    g = d.geometry
    return math.prod(g.input_size) * math.prod(g.kernel_size) <= MAX_SLIP_PRODUCTS
