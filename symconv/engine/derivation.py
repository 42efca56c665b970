"""One worked derivation of a single-channel transposed convolution, step by step.

A :class:`Derivation` carries the geometry and every step "Understanding Transposed
Convolutions" walks through (scaled kernels, their placement, the summed canvas, the
crop, the result), plus the zero-insertion and matrix views, so the LaTeX writer, the
notebook display, the checker and the command line all read the same computed steps.
The writers depend on it; it shows itself in Jupyter through :mod:`symconv.notation`.

>>> from symconv.core.tensors import letters, symbols_array
>>> d = derive(letters((2, 2)), symbols_array("w", (2, 2)), stride=1)
>>> d.output[1, 1]
a*w22 + b*w21 + c*w12 + d*w11
>>> d.terms((1, 1))
[(a, w22), (b, w21), (c, w12), (d, w11)]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sympy import ImmutableDenseNDimArray, ImmutableSparseMatrix

from symconv.core.budget import DEFAULT_MAX_TERMS, check_budget, estimate_work
from symconv.core.geometry import Geometry, make_geometry
from symconv.core.grid import flatten, unflatten
from symconv.core.problem import Problem, problem_from_geometry
from symconv.core.tensors import check_symbol_name, flat_elements, letters, symbols_array, to_array
from symconv.engine.layouts import flipped
from symconv.engine.verification import Verification, verify_problem
from symconv.errors import SymconvError
from symconv.notation.expressions import symbol_latex
from symconv.notation.grids import display_equation, output_latex
from symconv.notation.style import checked_notation
from symconv.views import matrix, scatter, zero_insertion

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from symconv.engine.translate import Call


@dataclass(frozen=True)
class Derivation:
    """The steps of one single-channel transposed convolution, computed once.

    Build one with :func:`derive` (your arrays) or :func:`derive_symbolic` (sizes only):
    they check the request against the work budget before any step is computed.
    ``call`` is the framework call the geometry was read from, when not PyTorch's own.
    """

    geometry: Geometry
    input: ImmutableDenseNDimArray
    kernel: ImmutableDenseNDimArray
    title: str = ""
    call: Call | None = None

    @cached_property
    def problem(self) -> Problem:
        """The request in the engine's terms: one batch element, one channel in and out."""
        g = self.geometry
        x = self.input.reshape(1, *g.input_size)
        w = self.kernel.reshape(1, 1, *g.kernel_size)
        return problem_from_geometry(x, w, None, 1, g, max_terms=None)

    @cached_property
    def cells(self) -> list[list[tuple[int, int]]]:
        """For each canvas cell, the (input element, kernel tap) pairs painted there, in order."""
        return scatter.paint(self.geometry)

    @cached_property
    def kept(self) -> list[int | None]:
        """For each output cell, the canvas cell the crop keeps (None: an added zero)."""
        return scatter.crop(self.geometry)

    @cached_property
    def output(self) -> ImmutableDenseNDimArray:
        """The result, as canonical SymPy expressions, shaped like the output."""
        plane = scatter.transpose(self.problem)[0][0]
        return ImmutableDenseNDimArray(plane, self.geometry.output_size)

    @cached_property
    def input_elements(self) -> list:
        """The input's elements in reading order."""
        return flat_elements(self.input)

    @cached_property
    def kernel_elements(self) -> list:
        """The kernel's elements in reading order."""
        return flat_elements(self.kernel)

    def input_index(self, flat: int) -> tuple[int, ...]:
        """The 0-based index of input element number ``flat`` (reading order)."""
        return unflatten(flat, self.geometry.input_size)

    def kernel_index(self, flat: int) -> tuple[int, ...]:
        """The 0-based index of kernel tap number ``flat`` (reading order)."""
        return unflatten(flat, self.geometry.kernel_size)

    def placement(self, flat: int) -> tuple[int, ...]:
        """Canvas position of the top-left corner of input element ``flat``'s block: ``i*s``."""
        return tuple(i * s for i, s in zip(self.input_index(flat), self.geometry.stride))

    def scaled_kernel(self, flat: int) -> ImmutableDenseNDimArray:
        """Input element ``flat`` times the whole kernel (``aK`` in the source document)."""
        value = self.input_elements[flat]
        return ImmutableDenseNDimArray(
            [value * w for w in self.kernel_elements], self.geometry.kernel_size
        )

    def canvas_terms(self, cell: tuple[int, ...]) -> list[tuple]:
        """The (input value, kernel value) products summed in canvas cell ``cell``, in order."""
        return self._pairs(self.cells[flatten(cell, self.geometry.canvas_size)])

    def terms(self, index: tuple[int, ...]) -> list[tuple]:
        """The (input value, kernel value) products summed in output cell ``index``, in order.

        Contributions come in the input's reading order; an empty list is a zero.
        """
        cell = self.kept[flatten(index, self.geometry.output_size)]
        return [] if cell is None else self._pairs(self.cells[cell])

    def _pairs(self, pairs: list[tuple[int, int]]) -> list[tuple]:
        return [(self.input_elements[i], self.kernel_elements[t]) for i, t in pairs]

    @cached_property
    def canvas_counts(self) -> list[int]:
        """How many products land in each canvas cell (the overlap), in reading order."""
        return [len(pairs) for pairs in self.cells]

    @cached_property
    def stretched_input(self) -> ImmutableDenseNDimArray:
        """The zero-insertion view's input: ``s-1`` zeros between units, bordered."""
        values = self.input_elements
        cells = [
            0 if p is None else values[p] for p in zero_insertion.stretched_positions(self.geometry)
        ]
        return ImmutableDenseNDimArray(cells, zero_insertion.stretched_size(self.geometry))

    @cached_property
    def flipped_kernel(self) -> ImmutableDenseNDimArray:
        """The kernel flipped in every spatial dimension, as the zero-insertion view uses it."""
        return ImmutableDenseNDimArray(self.kernel_elements[::-1], self.geometry.kernel_size)

    @cached_property
    def conv_matrix(self) -> ImmutableSparseMatrix:
        """C, the matrix of the direct convolution whose transpose this is: vec(O) = C^T vec(I)."""
        shape, entries = self.conv_matrix_entries
        return ImmutableSparseMatrix(*shape, entries)

    @cached_property
    def conv_matrix_entries(self) -> tuple[tuple[int, int], dict]:
        """C's shape and its entries ``{(row, column): kernel element}``, without a SymPy matrix.

        >>> from symconv.engine.presets import preset
        >>> preset("example-1d").conv_matrix_entries
        ((2, 3), {(0, 0): w2, (0, 1): w3, (1, 1): w1, (1, 2): w2})
        """
        return matrix.conv_matrix_entries(self.problem)

    @cached_property
    def verification(self) -> Verification:
        """Proof that the three views agree and the adjoint and gradient identities hold."""
        return verify_problem(self.problem)

    def _repr_latex_(self) -> str:
        """Jupyter shows the result matrix as rendered mathematics, sums in derivation order."""
        return f"$${output_latex(self)}$$"

    def to_latex(self, form: str = "result", notation=None) -> str:
        r"""The result as a display equation, ``\[ O = ... \]``, to paste into a paper.

        Sums are written in the derivation's order; ``notation`` is a
        :class:`symconv.Notation`. The worked example (fragment, article, slides) is
        written by :func:`symconv.render_latex`, which reads this derivation.

        >>> from symconv.engine.presets import preset
        >>> print(preset("example-1d").to_latex(), end="")
        \[
        O = \begin{pmatrix} x_{1} w_{2} & x_{1} w_{3} + x_{2} w_{1} & x_{2} w_{2} \end{pmatrix}
        \]
        """
        if form != "result":
            raise SymconvError(
                "form",
                "to_latex writes the result; write a worked example with "
                "symconv.render_latex(derivation, form)",
                form,
            )
        return display_equation(output_latex(self, checked_notation(notation)))


def derive(
    input: object,
    kernel: object,
    stride: object = 1,
    padding: object = 0,
    output_padding: object = 0,
    dilation: object = 1,
    *,
    title: str = "",
    max_terms: int = DEFAULT_MAX_TERMS,
) -> Derivation:
    """Derive a single-channel transposed convolution of the grid ``input`` with ``kernel``.

    Both are plain grids (no channel dimensions) of the same rank; requests above
    ``max_terms`` units of work (:mod:`symconv.core.budget`) are refused.

    >>> derive(["x1", "x2"], ["w1", "w2", "w3"], stride=2, padding=1).output
    [w2*x1, w1*x2 + w3*x1, w2*x2]
    """
    x = to_array(input, "input")
    w = to_array(kernel, "kernel")
    if x.rank() != w.rank():
        raise SymconvError(
            "kernel", f"must have as many dimensions as the input ({x.rank()})", w.shape
        )
    geometry = make_geometry(
        x.shape, w.shape, stride, padding, output_padding, dilation, rank=x.rank()
    )
    check_budget(estimate_work(geometry), max_terms)
    return Derivation(geometry, x, w, title)


def derive_symbolic(
    input_size: object,
    kernel_size: object,
    stride: object = 1,
    padding: object = 0,
    output_padding: object = 0,
    dilation: object = 1,
    *,
    input_name: str = "x",
    kernel_name: str = "w",
    base: int = 1,
    input_letters: bool = False,
    title: str = "",
    max_terms: int = DEFAULT_MAX_TERMS,
) -> Derivation:
    """Derive with fresh symbols: ``x1, x2, ...`` (or letters ``a, b, ...``) and ``w11, ...``.

    >>> derive_symbolic((2, 2), (2, 2), stride=2, input_letters=True).output[0, 2]
    b*w11
    """
    geometry = make_geometry(input_size, kernel_size, stride, padding, output_padding, dilation)
    check_budget(estimate_work(geometry), max_terms)  # before any symbol is made
    return symbolic_derivation(
        geometry,
        input_name=input_name,
        kernel_name=kernel_name,
        base=base,
        input_letters=input_letters,
        title=title,
    )


def symbolic_derivation(
    geometry: Geometry,
    *,
    input_name: str = "x",
    kernel_name: str = "w",
    base: int = 1,
    input_letters: bool = False,
    flip_kernel: bool = False,
    title: str = "",
    call: Call | None = None,
) -> Derivation:
    """:func:`derive_symbolic` for a geometry already made and checked against the budget.

    ``call`` is the framework call that geometry was read from (see :class:`Derivation`).

    >>> from symconv.core.geometry import make_geometry
    >>> symbolic_derivation(make_geometry(2, 2), kernel_name="k").output
    [k1*x1, k1*x2 + k2*x1, k2*x2]
    """
    x, w = symbolic_operands(
        geometry.input_size,
        geometry.kernel_size,
        input_name=input_name,
        kernel_name=kernel_name,
        base=base,
        input_letters=input_letters,
        flip_kernel=flip_kernel,
    )
    return Derivation(geometry, x, w, title, call)


def symbolic_operands(
    input_shape: tuple[int, ...],
    kernel_shape: tuple[int, ...],
    *,
    input_name: str = "x",
    kernel_name: str = "w",
    base: int = 1,
    input_letters: bool = False,
    flip_kernel: bool = False,
) -> tuple[ImmutableDenseNDimArray, ImmutableDenseNDimArray]:
    """Fresh symbols for an input and a kernel (or weight) of these shapes, names kept apart.

    With ``flip_kernel`` the kernel's spatial axes run backwards: the symbols are those of
    a framework that correlates with the kernel unflipped (JAX's ``conv_transpose``).

    >>> symbolic_operands((2,), (1, 1, 2), input_letters=True)
    ([a, b], [[[w111, w112]]])
    >>> symbolic_operands((2,), (3,), flip_kernel=True)[1]
    [w3, w2, w1]
    """
    check_symbol_name("input_name", input_name)
    check_symbol_name("kernel_name", kernel_name)
    if input_letters:
        x = letters(input_shape, skip=kernel_name if len(kernel_name) == 1 else "")
    else:
        x = symbols_array(input_name, input_shape, base=base)
    w = symbols_array(kernel_name, kernel_shape, base=base)
    if flip_kernel:
        spatial = (
            len(input_shape) if len(kernel_shape) == len(input_shape) else len(kernel_shape) - 2
        )
        w = flipped(w, tuple(range(len(kernel_shape) - spatial, len(kernel_shape))))
    # x_{11} beside x_{1} would read as an input element: the printed letters must differ
    letters_of_input: dict = {}
    for s in flat_elements(x):
        letters_of_input.setdefault(_printed_letter(s), s)
    for s in flat_elements(w):
        twin = letters_of_input.get(_printed_letter(s))
        if twin is not None:
            raise SymconvError(
                "kernel_name",
                f"must give symbols written apart from the input's ({twin} and {s} are both "
                f"written with the letter {_printed_letter(s)}: {symbol_latex(twin)} and "
                f"{symbol_latex(s)}); name the kernel with another letter",
                kernel_name,
            )
    return x, w


def _printed_letter(symbol) -> str:
    """The letter a symbol is printed with, before its subscript: ``x`` for ``x_{11}``.

    >>> from sympy import Symbol
    >>> _printed_letter(Symbol("x11")), _printed_letter(Symbol("alpha"))
    ('x', '\\\\alpha')
    """
    return symbol_latex(symbol).split("_{")[0]
