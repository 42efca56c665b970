"""The analyses as plain text: sizes, overlap, polyphase, closed form, gradient.

Each writer prints the data its analysis module computed; :mod:`symconv.analysis.latex`
prints the same data as LaTeX.

>>> from symconv.engine.presets import preset
>>> print(overlap_text(preset("example-2d-s1")))
overlap counts (taps reaching each output):
  1 2 1
  2 4 2
  1 2 1
even overlap: every interior output receives 2 taps per axis (4 in all)
"""

from __future__ import annotations

from symconv.analysis.closed_form import closed_form, closed_form_entries, summand_input_first
from symconv.analysis.gradient import gradient_example
from symconv.analysis.overlap import overlap_counts, overlap_verdict
from symconv.analysis.polyphase import polyphase_of
from symconv.analysis.sections import chosen_sections
from symconv.analysis.size_analysis import size_analysis
from symconv.core.tensors import flat_elements
from symconv.engine.derivation import Derivation
from symconv.notation.expressions import ordered_sum_text, symbol_places
from symconv.notation.statements import SIZE_FORMULA_TEXT
from symconv.notation.style import INPUT, KERNEL, RESULT
from symconv.notation.words import axes_words


def analysis_text(derivation: Derivation, sections=None) -> str:
    """The chosen analyses of ``derivation`` as text (all by default), a blank line between.

    >>> from symconv.engine.presets import preset
    >>> print(analysis_text(preset("example-1d"), ("closed-form",)).splitlines()[-1])
    each entry equals the derivation's output
    """
    writers = {
        "sizes": sizes_text,
        "overlap": overlap_text,
        "polyphase": polyphase_text,
        "closed-form": closed_form_text,
        "gradient": gradient_text,
    }
    return "\n\n".join(writers[name](derivation) for name in chosen_sections(sections))


def _grid(nested) -> list[str]:
    if not isinstance(nested, list):
        return [f"  {nested}"]
    if nested and not isinstance(nested[0], list):
        return ["  " + " ".join(str(v) for v in nested)]
    rows = []
    for part in nested:
        rows.extend(_grid(part))
    return rows


def _values(array, first: dict) -> str:
    """An array as nested lists, each sum written ``first``'s factor first, in its order."""

    def written(nested) -> str:
        if isinstance(nested, list):
            return "[" + ", ".join(written(part) for part in nested) + "]"
        return ordered_sum_text(nested, first)

    return written(array.tolist())


def sizes_text(derivation: Derivation) -> str:
    """The formula, its inverse and Dumoulin & Visin's relationship, per axis."""
    g = derivation.geometry
    sizes = size_analysis(g)
    lines = [f"O = {SIZE_FORMULA_TEXT}"]
    for n, worked in enumerate(sizes.axes):
        axis = worked.axis
        label = f"axis {n + 1}: " if g.rank > 1 else ""
        lines.append(f"{label}output size {axis.output}")
        if not worked.symmetric:
            continue
        pairs = ", ".join(f"I={i} with output_padding={a}" for i, a in worked.inverse)
        lines.append(f"  inputs giving {axis.output}: {pairs}")
        if len(worked.direct) == 1:
            size = worked.direct[0]
            lines.append(f"  the direct convolution of size {size} shrinks to {axis.input}")
        else:
            lines.append(
                f"  direct convolutions of sizes {', '.join(map(str, worked.direct))} all shrink "
                f"to {axis.input}: output_padding picks one"
            )
    if sizes.relationships is not None:
        lines.append("Dumoulin & Visin (Relationships 8-14):")
        for n, rel in enumerate(sizes.relationships):
            if g.rank > 1:
                lines.append(f"  axis {n + 1}")
            lines.extend(f"    {name}: {value}" for name, value in rel.rows())
            if rel.applies and rel.o_prime != g.output_size[n]:
                lines.append(
                    f"    o' = {rel.o_prime} differs from the output size "
                    f"{g.output_size[n]}: the relationships assume output_padding < stride"
                )
    return "\n".join(lines)


def overlap_text(derivation: Derivation) -> str:
    """The overlap counts and the one-line verdict."""
    g = derivation.geometry
    lines = ["overlap counts (taps reaching each output):", *_grid(overlap_counts(g))]
    lines.append(overlap_verdict(g))
    return "\n".join(lines)


def polyphase_text(derivation: Derivation) -> str:
    """Each phase's sub-kernel and stride-1 convolution, and the proof of equality.

    A phase ``r`` is written as a superscript in parentheses, ``K^(0)``: a subscript
    would read as an element, which counts from 1.

    >>> from symconv.engine.presets import preset
    >>> print(polyphase_text(preset("example-1d")).splitlines()[1])
      phase r = 0: sub-kernel K^(0) = [w1, w3]
    """
    pp = polyphase_of(derivation)
    inputs = symbol_places(derivation.input_elements)
    stride = axes_words(derivation.geometry.stride)
    lines = [f"{len(pp.phases)} phases (stride {stride}):"]
    for phase in pp.phases:
        label = ",".join(map(str, phase.phase))
        r = label if len(phase.phase) == 1 else f"({', '.join(map(str, phase.phase))})"
        if phase.sub_kernel is None:
            lines.append(f"  phase r = {r}: no taps (zeros)")
            continue
        lines.append(f"  phase r = {r}: sub-kernel {KERNEL}^({label}) = {phase.sub_kernel}")
        lines.append(
            f"    stride-1 convolution {RESULT}^({label}) = {_values(phase.sub_output, inputs)}"
        )
    lines.append(f"interleaved and cropped: {_values(pp.output, inputs)}")
    lines.append(
        "equals the direct derivation"
        if pp.equals_derivation
        else "DIFFERS from the direct derivation"
    )
    return "\n".join(lines)


def closed_form_text(derivation: Derivation) -> str:
    """The general closed form and, in 1-D, each output entry from it, checked."""
    form = closed_form()
    ((index, low, high),) = form.limits
    summand = "*".join(str(factor) for factor in summand_input_first(form))
    lines = [f"{RESULT}[o] = Sum({summand}, ({index}, {low}, {high}))"]
    if derivation.geometry.rank != 1:
        lines.append("(per axis; entries are instantiated for 1-D)")
        return "\n".join(lines)
    entries = closed_form_entries(derivation)
    inputs = symbol_places(derivation.input_elements)
    lines.extend(f"  {RESULT}[{e.output}] = {ordered_sum_text(e.entry, inputs)}" for e in entries)
    differing = [str(e.output) for e in entries if not e.equal]
    lines.append(
        f"entries {', '.join(differing)} DIFFER from the derivation's output"
        if differing
        else "each entry equals the derivation's output"
    )
    return "\n".join(lines)


def _loss(derivation: Derivation, example) -> str:
    """``L`` as the sum of input times direct output, each written input first."""
    places = symbol_places(flat_elements(example.z))
    terms = [
        f"{x}*({ordered_sum_text(y, places)})" if y.is_Add else f"{x}*{ordered_sum_text(y, places)}"
        for x, y in zip(derivation.input_elements, flat_elements(example.direct))
        if x != 0 and y != 0
    ]
    return " + ".join(terms) or "0"


def gradient_text(derivation: Derivation) -> str:
    """The gradient identity, step by step."""
    example = gradient_example(derivation)
    inputs = symbol_places(derivation.input_elements)
    z_first = symbol_places(flat_elements(example.z))
    lines = [
        f"z = {example.z}",
        f"y = conv(z, {KERNEL}) = {_values(example.direct, z_first)}",
        f"L = sum({INPUT} * y) = {_loss(derivation, example)}",
        f"dL/dz = {_values(example.gradient, inputs)}",
        f"conv_transpose({INPUT}, {KERNEL}) = {_values(example.transposed, inputs)}",
        "dL/dz equals the transposed convolution"
        if example.holds
        else "dL/dz DIFFERS from the transposed convolution",
    ]
    return "\n".join(lines)
