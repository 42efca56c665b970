"""Write notebooks 01-03 from the cells below, without outputs: run this file with Python.

Cell ids are numbered, so the same cells give byte-identical files (a test checks the
stored notebooks against this script).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent


def md(text: str):
    return new_markdown_cell(text.strip("\n"))


def code(text: str):
    return new_code_cell(text.strip("\n"))


SEED_WALKTHROUGH = [
    md("""
# Understanding Transposed Convolutions, step by step

*Understanding Transposed Convolutions* works three examples by hand: a 1-D input
`[x1, x2]` with kernel `[w1, w2, w3]`, stride 2 and padding 1, and a 2-D input
`a, b, c, d` with a 2x2 kernel at stride 2 and at stride 1. symconv derives each
exactly, shows every step, and proves the result three independent ways.

The notation is the document's and the same in every symconv output: input `I`,
kernel `K`, result `O`, each product written input first. `%load_ext symconv` makes a
mistake in a parameter show as one line instead of a traceback.
"""),
    code("""
import sympy
from IPython.display import Math

import symconv
from symconv.notation.expressions import symbol_places
from symconv.notation.grids import values_latex

%load_ext symconv


def shown(name, array, inputs):
    \"\"\"An array as mathematics, each product input first, in the inputs' order.\"\"\"
    array = sympy.ImmutableDenseNDimArray(array)
    return Math(values_latex(name, array, first=symbol_places(inputs)))
"""),
    md("""
## The output size

The document's formula is `O = s(I - 1) + k - 2p`. With dilation `d` and output
padding `a` its general form is `O = s(I - 1) + d(k - 1) + 1 - 2p + a`; as a SymPy
expression (SymPy orders the terms its own way, `op` is the output padding):
"""),
    code("symconv.output_size_formula()"),
    md("""
## 1-D: `[x1, x2]`, kernel `[w1, w2, w3]`, stride 2, padding 1

A derivation shows itself as its result `O`; sums keep the document's order (input
first, in reading order).
"""),
    code("""
d1 = symconv.preset("example-1d")
d1
"""),
    md("""
Each input element times the whole kernel, placed `s` apart on a canvas of
`s(I - 1) + k = 5` cells:
"""),
    code("""
for i, value in enumerate(d1.input_elements):
    block = ", ".join(f"{value}*{w}" for w in d1.kernel_elements)  # input first
    print(f"{value}*K = [{block}] placed at {d1.placement(i)}")
print("canvas size", d1.geometry.canvas_size)
"""),
    md("The canvas, summed where the placements overlap; padding 1 crops one cell each side:"),
    code("""
from symconv.notation.expressions import sum_text

canvas = [sum_text(d1.canvas_terms((c,))) for c in range(d1.geometry.canvas_size[0])]
print("canvas:", canvas)
print("kept canvas cells:", d1.kept)
"""),
    md("The document's result, `[x1*w2, x1*w3 + x2*w1, x2*w2]`, typed in and compared:"),
    code("""
x1, x2, w1, w2, w3 = sympy.symbols("x1 x2 w1 w2 w3")
assert list(d1.output) == [x1 * w2, x1 * w3 + x2 * w1, x2 * w2]
shown("O", d1.output, d1.input_elements)
"""),
    md("""
Three independent derivations (scatter and crop, zero insertion plus a stride-1
convolution, and `vec(O) = C^T vec(I)`) agree, and the adjoint and gradient identities hold:
"""),
    code("d1.verification"),
    md("""
## 2-D, stride 2: no overlap

With `k = s = 2` the four scaled kernels `aK, bK, cK, dK` tile the 4x4 output.
"""),
    code("""
d2 = symconv.preset("example-2d-s2")
d2
"""),
    code("""
a, b, c, d = sympy.symbols("a b c d")
w11, w12, w21, w22 = sympy.symbols("w11 w12 w21 w22")
assert d2.output.tolist() == [
    [a * w11, a * w12, b * w11, b * w12],
    [a * w21, a * w22, b * w21, b * w22],
    [c * w11, c * w12, d * w11, d * w12],
    [c * w21, c * w22, d * w21, d * w22],
]
for i, value in enumerate(d2.input_elements):
    print(value, "at", d2.placement(i))
"""),
    md("""
The document's other picture of stride: insert `s - 1` zeros between the inputs, pad,
and run a stride-1 convolution with the flipped kernel.
"""),
    code("d2.stretched_input"),
    code("d2.flipped_kernel"),
    md("""
## 2-D, stride 1: overlaps are summed

Each output cell sums the products that land on it; the centre gets all four.
"""),
    code("""
d3 = symconv.preset("example-2d-s1")
d3
"""),
    code("""
assert d3.output[1, 1] == a * w22 + b * w21 + c * w12 + d * w11
print(sum_text(d3.terms((1, 1))))
d3.verification
"""),
    md("""
## Into a paper

The LaTeX of the result, with the document's term order:
"""),
    code("print(symconv.output_latex(d3))"),
    md("""
## The formula behind every entry

In 1-D, `O[o]` is a sum over the input positions whose kernel index is in range
(square brackets are positions, counted from 0; subscripts such as `x_1` name elements,
counted from 1):
"""),
    code("symconv.closed_form(dilated=False)"),
]


STRIDE_PADDING_DILATION = [
    md("""
# Stride, padding, dilation and output_padding

How each parameter moves the scaled kernels on the canvas, what the crop keeps, and
how many products each canvas cell sums (the overlap count).
"""),
    code("""
import numpy as np

import symconv
from symconv.notation.grids import output_text


def counts(derivation):
    \"\"\"How many products land in each canvas cell, shaped like the canvas.\"\"\"
    return np.array(derivation.canvas_counts).reshape(derivation.geometry.canvas_size)


def summary(derivation):
    g = derivation.geometry
    print(
        f"stride {g.stride}, padding {tuple(zip(g.pad_begin, g.pad_end))}, "
        f"dilation {g.dilation}, output_padding {g.output_padding}"
    )
    print(f"  canvas {g.canvas_size} -> output {g.output_size}")
    print("  overlap per canvas cell:", counts(derivation).tolist())
"""),
    md("""
## Stride: how far apart the scaled kernels land

A 3-tap kernel over four inputs: stride 1 overlaps up to three products per cell,
stride 2 alternates one and two, stride 3 just touches, stride 4 leaves gaps.
"""),
    code("""
for s in (1, 2, 3, 4):
    summary(symconv.derive_symbolic(4, 3, stride=s))
"""),
    code("symconv.derive_symbolic(4, 3, stride=2)"),
    md("""
## Padding: cropping the canvas

Padding `p` removes `p` cells from each end of the canvas; ONNX-style pads crop the two
ends differently.
"""),
    code("""
for padding in (0, 1, 2, [(0, 2)]):
    d = symconv.derive_symbolic(3, 3, stride=2, padding=padding)
    kept = [c for c in d.kept if c is not None]
    print(f"padding {padding}: keeps canvas cells {kept} -> output size {d.geometry.output_size}")
"""),
    md("""
## output_padding: one more cell at the end

It resolves the ambiguity of stride: several input sizes of the direct convolution
shrink to the same size, so `output_padding` (smaller than the stride) says which one
to grow back to. The extra cells are past the canvas, or are canvas cells padding
would have cropped.
"""),
    code("""
for op in (0, 1):
    d = symconv.derive_symbolic(2, 3, stride=2, padding=1, output_padding=op)
    print(f"output_padding {op}: kept {d.kept} ->", output_text(d))
"""),
    md("""
## Dilation: spreading the kernel taps

Dilation `d` puts `d - 1` gaps between the taps, so the kernel covers `d(k - 1) + 1` cells.
"""),
    code("""
for dilation in (1, 2, 3):
    summary(symconv.derive_symbolic(3, 3, stride=2, dilation=dilation))
symconv.derive_symbolic(3, 3, stride=2, dilation=2)
"""),
    md("""
## 2-D: the checkerboard

With `k = 3` and `s = 2` the overlap alternates 1, 2 along each axis, so 1, 2 and 4 in
2-D: the checkerboard artifact. With `k = 4` and `s = 2` every interior cell gets four.
"""),
    code("""
uneven = symconv.derive_symbolic((4, 4), (3, 3), stride=2)
even = symconv.derive_symbolic((4, 4), (4, 4), stride=2)
print(counts(uneven))
print(symconv.overlap_verdict(uneven.geometry))
print(counts(even))
print(symconv.overlap_verdict(even.geometry))
"""),
    md("A picture, when matplotlib is installed (`pip install 'symconv[plot]'`):"),
    code("""
try:
    from matplotlib.figure import Figure
except ImportError:
    Figure = None

if Figure is None:
    print("matplotlib is not installed: the counts above are the picture")
else:
    figure = Figure(figsize=(7, 3.2))
    for axes, (name, d) in zip(figure.subplots(1, 2), [("k=3, s=2", uneven), ("k=4, s=2", even)]):
        grid = counts(d)
        axes.imshow(grid, cmap="viridis", vmin=0)
        for (r, c), value in np.ndenumerate(grid):
            axes.text(c, r, value, ha="center", va="center", color="white", fontsize=8)
        axes.set_title(f"products per canvas cell, {name}", fontsize=9)
        axes.set_xticks([])
        axes.set_yticks([])
    display(symconv.displayable(figure))  # a pyplot-free figure draws itself as a PNG
"""),
    md("Whatever the parameters, the three methods agree:"),
    code("""
d = symconv.derive_symbolic(
    (3, 2),
    (3, 2),
    stride=(2, 1),
    padding=[(1, 0), (0, 1)],
    output_padding=(1, 0),
    dilation=(1, 2),
)
assert d.verification
d.verification
"""),
]


MATRIX_AND_GRADIENT = [
    md("""
# The matrix view and the gradient identity

A direct convolution is a matrix `C` acting on the flattened input; the transposed
convolution is `C^T`: `vec(O) = C^T vec(I)`, with `vec` flattening an array row by row.
That is where the name comes from, and why the transposed convolution is the gradient
of the direct one.
"""),
    code("""
import sympy
from IPython.display import Math

import symconv
from symconv.analysis.latex import loss_latex
from symconv.notation.expressions import symbol_places
from symconv.notation.grids import values_latex


def shown(name, array, inputs):
    \"\"\"An array as mathematics, each product input first, in the inputs' order.\"\"\"
    array = sympy.ImmutableDenseNDimArray(array)
    return Math(values_latex(name, array, first=symbol_places(inputs)))
"""),
    md("## C for the 1-D example of *Understanding Transposed Convolutions*"),
    code("""
C = symconv.conv_matrix(["w1", "w2", "w3"], 2, stride=2, padding=1)
C
"""),
    code("C.T"),
    md("`C^T` times `vec(I) = [x1, x2]` is the document's `O = [x1*w2, x1*w3 + x2*w1, x2*w2]`:"),
    code("""
x1, x2, w1, w2, w3 = sympy.symbols("x1 x2 w1 w2 w3")
vec_O = C.T * sympy.Matrix([x1, x2])
assert list(vec_O) == [x1 * w2, x1 * w3 + x2 * w1, x2 * w2]
shown(r"\\operatorname{vec}(O)", vec_O, [x1, x2])
"""),
    md("""
## In 2-D

Rows of `C^T` are output cells in reading order; columns are input cells. A row's
nonzeros say which inputs, times which kernel taps, sum into that output.
"""),
    code("""
d = symconv.preset("example-2d-s1")
d.conv_matrix.T
"""),
    code("""
vec_O = d.conv_matrix.T * sympy.Matrix(d.input_elements)
assert list(vec_O) == sympy.flatten(d.output.tolist())
shown("O", vec_O.reshape(3, 3), d.input_elements)
"""),
    md("""
## Channels and groups

With channels, rows and columns run channel first. Two groups give a block-diagonal `C`.
"""),
    code("""
w = symconv.symbols_array("w", (2, 1, 2))
symconv.conv_matrix(w, 3, stride=2, groups=2)
"""),
    md("""
## The adjoint identity

For any `u` and `v`, `<C u, v> = <u, C^T v>`: checked here symbolically.
"""),
    code("""
C = d.conv_matrix
u = sympy.Matrix(sympy.symbols(f"u1:{C.cols + 1}"))
v = sympy.Matrix(sympy.symbols(f"v1:{C.rows + 1}"))
assert sympy.expand((C * u).dot(v) - u.dot(C.T * v)) == 0
"""),
    md("""
## The gradient identity

For a direct convolution `y = conv(z, K)` and a loss `L = sum(I * y)` (so `dL/dy = I`),
differentiating `L` with respect to `z` gives the transposed convolution of `I` with the
same kernel.
"""),
    code("""
d1 = symconv.preset("example-1d")
example = symconv.gradient_example(d1)
shown("y", example.direct, example.z)
"""),
    code('Math("L = " + loss_latex(d1, example))'),
    code("""
assert example.holds
shown(r"\\partial L / \\partial z", example.gradient, d1.input_elements)
"""),
    md("""
`symconv.verify` proves the three methods agree and both identities hold, for any
configuration PyTorch accepts, here with channels, groups and a batch:
"""),
    code("""
report = symconv.verify(
    symconv.symbols_array("x", (2, 4, 2, 2)),
    symconv.symbols_array("w", (4, 1, 3, 3)),
    stride=2,
    padding=1,
    output_padding=1,
    groups=2,
)
assert report.ok
report
"""),
]

NOTEBOOKS = {
    "01-walkthrough.ipynb": SEED_WALKTHROUGH,
    "02-stride-padding-dilation.ipynb": STRIDE_PADDING_DILATION,
    "03-matrix-view-and-gradient.ipynb": MATRIX_AND_GRADIENT,
}


def build(cells) -> nbformat.NotebookNode:
    """A notebook of ``cells`` without outputs, with numbered cell ids."""
    notebook = new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
    )
    for n, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{n:02d}"
    nbformat.validate(notebook)
    return notebook


def text_of(cells) -> str:
    """The file contents of a notebook of ``cells``."""
    return nbformat.writes(build(cells)) + "\n"


def main(folder: Path = HERE) -> None:
    for name, cells in NOTEBOOKS.items():
        (folder / name).write_text(text_of(cells), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
