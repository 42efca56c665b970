r"""Reading one written entry into an exact SymPy value and its LaTeX, terms as written.

The entry's tokens (see :mod:`symconv.checker.read.tokens`) go through a small recursive-descent
parser: sums, products (written or implied), ``/``, ``^`` or ``**`` with whole exponents
up to 10, brackets and ``\\frac``. Numbers stay exact.

>>> from symconv.checker.read.alphabet import Alphabet
>>> alphabet = Alphabet(sympy.symbols("x1 x2"), sympy.symbols("w1 w2 w3"))
>>> value, latex, unknown = read_expression(r"x_1 \cdot w_3 + 2x2w1", alphabet)
>>> value, latex, unknown
(2*w1*x2 + w3*x1, 'x_{1} w_{3} + 2 x_{2} w_{1}', [])
>>> read_expression(r"\frac{1}{2}(x1 - x2)^2", alphabet)[:2]
((x1 - x2)**2/2, '\\frac{1}{2} \\left(x_{1} - x_{2}\\right)^{2}')
"""

from __future__ import annotations

import sympy

from symconv.checker.read.alphabet import Alphabet
from symconv.checker.read.brackets import MAX_DEPTH, OPENERS
from symconv.checker.read.tokens import Token, entry_error, tokens
from symconv.core.construction import product, total
from symconv.notation.expressions import expr_latex


def read_expression(text: str, alphabet: Alphabet, where: str = "entry"):
    r"""Read one entry: its value, its LaTeX in written order, and the unknown names found.

    >>> alphabet = Alphabet(sympy.symbols("a,"), sympy.symbols("w11,"))
    >>> value, latex, unknown = read_expression("aw_{11} - k", alphabet)
    >>> value, latex, [(u.name, u.offset) for u in unknown]
    (a*w11 - k, 'a w_{11} - k', [('k', 10)])
    """
    found, unknown = tokens(text, alphabet, where)
    value, latex = _Parser(found, text, where).parse()
    return value, latex, unknown


class _Parser:
    """expr := ['+'|'-'] term (('+'|'-') term)*; term := power (['*'|'/'] power)*."""

    def __init__(self, tokens: list[Token], text: str, where: str):
        self.tokens, self.text, self.where, self.i = tokens, text, where, 0
        self.depth = 0

    def parse(self) -> tuple[sympy.Expr, str]:
        if not self.tokens:
            return sympy.S.Zero, "0"
        value, latex = self.expression()
        if self.i < len(self.tokens):
            self.fail(f"unexpected {self.describe(self.tokens[self.i])}")
        return value, latex

    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def fail(self, message: str):
        token = self.peek()
        offset = token.offset if token else len(self.text)
        raise entry_error(self.where, message, offset, self.text)

    def describe(self, token: Token) -> str:
        return f"{self.text[token.offset : token.offset + 1]!r}"

    def expression(self) -> tuple[sympy.Expr, str]:
        token = self.peek()
        sign = ""
        if token and token.kind == "op" and token.value in "+-":
            sign = token.value
            self.i += 1
        value, latex = self.term()
        if sign == "-":
            value, latex = -value, "-" + latex
        values, parts = [value], [latex]
        while (token := self.peek()) and token.kind == "op" and token.value in "+-":
            self.i += 1
            right, right_latex = self.term()
            values.append(right if token.value == "+" else -right)
            parts.append(f"{token.value} {right_latex}")
        return total(values), " ".join(parts)

    def term(self) -> tuple[sympy.Expr, str]:
        value, latex = self.power()
        values, parts = [value], [latex]
        while (token := self.peek()) is not None:
            if token.kind == "op" and token.value in "*/":
                self.i += 1
                right, right_latex = self.power()
                if token.value == "*":
                    values.append(right)
                    parts.append(right_latex)
                elif right == 0:
                    self.fail("division by zero")
                else:
                    values.append(1 / right)
                    parts.append(f"/ {right_latex}")
            elif token.kind in ("num", "sym", "open", "frac"):
                right, right_latex = self.power()
                values.append(right)
                parts.append(right_latex)
            else:
                break
        if len(values) == 2:
            return product(*values), " ".join(parts)
        return sympy.Mul(*values), " ".join(parts)

    def power(self) -> tuple[sympy.Expr, str]:
        base, latex = self.unary()
        token = self.peek()
        if token and token.kind == "op" and token.value == "^":
            self.i += 1
            exponent, exponent_latex = self.unary()
            if not (exponent.is_Integer and 0 <= exponent <= 10):
                self.fail("exponents must be whole numbers from 0 to 10")
            return base**exponent, f"{latex}^{{{exponent_latex}}}"
        return base, latex

    def unary(self) -> tuple[sympy.Expr, str]:
        sign = 1
        while (token := self.peek()) and token.kind == "op" and token.value in "+-":
            self.i += 1
            sign = -sign if token.value == "-" else sign
        value, latex = self.atom()
        return (-value, "-" + latex) if sign < 0 else (value, latex)

    def atom(self) -> tuple[sympy.Expr, str]:
        token = self.peek()
        if token is None:
            self.fail("ends too early")
        if token.kind == "num":
            self.i += 1
            return token.value, expr_latex(token.value)
        if token.kind == "sym":
            self.i += 1
            return token.value, token.latex
        if token.kind == "frac":
            self.i += 1
            top, top_latex = self.group("{")
            bottom, bottom_latex = self.group("{")
            if bottom == 0:
                self.fail("division by zero")
            return top / bottom, rf"\frac{{{top_latex}}}{{{bottom_latex}}}"
        if token.kind == "open":
            value, latex = self.group(token.value)
            if token.value == "{":
                return value, latex
            return value, rf"\left({latex}\right)"
        self.fail(f"unexpected {self.describe(token)}")

    def group(self, opener: str) -> tuple[sympy.Expr, str]:
        token = self.peek()
        if token is None or token.kind != "open" or token.value != opener:
            self.fail(f"expected {opener!r}")
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.fail(f"is nested more than {MAX_DEPTH} deep")
        self.i += 1
        value, latex = self.expression()
        self.depth -= 1
        closing = self.peek()
        if closing is None or closing.kind != "close" or closing.value != OPENERS[opener]:
            self.fail(f"expected {OPENERS[opener]!r}")
        self.i += 1
        return value, latex
