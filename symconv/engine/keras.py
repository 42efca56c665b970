"""Keras 3's ``keras.ops.conv_transpose``: its defaults, layouts and ``same``/``valid`` rules.

Keras fixes the output length first (``deconv_output_length``), then places it in the
canvas ``C = s*(I - 1) + K`` (``K = d*(k - 1) + 1``) by TensorFlow's rule
(:func:`symconv.engine.tensorflow.tf_window`):

- ``valid``: ``O = (I - 1)*s + K + output_padding``, output_padding defaulting to
  ``max(K, s) - K``: nothing cut at the start, the output_padding appended as zeros;
- ``same`` without output_padding: ``O = s*I``; with it, ``O = (I - 1)*s + K % 2 +
  output_padding``, so ``K // 2 - ceil(output_padding / 2)`` cells are cut at the start,
  which is not PyTorch's ``padding = K // 2``.

Inputs are channels last by default and the kernel is ``(*k, C_out, C_in)``.

>>> keras_conv_transpose([[[1], [2]]], [[[1]], [[10]], [[100]]], 2, "same", 1).tolist()
[[[1], [10], [102], [20]]]
"""

from __future__ import annotations

from sympy import ImmutableDenseNDimArray

from symconv.core.budget import DEFAULT_MAX_TERMS
from symconv.core.parameters import per_dimension, positive_per_dimension
from symconv.core.tensors import to_array
from symconv.core.windows import keras_window
from symconv.engine.crop import crop_problem
from symconv.engine.layouts import channels_first, channels_last, rearranged
from symconv.engine.pytorch import method_view
from symconv.errors import SymconvError

PADDINGS = ("valid", "same")
DATA_FORMATS = ("channels_last", "channels_first")


def keras_conv_transpose(
    inputs: object,
    kernel: object,
    strides: object = 1,
    padding: str = "valid",
    output_padding: object = None,
    data_format: str | None = None,
    dilation_rate: object = 1,
    *,
    method: str = "scatter",
    max_terms: int = DEFAULT_MAX_TERMS,
) -> ImmutableDenseNDimArray:
    """The exact output of ``keras.ops.conv_transpose`` (Keras 3), in Keras' layout.

    ``inputs`` is ``(N, *I, C_in)`` (``channels_last``, the default) or ``(N, C_in, *I)``;
    ``kernel`` is ``(*k, C_out, C_in)``.

    >>> keras_conv_transpose([[[1], [2]]], [[["w1"]], [["w2"]], [["w3"]]], 2).tolist()
    [[[w1], [w2], [2*w1 + w3], [2*w2], [2*w3]]]
    """
    x = to_array(inputs, "inputs")
    k = to_array(kernel, "kernel")
    rank = k.rank() - 2
    if rank < 1 or x.rank() != rank + 2:
        raise SymconvError(
            "inputs", "must be (N, *I, C_in) with the kernel's spatial dimensions", x.shape
        )
    data_format = "channels_last" if data_format is None else data_format
    if data_format not in DATA_FORMATS:
        raise SymconvError("data_format", f"must be one of {', '.join(DATA_FORMATS)}", data_format)
    last = data_format == "channels_last"
    xt = channels_first(x) if last else x
    if int(k.shape[-1]) != int(xt.shape[1]):
        raise SymconvError(
            "kernel", f"its last axis must equal the inputs' {xt.shape[1]} channels", k.shape
        )
    if not isinstance(padding, str) or padding.lower() not in PADDINGS:
        raise SymconvError("padding", "must be 'valid' or 'same'", padding)
    padding = padding.lower()
    stride = positive_per_dimension("strides", strides, rank)
    dilation = positive_per_dimension("dilation_rate", dilation_rate, rank)
    extra = (
        (None,) * rank
        if output_padding is None
        else per_dimension("output_padding", output_padding, rank)
    )
    if output_padding is not None and min(extra) < 0:
        raise SymconvError("output_padding", "must be >= 0", output_padding)
    spatial = tuple(int(n) for n in xt.shape[2:])
    sizes = tuple(int(n) for n in k.shape[:rank])
    window = [
        keras_window(i, kk, s, d, padding, op, axis)
        for axis, (i, kk, s, d, op) in enumerate(zip(spatial, sizes, stride, dilation, extra))
    ]
    w = rearranged(k, (rank + 1, rank, *range(rank)))
    problem = crop_problem(
        xt, w, None, stride, window, 1, dilation, max_terms=max_terms, parameter="padding"
    )
    y = problem.assemble(method_view(method)(problem))
    return channels_last(y) if last else y
