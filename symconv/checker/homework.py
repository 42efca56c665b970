r"""Checking a whole hand derivation: every matrix matched to the step it claims, every size line.

A homework file shows the work: ``aK = ...`` for each input element, ``O_{full} = ...``,
the output size worked out, then ``O = ...``. Each matrix is matched to its step by its
name (``aK``, ``O_{full}``, ``Z``, ``C``, ``C^T``, ``O``/``y``; see
:func:`~symconv.checker.steps.step_named`) or, unnamed, by its shape, and checked
against that step (:func:`~symconv.checker.compare.compare`); each size line
(``O = 2(2-1)+3-2 = 3``) is checked for its arithmetic and its value.

>>> text = r'''$$aK = \begin{pmatrix} aw_{11} & aw_{12} \\ aw_{21} & aw_{22} \end{pmatrix}$$
... $O_h = 1\cdot(2-1)+2-0 = 4$
... $$O = \begin{pmatrix} aw_{11} & aw_{12}+bw_{11} & bw_{12} \\
...   aw_{21}+cw_{11} & aw_{22}+bw_{21}+cw_{12}+dw_{11} & bw_{22}+dw_{12} \\
...   cw_{21} & cw_{22}+dw_{21} & dw_{22} \end{pmatrix}$$'''
>>> report = check_homework(text, "example-2d-s1")
>>> [(s.name, s.ok) for s in report.checks]
[('aK', True), ('O_h', False), ('O', True)]
>>> print(report.headline)
2 of 3 steps right; wrong: O_h (arithmetic slip).
"""

from __future__ import annotations

import ast
import html
import json
import re
from dataclasses import dataclass
from functools import partial

from symconv.checker.compare import compare
from symconv.checker.read.parse import read_result
from symconv.checker.read.pieces import Piece, pieces
from symconv.checker.report import CheckReport
from symconv.checker.steps import Step, normalised_name, step_for, step_named
from symconv.core.equality import equal
from symconv.core.sizes import output_length
from symconv.engine.derivation import Derivation
from symconv.engine.presets import preset
from symconv.errors import SymconvError
from symconv.notation.words import configuration_words

_RESULT_SIZE = re.compile(r"(?:O|o|y|Y|n|N|L|H|W)(?:_(?:out|[hwdxyzHWD123]|\d))?|[HWL]_out")
_CANVAS_SIZE = {"o_full", "ofull", "full", "canvas", "o_canvas", "o_f"}
_AXIS_LETTERS = {"h": 0, "H": 0, "y": 0, "w": -1, "W": -1, "x": -1, "d": 0, "D": 0}
#: The steps tried, in order, for a matrix written without a name.
_BY_SHAPE = (
    "result", "canvas", "stretched", "flipped", "matrix", "matrix-transposed", "kernel", "input",
)  # fmt: skip


@dataclass(frozen=True)
class SizeCheck:
    """One size line checked: its arithmetic and its value against the configuration's size."""

    name: str
    line: int
    written: str
    parts: tuple[str, ...]
    expected: int
    value: int | None
    code: str
    message: str

    @property
    def ok(self) -> bool:
        """True when the arithmetic and the size are right."""
        return not self.code

    @property
    def reason(self) -> str:
        """The slip in a few words: ``arithmetic slip``, ``the padding is not subtracted``."""
        if not self.code:
            return ""
        return self.message.split(": ")[1 if self.code != "arithmetic" else 0].split(" (")[0]

    def as_dict(self) -> dict:
        """The size line as plain JSON-ready data."""
        return {
            "kind": "size",
            "name": self.name,
            "line": self.line,
            "written": self.written,
            "expected": self.expected,
            "value": self.value,
            "ok": self.ok,
            "code": self.code,
            "message": self.message,
        }


@dataclass(frozen=True)
class StepCheck:
    """One matrix of the homework: the step it was matched to, and its check report.

    ``report`` is None when the matrix matches no step (``note`` says why).
    """

    name: str
    line: int
    step: Step | None
    report: CheckReport | None
    note: str = ""

    @property
    def ok(self) -> bool:
        """True when the matrix was checked and is right."""
        return self.report is not None and self.report.ok

    def as_dict(self) -> dict:
        """The step as plain JSON-ready data."""
        return {
            "kind": "matrix",
            "name": self.name,
            "line": self.line,
            "step": self.step.kind if self.step is not None else None,
            "ok": self.ok,
            "note": self.note,
            "report": self.report.as_dict() if self.report is not None else None,
        }


@dataclass(frozen=True)
class HomeworkReport:
    """The verdict on a whole hand derivation: each step and each size line, in file order.

    True when every checked step is right.
    """

    derivation: Derivation
    checks: tuple[StepCheck | SizeCheck, ...]

    @property
    def checked(self) -> list:
        """The steps and size lines that were checked (matched to a step)."""
        return [c for c in self.checks if not isinstance(c, StepCheck) or c.report is not None]

    @property
    def ok(self) -> bool:
        """True when something was checked and all of it is right."""
        return bool(self.checked) and all(c.ok for c in self.checked)

    def __bool__(self) -> bool:
        return self.ok

    @property
    def exit_status(self) -> int:
        """0 when all is right, 1 when something is wrong."""
        return 0 if self.ok else 1

    @property
    def wrong(self) -> list:
        """The checked steps and size lines that are wrong."""
        return [c for c in self.checked if not c.ok]

    @property
    def headline(self) -> str:
        """One line: how many steps are right, and which are wrong with their one slip."""
        checked = self.checked
        if not checked:
            return "Nothing was checked: name each matrix (O, O_full, aK, Z, C, C^T)."
        if self.ok:
            return (
                f"All {len(checked)} steps are right."
                if len(checked) > 1
                else ("The step is right.")
            )
        names = []
        for c in self.wrong:
            slip = _slip(c)
            name = c.name or c.step.label
            names.append(f"{name} ({slip})" if slip else name)
        right = len(checked) - len(self.wrong)
        return f"{right} of {len(checked)} steps right; wrong: {', '.join(names)}."

    def as_dict(self) -> dict:
        """The report as plain JSON-ready data."""
        return {
            "ok": self.ok,
            "exit_status": self.exit_status,
            "headline": self.headline,
            "configuration": configuration_words(self.derivation.geometry),
            "steps": [c.as_dict() for c in self.checks],
        }

    def to_json(self) -> str:
        """The report as JSON (deterministic: same input, same bytes)."""
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False) + "\n"

    def to_text(self) -> str:
        """The report as plain text: the headline, then each step in file order."""
        lines = [self.headline]
        lines.append(f"Checking against: {configuration_words(self.derivation.geometry)}")
        for c in self.checks:
            where = f"line {c.line}"
            if isinstance(c, SizeCheck):
                verdict = "right" if c.ok else c.message
                lines.append(f"{where}, size {c.written}: {verdict}")
            elif c.report is None:
                lines.append(f"{where}, {c.name or 'a matrix'}: not checked: {c.note}")
            else:
                label = f"{c.name} ({c.step.label})" if c.name else c.step.label
                head = c.report.headline
                lines.append(f"{where}, {label}: {'right' if c.ok else head}")
                if not c.ok:
                    detail = c.report.to_text().splitlines()[1:]
                    lines += ["  " + line for line in detail if not line.startswith("Checking")]
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        """Jupyter shows each step's verdict as a list."""
        items = "".join(
            f"<li><pre>{html.escape(line)}</pre></li>" for line in self.to_text().splitlines()[2:]
        )
        return f"<div><p><b>{html.escape(self.headline)}</b></p><ul>{items}</ul></div>"


def check_homework(text: str, derivation: Derivation | str) -> HomeworkReport:
    """Check every matrix and size line of a hand derivation ``text`` against ``derivation``.

    >>> report = check_homework("Z = [0, x1, 0, x2, 0]\\ny = [x1*w2, x1*w3 + x2*w1, x2*w2]",
    ...                         "example-1d")
    >>> report.ok, [c.step.kind for c in report.checks]
    (True, ['stretched', 'result'])
    """
    if isinstance(derivation, str):
        derivation = preset(derivation)
    if not isinstance(derivation, Derivation):
        raise SymconvError("derivation", "must be a Derivation or a preset's name", derivation)
    if not isinstance(text, str):
        raise SymconvError("result", "must be text to be read as a homework file", text)
    found = pieces(text)
    matrices = [p for p in found if p.kind == "matrix"]
    checks: list = []
    for piece in found:
        if piece.kind == "size":
            size = _size_check(piece, derivation)
            if size is not None:
                checks.append(size)
            continue
        checks.append(_step_check(piece, derivation, alone=len(matrices) == 1))
    return HomeworkReport(derivation, tuple(checks))


def is_homework(text: str) -> bool:
    """True when ``text`` holds more than the result alone: several pieces, or a named step."""
    found = pieces(text)
    if len(found) != 1:
        return len(found) > 1
    (piece,) = found
    if piece.kind == "size":
        return True
    return bool(piece.name) and normalised_name(piece.name).lower() not in ("o", "y")


def _step_check(piece: Piece, d: Derivation, alone: bool) -> StepCheck:
    step = step_named(piece.name, d) if piece.name else None
    if piece.name and step is None:
        return StepCheck(
            piece.name,
            piece.line,
            None,
            None,
            f"{piece.name!r} names no step; name it O, O_full, aK, Z, C or C^T",
        )
    try:
        written = read_result(piece.text, d)
    except SymconvError as error:
        where = f"line {piece.line}" + (f" ({piece.name})" if piece.name else "")
        args = () if error.value is None else (error.value,)
        raise SymconvError(error.parameter, f"{where}: {error.rule}", *args) from None
    if step is None:
        step = _step_by_shape(written, d, alone)
        if step is None:
            return StepCheck(
                "",
                piece.line,
                None,
                None,
                "its size matches no step; give it a name (O, O_full, aK, Z, C, C^T)",
            )
    report = compare(written, step)
    return StepCheck(piece.name, piece.line, step, report)


def _step_by_shape(written, d: Derivation, alone: bool) -> Step | None:
    """The step an unnamed matrix stands for: the result when alone, else by its shape."""
    if alone:
        return step_for("result", d)
    symbols = set().union(*(v.free_symbols for v in written.values))
    for flat, value in enumerate(d.input_elements):
        if value in symbols and not (symbols & (set(d.input_elements) - {value})):
            if tuple(written.shape) == d.geometry.kernel_size:
                return step_for("scaled", d, element=flat)
    steps = [step_for(kind, d) for kind in _BY_SHAPE]
    shaped = [s for s in steps if tuple(written.shape) == s.shape]
    for step in shaped:  # an object written right is the step it equals
        if all(equal(v, e) for v, e in zip(written.values, step.values)):
            return step
    return shaped[0] if shaped else None


def _size_check(piece: Piece, d: Derivation) -> SizeCheck | None:
    """A size line checked, or None when its name is not a size symconv knows."""
    name = normalised_name(piece.name)
    g = d.geometry
    canvas = name.lower() in _CANVAS_SIZE
    if not canvas and not _RESULT_SIZE.fullmatch(name):
        return None
    sizes = g.canvas_size if canvas else g.output_size
    axis = _axis(name, g.rank)
    expected = sizes[axis] if axis is not None else sizes[0]
    values = [_evaluate(part) for part in piece.parts]
    if any(v is None for v in values):
        return None
    value = values[-1]
    if axis is None and value in sizes:  # a plain O for a 2-D output: either axis's size
        expected = value
    found = partial(SizeCheck, piece.name, piece.line, piece.text, piece.parts, expected)
    for left, right, text in zip(values, values[1:], piece.parts):
        if left != right:
            return found(value, "arithmetic", f"arithmetic slip: {text} is {left}, not {right}")
    if value == expected:
        return found(value, "", "")
    code, message = _size_slip(d, axis or 0, value, canvas)
    wrong = f"{value} is wrong, the size is {expected}" + (f": {message}" if message else "")
    return found(value, code, wrong)


def _axis(name: str, rank: int) -> int | None:
    match = re.search(r"_(?:\{)?([hwdxyzHWD123])", name) or re.fullmatch(r"([HWL])_out", name)
    if match is None or rank == 1:
        return None if rank > 1 else 0
    letter = match.group(1)
    if letter.isdigit():
        return min(int(letter) - 1, rank - 1)
    axis = _AXIS_LETTERS.get(letter, 0)
    return axis % rank


def _size_slip(d: Derivation, axis: int, value: int, canvas: bool) -> tuple[str, str]:
    """The common slip in the size formula that gives ``value``, if one does.

    A slip is named only when it changes the formula for this configuration: with no
    padding, leaving it out is no slip, so 5 for ``s = 2, I = 2, k = 3, a = 1`` is the
    output_padding left out.

    >>> from symconv.engine.derivation import symbolic_derivation
    >>> from symconv.core.geometry import make_geometry
    >>> d = symbolic_derivation(make_geometry(2, 3, 2, 0, 1, 1, rank=1))
    >>> _size_slip(d, 0, 5, canvas=False)[0]
    'output-padding-ignored'
    """
    a = d.geometry.axes[axis]
    span = a.dilation * (a.kernel - 1) + 1
    full = a.stride * (a.input - 1) + span
    crop = 0 if canvas else a.pad_begin + a.pad_end
    appended = 0 if canvas else a.output_padding
    # (code, message, the size it gives, whether it changes the formula here, on the canvas too)
    candidates = [
        ("no-crop", "the padding is not subtracted", full, crop != 0, False),
        (
            "padding-once",
            "the padding is subtracted once; it is cropped from both sides",
            full - a.pad_begin + a.output_padding,
            a.pad_end != 0,
            False,
        ),
        (
            "stride-times-input",
            "s*I instead of s*(I - 1)",
            a.stride * a.input + span - crop + appended,
            True,
            True,
        ),
        (
            "output-padding-ignored",
            "output_padding not added",
            full - crop,
            appended != 0,
            False,
        ),
        (
            "dilation-ignored",
            "dilation ignored: the kernel spans d*(k - 1) + 1",
            output_length(
                a.input,
                a.kernel,
                stride=a.stride,
                dilation=1,
                pad_begin=0 if canvas else a.pad_begin,
                pad_end=0 if canvas else a.pad_end,
                output_padding=appended,
            ),
            span != a.kernel,
            True,
        ),
    ]
    line = f"s*(I - 1) + d*(k - 1) + 1{'' if canvas else ' - 2p + output_padding'}"
    for code, message, size, changes, on_canvas in candidates:
        if size == value and changes and (on_canvas or not canvas):
            return code, f"{message} ({line})"
    return "size", f"work {line} again"


def plain_arithmetic(text: str) -> str:
    r"""Arithmetic as students write it, in Python's syntax: ``2\cdot(2−1)`` is ``2*(2-1)``.

    >>> plain_arithmetic(r"2\cdot(2−1)+2(3)")
    '2*(2-1)+2*(3)'
    """
    text = re.sub(r"\\(?:left|right)", "", text)
    text = re.sub(r"\\cdot|\\times|[×·⋅]", "*", text).replace("−", "-")
    text = text.replace("{", "(").replace("}", ")").replace("[", "(").replace("]", ")")
    text = re.sub(r"(\d|\))\s*\(", r"\1*(", text)
    return re.sub(r"\)\s*(\d)", r")*\1", text).strip()


def _evaluate(text: str) -> int | None:
    """The value of a whole-number arithmetic expression as students write it, or None."""
    text = plain_arithmetic(text)
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError:
        return None
    return _value(tree.body)


def _value(node) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = _value(node.operand)
        return None if inner is None else (-inner if isinstance(node.op, ast.USub) else inner)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult)):
        left, right = _value(node.left), _value(node.right)
        if left is None or right is None or abs(left) > 10**9 or abs(right) > 10**9:
            return None
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        return left * right
    return None


def _slip(c) -> str:
    if isinstance(c, SizeCheck):
        return c.reason
    report = c.report
    if report.diagnoses and all(e.explained for e in report.entries):
        return report.diagnoses[0].short
    if report.shape is not None and report.shape.causes:
        return report.shape.causes[0].short
    return ""
