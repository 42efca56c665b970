r"""Checking a hand derivation against the engine: which entries are wrong, and why.

:func:`check` reads a written result (see :mod:`symconv.checker.read.parse`) for a configuration,
compares it entry by entry with :attr:`Derivation.output`, and returns a
:class:`CheckReport`: a size mismatch with the formula worked out and its likely
cause, or each wrong entry with its position (counted from 1), the correct sum, the
missing and extra terms, and the mistakes it recognises.

>>> report = check("[x1*w2, x1*w3, x2*w2]", "example-1d")
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
:mod:`symconv.checker.entry_mistakes`); for the whole result ``index-base`` and, for it
or its size, the codes of :func:`symconv.checker.slips.slips` (``no-crop``,
``crop-start-only``, ``stride``, ``stride-on-kernel``, ``transposed``, ...). The report
writes itself as text and JSON; :mod:`symconv.checker.report_formats` writes it as LaTeX
and HTML.
"""

from __future__ import annotations

from dataclasses import replace

import sympy

from symconv.checker.entry_mistakes import wrong_element, wrong_entry
from symconv.checker.explain import shape_mismatch, whole_explanation
from symconv.checker.read.alphabet import Alphabet
from symconv.checker.read.parse import read_result
from symconv.checker.read.written import WrittenResult
from symconv.checker.report import CheckReport
from symconv.checker.spelling import Spelling
from symconv.checker.steps import Step, step_for
from symconv.checker.term_writer import TermWriter
from symconv.checker.unknown_names import unknown_names
from symconv.core.equality import equal
from symconv.core.grid import ndindex
from symconv.engine.derivation import Derivation
from symconv.engine.presets import preset
from symconv.errors import SymconvError
from symconv.notation.words import shape_words

#: The steps whose entries are sums of (input, kernel) products.
PRODUCT_STEPS = ("result", "canvas", "scaled")


def check(written: object, derivation: Derivation | str) -> CheckReport:
    r"""Check a hand-written result against ``derivation`` (a Derivation or a preset's name).

    ``written`` is anything :func:`~symconv.checker.read.parse.read_result` reads: a LaTeX matrix,
    a vector, a Python or SymPy list, JSON, or nested lists.

    >>> report = check(r'''\begin{pmatrix} aw_{11} & aw_{12}+bw_{11} & bw_{12} \\
    ...   aw_{21}+cw_{11} & aw_{22}+bw_{21}+cw_{12} & bw_{22}+dw_{12} \\
    ...   cw_{21} & cw_{22}+dw_{21} & dw_{22} \end{pmatrix}''', "example-2d-s1")
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
    return compare(result, step_for("result", derivation))


def compare(result: WrittenResult, step: Step) -> CheckReport:
    """Compare a written object with the right object of ``step``: size, entries, slips.

    >>> from symconv.engine.presets import preset
    >>> d = preset("example-1d")
    >>> report = compare(read_result("[x1*w3, x2*w3]", d), step_for("scaled", d, "x_1K", 0))
    >>> report.summary
    'Wrong size: expected 3 entries, got 2 entries.'
    """
    derivation = step.derivation
    expected_shape = step.shape
    notes = []
    if len(result.shape) != len(expected_shape) and _squeezed(result.shape) == _squeezed(
        expected_shape
    ):  # a column or a row for a vector, a flat list for a single row: same entries
        notes.append(
            f"read the {shape_words(result.shape)} {step.name} as {shape_words(expected_shape)}"
        )
        result = result.reshaped(expected_shape)
    elif len(expected_shape) == 1 and len(_squeezed(result.shape)) == 1 != len(result.shape):
        # a row written for a vector of another length: compared as a vector, so that the
        # slip giving that length (the canvas uncropped, ...) is found
        squeezed = _squeezed(result.shape)
        notes.append(f"read the {shape_words(result.shape)} {step.name} as {shape_words(squeezed)}")
        result = result.reshaped(squeezed)
    alphabet = Alphabet.of(derivation)
    spelling = Spelling.of([c.text for c in result.cells])
    writer = TermWriter(derivation, spelling)
    if result.shape != expected_shape:
        mismatch = shape_mismatch(step, result)
        unknown = unknown_names(result, derivation)
        return CheckReport(
            derivation, result, mismatch, (), unknown, (), tuple(notes), step, spelling
        )
    expected = step.values
    positions = {}
    for flat, index in enumerate(ndindex(expected_shape)):
        positions.setdefault(sympy.expand(expected[flat]), index)
    entries = []
    products = step.kind in PRODUCT_STEPS
    for flat, index in enumerate(ndindex(expected_shape)):
        cell = result.cells[flat]
        if not equal(cell.value, expected[flat]):
            entries.append(
                wrong_entry(
                    index,
                    cell,
                    expected[flat],
                    derivation,
                    writer,
                    alphabet,
                    positions,
                    step.terms(index),
                    of_result=step.kind == "result",
                )
                if products
                else wrong_element(index, cell, expected[flat], writer)
            )
    meant = {
        d.terms[0]: d.terms[1] for e in entries for d in e.diagnoses if d.code == "wrong-symbol"
    }
    unknown = unknown_names(result, derivation, meant)
    diagnoses, explained = whole_explanation(step, result, [e.index for e in entries])
    entries = [
        replace(e, diagnoses=(), explained=True) if e.index in explained else e for e in entries
    ]
    if any(d.code in ("index-base", "renamed") for d in diagnoses):
        unknown = ()  # the renaming explains the names too
    return CheckReport(
        derivation,
        result,
        None,
        tuple(entries),
        unknown,
        tuple(diagnoses),
        tuple(notes),
        step,
        spelling,
    )


def _squeezed(shape: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(n for n in shape if n != 1) or (1,)
