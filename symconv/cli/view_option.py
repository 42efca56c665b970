"""The ``--method`` and ``--view`` flags' reading of a view's name (they load the views).

>>> view_choice("zero-insertion"), view_choice("nope")
('zero_insertion', 'nope')
"""

from __future__ import annotations

from symconv.errors import SymconvError
from symconv.views import view_name


def view_choice(text: str) -> str:
    """A view's name as typed, ``zero-insertion`` read as ``zero_insertion``; argparse's
    ``choices`` then refuses an unknown one, listing them.

    >>> view_choice("matrix")
    'matrix'
    """
    try:
        return view_name(text)
    except SymconvError:
        return text
