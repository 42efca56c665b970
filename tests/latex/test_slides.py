"""Slides read on a projector: no matrix entry below 8pt on beamer's 128 mm frame, a staged
matrix that keeps its size from overlay to overlay, lists continued at one scale, and
overlays that each change something visible.

Sizes are read from pdflatex's log: ``\\symconvfit`` writes, for every display it sets,
the font size and the display's natural and fitted widths, so an entry is set at
``size * fitted / natural``.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import symconv
from tests.tex_tools import compile_log, log_problems, require_tool

#: The smallest size a matrix entry may have on a 128 mm slide.
SMALLEST = 8.0

FIT = re.compile(r"symconvfit: (\w+) ([\d.]+)pt, natural ([\d.]+)pt, fitted ([\d.]+)pt")

SLIDES = {
    "3x3 stride 2 output_padding 1": dict(
        input=(3, 3), kernel=(3, 3), stride=2, padding=1, output_padding=1
    ),
    "3x3 stride 2": dict(input=(3, 3), kernel=(3, 3), stride=2),
    "4x4 stride 2": dict(input=(4, 4), kernel=(3, 3), stride=2, padding=1),
    "4x4 stride 2 output_padding 1": dict(
        input=(4, 4), kernel=(3, 3), stride=2, padding=1, output_padding=1
    ),
    "8x8 stride 2": dict(input=(8, 8), kernel=(3, 3), stride=2, padding=1),
    "8x8 stride 1": dict(input=(8, 8), kernel=(3, 3), stride=1, padding=1),
    "1-D 12 stride 2 output_padding 1": dict(
        input=(12,), kernel=(3,), stride=2, padding=1, output_padding=1
    ),
}


def _slides(config: dict) -> str:
    config = dict(config)
    x = symconv.symbols_array("x", config.pop("input"))
    w = symconv.symbols_array("w", config.pop("kernel"))
    return symconv.render_latex(symconv.derive(x, w, **config), form="beamer")


def _channel_slides() -> str:
    problem = symconv.make_problem(
        symconv.symbols_array("x", (2, 3, 3)),
        symconv.symbols_array("w", (2, 1, 3, 3)),
        stride=2,
        padding=1,
        output_padding=1,
        groups=2,
    )
    return symconv.render_channels(problem, "beamer")


def fitted_sizes(log: str) -> list[tuple[str, float, float]]:
    """Every fitted display in ``log``: its kind, font size and the size its entries get.

    >>> fitted_sizes("symconvfit: math 10pt, natural 200pt, fitted 1\\n60pt")
    [('math', 10.0, 8.0)]
    """
    found = []
    for kind, size, natural, fitted in FIT.findall(log.replace("\n", "")):
        scale = float(fitted) / float(natural) if float(natural) else 1.0
        found.append((kind, float(size), float(size) * scale))
    return found


def _page_width_mm(pdf: Path) -> float:
    info = subprocess.run(
        [require_tool("pdfinfo"), pdf.name], cwd=pdf.parent, capture_output=True, check=True
    ).stdout.decode()
    width = float(re.search(r"Page size:\s+([\d.]+) x", info).group(1))
    return width / 72 * 25.4


@pytest.mark.parametrize("name", [*SLIDES, "multi-channel"])
def test_no_matrix_entry_is_set_below_8pt_on_a_128mm_slide(name, tmp_path):
    source = _channel_slides() if name == "multi-channel" else _slides(SLIDES[name])
    log = compile_log(source, tmp_path)
    assert log_problems(log) == []
    assert round(_page_width_mm(tmp_path / "document.pdf")) == 128
    sizes = [entry for kind, _, entry in fitted_sizes(log) if kind == "math"]
    assert len(sizes) >= 4, "the log names too few displays to judge"
    assert min(sizes) >= SMALLEST, sorted(sizes)[:5]


def test_the_measure_catches_a_shrunk_matrix(tmp_path):
    # the same measure on a display that must be shrunk: a 12-column C of long sums
    source = _slides(SLIDES["8x8 stride 2"]).replace(
        r"\begin{frame}[allowframebreaks=0.8]{The example}",
        r"\begin{frame}{Too wide}\[\symconvfit{$\displaystyle "
        + " + ".join(f"x_{{{n}}} w_{{{n}}}" for n in range(1, 40))
        + r"$}\]\end{frame}"
        "\n" + r"\begin{frame}[allowframebreaks=0.8]{The example}",
    )
    sizes = [
        entry for kind, _, entry in fitted_sizes(compile_log(source, tmp_path)) if kind == "math"
    ]
    assert min(sizes) < SMALLEST


def _frames(folder: Path) -> list[tuple[int, int]]:
    """The first and last page of every frame, from beamer's .nav file."""
    nav = (folder / "document.nav").read_text()
    return sorted({(int(a), int(b)) for a, b in re.findall(r"framepages \{(\d+)\}\{(\d+)\}", nav)})


def _pages(folder: Path) -> dict[int, bytes]:
    """Every page rendered by pdftoppm as greyscale pixels."""
    subprocess.run(
        [require_tool("pdftoppm"), "-r", "72", "-gray", "document.pdf", "page"],
        cwd=folder,
        check=True,
    )
    pages = {}
    for path in folder.glob("page-*.pgm"):
        magic, _size, _depth, pixels = path.read_bytes().split(b"\n", 3)
        assert magic == b"P5"
        pages[int(re.search(r"(\d+)\.pgm$", path.name).group(1))] = pixels
    return pages


@pytest.mark.parametrize("name", ["example-2d-s1", "example-1d", "3x3 stride 2 output_padding 1"])
def test_consecutive_overlays_differ_visibly(name, tmp_path):
    source = (
        _slides(SLIDES[name])
        if name in SLIDES
        else symconv.render_latex(symconv.preset(name), form="beamer")
    )
    assert log_problems(compile_log(source, tmp_path)) == []
    pages = _pages(tmp_path)
    overlays = 0
    for first, last in _frames(tmp_path):
        for page in range(first, last):
            before, after = pages[page], pages[page + 1]
            changed = sum(1 for a, b in zip(before, after) if abs(a - b) > 60)
            assert changed >= 20, f"pages {page} and {page + 1} look the same"
            overlays += 1
    assert overlays >= 3  # the test saw overlays to compare


def _words(pdf: Path, page: int) -> list[tuple[str, float, float, float]]:
    """The words on ``page``: text, left edge, top and height, from pdftotext -bbox."""
    html = subprocess.run(
        [require_tool("pdftotext"), "-f", str(page), "-l", str(page), "-bbox", pdf.name, "-"],
        cwd=pdf.parent,
        capture_output=True,
        check=True,
    ).stdout.decode()
    words = re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', html
    )
    return [(t, float(x), float(y0), float(y1) - float(y0)) for x, y0, y1, t in words]


@pytest.mark.parametrize("preset", ["example-2d-s1", "example-1d"])
def test_the_staged_canvas_keeps_its_size_between_overlays(preset, tmp_path):
    source = symconv.render_latex(symconv.preset(preset), form="beamer")
    assert r"\symconvsame{" in source
    assert log_problems(compile_log(source, tmp_path)) == []
    pdf = tmp_path / "document.pdf"
    staged = [
        (first, last)
        for first, last in _frames(tmp_path)
        if last > first and any(w[0] == "summing" for w in _words(pdf, first))
    ]
    assert len(staged) == 1
    first, last = staged[0]
    layouts = set()
    for page in range(first, last + 1):
        # the matrix's name sits left of it: it moves if the matrix changes width
        label = [w for w in _words(pdf, page) if w[0] in ("O", "O_full", "Ofull")][0]
        layouts.add((round(label[1], 2), round(label[2], 2), round(label[3], 2)))
    assert len(layouts) == 1, layouts


@pytest.mark.parametrize("name", ["8x8 stride 2", "8x8 stride 1"])
def test_a_list_continued_over_displays_keeps_one_scale(name, tmp_path):
    source = _slides(SLIDES[name])
    fits = FIT.findall(compile_log(source, tmp_path).replace("\n", ""))
    # the log has one line per display, in the order of the source (no overlays repeat here)
    displays = source.split(r"\symconvfit{")[1:]
    assert len(fits) == len(displays)
    lists: dict[str, list] = {}
    name = None
    for display, (_, size, natural, fitted) in zip(displays, fits):
        if display.startswith(r"$\begin{array}") and r"\symconvpad{" in display:
            scale = round(float(fitted) / float(natural), 4)
            listed = _listed_name(display)
            name = name if listed == r"\vdots" else listed  # a last display opens with the gap
            lists.setdefault(name, []).append((float(size), float(natural), scale))
    lists = list(lists.values())
    assert any(len(chunks) >= 3 for chunks in lists), lists
    for chunks in lists:  # every display of one list: one font size, one width, one scale
        assert len(set(chunks)) == 1, chunks


def _listed_name(display: str) -> str:
    """The name of the grid a list display shows: its first cell's name without the index."""
    start = display.index(r"\symconvpad{") + len(r"\symconvpad")
    depth, arguments, begin = 0, [], start
    for n in range(start, len(display)):
        if display[n] == "{":
            depth += 1
            if depth == 1:
                begin = n + 1
        elif display[n] == "}":
            depth -= 1
            if depth == 0:
                arguments.append(display[begin:n])
                if len(arguments) == 2:
                    break
    label = arguments[1].split("=")[0].strip()
    return re.sub(r"(_\{[\d,]+\}|\[[\d,]+\])$", "", label)


@pytest.mark.parametrize("input_size, elided", [(2, False), (3, True)])
def test_a_listed_grid_shows_dots_only_where_entries_are_left_out(input_size, elided):
    # the canvas of a 2x2 input has 25 cells: the 24 listed and the last are all of them
    d = symconv.derive_symbolic((input_size, input_size), (3, 3), stride=2, padding=1)
    tex = symconv.render_latex(d, "beamer")
    listed = set(re.findall(r"\}\{O_\{\\text\{full\}\}\[(\d+,\d+)\] =", tex))
    canvas = 2 * (input_size - 1) + 3
    assert len(listed) == (25 if elided else canvas**2)
    assert (r"}{\vdots}" in tex) == elided
