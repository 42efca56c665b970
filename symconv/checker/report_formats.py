r"""A check report written out: as plain text, JSON, LaTeX, and HTML for Jupyter.

:class:`~symconv.checker.compare.CheckReport` shows itself through these (``str(report)``,
``report.to_json()``, ``report.to_latex()``, Jupyter's display). User text (titles,
written entries) is escaped in every form.

>>> from symconv.checker.compare import check
>>> report = check("[x1*w2, x1*w3, x2*w2]", "seed-1d")
>>> print(report_text(report).splitlines()[1])
entry 2: wrong
>>> r"\textcolor{red}{x_{1} w_{3}}" in report_math(report), report_html(report).count("#fdd")
(True, 1)
"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING

from symconv.notation.expressions import Notation, array_latex
from symconv.notation.grids import slices
from symconv.notation.tex_text import check_symbols, tex_escape
from symconv.notation.words import capitalised

if TYPE_CHECKING:
    from symconv.checker.compare import CheckReport


def report_json(report: CheckReport) -> str:
    """The report as JSON (deterministic: same input, same bytes)."""
    return json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n"


def report_text(report: CheckReport) -> str:
    """The report as plain text, one finding per block, the summary last."""
    lines = [f"Checking against: {report.configuration}"]
    lines += [f"note: {n}" for n in report.notes]
    if report.shape is not None:
        lines.append(f"size: {report.shape.text}")
        lines += ["  " + line for line in report.shape.formula.splitlines()]
        for cause in report.shape.causes:
            lines.append(f"  likely cause: {cause.text}")
        if not report.shape.causes:
            lines.append("  no common slip gives this size; work the formula above again")
    for diagnosis in report.diagnoses:
        lines.append(f"whole result: {diagnosis.text}")
    for entry in report.entries:
        lines.append(f"{entry.where}: wrong")
        lines.append(f"  written:   {entry.written or '(empty)'}")
        lines.append(f"  expected:  {entry.expected_text}")
        lines.append(f"  missing:   {', '.join(entry.missing_text) or 'none'}")
        lines.append(f"  extra:     {', '.join(entry.extra_text) or 'none'}")
        for diagnosis in entry.diagnoses:
            lines.append(f"  diagnosis: {diagnosis.text}")
    for name in report.unknown:
        lines.append(f"unknown symbol {name.symbol.written!r} in {name.where}: {name.message}")
    lines.append(report.summary)
    return "\n".join(lines) + "\n"


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
    matrix = _written_matrix_latex(report, r"\colorbox{symconvwrong}{$\displaystyle {}$}")
    if matrix:
        body.append(r"\[ O_{\text{written}} = " + matrix + r" \]")
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


def report_math(report: CheckReport) -> str:
    """The written result with its wrong entries in red, and the summary, as display math."""
    check_symbols(report.derivation)
    matrix = _written_matrix_latex(report, r"\textcolor{red}{{}}")
    summary = tex_escape(report.summary)
    if not matrix:
        return rf"$\text{{{summary}}}$"
    return rf"$$ {matrix} \quad \text{{{summary}}} $$"


def report_html(report: CheckReport) -> str:
    """The report as HTML: the written entries in a table, wrong ones shaded, then findings."""
    wrong = {e.index: e for e in report.entries}
    parts = ['<div class="symconv-check">', f"<p><b>{html.escape(report.summary)}</b></p>"]
    parts.append(f"<p>Configuration: {html.escape(report.configuration)}</p>")
    grid = _grid(report)
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


def _grid(report: CheckReport) -> list[list[tuple[int, ...]]]:
    """The written entries' indices as rows of a matrix (a vector as one row); [] past 2-D."""
    shape = report.written.shape
    if len(shape) > 2:
        return []
    ((_, rows),) = slices(shape)
    return rows


def _written_matrix_latex(report: CheckReport, highlight: str) -> str:
    grid = _grid(report)
    if not grid:
        return ""
    wrong = {e.index for e in report.entries} if report.shape is None else set()
    cells = [
        [
            highlight.replace("{}", report.written.cell(i).latex)
            if i in wrong
            else report.written.cell(i).latex
            for i in row
        ]
        for row in grid
    ]
    return array_latex(cells, Notation(full=True))
