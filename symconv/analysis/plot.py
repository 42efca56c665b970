"""Matplotlib figures for notebooks: the overlap heat map (needs ``pip install symconv[plot]``).

A figure made without pyplot shows in a notebook only as ``<Figure size ...>``; the
figures here carry their own PNG (``_repr_png_``), so ``display(figure)`` draws them.

>>> from symconv.core.geometry import make_geometry
>>> figure = overlap_figure(make_geometry((4, 4), (3, 3), stride=2))
>>> figure.axes[0].get_title()
'uneven overlap: counts 1 and 2 alternate along each axis (1, 2 and 4 in 2-D)'
>>> figure._repr_png_()[:4]
b'\x89PNG'
"""

from __future__ import annotations

import io

from symconv.analysis.overlap import overlap_counts, overlap_verdict
from symconv.core.geometry import Geometry
from symconv.errors import SymconvError


def overlap_figure(geometry: Geometry, *, size: float = 4.0):
    """A heat map of how many kernel taps reach each output (1-D drawn as one row)."""
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise SymconvError("plot", "needs matplotlib: pip install 'symconv[plot]'") from None
    if geometry.rank > 2:
        raise SymconvError("geometry", "overlap figures are drawn for 1-D and 2-D", geometry.rank)
    counts = overlap_counts(geometry)
    grid = counts if geometry.rank == 2 else [counts]
    figure = Figure(figsize=(size, size * len(grid) / max(len(grid[0]), 1) + 0.8))
    axes = figure.add_subplot()
    image = axes.imshow(grid, cmap="viridis", vmin=0)
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            axes.text(c, r, str(value), ha="center", va="center", color="white", fontsize=8)
    axes.set_xticks([])
    axes.set_yticks([])
    axes.set_title(overlap_verdict(geometry), fontsize=8)
    figure.colorbar(image, ax=axes, shrink=0.7, label="taps")
    return displayable(figure)


def displayable(figure):
    """``figure`` given its own PNG, so that a notebook draws it without ``%matplotlib inline``.

    >>> from matplotlib.figure import Figure
    >>> displayable(Figure(figsize=(1, 1)))._repr_png_()[:4]
    b'\x89PNG'
    """
    figure._repr_png_ = lambda: figure_png(figure)
    return figure


def figure_png(figure) -> bytes:
    """The figure as PNG bytes (no pyplot, no backend switch)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return buffer.getvalue()
