"""symconv: transposed convolutions derived symbolically, three independent ways.

>>> import symconv
>>> d = symconv.preset("seed-2d-s1")
>>> d.output[1, 1]
a*w22 + b*w21 + c*w12 + d*w11
>>> bool(d.verification)
True
"""

from symconv.derivation import Derivation, derive, derive_symbolic
from symconv.direct import conv
from symconv.engine import conv_matrix, conv_transpose
from symconv.errors import SymconvError
from symconv.geometry import Geometry, make_geometry
from symconv.onnx import onnx_conv_transpose, onnx_pads
from symconv.presets import PRESETS, preset
from symconv.tensors import letters, symbols_array, to_array
from symconv.verification import Check, Verification, verify

__version__ = "0.1.0"

__all__ = [
    "PRESETS",
    "Check",
    "Derivation",
    "Geometry",
    "SymconvError",
    "Verification",
    "conv",
    "conv_matrix",
    "conv_transpose",
    "derive",
    "derive_symbolic",
    "letters",
    "make_geometry",
    "onnx_conv_transpose",
    "onnx_pads",
    "preset",
    "symbols_array",
    "to_array",
    "verify",
]
