"""Three independent derivations of a transposed convolution.

Each view reads a :class:`symconv.core.problem.Problem` and returns its output planes;
they share no arithmetic, so their agreement (see :mod:`symconv.engine.verification`) is evidence.
"""

from symconv.errors import SymconvError
from symconv.views import matrix, scatter, zero_insertion

METHODS = {
    "scatter": scatter.transpose,
    "zero_insertion": zero_insertion.transpose,
    "matrix": matrix.transpose,
}


def view_name(name: object, parameter: str = "method") -> str:
    """The name of a view as :data:`METHODS` spells it; ``zero-insertion`` is read too.

    >>> view_name("zero-insertion"), view_name("matrix")
    ('zero_insertion', 'matrix')
    """
    spelled = name.replace("-", "_") if isinstance(name, str) else None
    if spelled not in METHODS:
        raise SymconvError(parameter, f"must be one of {', '.join(METHODS)}", name)
    return spelled


__all__ = ["METHODS", "view_name"]
