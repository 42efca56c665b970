r"""Splitting one written entry into tokens, its names read by the configuration's alphabet.

Names are matched longest stem first, so ``aw_{11}`` is ``a`` then ``w11``; a name
outside the alphabet becomes an unknown symbol, reported and never guessed. LaTeX
spacing and ``\left``/``\right`` are skipped, ``\cdot`` and ``\times`` are products, and
so are the Unicode ``×``, ``·`` and ``⋅``; Unicode sub- and superscript digits (``w₁₂``,
``x²``) are read as ``w_{12}`` and ``x^{2}``.

>>> from symconv.engine.presets import preset
>>> found, unknown = tokens(r"aw_{11} \cdot 2k_1", Alphabet.of(preset("example-2d-s1")), "entry")
>>> [(t.kind, t.value) for t in found]
[('sym', a), ('sym', w11), ('op', '*'), ('num', 2), ('sym', k1)]
>>> [(u.name, u.written, u.offset) for u in unknown]
[('k1', 'k_1', 15)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy

from symconv.checker.read.alphabet import Alphabet
from symconv.checker.read.written import PARAMETER, UnknownSymbol
from symconv.errors import SymconvError
from symconv.notation.expressions import symbol_latex

_GREEK = set(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu "
    "nu xi pi rho sigma tau upsilon phi varphi chi psi omega".split()
)
_SKIPPED = set(
    "left right big Big bigl bigr Bigl Bigr displaystyle textstyle quad qquad nonumber".split()
)
_TIMES = {"cdot", "times", "ast"}
_FRACTIONS = {"frac", "dfrac", "tfrac"}
_WRAPPERS = re.compile(
    r"\\(?:mathrm|mathit|mathbf|mathsf|boldsymbol|bm|text|textrm|operatorname)\s*\{([^{}]*)\}"
)
_SPACES = re.compile(r"\\[,;:! ]|~")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_DIGITS = re.compile(r"[0-9]+")
_COMMAND = re.compile(r"\\([A-Za-z]+)")
_SUBSCRIPT = re.compile(r"\s*_\s*(?:\{\s*([0-9\s,]*?)\s*\}|([0-9]+))")
_UNICODE_OPERATORS = str.maketrans({"×": "*", "·": "*", "⋅": "*", "∗": "*", "−": "-"})
_LOWERED = re.compile("[₀-₉]+")
_RAISED = re.compile("[⁰¹²³⁴-⁹]+")
_DIGIT_OF = {
    **{chr(0x2080 + n): str(n) for n in range(10)},
    "⁰": "0",
    "¹": "1",
    "²": "2",
    "³": "3",
    **{chr(0x2070 + n): str(n) for n in range(4, 10)},
}


def plain_text(text: str) -> str:
    """``text`` with Unicode operators and sub- and superscript digits written in ASCII.

    >>> plain_text("a×w₁₁ + b·w₁₂ − c⋅x²")
    'a*w_{11} + b*w_{12} - c*x^{2}'
    """
    text = text.translate(_UNICODE_OPERATORS)
    digits = lambda m: "".join(_DIGIT_OF[c] for c in m.group(0))  # noqa: E731
    text = _LOWERED.sub(lambda m: "_{" + digits(m) + "}", text)
    return _RAISED.sub(lambda m: "^{" + digits(m) + "}", text)


@dataclass(frozen=True)
class Token:
    """One token of an entry: its kind, value, offset in the text, and LaTeX for a symbol."""

    kind: str  # num, sym, op, open, close, frac
    value: object
    offset: int
    latex: str = ""


def entry_error(where: str, message: str, offset: int, text: str) -> SymconvError:
    """The error for an unreadable entry, naming the entry and the character (from 1)."""
    return SymconvError(PARAMETER, f"{where}: {message} at character {offset + 1}", text)


def tokens(text: str, alphabet: Alphabet, where: str) -> tuple[list[Token], list[UnknownSymbol]]:
    """The tokens of the entry ``text``, and the unknown names in it (``where`` names the entry)."""
    original = text
    text = _WRAPPERS.sub(_unwrapped, plain_text(text))
    text = _SPACES.sub(lambda m: " " * len(m.group(0)), text)
    found: list[Token] = []
    unknown: list[UnknownSymbol] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch == "\\":
            match = _COMMAND.match(text, i)
            if not match:
                raise entry_error(where, f"cannot read {text[i : i + 2]!r}", i, original)
            word, end = match.group(1), match.end()
            if word in _SKIPPED:
                pass
            elif word in _TIMES:
                found.append(Token("op", "*", i))
            elif word in _FRACTIONS:
                found.append(Token("frac", word, i))
            elif word in alphabet.stems or word in _GREEK:
                end = _name(text, i, end, word, alphabet, found, unknown, where)
            else:
                raise entry_error(where, f"\\{word} is not supported", i, original)
            i = end
        elif ch.isascii() and ch.isalpha():
            stem = alphabet.stem_at(text, i)
            end = i + len(stem) if stem else i + 1
            if stem is None:
                while (
                    end < len(text)
                    and text[end].isascii()
                    and text[end].isalpha()
                    and not alphabet.stem_at(text, end)
                ):
                    end += 1
                stem = text[i:end]
            i = _name(text, i, end, stem, alphabet, found, unknown, where)
        elif _NUMBER.match(text, i):
            match = _NUMBER.match(text, i)
            found.append(Token("num", sympy.Rational(match.group(0)), i))
            i = match.end()
        elif text.startswith("**", i):
            found.append(Token("op", "^", i))
            i += 2
        elif ch in "+-*/^":
            found.append(Token("op", ch, i))
            i += 1
        elif ch in "([{":
            found.append(Token("open", ch, i))
            i += 1
        elif ch in ")]}":
            found.append(Token("close", ch, i))
            i += 1
        elif ch == "_":
            raise entry_error(
                where, "cannot read this subscript (write digits: w_{12}, w_{1,2})", i, original
            )
        else:
            raise entry_error(where, f"cannot read {ch!r}", i, original)
    return found, unknown


def _unwrapped(match: re.Match) -> str:
    """A wrapper such as ``mathrm{w}`` replaced by its content, padded to keep offsets."""
    inner = match.group(1)
    return " " + inner + " " * (len(match.group(0)) - len(inner) - 1)


def _name(text, start, end, stem, alphabet, found, unknown, where) -> int:
    """Read the subscript after ``stem`` and add the symbol (known or not); return the end."""
    digits, numbers, end = _subscript(text, end)
    if numbers is not None:
        symbol = alphabet.resolve(stem, numbers)
    else:
        symbol = alphabet.resolve(stem, digits)
        if symbol is None and alphabet.ambiguous(stem, digits):
            raise entry_error(
                where,
                f"{text[start:end].strip()} is ambiguous here: write its "
                "indices apart, like w_{1,11}",
                start,
                text,
            )
    if symbol is None:
        if numbers is not None:
            name = stem + "".join(f"_{n}" for n in numbers)
            subscript = numbers
        else:
            name = stem + digits
            subscript = tuple(int(ch) for ch in digits)
        unknown.append(UnknownSymbol(name, text[start:end].strip(), stem, subscript, (), start))
        symbol = sympy.Symbol(name)
    found.append(Token("sym", symbol, start, symbol_latex(symbol)))
    return end


def _subscript(text: str, i: int) -> tuple[str, tuple[int, ...] | None, int]:
    """Digits after a name (``w11``, ``w_{11}``), or numbers (``w_{1,10}``, ``w_1_10``)."""
    direct = _DIGITS.match(text, i)
    if direct:
        return direct.group(0), None, direct.end()
    groups = []
    while True:
        match = _SUBSCRIPT.match(text, i)
        if not match:
            break
        groups.append(match.group(1) if match.group(1) is not None else match.group(2))
        i = match.end()
    if not groups:
        return "", None, i
    parts = [p for g in groups for p in re.split(r"[\s,]+", g) if p]
    if len(groups) == 1 and len(parts) == 1:
        return parts[0], None, i
    return "".join(parts), tuple(int(p) for p in parts), i
