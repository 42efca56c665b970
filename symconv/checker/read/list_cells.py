"""Reading a result written as a list: JSON, Python or SymPy syntax, into nested entry texts.

>>> list_cells("Matrix([[x1*w2, 'x2*w2'], [0, x1*w1],])")
[['x1*w2', 'x2*w2'], ['0', 'x1*w1']]
>>> json_cells('[["a", 2]]'), json_cells("[a, 2]"), list_cells("a, 2")
([['a', '2']], None, None)
"""

from __future__ import annotations

import json
import re

from symconv.checker.read.brackets import closing, split_top
from symconv.checker.read.written import PARAMETER
from symconv.errors import SymconvError

_WRAPPED_LIST = re.compile(r"(?:(?:sympy|sp|np|numpy)\.)?(?:Matrix|Array|array)\((.*)\)", re.S)


def json_cells(text: str) -> list | None:
    """The entry texts of a JSON list (strings and numbers), or None when it is not JSON."""
    if not text.startswith("["):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return _json_cells(data)


def list_cells(text: str) -> list | None:
    """The entry texts of ``[...]``, ``Matrix([...])`` or a tuple ``(a, b)``; else None."""
    bracketed = _bracketed(text)
    if bracketed is None:
        return None
    return _items(bracketed)


def _bracketed(text: str) -> str | None:
    text = text.replace("\\left[", "[").replace("\\right]", "]")
    text = text.replace("\\left(", "(").replace("\\right)", ")")
    wrapped = _WRAPPED_LIST.fullmatch(text)
    if wrapped:
        text = wrapped.group(1).strip()
    if text.startswith("["):
        return text
    if text.startswith("(") and closing(text, 0) == len(text) - 1:
        if len(split_top(text[1:-1], ",")) > 1:
            return "[" + text[1:-1] + "]"
    return None


def _items(text: str) -> list:
    """``[...]`` (nothing after it) as nested lists of entry texts."""
    end = closing(text, 0)
    inner = text[1:end]
    items = split_top(inner, ",")
    if len(items) > 1 and not items[-1].strip():
        items.pop()  # a trailing comma
    parsed = []
    for item in items:
        stripped = item.strip()
        if stripped.startswith("[") and closing(stripped, 0) == len(stripped) - 1:
            parsed.append(_items(stripped))
        elif stripped.startswith("[") or stripped.endswith("]"):
            raise SymconvError(PARAMETER, "has unbalanced brackets", stripped[:40])
        else:
            parsed.append(_unquoted(stripped))
    rest = text[end + 1 :].strip()
    if rest:
        raise SymconvError(PARAMETER, "has text after the closing bracket", rest[:40])
    return parsed


def _unquoted(item: str) -> str:
    if len(item) >= 2 and item[0] == item[-1] and item[0] in "'\"":
        return item[1:-1]
    return item


def _json_cells(data: object) -> list:
    if isinstance(data, list):
        return [_json_cells(item) for item in data]
    if isinstance(data, str):
        return data
    if isinstance(data, (int, float)) and not isinstance(data, bool):
        return str(data)
    raise SymconvError(PARAMETER, "JSON entries must be strings or numbers", data)
