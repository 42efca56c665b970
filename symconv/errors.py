"""The one exception symconv raises for bad input.

>>> from symconv.errors import SymconvError
>>> str(SymconvError("stride", "must be an integer >= 1", 0))
'stride: must be an integer >= 1 (got 0)'
"""

from __future__ import annotations

_NO_VALUE = object()


class SymconvError(ValueError):
    """Bad input: names the parameter, the rule it broke and, when known, the value given.

    >>> err = SymconvError("padding", "must be >= 0", -1)
    >>> err.parameter, err.rule, err.value
    ('padding', 'must be >= 0', -1)
    """

    def __init__(self, parameter: str, rule: str, value: object = _NO_VALUE):
        self.parameter = parameter
        self.rule = rule
        self.value = None if value is _NO_VALUE else value
        message = f"{parameter}: {rule}"
        if value is not _NO_VALUE:
            message += f" (got {value!r})"
        super().__init__(message)
