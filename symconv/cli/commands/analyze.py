"""``symconv analyze``: closed form, size relationships, overlap, polyphase and gradient.

As text (the default) or, with ``--format latex``, as a LaTeX fragment or article
(:func:`symconv.analysis.latex.render_analysis`), compiled to PDF with ``--pdf``.

>>> from symconv.engine.presets import preset
>>> print(overlap_text(preset("seed-2d-s1")))
overlap counts (taps reaching each output):
  1 2 1
  2 4 2
  1 2 1
even overlap: every interior output receives 2 taps per axis (4 in all)
"""

from __future__ import annotations

import argparse

from symconv.analysis.closed_form import closed_form, instantiated_entries, to_engine_symbols
from symconv.analysis.gradient import gradient_example
from symconv.analysis.latex import ANALYSIS_FORMS, SECTIONS, render_analysis
from symconv.analysis.overlap import overlap_counts, overlap_verdict
from symconv.analysis.polyphase import polyphase_of
from symconv.cli.commands.common import (
    add_configuration,
    add_output,
    add_work_limit,
    configuration,
    write_output,
)
from symconv.cli.commands.example import add_latex_options, check_pdf_request, write_latex
from symconv.core.sizes import (
    direct_inputs_for,
    input_sizes_for,
    output_size_formula,
    relationships,
)
from symconv.engine.derivation import Derivation
from symconv.errors import SymconvError
from symconv.latex.render import DEFAULT_NOTATION

FORMATS = ("text", "latex")

EXAMPLES = """examples:
  symconv analyze --input 6 --kernel 3 --stride 2 --what overlap
  symconv analyze --input 4x4 --kernel 4x4 --stride 2 --padding 1 --what overlap
  symconv analyze --preset seed-1d --what polyphase
  symconv analyze --preset seed-1d --what closed-form
  symconv analyze --input 3 --kernel 3 --stride 2 --padding 1 --what sizes
  symconv analyze --preset seed-2d-s2 --what gradient
  symconv analyze --preset seed-1d --format latex --form article -o seed-1d-analysis.tex --pdf
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="closed form, size relationships, overlap, polyphase, gradient identity",
        description="Analyse one configuration beyond the worked example.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_configuration(parser)
    parser.add_argument(
        "--what", choices=(*SECTIONS, "all"), default="all", help="which analysis (default all)"
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="plain text or LaTeX (default text)"
    )
    latex = parser.add_argument_group("LaTeX (with --format latex)")
    latex.add_argument(
        "--form", choices=ANALYSIS_FORMS, help="a fragment to \\input, or an article (fragment)"
    )
    add_latex_options(latex)
    add_work_limit(parser)
    add_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    latex_only = {"--form": args.form, "--pdf": args.pdf, "--template-dir": args.template_dir}
    if args.format == "latex":
        check_pdf_request(args)
    else:
        for flag, value in latex_only.items():
            if value:
                raise SymconvError(flag, "needs --format latex", value)
    derivation = configuration(args)
    chosen = SECTIONS if args.what == "all" else (args.what,)
    if args.format == "latex":
        notation = DEFAULT_NOTATION.merge(delimiter=args.delimiter, full=args.full)
        form = args.form or "fragment"
        tex = render_analysis(derivation, form, chosen, notation, args.template_dir)
        return write_latex(args, tex)
    writers = {
        "sizes": sizes_text,
        "overlap": overlap_text,
        "polyphase": polyphase_text,
        "closed-form": closed_form_text,
        "gradient": gradient_text,
    }
    write_output(args, "\n\n".join(writers[name](derivation) for name in chosen))
    return 0


def _grid(nested) -> list[str]:
    if not isinstance(nested, list):
        return [f"  {nested}"]
    if nested and not isinstance(nested[0], list):
        return ["  " + " ".join(str(v) for v in nested)]
    rows = []
    for part in nested:
        rows.extend(_grid(part))
    return rows


def sizes_text(derivation: Derivation) -> str:
    """The formula, its inverse and Dumoulin & Visin's relationship, per axis."""
    g = derivation.geometry
    lines = [f"O = {output_size_formula()}"]
    for axis in range(g.rank):
        o, k, s = g.output_size[axis], g.kernel_size[axis], g.stride[axis]
        p, d = g.pad_begin[axis], g.dilation[axis]
        label = f"axis {axis + 1}: " if g.rank > 1 else ""
        lines.append(f"{label}output size {o}")
        if p == g.pad_end[axis]:
            found = input_sizes_for(o, k, s, p, d)
            pairs = ", ".join(f"I={i} with output_padding={a}" for i, a in found)
            lines.append(f"  inputs giving {o}: {pairs}")
        direct = list(direct_inputs_for(g.input_size[axis], k, s, p, d))
        lines.append(
            f"  direct convolutions of sizes {', '.join(map(str, direct))} all shrink to "
            f"{g.input_size[axis]}: output_padding picks one"
        )
    if g.pad_begin == g.pad_end:
        lines.append("Dumoulin & Visin (Relationships 8-14):")
        for axis, rel in enumerate(relationships(g)):
            if g.rank > 1:
                lines.append(f"  axis {axis + 1}")
            lines.extend(f"    {name}: {value}" for name, value in rel.rows())
            if rel.o_prime != g.output_size[axis]:
                lines.append(
                    f"    o' = {rel.o_prime} differs from the output size "
                    f"{g.output_size[axis]}: the relationships assume output_padding < stride"
                )
    return "\n".join(lines)


def overlap_text(derivation: Derivation) -> str:
    """The overlap counts and the one-line verdict."""
    g = derivation.geometry
    lines = ["overlap counts (taps reaching each output):", *_grid(overlap_counts(g))]
    lines.append(overlap_verdict(g))
    return "\n".join(lines)


def polyphase_text(derivation: Derivation) -> str:
    """Each phase's sub-kernel and stride-1 convolution, and the proof of equality."""
    pp = polyphase_of(derivation)
    lines = [f"{len(pp.phases)} phases (stride {derivation.geometry.stride}):"]
    for phase in pp.phases:
        if phase.sub_kernel is None:
            lines.append(f"  phase {phase.phase}: no taps (zeros)")
            continue
        lines.append(f"  phase {phase.phase}: sub-kernel {phase.sub_kernel}")
        lines.append(f"    stride-1 convolution: {phase.sub_output}")
    same = pp.output == derivation.output
    lines.append(f"interleaved and cropped: {pp.output}")
    lines.append("equals the direct derivation" if same else "DIFFERS from the direct derivation")
    return "\n".join(lines)


def closed_form_text(derivation: Derivation) -> str:
    """The general closed form and, in 1-D, each output entry from it."""
    g = derivation.geometry
    form = closed_form()
    lines = [f"y[o] = {form}"]
    if g.rank != 1 or g.pad_begin != g.pad_end:
        lines.append("(per axis; entries are instantiated for 1-D, symmetric padding)")
        return "\n".join(lines)
    for o, value in enumerate(instantiated_entries(form, derivation)):
        entry = to_engine_symbols(value, derivation.input_elements, derivation.kernel_elements)
        lines.append(f"  y[{o}] = {entry}")
    return "\n".join(lines)


def gradient_text(derivation: Derivation) -> str:
    """The gradient identity, step by step."""
    example = gradient_example(derivation)
    lines = [
        f"z = {example.z}",
        f"y = conv(z, w) = {example.direct}",
        f"L = sum(x * y) = {example.loss}",
        f"dL/dz = {example.gradient}",
        f"conv_transpose(x, w) = {example.transposed}",
        "dL/dz equals the transposed convolution"
        if example.holds
        else "dL/dz DIFFERS from the transposed convolution",
    ]
    return "\n".join(lines)
