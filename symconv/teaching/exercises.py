r"""Exercise sheets: N randomised transposed convolutions from a random seed, and their solutions.

Each exercise draws its sizes (1-D or 2-D), stride, padding, output_padding (only the
values PyTorch accepts, below max(stride, dilation)) and, at ``hard``, dilation, from
``random.Random(seed)``, and asks for one object of the derivation: the result ``O``,
the canvas ``O_full`` before the crop, the stretched input ``Z``, the matrix ``C`` or
``C^T``, one input element's block ``aK``, or the output size. The same seed and
difficulty give the same sheet, byte for byte; the sheet's JSON is what
:func:`symconv.teaching.grading.grade` checks submissions against.

>>> sheet = exercises(3, seed=7, difficulty="easy")
>>> [e.asked for e in sheet.exercises] == [e.asked for e in exercises(3, 7, "easy").exercises]
True
>>> first = sheet.exercises[0]
>>> first.answer_latex() == first.answer_latex()  # the right answer, named as asked
True
>>> Sheet.from_json(sheet.to_json()) == sheet
True
"""

from __future__ import annotations

import html
import json
import math
import random
from dataclasses import dataclass, field
from functools import cached_property

from symconv.checker.steps import Step, step_for
from symconv.core.geometry import Geometry, make_geometry
from symconv.core.sizes import output_size_name
from symconv.engine.derivation import Derivation, symbolic_derivation
from symconv.errors import SymconvError
from symconv.latex.templates import render_template
from symconv.notation.expressions import expr_latex, product_latex, sum_latex, symbol_latex
from symconv.notation.grids import grid_latex
from symconv.notation.statements import TRANSPOSE, TRANSPOSE_TEXT
from symconv.notation.style import CANVAS, CANVAS_TEXT, Notation
from symconv.notation.words import configuration_words

DIFFICULTIES = ("easy", "medium", "hard")
#: What an exercise may ask for (step kinds of :mod:`symconv.checker.steps`, and ``size``).
ASKED = ("result", "canvas", "stretched", "matrix", "matrix-transposed", "scaled", "size")
#: Names accepted by ``views`` for the asked objects.
VIEW_NAMES = {
    "result": "result",
    "canvas": "canvas",
    "stretched": "stretched",
    "matrix": "matrix",
    "C": "matrix",
    "matrix-transposed": "matrix-transposed",
    "CT": "matrix-transposed",
    "block": "scaled",
    "scaled": "scaled",
    "size": "size",
}
MAX_COUNT = 30
SHEET_FORMAT = "symconv-exercises/1"

#: What each difficulty draws from: ranks, sizes, strides, paddings, dilations, and the
#: objects asked for by default.
LEVELS = {
    "easy": {
        "input_1d": (2, 3),
        "input_2d": (2, 2),
        "kernel": (2, 3),
        "stride": (1, 2),
        "padding": 0,
        "output_padding": False,
        "dilation": (1, 1),
        "views": ("result", "canvas", "scaled", "size"),
    },
    "medium": {
        "input_1d": (2, 4),
        "input_2d": (2, 3),
        "kernel": (2, 3),
        "stride": (1, 3),
        "padding": 1,
        "output_padding": True,
        "dilation": (1, 1),
        "views": ("result", "canvas", "stretched", "matrix", "scaled", "size"),
    },
    "hard": {
        "input_1d": (3, 5),
        "input_2d": (2, 3),
        "kernel": (2, 3),
        "stride": (1, 3),
        "padding": 2,
        "output_padding": True,
        "dilation": (1, 2),
        "views": ASKED,
    },
}
#: The names answers are written under (as LaTeX mathematics), so the checker matches them.
_NAMES = {
    "result": "O",
    "canvas": CANVAS,
    "stretched": "Z",
    "matrix": "C",
    "matrix-transposed": "C" + TRANSPOSE,
}
#: The same names as typed in plain text.
_TYPED = {
    "result": "O",
    "canvas": CANVAS_TEXT,
    "stretched": "Z",
    "matrix": "C",
    "matrix-transposed": "C" + TRANSPOSE_TEXT,
}
#: The largest objects an exercise asks for (1-D length, 2-D side, 2-D matrix cells).
_MAX_1D = 10
_MAX_2D = 7
_MAX_2D_MATRIX_SIDE = 9


@dataclass(frozen=True)
class Exercise:
    """One exercise: the configuration, the object asked for, and its right answer.

    ``element`` is the input element (reading order, from 0) whose block ``aK`` is asked.
    """

    number: int
    input_size: tuple[int, ...]
    kernel_size: tuple[int, ...]
    stride: tuple[int, ...]
    padding: tuple[int, ...]
    output_padding: tuple[int, ...]
    dilation: tuple[int, ...]
    asked: str
    element: int | None = None

    @cached_property
    def geometry(self) -> Geometry:
        """The exercise's geometry (PyTorch's rules)."""
        return make_geometry(
            self.input_size,
            self.kernel_size,
            self.stride,
            self.padding,
            self.output_padding,
            self.dilation,
            rank=self.rank,
        )

    @property
    def rank(self) -> int:
        """1 or 2 spatial dimensions."""
        return len(self.input_size)

    @cached_property
    def derivation(self) -> Derivation:
        """The derivation with the sheet's symbols: letters for a 2-D input, ``x_i`` for 1-D."""
        return symbolic_derivation(self.geometry, input_letters=self.rank == 2)

    @cached_property
    def step(self) -> Step | None:
        """The step asked for (None for the output size)."""
        if self.asked == "size":
            return None
        return step_for(self.asked, self.derivation, element=self.element)

    @property
    def name(self) -> str:
        r"""The name the answer is written under, as LaTeX: ``O``, ``O_{\text{full}}``, ``bK``."""
        if self.asked == "scaled":
            return symbol_latex(self.derivation.input_elements[self.element]) + "K"
        if self.asked == "size":
            return ", ".join(output_size_name(self.rank, a) for a in range(self.rank))
        return _NAMES[self.asked]

    @property
    def typed_name(self) -> str:
        """The same name as typed in plain text: ``O_full``, ``C^T``, ``x_2K``."""
        if self.asked == "scaled":
            value = self.derivation.input_elements[self.element]
            return str(value) + "K" if self.rank == 2 else f"x_{str(value)[1:]}K"
        if self.asked == "size":
            return " and ".join(output_size_name(self.rank, a) for a in range(self.rank))
        return _TYPED[self.asked]

    @property
    def configuration(self) -> str:
        """The configuration in words."""
        return configuration_words(self.geometry)

    def answer_latex(self) -> str:
        r"""The right answer as a student writes it: ``O = \begin{pmatrix}...``, named as asked.

        Sums are written in the derivation's order; a size exercise gives one line per axis
        with the formula worked out.

        >>> e = Exercise(1, (2,), (3,), (2,), (1,), (0,), (1,), "result")
        >>> e.answer_latex()
        'O = \\begin{pmatrix} x_{1} w_{2} & x_{1} w_{3} + x_{2} w_{1} & x_{2} w_{2} \\end{pmatrix}'
        >>> Exercise(1, (2,), (3,), (2,), (1,), (1,), (1,), "size").answer_latex()
        'O = 2\\cdot(2 - 1) + 3 - 2\\cdot 1 + 1 = 4'
        """
        if self.asked == "size":
            return r", \quad ".join(_size_line(self.geometry, n) for n in range(self.rank))
        d, step = self.derivation, self.step
        if self.asked == "result":
            cell = lambda i: sum_latex(d.terms(i))  # noqa: E731
        elif self.asked == "canvas":
            cell = lambda i: sum_latex(d.canvas_terms(i))  # noqa: E731
        elif self.asked == "scaled":
            value = d.input_elements[self.element]
            cell = lambda i: product_latex(value, d.kernel[i])  # noqa: E731
        else:
            width = step.shape[-1]
            cell = lambda i: expr_latex(step.values[_flat(i, width)])  # noqa: E731
        return grid_latex(self.name, step.shape, cell, Notation(full=True))

    def operands_latex(self) -> tuple[str, str]:
        """The input ``I`` and the kernel ``K`` as LaTeX matrices."""
        d = self.derivation
        return (
            grid_latex("I", d.input.shape, lambda i: expr_latex(d.input[i])),
            grid_latex("K", d.kernel.shape, lambda i: expr_latex(d.kernel[i])),
        )

    def as_dict(self) -> dict:
        """The exercise as plain JSON-ready data."""
        return {
            "number": self.number,
            "input_size": list(self.input_size),
            "kernel_size": list(self.kernel_size),
            "stride": list(self.stride),
            "padding": list(self.padding),
            "output_padding": list(self.output_padding),
            "dilation": list(self.dilation),
            "asked": self.asked,
            "element": self.element,
            "name": self.typed_name,
            "configuration": self.configuration,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Exercise:
        """An exercise read back from :meth:`as_dict`'s data, its parameters checked."""
        try:
            exercise = cls(
                int(data["number"]),
                *(
                    tuple(int(v) for v in data[key])
                    for key in (
                        "input_size",
                        "kernel_size",
                        "stride",
                        "padding",
                        "output_padding",
                        "dilation",
                    )
                ),
                asked=str(data["asked"]),
                element=None if data.get("element") is None else int(data["element"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise SymconvError("sheet", f"an exercise is malformed ({error})", None) from None
        if exercise.asked not in ASKED:
            raise SymconvError("sheet", "asks for an unknown object", exercise.asked)
        exercise.geometry  # noqa: B018 - the parameters are checked here
        if exercise.asked == "scaled" and not (
            exercise.element is not None and 0 <= exercise.element < math.prod(exercise.input_size)
        ):
            raise SymconvError("sheet", "names no input element for a block", exercise.element)
        return exercise


@dataclass(frozen=True)
class Sheet:
    """A sheet of exercises: the seed and difficulty it was drawn from, and the exercises."""

    seed: int
    difficulty: str
    views: tuple[str, ...]
    exercises: tuple[Exercise, ...] = field(repr=False)

    def as_dict(self) -> dict:
        """The sheet as plain JSON-ready data (what ``symconv grade`` reads)."""
        return {
            "format": SHEET_FORMAT,
            "seed": self.seed,
            "difficulty": self.difficulty,
            "views": list(self.views),
            "exercises": [e.as_dict() for e in self.exercises],
        }

    def to_json(self) -> str:
        """The sheet as JSON; the same sheet gives the same bytes."""
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Sheet:
        """A sheet read back from :meth:`to_json`; a SymconvError when it is not one."""
        try:
            data = json.loads(text)
        except ValueError as error:
            raise SymconvError("sheet", f"is not JSON ({error.args[0]})", None) from None
        if not isinstance(data, dict) or data.get("format") != SHEET_FORMAT:
            raise SymconvError("sheet", "is not a sheet written by symconv exercises", None)
        exercises_ = data.get("exercises")
        if not isinstance(exercises_, list) or not exercises_:
            raise SymconvError("sheet", "lists no exercises", None)
        return cls(
            int(data.get("seed", 0)),
            str(data.get("difficulty", "")),
            tuple(str(v) for v in data.get("views", ())),
            tuple(Exercise.from_dict(e) if isinstance(e, dict) else _bad(e) for e in exercises_),
        )

    def exercise(self, number: int) -> Exercise:
        """The exercise numbered ``number`` (from 1)."""
        for e in self.exercises:
            if e.number == number:
                return e
        raise SymconvError("exercise", "is not on the sheet", number)

    def to_latex(self, solutions: bool = False) -> str:
        """The sheet as a LaTeX article; ``solutions`` gives the separate solutions document."""
        items = []
        for e in self.exercises:
            input_latex, kernel_latex = e.operands_latex()
            items.append(
                {
                    "number": e.number,
                    "asked": e.asked,
                    "rank": e.rank,
                    "configuration": e.configuration,
                    "input": input_latex,
                    "kernel": kernel_latex,
                    "name": e.name,
                    "typed": e.typed_name,
                    "element": (
                        symbol_latex(e.derivation.input_elements[e.element])
                        if e.asked == "scaled"
                        else ""
                    ),
                    "answer": e.answer_latex() if solutions else "",
                }
            )
        return render_template(
            "exercises.tex.j2",
            sheet={"number": self.seed, "difficulty": self.difficulty, "solutions": solutions},
            exercises=items,
        )

    def _repr_html_(self) -> str:
        """Jupyter shows the sheet as a table: each exercise's configuration and what it asks."""
        rows = "".join(
            f"<tr><td>{e.number}</td><td>{html.escape(e.configuration)}</td>"
            f"<td>{html.escape(e.typed_name)}</td></tr>"
            for e in self.exercises
        )
        return (
            f"<table><caption>sheet {self.seed}, {html.escape(self.difficulty)}</caption>"
            f"<tr><th>exercise</th><th>configuration</th><th>asked</th></tr>{rows}</table>"
        )


def exercises(
    count: int = 6, seed: int = 0, difficulty: str = "medium", views: object = None
) -> Sheet:
    """A sheet of ``count`` exercises drawn from ``random.Random(seed)`` at ``difficulty``.

    ``views`` limits what is asked for (``result``, ``canvas``, ``stretched``, ``matrix``,
    ``matrix-transposed``, ``block``, ``size``); by default the difficulty's own list.

    >>> sheet = exercises(2, seed=1, difficulty="hard", views=["matrix-transposed"])
    >>> [e.asked for e in sheet.exercises]
    ['matrix-transposed', 'matrix-transposed']
    >>> exercises(0)
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: count: must be a whole number from 1 to 30 (got 0)
    """
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_COUNT:
        raise SymconvError("count", f"must be a whole number from 1 to {MAX_COUNT}", count)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise SymconvError("seed", "must be a whole number >= 0", seed)
    if difficulty not in LEVELS:
        raise SymconvError("difficulty", f"must be one of {', '.join(DIFFICULTIES)}", difficulty)
    level = LEVELS[difficulty]
    asked = _views(views, level["views"])
    rng = random.Random(seed)
    order = list(asked)
    rng.shuffle(order)
    drawn = []
    for number in range(1, count + 1):
        kind = order[(number - 1) % len(order)]
        drawn.append(_exercise(rng, number, kind, level))
    return Sheet(seed, difficulty, asked, tuple(drawn))


def _views(views: object, default: tuple[str, ...]) -> tuple[str, ...]:
    if views is None:
        return tuple(default)
    if isinstance(views, str):
        views = [v.strip() for v in views.split(",")]
    chosen = []
    for view in views:
        kind = VIEW_NAMES.get(view) if isinstance(view, str) else None
        if kind is None:
            names = ", ".join(n for n in VIEW_NAMES if n not in ("C", "CT", "scaled"))
            raise SymconvError("views", f"must be among {names}", view)
        if kind not in chosen:
            chosen.append(kind)
    if not chosen:
        raise SymconvError("views", "names no view", views)
    return tuple(chosen)


def _exercise(rng: random.Random, number: int, kind: str, level: dict) -> Exercise:
    """One exercise asking for ``kind``, its parameters drawn until the objects fit a page."""
    for _ in range(1000):
        rank = rng.choice((1, 2))
        lo, hi = level["input_1d"] if rank == 1 else level["input_2d"]
        input_size = tuple(rng.randint(lo, hi) for _ in range(rank))
        k = rng.randint(*level["kernel"])
        s = rng.randint(*level["stride"])
        d = rng.randint(*level["dilation"])
        p = rng.randint(0, min(level["padding"], d * (k - 1)))
        a = rng.randint(0, max(s, d) - 1) if level["output_padding"] else 0
        try:
            g = make_geometry(input_size, k, s, p, a, d, rank=rank)
        except SymconvError:  # the padding leaves no output
            continue
        if not _fits(g, kind):
            continue
        element = rng.randrange(math.prod(input_size)) if kind == "scaled" else None
        return Exercise(
            number, input_size, (k,) * rank, (s,) * rank, (p,) * rank, (a,) * rank, (d,) * rank,
            kind, element,
        )  # fmt: skip
    raise SymconvError("views", "no configuration of this difficulty fits the view", kind)


def _fits(g: Geometry, kind: str) -> bool:
    """True when the objects of ``g`` asked for (and the canvas) fit on a page."""
    sides = (*g.canvas_size, *g.output_size)
    if min(g.output_size) < 2:
        return False  # a single output cell per axis asks little
    if g.rank == 1:
        return max(sides) <= _MAX_1D
    if max(sides) > _MAX_2D:
        return False
    if kind in ("matrix", "matrix-transposed"):
        return math.prod(g.output_size) <= _MAX_2D_MATRIX_SIDE
    if kind == "stretched":
        return all(
            s * (i - 1) + 1 + 2 * (d * (k - 1) - p) + a <= _MAX_2D
            for s, i, d, k, p, a in zip(
                g.stride, g.input_size, g.dilation, g.kernel_size, g.pad_begin, g.output_padding
            )
        )
    return True


def _size_line(g: Geometry, n: int) -> str:
    r"""One axis's output size worked out: ``O_h = 2\cdot(2 - 1) + 3 - 2\cdot 1 = 3``."""
    a = g.axes[n]
    name = output_size_name(g.rank, n)
    span = f"{a.dilation}\\cdot({a.kernel} - 1) + 1" if a.dilation != 1 else f"{a.kernel}"
    line = f"{name} = {a.stride}\\cdot({a.input} - 1) + {span} - 2\\cdot {a.pad_begin}"
    if a.output_padding:
        line += f" + {a.output_padding}"
    return f"{line} = {a.output}"


def _flat(index: tuple[int, ...], width: int) -> int:
    return index[0] * width + index[1] if len(index) == 2 else index[0]


def _bad(value: object):
    raise SymconvError("sheet", "an exercise is not an object", value)
