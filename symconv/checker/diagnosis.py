"""The findings of a check as records: each mistake named, and each entry found wrong.

A :class:`Diagnosis` has a stable ``code`` for programs and its message as text and as
LaTeX; a :class:`WrongEntry` holds one entry's position, the written and correct sums,
the terms missing and extra, and its diagnoses. :mod:`symconv.checker.entry_mistakes` finds the
mistakes in one entry, :mod:`symconv.checker.slips` those of the whole result.

>>> found = Diagnosis.plain("stride", "stride 2 used as 1: gaps left out")
>>> found.code, found.short, found.latex
('stride', 'stride 2 used as 1', 'stride 2 used as 1: gaps left out')
"""

from __future__ import annotations

import string
from dataclasses import dataclass

import sympy

from symconv.checker.term_writer import TermWriter
from symconv.notation.sentences import prose_latex


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
    fix: str = ""

    @property
    def short(self) -> str:
        """The message up to its first colon: ``padding not cropped``."""
        return self.text.split(": ")[0].removesuffix(" (and every entry matches that)")

    def as_dict(self) -> dict:
        """``{"code", "message", "terms", "fix"}``; terms are the ones it names."""
        return {"code": self.code, "message": self.text, "terms": list(self.terms), "fix": self.fix}

    @property
    def headline(self) -> str:
        """The message with its fix, as a sentence: ``Kernel flipped: .... Fix: ...``."""
        line = self.text[:1].upper() + self.text[1:] + "."
        return f"{line} Fix: {self.fix}." if self.fix else line

    @classmethod
    def plain(cls, code: str, message: str, fix: str = "") -> Diagnosis:
        """A diagnosis that names no terms: its LaTeX is the message, its symbol names as
        mathematics and the rest escaped.

        >>> Diagnosis.plain("kernel-indices-swapped", "w_ij used as w_ji").latex
        '$w_{ij}$ used as $w_{ji}$'
        """
        return cls(code, message, prose_latex(message), fix=fix)

    @classmethod
    def of_terms(cls, writer: TermWriter, code: str, template: str, *terms) -> Diagnosis:
        """A diagnosis whose ``{0}``, ``{1}``... are SymPy terms (or plain words).

        >>> import sympy
        >>> from symconv.engine.presets import preset
        >>> writer = TermWriter(preset("example-1d"))
        >>> found = Diagnosis.of_terms(writer, "sign", "sign of {0}", -sympy.Symbol("w1"))
        >>> found.text, found.latex
        ('sign of -w1', 'sign of $-w_{1}$')
        """
        texts = [t if isinstance(t, str) else writer.text(t) for t in terms]
        shown = [t if isinstance(t, str) else writer.shown(t) for t in terms]
        latexes = [prose_latex(t) if isinstance(t, str) else f"${writer.latex(t)}$" for t in terms]
        pieces = []
        for literal, field, _, _ in string.Formatter().parse(template):
            pieces.append(prose_latex(literal))
            if field is not None:
                pieces.append(latexes[int(field)])
        return cls(code, template.format(*shown), "".join(pieces), tuple(texts))


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
    explained: bool = False

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
            "explained_by_whole_result": self.explained,
        }
