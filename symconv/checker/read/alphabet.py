"""The names a written result may use: the configuration's input and kernel symbols.

A written name is split into a stem and an index (``w_{12}`` is ``w`` with ``(1, 2)``)
and looked up; a name that is not there stays unknown and is never guessed.

>>> from symconv.engine.presets import preset
>>> alphabet = Alphabet.of(preset("example-1d"))
>>> alphabet.stems, alphabet.resolve("w", "3"), alphabet.other_base("w", (0,))
(('w', 'x'), w3, (0, w1))
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sympy

from symconv.core.tensors import flat_elements

#: Every index moved by ``shift`` undoes counting from ``base``: ``(shift, base)`` pairs.
OTHER_BASES = ((1, 0), (-1, 1))

_SEPARATED_NAME = re.compile(r"([A-Za-z](?:[A-Za-z_]*[A-Za-z])?)((?:_\d+)+)")
_DIGITS_NAME = re.compile(r"([A-Za-z](?:[A-Za-z_]*[A-Za-z])?)(\d+)")


class Alphabet:
    """The names a result may use: the configuration's input and kernel symbols.

    >>> from symconv.engine.presets import preset
    >>> alphabet = Alphabet.of(preset("example-2d-s1"))
    >>> alphabet.stems
    ('a', 'b', 'c', 'd', 'w')
    >>> alphabet.resolve("w", "12"), alphabet.resolve("w", (2, 1)), alphabet.resolve("w", "13")
    (w12, w21, None)
    """

    def __init__(self, inputs: Sequence, kernel: Sequence):
        self.roles: dict[sympy.Symbol, str] = {}
        self._by_index: dict[tuple[str, tuple[int, ...]], sympy.Symbol] = {}
        self._by_digits: dict[tuple[str, str], list[sympy.Symbol]] = {}
        for role, values in (("input", inputs), ("kernel", kernel)):
            for value in values:
                if isinstance(value, sympy.Symbol) and value not in self.roles:
                    self.roles[value] = role
                    stem, index = split_name(value.name)
                    self._by_index.setdefault((stem, index), value)
                    digits = "".join(map(str, index))
                    self._by_digits.setdefault((stem, digits), []).append(value)
        stems = {stem for stem, _ in self._by_index}
        self.stems = tuple(sorted(stems))
        self._longest_first = tuple(sorted(stems, key=lambda s: (-len(s), s)))

    @classmethod
    def of(cls, derivation) -> Alphabet:
        """The alphabet of a :class:`~symconv.engine.derivation.Derivation`."""
        return cls(flat_elements(derivation.input), flat_elements(derivation.kernel))

    def stem_at(self, text: str, position: int) -> str | None:
        """The longest stem that starts at ``position``, if any."""
        for stem in self._longest_first:
            if text.startswith(stem, position):
                return stem
        return None

    def resolve(self, stem: str, subscript: str | tuple[int, ...]) -> sympy.Symbol | None:
        """The symbol named by ``stem`` and a subscript (digits as written, or numbers)."""
        if isinstance(subscript, tuple):
            return self._by_index.get((stem, subscript))
        found = self._by_digits.get((stem, subscript), [])
        return found[0] if len(found) == 1 else None

    def ambiguous(self, stem: str, digits: str) -> bool:
        """True when ``digits`` run together name more than one symbol (``w_1_11``, ``w_11_1``)."""
        return len(self._by_digits.get((stem, digits), [])) > 1

    def shifted(self, stem: str, subscript: tuple[int, ...], shift: int) -> sympy.Symbol | None:
        """The symbol named once every index of ``subscript`` is moved by ``shift``."""
        if not subscript:
            return None
        return self.resolve(stem, tuple(i + shift for i in subscript))

    def other_base(self, stem: str, subscript: tuple[int, ...]) -> tuple | None:
        """``(base counted from, symbol meant)`` when shifting every index by one finds a symbol."""
        for shift, counted in OTHER_BASES:
            moved = self.shifted(stem, subscript, shift)
            if moved is not None:
                return counted, moved
        return None


def split_name(name: str) -> tuple[str, tuple[int, ...]]:
    """A symbol name's stem and index: ``w12`` is ``('w', (1, 2))``, ``w_1_10`` ``('w', (1, 10))``.

    >>> split_name("w12"), split_name("w_1_10"), split_name("a")
    (('w', (1, 2)), ('w', (1, 10)), ('a', ()))
    """
    separated = _SEPARATED_NAME.fullmatch(name)
    if separated:
        return separated.group(1), tuple(int(p) for p in separated.group(2).split("_")[1:])
    digits = _DIGITS_NAME.fullmatch(name)
    if digits:
        return digits.group(1), tuple(int(ch) for ch in digits.group(2))
    return name, ()
