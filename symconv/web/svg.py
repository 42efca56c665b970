r"""The worked example's figures as inline SVG, in the visual language of its TikZ figures.

The canvas (each input element's block in its colour from
:func:`symconv.notation.palette.palette`, the number of products where a cell does not
hold exactly one, the crop as a dashed frame) and the zero-insertion view (the input
spread apart, the border in grey, the flipped kernel's window at its first position)
are drawn from the data of :func:`symconv.latex.example_context.example_context`.

>>> import symconv
>>> from symconv.latex.example_context import example_context
>>> from symconv.notation.style import Notation
>>> svg = canvas_svg(example_context(symconv.preset("example-1d"), Notation()))
>>> svg.startswith("<svg") and svg.count('stroke-dasharray="6 4"')
1
"""

from __future__ import annotations

import html
import re

from symconv.web.mathml import IDENTIFIERS, OPERATORS

#: Pixels of one cell in the drawing's own units (the SVG scales to the page).
CELL = 44
#: CSS pixels per drawing unit at full size; a narrow screen shrinks the figure to fit.
SCALE = 1.4
_GRID = "#b3b3b3"  # TikZ's black!30
_LABEL = "#666666"  # black!60
_BORDER = "#e6e6e6"  # black!10
_FONT = "font-family=\"'Latin Modern Math', 'STIX Two Math', 'DejaVu Serif', serif\""
_SUB = re.compile(r"\\[A-Za-z]+|\\.|_\{[^{}]*\}|_.|\^\{[^{}]*\}|\^.|[{}]|[^\\_^{}]+")


def tint(rgb: tuple[int, int, int], share: float = 0.45) -> str:
    """A colour mixed with white as TikZ's ``colour!45`` is: ``share`` of it, the rest white.

    >>> tint((230, 159, 0))
    '#f4d48c'
    """
    mixed = (round(c * share + 255 * (1 - share)) for c in rgb)
    return "#" + "".join(f"{c:02x}" for c in mixed)


def hex_colour(rgb: tuple[int, int, int]) -> str:
    """``(230, 159, 0)`` as ``#e69f00``."""
    return "#" + "".join(f"{c:02x}" for c in rgb)


def svg_text(latex: str) -> str:
    r"""A short formula of the notation (``x_{1} w_{2}``) as SVG text with subscripts.

    >>> svg_text(r"x_{1} w_{2}")  # doctest: +ELLIPSIS
    'x<tspan baseline-shift="sub" font-size="75%" font-style="normal">1</tspan> w...'
    >>> svg_text(r"x_{1} w_{2}").count("tspan")
    4
    >>> svg_text(r"\alpha \cdot \tilde K")
    'α · K̃'
    """
    out = []
    for token in _SUB.findall(latex):
        if token[0] in "_^":
            inner = token[1:].strip("{}")
            shift = "sub" if token[0] == "_" else "super"
            upright = ' font-style="normal"' if inner.isdigit() else ""
            tspan = f'<tspan baseline-shift="{shift}" font-size="75%"{upright}>'
            out.append(f"{tspan}{svg_text(inner)}</tspan>")
        elif token.startswith("\\"):
            name = token[1:]
            if name == "tilde":
                out.append("\x00")  # the next letter gets the tilde
            elif name in ("left", "right", "text", "mathrm", "operatorname"):
                continue
            else:
                out.append(html.escape(IDENTIFIERS.get(name) or OPERATORS.get(name) or name))
        elif token in "{}":
            continue
        else:
            text = html.escape(token.replace("-", "−"))
            if out and out[-1] == "\x00":
                out.pop()
                text = text.lstrip()
                text = text[:1] + "\u0303" + text[1:]
            out.append(text)
    return "".join(out)


class _Drawing:
    """Collects SVG elements; coordinates in pixels from the top-left corner."""

    def __init__(self, label: str):
        self.parts: list[str] = []
        self.label = label

    def rect(self, x, y, w, h, fill="none", stroke="none", width=1.0, extra=""):
        self.parts.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" fill="{fill}"'
            f' stroke="{stroke}" stroke-width="{_n(width)}"{extra}/>'
        )

    def line(self, x1, y1, x2, y2, stroke=_GRID, width=1.0):
        self.parts.append(
            f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{stroke}"'
            f' stroke-width="{_n(width)}"/>'
        )

    def text(self, x, y, content, size=14, fill="#000", anchor="middle", extra=""):
        self.parts.append(
            f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" fill="{fill}"'
            f' text-anchor="{anchor}" dominant-baseline="central"{extra}>{content}</text>'
        )

    def svg(self, width: float, height: float, left: float = 0, top: float = 0) -> str:
        label = html.escape(self.label, quote=True)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_n(left)} {_n(top)} {_n(width)}'
            f' {_n(height)}" width="{_n(width * SCALE)}" height="{_n(height * SCALE)}" role="img"'
            f' aria-label="{label}" {_FONT}>\n<title>{label}</title>\n'
            + "\n".join(self.parts)
            + "\n</svg>"
        )


def _grid(draw: _Drawing, rows: int, cols: int) -> None:
    for r in range(rows + 1):
        draw.line(0, r * CELL, cols * CELL, r * CELL)
    for c in range(cols + 1):
        draw.line(c * CELL, 0, c * CELL, rows * CELL)


def _n(x: float) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _stripes(draw: _Drawing, cell: dict, x: float, y: float, colours: list[str], size=CELL):
    count = len(cell["contributors"])
    for k, n in enumerate(cell["contributors"]):
        draw.rect(x + size * k / count, y, size / count, size, fill=colours[n])


def _count(draw: _Drawing, cell: dict, x: float, y: float):
    if cell["count"] == 1 or cell.get("partial") and not cell["count"]:
        return
    draw.rect(x - 7, y - 8, 14, 16, fill="#fff", extra=' fill-opacity="0.75"')
    draw.text(x, y, str(cell["count"]), size=12, extra=' font-weight="bold"')


def canvas_svg(ex: dict, upto: int | None = None) -> str:
    """The canvas figure of a 1-D or 2-D example (``ex`` from ``example_context``).

    With ``upto``, the canvas while only the first ``upto`` blocks are placed, uncropped:
    a step of the build.
    """
    colours = [tint(c) for c in ex["palette"]]
    strong = [hex_colour(c) for c in ex["palette"]]
    if upto is not None:
        canvas = ex["canvas"]
        cells = []
        for cell in canvas["cells"]:
            placed = [n for n in cell["contributors"] if n < upto]
            cells.append(dict(cell, contributors=placed, count=len(placed), partial=True))
        blocks = [b for b in canvas["blocks"] if b["number"] < upto]
        ex = dict(
            ex,
            cropped=False,
            canvas=dict(canvas, cells=cells, blocks=blocks),
            axes=[dict(a, pad_begin=0, output=a["canvas"]) for a in ex["axes"]],
        )
    if ex["rank"] == 1:
        return _canvas_1d(ex, colours, strong)
    return _canvas_2d(ex, colours, strong)


def _canvas_2d(ex: dict, colours: list[str], strong: list[str]) -> str:
    rows, cols = ex["axes"][0]["canvas"], ex["axes"][1]["canvas"]
    draw = _Drawing(
        f"The {rows} by {cols} canvas: each input element's block in its colour, "
        "the number of products summed where a cell holds more than one"
        + (", the part the padding keeps framed" if ex["cropped"] else "")
    )
    for cell in ex["canvas"]["cells"]:
        r, c = cell["index"]
        _stripes(draw, cell, c * CELL, r * CELL, colours)
    _grid(draw, rows, cols)
    for c in range(cols):
        draw.text((c + 0.5) * CELL, -10, str(c), size=10, fill=_LABEL)
    for r in range(rows):
        draw.text(-10, (r + 0.5) * CELL, str(r), size=10, fill=_LABEL)
    spans = [ex["axes"][0]["span"], ex["axes"][1]["span"]]
    for b in ex["canvas"]["blocks"]:
        inset = (0.06 + 0.05 * (b["number"] % 3)) * CELL
        top, left = b["position"][0] * CELL + inset, b["position"][1] * CELL + inset
        draw.rect(
            left,
            top,
            spans[1] * CELL - 2 * inset,
            spans[0] * CELL - 2 * inset,
            stroke=strong[b["number"]],
            width=3,
        )
        draw.text(left + 3, top + 9, svg_text(b["latex"]), size=13, anchor="start", extra=_ITALIC)
    for cell in ex["canvas"]["cells"]:
        r, c = cell["index"]
        _count(draw, cell, (c + 0.62) * CELL, (r + 0.68) * CELL)
    _crop_2d(draw, ex)
    width, height = cols * CELL, rows * CELL
    extra_r = max(0, ex["axes"][0]["kept_first"] + ex["axes"][0]["output"] - rows)
    extra_c = max(0, ex["axes"][1]["kept_first"] + ex["axes"][1]["output"] - cols)
    return draw.svg(width + extra_c * CELL + 24, height + extra_r * CELL + 24, -20, -20)


def _crop_2d(draw: _Drawing, ex: dict):
    top, left = ex["axes"][0]["pad_begin"], ex["axes"][1]["pad_begin"]
    out_r, out_c = ex["axes"][0]["output"], ex["axes"][1]["output"]
    rows, cols = ex["axes"][0]["canvas"], ex["axes"][1]["canvas"]
    for r in range(top, top + out_r):
        for c in range(left, left + out_c):
            if r >= rows or c >= cols:
                draw.rect(c * CELL, r * CELL, CELL, CELL, stroke="#999", extra=_DOTTED)
                draw.text((c + 0.5) * CELL, (r + 0.5) * CELL, "0", size=12, fill=_LABEL)
    if ex["cropped"]:
        draw.rect(
            left * CELL,
            top * CELL,
            out_c * CELL,
            out_r * CELL,
            stroke="#000",
            width=2.5,
            extra=_DASHED,
        )


_DASHED = ' stroke-dasharray="6 4"'
_ITALIC = ' font-style="italic"'
_DOTTED = ' stroke-dasharray="2 2"'


def _canvas_1d(ex: dict, colours: list[str], strong: list[str]) -> str:
    ax = ex["axes"][0]
    n_rows = ex["element_count"]
    labelled = len(ex["elements"]) == n_rows and ax["canvas"] <= 10
    draw = _Drawing(
        f"The {ax['canvas']}-cell canvas: one row per input element's block, placed at its index"
        " times the stride, then the row of sums"
        + (" with the part the padding keeps framed" if ex["cropped"] else "")
    )
    row_h = CELL * 0.8
    cell_w = CELL * (1.5 if labelled else 1)
    for c in range(ax["canvas"]):
        draw.text((c + 0.5) * cell_w, -10, str(c), size=10, fill=_LABEL)
    longest = 0
    for b in ex["canvas"]["blocks"]:
        n = b["number"]
        y = n * row_h
        label = ex["elements"][n]["times_kernel"] if labelled else b["latex"] + " K"
        longest = max(longest, len(re.sub(r"[_{}\\ ]", "", label)))
        draw.text(-8, y + row_h / 2, svg_text(label), size=13, anchor="end", extra=_ITALIC)
        for t in range(ax["kernel"]):
            x = (b["position"][0] + t * ax["dilation"]) * cell_w
            draw.rect(x, y, cell_w, row_h, fill=colours[n], stroke=_GRID)
            if labelled:
                text = svg_text(ex["elements"][n]["products"][t])
                draw.text(x + cell_w / 2, y + row_h / 2, text, size=12, extra=_ITALIC)
    top = (n_rows + 0.4) * row_h
    draw.text(-8, top + row_h / 2, "sum", size=13, anchor="end")
    for cell in ex["canvas"]["cells"]:
        (c,) = cell["index"]
        _stripes_1d(draw, cell, c * cell_w, top, cell_w, row_h, colours)
    for cell in ex["canvas"]["cells"]:
        (c,) = cell["index"]
        draw.rect(c * cell_w, top, cell_w, row_h, stroke=_GRID)
        _count(draw, cell, (c + 0.5) * cell_w, top + row_h / 2)
    for c in range(ax["pad_begin"], ax["pad_begin"] + ax["output"]):
        if c >= ax["canvas"]:
            draw.rect(c * cell_w, top, cell_w, row_h, stroke="#999", extra=_DOTTED)
            draw.text((c + 0.5) * cell_w, top + row_h / 2, "0", size=12, fill=_LABEL)
    if ex["cropped"]:
        draw.rect(
            ax["pad_begin"] * cell_w,
            top - 5,
            ax["output"] * cell_w,
            row_h + 10,
            stroke="#000",
            width=2.5,
            extra=_DASHED,
        )
    left = 16 + 8 * longest
    cells = max(ax["canvas"], ax["pad_begin"] + ax["output"])
    return draw.svg(left + cells * cell_w + 8, top + row_h + 30, -left, -24)


def _stripes_1d(draw, cell, x, y, w, h, colours):
    count = len(cell["contributors"])
    for k, n in enumerate(cell["contributors"]):
        draw.rect(x + w * k / count, y, w / count, h, fill=colours[n])


def stretched_svg(ex: dict) -> str:
    """The zero-insertion figure: the stretched, bordered input and the flipped kernel's window."""
    zi = ex["zero_insertion"]
    wide = ex["rank"] == 2
    colours = [tint(c) for c in ex["palette"]]
    rows = ex["axes"][0]["stretched"] if wide else 1
    cols = ex["axes"][-1]["stretched"]
    span_r = ex["axes"][0]["span"] if wide else 1
    span_c = ex["axes"][-1]["span"]
    draw = _Drawing(
        "The stretched input: input elements in colour, inserted zeros in white, the border's "
        "zeros in grey, and the flipped kernel's window at its first position"
    )
    blocks = ex["canvas"]["blocks"]
    for cell in zi["cells"]:
        r = cell["index"][0] if wide else 0
        c = cell["index"][-1]
        x, y = c * CELL, r * CELL
        if cell["kind"] == "input":
            draw.rect(x, y, CELL, CELL, fill=colours[cell["number"]])
            label = svg_text(blocks[cell["number"]]["latex"])
            draw.text(x + CELL / 2, y + CELL * 0.4, label, extra=_ITALIC)
        else:
            if cell["kind"] == "border":
                draw.rect(x, y, CELL, CELL, fill=_BORDER)
            draw.text(x + CELL / 2, y + CELL * 0.4, "0", size=13, fill="#737373")
    _grid(draw, rows, cols)
    draw.rect(2, 2, span_c * CELL - 4, span_r * CELL - 4, stroke="#000", width=3)
    for tap in zi["taps"]:
        r = tap["offset"][0] if wide else 0
        c = tap["offset"][-1]
        text = svg_text(tap["latex"])
        draw.text((c + 0.5) * CELL, (r + 0.78) * CELL, text, size=10, extra=_ITALIC)
    return draw.svg(cols * CELL + 8, rows * CELL + 8, -4, -4)
