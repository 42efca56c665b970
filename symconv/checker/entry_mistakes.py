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
>>> d = preset("example-1d")
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
from symconv.notation.expressions import join_terms, sum_latex, sum_text
from symconv.notation.words import position_words


def wrong_entry(
    index: tuple[int, ...],
    cell: WrittenCell,
    expected: sympy.Expr,
    d: Derivation,
    writer: TermWriter,
    alphabet: Alphabet,
    positions: dict,
    terms: list[tuple] | None = None,
    of_result: bool = True,
) -> WrongEntry:
    """The entry at ``index`` found wrong: the terms missing and extra, the mistakes named.

    ``positions`` maps each correct entry (expanded) to its index, so that an entry
    written in another entry's place is named. ``terms`` are the correct entry's
    (input, kernel) products in derivation order (the result's by default); for a step
    other than the result (``of_result`` False) a misplaced product is not traced to an
    output position.
    """
    if terms is None and of_result:
        terms = d.terms(index)
    missing, extra, diagnoses, free_missing, free_extra = _compare_terms(
        expected, cell.value, writer
    )
    place = (lambda t: _lands(t, d, writer)) if of_result else (lambda t: "")
    count = len(terms) if terms is not None else len(sympy.Add.make_args(sympy.expand(expected)))
    diagnoses += _unmatched_terms(free_extra, free_missing, cell, count, d, writer, alphabet, place)
    diagnoses += _entry_as_a_whole(cell, index, positions, diagnoses, writer, alphabet)
    return WrongEntry(
        index=index,
        where=position_words(index, len(index)),
        written=cell.text,
        written_latex=cell.latex,
        value=cell.value,
        expected=expected,
        expected_text=sum_text(terms) if terms is not None else _ordered(expected, writer, "text"),
        expected_latex=(
            sum_latex(terms) if terms is not None else _ordered(expected, writer, "latex")
        ),
        missing=tuple(missing),
        extra=tuple(extra),
        missing_text=tuple(writer.text(t) for t in missing),
        extra_text=tuple(writer.text(t) for t in extra),
        missing_latex=tuple(writer.latex(t) for t in missing),
        extra_latex=tuple(writer.latex(t) for t in extra),
        diagnoses=tuple(diagnoses),
    )


def wrong_element(
    index: tuple[int, ...], cell: WrittenCell, expected: sympy.Expr, writer: TermWriter
) -> WrongEntry:
    """An entry of a step that holds single elements (C, Z, a kernel) found wrong.

    >>> import sympy
    >>> from symconv.engine.presets import preset
    >>> w1, w2 = sympy.symbols("w1 w2")
    >>> writer = TermWriter(preset("example-1d"))
    >>> entry = wrong_element((0, 1), WrittenCell("w1", w1, "w_{1}"), w2, writer)
    >>> entry.where, entry.diagnoses[0].text
    ('row 1, column 2', 'wrote w1 where w2 belongs')
    """
    value = cell.value
    if expected == 0:
        found = Diagnosis.of_terms(
            writer, "extra-term", "{0} does not belong here: this entry is 0", value
        )
    elif value == 0:
        found = Diagnosis.of_terms(
            writer, "entry-empty", "entry left empty (or 0); it is {0}", expected
        )
    else:
        found = Diagnosis.of_terms(
            writer, "wrong-element", "wrote {0} where {1} belongs", value, expected
        )
    missing = () if expected == 0 else (expected,)
    extra = () if value == 0 else (value,)
    return WrongEntry(
        index=index,
        where=position_words(index, len(index)),
        written=cell.text,
        written_latex=cell.latex,
        value=value,
        expected=expected,
        expected_text=writer.text(expected),
        expected_latex=writer.latex(expected),
        missing=missing,
        extra=extra,
        missing_text=tuple(writer.text(t) for t in missing),
        extra_text=tuple(writer.text(t) for t in extra),
        missing_latex=tuple(writer.latex(t) for t in missing),
        extra_latex=tuple(writer.latex(t) for t in extra),
        diagnoses=(found,),
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
    count: int,
    d: Derivation,
    writer: TermWriter,
    alphabet: Alphabet,
    place,
) -> list[Diagnosis]:
    """The mistakes behind terms written where others belong, left out, or not belonging."""
    diagnoses = []
    for e in list(free_extra):
        for m in free_missing:
            found = _pair(e, m, d, writer, alphabet, place)
            if found:
                diagnoses.append(found)
                free_extra.remove(e)
                free_missing.remove(m)
                break
    if len(free_extra) == len(free_missing) == 1 and all(
        writer.split(t) is not None for t in free_extra + free_missing
    ):
        e, m = free_extra.pop(), free_missing.pop()
        diagnoses.append(_placed(writer, "wrong-term", "wrote {0} where {1} belongs", e, m, place))
    if free_missing:
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
            diagnoses.append(_extra_diagnosis(e, writer, place))
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


def _pair(e, m, d: Derivation, writer: TermWriter, alphabet: Alphabet, place) -> Diagnosis | None:
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
        return _placed(
            writer,
            "wrong-kernel-element",
            "wrong kernel element: wrote {0} where {1} belongs",
            e,
            m,
            place,
        )
    if te == tm:
        return _placed(
            writer, "wrong-input", "wrong input element: wrote {0} where {1} belongs", e, m, place
        )
    return None


def _placed(writer: TermWriter, code: str, template: str, e, m, place) -> Diagnosis:
    """A diagnosis naming ``e`` and ``m``, and where ``e`` really goes when that is known."""
    where = place(e)
    if where:
        return Diagnosis.of_terms(writer, code, template + "; {2}", e, m, where)
    return Diagnosis.of_terms(writer, code, template, e, m)


def _flipped_along_one_axis(ke, km, size) -> bool:
    for axis in range(len(size)):
        flipped = list(km)
        flipped[axis] = size[axis] - 1 - km[axis]
        if tuple(flipped) == ke and ke != km:
            return True
    return False


def _extra_diagnosis(term, writer: TermWriter, place) -> Diagnosis:
    if writer.split(term) is None:
        return Diagnosis.of_terms(
            writer,
            "not-a-product",
            "{0} is not a product of one input element and one kernel element",
            term,
        )
    where = place(term)
    if where:
        return Diagnosis.of_terms(
            writer, "extra-term", "{0} does not belong here: {1}", term, where
        )
    return Diagnosis.of_terms(writer, "extra-term", "{0} does not belong here", term)


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


def _ordered(expected, writer: TermWriter, form: str) -> str:
    """An expected value's terms in writing order, as text or LaTeX."""
    expanded = sympy.expand(expected)
    terms = sorted(sympy.Add.make_args(expanded), key=writer.key) if expanded != 0 else []
    write = writer.text if form == "text" else writer.latex
    return join_terms([write(t) for t in terms])


def _coefficients(expr) -> dict:
    return dict(sympy.expand(expr).as_coefficients_dict())
