r"""A multi-channel transposed convolution summarised as LaTeX: shapes, sizes, each channel.

The worked example is written for one channel; with several, :func:`render_channels`
writes a short summary instead (``templates/channels.tex.j2``): the configuration in
PyTorch's layout, the output size, the channel rule, the output of each batch element
and output channel, and the verification of the same operands.

>>> from symconv.core.problem import make_problem
>>> from symconv.core.tensors import letters, symbols_array
>>> problem = make_problem(letters((1, 2, 2)), symbols_array("w", (2, 1, 2)), groups=2)
>>> ch = channels_context(problem, Notation())
>>> ch["input_shape"], ch["weight_shape"], ch["output_shape"]
([1, 2, 2], [2, 1, 2], [1, 2, 3])
>>> ch["outputs"][1]["array"]["latex"]
'\\begin{pmatrix} c w_{211} & c w_{212} + d w_{211} & d w_{212} \\end{pmatrix}'
"""

from __future__ import annotations

from pathlib import Path

from symconv.core.problem import Problem
from symconv.engine.verification import verify_problem
from symconv.errors import SymconvError
from symconv.latex.example_context import (
    array_context,
    axes_context,
    checks_context,
    same_on_every_axis,
)
from symconv.latex.render import FORMS, form_notation
from symconv.latex.templates import render_template
from symconv.notation.expressions import check_names, ordered_sum_latex, symbol_places
from symconv.notation.style import Notation, checked_notation
from symconv.notation.tex_text import tex_escape
from symconv.views import METHODS


def render_channels(
    problem: Problem,
    form: str = "fragment",
    notation: Notation | None = None,
    template_dir: str | Path | None = None,
    title: str | None = None,
    *,
    figures: bool = True,
) -> str:
    r"""The summary of a multi-channel request as LaTeX: a ``fragment``, ``article`` or ``beamer``.

    ``problem`` comes from :func:`symconv.make_problem`, which takes
    :func:`symconv.conv_transpose`'s arguments. The summary draws no figure; with
    ``figures=False`` a fragment asks for ``graphicx`` instead of ``tikz``, as
    :func:`symconv.render_latex` does.

    >>> from symconv.core.problem import make_problem
    >>> from symconv.core.tensors import symbols_array
    >>> x, w = symbols_array("x", (1, 2, 2)), symbols_array("w", (2, 2, 2))
    >>> tex = render_channels(make_problem(x, w), "article")
    >>> tex.startswith(r"\documentclass"), r"x_{111} w_{111}" in tex
    (True, True)
    """
    if form not in FORMS:
        raise SymconvError("form", f"must be one of {', '.join(FORMS)}", form)
    if not isinstance(problem, Problem):
        raise SymconvError("problem", "must come from symconv.make_problem", type(problem).__name__)
    if title is not None:
        tex_escape(title, "title")
    context = channels_context(problem, form_notation(checked_notation(notation), form), title)
    if not isinstance(figures, bool):
        raise SymconvError("figures", "must be True or False", figures)
    return render_template(
        "channels.tex.j2", template_dir, ch=context, form=form, figures=figures
    )


def channels_context(problem: Problem, notation: Notation, title: str | None = None) -> dict:
    """The summary's data for ``templates/channels.tex.j2``: plain lists, strings and numbers.

    Each entry of ``outputs`` also keeps the SymPy ``values`` its LaTeX was written from.
    """
    g = problem.geometry
    if g.rank > 3:
        raise SymconvError("input", "worked examples are written for 1-D to 3-D", g.rank)
    for name, planes in (("input", problem.x), ("weight", problem.w)):
        for channels in planes:
            for plane in channels:
                for value in plane:
                    check_names(value, name)
    planes = METHODS["scatter"](problem)
    # products are written input first, the inputs in reading order
    inputs = symbol_places(v for channels in problem.x for plane in channels for v in plane)
    outputs = []
    for n, channels in enumerate(planes):
        for c, values in enumerate(channels):
            group = c // problem.out_per_group
            outputs.append(
                {
                    "batch": n,
                    "channel": c,
                    "group": group,
                    "inputs": list(
                        range(group * problem.in_per_group, (group + 1) * problem.in_per_group)
                    ),
                    "kernel_column": c % problem.out_per_group,
                    "values": values,
                    "array": array_context(
                        [ordered_sum_latex(v, inputs, notation.terms_per_line) for v in values],
                        g.output_size,
                        notation,
                    ),
                }
            )
    report = verify_problem(problem)
    axes = axes_context(problem)
    return {
        "title": title,
        "rank": g.rank,
        "width": notation.width,
        "batch": problem.batch,
        "in_channels": problem.in_channels,
        "out_channels": problem.out_channels,
        "groups": problem.groups,
        "per_group_in": problem.in_per_group,
        "per_group_out": problem.out_per_group,
        "input_shape": [problem.batch, problem.in_channels, *g.input_size],
        "weight_shape": [problem.in_channels, problem.out_per_group, *g.kernel_size],
        "output_shape": [problem.batch, problem.out_channels, *g.output_size],
        "stride": list(g.stride),
        "padding": [list(pair) for pair in g.padding],
        "output_padding": list(g.output_padding),
        "dilation": list(g.dilation),
        "axes": axes,
        "uniform": same_on_every_axis(axes),
        "bias": False,
        "outputs": outputs,
        "checks": checks_context(report),
        "verified": report.ok,
    }
