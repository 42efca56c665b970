r"""A multi-channel transposed convolution summarised as LaTeX: shapes, sizes, each channel.

The worked example is written for one channel; with several, :func:`render_channels`
writes a short summary instead (``templates/channels.tex.j2``): the configuration in
PyTorch's layout, the output size, the channel rule, the output of each batch element
and output channel, and the verification of the same operands.

>>> from symconv.cli.commands.common import ChannelOperands
>>> from symconv.core.geometry import make_geometry
>>> from symconv.core.tensors import letters, symbols_array
>>> operands = ChannelOperands(
...     letters((1, 2, 2)), symbols_array("w", (2, 1, 2)), make_geometry(2, 2), groups=2
... )
>>> ch = channels_context(operands, Notation())
>>> ch["input_shape"], ch["weight_shape"], ch["output_shape"]
([1, 2, 2], [2, 1, 2], [1, 2, 3])
>>> ch["outputs"][1]["array"]["latex"]
'\\begin{pmatrix} c w_{211} & c w_{212} + d w_{211} & d w_{212} \\end{pmatrix}'
"""

from __future__ import annotations

from pathlib import Path

from symconv.core.geometry import ndindex
from symconv.core.sizes import size_lines
from symconv.core.tensors import flat_elements
from symconv.engine.pytorch import conv_transpose
from symconv.engine.verification import verify
from symconv.errors import SymconvError
from symconv.latex.example_context import array_context
from symconv.latex.render import DEFAULT_NOTATION, FORMS, render_template
from symconv.notation.expressions import Notation, check_names, expr_latex
from symconv.notation.tex_text import tex_escape


def render_channels(
    operands,
    form: str = "fragment",
    notation: Notation | None = None,
    template_dir: str | Path | None = None,
    title: str | None = None,
) -> str:
    r"""The summary of a multi-channel request as LaTeX: a ``fragment``, ``article`` or ``beamer``.

    ``operands`` is a :class:`symconv.cli.commands.common.ChannelOperands`.

    >>> from symconv.cli.commands.common import ChannelOperands
    >>> from symconv.core.geometry import make_geometry
    >>> from symconv.core.tensors import symbols_array
    >>> x, w = symbols_array("x", (1, 2, 2)), symbols_array("w", (2, 2, 2))
    >>> tex = render_channels(ChannelOperands(x, w, make_geometry(2, 2), 1), "article")
    >>> tex.startswith(r"\documentclass"), r"w_{111} x_{111}" in tex
    (True, True)
    """
    if form not in FORMS:
        raise SymconvError("form", f"must be one of {', '.join(FORMS)}", form)
    if notation is not None and not isinstance(notation, Notation):
        raise SymconvError("notation", "must be a symconv.Notation", type(notation).__name__)
    if title is not None:
        tex_escape(title, "title")
    context = channels_context(operands, notation or DEFAULT_NOTATION, title)
    return render_template("channels.tex.j2", template_dir, ch=context, form=form)


def channels_context(operands, notation: Notation, title: str | None = None) -> dict:
    """The summary's data for ``templates/channels.tex.j2``: plain lists, strings and numbers.

    Each entry of ``outputs`` also keeps the SymPy ``values`` its LaTeX was written from.
    """
    g = operands.geometry
    if g.rank > 3:
        raise SymconvError("input", "worked examples are written for 1-D to 3-D", g.rank)
    x, w, parameters = operands.input, operands.weight, operands.parameters
    for name, array in (("input", x), ("weight", w)):
        for value in flat_elements(array):
            check_names(value, name)
    y = conv_transpose(x, w, **parameters)
    batch, in_channels = x.shape[:2]
    per_group_out = w.shape[1]
    groups = operands.groups
    out_channels = per_group_out * groups
    per_group_in = in_channels // groups
    outputs = []
    for n in range(batch):
        for c in range(out_channels):
            values = [y[(n, c, *index)] for index in ndindex(g.output_size)]
            group = c // per_group_out
            outputs.append(
                {
                    "batch": n,
                    "channel": c,
                    "group": group,
                    "inputs": list(range(group * per_group_in, (group + 1) * per_group_in)),
                    "kernel_column": c % per_group_out,
                    "values": values,
                    "array": array_context(
                        [expr_latex(v) for v in values], g.output_size, notation
                    ),
                }
            )
    report = verify(x, w, **parameters)
    return {
        "title": title,
        "rank": g.rank,
        "batch": batch,
        "in_channels": in_channels,
        "out_channels": out_channels,
        "groups": groups,
        "per_group_in": per_group_in,
        "per_group_out": per_group_out,
        "input_shape": list(x.shape),
        "weight_shape": list(w.shape),
        "output_shape": [batch, out_channels, *g.output_size],
        "stride": list(g.stride),
        "padding": [list(pair) for pair in zip(g.pad_begin, g.pad_end)],
        "output_padding": list(g.output_padding),
        "dilation": list(g.dilation),
        "sizes": [line.replace("*", r" \cdot ") for line in size_lines(g).splitlines()],
        "bias": False,
        "outputs": outputs,
        "checks": [{"passed": c.passed, "name": c.name, "detail": c.detail} for c in report.checks],
        "verified": report.ok,
    }
