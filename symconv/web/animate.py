"""Each view of a derivation as an animation: frames of labelled grids with symbolic entries.

``scatter``: each input element's scaled kernel painted onto the canvas in turn, the
overlaps summed, then the crop and the output. ``zero_insertion``: the flipped kernel
sliding over the stretched input, each output entry filling with its sum. ``matrix``:
``vec(O) = C^T vec(I)`` one row of ``C^T`` at a time. The frames are data (:class:`Frame`, read
from the :class:`~symconv.engine.derivation.Derivation`, nothing recomputed); Pillow
draws them, as a GIF or an animated PNG, the same bytes for the same request.

>>> import symconv
>>> frames = animation_frames(symconv.preset("example-1d"), "scatter")
>>> len(frames), frames[-1].grids[-1].cells
(4, ('x1*w2', 'x1*w3 + x2*w1', 'x2*w2'))
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from symconv.core.grid import flatten, ndindex
from symconv.core.tensors import flat_elements
from symconv.engine.derivation import Derivation
from symconv.errors import SymconvError
from symconv.notation.expressions import sum_text
from symconv.notation.palette import palette
from symconv.notation.words import position_words
from symconv.views import METHODS, view_name, zero_insertion

VIEWS = tuple(METHODS)
FORMATS = ("gif", "apng")
#: More frames than this is no longer an animation to watch: the request is refused.
MAX_FRAMES = 400
#: Cells wider than this many characters show their first term and how many follow.
MAX_CHARS = 32
#: Past this many columns a grid's cells are too narrow for text: colours only.
MAX_TEXT_COLS = 16

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Grid:
    """One labelled grid of a frame: its cells' text and colours, and what is marked.

    ``fills`` holds per cell the colours it is striped with (none: white); ``marked``
    the cells outlined in this step; ``box`` a frame ``(top, left, bottom, right)`` in
    cells (the kernel's window, the block just painted, what the crop keeps).
    """

    label: str
    shape: tuple[int, int]
    cells: tuple[str, ...]
    fills: tuple[tuple[RGB, ...], ...]
    marked: tuple[int, ...] = ()
    box: tuple[int, int, int, int] | None = None
    dashed: bool = False


@dataclass(frozen=True)
class Frame:
    """One step of an animation: what it does in words, and its grids from left to right."""

    caption: str
    grids: tuple[Grid, ...]


def _plane(shape: tuple[int, ...]) -> tuple[int, int]:
    return (1, shape[0]) if len(shape) == 1 else (shape[0], shape[1])


def _tint(rgb: RGB, share: float = 0.45) -> RGB:
    return tuple(round(c * share + 255 * (1 - share)) for c in rgb)


def _text(value) -> str:
    return sum_text([(value, 1)]) if value != 0 else "0"


def animation_frames(derivation: Derivation, view: str = "scatter") -> list[Frame]:
    """The frames of ``view`` (``scatter``, ``zero_insertion`` or ``matrix``) for ``derivation``.

    >>> import symconv
    >>> frames = animation_frames(symconv.preset("example-2d-s1"), "zero_insertion")
    >>> len(frames), frames[-1].grids[-1].cells[4]
    (10, 'a*w22 + b*w21 + c*w12 + d*w11')
    """
    if not isinstance(derivation, Derivation):
        raise SymconvError("derivation", "must be a symconv.Derivation", type(derivation).__name__)
    view = view_name(view, "view")
    if derivation.geometry.rank > 2:
        raise SymconvError(
            "input", "animations are drawn for 1-D and 2-D", derivation.geometry.rank
        )
    g = derivation.geometry
    count = {
        "scatter": len(derivation.input_elements) + 2,
        "zero_insertion": len(list(ndindex(g.output_size))) + 1,
        "matrix": len(list(ndindex(g.output_size))) + 1,
    }[view]
    if count > MAX_FRAMES:
        raise SymconvError(
            "view", f"{view} would take {count} frames; at most {MAX_FRAMES} are drawn", count
        )
    return {"scatter": _scatter, "zero_insertion": _zero_insertion, "matrix": _matrix}[view](
        derivation
    )


def _input_grid(d: Derivation, colours: list[RGB], marked: tuple[int, ...] = ()) -> Grid:
    return Grid(
        "input I",
        _plane(d.geometry.input_size),
        tuple(_text(v) for v in d.input_elements),
        tuple((c,) for c in colours),
        marked,
    )


def _output_grid(d: Derivation, filled: int | None = None, marked: tuple[int, ...] = ()) -> Grid:
    """The output, its first ``filled`` entries (all by default) written, in reading order."""
    size = d.geometry.output_size
    cells = []
    for n, index in enumerate(ndindex(size)):
        cells.append(sum_text(d.terms(index)) if filled is None or n < filled else "")
    return Grid("output O", _plane(size), tuple(cells), ((),) * len(cells), marked)


def _scatter(d: Derivation) -> list[Frame]:
    g = d.geometry
    count = len(d.input_elements)
    colours = [_tint(c) for c in palette(count)]
    shape = _plane(g.canvas_size)
    canvas_cells = list(ndindex(g.canvas_size))

    def canvas(placed: int, marked=(), box=None, dashed=False) -> Grid:
        texts, fills = [], []
        for index, pairs in zip(canvas_cells, d.cells):
            terms = d.canvas_terms(index)
            kept = [t for t, (i, _) in zip(terms, pairs) if i < placed]
            texts.append(sum_text(kept))
            fills.append(tuple(colours[i] for i, _ in pairs if i < placed))
        return Grid("canvas", shape, tuple(texts), tuple(fills), marked, box, dashed)

    frames = [
        Frame(
            "An empty canvas; the input's elements in colour", (_input_grid(d, colours), canvas(0))
        )
    ]
    for n in range(count):
        corner = d.placement(n)
        marked = tuple(k for k, pairs in enumerate(d.cells) if any(i == n for i, _ in pairs))
        last = [p + dil * (k - 1) for p, dil, k in zip(corner, g.dilation, g.kernel_size)]
        box = _box(corner, last)
        name = _text(d.input_elements[n])
        frames.append(
            Frame(
                f"Step {n + 1} of {count}: {name} times the kernel, added at {_at(corner)}",
                (_input_grid(d, colours, (n,)), canvas(n + 1, marked, box)),
            )
        )
    first = g.pad_begin
    last = [b + o - 1 for b, o in zip(g.pad_begin, g.output_size)]
    crop = _box(first, last)
    frames.append(
        Frame(
            "Crop by the padding: the dashed frame is the output"
            if any(g.pad_begin + g.pad_end) or any(g.output_padding)
            else "No padding: the canvas is the output",
            (_input_grid(d, colours), canvas(count, (), crop, True), _output_grid(d)),
        )
    )
    return frames


def _box(first, last) -> tuple[int, int, int, int]:
    if len(first) == 1:
        return (0, first[0], 0, last[0])
    return (first[0], first[1], last[0], last[1])


def _at(index) -> str:
    return str(index[0]) if len(index) == 1 else "(" + ", ".join(map(str, index)) + ")"


def _zero_insertion(d: Derivation) -> list[Frame]:
    g = d.geometry
    count = len(d.input_elements)
    colours = [_tint(c) for c in palette(count)]
    size = zero_insertion.stretched_size(g)
    lows = [low for low, _ in zero_insertion.borders(g)]
    texts, fills = [], []
    for index, element in zip(ndindex(size), zero_insertion.stretched_positions(g)):
        if element is not None:
            texts.append(_text(d.input_elements[element]))
            fills.append((colours[element],))
            continue
        inside = all(
            0 <= m - low <= s * (n - 1) for m, low, s, n in zip(index, lows, g.stride, g.input_size)
        )
        texts.append("0")
        fills.append(() if inside else ((230, 230, 230),))
    kernel = Grid(
        "flipped kernel",
        _plane(g.kernel_size),
        tuple(_text(v) for v in flat_elements(d.flipped_kernel)),
        ((),) * len(d.kernel_elements),
    )
    outputs = list(ndindex(g.output_size))
    frames = [
        Frame(
            "The stretched input Z: zeros between the input's elements, a grey border",
            (
                Grid("input, stretched and bordered: Z", _plane(size), tuple(texts), tuple(fills)),
                kernel,
                _output_grid(d, 0),
            ),
        )
    ]
    spans = [dil * (k - 1) for dil, k in zip(g.dilation, g.kernel_size)]
    for n, index in enumerate(outputs):
        window = _box(index, [o + s for o, s in zip(index, spans)])
        taps = tuple(
            flatten(tuple(o + t * dil for o, t, dil in zip(index, tap, g.dilation)), size)
            for tap in ndindex(g.kernel_size)
        )
        frames.append(
            Frame(
                f"Output {position_words(index, g.rank)}: the flipped kernel's taps over Z, summed",
                (
                    Grid(
                        "input, stretched and bordered: Z",
                        _plane(size),
                        tuple(texts),
                        tuple(fills),
                        taps,
                        window,
                    ),
                    kernel,
                    _output_grid(d, n + 1, (n,)),
                ),
            )
        )
    return frames


def _matrix(d: Derivation) -> list[Frame]:
    c = d.conv_matrix
    rows, cols = c.shape  # C is (inputs, outputs); C^T is (outputs, inputs)
    entries = c.todok()
    count = len(d.input_elements)
    colours = [_tint(col) for col in palette(count)]
    ct_cells, ct_fills = [], []
    for k in range(cols):
        for r in range(rows):
            value = entries.get((r, k))
            ct_cells.append("0" if value is None else _text(value))
            ct_fills.append((colours[r],) if value is not None else ())
    x = Grid(
        "input I",
        (rows, 1),
        tuple(_text(v) for v in d.input_elements),
        tuple((col,) for col in colours),
    )
    outputs = list(ndindex(d.geometry.output_size))

    def y(filled: int, marked=()) -> Grid:
        cells = tuple(
            sum_text(d.terms(index)) if n < filled else "" for n, index in enumerate(outputs)
        )
        return Grid("output vec(O) = C^T vec(I)", (cols, 1), cells, ((),) * cols, marked)

    frames = [
        Frame(
            f"vec(O) = C^T vec(I): C^T is {cols} x {rows}, vec(I) the input read row by row",
            (Grid("C^T", (cols, rows), tuple(ct_cells), tuple(ct_fills)), x, y(0)),
        )
    ]
    for k in range(cols):
        frames.append(
            Frame(
                f"Row {k + 1} of C^T times vec(I) gives entry {k + 1} of vec(O)",
                (
                    Grid(
                        "C^T",
                        (cols, rows),
                        tuple(ct_cells),
                        tuple(ct_fills),
                        tuple(range(k * rows, (k + 1) * rows)),
                        (k, 0, k, rows - 1),
                    ),
                    x,
                    y(k + 1, (k,)),
                ),
            )
        )
    return frames


# Drawing ----------------------------------------------------------------------------------

_PAD = 16
_LABEL_H = 22
_CAPTION_H = 34
_ROW_H = 30
_MAX_WIDTH = 1400


def _font(size: int):
    from PIL import ImageFont

    return ImageFont.load_default(size=size)


def _shown(text: str) -> str:
    """A cell's text as drawn: products with a centred dot (a drawn ``*`` reads as the
    correlation's star), elided past :data:`MAX_CHARS` to its first term and a count.

    >>> _shown("a*w11 + b*w21")
    'a·w11 + b·w21'
    """
    text = text.replace("*", "·")
    if len(text) <= MAX_CHARS:
        return text
    terms = text.replace(" - ", " + -").split(" + ")
    return f"{terms[0]} + ... ({len(terms)} terms)"


def _cell_width(grid: Grid, font) -> int:
    if grid.shape[1] > MAX_TEXT_COLS:
        return 14
    longest = max((font.getlength(_shown(t)) for t in grid.cells), default=0)
    longest = max(longest, font.getlength(grid.label) / grid.shape[1] - 12)
    return int(max(34, longest + 12))


def draw_frame(
    frame: Frame, size: tuple[int, int] | None = None, widths: dict[str, int] | None = None
):
    """``frame`` as a Pillow image; ``size`` (width, height) pads it to a common size and
    ``widths`` gives each grid's cell width by its label, so that no grid jumps between frames.

    Cells too many to read are drawn as colours alone, long sums elided to their first
    term and the count of terms.
    """
    from PIL import Image, ImageDraw

    font, small = _font(14), _font(12)
    layout, width, height = _layout(frame, font, widths)
    if size is not None:
        width, height = size
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text((_PAD, 10), frame.caption, fill="black", font=_font(16))
    for grid, (x0, y0, cell_w) in zip(frame.grids, layout):
        draw.text((x0, y0 - _LABEL_H + 2), grid.label, fill=(90, 90, 90), font=small)
        rows, cols = grid.shape
        row_h = _ROW_H if cell_w > 14 else 14
        for k, text in enumerate(grid.cells):
            r, c = divmod(k, cols)
            left, top = x0 + c * cell_w, y0 + r * row_h
            fills = grid.fills[k]
            for n, colour in enumerate(fills):
                a = left + cell_w * n // len(fills)
                b = left + cell_w * (n + 1) // len(fills)
                draw.rectangle((a, top, b, top + row_h), fill=colour)
            draw.rectangle((left, top, left + cell_w, top + row_h), outline=(179, 179, 179))
            if cell_w > 14 and text:
                draw.text(
                    (left + cell_w / 2, top + row_h / 2),
                    _shown(text),
                    fill="black",
                    font=font,
                    anchor="mm",
                )
        for k in grid.marked:
            r, c = divmod(k, cols)
            left, top = x0 + c * cell_w, y0 + r * row_h
            draw.rectangle((left, top, left + cell_w, top + row_h), outline=(40, 40, 40), width=2)
        if grid.box is not None:
            t, lf, b, rt = grid.box
            box = (x0 + lf * cell_w, y0 + t * row_h, x0 + (rt + 1) * cell_w, y0 + (b + 1) * row_h)
            if grid.dashed:
                _dashed(draw, box)
            else:
                draw.rectangle(box, outline="black", width=3)
    return image


def _dashed(draw, box, dash: int = 7):
    x0, y0, x1, y1 = box
    for x in range(int(x0), int(x1), 2 * dash):
        for y in (y0, y1):
            draw.line((x, y, min(x + dash, x1), y), fill="black", width=3)
    for y in range(int(y0), int(y1), 2 * dash):
        for x in (x0, x1):
            draw.line((x, y, x, min(y + dash, y1)), fill="black", width=3)


def _layout(
    frame: Frame, font, widths: dict[str, int] | None = None
) -> tuple[list[tuple[int, int, int]], int, int]:
    """Where each grid goes: left to right, onto a new line past :data:`_MAX_WIDTH`."""
    x, y, line_h, width = _PAD, _CAPTION_H + _LABEL_H, 0, 0
    placed = []
    for grid in frame.grids:
        cell_w = (widths or {}).get(grid.label) or _cell_width(grid, font)
        row_h = _ROW_H if cell_w > 14 else 14
        w, h = cell_w * grid.shape[1], row_h * grid.shape[0]
        if x > _PAD and x + w > _MAX_WIDTH:
            x, y = _PAD, y + line_h + _LABEL_H + _PAD
            line_h = 0
        placed.append((x, y, cell_w))
        x += w + 2 * _PAD
        line_h = max(line_h, h)
        width = max(width, x)
    width = max(width, 2 * _PAD + int(_font(16).getlength(frame.caption)))
    return placed, width, y + line_h + _PAD


def animate(
    derivation: Derivation, view: str = "scatter", format: str = "gif", delay: int = 1200
) -> bytes:
    """The animation of ``view`` as GIF or APNG bytes, ``delay`` ms a frame (the last 3x).

    >>> import symconv
    >>> animate(symconv.preset("example-1d"), "matrix")[:6]
    b'GIF89a'
    """
    if format not in FORMATS:
        raise SymconvError("format", f"must be one of {', '.join(FORMATS)}", format)
    if isinstance(delay, bool) or not isinstance(delay, int) or not 20 <= delay <= 60000:
        raise SymconvError("delay", "must be an integer from 20 to 60000 (ms)", delay)
    frames = animation_frames(derivation, view)
    font = _font(14)
    widths: dict[str, int] = {}
    for frame in frames:
        for grid in frame.grids:
            widths[grid.label] = max(widths.get(grid.label, 0), _cell_width(grid, font))
    sizes = [_layout(f, font, widths)[1:] for f in frames]
    size = (max(w for w, _ in sizes), max(h for _, h in sizes))
    images = [draw_frame(f, size, widths) for f in frames]
    durations = [delay] * (len(images) - 1) + [3 * delay]
    out = io.BytesIO()
    frames_after = {"save_all": True, "append_images": images[1:], "duration": durations, "loop": 0}
    if format == "gif":
        images[0].save(out, "GIF", optimize=False, disposal=1, **frames_after)
    else:
        images[0].save(out, "PNG", default_image=False, **frames_after)
    return out.getvalue()
