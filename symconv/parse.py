r"""Reading a hand-written result: LaTeX matrices and vectors, Python or SymPy lists, JSON.

Names are read by the configuration's alphabet (its input and kernel symbols, longest
match first), so ``aw_{11}`` is ``a*w11`` and ``x_1w_3`` is ``x1*w3``; a name outside
the alphabet is kept as an unknown symbol and reported, never guessed.

>>> from symconv.presets import preset
>>> written = read_result(r"$$\begin{pmatrix} aw_{11} & aw_{12}+bw_{11} \end{pmatrix}$$",
...                       preset("seed-2d-s1"))
>>> written.shape, written.values
((1, 2), [a*w11, a*w12 + b*w11])
>>> read_result("[x1*w2, x_1 w_3 + x_{2} \\cdot w_{1}, x2w2]", preset("seed-1d")).values
[w2*x1, w1*x2 + w3*x1, w2*x2]
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import sympy

from symconv.errors import SymconvError
from symconv.latex import expr_latex, symbol_latex
from symconv.tensors import check_symbol_name, flat_elements

#: The parameter named in errors about the written result.
PARAMETER = "result"

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
_DELIMITERS = re.compile(
    r"\$|(?<!\\)\\[\[\]()]|\\(?:begin|end)\{(?:equation|displaymath|math)\*?\}"
)
_ASSIGNMENT = re.compile(r"\s*(?:[A-Za-z0-9_{}^' ]|\\[A-Za-z]+(?![A-Za-z]))+=(?!=)")
_ENVIRONMENT = re.compile(r"\\begin\{((?:[pbBvV]|small)?matrix\*?|array)\}")
_ROW_BREAK = re.compile(r"\\\\(?:\s*\[[^\]]*\])?")
_RULES = re.compile(r"\\(?:hline|midrule|toprule|bottomrule)|\\cline\{[^}]*\}")
_WRAPPED_LIST = re.compile(r"(?:(?:sympy|sp|np|numpy)\.)?(?:Matrix|Array|array)\((.*)\)", re.S)
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_DIGITS = re.compile(r"[0-9]+")
_COMMAND = re.compile(r"\\([A-Za-z]+)")
_SUBSCRIPT = re.compile(r"\s*_\s*(?:\{\s*([0-9\s,]*?)\s*\}|([0-9]+))")
MAX_DEPTH = 50
_KNOWN_NAME = [
    re.compile(r"([A-Za-z](?:[A-Za-z_]*[A-Za-z])?)((?:_\d+)+)"),
    re.compile(r"([A-Za-z](?:[A-Za-z_]*[A-Za-z])?)(\d+)"),
]
MAX_CELLS = 10_000


@dataclass(frozen=True)
class UnknownSymbol:
    """A name in the written result that is not a symbol of the configuration.

    ``index`` is the entry it occurs in (0-based), ``offset`` its place in that entry's text.
    """

    name: str
    written: str
    stem: str
    subscript: tuple[int, ...]
    index: tuple[int, ...]
    offset: int

    @property
    def symbol(self) -> sympy.Symbol:
        """The placeholder symbol that stands for it in the entry's value."""
        return sympy.Symbol(self.name)


@dataclass(frozen=True)
class WrittenCell:
    """One entry as written: its text, its value, and LaTeX in the writer's own term order."""

    text: str
    value: sympy.Expr
    latex: str


@dataclass(frozen=True)
class WrittenResult:
    """A hand-written result read into exact SymPy values, with its shape and unknown names.

    >>> from symconv.presets import preset
    >>> r = read_result("[[a*w11, b*w11], [c*w11, d*w11]]", preset("seed-2d-s1"))
    >>> r.shape, r.form, r.cell((1, 0)).value
    ((2, 2), 'list', c*w11)
    """

    shape: tuple[int, ...]
    cells: tuple[WrittenCell, ...]
    form: str
    unknown: tuple[UnknownSymbol, ...] = ()

    @property
    def values(self) -> list:
        """The entries' values in reading order."""
        return [c.value for c in self.cells]

    def cell(self, index: tuple[int, ...]) -> WrittenCell:
        """The entry at the 0-based ``index``."""
        flat = 0
        for i, n in zip(index, self.shape):
            flat = flat * n + i
        return self.cells[flat]

    def reshaped(self, shape: tuple[int, ...]) -> WrittenResult:
        """The same entries in reading order, seen with another shape of the same size."""
        if math.prod(shape) != len(self.cells):
            raise SymconvError(PARAMETER, f"cannot be seen as shape {shape}", self.shape)
        unknown = tuple(
            UnknownSymbol(u.name, u.written, u.stem, u.subscript, _unflat(
                _flat(u.index, self.shape), shape), u.offset)
            for u in self.unknown
        )
        return WrittenResult(tuple(shape), self.cells, self.form, unknown)


class Alphabet:
    """The names a result may use: the configuration's input and kernel symbols.

    >>> from symconv.presets import preset
    >>> alphabet = Alphabet.of(preset("seed-2d-s1"))
    >>> alphabet.stems
    ('a', 'b', 'c', 'd', 'w')
    >>> alphabet.resolve("w", "12"), alphabet.resolve("w", (2, 1)), alphabet.resolve("w", "13")
    (w12, w21, None)
    """

    def __init__(self, inputs: Sequence, kernel: Sequence):
        self.roles: dict[sympy.Symbol, str] = {}
        self._by_index: dict[tuple[str, tuple[int, ...]], sympy.Symbol] = {}
        self._by_digits: dict[tuple[str, str], list[sympy.Symbol]] = {}
        for role, values in (("input", inputs), ("kernel", kernel)):
            for value in values:
                if isinstance(value, sympy.Symbol) and value not in self.roles:
                    self.roles[value] = role
                    stem, index = split_name(value.name)
                    self._by_index.setdefault((stem, index), value)
                    digits = "".join(map(str, index))
                    self._by_digits.setdefault((stem, digits), []).append(value)
        stems = {stem for stem, _ in self._by_index}
        self.stems = tuple(sorted(stems))
        self._longest_first = tuple(sorted(stems, key=lambda s: (-len(s), s)))

    @classmethod
    def of(cls, derivation) -> Alphabet:
        """The alphabet of a :class:`~symconv.derivation.Derivation`."""
        return cls(flat_elements(derivation.input), flat_elements(derivation.kernel))

    def stem_at(self, text: str, position: int) -> str | None:
        """The longest stem that starts at ``position``, if any."""
        for stem in self._longest_first:
            if text.startswith(stem, position):
                return stem
        return None

    def resolve(self, stem: str, subscript: str | tuple[int, ...]) -> sympy.Symbol | None:
        """The symbol named by ``stem`` and a subscript (digits as written, or numbers)."""
        if isinstance(subscript, tuple):
            return self._by_index.get((stem, subscript))
        found = self._by_digits.get((stem, subscript), [])
        return found[0] if len(found) == 1 else None

    def ambiguous(self, stem: str, digits: str) -> bool:
        """True when ``digits`` run together name more than one symbol (``w_1_11``, ``w_11_1``)."""
        return len(self._by_digits.get((stem, digits), [])) > 1


def split_name(name: str) -> tuple[str, tuple[int, ...]]:
    """A symbol name's stem and index: ``w12`` is ``('w', (1, 2))``, ``w_1_10`` ``('w', (1, 10))``.

    >>> split_name("w12"), split_name("w_1_10"), split_name("a")
    (('w', (1, 2)), ('w', (1, 10)), ('a', ()))
    """
    separated = _KNOWN_NAME[0].fullmatch(name)
    if separated:
        return separated.group(1), tuple(int(p) for p in separated.group(2).split("_")[1:])
    digits = _KNOWN_NAME[1].fullmatch(name)
    if digits:
        return digits.group(1), tuple(int(ch) for ch in digits.group(2))
    return name, ()


def read_result(written: object, derivation) -> WrittenResult:
    r"""Read a hand-written result for ``derivation``'s configuration.

    ``written`` is text (a LaTeX matrix or vector, ``&``/``\\`` rows, a Python or SymPy
    list, JSON) or already-nested lists of strings, numbers or SymPy expressions.

    >>> from symconv.presets import preset
    >>> read_result('[["aw_{11}", "k_{12}"]]', preset("seed-2d-s1")).unknown[0].name
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
    for flat, leaf in enumerate(leaves):
        index = _unflat(flat, shape)
        cell, found = _read_leaf(leaf, alphabet, index, len(shape))
        cells.append(cell)
        unknown.extend(found)
    return WrittenResult(shape, tuple(cells), form, tuple(unknown))


def read_expression(text: str, alphabet: Alphabet, where: str = "entry"):
    r"""Read one entry: its value, its LaTeX in written order, and the unknown names found.

    >>> alphabet = Alphabet(sympy.symbols("x1 x2"), sympy.symbols("w1 w2 w3"))
    >>> value, latex, unknown = read_expression(r"x_1 \cdot w_3 + 2x2w1", alphabet)
    >>> value, latex, unknown
    (2*w1*x2 + w3*x1, 'x_{1} w_{3} + 2 x_{2} w_{1}', [])
    """
    tokens, unknown = _tokens(text, alphabet, where)
    value, latex = _Parser(tokens, text, where).parse()
    return value, latex, unknown


def position_words(index: tuple[int, ...], rank: int) -> str:
    """Where an entry is, counted from 1 as a person counts: ``row 2, column 3``.

    >>> position_words((1, 2), 2), position_words((0,), 1), position_words((0, 1, 2), 3)
    ('row 2, column 3', 'entry 1', 'position (1, 2, 3)')
    """
    if rank == 1:
        return f"entry {index[0] + 1}"
    if rank == 2:
        return f"row {index[0] + 1}, column {index[1] + 1}"
    return "position (" + ", ".join(str(i + 1) for i in index) + ")"


# --- structure: from a document to nested lists of entry texts -------------------------


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
    if max(_depths(text)) > MAX_DEPTH:
        raise SymconvError(PARAMETER, f"is nested more than {MAX_DEPTH} brackets deep")
    if text.startswith("["):
        try:
            data = json.loads(text)
        except ValueError:
            pass
        else:
            return _json_cells(data), "JSON"
    text = _DELIMITERS.sub(" ", text).strip()
    text = _strip_assignment(text).strip().rstrip(".,;").strip()
    environments = list(_ENVIRONMENT.finditer(text))
    if len(environments) > 1:
        raise SymconvError(
            PARAMETER, f"holds {len(environments)} matrices; keep only the result", None
        )
    if environments:
        return _environment_cells(text, environments[0])
    if "&" in text or _ROW_BREAK.search(text):
        return _rows(text), "LaTeX rows"
    bracketed = _bracketed(text)
    if bracketed is not None:
        return _list_cells(bracketed, 0)[0], "list"
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise SymconvError(PARAMETER, "is empty: write the result as a matrix, vector or list")
    separator = "," if "," in text or "\t" not in text else "\t"
    rows = [_split_top(line.strip(), separator) for line in lines]
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
        return text[match.end():]
    return text


def _environment_cells(text: str, begin: re.Match) -> tuple[list, str]:
    name = begin.group(1)
    end = re.search(r"\\end\{" + re.escape(name) + r"\}", text[begin.end():])
    if end is None:
        raise SymconvError(PARAMETER, f"\\begin{{{name}}} has no \\end{{{name}}}", None)
    body_start = begin.end()
    body = text[body_start: body_start + end.start()]
    body = re.sub(r"^\s*\[[^\]]*\]", "", body)  # mathtools' pmatrix*[r]
    if name == "array":
        body = re.sub(r"^\s*\{[^{}]*\}", "", body)
    outside = text[: begin.start()] + " " + text[body_start + end.end():]
    leftover = re.sub(r"\\left|\\right|[\s()\[\]|.,;]|\\[{}]|\\[lr]?[vV]ert|\\[lr]brack", "",
                      outside)
    if leftover:
        raise SymconvError(PARAMETER, "has text outside the matrix", leftover.strip()[:40])
    return _rows(body), f"LaTeX {name.rstrip('*')}"


def _rows(body: str) -> list:
    body = _RULES.sub(" ", body)
    rows = [r for r in _split_top_regex(body, _ROW_BREAK)]
    if rows and not rows[-1].strip():
        rows.pop()
    if not rows:
        raise SymconvError(PARAMETER, "has a matrix with no rows", None)
    return [[cell.strip() for cell in _split_top(row, "&")] for row in rows]


def _bracketed(text: str) -> str | None:
    text = text.replace("\\left[", "[").replace("\\right]", "]")
    text = text.replace("\\left(", "(").replace("\\right)", ")")
    wrapped = _WRAPPED_LIST.fullmatch(text)
    if wrapped:
        text = wrapped.group(1).strip()
    if text.startswith("["):
        return text
    if text.startswith("(") and _closing(text, 0) == len(text) - 1:
        if len(_split_top(text[1:-1], ",")) > 1:
            return "[" + text[1:-1] + "]"
    return None


def _list_cells(text: str, start: int) -> tuple[list | str, int]:
    """Parse ``[...]`` at ``start`` into nested lists of entry texts; return the end."""
    end = _closing(text, start)
    inner = text[start + 1: end]
    items = _split_top(inner, ",")
    if len(items) > 1 and not items[-1].strip():
        items.pop()  # a trailing comma
    parsed = []
    for item in items:
        stripped = item.strip()
        if stripped.startswith("[") and _closing(stripped, 0) == len(stripped) - 1:
            parsed.append(_list_cells(stripped, 0)[0])
        elif stripped.startswith("[") or stripped.endswith("]"):
            raise SymconvError(PARAMETER, "has unbalanced brackets", stripped[:40])
        else:
            parsed.append(_unquoted(stripped))
    rest = text[end + 1:].strip()
    if start == 0 and rest:
        raise SymconvError(PARAMETER, "has text after the closing bracket", rest[:40])
    return parsed, end


def _unquoted(item: str) -> str:
    if len(item) >= 2 and item[0] == item[-1] and item[0] in "'\"":
        return item[1:-1]
    return item


_OPENERS = {"(": ")", "[": "]", "{": "}"}


def _closing(text: str, start: int) -> int:
    stack = []
    for i in range(start, len(text)):
        ch = text[i]
        if ch in _OPENERS and (i == 0 or text[i - 1] != "\\"):
            stack.append(_OPENERS[ch])
        elif ch in _OPENERS.values() and (i == 0 or text[i - 1] != "\\"):
            if not stack or stack.pop() != ch:
                raise SymconvError(PARAMETER, f"has an unbalanced {ch!r}", text[start:][:40])
            if not stack:
                return i
    raise SymconvError(PARAMETER, f"has an unclosed {text[start]!r}", text[start:][:40])


def _depths(text: str) -> list[int]:
    depth, depths = 0, []
    for i, ch in enumerate(text):
        escaped = i > 0 and text[i - 1] == "\\"
        if ch in _OPENERS and not escaped:
            depth += 1
        elif ch in _OPENERS.values() and not escaped:
            depth -= 1
        depths.append(depth)
    return depths


def _split_top(text: str, separator: str) -> list[str]:
    depths = _depths(text)
    parts, start = [], 0
    for i, ch in enumerate(text):
        if ch == separator and depths[i] == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _split_top_regex(text: str, pattern: re.Pattern) -> list[str]:
    depths = _depths(text)
    parts, start = [], 0
    for match in pattern.finditer(text):
        if depths[match.start()] == 0:
            parts.append(text[start: match.start()])
            start = match.end()
    parts.append(text[start:])
    return parts


def _json_cells(data: object) -> list:
    if isinstance(data, list):
        return [_json_cells(item) for item in data]
    if isinstance(data, str):
        return data
    if isinstance(data, (int, float)) and not isinstance(data, bool):
        return str(data)
    raise SymconvError(PARAMETER, "JSON entries must be strings or numbers", data)


def _rectangular(nested: object) -> tuple[tuple[int, ...], list]:
    if not isinstance(nested, (list, tuple)):
        return (1,), [nested]
    if not nested:
        raise SymconvError(PARAMETER, "is an empty list")
    if all(isinstance(item, (list, tuple)) for item in nested):
        parts = [_rectangular(item) for item in nested]
        for number, (shape, _) in enumerate(parts[1:], start=2):
            if shape != parts[0][0]:
                raise SymconvError(
                    PARAMETER,
                    f"row {number} has shape {_size(shape)} but row 1 has {_size(parts[0][0])}",
                )
        return (len(nested), *parts[0][0]), [leaf for _, leaves in parts for leaf in leaves]
    if any(isinstance(item, (list, tuple)) for item in nested):
        raise SymconvError(PARAMETER, "mixes lists and entries in one row")
    return (len(nested),), list(nested)


def _size(shape: tuple[int, ...]) -> str:
    return "x".join(map(str, shape))


def _flat(index: tuple[int, ...], shape: tuple[int, ...]) -> int:
    flat = 0
    for i, n in zip(index, shape):
        flat = flat * n + i
    return flat


def _unflat(flat: int, shape: tuple[int, ...]) -> tuple[int, ...]:
    index = []
    for n in reversed(shape):
        flat, r = divmod(flat, n)
        index.append(r)
    return tuple(reversed(index))


def _read_leaf(leaf: object, alphabet: Alphabet, index, rank) -> tuple[WrittenCell, list]:
    where = position_words(index, rank)
    if isinstance(leaf, str):
        text = " ".join(leaf.split())
        if not text:
            return WrittenCell("", sympy.S.Zero, "0"), []
        value, latex, unknown = read_expression(text, alphabet, where)
        unknown = [
            UnknownSymbol(u.name, u.written, u.stem, u.subscript, index, u.offset)
            for u in unknown
        ]
        return WrittenCell(text, value, latex), unknown
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


# --- one entry: tokens, then a small recursive-descent parser ----------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # num, sym, op, open, close, frac
    value: object
    offset: int
    latex: str = ""


def _tokens(text: str, alphabet: Alphabet, where: str) -> tuple[list[_Token], list]:
    original = text
    text = _WRAPPERS.sub(_unwrapped, text)
    text = _SPACES.sub(lambda m: " " * len(m.group(0)), text)
    tokens: list[_Token] = []
    unknown: list[UnknownSymbol] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch == "\\":
            match = _COMMAND.match(text, i)
            if not match:
                raise _error(where, f"cannot read {text[i:i + 2]!r}", i, original)
            word, end = match.group(1), match.end()
            if word in _SKIPPED:
                pass
            elif word in _TIMES:
                tokens.append(_Token("op", "*", i))
            elif word in _FRACTIONS:
                tokens.append(_Token("frac", word, i))
            elif word in alphabet.stems or word in _GREEK:
                end = _name(text, i, end, word, alphabet, tokens, unknown, where)
            else:
                raise _error(where, f"\\{word} is not supported", i, original)
            i = end
        elif ch.isascii() and ch.isalpha():
            stem = alphabet.stem_at(text, i)
            end = i + len(stem) if stem else i + 1
            if stem is None:
                while (end < len(text) and text[end].isascii() and text[end].isalpha()
                       and not alphabet.stem_at(text, end)):
                    end += 1
                stem = text[i:end]
            i = _name(text, i, end, stem, alphabet, tokens, unknown, where)
        elif _NUMBER.match(text, i):
            match = _NUMBER.match(text, i)
            tokens.append(_Token("num", sympy.Rational(match.group(0)), i))
            i = match.end()
        elif text.startswith("**", i):
            tokens.append(_Token("op", "^", i))
            i += 2
        elif ch in "+-*/^":
            tokens.append(_Token("op", ch, i))
            i += 1
        elif ch in "([{":
            tokens.append(_Token("open", ch, i))
            i += 1
        elif ch in ")]}":
            tokens.append(_Token("close", ch, i))
            i += 1
        elif ch == "_":
            raise _error(where, "cannot read this subscript (write digits: w_{12}, w_{1,2})", i,
                         original)
        else:
            raise _error(where, f"cannot read {ch!r}", i, original)
    return tokens, unknown


def _unwrapped(match: re.Match) -> str:
    """A wrapper such as ``mathrm{w}`` replaced by its content, padded to keep offsets."""
    inner = match.group(1)
    return " " + inner + " " * (len(match.group(0)) - len(inner) - 1)


def _name(text, start, end, stem, alphabet, tokens, unknown, where) -> int:
    """Read the subscript after ``stem`` and add the symbol (known or not); return the end."""
    digits, numbers, end = _subscript(text, end)
    if numbers is not None:
        symbol = alphabet.resolve(stem, numbers)
    else:
        symbol = alphabet.resolve(stem, digits)
        if symbol is None and alphabet.ambiguous(stem, digits):
            raise _error(where, f"{text[start:end].strip()} is ambiguous here: write its "
                         "indices apart, like w_{1,11}", start, text)
    if symbol is None:
        if numbers is not None:
            name = stem + "".join(f"_{n}" for n in numbers)
            subscript = numbers
        else:
            name = stem + digits
            subscript = tuple(int(ch) for ch in digits)
        unknown.append(UnknownSymbol(name, text[start:end].strip(), stem, subscript, (), start))
        symbol = sympy.Symbol(name)
    tokens.append(_Token("sym", symbol, start, symbol_latex(symbol)))
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


class _Parser:
    """expr := ['+'|'-'] term (('+'|'-') term)*; term := power (['*'|'/'] power)*."""

    def __init__(self, tokens: list[_Token], text: str, where: str):
        self.tokens, self.text, self.where, self.i = tokens, text, where, 0
        self.depth = 0

    def parse(self) -> tuple[sympy.Expr, str]:
        if not self.tokens:
            return sympy.S.Zero, "0"
        value, latex = self.expression()
        if self.i < len(self.tokens):
            self.fail(f"unexpected {self.describe(self.tokens[self.i])}")
        return value, latex

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def fail(self, message: str):
        token = self.peek()
        offset = token.offset if token else len(self.text)
        raise _error(self.where, message, offset, self.text)

    def describe(self, token: _Token) -> str:
        return f"{self.text[token.offset:token.offset + 1]!r}"

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
        return sympy.Add(*values), " ".join(parts)

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
        if closing is None or closing.kind != "close" or closing.value != _OPENERS[opener]:
            self.fail(f"expected {_OPENERS[opener]!r}")
        self.i += 1
        return value, latex


def _error(where: str, message: str, offset: int, text: str) -> SymconvError:
    return SymconvError(PARAMETER, f"{where}: {message} at character {offset + 1}", text)
