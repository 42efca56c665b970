r"""symconv's LaTeX as presentation MathML, which browsers lay out with no script or font to load.

The notation (:mod:`symconv.notation`) writes every formula as LaTeX; this reads the part
of LaTeX it writes (symbols with subscripts, sums, matrices and arrays, fences,
fractions, ``\text``, the statements' ``\langle``, ``\partial``, ``\operatorname``) and
writes MathML Core. A command outside that part is shown as an ``merror`` naming it,
never dropped silently.

>>> print(mathml("a w_{22}", display=False))
<math><mi>a</mi><msub><mi>w</mi><mn>22</mn></msub></math>
>>> "<mtable" in mathml(r"\begin{pmatrix} a & b \end{pmatrix}")
True
"""

from __future__ import annotations

import html
import re

_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[0-9]+(?:\.[0-9]+)?|\s+|.", re.DOTALL)

_GREEK = (
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu"
    " xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega"
)
_GREEK_LETTERS = dict(
    zip(
        _GREEK.split(),
        "αβγδϵεζηθϑικλμνξπϖρϱσςτυϕφχψω",
    )
)
_CAPITAL_GREEK = {
    "Gamma": "Γ",
    "Delta": "Δ",
    "Theta": "Θ",
    "Lambda": "Λ",
    "Xi": "Ξ",
    "Pi": "Π",
    "Sigma": "Σ",
    "Upsilon": "Υ",
    "Phi": "Φ",
    "Psi": "Ψ",
    "Omega": "Ω",
}
#: Commands written as an operator (``<mo>``), and below as an identifier (``<mi>``).
OPERATORS = {
    "cdot": "·",
    "times": "×",
    "cdots": "⋯",
    "ldots": "…",
    "dots": "…",
    "vdots": "⋮",
    "ddots": "⋱",
    "langle": "⟨",
    "rangle": "⟩",
    "pm": "±",
    "mp": "∓",
    "leq": "≤",
    "le": "≤",
    "geq": "≥",
    "ge": "≥",
    "neq": "≠",
    "ne": "≠",
    "approx": "≈",
    "to": "→",
    "rightarrow": "→",
    "leftarrow": "←",
    "sum": "∑",
    "prod": "∏",
    "in": "∈",
    "equiv": "≡",
    "backslash": "\\",
    "sim": "∼",
    "lfloor": "⌊",
    "rfloor": "⌋",
    "lceil": "⌈",
    "rceil": "⌉",
}
IDENTIFIERS = {"partial": "∂", "infty": "∞", "ell": "ℓ", **_GREEK_LETTERS, **_CAPITAL_GREEK}
# Named functions SymPy writes as \sin, \exp, ...: upright identifiers.
_FUNCTIONS = {"sin", "cos", "tan", "exp", "log", "ln", "max", "min", "sinh", "cosh", "tanh"}
_SPACES = {
    " ": "0.25em",
    ",": "0.17em",
    ";": "0.28em",
    ":": "0.22em",
    "quad": "1em",
    "qquad": "2em",
    "!": "0em",
}
_ESCAPED = set("{}_$&%#")
_ACCENTS = {"tilde": "~", "hat": "^", "bar": "¯", "vec": "→"}
_FENCES = {"pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "vmatrix": ("|", "|"), "matrix": ("", "")}
_IGNORED = {"displaystyle", "textstyle", "limits", "nolimits", "noalign", "vskip"}
_SANS_SERIF = {chr(c): chr(0x1D5A0 + c - ord("A")) for c in range(ord("A"), ord("Z") + 1)}
_SANS_SERIF.update({chr(c): chr(0x1D5BA + c - ord("a")) for c in range(ord("a"), ord("z") + 1)})


def mathml(latex: str, display: bool = True) -> str:
    r"""The LaTeX formula ``latex`` as a ``<math>`` element (a display block by default).

    >>> print(mathml(r"\langle C u, v \rangle", display=False))
    <math><mo>⟨</mo><mi>C</mi><mi>u</mi><mo separator="true">,</mo><mi>v</mi><mo>⟩</mo></math>
    >>> print(mathml(r"\frac{1}{2} \text{x<y}", display=False))
    <math><mfrac><mn>1</mn><mn>2</mn></mfrac><mtext>x&lt;y</mtext></math>
    """
    body = _Reader(latex).read_all()
    attribute = ' display="block"' if display else ""
    return f"<math{attribute}>{body}</math>"


class _Reader:
    """A recursive-descent reader over the tokens of one formula."""

    def __init__(self, latex: str):
        self.tokens = [t for t in _TOKEN.findall(latex)]
        self.at = 0

    def peek(self, skip_space: bool = True) -> str | None:
        while skip_space and self.at < len(self.tokens) and self.tokens[self.at].isspace():
            self.at += 1
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        self.at += 1
        return token

    def read_all(self) -> str:
        parts, stop = self.sequence(())
        while stop is not None:  # a stray & or \\ outside an environment: shown as it is
            self.take()
            more, stop = self.sequence(())
            parts += [_mo("&" if stop == "&" else "")] + more
        return "".join(parts)

    def sequence(self, stops: tuple[str, ...]) -> tuple[list[str], str | None]:
        """Nodes up to one of ``stops`` (not consumed) or the end."""
        parts: list[str] = []
        while True:
            token = self.peek()
            if token is None or token in stops:
                return parts, token
            if token in ("^", "_"):
                base = parts.pop() if parts else "<mrow></mrow>"
                parts.append(self.scripts(base))
                continue
            node = self.atom()
            if node:
                parts.append(node)

    def scripts(self, base: str) -> str:
        sub = sup = None
        while self.peek() in ("^", "_"):
            kind = self.take()
            argument = self.argument()
            if kind == "_":
                sub = argument
            else:
                sup = argument
        if sub is not None and sup is not None:
            return f"<msubsup>{base}{sub}{sup}</msubsup>"
        if sub is not None:
            return f"<msub>{base}{sub}</msub>"
        return f"<msup>{base}{sup}</msup>"

    def argument(self) -> str:
        """One argument: a braced group as one row, or a single token."""
        if self.peek() == "{":
            return _row(self.group())
        node = self.atom()
        return node or "<mrow></mrow>"

    def group(self) -> list[str]:
        self.take()  # {
        parts, stop = self.sequence(("}",))
        if stop == "}":
            self.take()
        return parts

    def raw_group(self) -> str:
        """A braced argument's text as written (for \\text and environment names)."""
        if self.peek() != "{":
            return self.take() or ""
        self.take()
        depth, text = 1, []
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            self.at += 1
            if token == "{":
                depth += 1
            elif token == "}":
                depth -= 1
                if depth == 0:
                    break
            text.append(token)
        return "".join(text)

    def atom(self) -> str:
        token = self.take()
        if token == "{":
            self.at -= 1
            return _row(self.group())
        if token.startswith("\\"):
            return self.command(token[1:])
        if token[0].isdigit():
            return f"<mn>{token}</mn>"
        if token.isalpha():
            return f"<mi>{html.escape(token)}</mi>"
        if token == ",":
            return '<mo separator="true">,</mo>'
        if token == "'":
            return "<mo>′</mo>"
        if token == "~":
            return '<mspace width="0.25em"></mspace>'
        if token == "}":
            return ""
        return _mo(token)

    def command(self, name: str) -> str:
        if name in IDENTIFIERS:
            return f"<mi>{IDENTIFIERS[name]}</mi>"
        if name in OPERATORS:
            return _mo(OPERATORS[name])
        if name in _SPACES:
            return f'<mspace width="{_SPACES[name]}"></mspace>'
        if name in _ESCAPED:
            return _mo(name)
        if name in _FUNCTIONS:
            return f'<mi mathvariant="normal">{name}</mi>'
        if name in _IGNORED:
            if name == "noalign":
                self.raw_group()
            if name == "vskip":
                while self.peek() not in (None, "\\\\", "&", "}") and not self.peek().startswith(
                    "\\"
                ):
                    self.take()
            return ""
        if name in ("text", "mathrm", "textrm", "operatorname", "mbox"):
            text = self.raw_group()
            if name == "operatorname":
                return f'<mi mathvariant="normal">{html.escape(text)}</mi>'
            if name == "mathrm" and len(text) == 1:
                return f'<mi mathvariant="normal">{html.escape(text)}</mi>'
            return f"<mtext>{html.escape(text)}</mtext>"
        if name == "mathsf":
            text = self.raw_group().strip()
            return f"<mi>{''.join(_SANS_SERIF.get(c, c) for c in text)}</mi>"
        if name in ("mathbf", "boldsymbol", "textbf"):
            return f'<mrow style="font-weight:bold">{self.argument()}</mrow>'
        if name == "frac":
            return f"<mfrac>{self.argument()}{self.argument()}</mfrac>"
        if name == "sqrt":
            if self.peek() == "[":
                self.take()
                index, _ = self.sequence(("]",))
                self.take()
                return f"<mroot>{self.argument()}{_row(index)}</mroot>"
            return f"<msqrt>{self.argument()}</msqrt>"
        if name in _ACCENTS:
            return f'<mover accent="true">{self.argument()}<mo>{_ACCENTS[name]}</mo></mover>'
        if name in ("symconvfit", "ensuremath", "centerline", "hbox"):
            return self.argument()
        if name in ("symconvsame", "symconvpad"):  # TeX's room for a wider cell: show the cell
            self.argument()
            return self.argument()
        if name == "left":
            return self.fenced()
        if name == "right":  # unmatched: its delimiter alone
            return _mo(self.delimiter())
        if name == "begin":
            return self.environment(self.raw_group())
        return f"<merror><mtext>\\{html.escape(name)}</mtext></merror>"

    def delimiter(self) -> str:
        token = self.take() or "."
        if token.startswith("\\"):
            name = token[1:]
            return OPERATORS.get(name, "{" if name == "{" else "}" if name == "}" else name)
        return "" if token == "." else token

    def fenced(self) -> str:
        opening = self.delimiter()
        parts, stop = self.sequence(("\\right",))
        closing = ""
        if stop == "\\right":
            self.take()
            closing = self.delimiter()
        return _fence(opening, _row(parts), closing)

    def environment(self, name: str) -> str:
        align = None
        if name == "array":
            spec = re.sub(r"@\{[^}]*\}|\|", "", self.raw_group())
            align = ["left" if c == "l" else "right" if c == "r" else "center" for c in spec]
        elif name in ("aligned", "align*", "align"):
            align = ["right", "left"] * 8
        rows: list[list[str]] = []
        cells: list[str] = []
        while True:
            parts, stop = self.sequence(("&", "\\\\", "\\end"))
            cells.append(_row(parts))
            if stop == "&":
                self.take()
                continue
            rows.append(cells)
            cells = []
            if stop == "\\\\":
                self.take()
                continue
            if stop == "\\end":
                self.take()
                self.raw_group()
            break
        table = _table(rows, align)
        opening, closing = _FENCES.get(name, ("", ""))
        return _fence(opening, table, closing) if opening else table


def _mo(text: str) -> str:
    if text in ("(", ")", "[", "]", "|"):  # "s(I - 1)": a stretchy glyph brings its own gaps
        return f'<mo stretchy="false">{text}</mo>'
    return f"<mo>{html.escape('−' if text == '-' else text)}</mo>"


def _row(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return "<mrow>" + "".join(parts) + "</mrow>"


def _fence(opening: str, inner: str, closing: str) -> str:
    left = f'<mo fence="true">{html.escape(opening)}</mo>' if opening else ""
    right = f'<mo fence="true">{html.escape(closing)}</mo>' if closing else ""
    return f"<mrow>{left}{inner}{right}</mrow>"


def _table(rows: list[list[str]], align: list[str] | None) -> str:
    if rows and rows[-1] == ["<mrow></mrow>"] and len(rows) > 1:  # a trailing \\
        rows = rows[:-1]
    written = []
    for row in rows:
        cells = []
        for k, cell in enumerate(row):
            style = ""
            if align and k < len(align) and align[k] != "center":
                style = f' style="text-align:{align[k]}"'
            cells.append(f"<mtd{style}>{cell}</mtd>")
        written.append("<mtr>" + "".join(cells) + "</mtr>")
    return "<mtable>" + "".join(written) + "</mtable>"
