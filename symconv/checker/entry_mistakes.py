"""What is wrong in one entry, and why: the terms missing and extra, and the mistakes named.

Each difference between a written entry and the correct one is matched against the
mistakes people make by hand: a wrong sign or coefficient, a kernel flipped or its
indices swapped, the wrong input or kernel element, a term missing from an overlap, a
product that belongs in another entry, a name the configuration does not have.

>>> import sympy
>>> from symconv.checker.read.alphabet import Alphabet
>>> from symconv.engine.presets import preset
>>> from symconv.checker.term_writer import TermWriter
>>> from symconv.checker.read.written import WrittenCell
>>> d = preset("seed-1d")
>>> x1, x2, w1, w3 = sympy.symbols("x1 x2 w1 w3")
>>> cell = WrittenCell("x1*w3 + x2*w3", x1 * w3 + x2 * w3, "")
>>> entry = wrong_entry((1,), cell, d.output[1], d, TermWriter(d), Alphabet.of(d), {})
>>> entry.where, entry.missing_text, entry.extra_text
('entry 2', ('x2*w1',), ('x2*w3',))
>>> print(entry.diagnoses[0].text)
kernel flipped: wrote x2*w3 where x2*w1 belongs
"""

from __future__ import annotations

import sympy

from symconv.checker.diagnosis import Diagnosis, WrongEntry
from symconv.checker.read.alphabet import Alphabet, split_name
from symconv.checker.read.written import WrittenCell
from symconv.checker.term_writer import TermWriter
from symconv.engine.derivation import Derivation
from symconv.notation.expressions import sum_latex, sum_text
from symconv.notation.words import position_words


def wrong_entry(
    index: tuple[int, ...],
    cell: WrittenCell,
    expected: sympy.Expr,
    d: Derivation,
    writer: TermWriter,
    alphabet: Alphabet,
    positions: dict,
) -> WrongEntry:
    """The entry at ``index`` found wrong: the terms missing and extra, the mistakes named.

    ``positions`` maps each correct entry (expanded) to its index, so that an entry
    written in another entry's place is named.
    """
    missing, extra, diagnoses, free_missing, free_extra = _compare_terms(
        expected, cell.value, writer
    )
    diagnoses += _unmatched_terms(free_extra, free_missing, cell, index, d, writer, alphabet)
    diagnoses += _entry_as_a_whole(cell, index, positions, diagnoses, writer, alphabet)
    return WrongEntry(
        index=index,
        where=position_words(index, len(index)),
        written=cell.text,
        written_latex=cell.latex,
        value=cell.value,
        expected=expected,
        expected_text=sum_text(d.terms(index)),
        expected_latex=sum_latex(d.terms(index)),
        missing=tuple(missing),
        extra=tuple(extra),
        missing_text=tuple(writer.text(t) for t in missing),
        extra_text=tuple(writer.text(t) for t in extra),
        missing_latex=tuple(writer.latex(t) for t in missing),
        extra_latex=tuple(writer.latex(t) for t in extra),
        diagnoses=tuple(diagnoses),
    )


def _compare_terms(expected, value, writer: TermWriter) -> tuple[list, list, list, list, list]:
    """The terms missing and extra, the sign and coefficient slips, and the terms left over.

    A term written with the wrong sign or coefficient is diagnosed here; a term missing or
    extra altogether is left over (``free``) for :func:`_unmatched_terms`.
    """
    want, got = _coefficients(expected), _coefficients(value)
    missing, extra, diagnoses = [], [], []
    free_missing, free_extra = [], []
    for monomial in sorted(set(want) | set(got), key=writer.key):
        ce, cw = want.get(monomial, 0), got.get(monomial, 0)
        if ce == cw:
            continue
        if cw:
            extra.append(cw * monomial)
        if ce:
            missing.append(ce * monomial)
        if ce and cw:
            if cw == -ce:
                diagnoses.append(
                    Diagnosis.of_terms(writer, "sign", "sign of {0} is wrong", ce * monomial)
                )
            elif ce == 1 and cw.is_Integer and cw > 1:
                diagnoses.append(
                    Diagnosis.of_terms(
                        writer,
                        "coefficient",
                        f"{{0}} counted {cw} times; it belongs once",
                        monomial,
                    )
                )
            else:
                diagnoses.append(
                    Diagnosis.of_terms(
                        writer,
                        "coefficient",
                        f"coefficient of {{0}} is {cw}, should be {ce}",
                        monomial,
                    )
                )
        elif cw:
            free_extra.append(cw * monomial)
        else:
            free_missing.append(ce * monomial)
    return missing, extra, diagnoses, free_missing, free_extra


def _unmatched_terms(
    free_extra: list,
    free_missing: list,
    cell: WrittenCell,
    index: tuple[int, ...],
    d: Derivation,
    writer: TermWriter,
    alphabet: Alphabet,
) -> list[Diagnosis]:
    """The mistakes behind terms written where others belong, left out, or not belonging."""
    diagnoses = []
    for e in list(free_extra):
        for m in free_missing:
            found = _pair(e, m, d, writer, alphabet)
            if found:
                diagnoses.append(found)
                free_extra.remove(e)
                free_missing.remove(m)
                break
    if len(free_extra) == len(free_missing) == 1 and all(
        writer.split(t) is not None for t in free_extra + free_missing
    ):
        e, m = free_extra.pop(), free_missing.pop()
        diagnoses.append(
            Diagnosis.of_terms(
                writer, "wrong-term", "wrote {0} where {1} belongs; {2}", e, m, _lands(e, d, writer)
            )
        )
    if free_missing:
        count = len(d.terms(index))
        if cell.value == 0:
            noun = "product" if count == 1 else "products"
            diagnoses.append(
                Diagnosis.of_terms(
                    writer, "entry-empty", f"entry left empty (or 0); it sums {count} {noun}"
                )
            )
        elif count > 1:
            names = ", ".join(f"{{{i}}}" for i in range(len(free_missing)))
            diagnoses.append(
                Diagnosis.of_terms(
                    writer,
                    "overlap-term-missing",
                    f"term missing from an overlap: the blocks of {count} input elements overlap "
                    f"here and all {count} products are summed; {names} left out",
                    *free_missing,
                )
            )
        else:
            diagnoses.append(
                Diagnosis.of_terms(writer, "missing-term", "{0} missing", *free_missing[:1])
            )
    for e in free_extra:
        if e.free_symbols <= set(alphabet.roles):  # unknown names: _entry_as_a_whole
            diagnoses.append(_extra_diagnosis(e, d, writer))
    return diagnoses


def _entry_as_a_whole(
    cell: WrittenCell,
    index: tuple[int, ...],
    positions: dict,
    found: list[Diagnosis],
    writer: TermWriter,
    alphabet: Alphabet,
) -> list[Diagnosis]:
    """Another entry's correct value written here, and names not diagnosed in ``found``."""
    diagnoses = []
    if cell.value != 0:
        other = positions.get(sympy.expand(cell.value))
        if other is not None and other != index:
            diagnoses.append(
                Diagnosis.of_terms(
                    writer,
                    "entry-of-other-position",
                    f"this is the correct entry for {position_words(other, len(index))}",
                )
            )
    unknown_here = sorted(s.name for s in cell.value.free_symbols if s not in alphabet.roles)
    named = {dd.terms[0] for dd in found if dd.code == "wrong-symbol"}
    for name in unknown_here:
        if name not in named:
            diagnoses.append(
                Diagnosis.of_terms(
                    writer,
                    "unknown-symbol",
                    "{0} is not a symbol of this configuration",
                    sympy.Symbol(name),
                )
            )
    return diagnoses


def _pair(e, m, d: Derivation, writer: TermWriter, alphabet: Alphabet) -> Diagnosis | None:
    """Name the mistake that wrote the extra term ``e`` where the missing term ``m`` belongs."""
    for symbol in sorted(e.free_symbols - set(alphabet.roles), key=lambda s: s.name):
        if alphabet.other_base(*split_name(symbol.name)):
            continue  # an index counted from the other base: reported with the name
        for known in alphabet.roles:
            if e.xreplace({symbol: known}) == m:
                return Diagnosis.of_terms(
                    writer,
                    "wrong-symbol",
                    "wrong symbol name: {0} is not a symbol of this "
                    "configuration; {1} belongs here",
                    symbol,
                    known,
                )
    pe, pm = writer.split(e), writer.split(m)
    if pe is None or pm is None or pe[0] != pm[0]:
        return None
    (_, xe, te), (_, xm, tm) = pe, pm
    if xe == xm:
        ke, km = d.kernel_index(te), d.kernel_index(tm)
        flipped = tuple(k - 1 - i for k, i in zip(d.geometry.kernel_size, km))
        if len(km) > 1 and ke == tuple(reversed(km)):
            return Diagnosis.of_terms(
                writer,
                "kernel-indices-swapped",
                "kernel indices swapped: wrote {0} where {1} belongs",
                e,
                m,
            )
        if ke == flipped or _flipped_along_one_axis(ke, km, d.geometry.kernel_size):
            return Diagnosis.of_terms(
                writer, "kernel-flipped", "kernel flipped: wrote {0} where {1} belongs", e, m
            )
        return Diagnosis.of_terms(
            writer,
            "wrong-kernel-element",
            "wrong kernel element: wrote {0} where {1} belongs; {2}",
            e,
            m,
            _lands(e, d, writer),
        )
    if te == tm:
        return Diagnosis.of_terms(
            writer,
            "wrong-input",
            "wrong input element: wrote {0} where {1} belongs; {2}",
            e,
            m,
            _lands(e, d, writer),
        )
    return None


def _flipped_along_one_axis(ke, km, size) -> bool:
    for axis in range(len(size)):
        flipped = list(km)
        flipped[axis] = size[axis] - 1 - km[axis]
        if tuple(flipped) == ke and ke != km:
            return True
    return False


def _extra_diagnosis(term, d: Derivation, writer: TermWriter) -> Diagnosis:
    if writer.split(term) is None:
        return Diagnosis.of_terms(
            writer,
            "not-a-product",
            "{0} is not a product of one input element and one kernel element",
            term,
        )
    return Diagnosis.of_terms(
        writer, "extra-term", "{0} does not belong here: {1}", term, _lands(term, d, writer)
    )


def _lands(term, d: Derivation, writer: TermWriter) -> str:
    """Where the product ``term`` really goes: an output position, or the cropped border."""
    split = writer.split(term)
    if split is None:
        return "it is not a product of one input and one kernel element"
    _, flat_input, tap = split
    g = d.geometry
    taps = zip(g.axes, d.input_index(flat_input), d.kernel_index(tap))
    out = tuple(axis.link(i, t) for axis, i, t in taps)
    if all(0 <= o < n for o, n in zip(out, g.output_size)):
        return f"it belongs in {position_words(out, g.rank)}"
    return "it falls in the border the padding crops away"


def _coefficients(expr) -> dict:
    return dict(sympy.expand(expr).as_coefficients_dict())
