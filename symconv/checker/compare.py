r"""Checking a hand derivation against the engine: which entries are wrong, and why.

:func:`check` reads a written result (see :mod:`symconv.checker.read.parse`) for a configuration,
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
``not-a-product``, ``unknown-symbol``, ``entry-of-other-position`` (see
:mod:`symconv.checker.entry_mistakes`); for the whole result ``index-base`` and, for it or its size,
the codes of :func:`symconv.checker.slips.slips` (``no-crop``, ``crop-start-only``, ``stride``,
``stride-on-kernel``, ``transposed``, ...). :mod:`symconv.checker.report_formats` writes the
report as text, JSON, LaTeX and HTML.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import sympy

from symconv.checker.diagnosis import Diagnosis, WrongEntry
from symconv.checker.entry_mistakes import wrong_entry
from symconv.checker.read.alphabet import Alphabet
from symconv.checker.read.parse import read_result
from symconv.checker.read.written import WrittenResult
from symconv.checker.report_formats import (
    report_html,
    report_json,
    report_latex,
    report_math,
    report_text,
)
from symconv.checker.slips import (
    ShapeMismatch,
    index_base,
    matching_slips,
    same_value,
    shape_mismatch,
)
from symconv.checker.term_writer import TermWriter
from symconv.checker.unknown_names import UnknownName, unknown_names
from symconv.core.geometry import ndindex
from symconv.core.tensors import flat_elements
from symconv.engine.derivation import Derivation
from symconv.engine.presets import preset
from symconv.errors import SymconvError
from symconv.notation.words import capitalised, configuration_words, shape_words

_POSITIONS_IN_SUMMARY = 6


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
        return ". ".join(capitalised(p) if i else p for i, p in enumerate(parts)) + "."

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
        return report_json(self)

    def to_text(self) -> str:
        """The report as plain text, one finding per block, the summary last."""
        return report_text(self)

    def __str__(self) -> str:
        return self.to_text()

    def to_latex(self, document: bool = True) -> str:
        r"""The report as LaTeX, wrong entries highlighted with xcolor's ``\colorbox``.

        A whole ``article`` document by default (it compiles with pdflatex); with
        ``document=False`` the body alone, for a document that loads amsmath and xcolor.
        """
        return report_latex(self, document)

    def _repr_latex_(self) -> str:
        return report_math(self)

    def _repr_html_(self) -> str:
        return report_html(self)


def check(written: object, derivation: Derivation | str) -> CheckReport:
    r"""Check a hand-written result against ``derivation`` (a Derivation or a preset's name).

    ``written`` is anything :func:`~symconv.checker.read.parse.read_result` reads: a LaTeX matrix,
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
    writer = TermWriter(derivation)
    if result.shape != expected_shape:
        mismatch = shape_mismatch(derivation, result)
        unknown = unknown_names(result, derivation)
        return CheckReport(derivation, result, mismatch, (), unknown, (), tuple(notes))
    expected = flat_elements(derivation.output)
    positions = {}
    for flat, index in enumerate(ndindex(expected_shape)):
        positions.setdefault(sympy.expand(expected[flat]), index)
    entries = []
    for flat, index in enumerate(ndindex(expected_shape)):
        cell = result.cells[flat]
        if not same_value(cell.value, expected[flat]):
            entries.append(
                wrong_entry(index, cell, expected[flat], derivation, writer, alphabet, positions)
            )
    meant = {
        d.terms[0]: d.terms[1] for e in entries for d in e.diagnoses if d.code == "wrong-symbol"
    }
    unknown = unknown_names(result, derivation, meant)
    diagnoses = []
    if entries:
        diagnoses = [
            Diagnosis.plain(s.code, s.message)
            for s in matching_slips(derivation, result.values, expected_shape)
        ]
        if result.unknown:
            diagnoses += index_base(result.values, expected, alphabet)
    return CheckReport(
        derivation, result, None, tuple(entries), unknown, tuple(diagnoses), tuple(notes)
    )


def _squeezed(shape: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(n for n in shape if n != 1) or (1,)
