"""Moving a transposed convolution between frameworks, with a proof that the call is the same.

Every convention keeps a window of the full canvas, per axis ``(begin, end)`` cells
cut (:mod:`symconv.engine.crop`), and lays its operands out its own way. A translation
reads the source call's window, finds the target's parameters that keep the same
window (or the nearest, with the extra crop or zero padding the target output then
needs), states the weight and input transforms, and proves the translated call equal
to the source for symbolic inputs and weights, entry by entry.

>>> t = translate("keras", "torch", input_size=2, kernel_size=3, strides=2, padding="same",
...               output_padding=1)
>>> t.target.params, t.extra, t.exact
({'stride': [2], 'padding': [0], 'output_padding': [0], 'dilation': [1]}, [(0, 1)], False)
>>> t.proof.equal, t.proof.entries
(True, 4)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import sympy
from sympy import ImmutableDenseNDimArray

from symconv.core.geometry import make_geometry
from symconv.core.parameters import per_dimension, positive_per_dimension
from symconv.core.sizes import canvas_length
from symconv.core.tensors import symbols_array
from symconv.core.windows import (
    convention_window,
    jax_window,
    keras_window,
    tf_window,
    torch_window,
)
from symconv.engine.crop import conv_transpose_window
from symconv.engine.jax import jax_conv_transpose
from symconv.engine.keras import keras_conv_transpose
from symconv.engine.layouts import channels_first, channels_last, flipped, rearranged
from symconv.engine.onnx import onnx_conv_transpose, onnx_pads
from symconv.engine.pytorch import conv_transpose
from symconv.engine.tensorflow import tf_conv_transpose
from symconv.errors import SymconvError
from symconv.notation.tex_text import tex_escape

CONVENTIONS = ("torch", "onnx", "keras", "tf", "jax")
#: Each convention's own names for its parameters (what a source call may give).
PARAMETERS = {
    "torch": ("stride", "padding", "output_padding", "dilation"),
    "onnx": ("strides", "pads", "output_padding", "dilations", "auto_pad", "output_shape"),
    "keras": ("strides", "padding", "output_padding", "dilation_rate"),
    "tf": ("strides", "padding", "output_shape", "dilations"),
    "jax": ("strides", "padding", "rhs_dilation", "transpose_kernel"),
}


@dataclass(frozen=True)
class Call:
    """A call in one convention's own terms: its name and its parameters (JSON-ready)."""

    convention: str
    params: dict


@dataclass(frozen=True)
class Proof:
    """The translated call compared with the source, entry by entry, for symbolic operands."""

    equal: bool
    entries: int
    shape: tuple[int, ...]
    witness: str = ""


@dataclass(frozen=True)
class Translation:
    """A source call, the target call keeping its window, the transforms, and the proof.

    ``extra`` is, per axis, the ``(begin, end)`` still to cut from the target's output
    (negative: zeros to append); ``exact`` is True when the target's parameters alone
    keep the window.
    """

    source: Call
    target: Call
    input_size: tuple[int, ...]
    kernel_size: tuple[int, ...]
    window: list[tuple[int, int]]
    target_window: list[tuple[int, int]]
    extra: list[tuple[int, int]]
    proof: Proof
    notes: list[str] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        """True when no extra crop or padding is needed."""
        return all(e == (0, 0) for e in self.extra)

    def as_dict(self) -> dict:
        """The translation as plain JSON-ready data."""
        return {
            "source": {"convention": self.source.convention, "params": self.source.params},
            "target": {"convention": self.target.convention, "params": self.target.params},
            "input_size": list(self.input_size),
            "kernel_size": list(self.kernel_size),
            "window": [list(w) for w in self.window],
            "target_window": [list(w) for w in self.target_window],
            "extra_crop": [list(e) for e in self.extra],
            "exact": self.exact,
            "weight": weight_code(self.source.convention, self.target.convention, len(self.window)),
            "input": input_code(self.source.convention, self.target.convention),
            "proof": {
                "equal": self.proof.equal,
                "entries": self.proof.entries,
                "shape": list(self.proof.shape),
                "witness": self.proof.witness,
            },
            "notes": self.notes,
        }

    def to_json(self) -> str:
        """The translation as JSON (deterministic)."""
        return json.dumps(self.as_dict(), indent=2) + "\n"

    def to_text(self) -> str:
        """The translation in words: the calls, the transforms, the extra crop, the proof."""
        s, t = self.source, self.target
        lines = [
            f"{s.convention} {_params_text(s.params)}",
            f"  = {t.convention} {_params_text(t.params)}"
            + ("" if self.exact else f", then {_extra_text(self.extra)}"),
            f"weight: {weight_code(s.convention, t.convention, len(self.window))}",
            f"input:  {input_code(s.convention, t.convention)}",
            f"window kept (begin, end cut from the canvas, per axis): {self.window}",
        ]
        lines += [f"note: {n}" for n in self.notes]
        verdict = "equal" if self.proof.equal else "NOT equal"
        lines.append(
            f"proof: {verdict} entry by entry for symbolic inputs and weights "
            f"({self.proof.entries} entries, output shape {self.proof.shape})"
        )
        if self.proof.witness:
            lines.append(self.proof.witness)
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        return self.to_text()

    def to_code(self) -> str:
        """A runnable snippet for the target framework, with the transforms and extra crop."""
        return code_snippet(self)

    def to_markdown(self) -> str:
        """A section for a paper's appendix, in Markdown with ``$...$`` mathematics."""
        s, t = self.source, self.target
        rows = [
            f"### {s.convention} to {t.convention}",
            "",
            f"Source: `{s.convention}` with {_params_text(s.params)}, input size "
            f"{list(self.input_size)}, kernel size {list(self.kernel_size)}.",
            "",
            f"Target: `{t.convention}` with {_params_text(t.params)}"
            + ("." if self.exact else f", then {_extra_text(self.extra)}."),
            "",
            f"Weight: `{weight_code(s.convention, t.convention, len(self.window))}`; "
            f"input: `{input_code(s.convention, t.convention)}`.",
            "",
            "Both keep the window $(b, e) = "
            + ", ".join(f"({b}, {e})" for b, e in self.window)
            + "$ of the canvas $C = s(I - 1) + d(k - 1) + 1$; the outputs agree entry by "
            f"entry for symbolic operands ({self.proof.entries} entries).",
        ]
        return "\n".join(rows) + "\n"

    def to_latex(self) -> str:
        """The same section for a LaTeX appendix: parameters and code escaped, mathematics set."""
        s, t = self.source, self.target
        window = ", ".join(f"({b}, {e})" for b, e in self.window)
        target = tex_escape(f"{t.convention} with {_params_text(t.params)}")
        if not self.exact:
            target += ", then " + tex_escape(_extra_text(self.extra))
        source = tex_escape(
            f"{s.convention} with {_params_text(s.params)}, input size "
            f"{list(self.input_size)}, kernel size {list(self.kernel_size)}"
        )
        weight = tex_escape(weight_code(s.convention, t.convention, len(self.window)))
        operand = tex_escape(input_code(s.convention, t.convention))
        rows = [
            r"\subsection*{" + tex_escape(f"{s.convention} to {t.convention}") + "}",
            r"\begin{flushleft}",
            f"Source: {source}.",
            "",
            f"Target: {target}.",
            "",
            r"Weight: \texttt{" + weight + r"} \\ Input: \texttt{" + operand + "}",
            "",
            rf"Both keep the window $(b, e) = {window}$ of the canvas "
            r"$C = s(I - 1) + d(k - 1) + 1$; the outputs agree entry by entry for symbolic "
            f"operands ({self.proof.entries} entries).",
            r"\end{flushleft}",
        ]
        return "\n".join(rows) + "\n"


def translate(
    source: str,
    target: str,
    input_size: object,
    kernel_size: object,
    in_channels: int = 1,
    out_channels: int = 1,
    **params,
) -> Translation:
    """Translate a call from ``source`` to ``target`` (torch, onnx, keras, tf, jax), with proof.

    ``params`` are the source's own parameters (e.g. Keras' ``strides``, ``padding``,
    ``output_padding``, ``dilation_rate``; TensorFlow's ``output_shape`` as spatial sizes).

    >>> translate("torch", "jax", 2, 3, stride=2, padding=1).target.params
    {'strides': [2], 'padding': [[1, 1]], 'rhs_dilation': [1], 'transpose_kernel': False}
    """
    for name, value in (("source", source), ("target", target)):
        if value not in CONVENTIONS:
            raise SymconvError(name, f"must be one of {', '.join(CONVENTIONS)}", value)
    unknown = sorted(set(params) - set(PARAMETERS[source]))
    if unknown:
        raise SymconvError(
            unknown[0], f"is not a {source} parameter ({', '.join(PARAMETERS[source])})"
        )
    rank = len(input_size) if isinstance(input_size, (list, tuple)) else 1
    sizes = positive_per_dimension("input_size", input_size, rank)
    kernel = positive_per_dimension("kernel_size", kernel_size, rank)
    stride, dilation, window = source_window(source, sizes, kernel, params)
    target_params, target_window, notes = target_call(
        target, sizes, kernel, stride, dilation, window
    )
    extra = [(b - tb, e - te) for (b, e), (tb, te) in zip(window, target_window)]
    filled = _with_defaults(source, params, rank)
    ordered = {k: filled[k] for k in PARAMETERS[source] if k in filled}
    source_call = Call(source, _plain(ordered))
    target_call_ = Call(target, target_params)
    proof = prove(source_call, target_call_, sizes, kernel, extra, in_channels, out_channels)
    if any(x != (0, 0) for x in extra):
        notes.append(
            f"no {target} parameters alone keep this window: "
            + "; ".join(_why(target, w, s, d) for w, s, d in zip(window, stride, dilation))
        )
        notes.append(_smallest_case(source_call, target_call_, sizes, kernel, in_channels))
    return Translation(
        source_call, target_call_, sizes, kernel, window, target_window, extra, proof, notes
    )


#: Each framework's own names for the stride and the dilation.
STEP_NAMES = {
    "torch": ("stride", "dilation"),
    "onnx": ("strides", "dilations"),
    "keras": ("strides", "dilation_rate"),
    "tf": ("strides", "dilations"),
    "jax": ("strides", "rhs_dilation"),
}
_DEFAULT_PADDING = {"keras": "valid", "tf": "SAME", "jax": "VALID"}


def source_window(convention: str, sizes, kernel, params) -> tuple:
    """The stride, dilation and window per axis that a call in ``convention`` keeps."""
    rank = len(sizes)
    stride_name, dilation_name = STEP_NAMES[convention]
    stride = positive_per_dimension(stride_name, params.get(stride_name, 1), rank)
    dilation = positive_per_dimension(dilation_name, params.get(dilation_name, 1), rank)
    if convention == "torch":
        pads = per_dimension("padding", params.get("padding", 0), rank)
        extra = per_dimension("output_padding", params.get("output_padding", 0), rank)
        make_geometry(sizes, kernel, stride, pads, extra, dilation)  # PyTorch's own rules
        return stride, dilation, [torch_window(p, op) for p, op in zip(pads, extra)]
    if convention == "onnx":
        begin, end = onnx_pads(sizes, kernel, **params)
        extra = per_dimension("output_padding", params.get("output_padding") or 0, rank)
        return stride, dilation, [(b, e - op) for b, e, op in zip(begin, end, extra)]
    padding = params.get("padding", _DEFAULT_PADDING[convention])
    if isinstance(padding, str):
        pads = [padding.lower() if convention == "keras" else padding.upper()] * rank
    else:
        pads = [tuple(p) for p in padding]
    op = params.get("output_padding")
    extra = (None,) * rank if op is None else per_dimension("output_padding", op, rank)
    output = (None,) * rank
    if convention == "tf":
        if "output_shape" not in params:
            raise SymconvError("output_shape", "is needed to translate a TensorFlow call")
        output = positive_per_dimension("output_shape", params["output_shape"], rank)
    window = [
        convention_window(convention, *axis_values, axis)
        for axis, axis_values in enumerate(
            zip(sizes, kernel, stride, dilation, pads, extra, output)
        )
    ]
    return stride, dilation, window


def target_call(convention: str, sizes, kernel, stride, dilation, window) -> tuple:
    """The target's parameters keeping ``window`` (or the nearest), that window, and notes."""
    s, d = list(stride), list(dilation)
    notes: list[str] = []
    if convention in ("torch", "onnx"):
        begins, ends, extras = [], [], []
        for (b, e), si, di in zip(window, s, d):
            top = max(si, di) - 1
            begin = max(b, 0)
            if convention == "torch":  # the same p on both sides: cut no cell the source keeps
                op = min(max(begin - e, 0), top)
                begin = min(begin, max(e, 0) + op)
                begins.append(begin)
                ends.append(begin - op)
                extras.append(op)
            else:
                op = min(max(-e, 0), top)
                begins.append(begin)
                ends.append(max(e + op, 0) - op)
                extras.append(op)
        got = list(zip(begins, ends))
        if convention == "torch":
            params = {"stride": s, "padding": begins, "output_padding": extras, "dilation": d}
        else:
            pads = begins + [e + op for e, op in zip(ends, extras)]
            params = {"strides": s, "pads": pads, "output_padding": extras, "dilations": d}
        return params, got, notes
    if convention == "jax":
        pads, got, modes = [], [], []
        for k, si, di, w in zip(kernel, s, d, window):
            span = di * (k - 1) + 1
            pads.append([span - 1 - w[0], span - 1 - w[1]])
            got.append(w)
            modes.append([m for m in ("SAME", "VALID") if jax_window(k, si, di, m) == w])
        common = set(modes[0]).intersection(*modes[1:]) if modes else set()
        padding = sorted(common)[0] if common else pads
        params = {"strides": s, "padding": padding, "rhs_dilation": d, "transpose_kernel": False}
        return params, got, notes
    if convention == "keras":
        return _search_keras(sizes, kernel, s, d, window)
    return _search_tf(sizes, kernel, s, d, window)


def _search_keras(sizes, kernel, s, d, window):
    """Keras' padding mode and output_padding (None for every axis, or a number for each)."""
    best = None
    for padding in ("valid", "same"):
        for unset in (True, False):
            ops, got = [], []
            for axis, (i, k, si, di, w) in enumerate(zip(sizes, kernel, s, d, window)):
                choices = [None] if unset else range(0, 2 * (di * (k - 1) + 1) + si)
                found = []
                for op in choices:
                    try:
                        found.append((op, keras_window(i, k, si, di, padding, op, axis)))
                    except SymconvError:
                        continue
                found = [f for f in found if _contains(f[1], w)]
                if not found:
                    break
                pick = min(found, key=lambda f: _distance(f[1], w))
                ops.append(pick[0])
                got.append(pick[1])
            else:
                cost = sum(_distance(g, w) for g, w in zip(got, window))
                if best is None or cost < best[0]:
                    params = {
                        "strides": s,
                        "padding": padding,
                        "output_padding": None if unset else ops,
                        "dilation_rate": d,
                    }
                    best = (cost, params, got)
    if best is None:
        raise SymconvError("target", "no Keras call of these sizes is accepted by its backend")
    return best[1], best[2], []


def _search_tf(sizes, kernel, s, d, window):
    rank = len(sizes)
    best = None
    modes = ["VALID", "SAME"] + (["EXPLICIT"] if rank == 2 else [])
    for mode in modes:
        outputs, got, pads = [], [], []
        for axis, (i, k, si, di, w) in enumerate(zip(sizes, kernel, s, d, window)):
            canvas = canvas_length(i, k, si, di)
            options = []
            for o in range(1, canvas + 2 * si + 2):
                for pair in (
                    [mode]
                    if mode != "EXPLICIT"
                    else [(a, b) for a in range(0, k + 2) for b in range(0, k + si + 2)]
                ):
                    try:
                        options.append((o, pair, tf_window(i, k, si, di, o, pair, axis)))
                    except SymconvError:
                        continue
            options = [opt for opt in options if _contains(opt[2], w)]
            if not options:
                break
            exact = [opt for opt in options if opt[2] == w]
            pick = exact[0] if exact else min(options, key=lambda f: _distance(f[2], w))
            outputs.append(pick[0])
            pads.append(pick[1])
            got.append(pick[2])
        else:
            cost = sum(_distance(g, w) for g, w in zip(got, window))
            if best is None or cost < best[0]:
                padding = mode if mode != "EXPLICIT" else [[0, 0], *map(list, pads), [0, 0]]
                params = {"strides": s, "padding": padding, "output_shape": outputs, "dilations": d}
                best = (cost, params, got)
    if best is None:
        raise SymconvError("target", "no TensorFlow call of these sizes keeps this window")
    return best[1], best[2], []


def _contains(kept, wanted) -> bool:
    """True when a target keeping window ``kept`` keeps every canvas cell ``wanted`` keeps."""
    return kept[0] <= max(wanted[0], 0) and kept[1] <= max(wanted[1], 0)


def _distance(a, b) -> int:
    return abs(a[0] - b[0]) + abs(a[1] - b[1])


def _why(target: str, window, stride, dilation) -> str:
    b, e = window
    if target == "torch":
        return (
            f"window ({b}, {e}) needs padding {b} and output_padding {b - e}, but PyTorch "
            f"takes padding >= 0 and 0 <= output_padding < max(stride, dilation) = "
            f"{max(stride, dilation)}"
        )
    if target == "onnx":
        return f"window ({b}, {e}) needs pads >= 0 and output_padding < {max(stride, dilation)}"
    return f"window ({b}, {e}) is not one {target}'s padding modes give"


# --- layouts and the proof ------------------------------------------------------------------


def to_convention(convention: str, x, w, rank: int, transpose_kernel: bool = False):
    """PyTorch-layout operands ``x (N, C_in, *I)``, ``w (C_in, C_out, *k)`` in ``convention``'s."""
    if convention in ("torch", "onnx"):
        return x, w
    spatial = tuple(range(2, rank + 2))
    if convention in ("keras", "tf"):
        return channels_last(x), rearranged(w, (*spatial, 1, 0))
    if transpose_kernel:
        return channels_last(x), rearranged(w, (*spatial, 1, 0))
    return channels_last(x), rearranged(flipped(w, spatial), (*spatial, 0, 1))


def run_call(call: Call, x, w, rank: int) -> ImmutableDenseNDimArray:
    """The output of ``call`` for PyTorch-layout operands, returned in PyTorch's layout."""
    p = call.params
    xs, ws = to_convention(call.convention, x, w, rank, bool(p.get("transpose_kernel")))
    if call.convention == "torch":
        return conv_transpose(
            xs,
            ws,
            None,
            p.get("stride", 1),
            p.get("padding", 0),
            p.get("output_padding", 0),
            1,
            p.get("dilation", 1),
        )
    if call.convention == "onnx":
        return onnx_conv_transpose(xs, ws, **p)
    if call.convention == "keras":
        return channels_first(keras_conv_transpose(xs, ws, **p))
    if call.convention == "tf":
        spatial = positive_per_dimension("output_shape", p["output_shape"], rank)
        shape = [int(x.shape[0]), *spatial, int(w.shape[1])]
        rest = {k: v for k, v in p.items() if k != "output_shape"}
        return channels_first(tf_conv_transpose(xs, ws, shape, **rest))
    return channels_first(jax_conv_transpose(xs, ws, **p))


def with_extra(y: ImmutableDenseNDimArray, extra) -> ImmutableDenseNDimArray:
    """``y`` (PyTorch layout) with ``(begin, end)`` cut per spatial axis, negative = zeros added."""
    if all(e == (0, 0) for e in extra):
        return y
    channels = int(y.shape[1])
    identity = [1 if i == j else 0 for i in range(channels) for j in range(channels)]
    w = ImmutableDenseNDimArray(identity, (channels, channels, *([1] * len(extra))))
    return conv_transpose_window(y, w, None, 1, extra)


def prove(source: Call, target: Call, sizes, kernel, extra, in_channels=1, out_channels=1) -> Proof:
    """Both calls on symbolic operands, compared entry by entry (exact SymPy equality)."""
    rank = len(sizes)
    x = symbols_array("x", (1, in_channels, *sizes))
    w = symbols_array("w", (in_channels, out_channels, *kernel))
    want = run_call(source, x, w, rank)
    got = with_extra(run_call(target, x, w, rank), extra)
    shape = tuple(int(n) for n in want.shape)
    if tuple(int(n) for n in got.shape) != shape:
        return Proof(False, 0, shape, f"shapes differ: {shape} and {tuple(got.shape)}")
    pairs = list(zip(sympy.flatten(want.tolist()), sympy.flatten(got.tolist())))
    differ = [(a, b) for a, b in pairs if sympy.expand(a - b) != 0]
    witness = f"first differing entry: {differ[0][0]} vs {differ[0][1]}" if differ else ""
    return Proof(not differ, len(pairs), shape, witness)


def _smallest_case(source: Call, target: Call, sizes, kernel, channels: int) -> str:
    """The smallest input showing the difference: the source's output and the target's alone.

    Tried from an input of one cell per axis up to the request's own sizes.
    """
    rank = len(sizes)
    w = symbols_array("w", (channels, 1, *kernel))
    for n in range(1, max(sizes) + 1):
        trial = tuple(min(n, size) for size in sizes)
        x = symbols_array("x", (1, channels, *trial))
        try:
            want = run_call(source, x, w, rank)
            got = run_call(target, x, w, rank)
        except SymconvError:
            continue
        if want != got:
            return (
                f"smallest case, input {'x'.join(map(str, trial))}: {source.convention} gives "
                f"{_plain_values(want)}, {target.convention} with these parameters alone "
                f"gives {_plain_values(got)}"
            )
    return "the two calls differ only in the extra crop"


def _plain_values(array) -> str:
    return str(sympy.flatten(array.tolist())).replace("'", "")


def weight_code(source: str, target: str, rank: int) -> str:
    """The weight transform as NumPy code: ``w_src`` to PyTorch's layout, then the target's.

    >>> weight_code("torch", "jax", 1)
    'w = np.transpose(np.flip(w_src, axis=(2,)), (2, 0, 1))'
    """
    spatial = ", ".join(str(a) for a in range(rank))
    axes = ", ".join(str(a) for a in range(2, rank + 2))
    flip_axes = repr(tuple(range(2, rank + 2)))
    to_torch = {
        "torch": "w_src",
        "onnx": "w_src",
        "keras": f"np.transpose(w_src, ({rank + 1}, {rank}, {spatial}))",
        "tf": f"np.transpose(w_src, ({rank + 1}, {rank}, {spatial}))",
        "jax": f"np.flip(np.transpose(w_src, ({rank}, {rank + 1}, {spatial})), axis={flip_axes})",
    }[source]
    from_torch = {
        "torch": "{}",
        "onnx": "{}",
        "keras": f"np.transpose({{}}, ({axes}, 1, 0))",
        "tf": f"np.transpose({{}}, ({axes}, 1, 0))",
        "jax": f"np.transpose(np.flip({{}}, axis={flip_axes}), ({axes}, 0, 1))",
    }[target]
    return "w = " + from_torch.format(to_torch)


def input_code(source: str, target: str) -> str:
    """The input transform as NumPy code (channels first for torch and onnx, else last)."""
    first = {"torch", "onnx"}
    if (source in first) == (target in first):
        return "x = x_src"
    if source in first:
        return "x = np.moveaxis(x_src, 1, -1)"
    return "x = np.moveaxis(x_src, -1, 1)"


#: Each convention's framework by name, as a sentence names it.
FRAMEWORKS = {
    "torch": "PyTorch",
    "onnx": "ONNX",
    "keras": "Keras",
    "tf": "TensorFlow",
    "jax": "JAX",
}


def call_code(
    call: Call, rank: int, x: str = "x", w: str = "w", batch: str = "1", out_channels: str = "1"
) -> str:
    """The call as its framework's code: the function, the operands ``x`` and ``w``, the parameters.

    Parameters set to None are left out, as are TensorFlow's dilations when all are 1 and
    JAX's ``transpose_kernel`` when False; TensorFlow's output shape is written whole,
    ``batch`` and ``out_channels`` around the spatial sizes.

    >>> call_code(Call("keras", {"strides": [2], "padding": "same", "output_padding": None}), 1)
    'keras.ops.conv_transpose(x, w, strides=[2], padding="same")'
    >>> call_code(Call("tf", {"strides": [2, 2], "padding": "SAME", "output_shape": [4, 4]}), 2)
    'tf.nn.conv_transpose(x, w, [1, 4, 4, 1], strides=[2, 2], padding="SAME")'
    """
    p = {k: v for k, v in call.params.items() if v is not None}
    conv = call.convention
    if conv == "jax":
        pad = p["padding"] if isinstance(p["padding"], str) else [tuple(q) for q in p["padding"]]
        flag = ", transpose_kernel=True" if p.get("transpose_kernel") else ""
        return (
            f"lax.conv_transpose({x}, {w}, {tuple(p['strides'])}, {_python(pad)}, "
            f"rhs_dilation={tuple(p.get('rhs_dilation', [1] * rank))}{flag})"
        )
    operands = [x, w]
    if conv == "tf":
        spatial = ", ".join(str(n) for n in p.pop("output_shape"))
        operands.append(f"[{batch}, {spatial}, {out_channels}]")
        if all(n == 1 for n in p.get("dilations", [1])):
            p.pop("dilations", None)
    function = {
        "torch": f"F.conv_transpose{rank}d",
        "onnx": "ConvTranspose.eval",
        "keras": "keras.ops.conv_transpose",
        "tf": "tf.nn.conv_transpose",
    }[conv]
    arguments = operands + [f"{name}={_python(value)}" for name, value in p.items()]
    return f"{function}({', '.join(arguments)})"


def _python(value) -> str:
    """A parameter's value as Python code, a padding mode in double quotes."""
    return f'"{value}"' if isinstance(value, str) else repr(value)


def code_snippet(t: Translation) -> str:
    """Runnable code for the target framework, operands in the source's layout."""
    rank = len(t.window)
    lines = [
        "import numpy as np",
        input_code(t.source.convention, t.target.convention),
        weight_code(t.source.convention, t.target.convention, rank),
    ]
    conv = t.target.convention
    if conv == "torch":
        operands = ("torch.from_numpy(x.copy())", "torch.from_numpy(w.copy())")
        lines += [
            "import torch",
            "import torch.nn.functional as F",
            f"y = {call_code(t.target, rank, *operands)}.numpy()",
        ]
    elif conv == "onnx":
        lines += [
            "from onnx.reference.ops.op_conv_transpose import ConvTranspose",
            f"y = {call_code(t.target, rank)}",
        ]
    elif conv == "keras":
        lines += ["import keras", f"y = np.asarray({call_code(t.target, rank)})"]
    elif conv == "tf":
        call = call_code(t.target, rank, batch="x.shape[0]", out_channels="w.shape[-2]")
        lines += ["import tensorflow as tf", f"y = {call}.numpy()"]
    else:
        lines += ["from jax import lax", f"y = np.asarray({call_code(t.target, rank)})"]
    if not t.exact:
        last = conv in ("keras", "tf", "jax")
        first_axis = 1 if last else 2
        widths, slices = [], []
        for axis, (b, e) in enumerate(t.extra):
            widths.append((max(-b, 0), max(-e, 0)))
            slices.append(f"{max(b, 0)}:y.shape[{first_axis + axis}] - {max(e, 0)}")
        pad = [(0, 0)] + ([] if last else [(0, 0)]) + widths + ([(0, 0)] if last else [])
        if any(widths != (0, 0) for widths in widths):
            lines.append(f"y = np.pad(y, {pad})  # zeros the target does not append")
        index = ", ".join((["..."] if not last else [":"]) + slices + ([":"] if last else []))
        lines.append(f"y = y[{index}]  # the cells the target does not cut")
    lines.append(
        input_code(t.target.convention, t.source.convention)
        .replace("x_src", "y")
        .replace("x = ", "y = ")
    )
    return "\n".join(lines) + "\n"


def _with_defaults(convention: str, params: dict, rank: int) -> dict:
    """The source's parameters with the required ones a call must name filled in."""
    filled = dict(params)
    if convention == "jax":
        filled.setdefault("strides", [1] * rank)
        filled.setdefault("padding", "VALID")
    if convention == "tf":
        filled.setdefault("strides", [1] * rank)
    return filled


def _plain(params: dict) -> dict:
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()}


def _params_text(params: dict) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in params.items() if v is not None)


def _extra_text(extra) -> str:
    parts = []
    for axis, (b, e) in enumerate(extra, start=1):
        if (b, e) == (0, 0):
            continue
        words = []
        for n, side in ((b, "start"), (e, "end")):
            if n > 0:
                words.append(f"cut {n} at the {side}")
            elif n < 0:
                words.append(f"append {-n} zero{'s' if n < -1 else ''} at the {side}")
        parts.append(f"axis {axis}: " + " and ".join(words))
    return "; ".join(parts)
