"""TensorFlow's ``tf.nn.conv_transpose``: its names, layouts and output-shape rules, exactly.

TensorFlow's transposed convolution is the gradient of its forward convolution: it
takes the ``output_shape`` to produce, filters laid out ``(*k, out, in)`` and channels
last by default (``NWC``, ``NHWC``, ``NDHWC``), and the kernel is not flipped. Per axis
the output is a window of the canvas ``C = s*(I - 1) + d*(k - 1) + 1``
(:mod:`symconv.engine.crop`), placed by the padding:

- ``SAME``: the output must satisfy ``ceil(O / s) = I``; ``t = max(C - O, 0)`` cells are cut,
  ``t // 2`` at the start, the rest at the end (zeros appended when ``O > C``);
- ``VALID``: ``floor((O - K) / s) + 1 = I``; nothing is cut at the start;
- explicit ``[[0, 0], [pb, pe], [pb, pe], [0, 0]]`` (2-D only):
  ``floor((O + pb + pe - K) / s) + 1 = I``; ``pb`` is cut at the start.

>>> y = tf_conv_transpose([[[1], [2]]], [[[1]], [[10]], [[100]]], [1, 4, 1], 2, "SAME")
>>> [v[0] for v in y.tolist()[0]]
[1, 10, 102, 20]
"""

from __future__ import annotations

from sympy import ImmutableDenseNDimArray

from symconv.core.budget import DEFAULT_MAX_TERMS
from symconv.core.parameters import as_int, positive_per_dimension
from symconv.core.tensors import to_array
from symconv.core.windows import tf_window
from symconv.engine.crop import crop_problem
from symconv.engine.layouts import channels_first, channels_last, rearranged
from symconv.engine.pytorch import method_view
from symconv.errors import SymconvError

#: The data formats TensorFlow names for each number of spatial dimensions.
DATA_FORMATS = {1: ("NWC", "NCW"), 2: ("NHWC", "NCHW"), 3: ("NDHWC", "NCDHW")}


def tf_conv_transpose(
    input: object,
    filters: object,
    output_shape: object,
    strides: object,
    padding: object = "SAME",
    data_format: str | None = None,
    dilations: object = None,
    *,
    method: str = "scatter",
    max_terms: int = DEFAULT_MAX_TERMS,
) -> ImmutableDenseNDimArray:
    """The exact output of ``tf.nn.conv_transpose``, in TensorFlow's layout.

    ``input`` is ``(N, *I, C_in)`` (or ``(N, C_in, *I)`` with ``data_format`` ``NCW``,
    ``NCHW``, ``NCDHW``), ``filters`` ``(*k, C_out, C_in)``, ``output_shape`` the whole
    output shape ``(N, *O, C_out)`` (or its spatial sizes alone).

    >>> tf_conv_transpose([[[1], [2]]], [[["w1"]], [["w2"]], [["w3"]]], [1, 3, 1], 2, "VALID")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: output_shape: axis 1: TensorFlow needs ... = I (O = 3, ...
    """
    x = to_array(input, "input")
    f = to_array(filters, "filters")
    rank = f.rank() - 2
    if rank not in DATA_FORMATS or x.rank() != rank + 2:
        raise SymconvError(
            "input", "must be (N, *I, C_in) with the filters' spatial dimensions", x.shape
        )
    data_format = DATA_FORMATS[rank][0] if data_format is None else data_format
    if data_format not in DATA_FORMATS[rank]:
        raise SymconvError(
            "data_format", f"must be one of {', '.join(DATA_FORMATS[rank])}", data_format
        )
    last = data_format.endswith("C")
    xt = channels_first(x) if last else x
    if int(f.shape[-1]) != int(xt.shape[1]):
        raise SymconvError(
            "filters",
            f"its last axis (in_channels) must equal the input's {xt.shape[1]} channels",
            f.shape,
        )
    w = rearranged(f, (rank + 1, rank, *range(rank)))
    stride = _per_axis("strides", strides, rank, last)
    dilation = _per_axis("dilations", 1 if dilations is None else dilations, rank, last)
    output = _output_sizes(output_shape, rank, last, int(xt.shape[0]), int(f.shape[rank]))
    pads = _padding(padding, rank, last)
    spatial = tuple(int(n) for n in xt.shape[2:])
    kernel = tuple(int(n) for n in f.shape[:rank])
    window = [
        tf_window(i, k, s, d, o, p, axis)
        for axis, (i, k, s, d, o, p) in enumerate(
            zip(spatial, kernel, stride, dilation, output, pads)
        )
    ]
    problem = crop_problem(
        xt, w, None, stride, window, 1, dilation, max_terms=max_terms, parameter="output_shape"
    )
    y = problem.assemble(method_view(method)(problem))
    return channels_last(y) if last else y


def _per_axis(parameter: str, value: object, rank: int, last: bool) -> tuple[int, ...]:
    """An int, one per spatial axis, or one per axis of the data (batch and channels 1)."""
    if isinstance(value, (list, tuple)) and len(value) == rank + 2:
        inner = value[1:-1] if last else value[2:]
        outer = (value[0], value[-1]) if last else (value[0], value[1])
        if any(as_int(parameter, v) != 1 for v in outer):
            raise SymconvError(parameter, "must be 1 on the batch and channel axes", value)
        value = inner
    return positive_per_dimension(parameter, value, rank)


def _output_sizes(value: object, rank: int, last: bool, batch: int, channels: int):
    if not isinstance(value, (list, tuple)) or len(value) not in (rank, rank + 2):
        raise SymconvError(
            "output_shape", f"must list {rank + 2} sizes (batch, spatial, channels)", value
        )
    sizes = [as_int("output_shape", v) for v in value]
    if len(sizes) == rank + 2:
        n, c = (sizes[0], sizes[-1]) if last else (sizes[0], sizes[1])
        if n != batch or c != channels:
            raise SymconvError(
                "output_shape",
                f"must have batch {batch} and {channels} channels (the filters' out_channels)",
                value,
            )
        sizes = sizes[1:-1] if last else sizes[2:]
    if min(sizes) < 1:
        raise SymconvError("output_shape", "spatial sizes must be >= 1", value)
    return tuple(sizes)


def _padding(value: object, rank: int, last: bool) -> list:
    if isinstance(value, str):
        if value.upper() not in ("SAME", "VALID"):
            raise SymconvError("padding", "must be SAME, VALID or explicit pairs", value)
        return [value.upper()] * rank
    if rank != 2:
        raise SymconvError("padding", "TensorFlow takes explicit pads in 2-D only", value)
    if not isinstance(value, (list, tuple)) or len(value) != rank + 2:
        raise SymconvError(
            "padding", f"explicit padding lists {rank + 2} [begin, end] pairs", value
        )
    pairs = []
    for pair in value:
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise SymconvError("padding", "explicit padding lists [begin, end] pairs", value)
        pairs.append((as_int("padding", pair[0]), as_int("padding", pair[1])))
    outer = (pairs[0], pairs[-1]) if last else (pairs[0], pairs[1])
    if any(p != (0, 0) for p in outer):
        raise SymconvError("padding", "must be [0, 0] on the batch and channel axes", value)
    inner = pairs[1:-1] if last else pairs[2:]
    if min(min(p) for p in inner) < 0:
        raise SymconvError("padding", "explicit pads must be >= 0", value)
    return inner
