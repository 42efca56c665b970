r"""Reading a hand-written result: find its form, split it into entries, read each entry.

The forms are LaTeX matrices and ``&``/``\\`` rows (:mod:`~symconv.checker.read.latex_matrix`),
JSON, Python or SymPy lists (:mod:`~symconv.checker.read.list_cells`), and plain comma- or
tab-separated lines. Each entry is read by the configuration's alphabet
(:mod:`~symconv.checker.read.entry_parser`), so ``aw_{11}`` is ``a*w11`` and ``x_1w_3`` is
``x1*w3``; a name outside the alphabet is kept as an unknown symbol and reported, never
guessed.

>>> from symconv.engine.presets import preset
>>> written = read_result(r"$$\begin{pmatrix} aw_{11} & aw_{12}+bw_{11} \end{pmatrix}$$",
...                       preset("example-2d-s1"))
>>> written.shape, written.values
((1, 2), [a*w11, a*w12 + b*w11])
>>> read_result("[x1*w2, x_1 w_3 + x_{2} \\cdot w_{1}, x2w2]", preset("example-1d")).values
[w2*x1, w1*x2 + w3*x1, w2*x2]
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

import sympy

from symconv.checker.read.alphabet import Alphabet, split_name
from symconv.checker.read.brackets import MAX_DEPTH, depths, split_top
from symconv.checker.read.entry_parser import read_expression
from symconv.checker.read.latex_matrix import latex_cells, strip_math
from symconv.checker.read.list_cells import json_cells, list_cells
from symconv.checker.read.written import PARAMETER, UnknownSymbol, WrittenCell, WrittenResult
from symconv.core.grid import ndindex
from symconv.core.tensors import check_symbol_name
from symconv.errors import SymconvError
from symconv.notation.expressions import expr_latex
from symconv.notation.words import axes_words, position_words

_ASSIGNMENT = re.compile(r"\s*(?:[A-Za-z0-9_{}^' ]|\\[A-Za-z]+(?![A-Za-z]))+=(?!=)")
MAX_CELLS = 10_000


def read_result(written: object, derivation) -> WrittenResult:
    r"""Read a hand-written result for ``derivation``'s configuration.

    ``written`` is text (a LaTeX matrix or vector, ``&``/``\\`` rows, a Python or SymPy
    list, JSON) or already-nested lists of strings, numbers or SymPy expressions.

    >>> from symconv.engine.presets import preset
    >>> read_result('[["aw_{11}", "k_{12}"]]', preset("example-2d-s1")).unknown[0].name
    'k12'
    """
    alphabet = Alphabet.of(derivation)
    if isinstance(written, str):
        nested, form = split_cells(written)
    elif isinstance(written, (sympy.MatrixBase, sympy.NDimArray)):
        nested, form = written.tolist(), "sympy"
    elif isinstance(written, (list, tuple)):
        nested, form = written, "list"
    else:
        raise SymconvError(PARAMETER, "must be text or nested lists", type(written).__name__)
    shape, leaves = _rectangular(nested)
    if len(leaves) > MAX_CELLS:
        raise SymconvError(PARAMETER, f"has more than {MAX_CELLS} entries", len(leaves))
    cells, unknown = [], []
    for index, leaf in zip(ndindex(shape), leaves):
        cell, found = _read_leaf(leaf, alphabet, index, len(shape))
        cells.append(cell)
        unknown.extend(found)
    return WrittenResult(shape, tuple(cells), form, tuple(unknown))


def split_cells(text: str) -> tuple[list, str]:
    r"""Split a written result into nested lists of entry texts, and name the form found.

    >>> split_cells(r"\[ O = \begin{bmatrix} a & b \\ c & d \end{bmatrix} \]")
    ([['a', 'b'], ['c', 'd']], 'LaTeX bmatrix')
    >>> split_cells("[x1*w2, x1*w3 + x2*w1]")
    (['x1*w2', 'x1*w3 + x2*w1'], 'list')
    """
    text = _strip_comments(text).strip()
    if not text:
        raise SymconvError(PARAMETER, "is empty: write the result as a matrix, vector or list")
    if max(depths(text)) > MAX_DEPTH:
        raise SymconvError(PARAMETER, f"is nested more than {MAX_DEPTH} brackets deep")
    data = json_cells(text)
    if data is not None:
        return data, "JSON"
    text = strip_math(text).strip()
    text = _strip_assignment(text).strip().rstrip(".,;").strip()
    latex = latex_cells(text)
    if latex is not None:
        return latex
    listed = list_cells(text)
    if listed is not None:
        return listed, "list"
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise SymconvError(PARAMETER, "is empty: write the result as a matrix, vector or list")
    separator = "," if "," in text or "\t" not in text else "\t"
    rows = [split_top(line.strip(), separator) for line in lines]
    if len(rows) == 1:
        return rows[0], "plain"
    return rows, "plain rows"


def _strip_comments(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if line.strip().startswith("```"):
            continue
        lines.append(re.sub(r"(?<!\\)%.*", "", line))
    return "\n".join(lines)


def _strip_assignment(text: str) -> str:
    match = _ASSIGNMENT.match(text[:80])
    if match and "\\begin" not in match.group(0) and len(match.group(0)) <= 60:
        return text[match.end() :]
    return text


def _rectangular(nested: object) -> tuple[tuple[int, ...], list]:
    if not isinstance(nested, (list, tuple)):
        return (1,), [nested]
    if not nested:
        raise SymconvError(PARAMETER, "is an empty list")
    if all(isinstance(item, (list, tuple)) for item in nested):
        parts = [_rectangular(item) for item in nested]
        first = parts[0][0]
        for number, (shape, _) in enumerate(parts[1:], start=2):
            if shape != first:
                raise SymconvError(
                    PARAMETER,
                    f"row {number} has shape {axes_words(shape, 'x')} "
                    f"but row 1 has {axes_words(first, 'x')}",
                )
        return (len(nested), *first), [leaf for _, leaves in parts for leaf in leaves]
    if any(isinstance(item, (list, tuple)) for item in nested):
        raise SymconvError(PARAMETER, "mixes lists and entries in one row")
    return (len(nested),), list(nested)


def _read_leaf(leaf: object, alphabet: Alphabet, index, rank) -> tuple[WrittenCell, list]:
    where = position_words(index, rank)
    if isinstance(leaf, str):
        text = " ".join(leaf.split())
        if not text:
            return WrittenCell("", sympy.S.Zero, "0"), []
        value, latex, unknown = read_expression(text, alphabet, where)
        return WrittenCell(text, value, latex), [replace(u, index=index) for u in unknown]
    if isinstance(leaf, float) and math.isfinite(leaf):
        value = sympy.Rational(str(leaf))
        return WrittenCell(str(leaf), value, expr_latex(value)), []
    if isinstance(leaf, bool) or not isinstance(leaf, (int, sympy.Expr)):
        raise SymconvError(PARAMETER, f"{where}: entries must be text, numbers or SymPy", leaf)
    value = sympy.sympify(leaf)
    unknown = []
    for symbol in sorted(value.free_symbols, key=lambda s: s.name):
        if symbol not in alphabet.roles:
            check_symbol_name(PARAMETER, symbol.name)
            stem, subscript = split_name(symbol.name)
            unknown.append(UnknownSymbol(symbol.name, symbol.name, stem, subscript, index, 0))
    return WrittenCell(str(value), value, expr_latex(value)), unknown
