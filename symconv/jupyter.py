r"""How symconv shows itself in Jupyter: results as rendered mathematics, errors as one line.

A :class:`~symconv.engine.derivation.Derivation` renders as its result matrix, a
:class:`~symconv.engine.verification.Verification` as its checks, and after
``%load_ext symconv`` a SymconvError as one line of HTML instead of a traceback.

>>> from symconv.engine.presets import preset
>>> print(derivation_repr_latex(preset("seed-1d")))
$$y = \begin{pmatrix} x_{1} w_{2} & x_{1} w_{3} + x_{2} w_{1} & x_{2} w_{2} \end{pmatrix}$$
"""

from __future__ import annotations

import html

from symconv.engine.derivation import Derivation
from symconv.engine.verification import Verification
from symconv.errors import SymconvError
from symconv.notation.grids import output_latex
from symconv.notation.tex_text import text_latex


def verification_latex(verification: Verification) -> str:
    r"""The checks as a two-column array, ``PASS``/``FAIL`` then what was checked.

    >>> from symconv.engine.verification import Check
    >>> verification_latex(Verification((Check("views agree", True),)))
    '\\begin{array}{ll} \\text{PASS} & \\text{views agree} \\end{array}'
    """
    rows = [
        rf"\text{{{'PASS' if c.passed else 'FAIL'}}} & "
        + text_latex(f"{c.name}: {c.detail}" if c.detail else c.name)
        for c in verification.checks
    ]
    return r"\begin{array}{ll} " + r" \\ ".join(rows) + r" \end{array}"


def error_html(error: BaseException) -> str:
    """One line of HTML for an error, escaped, instead of a traceback.

    >>> print(error_html(SymconvError("stride", "must be >= 1", 0)).split("</b> ")[1])
    stride: must be &gt;= 1 (got 0)</div>
    """
    return (
        '<div class="symconv-error" style="color: #b00020"><b>symconv error</b> '
        f"{html.escape(str(error))}</div>"
    )


def _show_error(shell, etype, value, tb, tb_offset=None) -> list[str]:
    from IPython.display import HTML, display

    display(HTML(error_html(value)))
    return []  # no traceback


def load_ipython_extension(ipython) -> None:
    """``%load_ext symconv``: show a SymconvError as one line of HTML, not a traceback.

    >>> class Shell:
    ...     def set_custom_exc(self, exceptions, handler):
    ...         print([e.__name__ for e in exceptions], handler.__name__)
    >>> load_ipython_extension(Shell())
    ['SymconvError'] _show_error
    """
    ipython.set_custom_exc((SymconvError,), _show_error)


def unload_ipython_extension(ipython) -> None:
    """``%unload_ext symconv``: errors show as tracebacks again."""
    ipython.set_custom_exc((), None)


def derivation_repr_latex(derivation: Derivation) -> str:
    """What Jupyter renders for a :class:`~symconv.engine.derivation.Derivation`: its result matrix."""
    return f"$${output_latex(derivation)}$$"


def verification_repr_latex(verification: Verification) -> str:
    """What Jupyter renders for a :class:`~symconv.engine.verification.Verification`: its checks."""
    return f"$${verification_latex(verification)}$$"
