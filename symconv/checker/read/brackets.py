r"""Brackets in written text: where one closes, how deep each character is, top-level splits.

Round, square and curly brackets count alike; a bracket after a backslash (``\{``) is
text, not a bracket.

>>> split_top("a, (b, c), d", ",")
['a', ' (b, c)', ' d']
>>> closing("[x, [y]] z", 0)
7
"""

from __future__ import annotations

import re

from symconv.checker.read.written import PARAMETER
from symconv.errors import SymconvError

#: Each opening bracket and the bracket that closes it.
OPENERS = {"(": ")", "[": "]", "{": "}"}

#: How deep brackets may nest in a written result.
MAX_DEPTH = 50


def closing(text: str, start: int) -> int:
    """The position of the bracket that closes the one at ``start``."""
    stack = []
    for i in range(start, len(text)):
        ch = text[i]
        if ch in OPENERS and (i == 0 or text[i - 1] != "\\"):
            stack.append(OPENERS[ch])
        elif ch in OPENERS.values() and (i == 0 or text[i - 1] != "\\"):
            if not stack or stack.pop() != ch:
                raise SymconvError(PARAMETER, f"has an unbalanced {ch!r}", text[start:][:40])
            if not stack:
                return i
    raise SymconvError(PARAMETER, f"has an unclosed {text[start]!r}", text[start:][:40])


def depths(text: str) -> list[int]:
    """How many brackets are open after each character of ``text``."""
    depth, found = 0, []
    for i, ch in enumerate(text):
        escaped = i > 0 and text[i - 1] == "\\"
        if ch in OPENERS and not escaped:
            depth += 1
        elif ch in OPENERS.values() and not escaped:
            depth -= 1
        found.append(depth)
    return found


def split_top(text: str, separator: str) -> list[str]:
    """``text`` split at each ``separator`` character outside all brackets."""
    return split_top_regex(text, re.compile(re.escape(separator)))


def split_top_regex(text: str, pattern: re.Pattern) -> list[str]:
    """``text`` split at each match of ``pattern`` that starts outside all brackets."""
    level = depths(text)
    parts, start = [], 0
    for match in pattern.finditer(text):
        if level[match.start()] == 0:
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return parts
