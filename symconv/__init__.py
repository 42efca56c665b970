"""symconv: transposed convolutions derived symbolically, three independent ways.

>>> import symconv
>>> d = symconv.preset("example-2d-s1")
>>> d.output[1, 1]
a*w22 + b*w21 + c*w12 + d*w11
>>> bool(d.verification)
True
"""

from symconv.errors import SymconvError

# Loaded on first use: ``import symconv`` (and the command line's ``symconv size``) loads
# no SymPy; the first name that needs it loads it.
_LAZY = {
    "WorkEstimate": "core.budget",
    "check_budget": "core.budget",
    "estimate_work": "core.budget",
    "conv": "core.direct",
    "Geometry": "core.geometry",
    "make_geometry": "core.geometry",
    "make_problem": "core.problem",
    "letters": "core.tensors",
    "symbols_array": "core.tensors",
    "to_array": "core.tensors",
    "Derivation": "engine.derivation",
    "derive": "engine.derivation",
    "derive_symbolic": "engine.derivation",
    "PRESETS": "engine.presets",
    "preset": "engine.presets",
    "conv_matrix": "engine.pytorch",
    "conv_transpose": "engine.pytorch",
    "Check": "engine.verification",
    "Verification": "engine.verification",
    "verify": "engine.verification",
    "render_analysis": "analysis.latex",
    "render_channels": "latex.channels",
    "report_html": "checker.report_formats",
    "homework_html": "checker.report_formats",
    "homework_latex": "checker.report_formats",
    "check_homework": "checker.homework",
    "conv_transpose_window": "engine.crop",
    "framework_input_sizes": "core.windows",
    "translate": "engine.translate",
    "Translation": "engine.translate",
    "keras_conv_transpose": "engine.keras",
    "tf_conv_transpose": "engine.tensorflow",
    "jax_conv_transpose": "engine.jax",
    "jax_conv_general_dilated": "engine.jax",
    "HomeworkReport": "checker.homework",
    "report_latex": "checker.report_formats",
    "output_latex": "notation.grids",
    "CheckReport": "checker.report",
    "check": "checker.compare",
    "load_ipython_extension": "jupyter",
    "unload_ipython_extension": "jupyter",
    "closed_form": "analysis.closed_form",
    "GradientExample": "analysis.gradient",
    "gradient_example": "analysis.gradient",
    "Notation": "notation.style",
    "onnx_conv_transpose": "engine.onnx",
    "onnx_pads": "engine.onnx",
    "overlap_counts": "analysis.overlap",
    "overlap_verdict": "analysis.overlap",
    "read_result": "checker.read.parse",
    "overlap_figure": "analysis.plot",
    "displayable": "analysis.plot",
    "Polyphase": "analysis.polyphase",
    "polyphase_of": "analysis.polyphase",
    "render_latex": "latex.render",
    "render_html": "web.page",
    "animate": "web.animate",
    "explore": "web.explorer",
    "Explorer": "web.explorer",
    "animation_frames": "web.animate",
    "render_markdown": "web.page",
    "direct_inputs_for": "core.sizes",
    "input_sizes_for": "core.sizes",
    "output_size_formula": "core.sizes",
    "relationships": "core.sizes",
    "compile_pdf": "latex.pdf",
    "exercises": "teaching.exercises",
    "Exercise": "teaching.exercises",
    "Sheet": "teaching.exercises",
    "grade": "teaching.grading",
    "Grade": "teaching.grading",
    "GradeTable": "teaching.grading",
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
    "HomeworkReport",
    "Derivation",
    "Exercise",
    "Explorer",
    "Geometry",
    "Grade",
    "GradeTable",
    "GradientExample",
    "Notation",
    "Polyphase",
    "Sheet",
    "SymconvError",
    "Verification",
    "animate",
    "animation_frames",
    "WorkEstimate",
    "check",
    "check_budget",
    "check_homework",
    "conv_transpose_window",
    "framework_input_sizes",
    "jax_conv_general_dilated",
    "jax_conv_transpose",
    "keras_conv_transpose",
    "tf_conv_transpose",
    "translate",
    "Translation",
    "closed_form",
    "compile_pdf",
    "conv",
    "conv_matrix",
    "conv_transpose",
    "derive",
    "derive_symbolic",
    "direct_inputs_for",
    "estimate_work",
    "exercises",
    "grade",
    "explore",
    "gradient_example",
    "input_sizes_for",
    "letters",
    "load_ipython_extension",
    "make_geometry",
    "make_problem",
    "onnx_conv_transpose",
    "onnx_pads",
    "output_latex",
    "output_size_formula",
    "overlap_counts",
    "overlap_figure",
    "displayable",
    "overlap_verdict",
    "polyphase_of",
    "preset",
    "read_result",
    "relationships",
    "render_analysis",
    "render_channels",
    "render_html",
    "render_latex",
    "render_markdown",
    "report_html",
    "report_latex",
    "homework_html",
    "homework_latex",
    "symbols_array",
    "to_array",
    "unload_ipython_extension",
    "verify",
]
