r"""The worked example as a self-contained web page, and as Markdown with its SVG figures beside it.

Both read the data of :func:`symconv.latex.example_context.example_context` and the
words of ``templates/steps.tex.j2``, so they show the article's steps, in its order:
the page writes the mathematics as MathML and draws the figures as inline SVG, and
loads nothing (no script, font or image from anywhere); the Markdown keeps ``$``/``$$``
mathematics for Jupyter Book, Quarto, MkDocs or GitHub and names its figures' files.

>>> import symconv
>>> page = render_html(symconv.preset("example-1d"))
>>> page.startswith("<!DOCTYPE html>"), "<math" in page, "http:" in page.replace(SVG_NS, "")
(True, True, False)
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from symconv.engine.derivation import Derivation
from symconv.errors import SymconvError
from symconv.latex.example_context import example_context
from symconv.latex.templates import render_template
from symconv.notation.style import Notation, checked_notation
from symconv.web import prose as words
from symconv.web.mathml import mathml
from symconv.web.svg import canvas_svg, stretched_svg

#: The SVG namespace: a name, never fetched.
SVG_NS = "http://www.w3.org/2000/svg"
#: The room of a line, in em: below 40 the size formula breaks over lines, as a phone needs.
PAGE_WIDTH = 36


class _HtmlWriters:
    """What the page template calls: prose, mathematics and figures as HTML."""

    prose = staticmethod(words.html_blocks)
    display = staticmethod(words.display_html)
    canvas = staticmethod(canvas_svg)
    stretched = staticmethod(stretched_svg)

    @staticmethod
    def inline(latex: str) -> str:
        return mathml(latex, display=False)


@dataclass
class _MarkdownWriters:
    """What the Markdown template calls; figures are collected as files to write beside it."""

    folder: str
    files: dict[str, str] = field(default_factory=dict)
    prose = staticmethod(words.markdown_blocks)

    @staticmethod
    def display(latex: str) -> str:
        return f"$$\n{latex}\n$$"

    @staticmethod
    def inline(latex: str) -> str:
        return f"${latex}$"

    def figure(self, svg: str, alt: str) -> str:
        name = f"fig-{len(self.files) + 1}.svg"
        self.files[name] = svg
        return f"![{words.markdown_text(alt)}]({self.folder}/{name})"

    def canvas(self, ex: dict, upto: int | None = None) -> str:
        return self.figure(canvas_svg(ex, upto), "The canvas, each block in its colour")

    def stretched(self, ex: dict) -> str:
        return self.figure(stretched_svg(ex), "The stretched input and the flipped kernel")


def _context(
    derivation: Derivation, notation: Notation | None, title: str | None, figures
) -> tuple:
    """The example's data and its title; any printable title, as a web page shows any text."""
    if not isinstance(derivation, Derivation):
        raise SymconvError("derivation", "must be a symconv.Derivation", type(derivation).__name__)
    if derivation.geometry.rank > 3:
        raise SymconvError(
            "input", "worked examples are written for 1-D to 3-D", derivation.geometry.rank
        )
    if not isinstance(figures, bool):
        raise SymconvError("figures", "must be True or False", figures)
    notation = checked_notation(notation).merge(
        width=min(checked_notation(notation).width, PAGE_WIDTH)
    )
    title = derivation.title if title is None else title
    if not isinstance(title, str):
        raise SymconvError("title", "must be a string", title)
    if any(unicodedata.category(c).startswith("C") for c in title):
        raise SymconvError("title", "must not contain control characters", title)
    return example_context(derivation, notation), title


def render_html(
    derivation: Derivation,
    notation: Notation | None = None,
    title: str | None = None,
    template_dir: str | Path | None = None,
    *,
    figures: bool = True,
) -> str:
    """The worked example of ``derivation`` as one self-contained HTML page.

    Mathematics is MathML, which browsers lay out themselves; figures are inline SVG;
    a Content-Security-Policy forbids the page any request. Each step is a ``<details>``
    element and the canvas is built block by block in further ones, so the whole
    derivation is worked with the keyboard alone. ``title`` (the derivation's own by
    default) is escaped: ``<`` shows as ``<``. ``figures=False`` draws no figure.

    >>> import symconv
    >>> page = render_html(symconv.preset("example-2d-s1"), title="Stride <1>")
    >>> "<title>Stride &lt;1&gt;</title>" in page, page.count('<details class="step"')
    (True, 6)
    """
    ex, title = _context(derivation, notation, title, figures)
    return render_template(
        "page.html.j2",
        template_dir,
        ex=ex,
        web=_HtmlWriters,
        title=html.escape(title),
        figures=figures,
    )


def render_markdown(
    derivation: Derivation,
    notation: Notation | None = None,
    title: str | None = None,
    folder: str = "figures",
    template_dir: str | Path | None = None,
    *,
    figures: bool = True,
) -> tuple[str, dict[str, str]]:
    r"""The worked example as Markdown, and its SVG figures by file name (to go in ``folder``).

    Mathematics is ``$...$`` and ``$$...$$``; figures are images ``folder/fig-N.svg``,
    which the caller writes beside the Markdown (``symconv example --form markdown -o
    page.md`` puts them in ``page_files/``).

    >>> import symconv
    >>> text, files = render_markdown(symconv.preset("example-1d"), folder="page_files")
    >>> sorted(files)[:2], "](page_files/fig-1.svg)" in text, "$$" in text
    (['fig-1.svg', 'fig-2.svg'], True, True)
    """
    ex, title = _context(derivation, notation, title, figures)
    if not isinstance(folder, str) or not folder or any(c in folder for c in "()[] \n"):
        raise SymconvError("folder", "must be a plain relative folder name", folder)
    writers = _MarkdownWriters(folder)
    text = render_template(
        "page.md.j2",
        template_dir,
        ex=ex,
        web=writers,
        title=words.markdown_text(title),
        figures=figures,
    )
    return re.sub(r"\n{3,}", "\n\n", text), writers.files
