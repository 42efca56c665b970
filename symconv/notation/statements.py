r"""The verified statements as mathematics: the views agree, the adjoint and gradient identities.

One place for their notation, so the worked example, the analyses and Jupyter write them
alike: ``C^{\mathsf T}`` for the transpose, ``\langle\cdot,\cdot\rangle`` for the inner
product, ``\partial L/\partial z`` for the gradient.

>>> print(statement_latex("adjoint"))
\langle C u, v \rangle = \langle u, C^{\mathsf T} v \rangle
>>> statement_words("gradient")
'gradient identity'
"""

from __future__ import annotations

from symconv.notation.tex_text import text_latex

#: The transpose sign, as every writer puts it on a matrix.
TRANSPOSE = r"^{\mathsf T}"

_STATEMENTS = {
    "views": (
        "same output from every view",
        r"O_{\text{scatter}} = O_{\text{zero insertion}} = O_{\text{matrix}}",
    ),
    "adjoint": (
        "adjoint identity",
        rf"\langle C u, v \rangle = \langle u, C{TRANSPOSE} v \rangle",
    ),
    "gradient": (
        "gradient identity",
        r"\partial L / \partial z = \operatorname{conv}" + TRANSPOSE + r"(x, w)"
        r"\ \text{for}\ L = \langle x, \operatorname{conv}(z, w) \rangle",
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
