"""Names the configuration does not have: where each was written, and what may be meant.

A name may be an index counted from the other base (``x0`` for ``x1``), a symbol
misspelt where another belongs, or a stem mistaken (``v12`` for ``w12``); each message
lists the configuration's own symbols.

>>> from symconv.checker.read.parse import read_result
>>> from symconv.engine.presets import preset
>>> d = preset("example-1d")
>>> name, = unknown_names(read_result("[x1*w2, x0*w3 + x2*w1, x2*w2]", d), d)
>>> name.where, name.message.split("; ")[-1]
('entry 2', 'indices here count from 1: if you counted from 0, that element is x1')
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from symconv.checker.read.alphabet import Alphabet, split_name
from symconv.checker.read.written import UnknownSymbol, WrittenResult
from symconv.engine.derivation import Derivation
from symconv.notation.words import position_words


@dataclass(frozen=True)
class UnknownName:
    """A name the configuration does not have, where it was written, and what may be meant."""

    symbol: UnknownSymbol
    where: str
    message: str

    def as_dict(self) -> dict:
        """The name as plain JSON-ready data."""
        return {
            "name": self.symbol.name,
            "written": self.symbol.written,
            "where": self.where,
            "message": self.message,
        }


def unknown_names(
    result: WrittenResult, d: Derivation, meant: dict[str, str] | None = None
) -> tuple[UnknownName, ...]:
    """Each unknown name in ``result``; ``meant`` maps a misspelt name to the symbol meant."""
    alphabet = Alphabet.of(d)
    meant = meant or {}
    rank = len(result.shape)
    return tuple(_unknown_name(u, alphabet, d, rank, meant.get(u.name)) for u in result.unknown)


def _unknown_name(
    u: UnknownSymbol, alphabet: Alphabet, d: Derivation, rank: int, meant: str | None
) -> UnknownName:
    where = position_words(u.index, rank)
    inputs = [s for s in d.input_elements if isinstance(s, sympy.Symbol)]
    kernel = [s for s in d.kernel_elements if isinstance(s, sympy.Symbol)]
    known = []
    if inputs:
        known.append(f"inputs {_range_words(inputs)}")
    if kernel:
        known.append(f"kernel {_range_words(kernel)}")
    message = "not a symbol of this configuration (" + "; ".join(known) + ")"
    shifted = alphabet.other_base(u.stem, u.subscript)
    if shifted:
        counted, moved = shifted
        message += (
            f"; indices here count from {1 - counted}: if you counted from "
            f"{counted}, that element is {moved}"
        )
    elif meant is not None:
        message += f"; {meant} belongs there"
    elif u.subscript:
        same = sorted(
            (s for s in alphabet.roles if alphabet.resolve(_stem(s), u.subscript) == s),
            key=lambda s: s.name,
        )
        if same:
            message += "; did you mean " + " or ".join(str(s) for s in same) + "?"
    return UnknownName(u, where, message)


def _stem(symbol: sympy.Symbol) -> str:
    return split_name(symbol.name)[0]


def _range_words(symbols: list) -> str:
    if len(symbols) <= 4:
        return ", ".join(map(str, symbols))
    return f"{symbols[0]} ... {symbols[-1]}"
