r"""A check report written out as a LaTeX document and as an HTML page.

The report itself (:class:`~symconv.checker.report.CheckReport`) is data and writes its
own text and JSON; these writers read it. User text (titles, written entries) is escaped.

>>> from symconv.checker.compare import check
>>> report = check("[x1*w2, x1*w3, x2*w2]", "seed-1d")
>>> report_latex(report).startswith(r"\documentclass"), report_html(report).count("#fdd")
(True, 1)
"""

from __future__ import annotations

import html

from symconv.checker.report import CheckReport
from symconv.notation.style import RESULT
from symconv.notation.tex_text import check_symbols, tex_escape
from symconv.notation.words import capitalised


def report_latex(report: CheckReport, document: bool = True) -> str:
    r"""The report as LaTeX, wrong entries highlighted with xcolor's ``\colorbox``.

    A whole ``article`` document by default (it compiles with pdflatex); with
    ``document=False`` the body alone, for a document that loads amsmath and xcolor.
    """
    check_symbols(report.derivation)  # SymPy prints names as they are: no TeX in them
    body = [r"\section*{Check of a hand derivation}"]
    body.append(r"\noindent Configuration: " + tex_escape(report.configuration) + ".")
    body.append("")
    body.append(r"\noindent\textbf{" + tex_escape(report.summary) + "}")
    for note in report.notes:
        body.append("")
        body.append(r"\noindent " + tex_escape(capitalised(note)) + ".")
    matrix = report.written_matrix_latex(r"\colorbox{symconvwrong}{$\displaystyle {}$}")
    if matrix:
        body.append(rf"\[ {RESULT}_{{\text{{written}}}} = " + matrix + r" \]")
    items = []
    if report.shape is not None:
        formula = r" \\ ".join(
            r"\texttt{" + tex_escape(f) + "}" for f in report.shape.formula.splitlines()
        )
        items.append(r"\item Size: " + tex_escape(report.shape.text) + r". \\ " + formula)
        for cause in report.shape.causes:
            items.append(r"\item Likely cause: " + cause.latex + ".")
    for diagnosis in report.diagnoses:
        items.append(r"\item Whole result: " + diagnosis.latex + ".")
    for e in report.entries:
        missing = ", ".join(f"${t}$" for t in e.missing_latex) or "none"
        extra = ", ".join(f"${t}$" for t in e.extra_latex) or "none"
        lines = [
            r"\item \textbf{" + tex_escape(capitalised(e.where)) + ".}",
            rf"Written: ${e.written_latex}$.",
            rf"Correct: ${e.expected_latex}$.",
            f"Missing: {missing}. Extra: {extra}.",
        ]
        lines += [capitalised(d.latex) + "." for d in e.diagnoses]
        items.append(" ".join(lines))
    for name in report.unknown:
        items.append(
            r"\item Unknown symbol \texttt{"
            + tex_escape(name.symbol.written)
            + "} in "
            + tex_escape(name.where)
            + ": "
            + tex_escape(name.message)
            + "."
        )
    if items:
        body += [r"\begin{itemize}", *items, r"\end{itemize}"]
    text = "\n".join(body) + "\n"
    if not document:
        return text
    return (
        "\\documentclass{article}\n\\usepackage{amsmath}\n"
        "\\usepackage{xcolor}\n\\definecolor{symconvwrong}{rgb}{1,0.82,0.82}\n"
        "\\begin{document}\n" + text + "\\end{document}\n"
    )


def report_html(report: CheckReport) -> str:
    """The report as HTML: the written entries in a table, wrong ones shaded, then findings."""
    wrong = {e.index: e for e in report.entries}
    parts = ['<div class="symconv-check">', f"<p><b>{html.escape(report.summary)}</b></p>"]
    parts.append(f"<p>Configuration: {html.escape(report.configuration)}</p>")
    grid = report.grid()
    if grid:
        parts.append('<table style="border-collapse:collapse">')
        for row in grid:
            parts.append("<tr>")
            for index in row:
                cell = report.written.cell(index)
                style = "border:1px solid #bbb;padding:2px 8px;font-family:monospace"
                title = ""
                if index in wrong and report.shape is None:
                    style += ";background:#fdd"
                    title = f' title="expected {html.escape(wrong[index].expected_text)}"'
                parts.append(f'<td style="{style}"{title}>{html.escape(cell.text)}</td>')
            parts.append("</tr>")
        parts.append("</table>")
    items = []
    if report.shape is not None:
        formula = "<br>".join(html.escape(f) for f in report.shape.formula.splitlines())
        items.append(f"<li>Size: {html.escape(report.shape.text)}<br><code>{formula}</code></li>")
        items += [f"<li>Likely cause: {html.escape(c.text)}</li>" for c in report.shape.causes]
    items += [f"<li>Whole result: {html.escape(d.text)}</li>" for d in report.diagnoses]
    for e in report.entries:
        details = [
            f"<b>{html.escape(e.where)}</b>",
            f"written <code>{html.escape(e.written or '(empty)')}</code>",
            f"expected <code>{html.escape(e.expected_text)}</code>",
            f"missing <code>{html.escape(', '.join(e.missing_text) or 'none')}</code>",
            f"extra <code>{html.escape(', '.join(e.extra_text) or 'none')}</code>",
        ]
        details += [html.escape(d.text) for d in e.diagnoses]
        items.append("<li>" + "; ".join(details) + "</li>")
    for name in report.unknown:
        items.append(
            f"<li>Unknown symbol <code>{html.escape(name.symbol.written)}</code> in "
            f"{html.escape(name.where)}: {html.escape(name.message)}</li>"
        )
    if items:
        parts += ["<ul>", *items, "</ul>"]
    parts.append("</div>")
    return "\n".join(parts)


