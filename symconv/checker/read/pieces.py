r"""Splitting a homework file into pieces: each matrix with the name it is given, each size line.

Students show their work: ``aK = ...``, ``O_{full} = ...``, then ``O = ...``, and the
output size worked out on a line of its own. A piece is a LaTeX matrix environment (with
``\left( ... \right)`` or not), a bracketed list (``[x1*w2, ...]``, ``Matrix([...])``), or a
line ``O = 2(2-1)+3-2 = 3``; its name is what stands before its ``=``. A file with one
unnamed matrix, or ``&``/``\\`` rows, is one piece (the result).

>>> text = r'''Element $a$: $$aK=\begin{pmatrix}aw_{11} & aw_{12}\end{pmatrix}$$
... Output size $O = 1\cdot(2-1)+2 = 3$.
... $$ O = \left(\begin{array}{ccc} a & b & c \end{array}\right) $$'''
>>> [(p.name, p.kind, p.line) for p in pieces(text)]
[('aK', 'matrix', 1), ('O', 'size', 2), ('O', 'matrix', 3)]
>>> pieces(text)[1].parts
('1\\cdot(2-1)+2', '3')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symconv.checker.read.brackets import closing
from symconv.checker.read.latex_matrix import strip_math
from symconv.checker.read.written import PARAMETER
from symconv.errors import SymconvError

_ENVIRONMENT = re.compile(r"\\begin\{((?:[pbBvV]|small)?matrix\*?|array)\}")
_LEFT = re.compile(r"\\left\s*(?:[(\[|.]|\\[{|]|\\[lr]?[vV]ert)\s*$")
_RIGHT = re.compile(r"\s*\\right\s*(?:[)\]|.]|\\[}|]|\\[lr]?[vV]ert)")
_WRAPPER = re.compile(r"(?:(?:sympy|sp|np|numpy)\.)?(?:Matrix|Array|array)\(\s*$")
_SIZE_PART = re.compile(r"[0-9\s+\-−*×·⋅()\[\]{}]|\\(?:cdot|times|left|right|,|;|!)")
_NAME_STOP = re.compile(r"[=:;,$]|\\\[|\\\(|\\\]|\\\)")
_JOINED = ("\\cdot", "*", "·", "⋅", "×", "\\times")
_KERNEL_LETTERS = {"K", "W", "k", "w"}
#: A file holds at most this many pieces.
MAX_PIECES = 200


@dataclass(frozen=True)
class Piece:
    """One piece of a homework file: a named matrix, or a size line worked out.

    ``name`` is as written (``""`` when there is none), ``text`` the matrix or list to
    read, ``parts`` the sides of a size line (``O = 2(2-1)+3-2 = 3`` gives two parts),
    ``line`` where it starts, counted from 1.
    """

    name: str
    kind: str
    text: str
    line: int
    parts: tuple[str, ...] = ()


def pieces(text: str) -> list[Piece]:
    """The named matrices and size lines of ``text``, in order; one unnamed piece if no matrix.

    >>> [p.name for p in pieces("C^T = [[w2, 0], [w3, w1]]\\ny = [x1*w2, x2*w2]")]
    ['C^T', 'y']
    >>> pieces("a & b \\\\ c & d")[0].kind
    'matrix'
    """
    text = _strip_comments(text)
    found: list[Piece] = []
    spans: list[tuple[int, int]] = []
    position = 0
    while True:
        start, end, body = _next_matrix(text, position)
        if start is None:
            break
        name = _name_before(text, spans[-1][1] if spans else 0, start)
        found.append(Piece(name, "matrix", body, _line(text, start)))
        spans.append((start, end))
        position = end
        if len(found) > MAX_PIECES:
            raise SymconvError(PARAMETER, f"holds more than {MAX_PIECES} matrices")
    found += _size_lines(text, spans)
    found.sort(key=lambda p: p.line)
    if not any(p.kind == "matrix" for p in found):
        rest = _outside(text, spans)
        lines = {p.line for p in found}
        kept = "\n".join(
            line for n, line in enumerate(rest.splitlines(), start=1) if n not in lines
        )
        if kept.strip():
            found.append(Piece("", "matrix", kept, 1))
    return found


def _next_matrix(text: str, position: int) -> tuple[int | None, int, str]:
    """The next matrix at or after ``position``: its span with delimiters, and its text."""
    environment = _ENVIRONMENT.search(text, position)
    bracket = _next_list(text, position)
    if environment is None and bracket is None:
        return None, 0, ""
    if environment is not None and (bracket is None or environment.start() < bracket[0]):
        name = environment.group(1)
        end = re.compile(r"\\end\{" + re.escape(name) + r"\}").search(text, environment.end())
        if end is None:
            raise SymconvError(PARAMETER, f"\\begin{{{name}}} has no \\end{{{name}}}", None)
        start, stop = environment.start(), end.end()
        left = _LEFT.search(text[max(0, start - 20) : start])
        right = _RIGHT.match(text, stop)
        if left and right:
            start, stop = start - len(left.group(0)), right.end()
        return start, stop, text[start:stop]
    return bracket[0], bracket[1], text[bracket[0] : bracket[1]]


def _next_list(text: str, position: int) -> tuple[int, int] | None:
    """The next top-level ``[...]`` holding a comma (a list, not an index), with its wrapper."""
    at = position
    while True:
        start = text.find("[", at)
        if start < 0:
            return None
        if start > 0 and text[start - 1] == "\\":  # \[ opens display math
            at = start + 1
            continue
        end = closing(text, start)
        if end < 0:
            return None
        inner = text[start + 1 : end]
        if "," in inner or "[" in inner:
            wrapper = _WRAPPER.search(text[max(0, start - 20) : start])
            stop = end + 1
            if wrapper:
                close = re.compile(r"\s*\)").match(text, stop)
                if close:
                    start, stop = start - len(wrapper.group(0)), close.end()
            return start, stop
        at = end + 1


def _name_before(text: str, since: int, start: int) -> str:
    """The name a matrix is given, ``aK`` in ``$$aK = \\begin{...}``; ``""`` if none."""
    before = text[since:start]
    before = before[before.rfind("\n") + 1 :] if "\n" in before.rstrip() else before
    before = before.rstrip()
    if not before.endswith("=") or before.endswith("=="):
        return ""
    head = strip_math(before[:-1]).rstrip()
    stops = list(_NAME_STOP.finditer(head))
    if stops:
        head = head[stops[-1].end() :]
    words = head.split()
    if not words:
        return ""
    name = words.pop()
    while words and (
        name.count("{") != name.count("}")
        or name in _KERNEL_LETTERS
        or name.startswith(_JOINED)
        or words[-1].endswith(_JOINED)
    ):
        name = words.pop() + " " + name
    return name


def _size_lines(text: str, spans: list[tuple[int, int]]) -> list[Piece]:
    """The lines outside the matrices that work out a size: ``O_h = 2(2-1)+2 = 4``."""
    found = []
    outside = _outside(text, spans)
    for number, line in enumerate(outside.splitlines(), start=1):
        for statement in re.split(r"[,;]\s+|\.\s+|\.$|\s+and\s+", strip_math(line)):
            sides = [s.strip() for s in statement.split("=")]
            if len(sides) < 3 and not (len(sides) == 2 and _numeric(sides[1])):
                continue
            name_words = sides[0].split()
            if not name_words or not all(s for s in sides[1:]):
                continue
            numeric = tuple(s for s in sides[1:] if _numeric(s))
            if len(numeric) < 1 or not re.fullmatch(r"[0-9]+", sides[-1]):
                continue
            if len(sides) == 2 and not re.search(r"[+\-−*×·⋅(]|\\cdot|\\times", line):
                continue  # "O = 3" alone states a size; worked lines show their arithmetic
            written = " = ".join([name_words[-1], *sides[1:]])
            found.append(Piece(name_words[-1], "size", written, number, numeric))
    return found


def _numeric(side: str) -> bool:
    return bool(side) and not _SIZE_PART.sub("", side)


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each matrix blanked out, its lines kept (so line numbers stay)."""
    pieces_, at = [], 0
    for start, end in spans:
        pieces_.append(text[at:start])
        pieces_.append(re.sub(r"[^\n]", " ", text[start:end]))
        at = end
    pieces_.append(text[at:])
    return "".join(pieces_)


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _strip_comments(text: str) -> str:
    """``text`` without LaTeX comments and Markdown code fences, lines kept."""
    lines = []
    for line in text.splitlines():
        if line.strip().startswith("```"):
            lines.append("")
            continue
        lines.append(re.sub(r"(?<!\\)%.*", "", line))
    return "\n".join(lines)
