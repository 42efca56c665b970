r"""Sentences that name symbols, as LaTeX: the symbols typeset as mathematics, the rest escaped.

A checker's message or fix says ``w_1``, ``w_ij``, ``O_full`` or ``C^T`` in plain text;
in LaTeX those become ``$w_{1}$``, ``$w_{ij}$``, ``$O_{\text{full}}$`` and
``$C^{\mathsf T}$``, written as every other output writes them. Only names of that
exact form are recognised (one letter, then digits, one or two lowercase letters, or a
word such as ``full``); everything else goes through
:func:`~symconv.notation.tex_text.tex_escape` or
:func:`~symconv.notation.tex_text.text_latex`, so no text can inject TeX.

>>> print(prose_latex("paint each block with the kernel as given, w_1 first"))
paint each block with the kernel as given, $w_{1}$ first
>>> print(prose_latex(r"name it O_full or C^T, not \input{x}"))
name it $O_{\text{full}}$ or $C^{\mathsf T}$, not \textbackslash{}input\{x\}
"""

from __future__ import annotations

import re

import sympy

from symconv.notation.expressions import symbol_latex
from symconv.notation.statements import TRANSPOSE
from symconv.notation.tex_text import tex_escape, text_latex

#: The named subscripts written upright, as ``O_{\text{full}}`` is.
_WORD_INDICES = ("full", "flip", "begin", "end")
_SYMBOL = re.compile(
    r"(?<![A-Za-z0-9_\\^])"
    r"(?:(?P<matrix>[A-Za-z])\^T"
    rf"|(?P<named>[A-Za-z])_(?P<word>{'|'.join(_WORD_INDICES)})"
    r"|(?P<letter>[A-Za-z])_(?P<index>[0-9]+|[a-z]{1,2}))"
    r"(?![A-Za-z0-9_^])"
)


def _symbol_math(match: re.Match) -> str:
    r"""The mathematics of one symbol name :data:`_SYMBOL` matched: ``w_1`` is ``w_{1}``.

    >>> _symbol_math(_SYMBOL.search("C^T")), _symbol_math(_SYMBOL.search("w_ij"))
    ('C^{\\mathsf T}', 'w_{ij}')
    """
    if match["matrix"]:
        return match["matrix"] + TRANSPOSE
    if match["named"]:
        return match["named"] + subscript_latex(match["word"])
    if match["index"].isdigit():
        return symbol_latex(sympy.Symbol(match["letter"] + match["index"]))
    return match["letter"] + subscript_latex(match["index"])


def subscript_latex(index: str) -> str:
    r"""A subscript as LaTeX: a word upright, as in ``O_{\text{full}}``; letters (``ij``) and
    numbers as they are.

    >>> subscript_latex("full"), subscript_latex("ij"), subscript_latex("1")
    ('_{\\text{full}}', '_{ij}', '_{1}')
    """
    return rf"_{{\text{{{index}}}}}" if len(index) > 2 and index.isalpha() else f"_{{{index}}}"


def prose_latex(text: str) -> str:
    """A sentence as LaTeX text: its symbol names as ``$...$`` mathematics, the rest escaped.

    >>> print(prose_latex("w_ij is row i, column j; 50% of output_padding"))
    $w_{ij}$ is row i, column j; 50\\% of output\\_padding
    """
    return _joined(text, tex_escape, lambda math: f"${math}$")


def prose_math(text: str) -> str:
    r"""A sentence inside mathematics: its symbol names as they are, the rest as ``\text``.

    >>> print(prose_math("w_1 first"))
    w_{1}\text{ first}
    """
    return _joined(text, text_latex, lambda math: math)


def _joined(text: str, words, symbol) -> str:
    parts, start = [], 0
    for match in _SYMBOL.finditer(text):
        parts.append(words(text[start : match.start()]) if match.start() > start else "")
        parts.append(symbol(_symbol_math(match)))
        start = match.end()
    parts.append(words(text[start:]) if start < len(text) else "")
    return "".join(parts)
