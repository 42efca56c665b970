"""symconv: transposed convolutions derived symbolically, three independent ways.

>>> import symconv
>>> d = symconv.preset("seed-2d-s1")
>>> d.output[1, 1]
a*w22 + b*w21 + c*w12 + d*w11
>>> bool(d.verification)
True
"""

from symconv.budget import WorkEstimate, check_budget, estimate_work
from symconv.derivation import Derivation, derive, derive_symbolic
from symconv.direct import conv
from symconv.engine import conv_matrix, conv_transpose
from symconv.errors import SymconvError
from symconv.geometry import Geometry, make_geometry
from symconv.presets import PRESETS, preset
from symconv.tensors import letters, symbols_array, to_array
from symconv.verification import Check, Verification, verify

# Loaded on first use, so ``import symconv`` costs little more than ``import sympy``.
_LAZY = {
    "render_analysis": "analysis_latex",
    "render_channels": "channels_context",
    "output_latex": "array_format",
    "CheckReport": "checker",
    "check": "checker",
    "load_ipython_extension": "display",
    "unload_ipython_extension": "display",
    "closed_form": "general_form",
    "GradientExample": "gradient",
    "gradient_example": "gradient",
    "Notation": "latex",
    "onnx_conv_transpose": "onnx",
    "onnx_pads": "onnx",
    "overlap_counts": "overlap",
    "overlap_verdict": "overlap",
    "read_result": "parse",
    "overlap_figure": "plot",
    "Polyphase": "polyphase",
    "polyphase_of": "polyphase",
    "render_latex": "render",
    "direct_inputs_for": "sizes",
    "input_sizes_for": "sizes",
    "output_size_formula": "sizes",
    "relationships": "sizes",
    "compile_pdf": "texcompile",
}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'symconv' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"symconv.{_LAZY[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
    "render_channels",
    "render_latex",
    "symbols_array",
    "to_array",
    "unload_ipython_extension",
    "verify",
]
