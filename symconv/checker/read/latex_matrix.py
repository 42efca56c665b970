r"""Reading a result written in LaTeX: a matrix environment, or rows of ``&`` and ``\\``.

``pmatrix``, ``bmatrix`` and the other ``matrix`` forms, ``array`` (its column
specification skipped), rules such as ``\hline``, and math delimiters (``$$``, ``\[``)
around them are all read; text outside the one matrix is refused.

>>> latex_cells(strip_math(r"$$\begin{array}{cc} a & b \\ \hline c & d \end{array}$$"))
([['a', 'b'], ['c', 'd']], 'LaTeX array')
>>> latex_cells("a & b"), latex_cells("[a, b]")
(([['a', 'b']], 'LaTeX rows'), None)
"""

from __future__ import annotations

import re

from symconv.checker.read.brackets import split_top, split_top_regex
from symconv.checker.read.written import PARAMETER
from symconv.errors import SymconvError

_MATH_DELIMITERS = re.compile(
    r"\$|(?<!\\)\\[\[\]()]|\\(?:begin|end)\{(?:equation|displaymath|math)\*?\}"
)
_ENVIRONMENT = re.compile(r"\\begin\{((?:[pbBvV]|small)?matrix\*?|array)\}")
_ROW_BREAK = re.compile(r"\\\\(?:\s*\[[^\]]*\])?")
_RULES = re.compile(r"\\(?:hline|midrule|toprule|bottomrule)|\\cline\{[^}]*\}")
_OUTSIDE = re.compile(r"\\left|\\right|[\s()\[\]|.,;]|\\[{}]|\\[lr]?[vV]ert|\\[lr]brack")


def strip_math(text: str) -> str:
    r"""``text`` with its math delimiters (``$``, ``\[ \]``, ``equation``...) made spaces."""
    return _MATH_DELIMITERS.sub(" ", text)


def latex_cells(text: str) -> tuple[list, str] | None:
    """The entry texts of a LaTeX matrix or of ``&``/``\\\\`` rows, and the form; else None."""
    environments = list(_ENVIRONMENT.finditer(text))
    if len(environments) > 1:
        raise SymconvError(
            PARAMETER, f"holds {len(environments)} matrices; keep only the result", None
        )
    if environments:
        return _environment_cells(text, environments[0])
    if "&" in text or _ROW_BREAK.search(text):
        return _rows(text), "LaTeX rows"
    return None


def _environment_cells(text: str, begin: re.Match) -> tuple[list, str]:
    name = begin.group(1)
    end = re.search(r"\\end\{" + re.escape(name) + r"\}", text[begin.end() :])
    if end is None:
        raise SymconvError(PARAMETER, f"\\begin{{{name}}} has no \\end{{{name}}}", None)
    body_start = begin.end()
    body = text[body_start : body_start + end.start()]
    body = re.sub(r"^\s*\[[^\]]*\]", "", body)  # mathtools' pmatrix*[r]
    if name == "array":
        body = re.sub(r"^\s*\{[^{}]*\}", "", body)
    outside = text[: begin.start()] + " " + text[body_start + end.end() :]
    leftover = _OUTSIDE.sub("", outside)
    if leftover:
        raise SymconvError(PARAMETER, "has text outside the matrix", leftover.strip()[:40])
    return _rows(body), f"LaTeX {name.rstrip('*')}"


def _rows(body: str) -> list:
    body = _RULES.sub(" ", body)
    rows = split_top_regex(body, _ROW_BREAK)
    if rows and not rows[-1].strip():
        rows.pop()
    if not rows:
        raise SymconvError(PARAMETER, "has a matrix with no rows", None)
    return [[cell.strip() for cell in split_top(row, "&")] for row in rows]
