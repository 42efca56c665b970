r"""Checking a hand derivation against the engine: which entries are wrong, and why.

:func:`check` reads a written result (see :mod:`symconv.parse`) for a configuration,
compares it entry by entry with :attr:`Derivation.output`, and returns a
:class:`CheckReport`: a size mismatch with the formula worked out and its likely
cause, or each wrong entry with its position (counted from 1), the correct sum, the
missing and extra terms, and the mistakes it recognises.

>>> report = check("[x1*w2, x1*w3, x2*w2]", "seed-1d")
>>> report.ok, report.exit_status
(False, 1)
>>> entry, = report.entries
>>> entry.where, entry.expected_text, entry.missing_text
('entry 2', 'x1*w3 + x2*w1', ('x2*w1',))
>>> [d.code for d in entry.diagnoses]
['overlap-term-missing']
>>> print(report.summary)
1 of 3 entries wrong: entry 2.

Diagnosis codes: ``sign``, ``coefficient``, ``wrong-symbol``, ``kernel-indices-swapped``,
``kernel-flipped``, ``wrong-input``, ``wrong-kernel-element``, ``wrong-term``,
``overlap-term-missing``, ``missing-term``, ``entry-empty``, ``extra-term``,
``not-a-product``, ``unknown-symbol``, ``entry-of-other-position``; for the whole
result ``index-base`` and, for it or its size, the codes of :func:`slips`
(``no-crop``, ``crop-start-only``, ``stride``, ``stride-on-kernel``, ``transposed``, ...).
"""

from __future__ import annotations

import html
import json
import math
import string
from dataclasses import dataclass, replace
from functools import cached_property

import sympy

from symconv.derivation import Derivation
from symconv.errors import SymconvError
from symconv.geometry import Geometry, ndindex
from symconv.latex import Notation, array_latex, expr_latex, join_terms, sum_latex, symbol_latex
from symconv.parse import (
    Alphabet,
    UnknownSymbol,
    WrittenResult,
    position_words,
    read_result,
    split_name,
)
from symconv.presets import preset
from symconv.sizes import size_lines
from symconv.tensors import flat_elements

#: Past this many products the whole-result slips are not tried (hand derivations are small).
MAX_SLIP_PRODUCTS = 20_000
_POSITIONS_IN_SUMMARY = 6


# --- what a report holds -----------------------------------------------------------------


@dataclass(frozen=True)
class Diagnosis:
    """One recognised mistake: a stable ``code`` for programs and its message as text and LaTeX.

    >>> Diagnosis("sign", "sign of x1*w3 is wrong", r"sign of $x_{1} w_{3}$ is wrong").code
    'sign'
    """

    code: str
    text: str
    latex: str
    terms: tuple[str, ...] = ()

    @property
    def short(self) -> str:
        """The message up to its first colon: ``padding not cropped``."""
        return self.text.split(": ")[0]

    def as_dict(self) -> dict:
        """``{"code": ..., "message": ..., "terms": [...]}``; terms are the ones it names."""
        return {"code": self.code, "message": self.text, "terms": list(self.terms)}


@dataclass(frozen=True)
class WrongEntry:
    """One wrong entry: where it is, what was written, what is right, and what differs.

    ``index`` counts from 0; :attr:`position` and :attr:`where` count from 1.
    """

    index: tuple[int, ...]
    where: str
    written: str
    written_latex: str
    value: sympy.Expr
    expected: sympy.Expr
    expected_text: str
    expected_latex: str
    missing: tuple[sympy.Expr, ...]
    extra: tuple[sympy.Expr, ...]
    missing_text: tuple[str, ...]
    extra_text: tuple[str, ...]
    missing_latex: tuple[str, ...]
    extra_latex: tuple[str, ...]
    diagnoses: tuple[Diagnosis, ...]

    @property
    def position(self) -> tuple[int, ...]:
        """The entry's index counted from 1, as a person counts."""
        return tuple(i + 1 for i in self.index)

    @property
    def codes(self) -> list[str]:
        """The diagnosis codes, in order."""
        return [d.code for d in self.diagnoses]

    def as_dict(self) -> dict:
        """The entry as plain JSON-ready data."""
        return {
            "position": list(self.position),
            "where": self.where,
            "written": self.written,
            "expected": self.expected_text,
            "missing": list(self.missing_text),
            "extra": list(self.extra_text),
            "diagnoses": [d.as_dict() for d in self.diagnoses],
        }


@dataclass(frozen=True)
class ShapeMismatch:
    """The written result has the wrong size: the size expected, the formula, the likely causes."""

    expected: tuple[int, ...]
    written: tuple[int, ...]
    formula: str
    causes: tuple[Diagnosis, ...]

    @property
    def text(self) -> str:
        """``expected 3x3, got 5x5``."""
        return f"expected {shape_words(self.expected)}, got {shape_words(self.written)}"

    def as_dict(self) -> dict:
        """The mismatch as plain JSON-ready data."""
        return {
            "expected": list(self.expected),
            "written": list(self.written),
            "formula": self.formula.splitlines(),
            "causes": [c.as_dict() for c in self.causes],
        }


@dataclass(frozen=True)
class UnknownName:
    """A name the configuration does not have, where it was written, and what may be meant."""

    symbol: UnknownSymbol
    where: str
    message: str

    def as_dict(self) -> dict:
        """The name as plain JSON-ready data."""
        return {
            "name": self.symbol.name,
            "written": self.symbol.written,
            "where": self.where,
            "message": self.message,
        }


@dataclass(frozen=True)
class CheckReport:
    """The verdict on a written result: the size, each wrong entry, the whole-result diagnoses.

    True when everything is right. Shown as text by ``str``, as LaTeX by :meth:`to_latex`,
    as JSON by :meth:`to_json`, and in Jupyter as HTML.

    >>> report = check("[x1*w2, x1*w3 + x2*w1, x2*w2]", "seed-1d")
    >>> bool(report), report.summary
    (True, 'All 3 entries are right.')
    """

    derivation: Derivation
    written: WrittenResult
    shape: ShapeMismatch | None
    entries: tuple[WrongEntry, ...]
    unknown: tuple[UnknownName, ...]
    diagnoses: tuple[Diagnosis, ...]
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the size and every entry are right."""
        return self.shape is None and not self.entries and not self.unknown

    def __bool__(self) -> bool:
        return self.ok

    @property
    def exit_status(self) -> int:
        """0 when all is right, 1 when something is wrong."""
        return 0 if self.ok else 1

    @property
    def expected_shape(self) -> tuple[int, ...]:
        """The size of the correct result."""
        return self.derivation.geometry.output_size

    @property
    def configuration(self) -> str:
        """The configuration in words: title (if any), then sizes, stride and padding."""
        words = configuration_words(self.derivation.geometry)
        title = self.derivation.title
        return f"{title} ({words})" if title else words

    @property
    def summary(self) -> str:
        """One line: all right, the size mismatch and its likely cause, or the wrong entries."""
        if self.shape is not None:
            line = f"Wrong size: {self.shape.text}"
            if self.shape.causes:
                line += f" (likely: {self.shape.causes[0].short})"
            return line + "."
        count = math.prod(self.expected_shape)
        if self.ok:
            return f"All {count} entries are right." if count != 1 else "The entry is right."
        parts = []
        if self.entries:
            where = "; ".join(e.where for e in self.entries[:_POSITIONS_IN_SUMMARY])
            if len(self.entries) > _POSITIONS_IN_SUMMARY:
                where += f" and {len(self.entries) - _POSITIONS_IN_SUMMARY} more"
            noun = "entry" if count == 1 else "entries"
            parts.append(f"{len(self.entries)} of {count} {noun} wrong: {where}")
        if self.diagnoses:
            parts.append(f"the whole result is consistent with: {self.diagnoses[0].short}")
        if self.unknown:
            names = sorted({u.symbol.written for u in self.unknown})
            parts.append("unknown symbols: " + ", ".join(names))
        return ". ".join(p[0].upper() + p[1:] if i else p for i, p in enumerate(parts)) + "."

    def as_dict(self) -> dict:
        """The report as plain JSON-ready data."""
        return {
            "ok": self.ok,
            "exit_status": self.exit_status,
            "summary": self.summary,
            "configuration": self.configuration,
            "expected_shape": list(self.expected_shape),
            "written_shape": list(self.written.shape),
            "form": self.written.form,
            "shape": None if self.shape is None else self.shape.as_dict(),
            "entries": [e.as_dict() for e in self.entries],
            "unknown_symbols": [u.as_dict() for u in self.unknown],
            "diagnoses": [d.as_dict() for d in self.diagnoses],
            "notes": list(self.notes),
        }

    def to_json(self) -> str:
        """The report as JSON (deterministic: same input, same bytes)."""
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False) + "\n"

    def to_text(self) -> str:
        """The report as plain text, one finding per block, the summary last."""
        lines = [f"Checking against: {self.configuration}"]
        lines += [f"note: {n}" for n in self.notes]
        if self.shape is not None:
            lines.append(f"size: {self.shape.text}")
            lines += ["  " + line for line in self.shape.formula.splitlines()]
            for cause in self.shape.causes:
                lines.append(f"  likely cause: {cause.text}")
            if not self.shape.causes:
                lines.append("  no common slip gives this size; work the formula above again")
        for diagnosis in self.diagnoses:
            lines.append(f"whole result: {diagnosis.text}")
        for entry in self.entries:
            lines.append(f"{entry.where}: wrong")
            lines.append(f"  written:   {entry.written or '(empty)'}")
            lines.append(f"  expected:  {entry.expected_text}")
            lines.append(f"  missing:   {', '.join(entry.missing_text) or 'none'}")
            lines.append(f"  extra:     {', '.join(entry.extra_text) or 'none'}")
            for diagnosis in entry.diagnoses:
                lines.append(f"  diagnosis: {diagnosis.text}")
        for name in self.unknown:
            lines.append(f"unknown symbol {name.symbol.written!r} in {name.where}: {name.message}")
        lines.append(self.summary)
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        return self.to_text()

    def to_latex(self, document: bool = True) -> str:
        r"""The report as LaTeX, wrong entries highlighted with xcolor's ``\colorbox``.

        A whole ``article`` document by default (it compiles with pdflatex); with
        ``document=False`` the body alone, for a document that loads amsmath and xcolor.
        """
        from symconv.render import check_symbols, tex_escape

        check_symbols(self.derivation)  # SymPy prints names as they are: no TeX in them
        body = [r"\section*{Check of a hand derivation}"]
        body.append(r"\noindent Configuration: " + tex_escape(self.configuration) + ".")
        body.append("")
        body.append(r"\noindent\textbf{" + tex_escape(self.summary) + "}")
        for note in self.notes:
            body.append("")
            body.append(r"\noindent " + tex_escape(note[0].upper() + note[1:]) + ".")
        matrix = self._written_matrix_latex(r"\colorbox{symconvwrong}{$\displaystyle {}$}")
        if matrix:
            body.append(r"\[ O_{\text{written}} = " + matrix + r" \]")
        items = []
        if self.shape is not None:
            formula = r" \\ ".join(
                r"\texttt{" + tex_escape(f) + "}" for f in self.shape.formula.splitlines()
            )
            items.append(r"\item Size: " + tex_escape(self.shape.text) + r". \\ " + formula)
            for cause in self.shape.causes:
                items.append(r"\item Likely cause: " + cause.latex + ".")
        for diagnosis in self.diagnoses:
            items.append(r"\item Whole result: " + diagnosis.latex + ".")
        for e in self.entries:
            missing = ", ".join(f"${t}$" for t in e.missing_latex) or "none"
            extra = ", ".join(f"${t}$" for t in e.extra_latex) or "none"
            lines = [
                r"\item \textbf{" + tex_escape(e.where[0].upper() + e.where[1:]) + ".}",
                rf"Written: ${e.written_latex}$.",
                rf"Correct: ${e.expected_latex}$.",
                f"Missing: {missing}. Extra: {extra}.",
            ]
            lines += [d.latex[0].upper() + d.latex[1:] + "." for d in e.diagnoses]
            items.append(" ".join(lines))
        for name in self.unknown:
            items.append(
                r"\item Unknown symbol \texttt{"
                + tex_escape(name.symbol.written)
                + "} in "
                + tex_escape(name.where)
                + ": "
                + tex_escape(name.message)
                + "."
            )
        if items:
            body += [r"\begin{itemize}", *items, r"\end{itemize}"]
        text = "\n".join(body) + "\n"
        if not document:
            return text
        return (
            "\\documentclass{article}\n\\usepackage{amsmath}\n"
            "\\usepackage{xcolor}\n\\definecolor{symconvwrong}{rgb}{1,0.82,0.82}\n"
            "\\begin{document}\n" + text + "\\end{document}\n"
        )

    def _repr_latex_(self) -> str:
        from symconv.render import check_symbols

        check_symbols(self.derivation)
        matrix = self._written_matrix_latex(r"\textcolor{red}{{}}")
        summary = _tex(self.summary)
        if not matrix:
            return rf"$\text{{{summary}}}$"
        return rf"$$ {matrix} \quad \text{{{summary}}} $$"

    def _repr_html_(self) -> str:
        wrong = {e.index: e for e in self.entries}
        parts = ['<div class="symconv-check">', f"<p><b>{html.escape(self.summary)}</b></p>"]
        parts.append(f"<p>Configuration: {html.escape(self.configuration)}</p>")
        grid = self._grid()
        if grid:
            parts.append('<table style="border-collapse:collapse">')
            for row in grid:
                parts.append("<tr>")
                for index in row:
                    cell = self.written.cell(index)
                    style = "border:1px solid #bbb;padding:2px 8px;font-family:monospace"
                    title = ""
                    if index in wrong and self.shape is None:
                        style += ";background:#fdd"
                        title = f' title="expected {html.escape(wrong[index].expected_text)}"'
                    parts.append(f'<td style="{style}"{title}>{html.escape(cell.text)}</td>')
                parts.append("</tr>")
            parts.append("</table>")
        items = []
        if self.shape is not None:
            formula = "<br>".join(html.escape(f) for f in self.shape.formula.splitlines())
            items.append(f"<li>Size: {html.escape(self.shape.text)}<br><code>{formula}</code></li>")
            items += [f"<li>Likely cause: {html.escape(c.text)}</li>" for c in self.shape.causes]
        items += [f"<li>Whole result: {html.escape(d.text)}</li>" for d in self.diagnoses]
        for e in self.entries:
            details = [
                f"<b>{html.escape(e.where)}</b>",
                f"written <code>{html.escape(e.written or '(empty)')}</code>",
                f"expected <code>{html.escape(e.expected_text)}</code>",
                f"missing <code>{html.escape(', '.join(e.missing_text) or 'none')}</code>",
                f"extra <code>{html.escape(', '.join(e.extra_text) or 'none')}</code>",
            ]
            details += [html.escape(d.text) for d in e.diagnoses]
            items.append("<li>" + "; ".join(details) + "</li>")
        for name in self.unknown:
            items.append(
                f"<li>Unknown symbol <code>{html.escape(name.symbol.written)}</code> in "
                f"{html.escape(name.where)}: {html.escape(name.message)}</li>"
            )
        if items:
            parts += ["<ul>", *items, "</ul>"]
        parts.append("</div>")
        return "\n".join(parts)

    def _grid(self) -> list[list[tuple[int, ...]]]:
        """The written entries' indices as rows of a matrix (a vector as one row); [] past 2-D."""
        shape = self.written.shape
        if len(shape) == 1:
            return [[(c,) for c in range(shape[0])]]
        if len(shape) == 2:
            return [[(r, c) for c in range(shape[1])] for r in range(shape[0])]
        return []

    def _written_matrix_latex(self, highlight: str) -> str:
        grid = self._grid()
        if not grid:
            return ""
        wrong = {e.index for e in self.entries} if self.shape is None else set()
        cells = [
            [
                highlight.replace("{}", self.written.cell(i).latex)
                if i in wrong
                else self.written.cell(i).latex
                for i in row
            ]
            for row in grid
        ]
        return array_latex(cells, Notation(full=True))


# --- the common slips ---------------------------------------------------------------------


@dataclass(frozen=True)
class Slip:
    """A common slip in a hand derivation, and the result it gives (computed on demand).

    >>> from symconv.presets import preset
    >>> [s.code for s in slips(preset("seed-1d"))][:3]
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
            f"padding not cropped: {_axes_words(g.canvas_size, 'x')} is the size of the whole "
            f"canvas, s*(I - 1) + {'k' if max(g.dilation) == 1 else 'd*(k - 1) + 1'}, "
            f"before the padding ({_pads_words(g)}) is cropped; "
            f"the output is {_axes_words(g.output_size, 'x')}",
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
    for s in range(1, max(g.stride) + 3):
        if (s,) * rank != g.stride:
            alternative = replace(g, stride=(s,) * rank)
            add(
                "stride",
                f"stride {s} used instead of {_axes_words(g.stride)}: "
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
        k = d.kernel.tolist()
        if g.kernel_size[0] == g.kernel_size[1]:
            swapped = sympy.ImmutableDenseNDimArray([list(col) for col in zip(*k)], g.kernel_size)
            if swapped != d.kernel:
                add(
                    "kernel-indices-swapped",
                    "kernel indices swapped: every kernel element w_ij used as w_ji",
                    w=swapped,
                )
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
        x = d.input.tolist()
        if g.input_size[0] == g.input_size[1]:
            swapped = sympy.ImmutableDenseNDimArray([list(col) for col in zip(*x)], g.input_size)
            if swapped != d.input:
                add("input-transposed", "input transposed: read column by column", x=swapped)
        add("transposed", "rows and columns swapped: the result is transposed", transposed=True)
    return found


# --- the check ------------------------------------------------------------------------------


def check(written: object, derivation: Derivation | str) -> CheckReport:
    r"""Check a hand-written result against ``derivation`` (a Derivation or a preset's name).

    ``written`` is anything :func:`~symconv.parse.read_result` reads: a LaTeX matrix,
    a vector, a Python or SymPy list, JSON, or nested lists.

    >>> report = check(r'''\begin{pmatrix} aw_{11} & aw_{12}+bw_{11} & bw_{12} \\
    ...   aw_{21}+cw_{11} & aw_{22}+bw_{21}+cw_{12} & bw_{22}+dw_{12} \\
    ...   cw_{21} & cw_{22}+dw_{21} & dw_{22} \end{pmatrix}''', "seed-2d-s1")
    >>> print(report.summary)
    1 of 9 entries wrong: row 2, column 2.
    >>> report.entries[0].missing_text, report.entries[0].codes
    (('d*w11',), ['overlap-term-missing'])
    """
    if isinstance(derivation, str):
        derivation = preset(derivation)
    if not isinstance(derivation, Derivation):
        raise SymconvError("derivation", "must be a Derivation or a preset's name", derivation)
    result = written if isinstance(written, WrittenResult) else read_result(written, derivation)
    expected_shape = derivation.geometry.output_size
    notes = []
    if len(result.shape) != len(expected_shape) and _squeezed(result.shape) == _squeezed(
        expected_shape
    ):  # a column or a row for a vector, a flat list for a single row: same entries
        notes.append(
            f"read the {shape_words(result.shape)} result as {shape_words(expected_shape)}"
        )
        result = result.reshaped(expected_shape)
    alphabet = Alphabet.of(derivation)
    writer = _Writer(derivation)
    if result.shape != expected_shape:
        mismatch = _shape_mismatch(derivation, result)
        unknown = _unknown_names(result, alphabet, derivation, {})
        return CheckReport(derivation, result, mismatch, (), unknown, (), tuple(notes))
    expected = flat_elements(derivation.output)
    positions = {}
    for flat, index in enumerate(ndindex(expected_shape)):
        positions.setdefault(sympy.expand(expected[flat]), index)
    entries = []
    for flat, index in enumerate(ndindex(expected_shape)):
        cell = result.cells[flat]
        if not _same(cell.value, expected[flat]):
            entries.append(
                _wrong_entry(index, cell, expected[flat], derivation, writer, alphabet, positions)
            )
    meant = {
        d.terms[0]: d.terms[1] for e in entries for d in e.diagnoses if d.code == "wrong-symbol"
    }
    unknown = _unknown_names(result, alphabet, derivation, meant)
    diagnoses = []
    if entries:
        diagnoses = [
            Diagnosis(s.code, s.message, _tex(s.message))
            for s in _matching_slips(derivation, result.values, expected_shape)
        ]
        if result.unknown:
            diagnoses += _index_base(result.values, expected, alphabet)
    return CheckReport(
        derivation, result, None, tuple(entries), unknown, tuple(diagnoses), tuple(notes)
    )


def _index_base(values: list, expected: list, alphabet: Alphabet) -> list[Diagnosis]:
    """The indices counted from the other base: right once every index is shifted by one."""
    names = set().union(*(v.free_symbols for v in values))
    for shift, counted in ((1, 0), (-1, 1)):
        moves = {}
        for symbol in names:
            stem, index = split_name(symbol.name)
            moved = alphabet.resolve(stem, tuple(i + shift for i in index)) if index else None
            if moved is None:
                break
            moves[symbol] = moved
        else:
            if all(_same(v.xreplace(moves), e) for v, e in zip(values, expected)):
                message = (
                    f"indices counted from {counted}: this configuration counts from "
                    f"{1 - counted} (every entry is right once they are shifted by one)"
                )
                return [Diagnosis("index-base", message, _tex(message))]
    return []


def _same(a, b) -> bool:
    return a == b or sympy.expand(a - b) == 0


def _matching_slips(d: Derivation, values: list, shape: tuple[int, ...]) -> list[Slip]:
    if math.prod(d.geometry.input_size) * math.prod(d.geometry.kernel_size) > MAX_SLIP_PRODUCTS:
        return []
    found, seen = [], set()
    for slip in slips(d):
        if slip.shape != shape:
            continue
        if all(_same(v, s) for v, s in zip(values, slip.values)) and slip.code not in seen:
            found.append(slip)
            seen.add(slip.code)
    return found


def _shape_mismatch(d: Derivation, result: WrittenResult) -> ShapeMismatch:
    causes, confirmed = [], []
    small = math.prod(d.geometry.input_size) * math.prod(d.geometry.kernel_size)
    for slip in slips(d):
        if slip.shape != result.shape:
            continue
        matches = small <= MAX_SLIP_PRODUCTS and all(
            _same(v, s) for v, s in zip(result.values, slip.values)
        )
        message = slip.message + (" (and every entry matches that)" if matches else "")
        diagnosis = Diagnosis(slip.code, message, _tex(message))
        if diagnosis.code in {c.code for c in confirmed + causes}:
            continue
        (confirmed if matches else causes).append(diagnosis)
    return ShapeMismatch(
        d.geometry.output_size, result.shape, size_lines(d.geometry), tuple(confirmed + causes)
    )


def _wrong_entry(
    index, cell, expected, d: Derivation, writer: _Writer, alphabet: Alphabet, positions: dict
) -> WrongEntry:
    want, got = _coefficients(expected), _coefficients(cell.value)
    missing, extra, diagnoses = [], [], []
    free_missing, free_extra = [], []
    for monomial in sorted(set(want) | set(got), key=writer.key):
        ce, cw = want.get(monomial, 0), got.get(monomial, 0)
        if ce == cw:
            continue
        if cw:
            extra.append(cw * monomial)
        if ce:
            missing.append(ce * monomial)
        if ce and cw:
            if cw == -ce:
                diagnoses.append(writer.diagnosis("sign", "sign of {0} is wrong", ce * monomial))
            elif ce == 1 and cw.is_Integer and cw > 1:
                diagnoses.append(
                    writer.diagnosis(
                        "coefficient", f"{{0}} counted {cw} times; it belongs once", monomial
                    )
                )
            else:
                diagnoses.append(
                    writer.diagnosis(
                        "coefficient", f"coefficient of {{0}} is {cw}, should be {ce}", monomial
                    )
                )
        elif cw:
            free_extra.append(cw * monomial)
        else:
            free_missing.append(ce * monomial)
    for e in list(free_extra):
        for m in free_missing:
            found = _pair(e, m, d, writer, alphabet)
            if found:
                diagnoses.append(found)
                free_extra.remove(e)
                free_missing.remove(m)
                break
    if len(free_extra) == len(free_missing) == 1 and all(
        writer.split(t) is not None for t in free_extra + free_missing
    ):
        e, m = free_extra.pop(), free_missing.pop()
        diagnoses.append(
            writer.diagnosis(
                "wrong-term", "wrote {0} where {1} belongs; {2}", e, m, _lands(e, d, writer)
            )
        )
    if free_missing:
        count = len(d.terms(index))
        if cell.value == 0:
            noun = "product" if count == 1 else "products"
            diagnoses.append(
                writer.diagnosis("entry-empty", f"entry left empty (or 0); it sums {count} {noun}")
            )
        elif count > 1:
            names = ", ".join(f"{{{i}}}" for i in range(len(free_missing)))
            diagnoses.append(
                writer.diagnosis(
                    "overlap-term-missing",
                    f"term missing from an overlap: the blocks of {count} input elements overlap "
                    f"here and all {count} products are summed; {names} left out",
                    *free_missing,
                )
            )
        else:
            diagnoses.append(writer.diagnosis("missing-term", "{0} missing", *free_missing[:1]))
    for e in free_extra:
        if e.free_symbols <= set(alphabet.roles):  # unknown names are diagnosed below
            diagnoses.append(_extra_diagnosis(e, d, writer))
    if cell.value != 0:
        other = positions.get(sympy.expand(cell.value))
        if other is not None and other != index:
            diagnoses.append(
                writer.diagnosis(
                    "entry-of-other-position",
                    f"this is the correct entry for {position_words(other, len(index))}",
                )
            )
    unknown_here = sorted(s.name for s in cell.value.free_symbols if s not in alphabet.roles)
    named = {dd.terms[0] for dd in diagnoses if dd.code == "wrong-symbol"}
    for name in unknown_here:
        if name not in named:
            diagnoses.append(
                writer.diagnosis(
                    "unknown-symbol",
                    "{0} is not a symbol of this configuration",
                    sympy.Symbol(name),
                )
            )
    return WrongEntry(
        index=index,
        where=position_words(index, len(index)),
        written=cell.text,
        written_latex=cell.latex,
        value=cell.value,
        expected=expected,
        expected_text=writer.sum_text(d.terms(index)),
        expected_latex=sum_latex(d.terms(index)),
        missing=tuple(missing),
        extra=tuple(extra),
        missing_text=tuple(writer.text(t) for t in missing),
        extra_text=tuple(writer.text(t) for t in extra),
        missing_latex=tuple(writer.latex(t) for t in missing),
        extra_latex=tuple(writer.latex(t) for t in extra),
        diagnoses=tuple(diagnoses),
    )


def _pair(e, m, d: Derivation, writer: _Writer, alphabet: Alphabet) -> Diagnosis | None:
    """Name the mistake that wrote the extra term ``e`` where the missing term ``m`` belongs."""
    for symbol in sorted(e.free_symbols - set(alphabet.roles), key=lambda s: s.name):
        if _index_shift(alphabet, *split_name(symbol.name)):
            continue  # an index counted from the other base: reported with the name
        for known in alphabet.roles:
            if e.xreplace({symbol: known}) == m:
                return writer.diagnosis(
                    "wrong-symbol",
                    "wrong symbol name: {0} is not a symbol of this "
                    "configuration; {1} belongs here",
                    symbol,
                    known,
                )
    pe, pm = writer.split(e), writer.split(m)
    if pe is None or pm is None or pe[0] != pm[0]:
        return None
    (_, xe, te), (_, xm, tm) = pe, pm
    if xe == xm:
        ke, km = d.kernel_index(te), d.kernel_index(tm)
        flipped = tuple(k - 1 - i for k, i in zip(d.geometry.kernel_size, km))
        if len(km) > 1 and ke == tuple(reversed(km)):
            return writer.diagnosis(
                "kernel-indices-swapped",
                "kernel indices swapped: wrote {0} where {1} belongs",
                e,
                m,
            )
        if ke == flipped or _flipped_along_one_axis(ke, km, d.geometry.kernel_size):
            return writer.diagnosis(
                "kernel-flipped", "kernel flipped: wrote {0} where {1} belongs", e, m
            )
        return writer.diagnosis(
            "wrong-kernel-element",
            "wrong kernel element: wrote {0} where {1} belongs; {2}",
            e,
            m,
            _lands(e, d, writer),
        )
    if te == tm:
        return writer.diagnosis(
            "wrong-input",
            "wrong input element: wrote {0} where {1} belongs; {2}",
            e,
            m,
            _lands(e, d, writer),
        )
    return None


def _flipped_along_one_axis(ke, km, size) -> bool:
    for axis in range(len(size)):
        flipped = list(km)
        flipped[axis] = size[axis] - 1 - km[axis]
        if tuple(flipped) == ke and ke != km:
            return True
    return False


def _extra_diagnosis(term, d: Derivation, writer: _Writer) -> Diagnosis:
    if writer.split(term) is None:
        return writer.diagnosis(
            "not-a-product",
            "{0} is not a product of one input element and one kernel element",
            term,
        )
    return writer.diagnosis(
        "extra-term", "{0} does not belong here: {1}", term, _lands(term, d, writer)
    )


def _lands(term, d: Derivation, writer: _Writer) -> str:
    """Where the product ``term`` really goes: an output position, or the cropped border."""
    split = writer.split(term)
    if split is None:
        return "it is not a product of one input and one kernel element"
    _, flat_input, tap = split
    g = d.geometry
    corner = d.placement(flat_input)
    canvas = tuple(c + t * dd for c, t, dd in zip(corner, d.kernel_index(tap), g.dilation))
    out = tuple(c - b for c, b in zip(canvas, g.pad_begin))
    if all(0 <= o < n for o, n in zip(out, g.output_size)):
        return f"it belongs in {position_words(out, g.rank)}"
    return "it falls in the border the padding crops away"


def _coefficients(expr) -> dict:
    return dict(sympy.expand(expr).as_coefficients_dict())


def _unknown_names(
    result: WrittenResult, alphabet: Alphabet, d: Derivation, meant: dict[str, str]
) -> tuple[UnknownName, ...]:
    rank = len(result.shape)
    return tuple(_unknown_name(u, alphabet, d, rank, meant.get(u.name)) for u in result.unknown)


def _unknown_name(
    u: UnknownSymbol, alphabet: Alphabet, d: Derivation, rank: int, meant: str | None
) -> UnknownName:
    where = position_words(u.index, rank)
    inputs = [s for s in flat_elements(d.input) if isinstance(s, sympy.Symbol)]
    kernel = [s for s in flat_elements(d.kernel) if isinstance(s, sympy.Symbol)]
    known = []
    if inputs:
        known.append(f"inputs {_range_words(inputs)}")
    if kernel:
        known.append(f"kernel {_range_words(kernel)}")
    message = "not a symbol of this configuration (" + "; ".join(known) + ")"
    shifted = _index_shift(alphabet, u.stem, u.subscript)
    if shifted:
        counted, moved = shifted
        message += (
            f"; indices here count from {1 - counted}: if you counted from "
            f"{counted}, that element is {moved}"
        )
    elif meant is not None:
        message += f"; {meant} belongs there"
    elif u.subscript:
        same = sorted(
            (s for s in alphabet.roles if alphabet.resolve(_stem(s), u.subscript) == s),
            key=lambda s: s.name,
        )
        if same:
            message += "; did you mean " + " or ".join(str(s) for s in same) + "?"
    return UnknownName(u, where, message)


def _index_shift(alphabet: Alphabet, stem: str, subscript: tuple[int, ...]) -> tuple | None:
    """``(base counted from, symbol meant)`` when shifting every index by one finds a symbol."""
    if stem not in alphabet.stems or not subscript:
        return None
    for shift, counted in ((1, 0), (-1, 1)):
        moved = alphabet.resolve(stem, tuple(i + shift for i in subscript))
        if moved is not None:
            return counted, moved
    return None


def _stem(symbol: sympy.Symbol) -> str:
    return split_name(symbol.name)[0]


def _range_words(symbols: list) -> str:
    if len(symbols) <= 4:
        return ", ".join(map(str, symbols))
    return f"{symbols[0]} ... {symbols[-1]}"


# --- words ----------------------------------------------------------------------------------


def shape_words(shape: tuple[int, ...]) -> str:
    """``3x3``, or ``3 entries`` for a vector.

    >>> shape_words((3, 3)), shape_words((3,)), shape_words((1,))
    ('3x3', '3 entries', '1 entry')
    """
    if len(shape) == 1:
        return f"{shape[0]} {'entry' if shape[0] == 1 else 'entries'}"
    return "x".join(map(str, shape))


def configuration_words(g: Geometry) -> str:
    """The geometry in words: input and kernel sizes, stride, padding, and any extras.

    >>> from symconv.geometry import make_geometry
    >>> configuration_words(make_geometry(2, 3, stride=2, padding=1))
    'input 2, kernel 3, stride 2, padding 1'
    """
    words = [
        f"input {_axes_words(g.input_size, 'x')}",
        f"kernel {_axes_words(g.kernel_size, 'x')}",
        f"stride {_axes_words(g.stride)}",
        f"padding {_pads_words(g)}",
    ]
    if any(g.output_padding):
        words.append(f"output_padding {_axes_words(g.output_padding)}")
    if max(g.dilation) > 1:
        words.append(f"dilation {_axes_words(g.dilation)}")
    return ", ".join(words)


def _axes_words(values: tuple[int, ...], joiner: str = ",") -> str:
    if len(set(values)) == 1 and joiner == ",":
        return str(values[0])
    return joiner.join(map(str, values))


def _pads_words(g: Geometry) -> str:
    if g.pad_begin == g.pad_end:
        return _axes_words(g.pad_begin)
    return ", ".join(f"({b} at the start, {e} at the end)" for b, e in zip(g.pad_begin, g.pad_end))


def _squeezed(shape: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(n for n in shape if n != 1) or (1,)


def _tex(text: str) -> str:
    from symconv.render import tex_escape

    return tex_escape(text)


class _Writer:
    """Terms as a person writes them: the input element first, then the kernel element."""

    def __init__(self, d: Derivation):
        self.inputs: dict = {}
        self.kernel: dict = {}
        for i, value in enumerate(d.input_elements):
            if isinstance(value, sympy.Symbol):
                self.inputs.setdefault(value, i)
        for t, value in enumerate(d.kernel_elements):
            if isinstance(value, sympy.Symbol):
                self.kernel.setdefault(value, t)
        self.input_stems = {split_name(s.name)[0] for s in self.inputs}
        self.kernel_stems = {split_name(s.name)[0] for s in self.kernel}

    def _order(self, factor, unknown_role: int = 2) -> tuple:
        base = factor.base if factor.is_Pow else factor
        if base in self.inputs:
            return (0, self.inputs[base], "")
        if base in self.kernel:
            return (1, self.kernel[base], "")
        if base.is_Symbol:
            stem = split_name(base.name)[0]
            role = 0 if stem in self.input_stems else 1 if stem in self.kernel_stems else None
            return (unknown_role if role is None else role, 0, base.name)
        return (2, 0, str(factor))

    def factors(self, term) -> tuple[sympy.Expr, list]:
        """The coefficient, and the factors in writing order (input, kernel, others).

        A name outside the configuration takes the place of whichever role is missing.
        """
        coefficient, factors = term.as_coeff_mul()
        has_input = any(self._order(f)[0] == 0 for f in factors)
        unknown_role = 1 if has_input else 0
        return coefficient, sorted(factors, key=lambda f: self._order(f, unknown_role))

    def key(self, term) -> tuple:
        """A sort key that lists terms as the derivation does: by input element, then tap."""
        _, factors = self.factors(term)
        return tuple(self._order(f) for f in factors), str(term)

    def split(self, term) -> tuple | None:
        """``(coefficient, input element, kernel tap)`` of a product ``c*x*w``, else None."""
        coefficient, factors = self.factors(term)
        if len(factors) == 2 and factors[0] in self.inputs and factors[1] in self.kernel:
            return coefficient, self.inputs[factors[0]], self.kernel[factors[1]]
        return None

    def text(self, term) -> str:
        coefficient, factors = self.factors(term)
        if not factors:
            return str(coefficient)
        body = "*".join(str(f) if not f.is_Add else f"({f})" for f in factors)
        if coefficient == 1:
            return body
        if coefficient == -1:
            return "-" + body
        return f"{coefficient}*{body}" if coefficient.is_Integer else f"({coefficient})*{body}"

    def latex(self, term) -> str:
        coefficient, factors = self.factors(term)
        if not factors:
            return expr_latex(coefficient)
        parts = [symbol_latex(f) if f.is_Symbol else expr_latex(f) for f in factors]
        body = " ".join(parts)
        if coefficient == 1:
            return body
        if coefficient == -1:
            return "-" + body
        return f"{expr_latex(coefficient)} {body}"

    def sum_text(self, pairs: list) -> str:
        return join_terms([self.text(sympy.Mul(x, w)) for x, w in pairs if x != 0 and w != 0])

    def diagnosis(self, code: str, template: str, *terms) -> Diagnosis:
        """A diagnosis whose ``{0}``, ``{1}``... are SymPy terms (or plain words)."""
        texts = [t if isinstance(t, str) else self.text(t) for t in terms]
        latexes = [_tex(t) if isinstance(t, str) else f"${self.latex(t)}$" for t in terms]
        pieces = []
        for literal, field, _, _ in string.Formatter().parse(template):
            pieces.append(_tex(literal))
            if field is not None:
                pieces.append(latexes[int(field)])
        return Diagnosis(code, template.format(*texts), "".join(pieces), tuple(texts))
