"""``%load_ext symconv``: a SymconvError shows in Jupyter as one line of HTML, not a traceback.

Derivations, verifications and check reports render themselves (``_repr_latex_``);
this hook only changes how errors are shown.
"""

from __future__ import annotations

import html

from symconv.errors import SymconvError


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
