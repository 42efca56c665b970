"""Whole-object explanations: one slip, or one renaming, that accounts for the wrong entries.

When every wrong entry of a written object is what one common slip gives (the kernel
flipped, the padding not cropped, the result transposed, indices counted from 0, the
input given other names), that slip is the diagnosis, said once with its fix, and the
per-entry notes it explains are dropped. A slip that explains most wrong entries is
named with the entries it leaves. A written object of the wrong size is matched with
the slips giving that size.

>>> from symconv.checker.read.parse import read_result
>>> from symconv.checker.steps import step_for
>>> from symconv.engine.presets import preset
>>> d = preset("example-1d")
>>> written = read_result("[x1*w1, x1*w2, x1*w3 + x2*w1, x2*w2, x2*w3]", d)
>>> mismatch = shape_mismatch(step_for("result", d), written)
>>> mismatch.text, mismatch.formula
('expected 3 entries, got 5 entries', 'O = 2*(2 - 1) + 3 - 2*1 = 3')
>>> print(mismatch.causes[0].short)
padding not cropped
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from symconv.checker.diagnosis import Diagnosis
from symconv.checker.read.alphabet import split_name
from symconv.checker.read.written import WrittenResult
from symconv.checker.slips import few_products
from symconv.checker.steps import Step
from symconv.core.equality import equal
from symconv.core.grid import row_major_strides
from symconv.core.tensors import flat_elements
from symconv.notation.words import position_words, shape_words

#: Likely causes listed for a wrong size when no slip gives the written entries.
MAX_CAUSES = 2
#: Renamings tried at most (each a substitution over the whole object).
MAX_RENAMINGS = 64


@dataclass(frozen=True)
class ShapeMismatch:
    """The written object has the wrong size: the size expected, the formula, the likely causes."""

    expected: tuple[int, ...]
    written: tuple[int, ...]
    formula: str
    causes: tuple[Diagnosis, ...]

    @property
    def text(self) -> str:
        """``expected 3x3, got 5x5``."""
        return f"expected {shape_words(self.expected)}, got {shape_words(self.written)}"

    def as_dict(self) -> dict:
        """The mismatch as plain JSON-ready data."""
        return {
            "expected": list(self.expected),
            "written": list(self.written),
            "formula": self.formula.splitlines(),
            "causes": [c.as_dict() for c in self.causes],
        }


def shape_mismatch(step: Step, result: WrittenResult) -> ShapeMismatch:
    """The wrong size, its formula, and the slips giving that size: those matching every entry
    first, then at most :data:`MAX_CAUSES` others."""
    confirmed, causes, seen = [], [], set()
    few = few_products(step.derivation)
    for alternative in step.alternatives if few else ():
        if alternative.shape != result.shape or alternative.code in seen:
            continue
        matches = _gives(alternative.values, result.values)
        message = alternative.message + (" (and every entry matches that)" if matches else "")
        found = Diagnosis.plain(alternative.code, message, alternative.fix)
        (confirmed if matches else causes).append(found)
        seen.add(alternative.code)
    kept = confirmed + ([] if confirmed else causes[:MAX_CAUSES])
    return ShapeMismatch(step.shape, result.shape, step.size_formula, tuple(kept))


def whole_explanation(
    step: Step, result: WrittenResult, wrong: list[tuple[int, ...]]
) -> tuple[list[Diagnosis], set[tuple[int, ...]]]:
    """The diagnoses of the whole object, and the wrong entries (indices) they explain."""
    if not wrong or not few_products(step.derivation):
        return [], set()
    values = result.values
    every = set(wrong)
    full, seen = [], set()
    for alternative in step.alternatives:
        if alternative.shape == result.shape and alternative.code not in seen:
            if _gives(alternative.values, values):
                full.append(Diagnosis.plain(alternative.code, alternative.message, alternative.fix))
                seen.add(alternative.code)
    if full:
        return full, every
    renamed = renaming(step, values)
    if renamed is not None:
        return [renamed], every
    return _partial(step, result, wrong)


def _partial(step: Step, result: WrittenResult, wrong: list) -> tuple[list[Diagnosis], set]:
    """The slip that explains at least two thirds of the wrong entries (two or more), if any."""
    strides = row_major_strides(result.shape)
    best, best_explained = None, set()
    for alternative in step.alternatives:
        if alternative.shape != result.shape:
            continue
        explained = {
            index
            for index in wrong
            if equal(
                result.values[_flat(index, strides)], alternative.values[_flat(index, strides)]
            )
        }
        if len(explained) > len(best_explained):
            best, best_explained = alternative, explained
    if best is None or len(best_explained) < 2 or 3 * len(best_explained) < 2 * len(wrong):
        return [], set()
    rest = [i for i in wrong if i not in best_explained]
    if not rest:  # it gives every wrong entry but not the right ones: a coincidence
        return [], set()
    where = "; ".join(position_words(i, len(i)) for i in rest)
    message = f"{best.message} (every wrong entry but {where})"
    return [Diagnosis.plain(best.code, message, best.fix)], best_explained


@dataclass(frozen=True)
class _Reading:
    """One stem of the written names read as a role's elements, indices counted from ``base``."""

    stem: str
    role: str
    base: int
    renamed: bool  # the stem is not the role's own name
    moves: dict

    @property
    def words(self) -> str:
        counted = f"indices counted from {self.base}" if self.base != 1 else ""
        if not self.renamed:
            return f"the {self.role}'s {counted or 'indices'}"
        named = f"{self.stem} naming the {self.role}"
        return f"{named} ({counted})" if counted else named

    @property
    def flags(self) -> list[str]:
        flags = [f"--{self.role}-name {self.stem}"] if self.renamed else []
        return flags + (["--base 0"] if self.base == 0 else [])


def renaming(step: Step, values: list) -> Diagnosis | None:
    """The consistent renaming (indices from 0, other names) that makes every entry right."""
    d = step.derivation
    expected = step.values
    names = sorted(set().union(*(v.free_symbols for v in values)), key=lambda s: s.name)
    known = {
        s for s in flat_elements(d.input) + flat_elements(d.kernel) if getattr(s, "is_Symbol", 0)
    }
    stems: dict[str, list] = {}
    for symbol in names:
        stems.setdefault(split_name(symbol.name)[0], []).append(symbol)
    roles = (("input", d.input), ("kernel", d.kernel))
    own = {
        role: {split_name(getattr(s, "name", ""))[0] for s in flat_elements(array)}
        for role, array in roles
    }
    options = []
    for stem, symbols in sorted(stems.items()):
        choices: list = [] if not set(symbols) <= known else [None]  # None: read as written
        for role, array in roles:
            if stem not in own[role] and own[role] & set(stems):
                continue  # another name beside the role's own: a slip, not a renaming
            for base in (1, 0):
                moves = _indexed(symbols, array, base)
                if moves is not None and any(k != v for k, v in moves.items()):
                    choices.append(_Reading(stem, role, base, stem not in own[role], moves))
        if not choices:
            return None
        options.append(choices)
    for count, combination in enumerate(itertools.product(*options)):
        if count >= MAX_RENAMINGS:
            return None
        readings = [r for r in combination if r is not None]
        if not readings:
            continue
        moves = {k: v for r in readings for k, v in r.moves.items()}
        if all(equal(v.xreplace(moves), e) for v, e in zip(values, expected)):
            code = "index-base" if all(r.base == 0 for r in readings) else "renamed"
            message = "every entry is right once read with " + " and ".join(
                r.words for r in readings
            )
            flags = list(dict.fromkeys(f for r in readings for f in r.flags))
            own_names = "write the configuration's own names and indices"
            fix = f"{own_names}, or check with {' '.join(flags)}" if flags else own_names
            return Diagnosis.plain(code, message, fix)
    return None


def _indexed(symbols: list, array, base: int) -> dict | None:
    """Each ``stem`` + index mapped to ``array``'s element at that index counted from ``base``."""
    shape = tuple(array.shape)
    moves = {}
    for symbol in symbols:
        _, index = split_name(symbol.name)
        if len(index) != len(shape):
            return None
        at = tuple(i - base for i in index)
        if not all(0 <= i < n for i, n in zip(at, shape)):
            return None
        moves[symbol] = array[at]
    return moves


def _gives(alternative: list, values: list) -> bool:
    return len(alternative) == len(values) and all(equal(v, a) for v, a in zip(values, alternative))


def _flat(index: tuple[int, ...], strides: list[int]) -> int:
    return sum(i * s for i, s in zip(index, strides))
