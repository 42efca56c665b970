"""symconv: transposed convolutions derived symbolically, three independent ways.

>>> import symconv
>>> d = symconv.preset("seed-2d-s1")
>>> d.output[1, 1]
a*w22 + b*w21 + c*w12 + d*w11
>>> bool(d.verification)
True
"""

from symconv.analysis_latex import render_analysis
from symconv.array_format import output_latex
from symconv.budget import WorkEstimate, check_budget, estimate_work
from symconv.checker import CheckReport, check
from symconv.derivation import Derivation, derive, derive_symbolic
from symconv.direct import conv
from symconv.display import load_ipython_extension, unload_ipython_extension
from symconv.engine import conv_matrix, conv_transpose
from symconv.errors import SymconvError
from symconv.general_form import closed_form
from symconv.geometry import Geometry, make_geometry
from symconv.gradient import GradientExample, gradient_example
from symconv.latex import Notation
from symconv.onnx import onnx_conv_transpose, onnx_pads
from symconv.overlap import overlap_counts, overlap_verdict
from symconv.parse import read_result
from symconv.plot import overlap_figure
from symconv.polyphase import Polyphase, polyphase_of
from symconv.presets import PRESETS, preset
from symconv.render import render_latex
from symconv.sizes import direct_inputs_for, input_sizes_for, output_size_formula, relationships
from symconv.tensors import letters, symbols_array, to_array
from symconv.texcompile import compile_pdf
from symconv.verification import Check, Verification, verify

__version__ = "0.1.0"

__all__ = [
    "PRESETS",
    "Check",
    "CheckReport",
    "Derivation",
    "Geometry",
    "GradientExample",
    "Notation",
    "Polyphase",
    "SymconvError",
    "Verification",
    "WorkEstimate",
    "check",
    "check_budget",
    "closed_form",
    "compile_pdf",
    "conv",
    "conv_matrix",
    "conv_transpose",
    "derive",
    "derive_symbolic",
    "direct_inputs_for",
    "estimate_work",
    "gradient_example",
    "input_sizes_for",
    "letters",
    "load_ipython_extension",
    "make_geometry",
    "onnx_conv_transpose",
    "onnx_pads",
    "output_latex",
    "output_size_formula",
    "overlap_counts",
    "overlap_figure",
    "overlap_verdict",
    "polyphase_of",
    "preset",
    "read_result",
    "relationships",
    "render_analysis",
    "render_latex",
    "symbols_array",
    "to_array",
    "unload_ipython_extension",
    "verify",
]
