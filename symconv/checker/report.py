r"""The verdict on a hand derivation: its size, each wrong entry, the whole-result diagnoses.

A :class:`CheckReport` is data; it writes itself as plain text (``str``), as JSON, and for
Jupyter as mathematics built from :mod:`symconv.notation`. The LaTeX document and the
HTML page are written by :mod:`symconv.checker.report_formats`.

>>> from symconv.checker.compare import check
>>> report = check("[x1*w2, x1*w3, x2*w2]", "seed-1d")
>>> print(str(report).splitlines()[1])
entry 2: wrong
>>> r"\textcolor{red}{x_{1} w_{3}}" in report._repr_latex_()
True
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from symconv.checker.diagnosis import Diagnosis, WrongEntry
from symconv.checker.read.written import WrittenResult
from symconv.checker.slips import ShapeMismatch
from symconv.checker.unknown_names import UnknownName
from symconv.engine.derivation import Derivation
from symconv.notation.grids import array_latex, slices
from symconv.notation.style import Notation
from symconv.notation.tex_text import check_symbols, tex_escape, text_latex
from symconv.notation.words import capitalised, configuration_words

_POSITIONS_IN_SUMMARY = 6


@dataclass(frozen=True)
class CheckReport:
    """The verdict on a written result: the size, each wrong entry, the whole-result diagnoses.

    True when everything is right.

    >>> from symconv.checker.compare import check
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
        findings = [text_latex(f"whole result: {d.text}") for d in self.diagnoses]
        for e in self.entries:
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
