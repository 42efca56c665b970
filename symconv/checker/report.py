r"""The verdict on a hand derivation: its size, each wrong entry, the whole-result diagnoses.

A :class:`CheckReport` is data; it writes itself as plain text (``str``), as JSON, and for
Jupyter as mathematics built from :mod:`symconv.notation`. The LaTeX document and the
HTML page are written by :mod:`symconv.checker.report_formats`.

>>> from symconv.checker.compare import check
>>> report = check("[x1*w2, x1*w3, x2*w2]", "example-1d")
>>> print(str(report).splitlines()[2])
entry 2: wrong
>>> r"\textcolor{red}{x_{1} w_{3}}" in report._repr_latex_()
True
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property

from symconv.checker.diagnosis import Diagnosis, WrongEntry
from symconv.checker.explain import ShapeMismatch
from symconv.checker.read.written import WrittenResult
from symconv.checker.spelling import Spelling
from symconv.checker.steps import Step
from symconv.checker.term_writer import TermWriter
from symconv.checker.unknown_names import UnknownName
from symconv.engine.derivation import Derivation
from symconv.notation.grids import array_latex, slices
from symconv.notation.sentences import prose_math
from symconv.notation.style import Notation
from symconv.notation.tex_text import check_symbols, tex_escape, text_latex
from symconv.notation.words import capitalised, configuration_words

_POSITIONS_IN_SUMMARY = 6


@dataclass(frozen=True)
class CheckReport:
    """The verdict on a written result: the size, each wrong entry, the whole-result diagnoses.

    True when everything is right.

    >>> from symconv.checker.compare import check
    >>> report = check("[x1*w2, x1*w3 + x2*w1, x2*w2]", "example-1d")
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
    step: Step | None = None
    spelling: Spelling = Spelling()

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
        """The size of the correct object (the result's, unless another step is checked)."""
        return self.step.shape if self.step is not None else self.derivation.geometry.output_size

    @property
    def configuration(self) -> str:
        """The configuration in words: title (if any), then sizes, stride and padding."""
        words = configuration_words(self.derivation.geometry)
        title = self.derivation.title
        return f"{title} ({words})" if title else words

    @property
    def headline(self) -> str:
        """The first line of the report: the one slip and its fix when one explains it all,
        else the summary."""
        if (
            self.shape is not None
            and self.shape.causes
            and "every entry matches" in (self.shape.causes[0].text)
        ):
            cause = self.shape.causes[0]
            return f"Wrong size ({self.shape.text}): {cause.headline}"
        if self.diagnoses and self.entries and all(e.explained for e in self.entries):
            return self.diagnoses[0].headline
        return self.summary

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
            whole = "result" if self.step is None or self.step.kind == "result" else self.step.name
            parts.append(f"the whole {whole} is consistent with: {self.diagnoses[0].short}")
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
            "headline": self.headline,
            "step": self.step.kind if self.step is not None else "result",
            "name": self.step.name if self.step is not None else "O",
            "configuration": self.configuration,
            "expected_shape": list(self.expected_shape),
            "written_shape": list(self.written.shape),
            "form": self.written.form,
            "shape": None if self.shape is None else self.shape.as_dict(),
            "entries": [
                {**e.as_dict(), "expected_written": self.written_expected(e)} for e in self.entries
            ],
            "unknown_symbols": [u.as_dict() for u in self.unknown],
            "diagnoses": [d.as_dict() for d in self.diagnoses],
            "notes": list(self.notes),
        }

    def to_json(self) -> str:
        """The report as JSON (deterministic: same input, same bytes)."""
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False) + "\n"

    @cached_property
    def _writer(self) -> TermWriter:
        """The terms' writer in the student's spelling (built once per report)."""
        return TermWriter(self.derivation, self.spelling)

    def written_expected(self, entry: WrongEntry) -> str:
        """The correct entry written in the student's own notation."""
        terms = self.step.terms(entry.index) if self.step is not None else None
        return self.spelling.write(terms if terms is not None else entry.expected, self._writer)

    def written_terms(self, terms) -> str:
        """Terms (missing or extra) in the student's own notation, comma-separated."""
        return ", ".join(self._writer.shown(t) for t in terms)

    def to_text(self) -> str:
        """The report as plain text: the headline, then each finding; the summary last.

        A single slip that explains every wrong entry is said once, first, with its fix,
        and the entries it explains are listed on one line.
        """
        headline = self.headline
        lines = [headline, f"Checking against: {self.configuration}"]
        if self.step is not None and self.step.kind != "result":
            lines.append(f"Step: {self.step.name}, {self.step.label}")
        lines += [f"note: {n}" for n in self.notes]
        if self.shape is not None:
            lines.append(f"size: {self.shape.text}")
            lines += ["  " + line for line in self.shape.formula.splitlines()]
            for cause in self.shape.causes:
                if cause.headline not in headline:
                    lines.append(f"  likely cause: {cause.text}")
            if not self.shape.causes:
                lines.append("  no common slip gives this size; work the formula above again")
        for diagnosis in self.diagnoses:
            if diagnosis.headline != headline:
                lines.append(f"whole result: {diagnosis.headline}")
        explained = [e.where for e in self.entries if e.explained]
        if explained and len(explained) < len(self.entries):
            lines.append("explained by that: " + "; ".join(explained))
        for entry in self.entries:
            if entry.explained:
                continue
            lines.append(f"{entry.where}: wrong")
            lines.append(f"  written:   {entry.written or '(empty)'}")
            lines.append(f"  expected:  {self.written_expected(entry)}")
            lines.append(f"  missing:   {self.written_terms(entry.missing) or 'none'}")
            lines.append(f"  extra:     {self.written_terms(entry.extra) or 'none'}")
            for diagnosis in entry.diagnoses:
                lines.append(f"  diagnosis: {diagnosis.text}")
        for name in self.unknown:
            lines.append(f"unknown symbol {name.symbol.written!r} in {name.where}: {name.message}")
        if headline != self.summary:
            lines.append(self.summary)
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        return self.to_text()

    def grid(self) -> list[list[tuple[int, ...]]]:
        """The written entries' indices as rows of a matrix (a vector as one row); [] past 2-D."""
        shape = self.written.shape
        if len(shape) > 2:
            return []
        ((_, rows),) = slices(shape)
        return rows

    def written_matrix_latex(self, highlight: str) -> str:
        """The written result as a LaTeX matrix, wrong entries put in ``highlight``'s ``{}``."""
        grid = self.grid()
        if not grid:
            return ""
        check_symbols(self.derivation)  # SymPy prints names as they are: no TeX in them
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

    def _repr_latex_(self) -> str:
        """Jupyter shows the written result, wrong entries in red, the summary and each finding."""
        matrix = self.written_matrix_latex(r"\textcolor{red}{{}}")
        summary = rf"\text{{{tex_escape(self.summary)}}}"
        findings = [prose_math(d.headline) for d in self.diagnoses]
        for e in self.entries:
            if e.explained:
                continue
            missing = ", ".join(e.missing_latex) or r"\text{none}"
            findings.append(
                text_latex(f"{e.where}: correct is ")
                + e.expected_latex
                + text_latex("; missing ")
                + missing
            )
        if not matrix and not findings:
            return f"${summary}$"
        lines = [rf"{matrix} \quad {summary}" if matrix else summary, *findings]
        return r"$$\begin{array}{l} " + r" \\ ".join(lines) + r" \end{array}$$"
