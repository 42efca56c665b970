"""Three independent derivations of a transposed convolution.

Each view reads a :class:`symconv.core.problem.Problem` and returns its output planes;
they share no arithmetic, so their agreement (see :mod:`symconv.engine.verification`) is evidence.
"""

from symconv.views import matrix, scatter, zero_insertion

METHODS = {
    "scatter": scatter.transpose,
    "zero_insertion": zero_insertion.transpose,
    "matrix": matrix.transpose,
}

__all__ = ["METHODS"]
