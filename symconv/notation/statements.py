r"""The verified statements as mathematics: the views agree, the adjoint and gradient identities.

One place for their notation, so the worked example, the analyses and Jupyter write them
alike: ``C^{\mathsf T}`` for the transpose, ``\langle\cdot,\cdot\rangle`` for the inner
product, ``\partial L/\partial z`` for the gradient.

>>> print(statement_latex("adjoint"))
\langle C u, v \rangle = \langle u, C^{\mathsf T} v \rangle
>>> statement_words("gradient")
'gradient identity'
>>> print(MATRIX_PRODUCT)
\operatorname{vec}(O) = C^{\mathsf T} \operatorname{vec}(I)
"""

from __future__ import annotations

from symconv.notation.style import INPUT, KERNEL, RESULT
from symconv.notation.tex_text import text_latex

#: The transpose sign, as every writer puts it on a matrix.
TRANSPOSE = r"^{\mathsf T}"
#: The same sign in plain text.
TRANSPOSE_TEXT = "^T"

#: The output size along one axis in its general form, as every writer quotes it first:
#: stride s, input I, dilation d, kernel k, padding p at each end, output padding a.
SIZE_FORMULA = "s(I - 1) + d(k - 1) + 1 - 2p + a"
#: The same formula in plain text, output padding spelled out.
SIZE_FORMULA_TEXT = "s*(I - 1) + d*(k - 1) + 1 - 2*p + output_padding"

#: The matrix view as an equation: the flattened result is C^T times the flattened input.
MATRIX_PRODUCT = rf"\operatorname{{vec}}({RESULT}) = C{TRANSPOSE} \operatorname{{vec}}({INPUT})"
#: The same equation in plain text.
MATRIX_PRODUCT_TEXT = f"vec({RESULT}) = C{TRANSPOSE_TEXT} vec({INPUT})"

_STATEMENTS = {
    "views": (
        "same output from every view",
        " = ".join(
            rf"{RESULT}_{{\text{{{view}}}}}" for view in ("scatter", "zero insertion", "matrix")
        ),
    ),
    "adjoint": (
        "adjoint identity",
        rf"\langle C u, v \rangle = \langle u, C{TRANSPOSE} v \rangle",
    ),
    "gradient": (
        "gradient identity",
        rf"\partial L / \partial z = \operatorname{{conv}}{TRANSPOSE}({INPUT}, {KERNEL})"
        rf"\ \text{{for}}\ L = \langle {INPUT}, \operatorname{{conv}}(z, {KERNEL}) \rangle",
    ),
}


def statement_latex(kind: str) -> str:
    """The statement ``kind`` (``views``, ``adjoint``, ``gradient``) as LaTeX mathematics."""
    return _STATEMENTS[kind][1]


def statement_words(kind: str) -> str:
    """The statement's name in words: ``adjoint identity``."""
    return _STATEMENTS[kind][0]


def check_latex(check) -> str:
    r"""One check (name, passed, detail, kind) as mathematics: its statement, then its detail.

    >>> from collections import namedtuple
    >>> Check = namedtuple("Check", "name passed detail kind")
    >>> print(check_latex(Check("views agree", True, "9 entries each", "views")))
    O_{\text{scatter}} = O_{\text{zero insertion}} = O_{\text{matrix}} \quad \text{(9 entries each)}
    """
    math = statement_latex(check.kind) if check.kind in _STATEMENTS else text_latex(check.name)
    return math + (rf" \quad {text_latex(f'({check.detail})')}" if check.detail else "")


def checks_latex(checks) -> str:
    r"""Verified statements as a two-column array: ``PASS`` or ``FAIL``, then the statement.

    >>> from collections import namedtuple
    >>> Check = namedtuple("Check", "name passed detail kind")
    >>> print(checks_latex([Check("adjoint identity", True, "", "adjoint")]))
    \begin{array}{ll} \text{PASS} & \langle C u, v \rangle = ... \end{array}
    """
    rows = [rf"\text{{{'PASS' if c.passed else 'FAIL'}}} & {check_latex(c)}" for c in checks]
    return r"\begin{array}{ll} " + r" \\ ".join(rows) + r" \end{array}"
