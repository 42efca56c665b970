"""Each framework's rule for the window of the canvas it keeps: plain integers, no SymPy.

Per axis the full canvas has ``C = s*(I - 1) + d*(k - 1) + 1`` cells; PyTorch, ONNX,
Keras, TensorFlow and JAX each keep a window of it, ``(begin, end)`` cells cut at
the two ends, a negative number meaning zeros appended. These are the rules, one place
for each: the front-ends in :mod:`symconv.engine` and ``symconv size`` read them.

>>> torch_window(1, 1), keras_window(2, 3, 2, 1, "same", 1), jax_window(3, 2, 1, "SAME")
((1, 0), (0, 1), (0, 1))
"""

from __future__ import annotations

from symconv.core.sizes import canvas_length, output_size_name, plus_term, size_lines
from symconv.errors import SymconvError


def torch_window(padding: int, output_padding: int) -> tuple[int, int]:
    """PyTorch's window: ``padding`` cut at the start, ``padding - output_padding`` at the end."""
    return padding, padding - output_padding


def tf_window(
    input: int, kernel: int, stride: int, dilation: int, output: int, padding, axis: int
) -> tuple[int, int]:
    """The ``(begin, end)`` cut from one axis's canvas, or an error as TensorFlow raises it.

    ``padding`` is ``"SAME"``, ``"VALID"`` or an explicit ``(begin, end)`` pair.

    >>> tf_window(2, 3, 2, 1, 4, "SAME", 0), tf_window(2, 3, 2, 1, 6, "VALID", 0)
    ((0, 1), (0, -1))
    """
    span = dilation * (kernel - 1) + 1
    canvas = canvas_length(input, kernel, stride, dilation)
    if padding == "SAME":
        if -(-output // stride) != input:
            raise SymconvError(
                "output_shape",
                f"axis {axis + 1}: with padding SAME TensorFlow needs ceil(O / s) = I "
                f"(O = {output}, s = {stride}, I = {input})",
                output,
            )
        begin = max(canvas - output, 0) // 2
        return begin, canvas - begin - output
    if padding == "VALID":
        begin, end_pad = 0, 0
    else:
        begin, end_pad = padding
    if output + begin + end_pad < span or (output + begin + end_pad - span) // stride + 1 != input:
        kernel_terms, kernel_values = "k", f"k = {kernel}"
        if dilation != 1:
            kernel_terms, kernel_values = "d*(k - 1) - 1", f"d = {dilation}, k = {kernel}"
        raise SymconvError(
            "output_shape",
            f"axis {axis + 1}: TensorFlow needs floor((O + pads - {kernel_terms}) / s) + 1 = I "
            f"(O = {output}, pads = {begin + end_pad}, {kernel_values}, s = {stride}, I = {input})",
            output,
        )
    return begin, canvas - begin - output


def keras_output_length(
    input: int, kernel: int, stride: int, dilation: int, padding: str, output_padding
) -> int:
    """Keras' ``deconv_output_length``: the output length it asks the backend for.

    >>> keras_output_length(2, 3, 2, 1, "same", None), keras_output_length(2, 3, 2, 1, "same", 1)
    (4, 4)
    """
    span = dilation * (kernel - 1) + 1
    if output_padding is None:
        if padding == "valid":
            return input * stride + max(span - stride, 0)
        return input * stride
    pad = span // 2 if padding == "same" else 0
    return (input - 1) * stride + span - 2 * pad + output_padding


def keras_window(i, k, s, d, padding: str, output_padding, axis: int = 0) -> tuple[int, int]:
    """The ``(begin, end)`` Keras cuts from one axis's canvas, or its backend's refusal.

    >>> keras_window(2, 3, 2, 1, "same", 1), keras_window(2, 3, 2, 1, "valid", None)
    ((0, 1), (0, 0))
    """
    length = keras_output_length(i, k, s, d, padding, output_padding)
    if length < 1:
        raise SymconvError("output_padding", "leaves no output", output_padding)
    try:
        return tf_window(i, k, s, d, length, padding.upper(), axis)
    except SymconvError as error:
        raise SymconvError(
            "output_padding", f"Keras asks for O = {length}, but {error.rule[8:]}"
        ) from None


def jax_window(kernel: int, stride: int, dilation: int, padding) -> tuple[int, int]:
    """The ``(begin, end)`` that ``lax.conv_transpose``'s padding cuts from one axis's canvas.

    >>> jax_window(3, 2, 1, "SAME"), jax_window(3, 2, 1, "VALID"), jax_window(3, 1, 1, (2, 4))
    ((0, 1), (0, 0), (0, -2))
    """
    span = dilation * (kernel - 1) + 1
    if padding == "SAME":
        begin = max(span - stride, 0) // 2
        return begin, span - stride - begin
    if padding == "VALID":
        return 0, min(span - stride, 0)
    low, high = padding
    return span - 1 - low, span - 1 - high


#: Each convention's padding modes, as its users write them (``pads`` and pairs aside).
PADDING_MODES = {
    "onnx": ("SAME_UPPER", "SAME_LOWER", "VALID"),
    "keras": ("same", "valid"),
    "tf": ("SAME", "VALID"),
    "jax": ("SAME", "VALID"),
}


def convention_window(
    convention: str,
    input: int,
    kernel: int,
    stride: int,
    dilation: int,
    padding,
    output_padding: int | None = None,
    output: int | None = None,
    axis: int = 0,
) -> tuple[int, int]:
    """The ``(begin, end)`` one axis keeps by Keras', TensorFlow's or JAX's rule.

    ``padding`` is the mode (or JAX's ``(lo, hi)``, TensorFlow's ``(begin, end)``);
    ``output_padding`` is Keras', ``output`` TensorFlow's output size.

    >>> convention_window("keras", 2, 3, 2, 1, "same", 1)
    (0, 1)
    >>> convention_window("jax", 2, 3, 2, 1, "SAME")
    (0, 1)
    >>> convention_window("tf", 2, 3, 2, 1, "VALID", output=6)
    (0, -1)
    """
    if convention == "keras":
        return keras_window(input, kernel, stride, dilation, padding, output_padding, axis)
    if convention == "tf":
        return tf_window(input, kernel, stride, dilation, output, padding, axis)
    if convention == "jax":
        return jax_window(kernel, stride, dilation, padding)
    raise SymconvError("convention", "must be keras, tf or jax", convention)


def convention_size_lines(
    convention: str,
    input_size: tuple[int, ...],
    kernel_size: tuple[int, ...],
    stride: tuple[int, ...],
    dilation: tuple[int, ...],
    padding: object,
    output_padding: tuple | None = None,
    output_shape: tuple[int, ...] | None = None,
) -> str:
    """Each axis's output size by ``convention``'s own rule, worked out, and the window it keeps.

    ``padding`` is the convention's: Keras' ``"same"``/``"valid"``, TensorFlow's and JAX's
    ``"SAME"``/``"VALID"``, JAX's ``(lo, hi)`` pairs, or PyTorch's and ONNX's numbers.

    >>> print(convention_size_lines("keras", (2,), (3,), (2,), (1,), "same", (1,)))
    ... # doctest: +NORMALIZE_WHITESPACE
    O = (I - 1)*s + k % 2 + output_padding = (2 - 1)*2 + 3 % 2 + 1 = 4;
    keeps cells 0 to 3 of the 5-cell canvas (0 cut at the start, 1 at the end)

    A dilated kernel is written as the cells it spans, ``d*(k - 1) + 1``:

    >>> print(convention_size_lines("jax", (2,), (3,), (2,), (2,), "VALID"))
    ... # doctest: +NORMALIZE_WHITESPACE
    O = I*s + max(d*(k - 1) + 1 - s, 0) = 2*2 + max(2*(3 - 1) + 1 - 2, 0) = 7;
    keeps cells 0 to 6 of the 7-cell canvas (0 cut at the start, 0 at the end)
    """
    lines = []
    rank = len(input_size)
    for axis in range(rank):
        i, k, s, d = input_size[axis], kernel_size[axis], stride[axis], dilation[axis]
        canvas = canvas_length(i, k, s, d)
        # the cells the kernel spans: as symbols, its numbers, and either as one term
        spans, span_numbers = ("k", f"{k}") if d == 1 else ("d*(k - 1) + 1", f"{d}*({k} - 1) + 1")
        span_term, span_number_term = (
            (spans, span_numbers) if d == 1 else (f"({spans})", f"({span_numbers})")
        )
        op = None if output_padding is None else output_padding[axis]
        name = output_size_name(rank, axis)
        pair = padding[axis] if isinstance(padding, (list, tuple)) else padding
        output = None if output_shape is None else output_shape[axis]
        begin, end = convention_window(convention, i, k, s, d, pair, op, output, axis)
        valid = f"I*s + max({spans} - s, 0) = {i}*{s} + max({span_numbers} - {s}, 0)"
        if convention == "keras":
            if op is None and padding == "valid":
                formula = valid
            elif op is None:
                formula = f"I*s = {i}*{s}"
            elif padding == "valid":
                formula = (
                    f"(I - 1)*s + {spans} + output_padding = ({i} - 1)*{s} + {span_numbers} + {op}"
                )
            else:
                formula = (
                    f"(I - 1)*s + {span_term} % 2 + output_padding"
                    f" = ({i} - 1)*{s} + {span_number_term} % 2 + {op}"
                )
        elif convention == "tf":
            formula = ""
        else:
            named = {"SAME": f"I*s = {i}*{s}", "VALID": valid}
            formula = (
                named[pair]
                if pair in named
                else f"s*(I - 1) + lo + hi - {span_term} + 2"
                f" = {s}*({i} - 1){plus_term(pair[0])}{plus_term(pair[1])} - {span_number_term} + 2"
            )
        size = canvas - begin - end
        if size < 1:
            raise SymconvError("padding", "leaves no output", padding)
        given = f"{size} (the output_shape given)" if not formula else f"{formula} = {size}"
        lines.append(f"{name} = {given}; {kept_window(canvas, begin, end)}")
    return "\n".join(lines)


def kept_window(canvas: int, begin: int, end: int) -> str:
    """The window of the canvas that cutting ``begin`` and ``end`` cells keeps, in words.

    A negative number of cells cut is that many zeros put beside the canvas.

    >>> kept_window(5, 0, 1)
    'keeps cells 0 to 3 of the 5-cell canvas (0 cut at the start, 1 at the end)'
    >>> kept_window(5, 9, -6)  # doctest: +NORMALIZE_WHITESPACE
    'keeps no cell of the 5-cell canvas (9 cut at the start, 0 at the end;
    6 zeros appended after)'
    >>> print(kept_window(5, -1, -2))  # doctest: +NORMALIZE_WHITESPACE
    keeps cells 0 to 4 of the 5-cell canvas
    (0 cut at the start, 0 at the end; 1 zero put before, 2 zeros appended after)
    """
    first, last = max(begin, 0), min(canvas, canvas - end) - 1
    cells = f"cells {first} to {last}" if first <= last else "no cell"
    cut = f"{max(begin, 0)} cut at the start, {max(end, 0)} at the end"
    zeros = [
        f"{count} {'zero' if count == 1 else 'zeros'} {where}"
        for count, where in ((-begin, "put before"), (-end, "appended after"))
        if count > 0
    ]
    if zeros:
        cut += "; " + ", ".join(zeros)
    return f"keeps {cells} of the {canvas}-cell canvas ({cut})"


def window_size_lines(geometry) -> str:
    """Each axis's size line (:func:`~symconv.core.sizes.size_lines`) and the window it keeps.

    This is how ``symconv size --convention onnx`` reads: the padding ONNX works out
    (``SAME_UPPER`` puts the odd cell at the end) is cut from the canvas.

    >>> from symconv.core.geometry import make_geometry
    >>> print(window_size_lines(make_geometry(2, 3, stride=2, padding=[(0, 1)], rules="onnx")))
    ... # doctest: +NORMALIZE_WHITESPACE
    O = 2*(2 - 1) + 3 - (0 + 1) = 4;
    keeps cells 0 to 3 of the 5-cell canvas (0 cut at the start, 1 at the end)
    """
    lines = []
    for line, axis in zip(size_lines(geometry).splitlines(), geometry.axes):
        end = axis.canvas - axis.pad_begin - axis.output
        lines.append(f"{line}; {kept_window(axis.canvas, axis.pad_begin, end)}")
    return "\n".join(lines)


def framework_input_sizes(
    convention: str,
    output: int,
    kernel: int,
    stride: int = 1,
    dilation: int = 1,
    padding: object = None,
    output_padding: int | None = None,
) -> list[int]:
    """The input sizes whose output, by ``convention``'s rule, has ``output`` cells (one axis).

    Keras' ``same`` gives ``s*I`` cells, so 8 comes from 4 alone at stride 2; TensorFlow's
    output is given, and every input its check accepts is listed.

    >>> framework_input_sizes("keras", 8, 3, 2, padding="same")
    [4]
    >>> framework_input_sizes("tf", 8, 3, 2, padding="VALID"), framework_input_sizes("jax", 7, 3)
    ([3], [5])
    """
    found = []
    for i in range(1, output + 2):
        canvas = canvas_length(i, kernel, stride, dilation)
        default = {"keras": "valid", "tf": "SAME"}.get(convention, "VALID")
        try:
            begin, end = convention_window(
                convention, i, kernel, stride, dilation, padding or default, output_padding, output
            )
        except SymconvError as error:
            if error.parameter == "convention":
                raise
            continue
        if canvas - begin - end == output:
            found.append(i)
    return found
