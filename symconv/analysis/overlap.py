"""How many kernel taps reach each output position: the checkerboard analysis.

Odena, Dumoulin and Olah (Distill 2016): the overlap is uneven when the kernel size is
not divisible by the stride; in 2-D the unevenness multiplies. Away from the borders
the count along one axis depends only on ``(o + p_begin) mod s``: it is the number of
taps ``t`` with ``t*d = r (mod s)``.

>>> from symconv.core.geometry import make_geometry
>>> overlap_verdict(make_geometry((8, 8), (3, 3), stride=2))
'uneven overlap: counts 1 and 2 alternate along each axis (1, 2 and 4 in 2-D)'
>>> overlap_verdict(make_geometry((8, 8), (4, 4), stride=2, padding=1))
'even overlap: every interior output receives 2 taps per axis (4 in all)'
"""

from __future__ import annotations

import math
from itertools import product

from symconv.core.geometry import Geometry


def axis_counts(geometry: Geometry) -> list[list[int]]:
    """Per axis, the number of taps reaching each output position (borders included)."""
    counts = []
    for axis in geometry.axes:
        taps = [0] * axis.output
        for _, _, o in axis.links():
            taps[o] += 1
        counts.append(taps)
    return counts


def overlap_counts(geometry: Geometry) -> list:
    """The combined count for every output position, as nested lists shaped like the output.

    >>> from symconv.core.geometry import make_geometry
    >>> overlap_counts(make_geometry((2, 2), (2, 2), stride=1))
    [[1, 2, 1], [2, 4, 2], [1, 2, 1]]
    """
    axes = axis_counts(geometry)

    def nest(depth: int, factor: int):
        if depth == len(axes):
            return factor
        return [nest(depth + 1, factor * c) for c in axes[depth]]

    return nest(0, 1)


def interior_pattern(geometry: Geometry) -> list[list[int]]:
    """Per axis, the count for each phase ``r = (o + p_begin) mod s`` away from the borders.

    >>> from symconv.core.geometry import make_geometry
    >>> interior_pattern(make_geometry(8, 3, stride=2))
    [[2, 1]]
    """
    return [
        [sum(1 for t in range(k) if (t * d) % s == r) for r in range(s)]
        for k, s, d in zip(geometry.kernel_size, geometry.stride, geometry.dilation)
    ]


def overlap_verdict(geometry: Geometry) -> str:
    """One line: even overlap, or which counts alternate along which axes."""
    patterns = interior_pattern(geometry)
    combined = sorted({math.prod(c) for c in product(*patterns)})
    where = "along each axis" if geometry.rank > 1 else "along the axis"
    in_all = f" ({_listing(combined)} in {geometry.rank}-D)" if geometry.rank > 1 else ""
    if all(len(set(p)) == 1 for p in patterns):
        taps = [p[0] for p in patterns]
        noun = "tap" if taps[0] == 1 else "taps"
        if len(set(taps)) == 1:
            total = f" ({math.prod(taps)} in all)" if geometry.rank > 1 else ""
            return f"even overlap: every interior output receives {taps[0]} {noun} per axis{total}"
        factors = " x ".join(map(str, taps))
        return f"even overlap: every interior output receives {math.prod(taps)} taps ({factors})"
    if all(p == patterns[0] for p in patterns) and len(set(patterns[0])) == len(patterns[0]):
        values = sorted(patterns[0])
        verb = "alternate" if len(values) == 2 else "cycle"
        return f"uneven overlap: counts {_listing(values)} {verb} {where}{in_all}"
    details = "; ".join(f"axis {n + 1}: {', '.join(map(str, p))}" for n, p in enumerate(patterns))
    return f"uneven overlap: interior counts by phase {details} (combined {_listing(combined)})"


def _listing(values: list[int]) -> str:
    text = ", ".join(map(str, values[:-1]))
    return f"{text} and {values[-1]}" if text else str(values[-1])
