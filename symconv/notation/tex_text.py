r"""User text made safe for TeX: it typesets those very characters and runs no command.

Titles go through :func:`tex_escape` (text mode), check names and details through
:func:`text_latex` (inside mathematics), and symbol names, which SymPy prints as they
are, through :func:`check_symbols`.

>>> tex_escape(r"50% of $x_1$")
'50\\% of \\$x\\_1\\$'
>>> text_latex("50% of $x_1$")
'\\text{50}\\%\\text{ of }\\$\\text{x}\\_\\text{1}\\$'
"""

from __future__ import annotations

import re
import unicodedata

from symconv.errors import SymconvError
from symconv.notation.expressions import check_names

_TEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "&": r"\&",
    "~": r"\textasciitilde{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
}
# Non-ASCII characters pdflatex typesets with the templates' default fonts (checked one
# by one), and symbols people type in titles, written as math.
_TYPESET = set(
    "¡¢£¤¥¦§¨©ª¬®¯°±²³´µ¶·¸¹º¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖ×ØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõö÷øùúûüýÿĀāĂăĆćĈĉĊċČčĎďĒēĔĕĖėĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭİıĲĳĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŴŵŶŷŸŹźŻżŽž"
)
_GREEK = (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi o pi rho varsigma"
    " sigma tau upsilon phi chi psi omega"
)
_UNICODE_MATH = {
    "≥": r"\ensuremath{\geq}",
    "≤": r"\ensuremath{\leq}",
    "≠": r"\ensuremath{\neq}",
    "≈": r"\ensuremath{\approx}",
    "→": r"\ensuremath{\to}",
    "←": r"\ensuremath{\leftarrow}",
    "∞": r"\ensuremath{\infty}",
    "−": r"\ensuremath{-}",
    "⋅": r"\ensuremath{\cdot}",
    "…": r"\ldots{}",
    "–": "--",
    "—": "---",
    "‘": "`",
    "’": "'",
    "“": "``",
    "”": "''",
    **{
        chr(0x3B1 + n): rf"\ensuremath{{\{name}}}"
        for n, name in enumerate(_GREEK.split())
        if name != "o"
    },
}


def tex_escape(text: object, parameter: str = "text") -> str:
    r"""User text as TeX that typesets those very characters and runs no command.

    Control characters (a newline would end a paragraph inside ``\title``) are refused,
    naming ``parameter``.

    >>> print(tex_escape(r"\input{/etc/passwd} ^^5c ~"))
    \textbackslash{}input\{/etc/passwd\} \textasciicircum{}\textasciicircum{}5c \textasciitilde{}
    >>> print(tex_escape("Stride ≥ 2 → Übergang, α"))
    Stride \ensuremath{\geq} 2 \ensuremath{\to} Übergang, \ensuremath{\alpha}
    """
    if not isinstance(text, str):
        raise SymconvError(parameter, "must be a string", text)
    for char in text:
        if unicodedata.category(char).startswith("C"):
            raise SymconvError(parameter, "must not contain control characters", text)
        if not char.isascii() and char not in _TYPESET and char not in _UNICODE_MATH:
            raise SymconvError(
                parameter, f"character {char!r} cannot be typeset by pdflatex here", text
            )
    return "".join(_TEX_SPECIALS.get(char) or _UNICODE_MATH.get(char, char) for char in text)


_TEX_SPECIAL = re.compile(
    "|".join(re.escape(tex) for tex in sorted(_TEX_SPECIALS.values(), key=len, reverse=True))
)
_PLAIN_FOR = {tex: char for char, tex in _TEX_SPECIALS.items()}


def tex_unescape(tex: str) -> str:
    r"""The text :func:`tex_escape` wrote ``tex`` from, for its ASCII characters.

    A TeX command it does not write is refused, so no TeX reaches the text.

    >>> tex_unescape(tex_escape("conv_transpose(x, {1: 2}, ~)"))
    'conv_transpose(x, {1: 2}, ~)'
    """
    if re.search(r"[\\{}]", _TEX_SPECIAL.sub("", tex)):
        raise SymconvError("text", "holds TeX beyond what tex_escape writes", tex)
    return _TEX_SPECIAL.sub(lambda match: _PLAIN_FOR[match.group(0)], tex)


_TEXT_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ()[],.:;=+-*/!?'@")
_MATH_FOR = {
    "_": r"\_",
    "^": r"\hat{}",
    "<": "<",
    ">": ">",
    "|": "|",
    "{": r"\{",
    "}": r"\}",
    "\\": r"\backslash",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "%": r"\%",
    "~": r"\sim",
}


def text_latex(text: str) -> str:
    r"""Plain text inside mathematics, safe in LaTeX and MathJax alike.

    Runs of ordinary characters go in ``\text{...}``; special characters are written
    as mathematics between them, so no text can inject TeX.

    >>> text_latex("zero_insertion <C u, v>")
    '\\text{zero}\\_\\text{insertion }<\\text{C u, v}>'
    """
    parts, run = [], ""
    for char in text:
        if char in _TEXT_SAFE:
            run += char
            continue
        if run:
            parts.append(rf"\text{{{run}}}")
            run = ""
        parts.append(_MATH_FOR.get(char, r"\text{?}"))
    if run:
        parts.append(rf"\text{{{run}}}")
    return "".join(parts)


def check_symbols(derivation) -> None:
    """Refuse input or kernel symbols whose names are not plain identifiers.

    ``derivation`` is anything with ``input_elements`` and ``kernel_elements``.

    SymPy prints a symbol's name as it is, so a name like ``\\input{...}`` would be TeX.

    >>> from sympy import Symbol
    >>> from symconv.engine.derivation import derive
    >>> check_symbols(derive([Symbol("x_1"), Symbol("alpha")], ["w1"]))
    >>> try:
    ...     check_symbols(derive([Symbol("x}")], ["w1"]))
    ... except SymconvError as error:
    ...     print(error.parameter, error.value)
    input x}
    """
    for part, values in (
        ("input", derivation.input_elements),
        ("kernel", derivation.kernel_elements),
    ):
        for value in values:
            check_names(value, part)
