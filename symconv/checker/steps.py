r"""The steps of a derivation a student may write down, each with the object it should give.

A step is the result ``O``, the canvas ``O_{full}`` before the crop, an input element's
block ``aK``, the stretched and bordered input ``Z`` and the flipped kernel of the
zero-insertion view, the matrix ``C`` or ``C^T``, the input or the kernel. Each knows
its correct object (values in reading order and shape), the formula of its size, and
the objects the common slips give instead (:class:`Alternative`), so that a written
object is checked and a wrong one explained the same way for every step.

>>> from symconv.engine.presets import preset
>>> d = preset("example-2d-s2")
>>> step = step_named("aK", d)
>>> step.kind, step.shape, step.values[:2]
('scaled', (2, 2), [a*w11, a*w12])
>>> step_named(r"O_{\text{full}}", d).label, step_named(r"C^\top", d).shape
('the canvas before the crop', (16, 4))
>>> step_named("Q", d) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import sympy

from symconv.checker.read.alphabet import Alphabet, split_name
from symconv.checker.slips import FIXES, slips
from symconv.core.grid import ndindex, row_major_strides
from symconv.core.sizes import size_lines
from symconv.core.tensors import flat_elements
from symconv.engine.derivation import Derivation
from symconv.errors import SymconvError
from symconv.notation.expressions import symbol_latex
from symconv.notation.statements import TRANSPOSE
from symconv.notation.style import CANVAS
from symconv.notation.words import axes_words, shape_words

_WRAPPERS = re.compile(
    r"\\(?:mathrm|mathit|mathbf|mathsf|boldsymbol|bm|text|textrm|operatorname|mathcal)"
    r"(?:\s*\{([^{}]*)\}|\s+([A-Za-z0-9]))"  # a braced argument, or one letter: \mathsf T
)
_TRANSPOSE = re.compile(r"\^(?:T|t|\\top|\\intercal|\\mathsf\{T\}|\\mathrm\{T\}|\{T\}|\{\\top\})$")
_RESULT = {"o", "y", "out", "output", "result", "o_out", "y_out"}
_CANVAS = {"o_full", "ofull", "full", "canvas", "o_canvas", "y_full", "yfull", "o_c", "c_full"}
_STRETCHED = {
    "z",
    "x_s",
    "xs",
    "i_s",
    "x_stretched",
    "i_stretched",
    "stretched",
    "x'",
    "i'",
    "x_up",
    "i_up",
    "x_z",
    "x_pad",
    "i_pad",
    "x_padded",
    "i_padded",
    "\\tildex",
    "\\tildei",
    "\\hatx",
    "\\hati",
    "x_zi",
    "x_ins",
}
_FLIPPED = {
    "k_flip",
    "k_flipped",
    "k_rot",
    "k'",
    "\\tildek",
    "k^rot",
    "rot(k)",
    "flip(k)",
    "rot180(k)",
    "w_flip",
    "w_flipped",
    "w'",
    "\\tildew",
    "\\hatk",
    "\\hatw",
    "k_f",
    "k^flip",
    "w_rot",
    "k_r",
    "\\bark",
    "\\overlinek",
}
_KERNEL = {"k", "w", "kernel"}
_INPUT = {"i", "x", "input"}
_MATRIX = {"c", "m", "w_c"}
_LATEX_NAMES = {
    "result": "O",
    "canvas": CANVAS,
    "stretched": "Z",
    "flipped": r"K_{\text{flip}}",
    "kernel": "K",
    "input": "I",
    "matrix": "C",
    "matrix-transposed": "C" + TRANSPOSE,
}
_SCALED = re.compile(r"(?P<element>.+?)(?:\\cdot|\\times|[*·⋅×])?\s*(?P<kernel>[KW])")
_GENERIC_ELEMENT = re.compile(r"[IX]_\{?(?P<index>[0-9ij, ]+)\}?")


@dataclass(frozen=True)
class Alternative:
    """What a common slip gives for a step instead of the right object, and its fix.

    ``values`` are computed on demand (a slip costs a derivation).
    """

    code: str
    message: str
    fix: str
    shape: tuple[int, ...]
    compute: Callable[[], list] = field(repr=False, compare=False)

    @cached_property
    def values(self) -> list:
        """The object this slip gives, in reading order."""
        return self.compute()


@dataclass(frozen=True)
class Step:
    """A step a student writes down: its kind, how it is called, and its correct object."""

    kind: str
    name: str
    label: str
    shape: tuple[int, ...]
    values: list = field(repr=False)
    derivation: Derivation = field(repr=False)
    size_formula: str = ""
    element: int | None = None

    @property
    def latex(self) -> str:
        r"""The step's object as mathematics: ``O``, ``O_{\text{full}}``, ``a K``, ``C^T``."""
        if self.kind == "scaled":
            return symbol_latex(self.derivation.input_elements[self.element]) + " K"
        return _LATEX_NAMES[self.kind]

    def terms(self, index: tuple[int, ...]) -> list[tuple] | None:
        """The (input, kernel) products of entry ``index`` in derivation order, when they exist."""
        d = self.derivation
        if self.kind == "result":
            return d.terms(index)
        if self.kind == "canvas":
            return d.canvas_terms(index)
        return None

    @cached_property
    def alternatives(self) -> list[Alternative]:
        """What the common slips give for this step, other than its right object."""
        return [a for a in _alternatives(self) if a.shape != self.shape or a.values != self.values]


def step_for(kind: str, d: Derivation, name: str = "", element: int | None = None) -> Step:
    """The step of ``kind`` (``result``, ``canvas``, ``scaled``, ...) for ``d``.

    >>> from symconv.engine.presets import preset
    >>> step_for("stretched", preset("example-1d")).values
    [0, x1, 0, x2, 0]
    """
    g = d.geometry
    plain = {
        "result": ("O", "the result", lambda: (g.output_size, flat_elements(d.output)), "output"),
        "canvas": ("O_full", "the canvas before the crop",
                   lambda: (g.canvas_size, canvas_values(d)), "canvas"),
        "stretched": ("Z", "the stretched and bordered input",
                      lambda: (tuple(d.stretched_input.shape), flat_elements(d.stretched_input)),
                      "stretched"),
        "flipped": ("K_flip", "the flipped kernel",
                    lambda: (g.kernel_size, flat_elements(d.flipped_kernel)), ""),
        "kernel": ("K", "the kernel", lambda: (g.kernel_size, flat_elements(d.kernel)), ""),
        "input": ("I", "the input", lambda: (g.input_size, flat_elements(d.input)), ""),
    }  # fmt: skip
    if kind in plain:
        default, label, compute, formula = plain[kind]
        shape, values = compute()
        size_formula = _size_formula(d, formula) if formula else ""
        return Step(kind, name or default, label, shape, values, d, size_formula)
    if kind == "scaled":
        value = d.input_elements[element]
        return Step(
            kind,
            name or f"{value}K",
            f"{value} times the kernel",
            g.kernel_size,
            flat_elements(d.scaled_kernel(element)),
            d,
            element=element,
        )
    if kind in ("matrix", "matrix-transposed"):
        c = d.conv_matrix if kind == "matrix" else d.conv_matrix.T
        label = "the matrix C" if kind == "matrix" else "the matrix C^T"
        return Step(
            kind,
            name or ("C" if kind == "matrix" else "C^T"),
            label,
            tuple(c.shape),
            list(c),
            d,
            _size_formula(d, kind),
        )
    raise SymconvError("kind", "is not a step of a derivation", kind)


def step_named(name: str, d: Derivation) -> Step | None:
    r"""The step a written name stands for (``aK``, ``O_{full}``, ``C^T``, ``Z``...), or None.

    >>> from symconv.engine.presets import preset
    >>> d = preset("example-1d")
    >>> [step_named(n, d).kind for n in ("y", "x_2 \\cdot K", "C^T", "K_{flip}", "Z")]
    ['result', 'scaled', 'matrix-transposed', 'flipped', 'stretched']
    """
    key = normalised_name(name)
    if not key:
        return None
    transposed = _TRANSPOSE.search(key)
    if transposed or key.endswith("ᵀ"):
        base = key[: transposed.start()] if transposed else key[:-1]
        if base.lower() in _MATRIX:
            return step_for("matrix-transposed", d, name)
        return None
    lower = key.lower()
    for kind, names in (
        ("result", _RESULT),
        ("canvas", _CANVAS),
        ("stretched", _STRETCHED),
        ("flipped", _FLIPPED),
    ):
        if lower in names:
            return step_for(kind, d, name)
    if key in ("C", "M"):
        return step_for("matrix", d, name)
    if lower in _KERNEL:
        return step_for("kernel", d, name)
    if lower in _INPUT:
        return step_for("input", d, name)
    element = _scaled_element(key, d)
    if element is not None:
        return step_for("scaled", d, name, element)
    return None


def normalised_name(name: str) -> str:
    r"""A written name without font commands, braces and spaces: ``O_{\text{full}}`` is ``O_full``.

    >>> normalised_name(r"O_{\mathrm{full}}"), normalised_name(r"\tilde{x}"), normalised_name("Cᵀ")
    ('O_full', '\\tildex', 'Cᵀ')
    >>> normalised_name(r"C^{\mathsf T}")
    'C^T'
    """
    text = name.strip().strip("$").strip()
    for _ in range(3):
        text = _WRAPPERS.sub(lambda match: match[1] or match[2] or "", text)
    text = text.replace("\\top", "T").replace("\\intercal", "T").replace("⊤", "ᵀ")
    return re.sub(r"[{}\s]|\\[,;:! ]", "", text)


def canvas_values(d: Derivation) -> list:
    """The canvas before the crop, in reading order: each cell the sum of its products."""
    return [
        sympy.Add(*(x * w for x, w in d.canvas_terms(cell)))
        for cell in ndindex(d.geometry.canvas_size)
    ]


def _scaled_element(key: str, d: Derivation) -> int | None:
    """The input element ``aK`` or ``x_1 \\cdot K`` names the block of, or None."""
    match = _SCALED.fullmatch(key)
    if match is None:
        return None
    written = match.group("element").rstrip("*·⋅×").removesuffix("\\cdot").removesuffix("\\times")
    generic = _GENERIC_ELEMENT.fullmatch(written)
    if generic and "i" not in generic.group("index") and "j" not in generic.group("index"):
        digits = generic.group("index").replace(" ", "")
        index = (
            tuple(int(p) for p in digits.split(","))
            if "," in digits
            else tuple(int(ch) for ch in digits)
        )
        base = _base(d)
        size = d.geometry.input_size
        index = tuple(i - base for i in index)
        if len(index) == len(size) and all(0 <= i < n for i, n in zip(index, size)):
            return sum(i * s for i, s in zip(index, row_major_strides(size)))
        return None
    alphabet = Alphabet.of(d)
    stem, subscript = split_name(re.sub(r"_\{?([0-9]+)\}?", r"\1", written))
    symbol = alphabet.resolve(stem, subscript) if subscript else sympy.Symbol(stem)
    if symbol is None:
        symbol = sympy.Symbol(written.replace("_", ""))
    for flat, value in enumerate(d.input_elements):
        if value == symbol:
            return flat
    return None


def _base(d: Derivation) -> int:
    """The index base of ``d``'s kernel names (1 unless they count from 0)."""
    first = d.kernel_elements[0]
    if isinstance(first, sympy.Symbol):
        _, index = split_name(first.name)
        if index:
            return min(index)
    return 1


def _size_formula(d: Derivation, kind: str) -> str:
    """The size of a step's object worked out, one line per axis."""
    g = d.geometry
    if kind == "output":
        return size_lines(g)
    lines = []
    for n, axis in enumerate(g.axes):
        k = f"{axis.dilation}*({axis.kernel} - 1) + 1" if axis.dilation != 1 else f"{axis.kernel}"
        suffix = "" if g.rank == 1 else f"_{n + 1}"
        if kind == "canvas":
            lines.append(f"O_full{suffix} = {axis.stride}*({axis.input} - 1) + {k} = {axis.canvas}")
    if kind == "stretched":
        size = tuple(d.stretched_input.shape)
        lines.append(
            f"Z is {shape_words(size)}: s*(I - 1) + 1 input cells and zeros, "
            f"bordered by d*(k - 1) - p on each side (+ output_padding at the end)"
        )
    if kind in ("matrix", "matrix-transposed"):
        rows, columns = (
            (g.input_size, g.output_size) if kind == "matrix" else (g.output_size, g.input_size)
        )
        lines.append(
            f"{'C' if kind == 'matrix' else 'C^T'} has one row per "
            f"{'input' if kind == 'matrix' else 'output'} cell ({axes_words(rows, 'x')}) and one "
            f"column per {'output' if kind == 'matrix' else 'input'} cell "
            f"({axes_words(columns, 'x')})"
        )
    return "\n".join(lines)


# --- what the slips give for each step ---------------------------------------------------

_STRETCHED_MESSAGES = {
    "no-crop": "border not reduced by the padding: each side gets d*(k - 1) - p zeros, "
    "not d*(k - 1)",
    "padding-added": "padding added to the border: each side gets d*(k - 1) - p zeros",
    "output-padding-ignored": "output_padding ignored: its zeros go at the end of the border",
    "dilation-ignored": "dilation ignored in the border: the dilated kernel spans d*(k - 1) + 1",
    "crop-start-only": "border reduced by the padding at the start only",
    "crop-end-only": "border reduced by the padding at the end only",
}
_MATRIX_MESSAGES = {
    "no-crop": "padding offset missing: the columns of C are the output cells, the canvas "
    "with the padding cropped, so row i's taps start p columns earlier",
    "kernel-flipped": "taps in reverse order: row i holds w_1 ... w_k from left to right",
    "stride-on-kernel": "stride applied to the taps: the taps of a row are next to each other "
    "(d apart); the stride moves each row's taps s columns along",
}
_FIXES = {
    "border-missing": "border the stretched input with d*(k - 1) - p zeros on each side",
    "canvas-cropped": "keep the whole canvas here: the crop comes after it",
    "matrix-transposed": "C has one row per input cell; its transpose has one per output cell",
    "flattening-order": "number the cells row by row (the last index fastest), for rows and "
    "columns alike",
    "kernel-not-flipped": "flip the kernel in every dimension: its last tap comes first",
    "other-block": "multiply the whole kernel by the element the block is named for",
}

_STEP_FIXES = {
    "stretched": {
        "no-crop": "border each side with d*(k - 1) - p zeros",
        "padding-added": "border each side with d*(k - 1) - p zeros",
        "crop-start-only": "border each side with d*(k - 1) - p zeros",
        "crop-end-only": "border each side with d*(k - 1) - p zeros",
        "stride": "put s - 1 zeros between neighbouring input elements",
        "output-padding-ignored": "add the output_padding zeros at the end of the border",
        "dilation-ignored": "border each side with d*(k - 1) - p zeros",
    },
    "matrix": {
        "no-crop": "start row i's taps in column i*s - p: the padding crops the first columns",
        "kernel-flipped": "write row i's taps in the kernel's own order, w_1 first",
    },
}
_STEP_FIXES["matrix-transposed"] = _STEP_FIXES["matrix"]


def _alternatives(step: Step) -> list[Alternative]:
    d, kind = step.derivation, step.kind
    found = []
    if kind in ("input", "kernel", "flipped"):
        return _own_alternatives(step)
    fixes = {**FIXES, **_STEP_FIXES.get(kind, {})}
    for slip in slips(d):
        if slip.code in ("transposed", "input-transposed") and kind != "result":
            continue
        message = slip.message
        if kind == "stretched":
            message = _STRETCHED_MESSAGES.get(slip.code, message)
            if slip.code == "stride":
                s = slip.derivation.geometry.stride[0]
                message = f"{s - 1} zeros between input elements instead of " + (
                    f"{axes_words(tuple(x - 1 for x in d.geometry.stride))}: s - 1 zeros go "
                    "between them"
                )
        if kind in ("matrix", "matrix-transposed"):
            message = _MATRIX_MESSAGES.get(slip.code, message)
        if kind == "result":  # the slip's own result, transposed where the slip transposes it
            shape, compute = slip.shape, (lambda slip=slip: slip.values)
        else:
            other = step_for(kind, slip.derivation, element=step.element)
            shape, compute = other.shape, (lambda other=other: other.values)
        found.append(Alternative(slip.code, message, fixes.get(slip.code, ""), shape, compute))
    own = _own_alternatives(step)
    if kind in ("matrix", "matrix-transposed"):  # flattening explains C before a kernel slip
        first = [a for a in own if a.code == "flattening-order"]
        return first + found + [a for a in own if a.code != "flattening-order"]
    return found + own


def _own_alternatives(step: Step) -> list[Alternative]:
    """The slips particular to one step."""
    d, kind = step.derivation, step.kind
    g = d.geometry
    found = []
    if kind == "canvas":
        found.append(
            Alternative(
                "canvas-cropped",
                "this is the result after the crop, not the canvas before it",
                _FIXES["canvas-cropped"],
                g.output_size,
                lambda: flat_elements(d.output),
            )
        )
    if kind == "stretched":
        found.append(
            Alternative(
                "border-missing",
                "stretched but not bordered: the zero-insertion "
                "view borders it with d*(k - 1) - p zeros on each side before "
                "the stride-1 correlation",
                _FIXES["border-missing"],
                *_unbordered(d),
            )
        )
    if kind == "flipped":
        found.append(
            Alternative(
                "kernel-not-flipped",
                "kernel not flipped: the zero-insertion view "
                "correlates with the kernel turned around",
                _FIXES["kernel-not-flipped"],
                g.kernel_size,
                lambda: flat_elements(d.kernel),
            )
        )
    if kind == "flipped" and g.rank > 1:
        k = d.kernel.tolist()
        for how, grid in (("upside down", k[::-1]), ("left to right", [r[::-1] for r in k])):
            array = sympy.ImmutableDenseNDimArray(grid, g.kernel_size)
            found.append(
                Alternative(
                    "kernel-flipped-one-axis",
                    f"kernel flipped {how} only: flip it in every dimension",
                    _FIXES["kernel-not-flipped"],
                    g.kernel_size,
                    lambda array=array: flat_elements(array),
                )
            )
    if kind == "scaled":
        for flat, value in enumerate(d.input_elements):
            if flat != step.element:
                found.append(
                    Alternative(
                        "other-block",
                        f"this is the block of {value}, not of {d.input_elements[step.element]}",
                        _FIXES["other-block"],
                        g.kernel_size,
                        lambda flat=flat: flat_elements(d.scaled_kernel(flat)),
                    )
                )
    if kind in ("matrix", "matrix-transposed"):
        other = "matrix-transposed" if kind == "matrix" else "matrix"
        wrote = "C^T" if kind == "matrix" else "C"
        mine = step_for(other, d)
        found.append(
            Alternative(
                "matrix-transposed",
                f"this is {wrote}, the transpose of {step.name or wrote}",
                _FIXES["matrix-transposed"],
                mine.shape,
                lambda: mine.values,
            )
        )
        if g.rank > 1:
            found.append(
                Alternative(
                    "flattening-order",
                    "cells numbered column by column: rows "
                    "and columns of C follow the reading order, row by row",
                    _FIXES["flattening-order"],
                    step.shape,
                    lambda: _column_major(step),
                )
            )
    return found


def _unbordered(d: Derivation) -> tuple[tuple[int, ...], Callable[[], list]]:
    g = d.geometry
    size = tuple(s * (i - 1) + 1 for s, i in zip(g.stride, g.input_size))

    def compute():
        values = []
        for index in ndindex(size):
            if all(m % s == 0 for m, s in zip(index, g.stride)):
                at = tuple(m // s for m, s in zip(index, g.stride))
                values.append(d.input[at])
            else:
                values.append(sympy.S.Zero)
        return values

    return size, compute


def _column_major(step: Step) -> list:
    """The step's matrix with rows and columns numbered column by column."""
    g = step.derivation.geometry
    rows_shape, columns_shape = (
        (g.input_size, g.output_size) if step.kind == "matrix" else (g.output_size, g.input_size)
    )
    rows, columns = _column_order(rows_shape), _column_order(columns_shape)
    width = step.shape[1]
    return [step.values[r * width + c] for r in rows for c in columns]


def _column_order(shape: tuple[int, ...]) -> list[int]:
    """Row-major flat indices listed in column-major order."""
    strides = row_major_strides(shape)
    order = sorted(ndindex(shape), key=lambda index: tuple(reversed(index)))
    return [sum(i * s for i, s in zip(index, strides)) for index in order]
